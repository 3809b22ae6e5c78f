"""Concurrent update processing that keeps each chat's updates in order.

With PTB's default (`concurrent_updates=1`) one update is handled at a time: every reply waits for the
previous chat's Bot API round trips, and 50 chats share one queue. `ChatOrderedProcessor` handles up
to `max_concurrent_updates` updates at once, but those of the same chat (or, for updates without a
chat such as inline queries, of the same user) one after the other, in the order they arrived: a
person who sends two questions gets the answers in that order, and a conversation's steps never race.
It also knows the updates in flight, so that a stop can cancel those that outlast its grace period.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Coroutine, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


def chat_key(update: object) -> Hashable | None:
    """What orders an update: its chat, else its user, else nothing (handled as soon as it comes)."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Different chats concurrently, one chat's updates in arrival order (an asyncio.Lock per busy chat,
    dropped once its last update is done)."""

    __slots__ = ("_cancelling", "_in_flight", "_locks")

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[Hashable, tuple[asyncio.Lock, int]] = {}
        self._in_flight: set[asyncio.Task[Any]] = set()
        self._cancelling = False

    @property
    def busy_chats(self) -> int:
        """Chats with an update being handled or waiting (for tests and metrics)."""
        return len(self._locks)

    @property
    def in_flight(self) -> int:
        """Updates being handled or waiting for their chat's turn."""
        return len(self._in_flight)

    def cancel_all(self) -> int:
        """Cancel every update in flight, and drop those still to come (a stop whose grace period is over);
        how many were cancelled."""
        self._cancelling = True
        tasks = list(self._in_flight)
        for task in tasks:
            task.cancel()
        return len(tasks)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self._cancelling:
            if isinstance(coroutine, Coroutine):
                coroutine.close()  # dropped: never started, and no "never awaited" warning
            return
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        try:
            await self._in_order(update, coroutine)
        finally:
            if task is not None:
                self._in_flight.discard(task)
            if isinstance(coroutine, Coroutine):
                coroutine.close()  # cancelled before its turn: never started (a no-op once it ran)

    async def _in_order(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        if key is None:
            await coroutine
            return
        lock, users = self._locks.get(key) or (asyncio.Lock(), 0)
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:  # asyncio.Lock wakes its waiters first come, first served
                await coroutine
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    async def initialize(self) -> None:
        self._cancelling = False

    async def shutdown(self) -> None:
        pass
