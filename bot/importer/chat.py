"""What the chat `/add` commands share: who may add, the URLs in a message, the import queue, the report.

Chat imports fetch public addresses only (`import_urls` never passes `allow_private`), and run on an
ImportQueue: a few threads of their own, never the event loop's default executor, so that slow imports
neither hold up answers and other commands nor keep a stopping process alive.
"""

from __future__ import annotations

import functools
import queue
import re
import threading
from collections.abc import Callable, Collection
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy.engine import Engine

from bot.answer.texts import IMPORT, localized

MAX_URLS = 5
URL = re.compile(r"https?://[^\s<>|]+")
WORKERS = 2  # imports running at once, per bot process
WAITING = 4  # imports queued behind them; more are refused with "busy"
QUEUE_TEXTS: dict[str, dict[str, str]] = {
    "busy": {
        "en": "Other imports are still running. Please try again in a few minutes.",
        "de": "Es laufen noch andere Importe. Bitte versuchen Sie es in ein paar Minuten noch einmal.",
        "zh": "其他文章正在导入中，请几分钟后再试。",
    },
}
T = TypeVar("T")


def text(key: str, lang: str | None, **values: object) -> str:
    """An import-from-chat interface text in the user's language."""
    return localized({**IMPORT, **QUEUE_TEXTS}, key, lang, **values)


def is_admin(admins: Collection[str], platform: str, user_id: object) -> bool:
    """Whether `platform:user_id` is one of `admins` (ADMIN_USERS)."""
    return user_id is not None and f"{platform}:{user_id}" in admins


def urls_in(message: str) -> list[str]:
    """The http(s) addresses in a message (Slack wraps them as <url> or <url|label>)."""
    return list(dict.fromkeys(u.rstrip(".,;)>") for u in URL.findall(message or "")))[:MAX_URLS]


def import_urls(urls: list[str], engine: Engine, lang: str | None = None) -> str:
    """Import each URL, public addresses only (blocking: run it on an ImportQueue) and report what happened,
    one line each. The importer is loaded on the first import (a bot that never imports does not hold it:
    2.5 MB of a bot's memory)."""
    from bot.importer.fetch import FetchError
    from bot.importer.pipeline import describe, import_article
    from bot.importer.prepare import PrepareError
    from bot.importer.storing import ImportFailed

    lines = []
    for url in urls:
        try:
            item = import_article(url, engine)
        except (FetchError, PrepareError, ImportFailed) as exc:
            lines.append("✗ " + text("failed", lang, error=exc))
            continue
        mark = "•" if item.stored.status == "duplicate" else "✓"
        lines.append(f"{mark} {describe(item)}")
    return "\n".join(lines)


class ImportQueue:
    """Runs imports on at most `workers` daemon threads of its own, with at most `waiting` more queued.

    `submit` returns a concurrent Future, or None when the queue is full (tell the user to try later).
    The threads are daemons: a process that stops does not wait for an import still fetching (each fetch
    ends by its own deadline anyway)."""

    def __init__(self, workers: int = WORKERS, waiting: int = WAITING, name: str = "import") -> None:
        self.workers = workers
        self.capacity = workers + waiting
        self.name = name
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._admitted = 0  # running or waiting
        self._threads: list[threading.Thread] = []

    @property
    def admitted(self) -> int:
        """Imports running or waiting now."""
        with self._lock:
            return self._admitted

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T] | None:
        """Queue fn(*args); None when `workers + waiting` imports are already running or waiting."""
        future: Future[T] = Future()
        with self._lock:
            if self._admitted >= self.capacity:
                return None
            self._admitted += 1
            if len(self._threads) < min(self.workers, self._admitted):
                thread = threading.Thread(target=self._work, name=f"{self.name}-{len(self._threads) + 1}",
                                          daemon=True)
                thread.start()
                self._threads.append(thread)
        self._jobs.put((future, functools.partial(fn, *args)))
        return future

    def _work(self) -> None:
        while True:
            future, job = self._jobs.get()
            if not future.set_running_or_notify_cancel():  # cancelled while waiting
                self._done()
                continue
            try:
                result = job()
            except BaseException as exc:  # the caller gets it from the future
                self._done()
                future.set_exception(exc)
            else:
                self._done()  # first, so that whoever the result wakes can queue the next import
                future.set_result(result)

    def _done(self) -> None:
        with self._lock:
            self._admitted -= 1
