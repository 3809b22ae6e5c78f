"""👍/👎 reactions to the bot's answers, daily quotes and More like this answers, stored as votes like the
buttons' (bot.db.feedback_store: one row per chat, message, passage and person).

A reaction update names only the chat and the message: the quotes a message carried were remembered when it
was sent (handlers.remember, bot.db.sent_store; daily posts through their deliveries). A reaction rates the
whole message, so it counts for every quote in it. Adding 👍 (or 👎) records that vote, or changes the one
given before (by a reaction or a button); taking it away withdraws it, unless the vote was changed since.
Other emoji are no votes. Messages the bot did not send with quotes (or sent while the database was down)
are ignored. Telegram sends reactions in groups only to administrators of the group.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Sequence
from functools import partial

from telegram import ReactionType, ReactionTypeEmoji, Update
from telegram.ext import BaseHandler, MessageReactionHandler

from bot.adapters.telegram import callbacks
from bot.adapters.telegram.common import Context, app_context, queries
from bot.adapters.telegram.handlers import LOAD_WAIT, PLATFORM, Throttled, in_database
from bot.db import feedback_store, sent_store
from bot.db.feedback_store import Vote

log = logging.getLogger(__name__)

EMOJI = {"👍": "up", "👎": "down"}
_database_warning = Throttled(60)


def handler() -> BaseHandler:
    """Reactions of one person (MessageReactionUpdated); anonymous reaction counts are not votes."""
    return MessageReactionHandler(on_reaction, message_reaction_types=MessageReactionHandler.MESSAGE_REACTION_UPDATED)


def votes(reactions: Sequence[ReactionType]) -> set[str]:
    """The votes among reactions ("up", "down")."""
    return {EMOJI[r.emoji] for r in reactions if isinstance(r, ReactionTypeEmoji) and r.emoji in EMOJI}


def change(old: set[str], new: set[str]) -> tuple[str, tuple[str, ...]] | None:
    """("record", (vote,)) or ("withdraw", the votes taken away) for a change of reactions; None when no vote
    changed (or it cannot be told which one counts)."""
    added, removed = new - old, old - new
    if len(added) == 1:
        return "record", (next(iter(added)),)
    if not added and removed:
        return ("record", (next(iter(new)),)) if len(new) == 1 else ("withdraw", tuple(sorted(removed)))
    return None


async def on_reaction(update: Update, context: Context) -> None:
    """A person's reactions to a message changed: store, change or withdraw their vote on its quotes."""
    reaction = update.message_reaction
    if reaction is None:
        return
    who = reaction.user or reaction.actor_chat
    step = change(votes(reaction.old_reaction), votes(reaction.new_reaction))
    if who is None or step is None:
        return
    action, chosen = step
    vote = chosen[0]
    engine = app_context(context).engine
    chat_id, message_id = str(reaction.chat.id), str(reaction.message_id)
    try:
        quotes = await asyncio.wait_for(in_database(
            context, lambda: sent_store.quotes_in(engine, PLATFORM, chat_id, message_id)), LOAD_WAIT)
        for passage_id, source, voted_as in quotes:  # votes on an answer are kept under one of its messages
            kind = callbacks.SOURCES.get(source, "answer")
            question = None
            if kind == "answer" and action == "record" and source.isdigit():
                question = await asyncio.wait_for(queries(context).load(int(source)), LOAD_WAIT)
            ballot = Vote(PLATFORM, chat_id, voted_as, str(who.id), passage_id, vote, kind, question)
            if action == "withdraw":  # each vote taken away (a withdrawal of a vote not stored changes nothing)
                for taken in chosen:
                    await asyncio.wait_for(in_database(context, partial(
                        feedback_store.withdraw, engine, dataclasses.replace(ballot, vote=taken))), LOAD_WAIT)
                continue
            before = await asyncio.wait_for(in_database(context, partial(feedback_store.record, engine, ballot)),
                                            LOAD_WAIT)
            if before != vote:
                app_context(context).metrics.feedback(PLATFORM, vote)
    except Exception as exc:  # the database is down or slow: a reaction has no one to apologise to
        _database_warning("reaction not stored as feedback", exc)
