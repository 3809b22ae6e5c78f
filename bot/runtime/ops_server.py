"""A small HTTP server for operations: GET /healthz (JSON, 200 or 503) and GET /metrics (Prometheus).

It runs in a daemon thread, so it serves the same way next to asyncio (Telegram) and threaded (Slack)
adapters. The AppContext starts it when METRICS_PORT is set.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot.runtime.settings import ConfigError

log = logging.getLogger(__name__)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/healthz":
            status, body = self.server.health()
            self._send(status, json.dumps(body).encode(), "application/json")
        elif path == "/metrics":
            data, content_type = self.server.metrics()
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
    health: Callable[[], tuple[int, dict[str, Any]]]
    metrics: Callable[[], tuple[bytes, str]]


class OpsServer:
    """/healthz and /metrics on host:port (port 0: an ephemeral port, see `.port`)."""

    def __init__(self, host: str, port: int, health: Callable[[], tuple[int, dict[str, Any]]],
                 metrics: Callable[[], tuple[bytes, str]]) -> None:
        try:
            self._httpd = _Server((host, port), _Handler)
        except OSError as exc:
            raise ConfigError(f"invalid setting METRICS_PORT: cannot listen on {host}:{port} "
                              f"({exc.strerror or exc})") from None
        self._httpd.health = health
        self._httpd.metrics = metrics
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
