"""Test helpers: signing requests as Slack does, and sending events, commands and button clicks."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from slack_bolt import App

from bot.answer.library import Library
from bot.runtime.context import AppContext
from bot.runtime.settings import Settings, load_settings
from tests.adapters.slack.fake_api import FakeSlack

BOT_TOKEN = "xoxb-111-222-SeCrEtBoTtOkEn"
APP_TOKEN = "xapp-1-A111-333-SeCrEtApPtOkEn"
SIGNING_SECRET = "0123456789abcdefSIGNINGsecret"


def sign(body: str, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """Headers as Slack signs a request (slack_sdk.signature.SignatureVerifier's scheme)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class Slack:
    """The app under test, its fake Web API, and helpers to send it what Slack would."""

    fake: FakeSlack
    app: App
    url: str

    def post(self, body: str, content_type: str, headers: dict[str, str] | None = None,
             signed: bool = True) -> tuple[int, str]:
        all_headers = {"Content-Type": content_type, **(sign(body) if signed else {}), **(headers or {})}
        req = urllib.request.Request(self.url, data=body.encode(), headers=all_headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()

    def event(self, event: dict[str, Any], event_id: str | None = None, headers: dict[str, str] | None = None,
              **kw: Any) -> tuple[int, str]:
        body = json.dumps({"token": "x", "team_id": "T0001", "api_app_id": "A0001", "type": "event_callback",
                           "event_id": event_id or f"Ev{time.monotonic_ns()}", "event_time": int(time.time()),
                           "event": event})
        return self.post(body, "application/json", headers, **kw)

    def command(self, text: str, response_url: str | None = None, **extra: str) -> tuple[int, str]:
        form = {"token": "x", "team_id": "T0001", "team_domain": "test", "channel_id": "C0CMD",
                "channel_name": "general", "user_id": "U0ASKER", "user_name": "asker", "command": "/ask",
                "text": text, "api_app_id": "A0001", "trigger_id": "1.2.3",
                "response_url": response_url or self.fake.response_url("cmd"), **extra}
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def action(self, button: dict[str, Any], *, message: dict[str, Any] | None = None, channel: str = "C0CMD",
               response_url: str | None = None) -> tuple[int, str]:
        container = ({"type": "message", "message_ts": message["ts"], "channel_id": channel,
                      "is_ephemeral": False} if message else
                     {"type": "message", "message_ts": "1.1", "channel_id": channel, "is_ephemeral": True})
        payload: dict[str, Any] = {
            "type": "block_actions", "team": {"id": "T0001", "domain": "test"},
            "user": {"id": "U0CLICK", "username": "clicker", "team_id": "T0001"}, "api_app_id": "A0001",
            "token": "x", "container": container, "trigger_id": "1.2.3", "channel": {"id": channel, "name": "x"},
            "response_url": response_url or self.fake.response_url("act"),
            "actions": [{"action_id": button["action_id"], "block_id": "b1", "text": button["text"],
                         "value": button.get("value", ""), "type": button.get("type", "button"),
                         "action_ts": "1.2"}],
        }
        if message:
            payload["message"] = message
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def feedback(self, element: dict[str, Any], positive: bool, **kw: Any) -> tuple[int, str]:
        """A click on one of Slack's feedback buttons (a `feedback_buttons` element of a context_actions block):
        the action carries the element's action_id and the clicked button's value."""
        clicked = element["positive_button" if positive else "negative_button"]
        return self.action({"action_id": element["action_id"], "text": clicked["text"], "value": clicked["value"],
                            "type": "feedback_buttons"}, **kw)


def slack_settings(fake: FakeSlack, **overrides: Any) -> Settings:
    values = {"slack_bot_token": BOT_TOKEN, "slack_signing_secret": SIGNING_SECRET, "slack_api_url": fake.api_url}
    return load_settings(**{**values, **overrides})




@contextmanager
def serving(fake: FakeSlack, app: App, **options: Any) -> Iterator[Slack]:
    """The app served over HTTP on 127.0.0.1 (an ephemeral port) for the duration of the block; `options`
    go to `http_server` (e.g. idle_timeout)."""
    from bot.adapters.slack.server import http_server

    server = http_server(app, "127.0.0.1", 0, **options)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Slack(fake, app, f"http://127.0.0.1:{server.port}/slack/events")
    finally:
        server.shutdown()
        server.close()


@contextmanager
def fake_slack() -> Iterator[FakeSlack]:
    """A fake Slack Web API on 127.0.0.1 that knows the harness's tokens."""
    api = FakeSlack(bot_token=BOT_TOKEN, app_token=APP_TOKEN).start()
    try:
        yield api
    finally:
        api.stop()


def slack_context(settings: Settings, library: Library) -> AppContext:
    """An AppContext (platform "slack") answering from `library` with `settings`."""
    return AppContext(settings, library, platform="slack")
