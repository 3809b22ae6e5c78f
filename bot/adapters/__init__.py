"""Platform adapters (terminal, Telegram, Slack) render Replies; only they use click, rich, telegram, slack."""
