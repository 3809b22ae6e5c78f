"""The Library of the moment: a holder the answerers read, and a reloader that swaps in a new corpus.

A background thread reads the stored `corpus_version` (one row) every CORPUS_REFRESH_SECONDS; when it
changed, a new Library is built on that thread and swapped in with a single reference assignment. A
call already running keeps the Library it read from `holder.current`, so answers never pause and never
mix two corpora. Other replicas on the same database notice the change the same way.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from bot.answer.library import Library

log = logging.getLogger(__name__)


class LibraryHolder:
    """Holds the current Library; read `current` once for several calls that must agree."""

    def __init__(self, library: Library) -> None:
        self.current = library

    def __call__(self) -> Library:
        return self.current

    def swap(self, new: Library) -> None:
        """Make `new` the Library every later read gets (atomic: one reference assignment)."""
        self.current = new

    def __repr__(self) -> str:
        return f"<LibraryHolder of {len(self.current.passages)} passages>"


class Reloader:
    """Watches the stored corpus version and swaps a freshly loaded Library into `holder` when it changes."""

    def __init__(self, holder: LibraryHolder, load: Callable[[], Library], version: Callable[[], str | None],
                 known: str | None, interval: float) -> None:
        self.holder = holder
        self.load = load
        self.version = version  # reads the stored corpus version
        self.known = known  # the version `holder.current` was loaded from
        self.interval = interval
        self.reloads = 0
        self._busy = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Poll in a daemon thread (not when the interval is 0)."""
        if self.interval > 0 and self._thread is None:
            self._thread = threading.Thread(target=self._poll, name="corpus-refresh", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _poll(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception as exc:
                log.warning("corpus version check failed: %s", type(exc).__name__)

    def check(self, wait: bool = False) -> bool:
        """Start a reload when the stored corpus changed; with `wait`, return after it is done."""
        if self._stop.is_set():
            return False
        version = self.version()
        if version == self.known:
            return False
        if not self._busy.acquire(blocking=wait):
            return False  # a reload is already running
        if version == self.known:  # done meanwhile by the reload we waited for
            self._busy.release()
            return False
        thread = threading.Thread(target=self._reload, args=(version,), name="corpus-reload", daemon=True)
        thread.start()
        if wait:
            thread.join()
        return True

    def _reload(self, version: str | None) -> None:
        try:
            started = time.monotonic()
            new = self.load()
            new.ranker.warm_up()  # here, not in the first answers after the swap
            self.holder.swap(new)
            self.known = version
            self.reloads += 1
            log.info("corpus %s loaded: %d passages in %.1f s", version, len(new.passages),
                     time.monotonic() - started)
        except Exception:
            log.exception("reloading the corpus failed; still answering from the previous one")
        finally:
            self._busy.release()
