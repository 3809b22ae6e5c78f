"""Machine translations on Telegram, through the real Application against the fake Bot API and a fake
LibreTranslate server: where they appear, how they are labelled and escaped, the cache, failures, the
Translate button and the daily quote. (The `fake` fixture also checks every message Telegram would accept
and every blockquote is a verbatim excerpt.)"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy.orm import Session

from bot.adapters.telegram import callbacks, render
from bot.adapters.telegram import daily as daily_telegram
from bot.answer import answerer
from bot.answer.library import Library
from bot.answer.texts import SAMPLES
from bot.daily.subscriptions import find
from bot.db.schema import Subscription
from tests.adapters.telegram.fake_api import (
    USER,
    FakeBotAPI,
    blockquotes,
    callback,
    inline,
    make_app,
    message,
    parse_html,
    question_for,
    start_polling,
    stop,
)
from tests.translation.fake_libretranslate import FakeLibreTranslate, serve

QUESTION = SAMPLES["en"][1]  # answered with Chinese quotes: each needs an English translation
LABEL = "Machine translation (LibreTranslate)"
TRANSLATED = re.compile(r"\n<i>Machine translation \(LibreTranslate\): .*?</i>", re.S)
MARKUP = '<b>1 < 2 & 3 > 0</b> *bold* _it_ `x` </blockquote> <a href="javascript:x">&amp;</a> <tg-spoiler>'


@pytest.fixture
def lt() -> Iterator[FakeLibreTranslate]:
    with serve() as server:
        yield server


@asynccontextmanager
async def running(fake: FakeBotAPI, library: Library, extensions: Any = (), **settings: Any) -> AsyncIterator[Any]:
    app = make_app(fake, library, extensions, **settings)
    await start_polling(app)
    try:
        yield app
    finally:
        await stop(app)


def keyboard(sent: dict[str, Any]) -> dict[str, str]:
    """callback data -> button text."""
    return {b["callback_data"]: b["text"] for row in (sent.get("reply_markup") or {}).get("inline_keyboard", [])
            for b in row if "callback_data" in b}


def visible(text: str) -> str:
    return parse_html(text)[0]


async def test_translations_appear_labelled_under_the_verbatim_quotes(fake: FakeBotAPI, library: Library,
                                                                      lt: FakeLibreTranslate) -> None:
    expected = answerer.answer(library, QUESTION)
    assert expected.quotes and all(q.article.language != "en" for q in expected.quotes)
    async with running(fake, library, translate_url=lt.url):
        await fake.push(message(QUESTION))
        (sent,) = await fake.wait_for("sendMessage")
    text = sent["text"]
    assert blockquotes(text) == [q.quote for q in expected.quotes]  # the quotes, byte for byte
    for q in expected.quotes:
        line = f"<i>{LABEL}: {html.escape(FakeLibreTranslate.translated(q.passage, 'en'))}</i>"
        assert f"</blockquote>\n{line}\n" in text  # right under its quote
    # take the translations out and the message is exactly today's
    assert TRANSLATED.sub("", text) == render.render_reply(expected)[0]
    assert {r["target"] for r in lt.requests} == {"en"} and len(lt.requests) == len(expected.quotes)
    menus = [d for d in keyboard(sent) if d.startswith("tr:")]
    assert len(menus) == len(expected.quotes) and all(d.startswith("tr:en:") for d in menus)
    assert all(keyboard(sent)[d].endswith("Translate") for d in menus)


async def test_without_a_translation_server_nothing_changes(fake: FakeBotAPI, bot: Any, library: Library) -> None:
    await fake.push(message(QUESTION))
    (sent,) = await fake.wait_for("sendMessage")
    expected = answerer.answer(library, QUESTION)
    assert sent["text"] == render.render_reply(expected)[0]
    saved = next(int(d.split(":")[1]) for d in keyboard(sent) if d.startswith("more:"))
    assert sent["reply_markup"] == render.reply_keyboard(expected, saved).to_dict()  # type: ignore[union-attr]
    assert not any(d.startswith(("tr:", "tl:")) for d in keyboard(sent)) and LABEL not in sent["text"]


async def test_a_passage_is_translated_once_for_all_askers_and_restarts(fake: FakeBotAPI, library: Library,
                                                                        lt: FakeLibreTranslate) -> None:
    async with running(fake, library, translate_url=lt.url):
        await fake.push(message(QUESTION))
        await fake.wait_for("sendMessage")
        asked = len(lt.requests)
        await fake.push(message(QUESTION, chat_id=777))  # someone else, same question
        await fake.wait_for("sendMessage", 2)
    assert asked and len(lt.requests) == asked
    async with running(fake, library, translate_url=lt.url):  # a new process: the database's cache
        await fake.push(message(QUESTION))
        first, _, third = await fake.wait_for("sendMessage", 3)
    assert len(lt.requests) == asked
    assert third["text"] == first["text"]


@pytest.mark.parametrize("trouble", ["slow", "failing", "absent"])
async def test_a_slow_failing_or_absent_server_gives_the_original_quotes(fake: FakeBotAPI, library: Library,
                                                                         trouble: str) -> None:
    options = {"slow": {"delay": 3.0}, "failing": {"status": 500}, "absent": {}}[trouble]
    with serve(**options) as server:  # type: ignore[arg-type]
        url = "http://127.0.0.1:9" if trouble == "absent" else server.url
        async with running(fake, library, translate_url=url, translate_timeout=0.5):
            started = time.monotonic()
            await fake.push(message(QUESTION))
            (sent,) = await fake.wait_for("sendMessage")
            took = time.monotonic() - started
            await fake.push(inline(QUESTION))
            (answered,) = await fake.wait_for("answerInlineQuery")
            inline_took = time.monotonic() - started - took
    expected = answerer.answer(library, QUESTION)
    assert sent["text"] == render.render_reply(expected)[0]  # no translation, no error, nothing else
    assert took < 2.0 and inline_took < 2.0  # never more than the timeout (0.5 s) for translations
    assert len(fake.called("sendMessage")) == 1
    for result in answered["results"]:
        assert LABEL not in result["input_message_content"]["message_text"]


async def test_markup_in_a_translation_is_escaped_everywhere(fake: FakeBotAPI, library: Library) -> None:
    def evil(text: str, target: str) -> str:
        return f"{MARKUP} {text[:10]}"

    with serve(answer=evil) as lt:
        async with running(fake, library, translate_url=lt.url):
            await fake.push(message(QUESTION))
            (sent,) = await fake.wait_for("sendMessage")
            ctx_data = next(d for d in keyboard(sent) if d.startswith("ctx:"))
            await fake.push(callback(ctx_data, fake.sent[-1]))
            _, whole = await fake.wait_for("sendMessage", 2)
            await fake.push(inline(QUESTION))
            (answered,) = await fake.wait_for("answerInlineQuery")
    assert MARKUP in visible(sent["text"]) and MARKUP in visible(whole["text"])
    for result in answered["results"]:
        assert MARKUP in visible(result["input_message_content"]["message_text"])
    # the fake Bot API refused nothing (checked by the fixture): HTML valid, limits kept


async def test_a_long_translation_is_cut_in_the_answer_and_whole_behind_full_passage(fake: FakeBotAPI,
                                                                                     library: Library) -> None:
    sentences = [f"This is sentence number {i} of a very long machine translation." for i in range(90)]

    def long(text: str, target: str) -> str:
        return " ".join(sentences)

    with serve(answer=long) as lt:
        async with running(fake, library, translate_url=lt.url):
            await fake.push(message(QUESTION))
            (sent,) = await fake.wait_for("sendMessage")
            ctx_data = next(d for d in keyboard(sent) if d.startswith("ctx:"))
            await fake.push(callback(ctx_data, fake.sent[-1]))
            await fake.wait_for("sendMessage", 2)
    text = visible(sent["text"])
    assert f"{LABEL}: {sentences[0]}" in text and sentences[-1] not in text
    assert re.search(r"translation\. …", text), "cut at a sentence end, marked"
    whole = " ".join(visible(m["text"]) for m in fake.called("sendMessage")[1:])
    assert all(s in whole for s in sentences), "the full-passage view shows the whole translation"


async def test_more_results_and_inline_answers_come_translated(fake: FakeBotAPI, library: Library,
                                                               lt: FakeLibreTranslate) -> None:
    question = question_for(library, "en", more=True)
    async with running(fake, library, translate_url=lt.url):
        await fake.push(message(question))
        (first,) = await fake.wait_for("sendMessage")
        more = next(d for d in keyboard(first) if d.startswith("more:"))
        await fake.push(callback(more, fake.sent[-1]))
        _, page2 = await fake.wait_for("sendMessage", 2)
        await fake.push(inline(question))
        (answered,) = await fake.wait_for("answerInlineQuery")
    expected = answerer.answer(library, question, offset=3)
    assert blockquotes(page2["text"]) == [q.quote for q in expected.quotes]
    assert page2["text"].count(f"<i>{LABEL}: ") == len(expected.quotes)
    assert all(d.startswith("tr:en:") for d in keyboard(page2) if d.startswith("tr:"))
    results = answered["results"]
    assert results and all(f"<i>{LABEL}: [en] " in r["input_message_content"]["message_text"] for r in results)


async def test_translate_button_offers_other_languages_and_translates_on_demand(fake: FakeBotAPI, library: Library,
                                                                               lt: FakeLibreTranslate) -> None:
    async with running(fake, library, translate_url=lt.url):
        await fake.push(message(QUESTION))
        (sent,) = await fake.wait_for("sendMessage")
        menu = next(d for d in keyboard(sent) if d.startswith("tr:"))
        passage = library.by_id[menu.split(":", 2)[2]]
        await fake.push(callback(menu, fake.sent[-1]))
        (edited,) = await fake.wait_for("editMessageReplyMarkup")
        choices = keyboard(edited)
        languages = [d.split(":")[1] for d in choices if d.startswith("tl:")]
        assert sorted(languages) == ["de", "zh-Hant"]  # not the quote's own (zh), not the one shown (en)
        assert menu not in choices and len(choices) == len(keyboard(sent)) - 1 + len(languages)
        assert choices[callbacks.translation("de", passage.id)].endswith("German")
        before = len(lt.requests)
        pressed = {**fake.sent[-1], "reply_markup": edited["reply_markup"]}
        await fake.push(callback(callbacks.translation("de", passage.id), pressed))
        _, shown = await fake.wait_for("sendMessage", 2)
    assert [r["target"] for r in lt.requests[before:]] == ["de"]
    text = visible(shown["text"])
    assert FakeLibreTranslate.translated(passage.text, "de") in text and LABEL in text and "German" in text
    assert passage.text.startswith(blockquotes(shown["text"])[0])  # the original, verbatim, with it
    assert shown["reply_parameters"]["message_id"] == fake.sent[0]["message_id"]


async def test_forged_translate_buttons_are_refused_politely(fake: FakeBotAPI, library: Library,
                                                             lt: FakeLibreTranslate) -> None:
    pid = library.passages[0].id
    forged = [f"tl:fr:{pid}", "tl:de:no-such-passage", f"tl:de:#{'0' * 20}", "tl:de", "tr:en", f"tr:xx:{pid}",
              f"tl:zh:{pid}", "tl::", "tr:-:"]
    async with running(fake, library, translate_url=lt.url):
        await fake.push(message("/sources"))
        await fake.wait_for("sendMessage")
        for data in forged:
            await fake.push(callback(data, fake.sent[-1]))
        answers = await fake.wait_for("answerCallbackQuery", len(forged))
    assert all(a.get("text") for a in answers)
    assert len(fake.called("sendMessage")) == 1 and not lt.requests


async def test_translate_buttons_do_nothing_harmful_when_translation_is_off(fake: FakeBotAPI, bot: Any,
                                                                            library: Library) -> None:
    pid = library.passages[0].id
    await fake.push(message("/sources"))
    await fake.wait_for("sendMessage")
    await fake.push(callback(callbacks.translation("en", pid), fake.sent[-1]))
    await fake.push(callback(callbacks.translate_menu(pid), fake.sent[-1]))
    first, second = await fake.wait_for("answerCallbackQuery", 2)
    assert "translation" in first["text"] and "translation" in second["text"]
    assert len(fake.called("sendMessage")) == 1


async def test_today_is_translated_into_the_users_language(fake: FakeBotAPI, library: Library,
                                                           lt: FakeLibreTranslate) -> None:
    async with running(fake, library, translate_url=lt.url):
        await fake.push(message("/today", language="en"))
        (sent,) = await fake.wait_for("sendMessage")
    assert f"<i>{LABEL}: [en] " in sent["text"]
    assert any(d.startswith("tr:en:") for d in keyboard(sent))


# -- the daily quote ---------------------------------------------------------------------------------
def subscription(app: Any) -> Subscription | None:
    with Session(app.bot_data["ctx"].engine, expire_on_commit=False) as s:
        return find(s, "telegram", str(USER["id"]))


async def test_subscribe_with_a_translation_round_trip_and_post(fake: FakeBotAPI, library: Library,
                                                                lt: FakeLibreTranslate) -> None:
    async with running(fake, library, [daily_telegram], translate_url=lt.url) as app:
        await fake.push(message("/subscribe 09:00 Europe/Berlin translate=en"))
        (confirmed,) = await fake.wait_for("sendMessage")
        sub = subscription(app)
        assert sub is not None and sub.translate_to == "en" and sub.timezone == "Europe/Berlin"
        await fake.push(message("/subscription"))
        _, shown = await fake.wait_for("sendMessage", 2)
        await fake.push(message("/subscribe 09:00 translate=fr"))
        refused = (await fake.wait_for("sendMessage", 3))[-1]
        assert subscription(app).translate_to == "en"  # type: ignore[union-attr]  # unchanged
        poster = daily_telegram.TelegramPoster(app, app.bot_data["ctx"], rate=0)
        poster.loop = asyncio.get_running_loop()
        now = dt.datetime.now(dt.UTC).replace(hour=9, minute=0) + dt.timedelta(days=1)
        result = await asyncio.to_thread(poster.scheduler.run_once, now)
        post = (await fake.wait_for("sendMessage", 4))[-1]
    line = "With a machine translation (LibreTranslate): English."
    assert line in confirmed["text"] and line in shown["text"] and "09:00" in shown["text"]
    assert "'fr'" in html.unescape(refused["text"]) and "zh-Hant" in refused["text"]
    assert len(result.sent) == 1
    passage = library.by_id[result.sent[0][2]]
    assert f"<i>{LABEL}: {html.escape(FakeLibreTranslate.translated(passage.text, 'en'))}</i>" in post["text"]
    assert passage.text.startswith(blockquotes(post["text"])[0]) or blockquotes(post["text"])[0] in passage.text
    assert any(d.startswith("tr:en:") for d in keyboard(post)) and any(d.startswith("ctx:") for d in keyboard(post))


async def test_subscribe_with_a_translation_is_refused_kindly_when_translation_is_off(fake: FakeBotAPI,
                                                                                      library: Library) -> None:
    async with running(fake, library, [daily_telegram]) as app:
        await fake.push(message("/subscribe 09:00 UTC translate=en"))
        (refused,) = await fake.wait_for("sendMessage")
        assert subscription(app) is None
        await fake.push(message("/subscribe 09:00 UTC"))
        (_, ok) = await fake.wait_for("sendMessage", 2)
        poster = daily_telegram.TelegramPoster(app, app.bot_data["ctx"], rate=0)
        poster.loop = asyncio.get_running_loop()
        now = dt.datetime.now(dt.UTC).replace(hour=9, minute=0) + dt.timedelta(days=1)
        await asyncio.to_thread(poster.scheduler.run_once, now)
        post = (await fake.wait_for("sendMessage", 3))[-1]
    assert "not set up" in refused["text"] and "Subscribed" in ok["text"] and "translation" not in ok["text"]
    assert LABEL not in post["text"] and not any(d.startswith("tr:") for d in keyboard(post))


def test_translate_payloads_fit_64_bytes_and_round_trip() -> None:
    for pid in ("short:1", "an-imported-interview-with-a-very-long-name-2026:0123456789abcdef" * 2):
        for lang in callbacks.LANGUAGES:
            for data in (callbacks.translation(lang, pid), callbacks.translate_menu(pid, lang)):
                assert len(data.encode()) <= 64
                cb = callbacks.decode(data)
                assert cb is not None and callbacks.resolve(cb.passage, [pid, "other"]) == pid
        cb = callbacks.decode(callbacks.translation("zh-Hant", pid))
        assert cb is not None and (cb.kind, cb.lang) == ("tl", "zh-Hant")
        cb = callbacks.decode(callbacks.translate_menu(pid))
        assert cb is not None and (cb.kind, cb.lang) == ("tr", "")
    with pytest.raises(ValueError):
        callbacks.translation("fr", "p")
    assert callbacks.translate_menu("p", "fr") == "tr:-:p"  # an unknown shown language counts as none
