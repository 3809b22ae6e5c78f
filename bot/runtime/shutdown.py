"""Graceful shutdown on SIGTERM: work in flight finishes, then the process exits with status 0.

    stop = shutdown.install(on_stop=[server.shutdown, scheduler.release_claims])
    for question in sys.stdin:           # idle when SIGTERM arrives: exits at once
        with stop.busy():                # a reply in flight: finishes, then the process exits
            answer(question)

With nothing in flight the main thread gets SystemExit(0) at once (this also ends a blocking read or
`serve_forever`, whose `finally` blocks run). `on_stop` callbacks run once, in a helper thread that the
interpreter joins before exiting (so they may block briefly, e.g. `server.shutdown()` of a server whose
`serve_forever` runs in the main thread, or releasing the scheduler's claims; they must not hang).
The bots keep the state in their AppContext (`ctx.shutdown`), so adapters can add callbacks to it.
python-telegram-bot's run_polling/run_webhook replace the handler with their own (stop_signals), which
stops the application gracefully; use the Application's post_stop hook there.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)


class Graceful:
    """The state of a graceful stop: requested yet? how much work is in flight?"""

    def __init__(self, on_stop: Iterable[Callable[[], object]] = (), exit_code: int = 0) -> None:
        self.exit_code = exit_code
        self._callbacks = list(on_stop)
        self._busy = 0
        self._lock = threading.RLock()  # re-entrant: the signal handler may run while the main thread holds it
        self._event = threading.Event()
        self._signals: set[int] = set()  # the signals install() handles
        self._previous: dict[int, object] = {}  # their handlers before

    @property
    def requested(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until a stop is requested (or timeout); return whether it was."""
        return self._event.wait(timeout)

    def add_callback(self, fn: Callable[[], object]) -> None:
        self._callbacks.append(fn)

    @contextmanager
    def busy(self) -> Iterator[None]:
        """Mark work in flight: a SIGTERM arriving now waits for it; afterwards the main thread exits.

        In the main thread the signals are also blocked meanwhile, so that none interrupts a write of the
        reply (a pipe write cut by a signal handler can leave half a line); one arriving is delivered at
        the end, when this work is done."""
        main = threading.current_thread() is threading.main_thread()
        masked = main and self._signals and hasattr(signal, "pthread_sigmask")
        if masked:
            signal.pthread_sigmask(signal.SIG_BLOCK, self._signals)
        with self._lock:
            self._busy += 1
        try:
            yield
        finally:
            with self._lock:
                self._busy -= 1
                idle = self._busy == 0
            if masked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, self._signals)  # a pending SIGTERM is handled here
            if idle and self.requested and main:
                raise SystemExit(self.exit_code)

    def request(self, reason: str = "stop requested") -> None:
        """Ask for a stop (what SIGTERM does): run the callbacks once, in a helper thread."""
        with self._lock:
            first = not self._event.is_set()
            self._event.set()
            busy = self._busy
        if first:
            log.warning("%s: stopping after %d reply(ies) in flight", reason, busy)
            threading.Thread(target=self._run_callbacks, name="graceful-stop").start()  # joined at exit

    def _run_callbacks(self) -> None:
        for fn in self._callbacks:
            try:
                fn()
            except Exception:
                log.exception("shutdown callback %r failed", fn)

    def restore(self) -> None:
        """Put back the handlers install() replaced (for a command run inside another program, e.g. a test)."""
        if threading.current_thread() is threading.main_thread():
            for sig, handler in self._previous.items():
                signal.signal(sig, handler)  # type: ignore[arg-type]
        self._previous.clear()
        self._signals.clear()

    def _on_signal(self, signum: int, _frame: object) -> None:
        self.request(signal.Signals(signum).name)
        with self._lock:
            idle = self._busy == 0
        if idle:  # nothing in flight: leave now (interrupts a blocking read in the main thread)
            raise SystemExit(self.exit_code)


def install(on_stop: Iterable[Callable[[], object]] = (), signals: Iterable[int] = (signal.SIGTERM,),
            exit_code: int = 0) -> Graceful:
    """Handle SIGTERM gracefully in this process (call from the main thread); return the state."""
    state = Graceful(on_stop, exit_code)
    if threading.current_thread() is threading.main_thread():
        for sig in signals:
            state._previous[sig] = signal.signal(sig, state._on_signal)
            state._signals.add(sig)
    else:  # signals can only be handled in the main thread: leave the default
        log.debug("shutdown.install() outside the main thread (pid %d): signals not handled", os.getpid())
    return state
