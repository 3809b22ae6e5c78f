"""Read the bundled corpus: manifest + article files -> Articles with their Passages."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from corpus.models import Article, Passage, Speaker

CORPUS_DIR = Path(__file__).resolve().parent
MANIFEST = CORPUS_DIR / "manifest.json"
ARTICLE_FIELDS = (
    "title", "publisher", "language", "url", "published", "author", "interview",
    "interview_source", "translation_of", "interviewers", "interviewees", "related_links", "url_note",
)


@dataclass
class Corpus:
    """All articles and passages, in reading order."""

    articles: list[Article]
    passages: list[Passage]
    fingerprint: str  # changes whenever an article file, the manifest or the parsing code changes


def parse_article(meta: dict[str, Any], raw: str) -> tuple[Article, list[Passage]]:
    """Clean one article and cut it into passages, following its manifest entry."""
    from corpus.clean import clean_blocks  # here: a quick start that only reads ids needs none of the parsing
    from corpus.segment import segment

    speakers = [Speaker(label, s["name"], s["role"]) for label, s in meta.get("speakers", {}).items()]
    blocks = clean_blocks(
        raw,
        fmt=meta.get("format", "markdown"),
        speakers=speakers,
        start_after=meta.get("start_after"),
        end_at=meta.get("end_at"),
        drop=meta.get("drop", ()),
    )
    fields: dict[str, Any] = {k: meta.get(k) for k in ARTICLE_FIELDS if k in meta}
    article = Article(id=meta["id"], **fields)
    article.text = "\n\n".join(b.text for b in blocks)
    article.source_file = meta.get("file")
    return article, list(segment(article.id, blocks))


def _code_version() -> str:
    parts = [(CORPUS_DIR / name).read_bytes() for name in ("clean.py", "segment.py", "align.py")]
    return hashlib.sha1(b"".join(parts)).hexdigest()


@cache
def bundled_ids() -> frozenset[str]:
    """The ids of the bundled articles (from the manifest alone)."""
    return frozenset(meta["id"] for meta in json.loads(MANIFEST.read_text(encoding="utf-8"))["articles"])


def bundled_fingerprint() -> str:
    """The bundled corpus's fingerprint (as `load_bundled().fingerprint`), from the files alone: quick."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    digest = hashlib.sha1(MANIFEST.read_bytes() + _code_version().encode())
    for meta in manifest["articles"]:
        digest.update((CORPUS_DIR / meta["file"]).read_text(encoding="utf-8").encode())
    return digest.hexdigest()[:16]


@cache
def load_bundled() -> Corpus:
    """The five bundled articles, parsed and with their translations linked."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    digest = hashlib.sha1(MANIFEST.read_bytes() + _code_version().encode())
    articles: list[Article] = []
    passages: list[Passage] = []
    for meta in manifest["articles"]:
        raw = (CORPUS_DIR / meta["file"]).read_text(encoding="utf-8")
        digest.update(raw.encode())
        article, found = parse_article(meta, raw)
        articles.append(article)
        passages.extend(found)
    from corpus.align import link_versions

    link_versions(articles, passages)
    return Corpus(articles, passages, digest.hexdigest()[:16])
