"""Concurrent update processing that keeps each chat's updates in order.

With PTB's default (`concurrent_updates=1`) one update is handled at a time: every reply waits for the
previous chat's Bot API round trips, and 50 chats share one queue. `ChatOrderedProcessor` handles up
to `max_concurrent_updates` updates at once, but those of the same chat (or, for updates without a
chat such as inline queries, of the same user) one after the other, in the order they arrived: a
person who sends two questions gets the answers in that order, and a conversation's steps never race.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Hashable
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

    __slots__ = ("_locks",)

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[Hashable, tuple[asyncio.Lock, int]] = {}

    @property
    def busy_chats(self) -> int:
        """Chats with an update being handled or waiting (for tests and metrics)."""
        return len(self._locks)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
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
        pass

    async def shutdown(self) -> None:
        pass
