"""Plain data types for articles and their passages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Speaker:
    """A speaker label as the article writes it, and who it names."""

    label: str
    name: str
    role: str  # "interviewer" | "interviewee"


@dataclass
class Article:
    """An article's metadata (from the manifest) and its cleaned text."""

    id: str
    title: str
    publisher: str
    language: str
    url: str | None = None
    published: str | None = None
    author: str | None = None
    interview: str | None = None
    interview_source: str | None = None
    translation_of: str | None = None
    interviewers: list[str] = field(default_factory=list)
    interviewees: list[str] = field(default_factory=list)
    related_links: list[dict[str, str]] = field(default_factory=list)
    url_note: str | None = None
    text: str = ""  # the whole article after markup removal: paragraphs joined by blank lines
    source_file: str | None = None


@dataclass
class Passage:
    """One quotable unit: a paragraph (or a sentence-aligned part of one) with its speaker."""

    id: str
    article_id: str
    seq: int
    text: str
    kind: str  # "answer" | "narrative" | "bullet"
    speaker: str | None = None
    question: str | None = None
    section: str | None = None
    turn: int | None = None  # index of the interview turn (answer) it belongs to
    versions: list[str] = field(default_factory=list)  # ids of the same passage in other versions
    tokens: list[str] = field(default_factory=list)
