"""The Telegram bot: python-telegram-bot application, handlers, HTML rendering, daily posts and /add."""

from bot.adapters.lean_imports import skip_httpx_command_line

skip_httpx_command_line()  # first: python-telegram-bot imports httpx
