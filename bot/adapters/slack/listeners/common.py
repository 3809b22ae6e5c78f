"""What the listeners share: turning message text into a question, answering, delivering."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.adapters.slack import render
from bot.answer.reply import Reply

if TYPE_CHECKING:
    from bot.db.chat_state import QueryStore
    from bot.runtime.context import AppContext

log = logging.getLogger(__name__)

PLATFORM = "slack"
TOP_K = 3
POST_OPTIONS = {"unfurl_links": False, "unfurl_media": False}
HELP_WORDS = frozenset({"help", "?", "hilfe", "帮助", "幫助", "/help"})


def question_text(text: str | None, bot_user_id: str | None) -> str:
    """The question in a message: the bot's mention removed, Slack's escaping undone."""
    text = text or ""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return render.unescape(text).strip()


@dataclass
class Answers:
    """Answers as Slack messages: the AppContext's answerer, and the saved questions behind buttons."""

    ctx: AppContext
    queries: QueryStore

    def reply(self, question: str, offset: int = 0, channel: str | None = None) -> Reply:
        """The answer within the `channel`'s scope, with machine translations into the question's language
        where its quotes need one (unchanged when translation is off; waits at most TRANSLATE_TIMEOUT)."""
        scope = self.ctx.scopes.get(PLATFORM, channel)
        return self.ctx.translate(self.ctx.answerer(question, top_k=TOP_K, offset=offset, scope=scope))

    def message(self, question: str, offset: int = 0, *, ephemeral: bool = False,
                channel: str | None = None) -> dict[str, Any]:
        """The message for a question asked in `channel` (the help text when it is empty or asks for help)."""
        if not question or question.strip().lower() in HELP_WORDS:
            return self.help()
        return self.render(self.reply(question, offset, channel), ephemeral=ephemeral)

    def render(self, reply: Reply, *, ephemeral: bool = False) -> dict[str, Any]:
        """A reply as a message, its buttons (More, Share, 👍/👎) pointing at the saved question (none of them if
        it can't be saved)."""
        query_id = None
        if reply.has_more or reply.quotes:
            try:
                query_id = self.queries.save_now(reply.query)
            except Exception as exc:  # the answer matters more than its buttons
                log.warning("could not save the question for its buttons: %s", type(exc).__name__)
        return render.reply_message(reply, query_id, ephemeral=ephemeral)

    def question(self, query_id: int) -> str | None:
        """The saved question a button points at, or None when there is none."""
        return self.queries.load_now(query_id)

    def help(self, commands: list[str] | None = None) -> dict[str, Any]:
        return render.help_message(self.ctx.library.current.refs(), commands or [])


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
