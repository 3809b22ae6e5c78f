"""👍/👎 on quotes: recording votes (idempotent, changeable) and the report for the corpus owner.

A vote is keyed by (platform, chat, message, passage, user): `record` is one INSERT … ON CONFLICT DO
UPDATE (SQLite and PostgreSQL), so a button press delivered twice, to one replica or two, leaves one row,
and pressing the other button changes that row. A 👎 may carry a reason (REASONS); a plain 👎 pressed
again keeps the reason given before, a 👍 clears it. Only the question answered is stored, no other text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, and_, case, func, select
from sqlalchemy.engine import Engine

from bot.db.chat_state import storable
from bot.db.schema import FeedbackVote, as_utc, utcnow

VOTES = ("up", "down")
REASONS = ("wrong_passage", "not_an_answer", "no_match")  # "should have said no match"
KINDS = ("answer", "daily", "similar")
MAX_QUESTION = 1000  # characters of a question kept (answers refuse longer ones anyway)


@dataclass(frozen=True)
class Vote:
    """One press of a feedback button (or of a reason after 👎)."""

    platform: str
    chat_id: str
    message_id: str
    user_id: str
    passage_id: str
    vote: str  # "up" | "down"
    kind: str = "answer"
    question: str | None = None
    reason: str | None = None  # only with "down"

    def __post_init__(self) -> None:
        if self.vote not in VOTES or self.kind not in KINDS:
            raise ValueError(f"bad vote {self.vote!r} of kind {self.kind!r}")
        if self.reason is not None and (self.vote != "down" or self.reason not in REASONS):
            raise ValueError(f"bad reason {self.reason!r} for {self.vote!r}")


def _insert(engine: Engine) -> Any:
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    if engine.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert
    raise NotImplementedError(f"feedback needs SQLite or PostgreSQL, not {engine.dialect.name}")


def record(engine: Engine, vote: Vote, now: dt.datetime | None = None) -> str | None:
    """Store (or change) the vote; the vote stored before for the same key, or None when it is new."""
    now = now or utcnow()
    table = cast(Table, FeedbackVote.__table__)
    c = table.c
    key = {"platform": vote.platform, "chat_id": str(vote.chat_id)[:64], "message_id": str(vote.message_id)[:64],
           "passage_id": vote.passage_id[:120], "user_id": str(vote.user_id)[:64]}
    question = storable(vote.question[:MAX_QUESTION]) if vote.question else None
    ins = _insert(engine)(table).values(**key, kind=vote.kind, question=question, vote=vote.vote, reason=vote.reason,
                                        created_at=now, updated_at=now)
    if vote.reason is not None:
        reason: Any = ins.excluded.reason
    elif vote.vote == "down":  # a 👎 again (a retry, or after a reason): the reason given stays
        reason = case((c.vote == "down", c.reason), else_=None)
    else:
        reason = None
    upsert = ins.on_conflict_do_update(
        index_elements=list(key),
        set_={"vote": ins.excluded.vote, "reason": reason, "kind": ins.excluded.kind,
              "question": func.coalesce(ins.excluded.question, c.question), "updated_at": now},
    )
    where = and_(*(c[name] == value for name, value in key.items()))
    with engine.begin() as conn:
        # a new vote: inserted (a concurrent press of the same key, on another replica, waits here for this
        # one and then finds the row); else the row is locked (PostgreSQL) before its vote is read, so two
        # deliveries of one press never both see the old vote
        if conn.execute(ins.on_conflict_do_nothing(index_elements=list(key)).returning(c.id)).first() is not None:
            return None
        before = conn.execute(select(c.vote).where(where).with_for_update()).scalar()
        conn.execute(upsert)
    return before


def votes_of(engine: Engine, platform: str, chat_id: str) -> list[dict[str, Any]]:
    """Every vote stored for a chat (for tests and inspection), oldest first."""
    table = cast(Table, FeedbackVote.__table__)
    with engine.connect() as conn:
        rows = conn.execute(select(table).where(table.c.platform == platform, table.c.chat_id == str(chat_id))
                            .order_by(table.c.id)).mappings().all()
    return [dict(r) for r in rows]


@dataclass
class PassageFeedback:
    passage_id: str
    up: int = 0
    down: int = 0
    reasons: Counter[str] = field(default_factory=Counter)


@dataclass
class WrongAnswer:
    """A question whose quote of one passage was marked 👎."""

    question: str
    passage_id: str
    down: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    platforms: set[str] = field(default_factory=set)
    last: dt.datetime | None = None


@dataclass
class Report:
    since: dt.date | None
    up: int
    down: int
    passages: list[PassageFeedback]  # with at least one 👎, the most disliked first
    questions: list[WrongAnswer]  # the questions marked wrong, the most votes first


def report(engine: Engine, since: dt.date | None = None, limit: int = 50) -> Report:
    """The votes changed on or after `since` (UTC), grouped: the most disliked passages (by 👎, then by
    👎 minus 👍) and the questions whose quotes were marked 👎."""
    table = cast(Table, FeedbackVote.__table__)
    c = table.c
    query = select(c.passage_id, c.vote, c.reason, c.kind, c.question, c.platform, c.updated_at)
    if since is not None:
        query = query.where(c.updated_at >= dt.datetime.combine(since, dt.time(), dt.UTC))
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(c.id)).all()
    passages: dict[str, PassageFeedback] = {}
    wrong: dict[tuple[str, str], WrongAnswer] = {}
    totals: Counter[str] = Counter()
    for passage_id, vote, reason, kind, question, platform, updated in rows:
        totals[vote] += 1
        p = passages.setdefault(passage_id, PassageFeedback(passage_id))
        if vote == "up":
            p.up += 1
            continue
        p.down += 1
        p.reasons[reason or "unspecified"] += 1
        if kind == "answer" and question:
            w = wrong.setdefault((question, passage_id), WrongAnswer(question, passage_id))
            w.down += 1
            w.reasons[reason or "unspecified"] += 1
            w.platforms.add(platform)
            when = as_utc(updated)
            w.last = when if w.last is None or when > w.last else w.last
    disliked = sorted((p for p in passages.values() if p.down),
                      key=lambda p: (-p.down, -(p.down - p.up), p.passage_id))
    marked = sorted(wrong.values(), key=lambda w: (-w.down, w.question, w.passage_id))
    return Report(since, totals["up"], totals["down"], disliked[:limit], marked[:limit])


def withdraw(engine: Engine, vote: Vote) -> bool:
    """Take back a vote (a 👍/👎 reaction removed): delete its row if it still holds that vote (a vote changed
    since, by a button or another reaction, stays); whether a row was deleted."""
    table = cast(Table, FeedbackVote.__table__)
    c = table.c
    key = {"platform": vote.platform, "chat_id": str(vote.chat_id)[:64], "message_id": str(vote.message_id)[:64],
           "passage_id": vote.passage_id[:120], "user_id": str(vote.user_id)[:64]}
    with engine.begin() as conn:
        deleted = conn.execute(table.delete().where(*(c[name] == value for name, value in key.items()),
                                                    c.vote == vote.vote))
    return bool(deleted.rowcount)
