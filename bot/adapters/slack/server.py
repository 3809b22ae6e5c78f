"""Serving the app: HTTP (Events API, interactivity, slash commands at /slack/events) or Socket Mode."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.runtime.health import Health
from bot.runtime.shutdown import Graceful

log = logging.getLogger(__name__)

PATH = "/slack/events"


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    """One thread per request, so a slow answer never delays Slack's next request."""

    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    """Request lines go to the logger at DEBUG instead of stderr."""

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s %s", self.address_string(), format % args)


def reject_malformed_timestamps(wsgi_app: Callable[..., Any]) -> Callable[..., Any]:
    """401 for a request whose X-Slack-Request-Timestamp is not a whole number (before Bolt parses it)."""

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        stamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
        if stamp is not None and not stamp.strip().isdigit():
            start_response("401 Unauthorized", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"invalid request"]
        return wsgi_app(environ, start_response)

    return guarded


def http_server(app: App, host: str, port: int) -> WSGIServer:
    """A server for the app at /slack/events on host:port (port 0 picks a free one)."""
    handler = reject_malformed_timestamps(SlackRequestHandler(app, path=PATH))
    return make_server(host, port, handler, server_class=ThreadingWSGIServer, handler_class=QuietHandler)


def serve_http(app: App, host: str, port: int, health: Health, stop: Graceful | None = None) -> None:
    """Serve until interrupted or stopped; answers in flight finish (Bolt's worker threads are joined)."""
    server = http_server(app, host, port)
    if stop is not None:
        stop.add_callback(server.shutdown)
    serving = threading.Event()
    health.set_check("platform", serving.is_set)  # /healthz: up while the Events API endpoint is served
    log.warning("Slack bot listening on http://%s:%d%s", host, server.server_port, PATH)
    try:
        serving.set()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        serving.clear()
        server.server_close()


def socket_mode_handler(app: App, app_token: str) -> SocketModeHandler:
    """The Socket Mode connection (apps.connections.open, then a WebSocket); call .connect()/.close()."""
    return SocketModeHandler(app, app_token, logger=logging.getLogger("bot.slack.socket_mode"))


def serve_socket_mode(app: App, app_token: str, health: Health, stop: Graceful | None = None) -> None:
    """Stay connected by Socket Mode until interrupted or stopped."""
    handler = socket_mode_handler(app, app_token)
    done = threading.Event()
    if stop is not None:
        stop.add_callback(done.set)
    log.warning("Slack bot connecting in Socket Mode")
    health.set_check("platform", lambda: handler.client.is_connected())  # /healthz: the WebSocket is up
    try:
        handler.connect()
        while not done.wait(1.0):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        handler.close()
