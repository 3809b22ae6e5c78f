""""More like this" under a daily quote: the next best passages for the quote's passage itself.

The passage's text is the question (through the same analysis and ranking as every answer); the passage
and its other versions are left out, so what comes back is what else the interviews say about it.
"""

from __future__ import annotations

from bot.answer import scope as scoped
from bot.answer.answerer import make_quote
from bot.answer.library import Library
from bot.answer.reply import Reply
from bot.answer.scope import Scope
from retrieval.query import analyze

TOP_K = 3
MAX_QUERY = 2000  # characters of the passage used as the question (its beginning)


def more_like_this(library: Library, passage_id: str, top_k: int = TOP_K, scope: Scope | None = None) -> Reply | None:
    """The `top_k` passages most like `passage_id` (its versions left out; only those the chat's `scope`
    allows) as a Reply whose `query` is the passage id; an empty Reply when nothing else is alike; None when
    the library does not hold the passage."""
    p = library.by_id.get(passage_id)
    if p is None:
        return None
    excluded = {p.id, *p.versions, *(v.id for v in library.versions_of(p))}
    query = analyze(p.text[:MAX_QUERY], library.index.vocab)
    language = library.articles[p.article_id].language
    if not query.terms:
        return Reply(query=passage_id, status="no_match", language=language)
    hits = scoped.rank(library, query, top_k + 1 + len(excluded), scope, decide=False)
    kept = [h for h in hits if h.passage.id not in excluded and not excluded & {v.id for v in h.versions}][:top_k]
    quotes = tuple(make_quote(library, h.passage, query, i + 1, h.score, h.versions) for i, h in enumerate(kept))
    return Reply(query=passage_id, quotes=quotes, status="ok" if quotes else "no_match", language=language)
