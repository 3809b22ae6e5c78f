"""Hostile input, flood control (429), server errors, the error handler, and the token in logs."""

from __future__ import annotations

import asyncio
import html
import logging
import time

import pytest

from bot.answer.texts import message as message_text
from bot.runtime.logs import install_redaction
from tests.adapters.telegram.fake_api import (
    assert_verbatim,
    bot_message,
    make_app,
    message,
    photo,
    start_polling,
    sticker,
    stop,
)


async def test_hostile_input_gets_friendly_replies(fake, bot, library, question) -> None:
    updates = [
        message("x" * 10_000),
        message("🤔🤔🤔😀"),
        message("<b>bold</b> & <script>alert(1)</script> <a href='x'>Cohere</a>"),
        message("*Cohere* _Modelle_ `code` [link](http://x)"),
        message("Что думает Гомес о синтетических данных?"),
        message("\u200b\u202e \u0000 "),
        message(question + " 😀" * 50),
        sticker(),
        photo(),
        message("/nonsense"),
    ]
    for update in updates:
        await fake.push(update)
    sent = await fake.wait_for("sendMessage", len(updates))
    assert not fake.errors
    apology = html.escape(message_text("error", "en"))
    assert all(apology not in s["text"] for s in sent)
    assert "500" in sent[0]["text"]  # too long: the limit is named
    assert message_text("not_text", "en") in sent[7]["text"] and message_text("not_text", "en") in sent[8]["text"]
    assert all("<script" not in s["text"] for s in sent)
    passages = [p.text for p in library.passages]
    for s in sent:
        assert_verbatim(s["text"], passages)
    assert assert_verbatim(sent[6]["text"], passages) >= 1


async def test_messages_from_bots_are_ignored(fake, bot, question) -> None:
    """Two bots answering each other would never stop: another bot's messages get no answer, in private
    chats, in groups (even when mentioning or replying to this bot) and as commands."""
    other = {"id": 555, "is_bot": True, "first_name": "Echo", "username": "EchoBot"}
    for update in (message(question, **{"from": other}),
                   message(f"@InterviewTestBot {question}", kind="supergroup", **{"from": other}),
                   message(question, kind="supergroup", reply_to=bot_message(), **{"from": other}),
                   message("/sources", **{"from": other})):
        await fake.push(update)
    await fake.push(message("/sources"))  # a person, in the same chat: answered after those
    await fake.push(message("/sources", kind="supergroup"))
    await fake.wait_for("sendMessage", 2)
    assert len(fake.called("sendMessage")) == 2


async def test_anonymous_group_admins_are_people(fake, bot, question) -> None:
    """An anonymous admin writes through Telegram's GroupAnonymousBot, on behalf of the group."""
    helper = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}
    group = {"id": -100123, "type": "supergroup", "title": "Test group"}
    await fake.push(message(f"@InterviewTestBot {question}", kind="supergroup", sender_chat=group,
                            **{"from": helper}))
    (sent,) = await fake.wait_for("sendMessage")
    assert "<blockquote" in sent["text"]


async def test_an_edited_message_is_not_answered_again(fake, bot, question) -> None:
    first = await fake.push(message(question))
    edited = message(question + "?", edited=True)
    edited["edited_message"]["message_id"] = first["message"]["message_id"]
    await fake.push(edited)
    await fake.push(message("/sources"))  # the same chat: handled after the edit
    sent = await fake.wait_for("sendMessage", 2)
    assert "<blockquote" in sent[0]["text"]
    assert "<blockquote" not in sent[1]["text"] and "<a href=" in sent[1]["text"]  # /sources, not the edit
    assert len(fake.called("sendMessage")) == 2


async def test_a_long_retry_after_for_one_chat_freezes_no_other_chat_nor_the_stop(fake, library, question) -> None:
    """Telegram says: wait an hour before writing to chat 77 again. That send is dropped (with a log
    line), every other chat is answered at once, and the bot stops within seconds."""
    app = make_app(fake, library)
    await start_polling(app)
    try:
        fake.fail("sendMessage", 429, "Too Many Requests: retry after 3600", chat_id=77, retry_after=3600)
        await fake.push(message(question, chat_id=77))
        await fake.wait_for("sendMessage", 1)
        started = time.monotonic()
        for chat_id in (78, 79):
            await fake.push(message(question, chat_id=chat_id))
        sent = await fake.wait_for("sendMessage", 3, timeout=5)
        assert time.monotonic() - started < 3
        assert {int(s["chat_id"]) for s in sent[1:]} == {78, 79}
    finally:
        started = time.monotonic()
        await asyncio.wait_for(stop(app), 10)
        assert time.monotonic() - started < 3


async def test_a_retry_wait_within_the_cap_holds_one_chat_and_is_cut_short_by_the_stop(fake, library,
                                                                                       question) -> None:
    app = make_app(fake, library)
    await start_polling(app)
    stopped = False
    try:
        fake.fail("sendMessage", 429, "Too Many Requests: retry after 20", chat_id=77, retry_after=20)
        await fake.push(message(question, chat_id=77))
        await fake.wait_for("sendMessage", 1)
        await fake.push(message(question, chat_id=78))
        sent = await fake.wait_for("sendMessage", 2, timeout=3)  # chat 78 does not wait for chat 77
        assert int(sent[1]["chat_id"]) == 78
        started = time.monotonic()
        await asyncio.wait_for(stop(app), 10)  # chat 77's send still waits for its retry
        stopped = True
        assert time.monotonic() - started < 3
    finally:
        if not stopped:
            await stop(app)


async def test_group_stickers_and_photos_are_ignored(fake, bot) -> None:
    await fake.push(sticker("supergroup"))
    await fake.push(photo("group"))
    await fake.push(message("/sources", kind="supergroup"))
    await fake.wait_for("sendMessage")
    assert len(fake.called("sendMessage")) == 1


async def test_retry_after_429_then_success(fake, bot, question) -> None:
    fake.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    started = time.monotonic()
    await fake.push(message(question))
    failed, delivered = await fake.wait_for("sendMessage", 2)
    assert time.monotonic() - started >= 1.0  # it waited as told
    assert failed["text"] == delivered["text"]
    assert not fake.failures["sendMessage"]
    assert len(fake.called("sendMessage")) == 2


async def test_server_error_is_retried(fake, bot, question) -> None:
    fake.fail("sendMessage", 502, "Bad Gateway", times=2)
    await fake.push(message(question))
    *_, delivered = await fake.wait_for("sendMessage", 3)
    assert "<blockquote" in delivered["text"]


async def test_error_handler_logs_and_apologises(fake, bot, caplog: pytest.LogCaptureFixture, question) -> None:
    fake.fail("sendMessage", 400, "Bad Request: chat not found")
    caplog.set_level(logging.ERROR, logger="bot.adapters.telegram.handlers")
    await fake.push(message(question, language="de"))
    _, apology = await fake.wait_for("sendMessage", 2)
    assert apology["text"] == html.escape(message_text("error", "de"))
    assert any("error while handling an update" in r.getMessage() for r in caplog.records)


async def test_an_unreachable_api_is_one_log_line_without_traceback(
        fake, bot, caplog: pytest.LogCaptureFixture) -> None:
    """Polling errors while the Bot API is down reach the error handler every few seconds: each is one warning,
    not a chained traceback, and no apology is attempted."""
    from telegram.error import NetworkError, TimedOut
    from telegram.ext import CallbackContext

    from bot.adapters.telegram import handlers

    caplog.set_level(logging.DEBUG, logger="bot.adapters.telegram.handlers")
    for error in (NetworkError("aiohttp.ClientConnectorError: Cannot connect to host 10.0.0.1:443"), TimedOut()):
        await handlers.on_error(None, CallbackContext.from_error(None, error, bot))
    records = [r for r in caplog.records if r.name == "bot.adapters.telegram.handlers"]
    assert [r.levelno for r in records] == [logging.WARNING, logging.WARNING]
    assert all(r.exc_info is None for r in records) and "Cannot connect" in records[0].getMessage()
    assert not [c for c in fake.calls if c.method == "sendMessage"]


async def test_token_never_appears_in_logs(fake, bot, caplog: pytest.LogCaptureFixture, question) -> None:
    factory = logging.getLogRecordFactory()
    levels = {name: logging.getLogger(name).level for name in ("httpx", "httpcore", "aiohttp")}
    try:
        install_redaction(fake.token)
        for name in levels:  # even when someone turns request logging on
            logging.getLogger(name).setLevel(logging.DEBUG)
        caplog.set_level(logging.DEBUG)
        fake.fail("sendMessage", 400, f"Bad Request: echoing {fake.token}")
        await fake.push(message(question))
        await fake.wait_for("sendMessage", 2)
        logging.getLogger("probe").error("token %s", fake.token)
    finally:
        logging.setLogRecordFactory(factory)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
    assert caplog.records
    assert "Bot API sendMessage: 400" in caplog.text  # requests are logged by method, never by URL
    assert fake.token not in caplog.text
    assert all(fake.token not in r.getMessage() for r in caplog.records)


async def test_a_button_answered_too_late_still_gets_its_action() -> None:
    from telegram.error import BadRequest

    from bot.adapters.telegram.handlers import acknowledge

    class LateQuery:
        calls = 0

        async def answer(self, note: str | None = None) -> None:
            LateQuery.calls += 1
            raise BadRequest("Query is too old and response timeout expired or query id is invalid")

    await acknowledge(LateQuery())  # type: ignore[arg-type]
    assert LateQuery.calls == 1
