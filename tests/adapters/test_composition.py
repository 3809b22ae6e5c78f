"""Each bot is composed from one AppContext: building it creates exactly one database engine and checks the
schema (runs the migrations) once, however many features (answers, "more" buttons, daily posts, /add,
health) use the database."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from bot.runtime.context import open_context
from bot.runtime.settings import load_settings
from tests.adapters.slack.harness import fake_slack, slack_settings
from tests.adapters.telegram import fake_api as telegram_fake

SCHEMA_CHECK = "checking the database schema"  # what bot.db.migrations.upgrade logs each time it runs


def engines() -> set[int]:
    gc.collect()
    return {id(o) for o in gc.get_objects() if isinstance(o, Engine)}


@pytest.fixture
def counted(caplog: pytest.LogCaptureFixture) -> Iterator[Any]:
    """Counts the engines created and the schema checks run inside the `with` block."""
    caplog.set_level(logging.DEBUG, logger="bot.db.migrations")

    class Count:
        def __enter__(self) -> Count:
            self.before = engines()
            caplog.clear()
            return self

        def __exit__(self, *exc: object) -> None:
            self.engines = len(engines() - self.before)
            self.checks = sum(SCHEMA_CHECK in r.getMessage() for r in caplog.records)

    yield Count()


async def test_the_telegram_bot_opens_one_engine_and_migrates_once(counted: Any) -> None:
    from bot.adapters.telegram.application import DEFAULT_EXTENSIONS, build_application

    fake = telegram_fake.FakeBotAPI()
    await fake.start()
    try:
        with counted:
            settings = load_settings(telegram_bot_token=fake.token, telegram_api_url=fake.url)
            ctx = open_context(settings, platform="telegram")
            app = build_application(ctx, DEFAULT_EXTENSIONS)  # answers, buttons, /subscribe and its job, /add
            await app.initialize()
            assert ctx.health.report()[1]["checks"]["database"]["ok"]
            await app.shutdown()
        ctx.close()
    finally:
        await fake.stop()
    assert (counted.engines, counted.checks) == (1, 1)


def test_the_slack_bot_opens_one_engine_and_migrates_once(counted: Any) -> None:
    from bot.adapters.slack.application import DEFAULT_EXTENSIONS, build_app
    from bot.adapters.slack.daily import SlackPoster

    with fake_slack() as api:
        with counted:
            ctx = open_context(slack_settings(api), platform="slack")
            app = build_app(ctx, DEFAULT_EXTENSIONS)  # answers, buttons, /quote, /ask subscribe and add
            poster = SlackPoster(app.client, ctx)  # the daily posts, as `interview-bot slack` starts them
            assert ctx.health.report()[1]["checks"]["database"]["ok"]
        poster.stop()
        ctx.close()
    assert (counted.engines, counted.checks) == (1, 1)


def test_a_terminal_answer_from_a_current_snapshot_opens_no_engine(counted: Any) -> None:
    open_context(load_settings()).close()  # the first run builds the database and its snapshot
    with counted:
        ctx = open_context(load_settings(), quick=True)
        assert ctx.answerer("戈麦斯怎么看合成数据？").quotes
    assert (counted.engines, counted.checks) == (0, 0)
