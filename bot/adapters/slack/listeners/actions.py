"""The buttons: more results, full passage, other versions, share in channel. A button's value holds a
passage id or the saved question's id (any replica can answer it, also after a restart); answers go
where the button was (thread, DM or only to the clicker)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.adapters.slack import buttons, render
from bot.adapters.slack.listeners.common import Answers, post, post_ephemeral, via_response_url
from bot.answer.answerer import quote_of
from bot.answer.texts import message

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


def _page(answers: Answers, body: dict[str, Any], client: Any, respond: Any) -> tuple[str, int] | None:
    """The question and offset a paging button points at; None (after saying so) when it is gone."""
    page = buttons.parse_page(_value(body))
    question = answers.question(page[0]) if page is not None else None
    if page is None or question is None:  # only the clicker learns that the button no longer works
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
        post_ephemeral(respond, client, channel, (body.get("user") or {}).get("id"),
                       render.note_message(message("expired", None)))
        return None
    return question, page[1]


def register(app: App, answers: Answers) -> None:
    @app.action(buttons.pattern(buttons.MORE))
    def on_more(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """The next page of results for the question behind the button."""
        ack()
        page = _page(answers, body, client, respond)
        if page is None:
            return
        ephemeral = is_ephemeral(body)
        deliver(body, client, respond, answers.render(answers.reply(*page), ephemeral=ephemeral))

    @app.action(buttons.pattern(buttons.SHARE))
    def on_share(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """Post an answer only the asker saw for everyone in the channel."""
        ack()
        page = _page(answers, body, client, respond)
        if page is None:
            return
        msg = answers.render(answers.reply(*page))
        if not via_response_url(respond, msg, "in_channel"):
            channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
            if channel:
                post(client, channel, msg)

    @app.action(buttons.pattern(buttons.CONTEXT))
    def on_context(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """The whole passage with the passages around it."""
        ack()
        pid = _value(body)
        library = answers.ctx.library.current
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
        library = answers.ctx.library.current
        quote = quote_of(library, _value(body))
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
