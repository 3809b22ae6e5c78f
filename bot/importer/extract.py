"""Main text and metadata of a page (trafilatura), as the markdown-ish text the corpus cleaner reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from bot.importer.fetch import FetchError, Source

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


@dataclass
class Extracted:
    """What an article says about itself, and its text (paragraphs separated by blank lines)."""

    text: str
    fmt: str  # "markdown" | "lines" (corpus.clean formats)
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None  # only a URL the source really gives (canonical link or the fetched address)
    language: str | None = None


def _absolute(link: str | None, base: str | None) -> str | None:
    """An http(s) URL, resolved against the page's address; None for anything else."""
    if not link:
        return None
    link = link.strip()
    if base and not urlsplit(link).scheme:
        link = urljoin(base, link)
    return link if urlsplit(link).scheme in ("http", "https") and urlsplit(link).netloc else None


def from_html(source: Source) -> Extracted:
    import trafilatura

    text = trafilatura.extract(
        source.text, url=source.url, output_format="markdown", include_formatting=True,
        include_links=False, include_images=False, include_comments=False, include_tables=True,
        favor_recall=True, deduplicate=False,
    )
    if not text or not text.strip():
        raise FetchError(f"{source.location}: no article text found on the page")
    meta = trafilatura.extract_metadata(source.text)
    host = urlsplit(source.url).hostname if source.url else None
    canonical = _absolute(getattr(meta, "url", None), source.url) if meta else None
    return Extracted(
        text=text,
        fmt="markdown",
        title=(meta.title if meta else None) or None,
        publisher=(meta.sitename if meta else None) or (host.removeprefix("www.") if host else None),
        author=(meta.author if meta else None) or None,
        published=(meta.date if meta else None) or None,
        url=canonical or source.url,
    )


def from_text(source: Source) -> Extracted:
    """A .md or .txt file: optional YAML front matter (title, publisher, url, …), then the text."""
    text = source.text.replace("\r\n", "\n").lstrip("\ufeff")
    front: dict = {}
    m = FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            raise FetchError(f"{source.location}: unreadable front matter ({exc})") from None
        front = loaded if isinstance(loaded, dict) else {}
        text = text[m.end():]
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        raise FetchError(f"{source.location}: the file is empty")
    title = front.get("title")
    if not title:
        first = next((ln for ln in lines if ln.lstrip().startswith("# ")), lines[0])
        title = re.sub(r"^\s*#+\s*", "", first).replace("**", "").strip()
    has_paragraphs = "\n\n" in text.strip()
    fmt = "markdown" if source.kind == "markdown" or has_paragraphs else "lines"

    def field(name: str) -> str | None:
        value = front.get(name)
        return str(value) if value not in (None, "") else None

    return Extracted(
        text=text, fmt=fmt, title=str(title), publisher=field("publisher") or field("sitename"),
        author=field("author"), published=field("published") or field("date"),
        url=_absolute(field("url"), None) or source.url, language=field("language"),
    )


def extract(source: Source) -> Extracted:
    """Source -> Extracted, whatever its kind; publisher falls back to the file name for local files."""
    out = from_html(source) if source.kind == "html" else from_text(source)
    if not out.publisher:
        out.publisher = Path(source.location).stem if source.url is None else (urlsplit(source.url).hostname or "")
    return out
