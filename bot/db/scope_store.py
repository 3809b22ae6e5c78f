"""Chats' scopes in the database, and the in-memory book answers read them from.

    book = ScopeBook(engine)
    book.get("telegram", "-100123")            # Scope | None: never waits on the database after the first read
    book.set("telegram", "-100123", scope, by="42")
    book.reset("telegram", "-100123")

Answers must not wait on the database, so every scope is read into memory (one small table) and read again
in the background once it is older than `ttl` seconds: a scope set on one replica holds on the others within
`ttl`. When the database can't be read, the last scopes read stay in force; before any could be read (the
database down or silent since the start: the first read is waited for FIRST_WAIT at most), chats are answered
unscoped, with a warning, and the read is tried again every RETRY seconds: a scope narrows what is relevant to
a chat, and is no reason not to answer.
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from bot.answer.scope import Scope, from_dict
from bot.db.schema import ChatScope, utcnow

log = logging.getLogger(__name__)

TTL = 30.0  # seconds a read of every scope is used before it is read again
RETRY = 5.0  # seconds between tries while no read has succeeded
FIRST_WAIT = 1.0  # seconds an answer waits for the first read of the scopes (then goes on unscoped)


class ScopeBook:
    """Every chat's scope, from the database, kept in memory (see the module docstring)."""

    def __init__(self, engine: Engine | None, ttl: float = TTL) -> None:
        self.engine = engine
        self.ttl = ttl
        self._scopes: dict[tuple[str, str], Scope] | None = None
        self._read_at = 0.0
        self._lock = threading.Lock()
        self._refreshing = False
        self._retry_at = 0.0  # while never read: when to try again
        self._tried = threading.Event()  # set once the first read has ended (well or not)
        self._gave_up = False  # the first read took longer than FIRST_WAIT: later answers do not wait for it
        self._writes = 0  # local sets/resets: a read that began before one does not undo it

    def get(self, platform: str, chat_id: str | int | None) -> Scope | None:
        """The chat's scope (None: everything may be quoted, or no chat). Waits at most FIRST_WAIT for the
        first read."""
        if self.engine is None or chat_id is None or chat_id == "":
            return None
        scopes = self._scopes
        if scopes is None:  # never read: start a read (every RETRY seconds at most) and wait for the first one
            with self._lock:
                due = time.monotonic() >= self._retry_at
                if due:
                    self._retry_at = time.monotonic() + RETRY
            if due:
                self._refresh_soon()
            if not self._gave_up and not self._tried.wait(FIRST_WAIT):  # a silent database is waited for once
                self._gave_up = True
                log.warning("chat scopes not read within %.0f s, answering unscoped for now", FIRST_WAIT)
            scopes = self._scopes
            if scopes is None:  # the database is down or silent: answer unscoped, a read is tried again later
                return None
        elif time.monotonic() - self._read_at > self.ttl:
            self._refresh_soon()
        return scopes.get((platform, str(chat_id)))

    def set(self, platform: str, chat_id: str | int, scope: Scope, by: str) -> None:
        """Store the chat's scope (replacing any); this replica honours it at once."""
        assert self.engine is not None
        key = (platform, str(chat_id)[:64])
        with self.engine.begin() as conn:
            conn.execute(delete(ChatScope).where(ChatScope.platform == key[0], ChatScope.chat_id == key[1]))
            conn.execute(insert(ChatScope).values(platform=key[0], chat_id=key[1], scope=scope.as_dict(),
                                                  set_by=str(by)[:64], updated_at=utcnow()))
        self._remember(key, scope)

    def reset(self, platform: str, chat_id: str | int) -> bool:
        """Remove the chat's scope; whether it had one."""
        assert self.engine is not None
        key = (platform, str(chat_id)[:64])
        with self.engine.begin() as conn:
            gone = conn.execute(delete(ChatScope).where(ChatScope.platform == key[0], ChatScope.chat_id == key[1]))
        self._remember(key, None)
        return bool(gone.rowcount)

    # -- reading ---------------------------------------------------------------------------------------
    def _read(self) -> dict[tuple[str, str], Scope]:
        assert self.engine is not None
        started, writes = time.monotonic(), self._writes
        with self.engine.connect() as conn:
            rows = conn.execute(select(ChatScope.platform, ChatScope.chat_id, ChatScope.scope)).all()
        scopes = {}
        for platform, chat_id, data in rows:
            try:
                scope = from_dict(data)
            except Exception:  # one bad row never affects another chat
                log.warning("unreadable scope of %s chat %s ignored", platform, chat_id)
                continue
            if scope:
                scopes[(platform, chat_id)] = scope
        with self._lock:
            if self._writes == writes or self._scopes is None:
                self._scopes = scopes
            self._read_at = started
            return self._scopes or {}

    def _refresh_soon(self) -> None:
        with self._lock:
            if self._refreshing:
                return
            self._refreshing = True
            self._read_at = time.monotonic()  # one refresh per ttl, even when it fails

        def refresh() -> None:
            try:
                self._read()
            except Exception as exc:
                known = "the last ones stay in force" if self._scopes is not None else "answering unscoped"
                log.warning("chat scopes not read, %s (%s)", known, type(exc).__name__)
            finally:
                self._refreshing = False
                self._tried.set()

        threading.Thread(target=refresh, name="scope-refresh", daemon=True).start()

    def _remember(self, key: tuple[str, str], scope: Scope | None) -> None:
        with self._lock:
            self._writes += 1
            scopes = dict(self._scopes or {})
            if scope:
                scopes[key] = scope
            else:
                scopes.pop(key, None)
            if self._scopes is not None:
                self._scopes = scopes
