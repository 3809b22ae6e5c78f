"""The Telegram bot: python-telegram-bot application, handlers, HTML rendering, daily posts and /add."""
