"""The app's Messages tab as an agent conversation (Slack's agent messaging, `features.agent_view`).

Opening the tab (`app_home_opened`, tab "messages") shows the sample questions as suggested prompts in the
user's language (assistant.threads.setSuggestedPrompts, no thread). Each question in the DM is answered in
its thread: first a status ("Searching the interviews…", assistant.threads.setStatus), then, for a new
conversation, its title (the question, assistant.threads.setTitle), then the answer (which clears the status).
These calls are extras: when Slack refuses one (a workspace without the feature, a missing scope, …) one line
is logged and the answer goes on. Bolt's `Assistant` class (the older `assistant_view`) is not used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.adapters.slack import render
from bot.adapters.slack.locales import Locales, error_code
from bot.answer.answerer import samples
from bot.answer.texts import SLACK_AGENT, localized, message

if TYPE_CHECKING:
    from slack_bolt import App

log = logging.getLogger(__name__)

MAX_PROMPTS = 4  # Slack shows at most four suggested prompts
MAX_PROMPT_TITLE = 75
MAX_TITLE = 100  # a conversation's title: the question's beginning


def tab_is(tab: str) -> Callable[[dict[str, Any]], bool]:
    """A listener matcher: an `app_home_opened` event for that tab of the App Home."""

    def matches(event: dict[str, Any]) -> bool:
        return event.get("tab") == tab

    return matches


def extra(client: Any, method: str, **params: Any) -> bool:
    """Call an agent-messaging method; a refusal or a network error is one log line, never an exception."""
    try:
        getattr(client, method)(**params)
    except Exception as exc:
        log.info("%s failed (%s); answering without it", method, error_code(exc))
        return False
    return True


def prompts(lang: str) -> list[dict[str, str]]:
    """The sample questions in `lang` as suggested prompts (a clipped, escaped title; the question as sent)."""
    return [{"title": render.clip(q, MAX_PROMPT_TITLE), "message": q} for q in samples(lang)[:MAX_PROMPTS]]


def suggest(client: Any, channel: str, lang: str) -> bool:
    """Suggested prompts for the user's conversation with the app."""
    return extra(client, "assistant_threads_setSuggestedPrompts", channel_id=channel, prompts=prompts(lang),
                 title=message("samples_title", lang))


def searching(client: Any, channel: str, thread_ts: str, lang: str) -> bool:
    """The status shown in the thread until the answer is posted."""
    return extra(client, "assistant_threads_setStatus", channel_id=channel, thread_ts=thread_ts,
                 status=localized(SLACK_AGENT, "searching", lang))


def titled(client: Any, channel: str, thread_ts: str, question: str) -> bool:
    """The conversation's title: the question, clipped and escaped."""
    return extra(client, "assistant_threads_setTitle", channel_id=channel, thread_ts=thread_ts,
                 title=render.clip(" ".join(question.split()), MAX_TITLE))


def register(app: App, locales: Locales) -> None:
    @app.event("app_home_opened", matchers=[tab_is("messages")])
    def on_messages_tab(event: dict[str, Any], client: Any) -> None:
        """The Messages tab opened: suggest questions in the user's language."""
        if event.get("channel"):
            suggest(client, event["channel"], locales.language(client, event.get("user")))
