"""HTTP serving: `HttpServer` (a WSGI app behind waitress, stoppable from any thread) and the operations
server on it, GET /healthz (JSON, 200 or 503) and GET /metrics (Prometheus).

The operations server runs in a daemon thread, so it serves the same way next to asyncio (Telegram) and
threaded (Slack) adapters. The AppContext starts it when METRICS_PORT is set. The Slack adapter serves
its Events API endpoint with `HttpServer` too.

waitress rather than `http.server`/`wsgiref`: those listen with a backlog of 5 (a burst of connections
overflows it), start a thread per connection (idle ones included), read whatever body a client announces
and never time out a silent client. Here: a real backlog, a fixed number of worker threads (connections
wait in one I/O loop, not in threads), bodies over `max_body` refused with 413 before they are read,
connections idle for `idle_timeout` closed, and malformed requests answered 400 with one log line.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask

from bot.runtime.settings import ConfigError

log = logging.getLogger(__name__)

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class _LoggedErrorTask(ErrorTask):
    """waitress's answer to a request it refused (bad syntax 400, too large 413, …), logged in one line."""

    def execute(self) -> None:
        error = self.request.error
        log.warning("%s: refused a request from %s: %s %s (%.120r)", self.channel.server.name,
                    (self.channel.addr or ("?",))[0], error.code, error.reason, error.body)
        super().execute()


class _Channel(HTTPChannel):
    error_task_class = _LoggedErrorTask


class _Waitress(TcpWSGIServer):
    channel_class = _Channel
    name = "http"


class _OncePer(logging.Filter):
    """Let one record through per `seconds` (waitress warns "Task queue depth is N" for every queued request)."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds, self._next = seconds, 0.0

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now < self._next:
            return False
        self._next = now + self.seconds
        return True


class HttpServer:
    """`app` served on host:port (port 0: an ephemeral one, see `.port`); only that address is bound.

    `serve_forever()` runs in one thread; `shutdown()` (any thread) stops it: no new connections, requests
    being served get up to `grace` seconds to finish, then every connection is closed. `close()` releases
    everything (call it also when serve_forever never ran: the worker threads start at construction).
    Timeouts are whole seconds (waitress's unit): a connection silent for `idle_timeout` is closed within
    about a second more.
    """

    def __init__(self, app: WsgiApp, host: str, port: int, *, name: str = "http", threads: int = 8,
                 backlog: int = 1024, max_body: int = 1 << 20, max_header: int = 64 << 10,
                 idle_timeout: int = 30, connection_limit: int = 1000, grace: float = 5.0) -> None:
        adj = Adjustments(host=host, port=port, threads=threads, backlog=backlog, connection_limit=connection_limit,
                          max_request_body_size=max_body, max_request_header_size=max_header,
                          channel_timeout=max(1, idle_timeout), cleanup_interval=max(1, min(idle_timeout // 4, 30)),
                          ident="", expose_tracebacks=False, asyncore_use_poll=True, log_socket_errors=False)
        queue_log = logging.getLogger("waitress.queue")
        if not any(isinstance(f, _OncePer) for f in queue_log.filters):
            queue_log.addFilter(_OncePer(10.0))
        self._map: dict[int, Any] = {}
        self._server = _Waitress(app, map=self._map, adj=adj, sockinfo=adj.listen[0])  # binds the first address
        self._server.name = name
        self.name, self.grace = name, grace
        self._stop = threading.Event()
        self._running = threading.Event()
        self._done = threading.Event()
        self._done.set()
        self._closed = False
        self._lock = threading.Lock()

    @property
    def port(self) -> int:
        return int(self._server.effective_port)

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until `shutdown()` (or an exception such as SystemExit on SIGTERM), then drain and close."""
        self._done.clear()
        self._running.set()
        try:
            while not self._stop.is_set():
                wasyncore.loop(timeout=poll_interval, map=self._map, use_poll=True, count=1)
        finally:
            try:
                self._drain()
            finally:
                self._running.clear()
                self.close()
                self._done.set()

    def shutdown(self, timeout: float | None = None) -> None:
        """Stop serving (from any thread) and wait until serve_forever has returned (at most `timeout`,
        default the grace period and a little)."""
        self._stop.set()
        with self._lock:
            if self._closed or not self._running.is_set():
                return
            self._server.pull_trigger()  # wakes the I/O loop at once
        self._done.wait(self.grace + 2.0 if timeout is None else timeout)

    def close(self) -> None:
        """Close the listening socket and every connection, stop the worker threads (idempotent). While
        serve_forever runs in another thread, this stops it and that thread closes."""
        if self._running.is_set():
            self.shutdown()
            return
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._server.task_dispatcher.shutdown(cancel_pending=True, timeout=1.0)
        wasyncore.close_all(self._map, ignore_all=True)

    def _drain(self) -> None:
        """In the serving thread: stop accepting, let requests in progress finish (up to `grace` seconds)."""
        if self._server.accepting:
            wasyncore.dispatcher.close(self._server)  # the listening socket only (not the trigger)
        deadline = time.monotonic() + self.grace
        while time.monotonic() < deadline and self._busy():
            wasyncore.loop(timeout=0.05, map=self._map, use_poll=True, count=1)

    def _busy(self) -> bool:
        return any(ch.requests or ch.total_outbufs_len for ch in list(self._server.active_channels.values()))


# -- /healthz and /metrics ----------------------------------------------------------------------------------
def ops_app(health: Callable[[], tuple[int, dict[str, Any]]], metrics: Callable[[], tuple[bytes, str]]) -> WsgiApp:
    """The WSGI app behind the operations server."""

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "")
        headers = [("Content-Type", "application/json")]
        try:
            if method not in ("GET", "HEAD"):
                status, data = 405, b'{"error": "method not allowed"}'
                headers.append(("Allow", "GET, HEAD"))
            elif path == "/healthz":
                code, body = health()
                status, data = code, json.dumps(body).encode()
            elif path == "/metrics":
                data, content_type = metrics()
                status, headers = 200, [("Content-Type", content_type)]
            else:
                status, data = 404, b'{"error": "not found"}'
        except Exception as exc:  # one line, no traceback: /healthz and /metrics are polled all the time
            log.error("ops: %s failed: %s", path, type(exc).__name__)
            status, data = 500, b'{"error": "internal error"}'
        start_response(f"{status} {_REASONS.get(status, '')}".strip(), [*headers, ("Content-Length", str(len(data)))])
        return [b"" if method == "HEAD" else data]

    return app


_REASONS = {200: "OK", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error",
            503: "Service Unavailable"}


class OpsServer:
    """/healthz and /metrics on host:port (port 0: an ephemeral port, see `.port`)."""

    def __init__(self, host: str, port: int, health: Callable[[], tuple[int, dict[str, Any]]],
                 metrics: Callable[[], tuple[bytes, str]], *, idle_timeout: int = 10) -> None:
        try:
            self._httpd = HttpServer(ops_app(health, metrics), host, port, name="ops", threads=4, max_body=64 << 10,
                                     idle_timeout=idle_timeout, connection_limit=200, grace=2.0)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ConfigError(f"invalid setting METRICS_PORT: cannot listen on {host}:{port} ({reason})") from None
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 1.0},
                                        name="ops-http", daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.port

    def start(self) -> OpsServer:
        self._thread.start()
        log.info("health and metrics on port %s (/healthz, /metrics)", self.port)
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.close()
