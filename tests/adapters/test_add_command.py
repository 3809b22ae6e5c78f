"""`/add URL` on Telegram and `/ask add URL` on Slack: administrators only, reply reports the import.

Both run through the real adapters (telegram build_application, slack build_app)
against the fake platform APIs of tests/adapters/telegram and tests/adapters/slack.
"""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from telegram import Update

from bot.adapters.slack import importing as slack_ext
from bot.adapters.telegram import importing as telegram_ext
from bot.answer.library import Library
from bot.db.engine import make_engine, open_database
from bot.db.schema import ArticleRow
from bot.importer.chat import text as chat_text
from bot.runtime.context import AppContext, open_context
from bot.runtime.settings import Settings, load_settings
from tests.adapters.telegram import fake_api as telegram_fake
from tests.pages import PageServer

CANONICAL = "https://harbourledger.example/2025/04/mira-castellanos-battery-recycling-interview"
MIRA = "/interviews/mira-castellanos"


def imported_ids(settings: Settings) -> list[str]:
    engine = make_engine(settings.db_url)
    with Session(engine) as s:
        ids = sorted(s.scalars(select(ArticleRow.id).where(ArticleRow.origin == "imported")))
    engine.dispose()
    return ids


# -- Telegram ---------------------------------------------------------------------------------------
@pytest.fixture
async def tg(db: Settings) -> AsyncIterator[Any]:
    fake = telegram_fake.FakeBotAPI()
    await fake.start()
    yield fake
    await fake.stop()


async def run_telegram(fake: Any, library: Library, admins: str, text: str, replies: int) -> list[str]:
    from bot.adapters.telegram.application import build_application

    settings = load_settings(telegram_bot_token=fake.token, telegram_api_url=fake.url, admin_users=admins)
    app = build_application(AppContext(settings, library, platform="telegram"),
                            extensions=["bot.adapters.telegram.importing"])
    await app.initialize()
    try:
        update = telegram_fake.message(text)
        update["update_id"] = 1
        await app.process_update(Update.de_json(update, app.bot))
        sent = await fake.wait_for("sendMessage", replies)
    finally:
        await app.shutdown()
        app.bot_data["ctx"].close()
    return [html.unescape(m["text"]) for m in sent]  # what the user reads


async def test_telegram_admin_adds_by_url(tg: Any, db: Settings, pages: PageServer, library: Library) -> None:
    user = telegram_fake.USER["id"]
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
    user = telegram_fake.USER["id"]
    texts = await run_telegram(tg, library, f"telegram:{user}", f"/add {pages('/report.pdf')}", 2)
    assert "Not added" in texts[1] and "application/pdf" in texts[1]
    assert imported_ids(db) == []


def test_telegram_extension_interface(ctx: AppContext) -> None:
    assert telegram_ext.commands() == []  # not advertised to everyone
    (handler,) = telegram_ext.handlers(ctx)
    assert "add" in handler.commands


# -- Slack --------------------------------------------------------------------------------------------
@pytest.fixture
def slack_app(db: Settings, library: Library, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from bot.adapters.slack.application import build_app
    from tests.adapters.slack.harness import fake_slack, serving, slack_context, slack_settings

    monkeypatch.setenv("ADMIN_USERS", "telegram:4242,slack:UADMIN")
    from bot.runtime.settings import get_settings

    get_settings.cache_clear()
    with fake_slack() as api, serving(api, build_app(slack_context(slack_settings(api), library),
                                                     extensions=["bot.adapters.slack.importing"])) as running:
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


def test_slack_handler_called_directly(db: Settings, pages: PageServer, make_context: Any) -> None:
    ctx = make_context(admin_users="slack:UADMIN")
    said: list[dict[str, Any]] = []

    def respond(**kwargs: Any) -> None:
        said.append(kwargs)

    slack_ext.add(text="", command={"user_id": "UADMIN"}, respond=respond, client=None, ctx=ctx)
    slack_ext.add(text=f"<{pages('/nowhere')}|page>", command={"user_id": "UADMIN"}, respond=respond, ctx=ctx)
    assert "/ask add https://" in said[0]["text"]
    assert "Not added" in said[1]["text"] and "404" in said[1]["text"]
    assert set(slack_ext.subcommands()) == {"add"}


async def test_a_running_telegram_bot_answers_from_an_added_article(
        tg: Any, db: Settings, pages: PageServer) -> None:
    from bot.adapters.telegram.application import build_application
    from bot.importer.pipeline import import_article

    settings = load_settings(telegram_bot_token=tg.token, telegram_api_url=tg.url)
    ctx = open_context(settings, platform="telegram")  # as `interview-bot telegram` runs it
    app = build_application(ctx)
    await app.initialize()
    fake = telegram_fake
    elsewhere = open_database(db.db_url)
    question = "Why did the recycling plant go into the port instead of near the mines?"
    try:
        update = fake.message(question)
        update["update_id"] = 1
        await app.process_update(Update.de_json(update, app.bot))
        (before,) = await tg.wait_for("sendMessage", 1)
        assert CANONICAL not in before["text"]
        import_article(pages(MIRA), elsewhere)  # e.g. `interview-bot add` in another process
        ctx.refresh(wait=True)  # what the polling thread does within CORPUS_REFRESH_SECONDS
        update = fake.message(question)
        update["update_id"] = 2
        await app.process_update(Update.de_json(update, app.bot))
        after = (await tg.wait_for("sendMessage", 2))[1]
    finally:
        await app.shutdown()
        ctx.close()
        elsewhere.dispose()
    assert f'href="{CANONICAL}"' in after["text"]
    visible = html.unescape(re.sub(r"<[^>]+>", "", after["text"]))
    assert "Because the port is where the volume already is." in visible
