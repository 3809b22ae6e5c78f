"""Socket Mode: apps.connections.open, then events over a WebSocket, acknowledged by envelope id."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bot.adapters.slack.application import build_app
from bot.adapters.slack.server import socket_mode_handler
from bot.answer.library import Library
from bot.answer.texts import SAMPLES
from tests.adapters.slack.blockkit import problems, quote_lines, unquoted_problems
from tests.adapters.slack.fake_api import BOT_USER, FakeSlack
from tests.adapters.slack.harness import APP_TOKEN, slack_context, slack_settings


@pytest.fixture
def connected(fake: FakeSlack, library: Library) -> Iterator[FakeSlack]:
    app = build_app(slack_context(slack_settings(fake, slack_app_token=APP_TOKEN, slack_signing_secret=None), library))
    handler = socket_mode_handler(app, APP_TOKEN)
    handler.connect()
    fake.wait_connected()
    yield fake
    handler.close()


def envelope(envelope_id: str, event: dict, retry: int = 0, event_id: str | None = None) -> dict:
    return {"envelope_id": envelope_id, "type": "events_api", "accepts_response_payload": False,
            "retry_attempt": retry, "retry_reason": "timeout" if retry else "",
            "payload": {"type": "event_callback", "team_id": "T0001", "api_app_id": "A0001",
                        "event_id": event_id or f"Ev-{envelope_id}", "event": event}}


def test_socket_mode_round_trip(connected: FakeSlack, library: Library) -> None:
    opened = [c for c in connected.calls if c.method == "apps.connections.open"]
    assert opened and opened[0].token == APP_TOKEN
    event = {"type": "app_mention", "user": "U0USER", "text": f"<@{BOT_USER}> {SAMPLES['zh'][1]}",
             "ts": "900.000001", "channel": "C0CHAN"}
    connected.push(envelope("env-1", event))
    assert connected.wait_ack("env-1")["envelope_id"] == "env-1"
    [call] = connected.wait_for(lambda _: connected.posted("chat.postMessage"))
    assert call.params["thread_ts"] == "900.000001"
    assert problems(call.params) == [] and unquoted_problems(call.params, library) == []
    assert quote_lines(call.params)


def test_socket_mode_retries_are_acknowledged_and_answered_once(connected: FakeSlack) -> None:
    """A retry of an event already handled is acknowledged, not answered; a retry whose first delivery never
    arrived (e.g. the connection dropped) is answered, once."""
    event = {"type": "app_mention", "user": "U0USER", "text": f"<@{BOT_USER}> {SAMPLES['de'][1]}",
             "ts": "901.000001", "channel": "C0CHAN"}
    connected.push(envelope("env-1", event, event_id="Ev901"))
    connected.wait_ack("env-1")
    connected.push(envelope("env-2", event, retry=1, event_id="Ev901"))  # handled already
    connected.wait_ack("env-2")
    lost = {**event, "ts": "902.000001"}
    connected.push(envelope("env-3", lost, retry=1, event_id="Ev902"))  # its first delivery never came
    connected.wait_ack("env-3")
    connected.push(envelope("env-4", lost, retry=2, event_id="Ev902"))
    connected.wait_ack("env-4")
    connected.push(envelope("env-5", {**event, "ts": "903.000001"}, event_id="Ev903"))  # proves the others done
    connected.wait_for(lambda _: {"901.000001", "902.000001", "903.000001"} <=
                       {c.params.get("thread_ts") for c in connected.posted("chat.postMessage")})
    threads = sorted(c.params["thread_ts"] for c in connected.posted("chat.postMessage"))
    assert threads == ["901.000001", "902.000001", "903.000001"]
    assert json.dumps(connected.ws_received).count("env-2") == 1
