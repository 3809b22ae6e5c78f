"""Helpers of the importer's shape tests: a document written to a test's folder, and its answer passages."""

from __future__ import annotations

from pathlib import Path

from bot.importer.prepare import Prepared
from corpus.models import Passage


def write(tmp_path: Path, name: str, text: str) -> Path:
    """`text` saved as `name` in `tmp_path` (UTF-8), for the importer to read."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def answers_of(prepared: Prepared) -> list[Passage]:
    """The answer passages of an imported document, in order."""
    return [p for p in prepared.passages if p.kind == "answer"]


def masthead(prepared: Prepared) -> tuple[str, str, str | None]:
    """An imported document's title, publisher and date, as the import summary shows them."""
    article = prepared.article
    return article.title, article.publisher, article.published
