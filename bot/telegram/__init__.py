"""The Telegram adapter: python-telegram-bot handlers that render the core's Reply as HTML."""
