"""Keeping the bundled corpus in the database: stored (tokenized) once per version of it.

`fingerprint()` needs no SQLAlchemy (the quick path of `ask` compares it with the SQLite file directly)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from corpus.loader import bundled_fingerprint, load_bundled
from retrieval.terms import index_terms, tokenizer_version

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Progress = Callable[[int, int], None]


def fingerprint() -> str:
    """What the stored bundled corpus must match: the articles' fingerprint and the tokenizer version."""
    return f"{bundled_fingerprint()}:{tokenizer_version()}"  # without parsing the articles


def sync_bundled(session: Session, progress: Progress | None = None, force: bool = False) -> bool:
    """Store the bundled corpus (tokenized) unless the database already holds this very version."""
    from bot.db import corpus_store as store  # SQLAlchemy: imported only when a database is opened

    wanted = fingerprint()
    if not force and store.get_meta(session, store.BUNDLED_KEY) == wanted:
        return False
    store.advisory_lock(session, "bundled corpus")  # replicas starting at once: one writes, the others wait
    session.expire_all()
    if not force and store.get_meta(session, store.BUNDLED_KEY) == wanted:
        return False  # another process stored it meanwhile
    corpus = load_bundled()
    languages = {a.id: a.language for a in corpus.articles}
    total = len(corpus.passages)
    for i, p in enumerate(corpus.passages):
        p.tokens = index_terms(p, languages[p.article_id])
        if progress:
            progress(i + 1, total)
    store.replace_articles(session, corpus.articles, corpus.passages, origin="bundled")
    store.set_meta(session, store.BUNDLED_KEY, wanted)
    store.bump_corpus_version(session)
    return True
