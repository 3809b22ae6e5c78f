"""Storage with SQLAlchemy: articles, passages and their index tokens (SQLite by default)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    event,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from corpus.models import Article, Passage

BUNDLED_KEY = "bundled_fingerprint"


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    published: Mapped[str | None] = mapped_column(String(32), nullable=True)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)  # the remaining manifest fields
    text: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16), default="bundled")  # "bundled" | "imported"
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(UTC))


class PassageRow(Base):
    __tablename__ = "passages"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    speaker: Mapped[str | None] = mapped_column(String(200), nullable=True)
    question: Mapped[str | None] = mapped_column(Text, nullable=True)
    section: Mapped[str | None] = mapped_column(Text, nullable=True)
    turn: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    versions: Mapped[list] = mapped_column(JSON, default=list)
    tokens: Mapped[str] = mapped_column(Text, default="")  # index terms, space separated


class MetaRow(Base):
    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


ARTICLE_META = (
    "author", "interview", "interview_source", "translation_of", "interviewers", "interviewees",
    "related_links", "url_note", "source_file",
)


def make_engine(url: str) -> Engine:
    """An engine for a database URL; creates the SQLite file's folder and turns on foreign keys."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _fk(dbapi_conn, _record) -> None:
            dbapi_conn.execute("PRAGMA foreign_keys=ON")
    return engine


def create_schema(engine: Engine) -> None:
    """Bring the schema up to date by running the Alembic migrations (idempotent, multi-process safe)."""
    from bot.migrations import upgrade

    upgrade(engine)


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
    return Article(
        id=row.id, title=row.title, publisher=row.publisher, language=row.language, url=row.url,
        published=row.published, text=row.text, **{k: meta.get(k) for k in ARTICLE_META if k in meta},
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
        versions=list(row.versions or []), tokens=row.tokens.split() if row.tokens else [],
    )


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


def corpus_version(session: Session) -> str:
    """A value that changes whenever articles are added, replaced or removed."""
    return get_meta(session, "corpus_version") or "0"


def bump_corpus_version(session: Session) -> None:
    set_meta(session, "corpus_version", str(int(corpus_version(session)) + 1))


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


ProgressFn = Callable[[int, int], None]
