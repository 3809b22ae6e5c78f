"""A small HTTP server for operations: GET /healthz (JSON, 200 or 503) and GET /metrics (Prometheus).

It runs in a daemon thread, so it serves the same way next to asyncio (Telegram) and threaded (Slack)
adapters. `start_from_settings()` starts it once per process when METRICS_PORT is set.
"""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot.ops import health, metrics
from bot.settings import ConfigError, Settings, get_settings

log = logging.getLogger(__name__)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/healthz":
            status, body = health.report(self.server.db_url)
            self._send(status, json.dumps(body).encode(), "application/json")
        elif path == "/metrics":
            data, content_type = metrics.render()
            self._send(200, data, content_type)
        else:
            self._send(404, b'{"error": "not found"}', "application/json")

    def do_HEAD(self) -> None:
        self._head_only = True
        self.do_GET()

    def _send(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if not getattr(self, "_head_only", False):
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("ops %s", format % args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    db_url: str


class OpsServer:
    """/healthz and /metrics on host:port (port 0: an ephemeral port, see `.port`)."""

    def __init__(self, host: str, port: int, db_url: str) -> None:
        self._httpd = _Server((host, port), _Handler)
        self._httpd.db_url = db_url
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="ops-http", daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def start(self) -> OpsServer:
        self._thread.start()
        log.info("health and metrics on port %s (/healthz, /metrics)", self.port)
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()


_server: OpsServer | None = None
_lock = threading.Lock()


def start_from_settings(settings: Settings | None = None) -> OpsServer | None:
    """Start the process's ops server when METRICS_PORT is set (once; later calls return it)."""
    global _server
    settings = settings or get_settings()
    if settings.metrics_port is None:
        return None
    with _lock:
        if _server is None:
            try:
                _server = OpsServer(settings.metrics_host, settings.metrics_port, settings.db_url).start()
            except OSError as exc:
                raise ConfigError(f"invalid setting METRICS_PORT: cannot listen on {settings.metrics_host}:"
                                  f"{settings.metrics_port} ({exc.strerror or exc})") from None
        return _server


def stop() -> None:
    """Stop the process's ops server, if running."""
    global _server
    with _lock:
        if _server is not None:
            _server.stop()
            _server = None
