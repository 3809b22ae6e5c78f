"""Helpers the listeners share: turning message text into a question, answering, delivering."""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from bot.core import Library
from bot.reply import Reply
from bot.slack import render

log = logging.getLogger(__name__)

TOP_K = 3
POST_OPTIONS = {"unfurl_links": False, "unfurl_media": False}
# Listeners run in Bolt's thread pool; the tokenizer's Snowball stemmers are not thread-safe.
_answer_lock = threading.Lock()


def answer(library: Library, question: str, offset: int = 0) -> Reply:
    """library.answer, one at a time (answers take milliseconds)."""
    with _answer_lock:
        return library.answer(question, top_k=TOP_K, offset=offset)


def question_text(text: str | None, bot_user_id: str | None) -> str:
    """The question in a message: the bot's mention removed, Slack's escaping undone."""
    text = text or ""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return render.unescape(text).strip()


HELP_WORDS = frozenset({"help", "?", "hilfe", "帮助", "幫助", "/help"})


def answer_message(library: Library, question: str, offset: int = 0, *, ephemeral: bool = False) -> dict[str, Any]:
    """The message for a question (the help text when it is empty or asks for help)."""
    if not question or question.strip().lower() in HELP_WORDS:
        return help_message(library)
    return render.reply_message(answer(library, question, offset), ephemeral=ephemeral)


def help_message(library: Library, commands: list[str] | None = None) -> dict[str, Any]:
    return render.help_message([library.ref(a) for a in library.articles], commands or [])


def post(client: Any, channel: str, msg: dict[str, Any], thread_ts: str | None = None) -> None:
    """chat.postMessage, in a thread when `thread_ts` is given."""
    kwargs = {"thread_ts": thread_ts} if thread_ts else {}
    client.chat_postMessage(channel=channel, **kwargs, **msg, **POST_OPTIONS)


def via_response_url(respond: Any, msg: dict[str, Any], response_type: str) -> bool:
    """Send through the response_url; False when there is none or it failed (the URL is never logged)."""
    if respond is None or not getattr(respond, "response_url", None):
        return False
    try:
        resp = respond(**msg, response_type=response_type, replace_original=False)
    except Exception as exc:  # network errors: fall back to the Web API
        log.warning("response_url failed: %s", type(exc).__name__)
        return False
    if resp.status_code != 200:
        log.warning("response_url answered HTTP %s", resp.status_code)
        return False
    return True


def post_ephemeral(respond: Any, client: Any, channel: str | None, user: str | None, msg: dict[str, Any]) -> None:
    """Show `msg` only to the user: through the response_url, else with chat.postEphemeral."""
    if not via_response_url(respond, msg, "ephemeral") and channel and user:
        client.chat_postEphemeral(channel=channel, user=user, **msg)
