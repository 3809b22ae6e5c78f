"""The buttons: more results, full passage, other versions, share in channel. Stateless: all they need
is in the button's value; answers go where the button was (thread, DM or only to the clicker)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.core import Library
from bot.messages import message
from bot.slack import buttons, render
from bot.slack.listeners.common import answer, post, post_ephemeral, via_response_url

Ack = Callable[..., None]


def is_ephemeral(body: dict[str, Any]) -> bool:
    """Whether the clicked message was ephemeral (its payload then carries no `message`)."""
    return bool((body.get("container") or {}).get("is_ephemeral")) or "message" not in body


def deliver(body: dict[str, Any], client: Any, respond: Any, msg: dict[str, Any]) -> None:
    """Send `msg` next to the clicked message: its thread, its DM, or ephemerally to the clicker."""
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    user = (body.get("user") or {}).get("id")
    if is_ephemeral(body) or not channel:
        post_ephemeral(respond, client, channel, user, msg)
    else:
        post(client, channel, msg, (body.get("message") or {}).get("thread_ts"))


def _value(body: dict[str, Any]) -> str:
    actions = body.get("actions") or [{}]
    return str(actions[0].get("value") or "")


def register(app: App, library: Library) -> None:
    @app.action(buttons.pattern(buttons.MORE))
    def on_more(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """The next page of results for the question in the button."""
        ack()
        page = buttons.parse_page(_value(body))
        if page is None:
            return
        reply = answer(library, page[0], page[1])
        deliver(body, client, respond, render.reply_message(reply, ephemeral=is_ephemeral(body)))

    @app.action(buttons.pattern(buttons.SHARE))
    def on_share(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """Post an answer only the asker saw for everyone in the channel."""
        ack()
        page = buttons.parse_page(_value(body))
        if page is None:
            return
        msg = render.reply_message(answer(library, page[0], page[1]))
        if not via_response_url(respond, msg, "in_channel"):
            channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
            post(client, channel, msg)

    @app.action(buttons.pattern(buttons.CONTEXT))
    def on_context(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """The whole passage with the passages around it."""
        ack()
        pid = _value(body)
        around = library.context(pid, radius=1)
        if not around:
            deliver(body, client, respond, render.note_message(render.label("gone", None)))
            return
        lang = library.articles[around[0].article_id].language
        items, last_question = [], None
        for p in around:
            question = p.question if p.question != last_question else None
            last_question = p.question
            items.append((p.speaker, p.text, question, library.ref(p.article_id)))
        deliver(body, client, respond, render.passages_message(items, lang, message("context", lang)))

    @app.action(buttons.pattern(buttons.VERSIONS))
    def on_versions(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """The same passage in the other versions (translations) of the interview."""
        ack()
        quote = library.quote_of(_value(body))
        if quote is None:
            deliver(body, client, respond, render.note_message(render.label("gone", None)))
            return
        lang = quote.article.language
        if not quote.also_in:
            deliver(body, client, respond, render.note_message(render.label("no_versions", lang)))
            return
        items = []
        for v in quote.also_in:
            p = library.by_id.get(v.passage_id)
            items.append((p.speaker if p else quote.speaker, v.passage, p.question if p else None, v.article))
        deliver(body, client, respond, render.passages_message(items, lang, message("other_language", lang)))
