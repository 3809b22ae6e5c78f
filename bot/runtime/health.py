"""Health: is the database reachable, the index loaded, the platform connection up?

Adapters register their connection check once: `ctx.health.set_check("platform", lambda: app.running)`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Check = Callable[[], bool]


class Health:
    """The checks behind /healthz: the database, the index, and whatever the adapter registers."""

    def __init__(self, database: Check, passages: Callable[[], int]) -> None:
        self._database = database
        self._passages = passages
        self._checks: dict[str, Check] = {}
        self._lock = threading.Lock()

    def set_check(self, name: str, fn: Check | None) -> None:
        """Register (or with None remove) a check returning True while, e.g., the platform connection is up."""
        with self._lock:
            if fn is None:
                self._checks.pop(name, None)
            else:
                self._checks[name] = fn

    def report(self) -> tuple[int, dict[str, Any]]:
        """(HTTP status, JSON body): 200 when every check passes, else 503."""
        with self._lock:
            extra = dict(self._checks)
        passages = self._passages()
        checks = {"database": _run(self._database), "index": {"ok": passages > 0, "passages": passages}}
        checks |= {name: _run(fn) for name, fn in extra.items()}
        healthy = all(c["ok"] for c in checks.values())
        return (200 if healthy else 503), {"status": "ok" if healthy else "unavailable", "checks": checks}


def _run(fn: Check) -> dict[str, Any]:
    try:
        return {"ok": bool(fn())}
    except Exception as exc:  # a failing check is a failed check, never a crash
        log.warning("health check raised %s", type(exc).__name__)
        return {"ok": False, "error": type(exc).__name__}
