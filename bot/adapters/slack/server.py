"""Serving the app: HTTP (Events API, interactivity, slash commands at /slack/events) or Socket Mode."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

from bot.runtime.health import Health
from bot.runtime.ops_server import HttpServer
from bot.runtime.shutdown import Graceful

log = logging.getLogger(__name__)

PATH = "/slack/events"
MAX_BODY = 1 << 20  # Slack's payloads are a few KB (a message is at most 40,000 characters): 413 above 1 MB
THREADS = 16  # requests dispatched at once (each waits for its ack); more connections wait in the I/O loop
IDLE_TIMEOUT = 30  # seconds a connection may stay silent (Slack sends its request at once)


class BoltHandler(SlackRequestHandler):
    """Bolt's WSGI adapter, answering 400 (with one log line, no traceback) to a body Bolt cannot read:
    not UTF-8, JSON cut short, a payload that is not a JSON object, fields of the wrong type."""

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        try:
            bolt_request = BoltRequest(body=request.get_body(), query=request.query_string,
                                       headers=request.get_headers())
        except Exception as exc:  # anything the parsing raises means: not a request from Slack
            log.warning("refused a malformed Slack request from %s: %s", request.environ.get("REMOTE_ADDR"),
                        type(exc).__name__)
            return BoltResponse(status=400, body="bad request")
        try:
            return self.app.dispatch(bolt_request)
        except Exception as exc:  # Bolt handles the listeners' errors; this is a failure around them
            log.error("Slack request failed: %s", type(exc).__name__, exc_info=log.isEnabledFor(logging.DEBUG))
            return BoltResponse(status=500, body="")


def reject_malformed_timestamps(wsgi_app: Callable[..., Any]) -> Callable[..., Any]:
    """401 for a request whose X-Slack-Request-Timestamp is not a whole number (before Bolt parses it)."""

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        stamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
        if stamp is not None and not stamp.strip().isdigit():
            start_response("401 Unauthorized", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"invalid request"]
        return wsgi_app(environ, start_response)

    return guarded


def http_server(app: App, host: str, port: int, *, threads: int = THREADS, idle_timeout: int = IDLE_TIMEOUT,
                max_body: int = MAX_BODY, grace: float = 5.0) -> HttpServer:
    """A server for the app at /slack/events on host:port (port 0 picks a free one; see `.port`)."""
    handler = reject_malformed_timestamps(BoltHandler(app, path=PATH))
    return HttpServer(handler, host, port, name="slack", threads=threads, idle_timeout=idle_timeout,
                      max_body=max_body, grace=grace)


def serve_http(app: App, host: str, port: int, health: Health, stop: Graceful | None = None) -> None:
    """Serve until interrupted or stopped; requests in progress get a grace period, and answers already
    acknowledged finish (Bolt's worker threads are joined at exit)."""
    server = http_server(app, host, port)
    if stop is not None:
        stop.add_callback(server.shutdown)
    serving = threading.Event()
    health.set_check("platform", serving.is_set)  # /healthz: up while the Events API endpoint is served
    log.warning("Slack bot listening on http://%s:%d%s", host, server.port, PATH)
    try:
        serving.set()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        serving.clear()
        server.close()


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
