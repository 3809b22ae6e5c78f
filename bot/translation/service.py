"""Translations for the quotes of a reply: cached per (passage, language, engine), bounded in time.

A quote gets a translation when its article is in another language than the asker's and no version of
it in the asker's language is already shown. A translation is made once for all replicas (the cache is
the database), never delays an answer by more than the timeout, and a slow, failing or absent server
only means the original quote without one (counted as an error, never shown to the user).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Protocol

from bot.answer.reply import Quote, Reply, Translation
from bot.translation.client import ENGINE, LibreTranslate, TranslationError

log = logging.getLogger(__name__)
MAX_CHARS = 2000  # a passage longer than this is translated in its first MAX_CHARS characters' sentences


class Cache(Protocol):
    """Where translations are kept: (passage id, target language, engine) -> text."""

    def get_many(self, keys: Sequence[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]: ...

    def put(self, key: tuple[str, str, str], text: str) -> None: ...


class MemoryCache:
    """A cache in this process only (tests, and the terminal without a database)."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str, str], str] = {}
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
        with self._lock:
            return {k: self._data[k] for k in keys if k in self._data}

    def put(self, key: tuple[str, str, str], text: str) -> None:
        with self._lock:
            self._data[key] = text


def needs_translation(quote: Quote, target: str) -> bool:
    """Whether a quote should come with a translation into `target`: its article is in another language
    and none of the versions shown with it is in `target`."""
    if quote.article.language == target:
        return False
    return not any(v.article.language == target for v in quote.also_in)


class Translator:
    """Adds machine translations to replies; safe to share between threads."""

    def __init__(self, client: LibreTranslate, cache: Cache, timeout: float = 3.0, targets: Iterable[str] = (),
                 workers: int = 4, on_error: Callable[[str], None] | None = None) -> None:
        self.client = client
        self.cache = cache
        self.timeout = timeout
        self.targets = set(targets)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="translate")
        self._on_error = on_error or (lambda reason: None)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.client.close()

    def offers(self, target: str) -> bool:
        """Whether translations into `target` are offered (configured, and the server has the language)."""
        if self.targets and target not in self.targets:
            return False
        try:
            return target in self.client.codes()
        except TranslationError as exc:
            self._on_error(str(exc))
            return False

    def translate(self, reply: Reply, target: str | None = None, force: bool = False) -> Reply:
        """`reply` with translations into `target` (default: the question's language) on the quotes that need
        one (every quote in another language when `force`). Returns within `timeout`; what is not ready by
        then is left without a translation."""
        target = target or reply.language
        reply = dataclasses.replace(reply, translating=True)
        todo = [q for q in reply.quotes if (force and q.article.language != target) or needs_translation(q, target)]
        if not todo or not self.offers(target):
            return reply
        found = self.texts([(q.passage_id, q.passage, q.article.language) for q in todo], target)
        quotes = tuple(dataclasses.replace(q, translation=Translation(found[q.passage_id], target, ENGINE))
                       if q.passage_id in found else q for q in reply.quotes)
        return dataclasses.replace(reply, quotes=quotes)

    def texts(self, items: Sequence[tuple[str, str, str]], target: str) -> dict[str, str]:
        """(passage id, text, source language) -> translated text, from the cache or the server."""
        keys = [(pid, target, ENGINE) for pid, _, _ in items]
        try:
            cached = self.cache.get_many(keys)
        except Exception:  # the cache is a convenience: a database error must not cost the translation
            log.warning("translation cache unavailable", exc_info=True)
            cached = {}
        out = {pid: cached[(pid, target, ENGINE)] for pid, _, _ in items if (pid, target, ENGINE) in cached}
        missing = [(pid, text, source) for pid, text, source in items if pid not in out]
        if not missing:
            return out
        deadline = time.monotonic() + self.timeout
        futures = {self._pool.submit(self.client.translate, text[:MAX_CHARS], source, target): pid
                   for pid, text, source in missing}
        done, late = wait(futures, timeout=max(0.0, deadline - time.monotonic()))
        for future in late:
            future.cancel()
            self._on_error("timeout")
        for future in done:
            pid = futures[future]
            try:
                text = future.result()
            except TranslationError as exc:
                self._on_error(str(exc))
                continue
            out[pid] = text
            try:
                self.cache.put((pid, target, ENGINE), text)
            except Exception:
                log.warning("could not cache a translation", exc_info=True)
        return out
