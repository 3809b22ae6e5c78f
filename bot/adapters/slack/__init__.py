"""The Slack bot: Bolt app, listeners, Block Kit rendering, daily posts and /ask add."""
