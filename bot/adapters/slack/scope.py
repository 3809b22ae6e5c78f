"""`/ask scope`: what the bot may quote in a channel (articles, speakers, languages), set by its admins.

    /ask scope                                       the channel's scope, how to set it, the article ids
    /ask scope article=ID speaker=NAME language=de   set it (workspace admins and owners, the channel's
                                                     creator, ADMIN_USERS; anyone in their DM with the bot)
    /ask scope reset                                 remove it

Slack's Web API does not tell who manages a channel, so "admins" are the workspace's admins and owners
(users.info), the channel's creator (conversations.info) and the users listed in ADMIN_USERS. Every answer,
button and daily post in the channel honours the scope (bot.answer.scope).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.adapters.slack import render
from bot.answer.scope import BadScope, parse_scope, report
from bot.answer.texts import SCOPE, localized, ui_language

if TYPE_CHECKING:
    from bot.runtime.context import AppContext

log = logging.getLogger(__name__)

PLATFORM = "slack"
MAX_TEXT = 12_000  # characters of the reply (Slack allows 40,000; many imported articles make a long list)


def may_change(client: Any, ctx: AppContext, channel: str, user: str | None) -> bool:
    """Whether `user` may set the scope of `channel` (see the module docstring); False when Slack can't say."""
    if not user:
        return False
    if f"slack:{user}" in ctx.settings.admins() or channel.startswith("D"):
        return True
    try:
        person = client.users_info(user=user).get("user") or {}
        if person.get("is_admin") or person.get("is_owner") or person.get("is_primary_owner"):
            return True
        info = client.conversations_info(channel=channel).get("channel") or {}
        return bool(info.get("creator")) and info.get("creator") == user
    except Exception as exc:  # missing scope, network: refuse, and say why in the log
        error = getattr(getattr(exc, "response", None), "get", lambda _: None)("error")
        log.warning("scope: could not check admin rights in %s (%s)", channel, error or type(exc).__name__)
        return False


def on_scope(*, text: str, command: dict[str, Any], respond: Any, client: Any, ctx: AppContext) -> bool:
    """`scope [reset | article=… speaker=… language=…]` (answered only to the asker); False for a question
    that only starts with the word ("scope of Cohere's business?"), which /ask then answers."""
    channel, user = str(command.get("channel_id") or ""), command.get("user_id")
    lang = ui_language(command.get("locale") or "en")
    slash = f"{command.get('command') or '/ask'} scope"
    library = ctx.library.current
    args = text.split()
    if args and args != ["reset"] and not any("=" in a for a in args):
        return False
    if not channel:
        return True
    if not args:
        answer = report(ctx.scopes.get(PLATFORM, channel), library, lang, slash)
    elif not may_change(client, ctx, channel, user):
        answer = localized(SCOPE, "admins_only", lang)
    else:
        try:
            if len(args) == 1 and args[0].lower() == "reset":
                ctx.scopes.reset(PLATFORM, channel)
                answer = localized(SCOPE, "reset", lang)
            else:
                scope = parse_scope(args, library)
                ctx.scopes.set(PLATFORM, channel, scope, f"slack:{user}")
                answer = localized(SCOPE, "set", lang, scope=scope.describe())
        except BadScope as exc:
            answer = localized(SCOPE, "bad", lang, error=str(exc)) + "\n" + localized(SCOPE, "usage", lang,
                                                                                     command=slash)
        except Exception as exc:  # the database: the admin is told, nothing else is affected
            log.warning("scope not stored for channel %s: %s", channel, type(exc).__name__)
            answer = localized(SCOPE, "unavailable", lang)
    if respond is not None:
        respond(text=render.clip(answer, MAX_TEXT), response_type="ephemeral",  # clip escapes
                replace_original=False)
    return True
