"""The Slack bot: Bolt app, listeners, Block Kit rendering, daily posts and /ask add."""

from bot.adapters.lean_imports import skip_httpx_command_line

skip_httpx_command_line()  # first: the bot's translation client and importer use httpx
