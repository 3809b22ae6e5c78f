"""Recent answers, rendered: a question asked again (a sample button, a popular question) costs a lookup.

`AnswerCache` keeps the last `size` (normalised question, top_k, offset, chat scope) -> Answer, where an Answer
holds the core's Reply and, computed on first use, its Telegram messages (~6 kB). Its keyboard is made
each time it is sent (0.13 ms): kept, python-telegram-bot's button objects would take ~11 kB an answer,
twice the messages (11 MB of a bot's memory for a full cache). Entries belong
to the Library that computed them: when the live library swaps in a new corpus, the next lookup sees a
different current Library and starts afresh, so no answer outlives its corpus. Replies are immutable
(frozen dataclasses), so sharing one between chats is safe. Answers served again are reported to the
answerer's observer (the metrics) like computed ones.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterable

from telegram import InlineKeyboardMarkup

from bot.adapters.telegram import render
from bot.answer.answerer import MAX_QUESTION, Answerer, answer, clean_question, too_long
from bot.answer.library import Library
from bot.answer.reply import Reply
from bot.answer.scope import Scope

SIZE = 1024  # answers kept (~6 kB each)
Key = tuple[str, int, int, Scope | None]  # (question, top_k, offset, scope)


class Answer:
    """A Reply with its messages, rendered once, and its keyboard; and, once made, the same answer with machine
    translations (`translations`: target language -> Answer, kept only when complete)."""

    __slots__ = ("_messages", "reply", "translations")

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self._messages: tuple[str, ...] | None = None
        self.translations: dict[str, Answer] = {}

    @property
    def messages(self) -> tuple[str, ...]:
        if self._messages is None:
            self._messages = tuple(render.render_reply(self.reply))
        return self._messages

    def keyboard(self, query_id: int | None) -> InlineKeyboardMarkup | None:
        """The reply's buttons, "more" pointing at the saved question `query_id` (made anew: see the module
        docstring)."""
        return render.reply_keyboard(self.reply, query_id)


class AnswerCache:
    """Least recently used answers of the current Library (see the module docstring). size 0 keeps nothing."""

    def __init__(self, answerer: Answerer, size: int = SIZE) -> None:
        self.answerer = answerer
        self.size = size
        self._library: Library | None = None
        self._answers: OrderedDict[Key, Answer] = OrderedDict()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._answers)

    def _current(self) -> Library:
        current = self.answerer.library()
        if current is not self._library:
            self._answers.clear()
            self._library = current
        return current

    def answer(self, question: str, top_k: int = 3, offset: int = 0, lang: str | None = None,
               scope: Scope | None = None) -> Answer:
        """The answerer's answer (within the chat's `scope`), from the cache when the same Library answered it;
        an over-long question is refused in `lang` before any analysis."""
        self._current()
        started = time.perf_counter()
        text = clean_question(question)
        refused = too_long(text, lang)
        if refused is not None:
            return Answer(refused)
        key = (text, top_k, offset, scope or None)
        found = self._answers.get(key)
        if found is not None:
            self.hits += 1
            self._answers.move_to_end(key)
            self.answerer.observe(found.reply, offset, time.perf_counter() - started)
            return found
        self.misses += 1
        return self._keep(key, Answer(self.answerer(question, top_k=top_k, offset=offset, scope=scope)))

    def warm(self, questions: Iterable[str]) -> None:
        """Answer and render `questions` now, uncounted (not users' questions): ready before anyone asks."""
        library = self._current()
        for question in questions:
            text = clean_question(question)
            if text and len(text) <= MAX_QUESTION:
                _ = self._keep((text, 3, 0, None), Answer(answer(library, question))).messages

    def _keep(self, key: Key, found: Answer) -> Answer:
        if self.size > 0 and key[0] and len(key[0]) <= MAX_QUESTION:
            self._answers[key] = found
            if len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return found
