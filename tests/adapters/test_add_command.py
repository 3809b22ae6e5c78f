"""`/add URL` on Telegram and `/ask add URL` on Slack: administrators only, reply reports the import.

Both run through the real adapters (telegram build_application, slack build_app)
against the fake platform APIs of tests/adapters/telegram and tests/adapters/slack.
"""

from __future__ import annotations

import html
import re
import time
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
from bot.importer.chat import ImportQueue
from bot.importer.chat import text as chat_text
from bot.importer.public_web import trusted_for_tests
from bot.runtime.context import AppContext, open_context
from bot.runtime.settings import Settings, load_settings
from tests.adapters.telegram import fake_api as telegram_fake
from tests.pages import PageServer, PrivateServer

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
    assert "Not added" in texts[1] and "the PDF could not be read" in texts[1]
    assert imported_ids(db) == []


async def test_telegram_refuses_private_addresses(tg: Any, db: Settings, private_pages: PrivateServer,
                                                  library: Library) -> None:
    """An administrator's `/add` of an internal address (the metrics port, say) is refused before any
    connection: chat has no way to allow private addresses."""
    user = telegram_fake.USER["id"]
    url = f"{private_pages.url}/metrics"
    texts = await run_telegram(tg, library, f"telegram:{user}", f"/add {url}", 2)
    assert texts[1] == "✗ " + chat_text("failed", "en", error=f"{url}: this address is not public")
    assert private_pages.requests == [] and imported_ids(db) == []


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


def test_slack_refuses_private_addresses(slack_app: Any, db: Settings, private_pages: PrivateServer) -> None:
    status, _ = slack_app.command(f"add <{private_pages(MIRA)}>", user_id="UADMIN")
    assert status == 200
    (reply,) = _responses(slack_app, 1)
    assert f"{private_pages(MIRA)}: this address is not public" in reply["text"]
    assert private_pages.requests == [] and imported_ids(db) == []


def test_slack_handler_called_directly(db: Settings, pages: PageServer, make_context: Any) -> None:
    ctx = make_context(admin_users="slack:UADMIN")
    said: list[dict[str, Any]] = []

    def respond(**kwargs: Any) -> None:
        said.append(kwargs)

    imports = ImportQueue()
    assert slack_ext.add(text="", command={"user_id": "UADMIN"}, respond=respond, client=None, ctx=ctx,
                         imports=imports) is None
    job = slack_ext.add(text=f"<{pages('/nowhere')}|page>", command={"user_id": "UADMIN"}, respond=respond, ctx=ctx,
                        imports=imports)
    assert job is not None
    job.result(timeout=30)
    deadline = time.monotonic() + 10  # the report is sent by the import's thread, right after the result
    while len(said) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
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


# -- imports beside everything else ---------------------------------------------------------------------
def port_of(server: PageServer) -> int:
    return int(server.url.rsplit(":", 1)[1])


async def test_imports_never_hold_up_questions_or_other_commands(
        tg: Any, db: Settings, trickling: PageServer, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Six `/add`s of a page that never finishes (two importing, four waiting) and the administrator asks a
    question in the same chat, someone else runs /subscription (a command that works on a thread): both are
    answered at once; a seventh `/add` is told the bot is busy; stopping the bot does not wait for the
    stuck imports beyond the grace period."""
    monkeypatch.setattr(telegram_ext, "STOP_GRACE", 1.0)
    admin = telegram_fake.USER["id"]
    app = telegram_fake.make_app(tg, library, ["bot.adapters.telegram.importing", "bot.adapters.telegram.daily"],
                                 admin_users=f"telegram:{admin}")
    stuck = trickling("/headers")
    with trusted_for_tests("127.0.0.1", port_of(trickling)):
        await telegram_fake.start_polling(app)
        try:
            for chat_id in [admin, 5001, 5002, 5003, 5004, 5005]:
                await tg.push(telegram_fake.message(f"/add {stuck}", chat_id=chat_id))
            working = await tg.wait_for("sendMessage", 6)
            assert all(m["text"] == "Reading 1 page(s)…" for m in working)
            question = telegram_fake.question_for(library, "en")
            await tg.push(telegram_fake.message(question))  # the administrator's chat, its /add still running
            await tg.push(telegram_fake.message("/subscription", chat_id=6000))
            await tg.push(telegram_fake.message(f"/add {stuck}", chat_id=6001))
            replies = {m["chat_id"]: m["text"] for m in (await tg.wait_for("sendMessage", 9, timeout=8))[6:]}
            assert telegram_fake.blockquotes(replies[admin])  # the answer, quoted
            assert "subscri" in html.unescape(replies[6000]).lower()
            assert html.unescape(replies[6001]) == chat_text("busy", "en")
        finally:
            started = time.monotonic()
            await telegram_fake.stop(app)
            stopping = time.monotonic() - started
    assert stopping < 5, stopping  # long poll (1 s) + STOP_GRACE (1 s), not the fetch's 60 s
    assert imported_ids(db) == []


def test_slack_add_returns_at_once_and_says_when_busy(
        db: Settings, trickling: PageServer, make_context: Any) -> None:
    """The Bolt worker is not held by an import; beyond the queue the asker is told to try again."""
    ctx = make_context(admin_users="slack:UADMIN")
    said: list[dict[str, Any]] = []
    imports = ImportQueue(workers=1, waiting=1)
    with trusted_for_tests("127.0.0.1", port_of(trickling)):
        started = time.monotonic()
        jobs = [slack_ext.add(text=f"<{trickling('/headers')}>", command={"user_id": "UADMIN"},
                              respond=lambda **kw: said.append(kw), ctx=ctx, imports=imports) for _ in range(3)]
        assert time.monotonic() - started < 1
        assert jobs[0] is not None and jobs[1] is not None and jobs[2] is None
        assert [m["text"] for m in said] == [chat_text("busy", None)]
        for job in jobs[:2]:
            job.cancel()
