"""The stored corpus: articles, passages and their index tokens, the corpus version, writer locks."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db.schema import ArticleRow, MetaRow, PassageRow
from corpus.models import Article, Passage

BUNDLED_KEY = "bundled_fingerprint"


ARTICLE_META = (
    "author", "interview", "interview_source", "translation_of", "interviewers", "interviewees",
    "related_links", "url_note", "source_file",
)


def advisory_lock(session: Session, name: str) -> None:
    """Serialise writers across processes until the session's transaction ends (PostgreSQL advisory
    lock; SQLite already lets one writer at a time)."""
    if session.get_bind().dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha1(name.encode()).digest()[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def get_meta(session: Session, key: str) -> str | None:
    row = session.get(MetaRow, key)
    return row.value if row else None


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(MetaRow, key)
    if row:
        row.value = value
    else:
        session.add(MetaRow(key=key, value=value))


def article_to_row(article: Article, origin: str, content_hash: str | None = None) -> ArticleRow:
    return ArticleRow(
        id=article.id, title=article.title, publisher=article.publisher, language=article.language,
        url=article.url, published=article.published, text=article.text, origin=origin,
        content_hash=content_hash, meta={k: getattr(article, k) for k in ARTICLE_META},
    )


def row_to_article(row: ArticleRow) -> Article:
    meta = row.meta or {}
    fields: dict[str, Any] = {k: meta.get(k) for k in ARTICLE_META if k in meta}
    return Article(
        id=row.id, title=row.title, publisher=row.publisher, language=row.language, url=row.url,
        published=row.published, text=row.text, **fields,
    )


def passage_to_row(p: Passage) -> PassageRow:
    return PassageRow(
        id=p.id, article_id=p.article_id, seq=p.seq, kind=p.kind, speaker=p.speaker, question=p.question,
        section=p.section, turn=p.turn, text=p.text, versions=list(p.versions), tokens=" ".join(p.tokens),
    )


def row_to_passage(row: PassageRow) -> Passage:
    return Passage(
        id=row.id, article_id=row.article_id, seq=row.seq, text=row.text, kind=row.kind,
        speaker=row.speaker, question=row.question, section=row.section, turn=row.turn,
        versions=list(row.versions or []), tokens=list(map(sys.intern, row.tokens.split())) if row.tokens else [],
    )  # a term is one string however many passages hold it


def replace_articles(
    session: Session, articles: Iterable[Article], passages: Iterable[Passage], origin: str,
    hashes: dict[str, str] | None = None,
) -> None:
    """Insert or replace articles (and all their passages) in one transaction."""
    articles = list(articles)
    ids = [a.id for a in articles]
    session.execute(delete(PassageRow).where(PassageRow.article_id.in_(ids)))
    session.execute(delete(ArticleRow).where(ArticleRow.id.in_(ids)))
    session.flush()
    for a in articles:
        session.add(article_to_row(a, origin, (hashes or {}).get(a.id)))
    session.flush()
    session.add_all(passage_to_row(p) for p in passages)


def load_all(session: Session) -> tuple[list[Article], list[Passage]]:
    """Every stored article and passage, in reading order."""
    arts = [row_to_article(r) for r in session.scalars(select(ArticleRow).order_by(ArticleRow.added_at, ArticleRow.id))]
    order = {a.id: i for i, a in enumerate(arts)}
    rows = session.scalars(select(PassageRow)).all()
    passages = sorted((row_to_passage(r) for r in rows), key=lambda p: (order.get(p.article_id, 0), p.seq))
    return arts, passages


def stored_version(engine: Engine) -> str | None:
    """The database's corpus_version (a single-row read)."""
    with engine.connect() as conn:
        return conn.execute(select(MetaRow.value).where(MetaRow.key == "corpus_version")).scalar()


def corpus_version(session: Session) -> str:
    """A value that changes whenever articles are added, replaced or removed."""
    return get_meta(session, "corpus_version") or "0"


def bump_corpus_version(session: Session) -> None:
    set_meta(session, "corpus_version", str(int(corpus_version(session)) + 1))
