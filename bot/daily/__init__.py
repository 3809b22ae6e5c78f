"""Quote of the day: choosing quotable passages, subscriptions, and posting them on schedule."""

from bot.daily.choose import quotable, quote_of_the_day, random_quote

__all__ = ["quotable", "quote_of_the_day", "random_quote"]
