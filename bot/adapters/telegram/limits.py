"""Flood control and retries of Bot API calls, without letting one chat's 429 hold the others (or a stop).

PTB's AIORateLimiter paces the calls (30 a second overall, 20 a minute per group) and, after a 429,
pauses *every* call for the retry_after Telegram gives, however long. `RetryingRateLimiter` keeps the
pacing and retries on its own terms:

- a 429 holds only its chat: later sends to that chat wait out the retry_after, other chats go on;
- a wait longer than `max_wait` (MAX_RETRY_WAIT) is not waited for: the send is dropped (RetryAfter is
  raised at once, the error handler logs one line), and so are the chat's sends until the time is up;
- server errors and failed connections (NetworkError but not TimedOut) are retried with backoff;
- `stop()` ends every wait at once (RetryAfter): a stopping bot does not sit out anyone's retry_after.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable, Coroutine, Hashable
from datetime import timedelta
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

MAX_RETRY_WAIT = 30.0  # seconds one send may wait for Telegram's flood control; longer waits drop the send


def retry_seconds(exc: RetryAfter) -> float:
    """How long Telegram asks to wait (read without `retry_after`'s deprecation warning)."""
    period = getattr(exc, "_retry_after", None)
    if isinstance(period, timedelta):
        return period.total_seconds()
    value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class RetryingRateLimiter(AIORateLimiter):
    """AIORateLimiter's pacing with per-chat, capped, interruptible retries (see the module docstring)."""

    def __init__(self, *, max_retries: int = 3, server_retries: int = 3, backoff: float = 0.5,
                 max_wait: float = MAX_RETRY_WAIT, **limits: Any) -> None:
        super().__init__(max_retries=0, **limits)  # its own retries would pause every chat
        self.retries = max_retries
        self.server_retries = server_retries
        self.backoff = backoff
        self.max_wait = max_wait
        self._not_before: dict[Hashable, float] = {}  # chat -> loop time before which it must not be written to
        self._stopping: asyncio.Event | None = None

    @property
    def stopping(self) -> asyncio.Event:
        if self._stopping is None:
            self._stopping = asyncio.Event()
        return self._stopping

    async def initialize(self) -> None:
        self._stopping = None  # (re)started: waits are waited again, on this event loop

    def stop(self) -> None:
        """End every wait now (the sends waiting raise RetryAfter) and wait no more from now on."""
        self.stopping.set()

    async def _pause(self, seconds: float, endpoint: str, chat: Hashable) -> None:
        """Sleep `seconds`; RetryAfter at once when stopping (now or meanwhile)."""
        try:
            await asyncio.wait_for(self.stopping.wait(), seconds)
        except TimeoutError:
            return
        log.info("stopping: %s to chat %s not retried", endpoint, chat)
        raise RetryAfter(max(1, math.ceil(seconds)))

    async def _clear(self, chat: Hashable, endpoint: str) -> None:
        """Wait until the chat may be written to again, or raise RetryAfter when that is too far off."""
        until = self._not_before.get(chat)
        if until is None:
            return
        left = until - asyncio.get_running_loop().time()
        if left <= 0:
            self._not_before.pop(chat, None)
        elif left > self.max_wait:
            log.warning("%s to chat %s dropped: Telegram's flood control holds that chat for %d s more",
                        endpoint, chat, math.ceil(left))
            raise RetryAfter(math.ceil(left))
        else:
            await self._pause(left, endpoint, chat)

    async def process_request(
        self, callback: Callable[..., Coroutine[Any, Any, Any]], args: Any, kwargs: dict[str, Any],
        endpoint: str, data: dict[str, Any], rate_limit_args: int | None,
    ) -> Any:
        chat: Hashable = data.get("chat_id")
        if isinstance(chat, str) and chat.lstrip("-").isdigit():
            chat = int(chat)
        group: int | str | bool = chat if (isinstance(chat, int) and chat < 0) or isinstance(chat, str) else False
        retries = rate_limit_args or self.retries
        flood = server = 0
        while True:
            await self._clear(chat, endpoint)
            try:
                return await self._run_request(chat=chat is not None, group=group,
                                               allow_paid_broadcast=bool(data.get("allow_paid_broadcast", False)),
                                               callback=callback, args=args, kwargs=kwargs)
            except RetryAfter as exc:
                wait = retry_seconds(exc)
                if chat is not None:  # the chat's later sends wait (or are dropped) too
                    until = asyncio.get_running_loop().time() + wait
                    self._not_before[chat] = max(self._not_before.get(chat, 0.0), until)
                if wait > self.max_wait or flood >= retries:
                    log.warning("%s to chat %s dropped: Telegram asks to wait %d s (at most %d s are waited, "
                                "%d retries)", endpoint, chat, math.ceil(wait), self.max_wait, retries)
                    raise
                flood += 1
                log.info("%s to chat %s: flood control, retrying in %.1f s", endpoint, chat, wait)
                if chat is None:
                    await self._pause(wait, endpoint, chat)
            except (BadRequest, TimedOut):  # the request is wrong, or may have arrived: do not repeat it
                raise
            except NetworkError as exc:
                if server >= self.server_retries:
                    raise
                log.warning("%s failed (%s); retrying", endpoint, exc.message)
                await self._pause(self.backoff * 2**server, endpoint, chat)
                server += 1
