"""URL or file -> stored article: the steps shared by the CLI and the chat commands."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.importer.extract import extract
from bot.importer.fetch import load
from bot.importer.prepare import Hints, Prepared, prepare
from bot.importer.storing import Stored, article_ids, store_prepared


def read_article(location: str, *, article_id: str | None = None, taken: Collection[str] = (),
                 hints: Hints | None = None, allow_private: bool = False) -> Prepared:
    """Fetch or read, extract, detect speakers and cut into passages (nothing is stored). Web pages only
    from public addresses, unless `allow_private` (the local CLI's --allow-private; never from chat)."""
    source = load(location, allow_private=allow_private)
    return prepare(extract(source), location, article_id=article_id, taken=taken, hints=hints)


@dataclass
class Imported:
    prepared: Prepared
    stored: Stored


def import_article(location: str, engine: Engine, *, replace: bool = False, article_id: str | None = None,
                   translation_of: str | None = None, hints: Hints | None = None,
                   allow_private: bool = False) -> Imported:
    """Read and store one article (the database's bundled corpus already in place)."""
    with Session(engine) as session:
        taken = article_ids(session)
    prepared = read_article(location, article_id=article_id, taken=taken, hints=hints, allow_private=allow_private)
    stored = store_prepared(engine, prepared, replace=replace, translation_of=translation_of)
    return Imported(prepared, stored)


def describe(item: Imported) -> str:
    """One line about an import, for chat replies and logs."""
    a, st = item.prepared.article, item.stored
    if st.status == "duplicate":
        return f"Already in the corpus as {st.article_id} (use --replace to re-import): {a.title}"
    who = ", ".join(item.prepared.cast.interviewees) or "no speaker labels found"
    verb = "Re-imported" if st.status == "replaced" else "Added"
    line = (f"{verb} {st.article_id}: “{a.title}” ({a.publisher}, {a.language}), "
            f"{len(item.prepared.passages)} passages, {item.prepared.answers} answers by {who}")
    if a.url:
        line += f" — {a.url}"
    if st.linked:
        line += f"; versions of: {', '.join(st.linked)}"
    return line
