"""The extension protocol: other features add handlers (before the fallbacks) and commands."""

from __future__ import annotations

import html
import importlib.util
import types

import pytest
from telegram import Update
from telegram.ext import CommandHandler, ContextTypes, MessageHandler, filters

from bot.adapters.telegram.application import register_commands
from bot.adapters.telegram.common import app_context
from bot.answer.texts import message as message_text
from tests.adapters.telegram.fake_api import BOT, make_app, message, start_polling, stop

REAL = ["bot.adapters.telegram.daily", "bot.adapters.telegram.importing"]


def extension() -> types.ModuleType:
    module = types.ModuleType("fake_extension")

    async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert app_context(context).library.current.passages  # handlers find the AppContext
        await update.effective_message.reply_text("subscribed")

    async def url(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text("an article link")

    module.handlers = lambda ctx: [
        CommandHandler("subscribe", subscribe),
        MessageHandler(filters.ChatType.PRIVATE & filters.Regex(r"^https://"), url),
    ]
    module.commands = lambda: [("subscribe", {"en": "Daily quote", "zh": "订阅每日引语", "de": "Tägliches Zitat"})]
    module.setup = lambda application: application.bot_data.__setitem__("set_up", True)
    return module


async def test_extension_handlers_and_commands(fake, library) -> None:
    app = make_app(fake, library, extensions=[extension()])
    assert app.bot_data["set_up"]
    await start_polling(app)
    try:
        await fake.push(message("/subscribe"))
        await fake.push(message("https://example.com/article"))
        await fake.push(message(f"/help@{BOT['username']}", language="zh"))
        subscribed, link, help_msg = await fake.wait_for("sendMessage", 3)
        await register_commands(app)
        commands = await fake.wait_for("setMyCommands", 3)
    finally:
        await stop(app)
    assert subscribed["text"] == "subscribed"
    assert link["text"] == "an article link"
    assert "/subscribe — 订阅每日引语" in help_msg["text"]
    zh = next(c for c in commands if c.get("language_code") == "zh")
    assert {"command": "subscribe", "description": "订阅每日引语"} in zh["commands"]


async def test_messages_posted_through_inline_mode_are_not_questions(fake, bot) -> None:
    await fake.push(message("Aidan Gomez: a quote", via_bot=BOT))
    await fake.push(message("/sources"))
    await fake.wait_for("sendMessage")
    assert len(fake.called("sendMessage")) == 1


@pytest.mark.skipif(not all(importlib.util.find_spec(m) for m in REAL), reason="the extensions are not there yet")
async def test_the_real_extensions_plug_in(fake, library) -> None:
    app = make_app(fake, library, extensions=REAL)
    await start_polling(app)
    try:
        await fake.push(message("/subscription"))
        await fake.push(message("/help"))
        subscription, help_msg = await fake.wait_for("sendMessage", 2)
    finally:
        await stop(app)
    assert "/subscribe" in help_msg["text"]
    assert html.escape(message_text("unknown_command", "en")) != subscription["text"]
    assert not fake.errors
