"""Fixtures: a fake Slack Web API, and the real app served over HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.adapters.slack.application import build_app
from bot.answer.library import Library
from tests.adapters.slack.fake_api import FakeSlack
from tests.adapters.slack.harness import Slack, fake_slack, serving, slack_context, slack_settings


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with fake_slack() as api:
        yield api


@pytest.fixture
def slack(fake: FakeSlack, library: Library) -> Iterator[Slack]:
    """The real app over HTTP, acknowledging first and answering afterwards (as in production)."""
    with serving(fake, build_app(slack_context(slack_settings(fake), library))) as running:
        yield running
