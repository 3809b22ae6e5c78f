"""Fixtures: a fake Slack Web API, the real app served over HTTP on 127.0.0.1, and a context over a SQLite
database of the test's own (`db`, `ctx`) for tests that serve the app with extensions of their choice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.adapters.slack.application import build_app
from bot.answer.library import Library
from bot.runtime.context import AppContext
from tests.adapters.slack.fake_api import FakeSlack
from tests.adapters.slack.harness import Slack, fake_slack, serving, slack_context, slack_settings


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with fake_slack() as api:
        yield api


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test's own SQLite database (DATABASE_URL), daily quotes at Berlin time by default."""
    url = f"sqlite:///{tmp_path / 'slack.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("QUOTE_DEFAULT_TIMEZONE", "Europe/Berlin")
    return url


@pytest.fixture
def ctx(fake: FakeSlack, library: Library, db: str) -> Iterator[AppContext]:
    ctx = slack_context(slack_settings(fake), library)
    yield ctx
    ctx.close()


@pytest.fixture
def slack(fake: FakeSlack, library: Library) -> Iterator[Slack]:
    """The real app over HTTP, acknowledging first and answering afterwards (as in production)."""
    with serving(fake, build_app(slack_context(slack_settings(fake), library))) as running:
        yield running
