"""Health: is the database reachable, the index loaded, the platform connection up?

Adapters register their connection check once: `ctx.health.set_check("platform", lambda: app.running)`.
The database check is bounded (`Bounded`): /healthz answers within DATABASE_CHECK_TIMEOUT seconds
whatever the database does, reporting a check that did not finish as failed ("timeout").
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Check = Callable[[], bool]
DATABASE_CHECK_TIMEOUT = 3.0  # seconds; the deployment's health probe gives /healthz 3-5 s


class Bounded:
    """A check run on a daemon thread and waited for at most `timeout` seconds (TimeoutError after that).

    A run still going when the next call comes is waited for again instead of starting another, so a
    database that never answers holds one thread, not one per probe."""

    def __init__(self, fn: Check, timeout: float) -> None:
        self.fn = fn
        self.timeout = timeout
        self._lock = threading.Lock()
        self._run: tuple[threading.Event, list[Any]] | None = None  # (done, [result or exception])

    def __call__(self) -> bool:
        with self._lock:
            if self._run is None:
                outcome: list[Any] = []
                done = threading.Event()
                self._run = (done, outcome)
                threading.Thread(target=self._check, args=(done, outcome), daemon=True, name="health-check").start()
            done, outcome = self._run
        if not done.wait(self.timeout):
            raise TimeoutError(f"no answer within {self.timeout:g} s")
        (result,) = outcome
        if isinstance(result, Exception):
            raise result
        return bool(result)

    def _check(self, done: threading.Event, outcome: list[Any]) -> None:
        try:
            outcome.append(self.fn())
        except Exception as exc:  # handed to the caller
            outcome.append(exc)
        finally:
            with self._lock:
                self._run = None
            done.set()


class Health:
    """The checks behind /healthz: the database, the index, and whatever the adapter registers."""

    def __init__(self, database: Check, passages: Callable[[], int],
                 database_timeout: float = DATABASE_CHECK_TIMEOUT) -> None:
        self._database = Bounded(database, database_timeout)
        self._passages = passages
        self._checks: dict[str, Check] = {}
        self._optional: set[str] = set()
        self._lock = threading.Lock()

    def set_check(self, name: str, fn: Check | None, *, fatal: bool = True) -> None:
        """Register (or with None remove) a check returning True while, e.g., the platform connection is up.
        A check that is not `fatal` is reported but does not make the process unhealthy (an optional helper
        such as the translation server)."""
        with self._lock:
            if fn is None:
                self._checks.pop(name, None)
                self._optional.discard(name)
            else:
                self._checks[name] = fn
                if not fatal:
                    self._optional.add(name)

    def report(self) -> tuple[int, dict[str, Any]]:
        """(HTTP status, JSON body): 200 when every check passes, else 503."""
        with self._lock:
            extra = dict(self._checks)
            optional = set(self._optional)
        passages = self._passages()
        checks = {"database": _run(self._database), "index": {"ok": passages > 0, "passages": passages}}
        checks |= {name: _run(fn) | ({"optional": True} if name in optional else {}) for name, fn in extra.items()}
        healthy = all(c["ok"] for name, c in checks.items() if name not in optional)
        return (200 if healthy else 503), {"status": "ok" if healthy else "unavailable", "checks": checks}


def _run(fn: Check) -> dict[str, Any]:
    try:
        return {"ok": bool(fn())}
    except TimeoutError:
        log.warning("health check timed out")
        return {"ok": False, "error": "timeout"}
    except Exception as exc:  # a failing check is a failed check, never a crash
        log.warning("health check raised %s", type(exc).__name__)
        return {"ok": False, "error": type(exc).__name__}
