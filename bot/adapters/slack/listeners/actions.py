"""The buttons: more results, full passage, other versions, share in channel, translate. A button's value
holds a passage id or the saved question's id (any replica can answer it, also after a restart); answers
go where the button was (thread, DM or only to the clicker). The Translate button shows its clicker the
languages to choose from; the chosen translation goes where the translated answer was."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from slack_bolt import App

from bot.adapters.slack import buttons, render
from bot.adapters.slack.listeners.common import PLATFORM, Answers, post, post_ephemeral, via_response_url
from bot.answer.answerer import quote_of
from bot.answer.reply import Reply, Translation
from bot.answer.texts import message

if TYPE_CHECKING:
    from bot.runtime.context import AppContext

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


def _channel(body: dict[str, Any]) -> str | None:
    return (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")


def _note(body: dict[str, Any], client: Any, respond: Any, key: str, lang: str | None = None) -> None:
    """A short note only the clicker sees (a button that no longer works, no translation now, …)."""
    post_ephemeral(respond, client, _channel(body), (body.get("user") or {}).get("id"),
                   render.note_message(message(key, lang)))


def translation_of(ctx: AppContext, passage_id: str, target: str, force: bool = False) -> Translation | None:
    """The passage's machine translation into `target` (when it needs one, or always with `force`), or None."""
    quote = quote_of(ctx.library.current, passage_id) if ctx.translator is not None else None
    if quote is None:
        return None
    return ctx.translate(Reply(query="", quotes=(quote,), language=target), target, force).quotes[0].translation


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
        deliver(body, client, respond, answers.render(answers.reply(*page, channel=_channel(body)),
                                                      ephemeral=ephemeral))

    @app.action(buttons.pattern(buttons.SHARE))
    def on_share(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """Post an answer only the asker saw for everyone in the channel."""
        ack()
        page = _page(answers, body, client, respond)
        if page is None:
            return
        msg = answers.render(answers.reply(*page, channel=_channel(body)))
        if not via_response_url(respond, msg, "in_channel"):
            channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
            if channel:
                post(client, channel, msg)

    @app.action(buttons.pattern(buttons.CONTEXT))
    def on_context(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """The whole passage with the passages around it (and its whole translation, if one was shown)."""
        ack()
        pid, translated = buttons.parse_context(_value(body))
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
        translations: dict[int, Translation] = {}
        translation = translation_of(answers.ctx, pid, translated) if translated else None
        if translation is not None:  # shown in the language of the answer it was under
            translations = {i: translation for i, p in enumerate(around) if p.id == pid}
            lang = translation.language
        deliver(body, client, respond, render.passages_message(items, lang, message("context", lang), translations))

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
        channel = _channel(body)
        scope = answers.ctx.scopes.get(PLATFORM, channel)
        also_in = [v for v in quote.also_in if scope is None or scope.allows(library, library.by_id[v.passage_id])]
        if not also_in:  # none within the channel's scope
            deliver(body, client, respond, render.note_message(render.label("no_versions", lang)))
            return
        items = []
        for v in also_in:
            p = library.by_id.get(v.passage_id)
            items.append((p.speaker if p else quote.speaker, v.passage, p.question if p else None, v.article))
        deliver(body, client, respond, render.passages_message(items, lang, message("other_language", lang)))

    @app.action(buttons.pattern(buttons.TRANSLATE))
    def on_translate(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """The languages a quote can be read in (all but its own and the one shown), only to the clicker."""
        ack()
        ctx = answers.ctx
        parsed = buttons.parse_translate(_value(body))
        quote = quote_of(ctx.library.current, parsed[0]) if parsed else None
        if parsed is None or quote is None:
            _note(body, client, respond, "expired")
            return
        lang = parsed[2]
        translator = ctx.translator
        wanted = [c for c in buttons.LANGUAGES if c not in (quote.article.language, parsed[1])]
        choices = [c for c in wanted if translator.offers(c)] if translator is not None else []
        if not choices:
            _note(body, client, respond, "translation_unavailable", lang)
            return
        thread = (body.get("message") or {}).get("thread_ts")
        menu = render.translate_menu(quote.passage_id, choices, lang, thread, is_ephemeral(body))
        post_ephemeral(respond, client, _channel(body), (body.get("user") or {}).get("id"), menu)

    @app.action(buttons.pattern(buttons.TRANSLATION))
    def on_translation(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """A chosen language: the passage and its machine translation, where the translated answer was."""
        ack()
        ctx = answers.ctx
        parsed = buttons.parse_translation(_value(body))
        if parsed is None or parsed[0] not in ctx.library.current.by_id:
            _note(body, client, respond, "expired")
            return
        pid, target, thread, ephemeral, lang = parsed
        quote = quote_of(ctx.library.current, pid)
        translation = translation_of(ctx, pid, target, force=True)
        if quote is None or translation is None:
            _note(body, client, respond, "translation_unavailable", lang)
            return
        msg = render.translation_message(dataclasses.replace(quote, translation=translation), lang)
        channel = _channel(body)
        if ephemeral or not channel:
            post_ephemeral(respond, client, channel, (body.get("user") or {}).get("id"), msg)
        else:
            post(client, channel, msg, thread)
