"""Health: is the database reachable, the index loaded, the platform connection up?

Adapters register their connection check once: `health.set_platform_check(lambda: app.running)`.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

Check = Callable[[], bool]
_checks: dict[str, Check] = {}
_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def set_platform_check(fn: Check | None, name: str = "platform") -> None:
    """Register (or with None remove) a check returning True while the platform connection is up."""
    with _lock:
        if fn is None:
            _checks.pop(name, None)
        else:
            _checks[name] = fn


def _engine(url: str) -> Engine:
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            if url.startswith("postgresql"):  # fail within seconds, hold at most one connection
                engine = create_engine(url, pool_pre_ping=True, pool_size=1, max_overflow=0, pool_timeout=3,
                                       connect_args={"connect_timeout": 3})
            else:
                engine = create_engine(url)
            _engines[url] = engine
        return engine


def check_database(url: str) -> dict[str, Any]:
    try:
        with _engine(url).connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"ok": True}
    except Exception as exc:  # any failure means: not reachable
        return {"ok": False, "error": type(exc).__name__}


def check_index() -> dict[str, Any]:
    """The process-wide Library (bot.core.get_library) is loaded and holds passages."""
    core = sys.modules.get("bot.core")
    library = getattr(core, "_library", None) if core else None
    passages = len(library.passages) if library is not None else 0
    return {"ok": passages > 0, "passages": passages}


def _run(fn: Check) -> dict[str, Any]:
    try:
        return {"ok": bool(fn())}
    except Exception as exc:  # a failing check is a failed check, never a crash
        log.warning("health check raised %s", type(exc).__name__)
        return {"ok": False, "error": type(exc).__name__}


def report(db_url: str) -> tuple[int, dict[str, Any]]:
    """(HTTP status, JSON body): 200 when every check passes, else 503."""
    with _lock:
        extra = dict(_checks)
    checks = {"database": check_database(db_url), "index": check_index()}
    checks |= {name: _run(fn) for name, fn in extra.items()}
    healthy = all(c["ok"] for c in checks.values())
    return (200 if healthy else 503), {"status": "ok" if healthy else "unavailable", "checks": checks}
