"""The AppContext: everything a process shares, built once (the composition root of every command).

    ctx = open_context(settings, platform="telegram")   # the library loaded, the database migrated
    ctx.start()                                          # the corpus watcher, /healthz and /metrics
    reply = ctx.answerer("戈麦斯怎么看合成数据？")          # counted in ctx.metrics
    ctx.close()

The database engine is opened (and migrated) once, on first use: `ask` on an unchanged SQLite
database answers from the saved snapshot without touching SQLAlchemy at all.
"""

from __future__ import annotations

import logging
import threading
from functools import cached_property
from typing import TYPE_CHECKING

from bot.answer.answerer import Answerer
from bot.answer.library import Library
from bot.answer.reply import Quote, Reply
from bot.runtime.health import Health
from bot.runtime.live import LibraryHolder, Reloader
from bot.runtime.metrics import Metrics
from bot.runtime.settings import Settings
from bot.runtime.shutdown import Graceful

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from bot.db.bundled import Progress
    from bot.db.scope_store import ScopeBook
    from bot.runtime.ops_server import OpsServer
    from bot.translation.service import Translator

log = logging.getLogger(__name__)


class AppContext:
    """Settings, the database engine, the live Library, the answerer, metrics, health, ops server."""

    def __init__(self, settings: Settings, library: Library, *, platform: str = "terminal",
                 engine: Engine | None = None, corpus_version: str | None = None) -> None:
        self.settings = settings
        self.platform = platform
        self.library = LibraryHolder(library)
        # a one-shot terminal command serves no /metrics: its answers are not counted (nor prometheus imported)
        self.answerer = Answerer(self.library, observer=None if platform == "terminal" else self._observe)
        self.health = Health(self._database_reachable, lambda: len(self.library.current.passages))
        self.shutdown: Graceful | None = None
        self.ops: OpsServer | None = None
        self._engine = engine
        self._engine_lock = threading.Lock()
        self.reloader = Reloader(self.library, self.load_library, self._stored_version, corpus_version,
                                 settings.corpus_refresh_seconds)

    @cached_property
    def metrics(self) -> Metrics:
        """The process's metrics (made on first use)."""
        return Metrics(self.platform)

    @cached_property
    def scopes(self) -> ScopeBook:
        """Chats' scopes (/scope), read from the database and kept in memory."""
        from bot.db.scope_store import ScopeBook

        return ScopeBook(self.engine)

    @cached_property
    def translator(self) -> Translator | None:
        """Machine translations beside quotes (TRANSLATE_URL), cached in the database; None when off."""
        url = self.settings.translate_url
        if not url:
            return None
        from bot.db.translation_store import DatabaseCache
        from bot.translation.client import LibreTranslate
        from bot.translation.service import Translator

        key = self.settings.translate_api_key.get_secret_value() if self.settings.translate_api_key else None
        timeout = self.settings.translate_timeout
        counted = self.platform != "terminal"
        translator = Translator(LibreTranslate(url, key, timeout), DatabaseCache(self.engine), timeout,
                                self.settings.translation_targets(),
                                on_error=self.metrics.translation_error if counted else None)
        self.health.set_check("translation", lambda: bool(translator.client.codes()), fatal=False)
        return translator

    def translate(self, reply: Reply, target: str | None = None, force: bool = False) -> Reply:
        """`reply` with machine translations into `target` (default: the question's language) where its quotes
        need one; the reply unchanged when translation is off. Blocks at most TRANSLATE_TIMEOUT."""
        translator = self.translator
        if translator is None or not reply.quotes:
            return reply
        try:
            return translator.translate(reply, target, force)
        except Exception:  # a translation is a convenience: never a reason not to answer
            log.warning("translation failed", exc_info=True)
            return reply

    def translated_quote(self, quote: Quote, target: str | None) -> tuple[Quote, bool]:
        """A daily quote with its machine translation into `target` (when translation is on and a target is
        given), and whether translation is on. Blocks at most TRANSLATE_TIMEOUT."""
        if self.translator is None:
            return quote, False
        if not target:
            return quote, True
        return self.translate(Reply(query="", quotes=(quote,), language=target), target, force=True).quotes[0], True

    def _observe(self, reply: Reply, offset: int, seconds: float) -> None:
        self.metrics.observe_answer(reply, offset, seconds)

    # -- the database ---------------------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        """The process's engine, opened and migrated on first use."""
        with self._engine_lock:
            if self._engine is None:
                from bot.db.engine import open_database

                self._engine = open_database(self.settings.db_url)
            return self._engine

    def load_library(self, progress: Progress | None = None, rebuild: bool = False) -> Library:
        """A Library of what the database holds now."""
        from bot.db.library_store import load_library

        return load_library(self.engine, self.settings.db_url, self.settings.data_dir, progress, rebuild)

    def _stored_version(self) -> str | None:
        from bot.db.corpus_store import stored_version

        return stored_version(self.engine)

    def _database_reachable(self) -> bool:
        from bot.db.engine import reachable

        return reachable(self.engine)

    # -- running --------------------------------------------------------------------------------------
    def start(self, shutdown: Graceful | None = None) -> AppContext:
        """Start watching the stored corpus and, when METRICS_PORT is set, serve /healthz and /metrics."""
        self.shutdown = shutdown
        self.reloader.start()
        port = self.settings.metrics_port
        if port is not None and self.ops is None:
            from bot.runtime.ops_server import OpsServer  # waitress: only processes that serve /healthz

            self.ops = OpsServer(self.settings.metrics_host, port, self.health.report, self.metrics.render).start()
        return self

    def refresh(self, wait: bool = False) -> bool:
        """Look for a changed corpus now (e.g. right after an import in this process)."""
        return self.reloader.check(wait=wait)

    def close(self) -> None:
        """Stop the watcher and the ops server and release the database."""
        self.reloader.stop()
        if self.ops is not None:
            self.ops.stop()
            self.ops = None
        translator = self.__dict__.get("translator")
        if translator is not None:
            translator.close()
        with self._engine_lock:
            if self._engine is not None:
                self._engine.dispose()


def open_context(settings: Settings, *, platform: str = "terminal", quick: bool = False) -> AppContext:
    """The AppContext of a process: the Library from the database (first storing the bundled corpus when
    needed). With `quick`, an unchanged SQLite database's saved snapshot is used when there is one."""
    if quick:
        from bot.db.index_cache import open_snapshot

        library = open_snapshot(settings.db_url, settings.data_dir)
        if library is not None:
            return AppContext(settings, library, platform=platform)
    from bot.db.corpus_store import stored_version
    from bot.db.engine import first_run_lock, open_database
    from bot.db.library_store import load_library, sync

    engine = open_database(settings.db_url)
    try:
        with first_run_lock(settings.db_url):  # processes starting at once on a fresh SQLite file take turns
            sync(engine)  # first, so that loading below does not change the version again
        version = stored_version(engine)  # read before loading: a change meanwhile means one more reload
        library = load_library(engine, settings.db_url, settings.data_dir)
    except BaseException:
        engine.dispose()
        raise
    if quick:  # a one-shot command's first run: the next one starts from bytecode (bot.runtime.bytecode)
        from bot.runtime.bytecode import write_bytecode

        write_bytecode()
    return AppContext(settings, library, platform=platform, engine=engine, corpus_version=version)
