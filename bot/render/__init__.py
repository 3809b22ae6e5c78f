"""Renderers: a Reply -> terminal text (Telegram HTML and Slack Block Kit live with their adapters)."""
