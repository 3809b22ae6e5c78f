"""The subscription commands, platform-neutral: arguments in, a confirmation text out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from bot.answer.texts import DAILY, localized, message, reason, when
from bot.daily import clock, subscriptions
from bot.daily.choose import candidates
from bot.daily.rotation import chat_scope
from bot.db.schema import utcnow

if TYPE_CHECKING:
    from bot.answer.library import Library


def text(key: str, lang: str | None = None, **values: object) -> str:
    """A quote-of-the-day interface text in the user's language."""
    return localized(DAILY, key, lang, **values)

FILTER_KEYS = {"language": "language", "lang": "language", "speaker": "speaker", "article": "article"}
TRANSLATE_KEYS = ("translate", "translation")
TRANSLATE_TO = ("zh", "zh-Hant", "de", "en")  # the languages a daily quote may come translated into
NO_TRANSLATION = ("off", "none", "no")


class BadTranslation(ValueError):
    """`translate=` names a language the daily quote cannot be translated into (the value as given)."""


def split_translation(args: list[str], offered: Sequence[str]) -> tuple[list[str], str | None]:
    """Take `translate=LANG` out of the arguments: (the rest, our language code or None). `offered` are the
    languages translation is on for (empty: off). Raises BadTranslation for a language not offered."""
    rest, target = [], None
    for arg in args:
        key, sep, value = arg.partition("=")
        if not (sep and key.lower() in TRANSLATE_KEYS):
            rest.append(arg)
            continue
        if value.lower() in NO_TRANSLATION:
            target = None
            continue
        target = next((code for code in offered if code.lower() == value.lower()), None)
        if target is None:
            raise BadTranslation(value)
    return rest, target


def language_name(code: str, lang: str) -> str:
    """A translation language's name in the user's interface language ("en" -> "English")."""
    return message(f"language_{code}", lang)


def split_filters(args: list[str]) -> tuple[list[str], dict[str, str]]:
    """Separate `key=value` filters (language=de, speaker=Gomez, article=<id>) from the schedule."""
    rest, found = [], {}
    for arg in args:
        key, sep, value = arg.partition("=")
        if sep and key.lower() in FILTER_KEYS and value:
            found[FILTER_KEYS[key.lower()]] = value
        elif sep:
            raise clock.BadSchedule(f"unknown filter {key!r} (use language=, speaker=, article= or translate=)")
        else:
            rest.append(arg)
    return rest, found


def describe(status: subscriptions.Status, lang: str, now: dt.datetime) -> str:
    sub = status.subscription
    if sub is None:
        return text("not_subscribed", lang)
    if not sub.active or status.next_post is None:
        return text("paused", lang, reason=reason(sub.paused_reason, lang))
    out = text("status", lang, time=sub.post_time, zone=sub.timezone, next=when(status.next_post, now, lang))
    return out + _filters_line(sub.speaker, sub.article, sub.language, lang) + _translation_line(sub.translate_to, lang)


def _filters_line(speaker: str | None, article: str | None, language: str | None, lang: str) -> str:
    parts = [f"{k}={v}" for k, v in (("language", language), ("speaker", speaker), ("article", article)) if v]
    return "\n" + text("filters", lang, filters=", ".join(parts)) if parts else ""


def _translation_line(target: str | None, lang: str) -> str:
    return "\n" + text("translate_line", lang, language=language_name(target, lang)) if target else ""


def subscribe(engine: Engine, defaults: tuple[str, str], library: Library, platform: str, chat_id: str,
              args: list[str], *, user: str | None, lang: str, team_id: str | None = None,
              now: dt.datetime | None = None, translations: Sequence[str] = ()) -> str:
    """Create or change the chat's subscription; the reply confirms the next post time in its zone.
    `translations`: the languages `translate=LANG` may name (empty: machine translation is off)."""
    now = now or utcnow()
    try:
        args, translate_to = split_translation(args, translations)
    except BadTranslation as exc:
        if not translations:
            return text("translate_off", lang)
        return text("bad_translate", lang, value=str(exc), languages=", ".join(translations))
    try:
        schedule, filters = split_filters(args)
        post_time, zone = clock.parse_schedule(schedule, *defaults)
    except clock.BadSchedule as exc:
        return text("bad_schedule", lang, error=str(exc))
    if filters.get("article") and filters["article"] not in library.articles:
        return text("bad_schedule", lang, error=f"unknown article {filters['article']!r}")
    if not candidates(library, speaker=filters.get("speaker"), article=filters.get("article"),
                      language=filters.get("language"), scope=chat_scope(engine, platform, chat_id)):
        return text("no_quotes", lang)  # (within the chat's scope)
    status = subscriptions.subscribe(engine, platform, chat_id, post_time, zone, created_by=user, team_id=team_id,
                                     ui_language=lang, now=now, translate_to=translate_to, **filters)
    assert status.next_post is not None
    return text("subscribed", lang, time=post_time, zone=zone, next=when(status.next_post, now, lang)) + \
        _filters_line(filters.get("speaker"), filters.get("article"), filters.get("language"), lang) + \
        _translation_line(translate_to, lang)


def unsubscribe(engine: Engine, platform: str, chat_id: str, *, lang: str) -> str:
    if subscriptions.unsubscribe(engine, platform, chat_id):
        return text("unsubscribed", lang)
    return text("not_subscribed", lang)


def show(engine: Engine, platform: str, chat_id: str, *, lang: str, now: dt.datetime | None = None) -> str:
    now = now or utcnow()
    return describe(subscriptions.current(engine, platform, chat_id, now), lang, now)
