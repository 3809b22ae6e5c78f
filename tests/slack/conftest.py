"""Fixtures: a fake Slack Web API, and the real app served over HTTP on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from bot.core import Library
from bot.slack.app import build_app
from bot.slack.server import http_server
from tests.slack.fake_api import FakeSlack
from tests.slack.harness import APP_TOKEN, BOT_TOKEN, Slack, slack_settings


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    api = FakeSlack(bot_token=BOT_TOKEN, app_token=APP_TOKEN).start()
    yield api
    api.stop()


@pytest.fixture
def slack(fake: FakeSlack, library: Library) -> Iterator[Slack]:
    """The real app over HTTP, acknowledging first and answering afterwards (as in production)."""
    app = build_app(slack_settings(fake), library)
    server = http_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield Slack(fake, app, f"http://127.0.0.1:{server.server_port}/slack/events")
    server.shutdown()
    server.server_close()
