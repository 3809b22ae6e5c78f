"""The Telegram side of the daily quote, against the fake Bot API: subscribing, the admin rule, posting."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from sqlalchemy.orm import Session
from telegram.error import NetworkError, TimedOut

from bot.adapters.telegram import daily as daily_telegram
from bot.answer.library import Library
from bot.daily.subscriptions import find
from bot.db.schema import Subscription
from tests.adapters.telegram import fake_api

GROUP = -100555
USER_ID = fake_api.USER["id"]


class FakeWithMembers(fake_api.FakeBotAPI):
    """The fake Bot API plus getChatMember (status per (chat, user), default "member")."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.members: dict[tuple[int, int], str] = {}

    async def api_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        status = self.members.get((chat_id, user_id), "member")
        member: dict[str, Any] = {"status": status, "user": {**fake_api.USER, "id": user_id}}
        if status == "administrator":
            member.update(can_be_edited=False, is_anonymous=False, can_manage_chat=True, can_delete_messages=True,
                          can_manage_video_chats=True, can_restrict_members=True, can_promote_members=False,
                          can_change_info=True, can_invite_users=True, can_post_stories=False,
                          can_edit_stories=False, can_delete_stories=False)
        if status == "creator":
            member.update(is_anonymous=False)
        return member


@pytest.fixture
async def fake() -> AsyncIterator[FakeWithMembers]:
    server = FakeWithMembers()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def app(fake: FakeWithMembers, library: Library, tmp_path: Path) -> AsyncIterator[Any]:
    application = fake_api.make_app(fake, library, extensions=[daily_telegram],
                                    database_url=f"sqlite:///{tmp_path / 'tg.sqlite3'}",
                                    quote_default_timezone="Asia/Shanghai")
    await fake_api.start_polling(application)
    yield application
    await fake_api.stop(application)


async def say(fake: FakeWithMembers, text: str, kind: str = "private", n: int = 1, **kw: Any) -> dict[str, Any]:
    await fake.push(fake_api.message(text, kind=kind, chat_id=GROUP if kind != "private" else None, **kw))
    return (await fake.wait_for("sendMessage", n))[-1]


def subscription(app: Any, chat_id: int) -> Subscription | None:
    with Session(app.bot_data["ctx"].engine, expire_on_commit=False) as s:
        return find(s, "telegram", str(chat_id))


async def test_subscribe_in_private_confirms_the_next_post_in_the_zone(fake: FakeWithMembers, app: Any) -> None:
    sent = await say(fake, "/subscribe 08:30 Europe/Berlin")
    assert "08:30" in sent["text"] and "Europe/Berlin" in sent["text"]
    assert "CET" in sent["text"] or "CEST" in sent["text"]
    sub = subscription(app, USER_ID)
    assert sub is not None and sub.active and (sub.post_time, sub.timezone) == ("08:30", "Europe/Berlin")
    sent = await say(fake, "/subscription", n=2)
    assert "08:30" in sent["text"] and "Europe/Berlin" in sent["text"]
    sent = await say(fake, "/unsubscribe", n=3)
    assert "Unsubscribed" in sent["text"]
    assert not subscription(app, USER_ID).active  # type: ignore[union-attr]
    sent = await say(fake, "/subscription", n=4)
    assert "paused" in sent["text"] and "/subscribe" in sent["text"]


async def test_defaults_bad_input_and_languages(fake: FakeWithMembers, app: Any) -> None:
    sent = await say(fake, "/subscribe")
    assert "09:00" in sent["text"] and "Asia/Shanghai" in sent["text"]  # QUOTE_DEFAULT_* settings
    sent = await say(fake, "/subscribe 9:00 Mars/Olympus", n=2)
    assert "unknown time zone" in sent["text"] and "Usage" in sent["text"]
    sent = await say(fake, "/subscribe 07:15 europe/berlin", n=3, language="de")
    assert "Abonniert" in sent["text"] and "Europe/Berlin" in sent["text"]
    sent = await say(fake, "/subscribe 07:15 language=de", n=4, language="zh")
    assert "已订阅" in sent["text"] and "language=de" in sent["text"]
    assert subscription(app, USER_ID).language == "de"  # type: ignore[union-attr]


async def test_only_group_admins_change_a_group_subscription(fake: FakeWithMembers, app: Any) -> None:
    sent = await say(fake, "/subscribe 10:00 UTC", kind="supergroup")
    assert "admins" in sent["text"]
    assert subscription(app, GROUP) is None
    fake.members[(GROUP, USER_ID)] = "administrator"
    sent = await say(fake, "/subscribe 10:00 UTC", kind="supergroup", n=2)
    assert "Subscribed" in sent["text"]
    fake.members[(GROUP, USER_ID)] = "member"
    sent = await say(fake, "/unsubscribe", kind="supergroup", n=3)
    assert "admins" in sent["text"] and subscription(app, GROUP).active  # type: ignore[union-attr]
    sent = await say(fake, "/subscription", kind="supergroup", n=4)  # anyone may look
    assert "10:00" in sent["text"]
    fake.members[(GROUP, USER_ID)] = "creator"
    sent = await say(fake, "/unsubscribe", kind="supergroup", n=5)
    assert "Unsubscribed" in sent["text"] and not subscription(app, GROUP).active  # type: ignore[union-attr]


async def test_due_post_is_sent_formatted_with_a_full_answer_button(fake: FakeWithMembers, app: Any,
                                                                    library: Library) -> None:
    await say(fake, "/subscribe 09:00 UTC")
    poster = daily_telegram.TelegramPoster(app, app.bot_data["ctx"], rate=0)
    poster.loop = asyncio.get_running_loop()
    now = dt.datetime.now(dt.UTC).replace(hour=9, minute=0) + dt.timedelta(days=1)
    result = await asyncio.to_thread(poster.scheduler.run_once, now)
    assert len(result.sent) == 1
    post = (await fake.wait_for("sendMessage", 2))[-1]
    assert int(post["chat_id"]) == USER_ID and post["parse_mode"] == "HTML"
    passage = library.by_id[result.sent[0][2]]
    assert fake_api.assert_verbatim(post["text"], [passage.text]) == 1
    assert passage.speaker in post["text"] and "Quote of the day" in post["text"]
    buttons = [b for row in post["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons[0]["callback_data"].startswith("ctx:")
    # again in the same round or day: nothing more
    await asyncio.to_thread(poster.scheduler.run_once, now + dt.timedelta(minutes=5))
    assert len(fake.called("sendMessage")) == 2


async def test_blocked_chat_pauses_the_subscription(fake: FakeWithMembers, app: Any, library: Library) -> None:
    await say(fake, "/subscribe 09:00 UTC")
    fake.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    poster = daily_telegram.TelegramPoster(app, app.bot_data["ctx"], rate=0)
    poster.loop = asyncio.get_running_loop()
    now = dt.datetime.now(dt.UTC).replace(hour=9, minute=1) + dt.timedelta(days=1)
    result = await asyncio.to_thread(poster.scheduler.run_once, now)
    assert result.paused and "blocked" in result.paused[0][1]
    sub = subscription(app, USER_ID)
    assert sub is not None and not sub.active and "blocked" in (sub.paused_reason or "")
    await asyncio.to_thread(poster.scheduler.run_once, now + dt.timedelta(days=1))
    assert len(fake.called("sendMessage")) == 2  # the confirmation and the refused post; no retries


async def test_job_runs_rounds_on_the_job_queue(fake: FakeWithMembers, app: Any, library: Library) -> None:
    job = daily_telegram.start_job(app, interval=30, first=30)
    assert job.name == "daily-quote" and job.next_t is not None
    await job.run(app)  # a round with nothing due: no error, nothing sent
    assert fake.called("sendMessage") == []


async def test_job_posts_due_quotes_once_across_a_restart(fake: FakeWithMembers, app: Any, library: Library,
                                                          tmp_path: Path) -> None:
    from bot.adapters.telegram.application import build_application
    from bot.daily import commands
    from bot.runtime.context import AppContext

    settings, engine = app.bot_data["ctx"].settings, app.bot_data["ctx"].engine
    defaults = (settings.quote_default_time, settings.quote_default_timezone)
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    for chat_id in (USER_ID, GROUP):  # 00:00 UTC: today's post is due (missed while the bot was down)
        await asyncio.to_thread(commands.subscribe, engine, defaults, library, "telegram", str(chat_id),
                                ["00:00", "UTC"], user=None, lang="en", now=yesterday)
    daily_telegram.start_job(app, interval=0.2, first=0.05)
    posts = await fake.wait_for("sendMessage", 2)
    assert {int(p["chat_id"]) for p in posts} == {USER_ID, GROUP}
    await fake_api.stop(app)
    # a restarted bot (new Application, same database) posts nothing more today
    again = build_application(AppContext(settings, library, platform="telegram"), extensions=[daily_telegram])
    await fake_api.start_polling(again)
    try:
        job = daily_telegram.start_job(again, interval=0.2, first=0.05)
        for _ in range(3):
            await job.run(again)
    finally:
        await fake_api.stop(again)
    assert len(fake.called("sendMessage")) == 2


async def test_a_post_answered_after_the_client_timeout_is_not_sent_again(fake: FakeWithMembers, app: Any) -> None:
    await say(fake, "/subscribe 09:00 UTC")
    fake.slow("sendMessage", 1.5)  # Telegram gets the post at once but answers after the client gave up
    poster = daily_telegram.TelegramPoster(app, app.bot_data["ctx"], rate=0, read_timeout=0.3)
    poster.loop = asyncio.get_running_loop()
    now = dt.datetime.now(dt.UTC).replace(hour=9, minute=0) + dt.timedelta(days=1)
    result = await asyncio.to_thread(poster.scheduler.run_once, now)
    assert result.sent == [] and result.retry == 0
    assert len(fake.called("sendMessage")) == 2  # the confirmation and the post, which did arrive
    for minutes in (1, 5, 11, 120):  # later rounds the same day, also past the stale-claim time
        await asyncio.to_thread(poster.scheduler.run_once, now + dt.timedelta(minutes=minutes))
    assert len(fake.called("sendMessage")) == 2
    result = await asyncio.to_thread(poster.scheduler.run_once, now + dt.timedelta(days=1))
    assert len(result.sent) == 1 and len(fake.called("sendMessage")) == 3  # the next day as usual


async def test_subscribe_refuses_a_zone_that_is_not_a_place(fake: FakeWithMembers, app: Any) -> None:
    sent = html.unescape((await say(fake, "/subscribe 9:00 localtime"))["text"])
    assert "'localtime'" in sent and "Europe/Berlin" in sent and "Usage" in sent
    sent = html.unescape((await say(fake, "/subscribe EST5EDT", n=2))["text"])
    assert "'EST5EDT'" in sent and "did you mean America/New_York?" in sent
    assert subscription(app, USER_ID) is None


def test_only_a_request_that_certainly_did_not_go_out_counts_as_not_sent() -> None:
    def caused(exc: NetworkError, cause: BaseException) -> NetworkError:
        exc.__cause__ = cause
        return exc

    refused = aiohttp.ClientConnectorError(SimpleNamespace(ssl=None), OSError(111, "Connection refused"))  # type: ignore[arg-type]
    assert not daily_telegram.maybe_sent(caused(NetworkError("aiohttp.ClientConnectorError"), refused))
    assert not daily_telegram.maybe_sent(caused(TimedOut(), aiohttp.ConnectionTimeoutError()))  # connect timeout
    assert not daily_telegram.maybe_sent(NetworkError("Bad Gateway"))  # an answer: Telegram did nothing
    assert daily_telegram.maybe_sent(caused(TimedOut(), aiohttp.SocketTimeoutError()))  # no answer in time
    assert daily_telegram.maybe_sent(TimedOut())
    assert daily_telegram.maybe_sent(caused(NetworkError("aiohttp.ServerDisconnectedError"),
                                            aiohttp.ServerDisconnectedError()))


async def test_more_like_this_feedback_and_history_under_daily_posts(fake: FakeWithMembers, app: Any,
                                                                     library: Library) -> None:
    """The daily post's More like this (the next best passages, never the quote itself nor its versions), its
    👍/👎 (stored as feedback on a daily quote), and /history (the quotes the chat received, with links)."""
    from bot.adapters.telegram import callbacks
    from bot.db import feedback_store

    await say(fake, "/subscribe 09:00 UTC")
    poster = daily_telegram.TelegramPoster(app, app.bot_data["ctx"], rate=0)
    poster.loop = asyncio.get_running_loop()
    first = dt.datetime.now(dt.UTC).replace(hour=9, minute=0) + dt.timedelta(days=1)
    sent = []
    for day in range(2):
        result = await asyncio.to_thread(poster.scheduler.run_once, first + dt.timedelta(days=day))
        sent.extend(passage for _, _, passage in result.sent)
    assert len(sent) == 2
    await fake.wait_for("sendMessage", 3)
    post = fake.sent[-1]
    data = [b["callback_data"] for row in post["reply_markup"]["inline_keyboard"] for b in row if "callback_data" in b]
    similar = next(d for d in data if d.startswith("sim:"))
    labels = {b["callback_data"]: b["text"] for row in post["reply_markup"]["inline_keyboard"] for b in row
              if "callback_data" in b}
    assert labels[similar] == "More like this"
    assert [labels[d] for d in data if d.startswith("fb:")] == ["👍", "👎"]

    await fake.push(fake_api.callback(similar, post))
    more = (await fake.wait_for("sendMessage", 4))[-1]
    passage = library.by_id[sent[1]]
    shown = fake_api.blockquotes(more["text"])
    assert more["text"].startswith("<b>Passages like this quote</b>") and 1 <= len(shown) <= 3
    assert not {p.id for p in library.passages if any(s in p.text for s in shown)} & {passage.id, *passage.versions}
    assert int(more["reply_parameters"]["message_id"]) == post["message_id"]  # a reply to the post
    votes = [callbacks.decode(b.get("callback_data")) for row in more["reply_markup"]["inline_keyboard"] for b in row]
    assert {v.feedback_kind for v in votes if v is not None and v.kind == "fb"} == {"similar"}

    down = next(d for d in data if d.startswith("fb:d:d:"))
    await fake.push(fake_api.callback(down, post))
    await fake.wait_for("answerCallbackQuery", 2)
    (row,) = feedback_store.votes_of(app.bot_data["ctx"].engine, "telegram", str(USER_ID))
    assert (row["kind"], row["vote"], row["passage_id"], row["question"]) == ("daily", "down", passage.id, None)

    history = await say(fake, "/history", n=5)
    items = [line for line in history["text"].split("\n") if line.startswith("• ")]
    assert history["text"].startswith("<b>The last daily quotes here:</b>") and len(items) == 2
    days = [(first + dt.timedelta(days=d)).date().isoformat() for d in (1, 0)]
    assert [i.split(" ")[1] for i in items] == days  # newest first
    urls = [library.articles[library.by_id[pid].article_id].url for pid in reversed(sent)]
    assert [u for u in fake_api.links(history["text"])] == [u for u in urls if u]


async def test_history_before_any_post(fake: FakeWithMembers, app: Any) -> None:
    sent = await say(fake, "/history")
    assert "No daily quote has been posted here yet" in sent["text"]
