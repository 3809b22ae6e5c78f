"""Recent answers, rendered: a question asked again (a sample button, a popular question) costs a lookup.

`AnswerCache` keeps the last `size` (normalised question, top_k, offset) -> Answer, where an Answer
holds the core's Reply and, computed on first use, its Telegram messages and keyboard. Entries belong
to the Library that computed them: when the live library swaps in a new corpus (bot.live), the next
lookup sees a different `current` Library and starts afresh, so no answer outlives its corpus.
Replies are immutable (frozen dataclasses), so sharing one between chats is safe.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any

from telegram import InlineKeyboardMarkup

from bot.core import MAX_QUESTION, Library, clean_question
from bot.ops import metrics
from bot.reply import Reply
from bot.telegram import render

SIZE = 1024  # answers kept (a few kB each)


class Answer:
    """A Reply with its messages and keyboards, rendered once."""

    __slots__ = ("_keyboards", "_messages", "reply")

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self._messages: tuple[str, ...] | None = None
        self._keyboards: dict[int | None, InlineKeyboardMarkup | None] = {}

    @property
    def messages(self) -> tuple[str, ...]:
        if self._messages is None:
            self._messages = tuple(render.render_reply(self.reply))
        return self._messages

    def keyboard(self, query_id: int | None) -> InlineKeyboardMarkup | None:
        """The reply's buttons, "more" pointing at the saved question `query_id`."""
        if query_id not in self._keyboards:
            if len(self._keyboards) > 4:  # a question saved under several ids (after restarts): keep few
                self._keyboards.clear()
            self._keyboards[query_id] = render.reply_keyboard(self.reply, query_id)
        return self._keyboards[query_id]


class AnswerCache:
    """Least recently used answers of one Library (see the module docstring). size 0 keeps nothing."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._library: Any = None
        self._answers: OrderedDict[tuple[str, int, int], Answer] = OrderedDict()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._answers)

    def answer(self, library: Library, question: str, top_k: int = 3, offset: int = 0) -> Answer:
        """`library.answer(question, top_k, offset)`, from the cache when the same Library answered it."""
        current = getattr(library, "current", library)  # a LiveLibrary: the Library of the moment
        if current is not self._library:
            self._answers.clear()
            self._library = current
        started = time.perf_counter()
        text = clean_question(question)
        key = (text, top_k, offset)
        found = self._answers.get(key)
        if found is not None:
            self.hits += 1
            self._answers.move_to_end(key)
            metrics.observe_cached(found.reply, offset, time.perf_counter() - started)
            return found
        self.misses += 1
        found = Answer(current.answer(question, top_k=top_k, offset=offset))
        if self.size > 0 and text and len(text) <= MAX_QUESTION:
            self._answers[key] = found
            if len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return found
