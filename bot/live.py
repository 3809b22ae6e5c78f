"""A Library that follows the database: when articles are added or removed, it swaps in a new index.

`get_library()` hands out a LiveLibrary, a stand-in that forwards every attribute to the Library of
the moment. A background thread reads the stored `corpus_version` (one row) every
CORPUS_REFRESH_SECONDS; when it changed, a new Library is built on that thread and swapped in with a
single reference assignment. A call already running (`answer`, `context`, …) finishes on the Library
it started with, so answers never pause and never mix two corpora. Other replicas on the same
database notice the change the same way.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot import store
from bot.core import Library, sync_bundled
from bot.settings import Settings, get_settings

log = logging.getLogger(__name__)

_OWN = frozenset({"_current", "__class__", "__dict__", "__repr__", "current", "swap"})


class LiveLibrary(Library):
    """Always the current Library: attributes are read from whichever one was swapped in last."""

    def __init__(self, current: Library) -> None:
        object.__setattr__(self, "_current", current)

    def __getattribute__(self, name: str) -> Any:
        if name in _OWN:
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, "_current"), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(object.__getattribute__(self, "_current"), name, value)

    def __repr__(self) -> str:
        return f"<LiveLibrary of {len(self.current.passages)} passages>"

    @property
    def current(self) -> Library:
        """The Library answering right now (keep it for several calls that must agree)."""
        return object.__getattribute__(self, "_current")

    def swap(self, new: Library) -> None:
        """Make `new` the Library every later call uses (atomic: one reference assignment)."""
        object.__setattr__(self, "_current", new)


def link_back(library: Library) -> Library:
    """Make version links symmetric (a re-synced bundled passage may have lost its link to an import)."""
    for p in library.passages:
        for v in p.versions:
            other = library.by_id.get(v)
            if other is not None and other.article_id != p.article_id and p.id not in other.versions:
                other.versions.append(p.id)
    return library


def stored_version(engine: Engine) -> str | None:
    """The database's corpus_version (a single-row read)."""
    with engine.connect() as conn:
        return conn.execute(select(store.MetaRow.value).where(store.MetaRow.key == "corpus_version")).scalar()


class Reloader:
    """Watches corpus_version and swaps a freshly built Library into `live` when it changes."""

    def __init__(self, live: LiveLibrary, settings: Settings, version: str | None) -> None:
        self.live = live
        self.settings = settings
        self.version = version
        self.engine = store.make_engine(settings.db_url)
        self.interval = float(getattr(settings, "corpus_refresh_seconds", 30.0))
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
        self.engine.dispose()

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
        version = stored_version(self.engine)
        if version == self.version:
            return False
        if not self._busy.acquire(blocking=wait):
            return False  # a reload is already running
        if version == self.version:  # done meanwhile by the reload we waited for
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
            new = link_back(Library.open(self.settings))
            self.live.swap(new)
            self.version = version
            self.reloads += 1
            log.info("corpus %s loaded: %d passages in %.1f s", version, len(new.passages),
                     time.monotonic() - started)
        except Exception:
            log.exception("reloading the corpus failed; still answering from the previous one")
        finally:
            self._busy.release()


_reloader: Reloader | None = None


def open_live(settings: Settings | None = None) -> LiveLibrary:
    """Open the Library from the database and keep it current (starts the polling thread)."""
    global _reloader
    settings = settings or get_settings()
    engine = store.make_engine(settings.db_url)
    try:
        store.create_schema(engine)
        with Session(engine) as session, session.begin():
            sync_bundled(session)  # first, so that opening below does not change the version again
        version = stored_version(engine)  # read before opening: a change meanwhile means one more reload
    finally:
        engine.dispose()
    live = LiveLibrary(link_back(Library.open(settings)))
    reloader = Reloader(live, settings, version)
    if _reloader is not None:
        _reloader.stop()
    _reloader = reloader
    reloader.start()
    return live


def refresh_if_changed(wait: bool = False) -> bool:
    """Check the stored corpus version now (e.g. right after an import in this process)."""
    return _reloader.check(wait=wait) if _reloader is not None else False


def close() -> None:
    """Stop watching (tests, shutdown)."""
    global _reloader
    if _reloader is not None:
        _reloader.stop()
        _reloader = None
