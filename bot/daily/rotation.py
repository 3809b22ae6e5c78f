"""Each subscription's own walk through the quotable passages: no repeat until all were posted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.answer.scope import Scope, from_dict
from bot.daily.choose import candidates, shuffled
from bot.db.schema import ChatScope, Delivery, Subscription

if TYPE_CHECKING:
    from bot.answer.library import Library


def history(session: Session, subscription_id: int) -> list[tuple[str, int]]:
    """(passage_id, cycle) of the posts made, maybe made or in flight, oldest first."""
    rows = session.execute(
        select(Delivery.passage_id, Delivery.cycle)
        .where(Delivery.subscription_id == subscription_id,
               Delivery.status.in_(("claimed", "sent", "uncertain", "released")), Delivery.passage_id.is_not(None))
        .order_by(Delivery.local_date)
    ).all()
    return [(r[0], r[1]) for r in rows if r[0] is not None]


def scope_of(session: Session, platform: str, chat_id: str) -> Scope | None:
    """The chat's scope as stored now (None: none, or unreadable)."""
    row = session.get(ChatScope, (platform, str(chat_id)))
    try:
        return from_dict(row.scope) if row else None
    except ValueError:
        return None


def chat_scope(engine: Engine, platform: str, chat_id: str) -> Scope | None:
    with Session(engine) as session:
        return scope_of(session, platform, chat_id)


def next_passage(session: Session, library: Library, sub: Subscription) -> tuple[str, int] | None:
    """The subscription's next passage and the cycle it belongs to; None when no passage fits its filters
    (and its chat's scope).

    Within a cycle every candidate is posted once, in an order of its own (seeded by the subscription
    id and cycle); a new cycle begins when all were posted, never with the passage posted last.
    """
    pool = candidates(library, speaker=sub.speaker, article=sub.article, language=sub.language,
                      scope=scope_of(session, sub.platform, sub.chat_id))
    if not pool:
        return None
    past = history(session, sub.id)
    cycle = max((c for _, c in past), default=0)
    used: set[str] = set()
    for pid, c in past:
        if c == cycle:
            used.add(pid)
            p = library.by_id.get(pid)
            used.update(p.versions if p else ())
    remaining = [p for p in shuffled(pool, f"subscription:{sub.id}:{cycle}") if p.id not in used]
    if not remaining:
        cycle += 1
        last = past[-1][0] if past else None
        order = shuffled(pool, f"subscription:{sub.id}:{cycle}")
        remaining = [p for p in order if p.id != last] or order
    return remaining[0].id, cycle
