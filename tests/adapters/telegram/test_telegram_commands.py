"""Commands: /start and /help in the user's language, /sources, /today, /quote, setMyCommands."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util

import pytest

from bot.adapters.telegram.application import register_commands
from bot.answer.texts import SAMPLES
from bot.answer.texts import message as message_text
from tests.adapters.telegram.fake_api import assert_verbatim, blockquotes, links, message, parse_html

HAS_DAILY = importlib.util.find_spec("bot.daily.choose") is not None
needs_daily = pytest.mark.skipif(not HAS_DAILY, reason="bot.daily.choose (quote of the day) is not there yet")


def article_urls(library) -> set[str]:
    return {a.url for a in library.articles.values() if a.url}


@pytest.mark.parametrize("language", ["zh", "de", "en"])
async def test_start_in_the_users_language(fake, bot, library, language: str) -> None:
    await fake.push(message("/start", language=language))
    sent = await fake.wait_for("sendMessage")
    text = "\n".join(s["text"] for s in sent)
    visible = parse_html(text)[0]
    assert message_text("intro", language) in visible
    for sample in SAMPLES[language]:
        assert html.escape(sample) in text
    assert set(links(text)) == article_urls(library)
    for a in library.articles.values():
        assert html.escape(a.title) in text
    labels = [b["text"] for row in sent[-1]["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == list(SAMPLES[language])


async def test_help_and_sources(fake, bot, library) -> None:
    await fake.push(message("/help", language="de"))
    await fake.push(message("/sources"))
    help_msg, sources = await fake.wait_for("sendMessage", 2)
    assert "/ask" in help_msg["text"] and "/today" in help_msg["text"]
    assert "Befehle:" in help_msg["text"]
    assert set(links(sources["text"])) == article_urls(library)
    assert html.escape(message_text("no_link", "en")) in sources["text"]


async def test_set_my_commands_in_english_chinese_and_german(fake, bot) -> None:
    await register_commands(bot)
    calls = await fake.wait_for("setMyCommands", 3)
    by_lang = {c.get("language_code"): {x["command"]: x["description"] for x in c["commands"]} for c in calls}
    assert set(by_lang) == {None, "zh", "de"}
    for commands in by_lang.values():
        assert {"ask", "quote", "today", "sources", "help"} <= set(commands)
    assert by_lang["zh"]["today"] == "今日引语"
    assert by_lang["de"]["today"] == "Das Zitat des Tages"
    assert by_lang[None]["ask"].startswith("Ask")


@needs_daily
async def test_today_is_the_quote_of_the_day(fake, bot, library) -> None:
    from bot.daily.choose import quote_of_the_day

    await fake.push(message("/today", language="zh"))
    (sent,) = await fake.wait_for("sendMessage")
    day = dt.datetime.now(dt.UTC).date()
    days = (day - dt.timedelta(days=1), day, day + dt.timedelta(days=1))
    expected = {quote_of_the_day(library, d).quote for d in days}
    assert "今日引语" in sent["text"]
    (quoted,) = blockquotes(sent["text"])
    assert quoted in expected  # (QUOTE_DEFAULT_TIMEZONE is UTC; midnight may pass)
    assert_verbatim(sent["text"], [p.text for p in library.passages])


@needs_daily
async def test_quote_is_a_verbatim_random_quote(fake, bot, library) -> None:
    for _ in range(3):
        await fake.push(message("/quote"))
    sent = await fake.wait_for("sendMessage", 3)
    for s in sent:
        assert assert_verbatim(s["text"], [p.text for p in library.passages]) == 1
        assert s["reply_markup"]["inline_keyboard"][0][0]["callback_data"].startswith("ctx:")


async def test_unknown_command_in_private(fake, bot) -> None:
    await fake.push(message("/frobnicate now", language="de"))
    (sent,) = await fake.wait_for("sendMessage")
    assert sent["text"] == html.escape(message_text("unknown_command", "de"))
