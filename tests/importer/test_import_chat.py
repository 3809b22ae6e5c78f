"""`/add URL` on Telegram and `/ask add URL` on Slack: administrators only, reply reports the import.

Both run through the real adapters (bot.telegram.app.build_application, bot.slack.app.build_app)
against the fake platform APIs of tests/telegram and tests/slack.
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from telegram import Update

from bot import store
from bot.core import Library
from bot.importer import slack as slack_ext
from bot.importer import telegram as telegram_ext
from bot.importer.chat import text as chat_text
from bot.settings import Settings, load_settings
from tests.importer.conftest import PageServer

CANONICAL = "https://harbourledger.example/2025/04/mira-castellanos-battery-recycling-interview"
MIRA = "/interviews/mira-castellanos"


def _telegram_fake() -> Any:
    """tests/telegram/fake_api.py (loaded as its conftest does: the test folders are no packages)."""
    if "telegram_fake_api" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "telegram_fake_api", Path(__file__).resolve().parent.parent / "telegram" / "fake_api.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["telegram_fake_api"] = module
        spec.loader.exec_module(module)
    return sys.modules["telegram_fake_api"]


def imported_ids(settings: Settings) -> list[str]:
    engine = store.make_engine(settings.db_url)
    with Session(engine) as s:
        ids = sorted(s.scalars(select(store.ArticleRow.id).where(store.ArticleRow.origin == "imported")))
    engine.dispose()
    return ids


# -- Telegram ---------------------------------------------------------------------------------------
@pytest.fixture
async def tg(db: Settings) -> AsyncIterator[Any]:
    fake = _telegram_fake().FakeBotAPI()
    await fake.start()
    yield fake
    await fake.stop()


async def run_telegram(fake: Any, library: Library, admins: str, text: str, replies: int) -> list[str]:
    from bot.telegram.app import build_application

    settings = load_settings(telegram_bot_token=fake.token, telegram_api_url=fake.url, admin_users=admins)
    app = build_application(settings, library, extensions=["bot.importer.telegram"])
    await app.initialize()
    try:
        update = _telegram_fake().message(text)
        update["update_id"] = 1
        await app.process_update(Update.de_json(update, app.bot))
        sent = await fake.wait_for("sendMessage", replies)
    finally:
        await app.shutdown()
    return [m["text"] for m in sent]


async def test_telegram_admin_adds_by_url(tg: Any, db: Settings, pages: PageServer, library: Library) -> None:
    user = _telegram_fake().USER["id"]
    texts = await run_telegram(tg, library, f"slack:U1, telegram:{user}", f"/add {pages(MIRA)}", 2)
    assert texts[0].startswith("Reading 1 page")
    (article_id,) = imported_ids(db)
    assert f"Added {article_id}" in texts[1]
    assert "Mira Castellanos" in texts[1] and CANONICAL in texts[1]


async def test_telegram_refuses_other_users(tg: Any, db: Settings, pages: PageServer, library: Library) -> None:
    texts = await run_telegram(tg, library, "telegram:1,slack:U4242", f"/add {pages(MIRA)}", 1)
    assert texts == [chat_text("refused", "en")]
    assert imported_ids(db) == []


async def test_telegram_reports_errors_and_usage(tg: Any, db: Settings, pages: PageServer, library: Library) -> None:
    user = _telegram_fake().USER["id"]
    texts = await run_telegram(tg, library, f"telegram:{user}", f"/add {pages('/report.pdf')}", 2)
    assert "Not added" in texts[1] and "application/pdf" in texts[1]
    assert imported_ids(db) == []


def test_telegram_extension_interface(library: Library) -> None:
    assert telegram_ext.commands() == []  # not advertised to everyone
    (handler,) = telegram_ext.handlers(library)
    assert "add" in handler.commands


# -- Slack --------------------------------------------------------------------------------------------
@pytest.fixture
def slack_app(db: Settings, library: Library, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from bot.slack.app import build_app
    from tests.slack.harness import fake_slack, serving, slack_settings

    monkeypatch.setenv("ADMIN_USERS", "telegram:4242,slack:UADMIN")
    from bot.settings import get_settings

    get_settings.cache_clear()
    with fake_slack() as api, serving(api, build_app(slack_settings(api), library,
                                                     extensions=["bot.importer.slack"])) as running:
        yield running


def _responses(slack: Any, count: int) -> list[dict[str, Any]]:
    slack.fake.wait_for(lambda calls: len([c for c in calls if c.method == "response_url"]) >= count, timeout=30)
    return [c.params for c in slack.fake.posted("response_url")]


def test_slack_admin_adds_by_url(slack_app: Any, db: Settings, pages: PageServer) -> None:
    status, _ = slack_app.command(f"add <{pages(MIRA)}>", user_id="UADMIN")
    assert status == 200
    (reply,) = _responses(slack_app, 1)
    (article_id,) = imported_ids(db)
    assert f"Added {article_id}" in reply["text"] and CANONICAL in reply["text"]
    assert reply.get("response_type") == "ephemeral"


def test_slack_refuses_other_users(slack_app: Any, db: Settings, pages: PageServer) -> None:
    status, _ = slack_app.command(f"add <{pages(MIRA)}>", user_id="U4242")
    assert status == 200
    (reply,) = _responses(slack_app, 1)
    assert "only the bot's administrators" in reply["text"]
    assert imported_ids(db) == []


def test_slack_handler_called_directly(db: Settings, pages: PageServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_USERS", "slack:UADMIN")
    from bot.settings import get_settings

    get_settings.cache_clear()
    said: list[dict[str, Any]] = []

    def respond(**kwargs: Any) -> None:
        said.append(kwargs)

    slack_ext.add(text="", command={"user_id": "UADMIN"}, respond=respond, client=None, library=None)
    slack_ext.add(text=f"<{pages('/nowhere')}|page>", command={"user_id": "UADMIN"}, respond=respond)
    assert "/ask add https://" in said[0]["text"]
    assert "Not added" in said[1]["text"] and "404" in said[1]["text"]
    assert set(slack_ext.subcommands()) == {"add"}


async def test_a_running_telegram_bot_answers_from_an_added_article(
        tg: Any, db: Settings, pages: PageServer, fresh_library: None) -> None:
    from bot import core
    from bot.importer.pipeline import import_article
    from bot.telegram.app import build_application

    settings = load_settings(telegram_bot_token=tg.token, telegram_api_url=tg.url)
    app = build_application(settings)  # the process-wide library, as `interview-bot telegram` runs it
    await app.initialize()
    fake = _telegram_fake()
    question = "Why did the recycling plant go into the port instead of near the mines?"
    try:
        update = fake.message(question)
        update["update_id"] = 1
        await app.process_update(Update.de_json(update, app.bot))
        (before,) = await tg.wait_for("sendMessage", 1)
        assert CANONICAL not in before["text"]
        import_article(pages(MIRA), db)  # e.g. `interview-bot add` in another process
        core.refresh_if_changed(wait=True)  # what the polling thread does within CORPUS_REFRESH_SECONDS
        update = fake.message(question)
        update["update_id"] = 2
        await app.process_update(Update.de_json(update, app.bot))
        after = (await tg.wait_for("sendMessage", 2))[1]
    finally:
        await app.shutdown()
    assert f'href="{CANONICAL}"' in after["text"]
    visible = html.unescape(re.sub(r"<[^>]+>", "", after["text"]))
    assert "Because the port is where the volume already is." in visible
