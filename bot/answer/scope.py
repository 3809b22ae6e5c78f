"""A chat's scope: the articles, speakers and languages the bot may quote there (set by the chat's admins).

    scope = parse_scope(["article=cohere-gomez", "speaker=Gomez,Frosst", "language=de"])
    scope.allows(library, passage)          # what every answer, button and daily post in that chat honours
    scope.describe("en")                    # "articles: …; speakers: …; languages: …"

Within one kind the values are alternatives (any article listed), across kinds they all must hold. A speaker
matches by part of the name (case-insensitive), an article by id, a language by its code (zh, de, en: an
article's language by its first two letters, so `zh` covers zh-Hant). An empty scope allows everything.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from bot.answer.library import Library
from bot.answer.texts import SCOPE, localized
from corpus.models import Passage
from retrieval.grouping import Hit
from retrieval.query import Query

KINDS = ("article", "speaker", "language")
MAX_VALUES = 20  # per kind
MAX_VALUE = 120  # characters


class BadScope(ValueError):
    """A scope that can't be set; the message says why (shown to the admin)."""


@dataclass(frozen=True)
class Scope:
    articles: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.articles or self.speakers or self.languages)

    def allows(self, library: Library, p: Passage) -> bool:
        """Whether the bot may quote `p` where this scope holds."""
        if self.articles and p.article_id not in self.articles:
            return False
        if self.speakers:
            name = (p.speaker or "").casefold()
            if not name or not any(s.casefold() in name for s in self.speakers):
                return False
        if self.languages:
            article = library.articles.get(p.article_id)
            lang = (article.language if article else "").lower()[:2]
            if lang not in self.languages:
                return False
        return True

    def as_dict(self) -> dict[str, list[str]]:
        return {"article": list(self.articles), "speaker": list(self.speakers), "language": list(self.languages)}

    def describe(self) -> str:
        """`article=a,b speaker="Aidan Gomez" language=de` (what /scope shows, and what sets it again)."""
        parts = []
        for kind, values in self.as_dict().items():
            joined = ",".join(values)
            if values:
                parts.append(f'{kind}="{joined}"' if any(c.isspace() for c in joined) else f"{kind}={joined}")
        return " ".join(parts)


def from_dict(data: Mapping[str, Sequence[str]]) -> Scope:
    """The scope stored as `as_dict()` wrote it (ValueError when it is not such a thing)."""
    if not isinstance(data, Mapping):
        raise ValueError("a scope is a mapping")
    values = []
    for kind in KINDS:
        found = data.get(kind) or ()
        if isinstance(found, str) or not all(isinstance(v, str) for v in found):
            raise ValueError(f"{kind}: a list of strings")
        values.append(tuple(found))
    return Scope(*values)


def parse_scope(args: Iterable[str], library: Library) -> Scope:
    """`article=… speaker=… language=…` (values separated by commas; a kind may be repeated; speakers may
    contain spaces when quoted as `speaker="Aidan Gomez"` or joined by `_`). Raises BadScope."""
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for arg in _split(" ".join(args)):
        key, sep, value = arg.partition("=")
        key = key.strip().lower()
        if not sep or key not in KINDS:
            raise BadScope(f"unknown setting {arg[:40]!r} (use article=, speaker= or language=)")
        for v in value.split(","):
            v = v.strip().strip("\"'“”").replace("_", " ").strip()
            if not v:
                continue
            if len(v) > MAX_VALUE:
                raise BadScope(f"{key}= value too long")
            found[key].append(v)
    if not any(found.values()):
        raise BadScope("nothing to set (use article=, speaker= or language=)")
    if any(len(v) > MAX_VALUES for v in found.values()):
        raise BadScope(f"at most {MAX_VALUES} values per setting")
    unknown = [a for a in found["article"] if a not in library.articles]
    if unknown:
        raise BadScope(f"unknown article {unknown[0]!r} (the article ids are listed with /scope)")
    languages = [v.lower() for v in found["language"]]
    bad = [v for v in languages if v not in ("zh", "de", "en")]
    if bad:  # (zh covers traditional Chinese too: "zh-Hant" is refused rather than silently widened)
        raise BadScope(f"unknown language {bad[0][:20]!r} (use zh, de or en)")
    speakers = {p.speaker for p in library.passages if p.speaker}
    for s in found["speaker"]:
        if not any(s.casefold() in name.casefold() for name in speakers):
            raise BadScope(f"no speaker called {s!r} in the interviews")
    scope = Scope(tuple(dict.fromkeys(found["article"])), tuple(dict.fromkeys(found["speaker"])),
                  tuple(dict.fromkeys(languages)))
    if not any(scope.allows(library, p) for p in library.passages):
        raise BadScope("no passage is left in this scope")
    return scope


def _split(text: str) -> list[str]:
    """Words, keeping quoted values together (`speaker="Aidan Gomez"`)."""
    out: list[str] = []
    word, quote = "", ""
    for ch in text.strip():
        if quote:
            word += ch
            if ch == quote or (quote == "“" and ch == "”"):
                quote = ""
        elif ch in "\"'“":
            quote = ch
            word += ch
        elif ch.isspace():
            if word:
                out.append(word)
            word = ""
        else:
            word += ch
    if word:
        out.append(word)
    return out


# -- applying a scope ---------------------------------------------------------------------------------
_masks: weakref.WeakKeyDictionary[Library, dict[Scope, np.ndarray]] = weakref.WeakKeyDictionary()


def mask(library: Library, scope: Scope) -> np.ndarray:
    """Per passage of `library`, whether `scope` allows it (kept while the library lives)."""
    per_library = _masks.setdefault(library, {})
    found = per_library.get(scope)
    if found is None:
        if len(per_library) > 256:
            per_library.clear()
        found = np.fromiter((scope.allows(library, p) for p in library.passages), dtype=bool,
                            count=len(library.passages))
        per_library[scope] = found
    return found


def rank(library: Library, query: Query, want: int, scope: Scope | None, decide: bool = True) -> list[Hit]:
    """The ranker's hits for `query`, only from what `scope` allows (all of the library without one)."""
    if not scope:
        return library.ranker.rank(query, want, decide=decide)
    return within(library, scope, library.ranker.rank(query, want, decide=decide, allowed=mask(library, scope)))


def within(library: Library, scope: Scope, hits: list[Hit]) -> list[Hit]:
    """The hits as the scope lets them be shown: a hit whose shown passage is outside it is shown by an
    allowed version instead (or dropped), and only allowed versions are offered."""
    out = []
    for hit in hits:
        members = [m for m in (hit.passage, *hit.versions) if scope.allows(library, m)]
        if members:
            out.append(Hit(members[0], hit.score, members[1:]))
    return out


def report(scope: Scope | None, library: Library, lang: str, command: str) -> str:
    """What `/scope` shows (plain text; the adapter escapes it): the chat's scope, how to change it, and the
    article ids to choose from."""
    head = localized(SCOPE, "current", lang, scope=scope.describe()) if scope else localized(SCOPE, "none", lang)
    lines = [head, "", localized(SCOPE, "usage", lang, command=command), "", localized(SCOPE, "articles", lang)]
    for a in library.articles.values():
        who = f" ({', '.join(a.interviewees)})" if a.interviewees else ""
        lines.append(f"• {a.id}: {a.title[:80]}{who} [{a.language}]")
    return "\n".join(lines)
