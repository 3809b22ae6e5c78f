"""The Slack adapter: Bolt listeners that turn mentions, DMs, /ask and buttons into questions, and
Replies into Block Kit. See `bot.slack.app` for the wiring and the extension protocol."""
