"""Which quotes the bot's messages carried: a reaction (👍/👎) names only the chat and the message, so the
passages it rates, and where they came from, are remembered when a message is sent.

    remember(engine, "telegram", chat_id, [message_id], [passage_id, ...], source)   # source: see SentQuote
    quotes_in(engine, "telegram", chat_id, message_id)  # [(passage_id, source, vote_message_id)], oldest first

Daily posts are found through the deliveries (bot.daily), which already keep each post's message and passage.
Rows are written at most once per (platform, chat, message, passage): sending again changes nothing; rows
older than RETENTION are deleted (hourly, as new ones are written).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, select
from sqlalchemy.engine import Engine

from bot.db.schema import Delivery, SentQuote, Subscription, utcnow

RETENTION = dt.timedelta(days=90)  # how long a message's quotes are remembered (reactions count)
PRUNE_EVERY = 3600.0  # seconds between deletions of older rows (by each process)
_pruned_at = float("-inf")


def _insert(engine: Engine) -> Any:
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def remember(engine: Engine, platform: str, chat_id: str, message_ids: Sequence[str], passage_ids: Sequence[str],
             source: str, now: dt.datetime | None = None) -> None:
    """Record that each of `message_ids` carried the quotes of `passage_ids` (from `source`)."""
    key = str(message_ids[-1])[:64] if message_ids else ""  # the last message, with the buttons
    rows = [{"platform": platform, "chat_id": str(chat_id)[:64], "message_id": str(m)[:64], "passage_id": p[:120],
             "source": source[:16], "vote_message_id": key, "created_at": now or utcnow()}
            for m in message_ids for p in dict.fromkeys(passage_ids)]
    if not rows:
        return
    table = cast(Table, SentQuote.__table__)
    global _pruned_at
    prune = time.monotonic() - _pruned_at > PRUNE_EVERY
    with engine.begin() as conn:
        conn.execute(_insert(engine)(table).values(rows).on_conflict_do_nothing(
            index_elements=["platform", "chat_id", "message_id", "passage_id"]))
        if prune:  # the table keeps RETENTION: reactions to older messages are no votes
            _pruned_at = time.monotonic()
            conn.execute(delete(table).where(table.c.created_at < (now or utcnow()) - RETENTION))


def quotes_in(engine: Engine, platform: str, chat_id: str, message_id: str) -> list[tuple[str, str, str]]:
    """(passage id, source, the message id votes are stored under) of every quote of the answer the message
    belongs to, as remembered or as posted by the daily quote; [] for a message the bot did not send with quotes."""
    sent = cast(Table, SentQuote.__table__).c
    with engine.connect() as conn:
        rows = conn.execute(select(sent.passage_id, sent.source, sent.vote_message_id).where(
            sent.platform == platform, sent.chat_id == str(chat_id), sent.message_id == str(message_id))
            .order_by(sent.id)).all()
        if rows:
            return [(p, s, k) for p, s, k in rows]
        posts = select(Delivery.passage_id).join(Subscription, Delivery.subscription_id == Subscription.id)
        posted = conn.execute(posts.where(Subscription.platform == platform, Subscription.chat_id == str(chat_id),
                                          Delivery.message_id == str(message_id),
                                          Delivery.passage_id.is_not(None))).all()
    return [(p, "d", str(message_id)) for (p,) in posted if p]
