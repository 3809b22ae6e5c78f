"""Posting the daily quote: which posts are due, claiming each one in the database, sending, recording.

At most once per (subscription, local day), with one trade-off for ambiguous outcomes, and one exception:

* Every (subscription, local date) post has one Delivery row under a UNIQUE key. A scheduler claims a
  post by inserting that row (or, for a released or stale claim, by a compare-and-set UPDATE); only one
  scheduler — thread, process or replica — can win, on SQLite and on PostgreSQL alike. A restart, a
  clock that jumps back, or a second replica therefore never posts a day twice.
* Days only move forward: a subscription never gets a day earlier than the latest day claimed for it
  (the clock was set back, or one replica's clock is behind), so a skipped "yesterday" stays skipped.
  The other side of it: after a clock that ran ahead is corrected, the subscription waits until the
  latest day it claimed has passed (`/subscription` shows that date); delete those rows to resume sooner.
* Posts are claimed one at a time, just before sending, so a crash leaves at most one claim open.
* After the send the row records the outcome, and only a send that certainly did not post is tried again:
  - posted: "sent".
  - certainly not posted (no connection could be opened, flood control, an error answer from the
    platform, which then did nothing): "released"; a later round retries it the same local day.
  - maybe posted (the request went out but no answer came in time — a slow API answering after the
    client's timeout —, the connection dropped before the answer, the bot stopped mid-request; adapters
    raise MaybeSent): "uncertain", never retried. The trade-off: the chat APIs offer no idempotency key
    and cannot be asked whether a message went out, and a slow platform usually did post it, so a retry
    would post the day twice. Not retrying means that when the platform had in fact dropped it, that chat
    misses one day's quote (the next day's comes as usual, and the row says what happened). One quote
    missing is the better failure for a once-a-day post than the same chat getting two.
  - the chat is gone (blocked, kicked, not found, archived): "failed", and the subscription is paused
    with the reason.
* A subscription whose stored time zone (or post time) cannot be read is paused with the reason and
  logged once; the other subscriptions are posted as usual.
* The exception: a claim still open `stale_after` after it was taken belongs to a scheduler that died
  between claim and record, and nobody can tell whether its request went out. Retrying it (the default,
  `stale_after` = 10 minutes) is at-least-once for that case only: if the crash came after the platform
  accepted the message but before the row was marked, the chat gets that day's quote twice.
  `stale_after=None` never retries it: at-most-once throughout, that day's post is lost instead. The
  window is one HTTP request long (bounded by the client's timeout, well under `stale_after`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, cast

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.daily import clock
from bot.daily.choose import candidates, daily_quote
from bot.daily.rotation import next_passage
from bot.db.schema import Delivery, Subscription, as_utc, utcnow

if TYPE_CHECKING:
    from sqlalchemy.engine import CursorResult

    from bot.answer.library import Library
    from bot.answer.reply import Quote

log = logging.getLogger(__name__)

STALE_AFTER = dt.timedelta(minutes=10)
RETRY_AFTER = dt.timedelta(seconds=20)
MAX_WAIT = 60.0  # seconds a round waits for flood control before leaving the rest to the next round


class ChatGone(Exception):
    """The chat blocked the bot, was deleted, or the bot was removed: pause, don't retry."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RetryLater(Exception):
    """Flood control: try again after `seconds`."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


class MaybeSent(Exception):
    """The request went out but its outcome is unknown (timeout after sending, connection dropped before
    the answer): the message may have been posted, so that day's post is not retried."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ChatMoved(Exception):
    """The chat has a new id (a Telegram group became a supergroup): post there instead."""

    def __init__(self, new_chat_id: str) -> None:
        super().__init__(f"chat moved to {new_chat_id}")
        self.new_chat_id = str(new_chat_id)


# send(subscription, quote) -> platform message id (or None); raises ChatGone/RetryLater/ChatMoved/MaybeSent,
# or any other exception for a send that certainly did not post (retried).
Send = Callable[[Subscription, "Quote"], "str | None"]


class PostEvents(Protocol):
    """What a scheduler reports (the process's metrics)."""

    def post_sent(self, platform: str) -> None: ...
    def post_failed(self, platform: str) -> None: ...
    def api_error(self, platform: str, kind: str = "error") -> None: ...


class NoEvents:
    """Reports nothing (tests, one-off rounds)."""

    def post_sent(self, platform: str) -> None:
        pass

    def post_failed(self, platform: str) -> None:
        pass

    def api_error(self, platform: str, kind: str = "error") -> None:
        pass


@dataclass(frozen=True)
class Due:
    """A post that should be made now: the subscription's post for `local_date`."""

    subscription_id: int
    local_date: dt.date
    scheduled: dt.datetime  # UTC
    delivery_id: int | None = None  # an existing released or stale claim to take over


@dataclass
class Round:
    """What one scheduling round did."""

    due: int = 0
    sent: list[tuple[int, dt.date, str]] = field(default_factory=list)  # (subscription, day, passage)
    lost: int = 0  # claimed by someone else first
    paused: list[tuple[int, str]] = field(default_factory=list)
    retry: int = 0
    uncertain: int = 0  # maybe posted (no answer in time): not retried


def due_posts(session: Session, now_utc: dt.datetime, *, platform: str | None = None,
              stale_after: dt.timedelta | None = STALE_AFTER, retry_after: dt.timedelta = RETRY_AFTER,
              broken: list[tuple[int, str]] | None = None) -> list[Due]:
    """The posts due at `now_utc`: today's (in each subscription's zone) once its time has come, not
    yet sent or claimed, and later than any day claimed before; plus released claims and claims gone
    stale. Earliest first. Subscriptions whose zone or time cannot be read are skipped and, when
    `broken` is given, appended to it as (id, reason)."""
    query = select(Subscription).where(Subscription.active.is_(True))
    if platform:
        query = query.where(Subscription.platform == platform)
    wanted: dict[tuple[int, dt.date], dt.datetime] = {}
    for sub in session.scalars(query):
        try:
            day = clock.due_date(now_utc, sub.post_time, sub.timezone, as_utc(sub.active_since))
            if day is not None:
                wanted[(sub.id, day)] = clock.scheduled_at(day, sub.post_time, sub.timezone)
        except clock.LOAD_ERRORS:  # a zone (or time) that cannot be read: one bad row must not stop the others
            if broken is not None:
                broken.append((sub.id, clock.zone_problem(sub.timezone) or f"bad post time {sub.post_time!r}"))
    if not wanted:
        return []
    ids = sorted({sid for sid, _ in wanted})
    days = sorted({d for _, d in wanted})
    existing: dict[tuple[int, dt.date], Delivery] = {}
    latest: dict[int, dt.date] = {}
    for chunk in range(0, len(ids), 500):
        some = ids[chunk:chunk + 500]
        rows = session.scalars(select(Delivery).where(
            Delivery.subscription_id.in_(some), Delivery.local_date.in_(days)))
        existing.update({(r.subscription_id, r.local_date): r for r in rows})
        latest.update({sid: day for sid, day in session.execute(
            select(Delivery.subscription_id, func.max(Delivery.local_date))
            .where(Delivery.subscription_id.in_(some)).group_by(Delivery.subscription_id))})
    out = []
    for key, at in wanted.items():
        if key[0] in latest and latest[key[0]] > key[1]:  # a later day was claimed: the clock went back
            continue
        row = existing.get(key)
        if row is None:
            out.append(Due(key[0], key[1], at))
        elif _takeable(row, now_utc, stale_after, retry_after):
            out.append(Due(key[0], key[1], at, row.id))
    return sorted(out, key=lambda d: (d.scheduled, d.subscription_id))


def _takeable(row: Delivery, now: dt.datetime, stale_after: dt.timedelta | None, retry_after: dt.timedelta) -> bool:
    claimed = as_utc(row.claimed_at)
    if row.status == "released":
        return claimed is None or claimed <= now - retry_after
    if row.status == "claimed" and stale_after is not None:
        return claimed is None or claimed <= now - stale_after
    return False


class Scheduler:
    """Runs posting rounds for one platform against one database (any number may run at once)."""

    def __init__(self, engine: Engine, library: Callable[[], Library], send: Send, *, platform: str,
                 events: PostEvents | None = None, rate: float = 20.0,
                 stale_after: dt.timedelta | None = STALE_AFTER, retry_after: dt.timedelta = RETRY_AFTER,
                 replica: str | None = None, now: Callable[[], dt.datetime] = utcnow,
                 sleep: Callable[[float], None] = time.sleep, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.engine, self.library, self.send, self.platform = engine, library, send, platform
        self.events: PostEvents = events or NoEvents()
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.stale_after, self.retry_after = stale_after, retry_after
        self.replica = replica or f"{platform}-{uuid.uuid4().hex[:12]}"
        self._now, self._sleep, self._monotonic = now, sleep, monotonic
        self._next_slot = 0.0
        self._lock = threading.Lock()

    # -- one round ----------------------------------------------------------------------------------
    def run_once(self, now: dt.datetime | None = None, stop: threading.Event | None = None) -> Round:
        """Claim, send and record every post due now; rounds never overlap within one scheduler."""
        with self._lock:
            now = now or self._now()
            broken: list[tuple[int, str]] = []
            with Session(self.engine) as session:
                due = due_posts(session, now, platform=self.platform, stale_after=self.stale_after,
                                retry_after=self.retry_after, broken=broken)
            result = Round(due=len(due))
            for subscription_id, reason in broken:
                if self._pause_broken(subscription_id, reason, now):
                    result.paused.append((subscription_id, reason))
            waited = 0.0
            for i, item in enumerate(due):
                if stop is not None and stop.is_set():
                    break
                waited += self._throttle()
                if waited > MAX_WAIT:
                    log.warning("daily: flood control; %d posts left for the next round", len(due) - i)
                    break
                claim = self._claim(item, now)
                if claim is None:
                    result.lost += 1
                    continue
                waited += self._deliver(claim, result)
            return result

    def _throttle(self) -> float:
        """Space sends `interval` apart (many posts at one minute are spread, not dropped)."""
        if not self.interval:
            return 0.0
        now = self._monotonic()
        wait = self._next_slot - now
        if wait > 0:
            self._sleep(wait)
        self._next_slot = max(now, self._next_slot) + self.interval
        return max(wait, 0.0)

    def _pause_broken(self, subscription_id: int, reason: str, now: dt.datetime) -> bool:
        """Pause a subscription whose zone or time cannot be read; True when this call paused it (so it
        is logged once, by one replica, and skipped from then on)."""
        with Session(self.engine) as session, session.begin():
            done = cast("CursorResult[Any]", session.execute(
                update(Subscription).where(Subscription.id == subscription_id, Subscription.active.is_(True))
                .values(active=False, paused_reason=reason, updated_at=now)))
        if done.rowcount == 1:
            log.warning("daily: subscription %s paused: %s", subscription_id, reason)
            return True
        return False

    # -- claims -------------------------------------------------------------------------------------
    def _claim(self, item: Due, now: dt.datetime) -> _Claim | None:
        """Take the post atomically, or None when another scheduler has it (or has a later day)."""
        with Session(self.engine, expire_on_commit=False) as session:
            sub = session.get(Subscription, item.subscription_id)
            if sub is None or not sub.active:
                return None
            if session.scalar(select(Delivery.id).where(Delivery.subscription_id == sub.id,
                                                        Delivery.local_date > item.local_date).limit(1)):
                return None  # days only move forward
            if item.delivery_id is not None:
                return self._take_over(session, sub, item, now)
            library = self.library()
            chosen = next_passage(session, library, sub)
            if chosen is None and candidates(library, speaker=sub.speaker, article=sub.article,
                                             language=sub.language):
                # the chat's scope (/scope) leaves none of the passages its filters match: skip the day, not
                # the subscription (the scope may change again)
                log.info("daily: subscription %s skipped on %s: nothing in its chat's scope fits its filters",
                         sub.id, item.local_date)
                session.add(Delivery(subscription_id=sub.id, local_date=item.local_date, passage_id=None,
                                     status="skipped", claimed_by=self.replica, claimed_at=now,
                                     error="nothing in the chat's scope fits the filters"))
                try:
                    session.commit()
                except IntegrityError:
                    session.rollback()
                return None
            if chosen is None:  # its filters match nothing (the corpus changed): pause, don't retry
                log.warning("daily: no quotable passage fits subscription %s; paused", sub.id)
                sub.active, sub.paused_reason, sub.updated_at = False, "no quote matches the filters", now
                session.commit()
                return None
            row = Delivery(subscription_id=sub.id, local_date=item.local_date, passage_id=chosen[0],
                           cycle=chosen[1], status="claimed", claimed_by=self.replica, claimed_at=now)
            session.add(row)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                return None
            session.expunge(sub)
            return _Claim(row.id, sub, chosen[0], item.local_date)

    def _take_over(self, session: Session, sub: Subscription, item: Due, now: dt.datetime) -> _Claim | None:
        stale = now - self.stale_after if self.stale_after is not None else None
        ready = now - self.retry_after
        cond = Delivery.status == "released"
        if stale is not None:
            cond = or_(cond, (Delivery.status == "claimed") & (Delivery.claimed_at <= stale))
        result = cast("CursorResult[Any]", session.execute(
            update(Delivery).where(Delivery.id == item.delivery_id, cond,
                                   or_(Delivery.status != "released", Delivery.claimed_at <= ready))
            .values(status="claimed", claimed_by=self.replica, claimed_at=now, attempts=Delivery.attempts + 1)
        ))
        session.commit()
        if result.rowcount != 1:
            return None
        row = session.get(Delivery, item.delivery_id)
        if row is None or row.passage_id is None:  # pragma: no cover - deleted meanwhile
            return None
        session.expunge(sub)
        return _Claim(row.id, sub, row.passage_id, item.local_date)

    # -- sending ------------------------------------------------------------------------------------
    def _deliver(self, claim: _Claim, result: Round) -> float:
        """Send one claimed post and record the outcome; returns seconds spent waiting on flood control."""
        quote = daily_quote(self.library(), claim.passage_id)
        if quote is None:  # the passage was removed from the corpus since it was chosen
            self._record(claim, status="released", error="passage gone", passage_id=None)
            result.retry += 1
            return 0.0
        platform = claim.subscription.platform
        try:
            message_id = self.send(claim.subscription, quote)
        except ChatGone as exc:
            self.events.post_failed(platform)
            self._pause(claim, exc.reason)
            result.paused.append((claim.subscription.id, exc.reason))
            log.info("daily: paused subscription %s: %s", claim.subscription.id, exc.reason)
            return 0.0
        except ChatMoved as exc:
            if self._move(claim, exc.new_chat_id):
                result.retry += 1
            else:
                result.paused.append((claim.subscription.id, f"chat moved to {exc.new_chat_id}"))
            return 0.0
        except MaybeSent as exc:
            log.warning("daily: post to subscription %s may have been sent (%s); not retried",
                        claim.subscription.id, exc.reason)
            self.events.api_error(platform, "timeout")
            self._record(claim, status="uncertain", error=exc.reason[:500])
            result.uncertain += 1
            return 0.0
        except RetryLater as exc:
            self.events.api_error(platform, "rate_limited")
            self._record(claim, status="released", error=str(exc))
            result.retry += 1
            wait = min(exc.seconds, MAX_WAIT)
            self._sleep(wait)
            return wait
        except Exception as exc:
            log.warning("daily: post to subscription %s failed, will retry: %s", claim.subscription.id,
                        type(exc).__name__)
            self.events.post_failed(platform)
            self._record(claim, status="released", error=f"{type(exc).__name__}: {exc}"[:500])
            result.retry += 1
            return 0.0
        self._record(claim, status="sent", message_id=message_id)
        self.events.post_sent(platform)
        result.sent.append((claim.subscription.id, claim.local_date, claim.passage_id))
        return 0.0

    def _record(self, claim: _Claim, *, status: str, error: str | None = None, message_id: str | None = None,
                passage_id: str | bool | None = False) -> None:
        values: dict[str, object] = {"status": status, "error": error}
        if status == "sent":
            values.update(sent_at=self._now(), message_id=str(message_id) if message_id is not None else None)
        if passage_id is not False:
            values["passage_id"] = passage_id
        with Session(self.engine) as session, session.begin():
            if passage_id is None:  # choose again next time: forget this claim altogether
                session.execute(delete(Delivery).where(Delivery.id == claim.delivery_id,
                                                       Delivery.claimed_by == self.replica))
                return
            session.execute(update(Delivery).where(Delivery.id == claim.delivery_id,
                                                   Delivery.claimed_by == self.replica).values(**values))

    def _pause(self, claim: _Claim, reason: str) -> None:
        self._record(claim, status="failed", error=reason)
        with Session(self.engine) as session, session.begin():
            session.execute(update(Subscription).where(Subscription.id == claim.subscription.id)
                            .values(active=False, paused_reason=reason, updated_at=self._now()))

    def _move(self, claim: _Claim, new_chat_id: str) -> bool:
        """Follow the chat to its new id (retried next round) and say True; if the new chat has its
        own subscription already, pause this one instead and say False."""
        try:
            with Session(self.engine) as session, session.begin():
                session.execute(update(Subscription).where(Subscription.id == claim.subscription.id)
                                .values(chat_id=new_chat_id, updated_at=self._now()))
        except IntegrityError:
            self._pause(claim, f"chat moved to {new_chat_id}")
            return False
        self._record(claim, status="released", error=f"chat moved to {new_chat_id}")
        return True


@dataclass(frozen=True)
class _Claim:
    delivery_id: int
    subscription: Subscription  # detached snapshot
    passage_id: str
    local_date: dt.date

