"""The terminal: the `interview-bot` commands and rich output."""
