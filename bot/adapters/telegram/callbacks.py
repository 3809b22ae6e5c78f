"""Inline-button payloads: at most 64 bytes, and meaningful after a restart (no in-memory state).

    more:<query-id>:<offset>   next page of a question saved in bot.db.chat_state
    ctx:<passage-id>           the passage with its neighbours
    ver:<passage-id>           the same passage in its other language versions
    ask:<lang>:<index>         one of the sample questions of bot.answer.texts.SAMPLES
    tr:<shown>:<passage-id>    a quote's Translate button: the languages to choose from (all but the
                               quote's own and <shown>, the translation already shown, or "-")
    tl:<lang>:<passage-id>     the passage machine-translated into <lang>
    fb:<v>:<src>:<passage-id>  feedback on a quote: <v> u (👍), d (👎), or 👎 with a reason: w (wrong passage),
                               n (not an answer), m (should have said no match); <src> the saved question's
                               id (an answer), d (a daily quote) or s (a More like this result)
    sim:<passage-id>           More like this: the passages most like a daily quote's

Passage ids too long for a payload are sent as `#` + a hash of the id and looked up again. Languages are
our codes (zh, zh-Hant, de, en); anything else is refused.

A quote's Share button (switch_inline_query_chosen_chat) does not call back: it opens inline mode in a
chat the user picks with the query `share:<passage-id>` (or `share:#<hash>`, at most 256 characters),
which the inline handler answers with exactly that passage.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

MAX_BYTES = 64
MAX_ID = 2**31 - 1  # a saved question's id (an INTEGER column): larger ones are forged
MAX_QUERY = 256  # characters of an inline query
SHARE = "share:"
LANGUAGES = ("zh", "zh-Hant", "de", "en")  # the machine translation targets a button may name
NONE = "-"
VOTES = {"u": ("up", None), "d": ("down", None), "w": ("down", "wrong_passage"), "n": ("down", "not_an_answer"),
         "m": ("down", "no_match")}  # code -> (vote, reason)
REASON_CODES = {reason: code for code, (_, reason) in VOTES.items() if reason}
SOURCES = {"d": "daily", "s": "similar"}  # feedback sources other than a saved question's id


@dataclass(frozen=True)
class Callback:
    """A decoded button payload."""

    kind: str  # "more" | "ctx" | "ver" | "ask" | "tr" | "tl" | "fb" | "sim"
    passage: str = ""  # passage id or "#<hash>" (ctx, ver, tr, tl, fb, sim)
    number: int = 0  # query id (more) or sample index (ask)
    offset: int = 0  # more
    lang: str = ""  # ask; tl: the target; tr: the translation shown ("" for none)
    vote: str = ""  # fb: the code (a key of VOTES)
    source: str = ""  # fb: a saved question's id, "d" or "s"

    @property
    def feedback(self) -> tuple[str, str | None]:
        """fb: (vote, reason)."""
        return VOTES[self.vote]

    @property
    def feedback_kind(self) -> str:
        """fb: "answer", "daily" or "similar"."""
        return SOURCES.get(self.source, "answer")


def _digest(passage_id: str) -> str:
    return "#" + hashlib.sha1(passage_id.encode()).hexdigest()[:20]


def _passage(kind: str, passage_id: str) -> str:
    data = f"{kind}:{passage_id}"
    return data if len(data.encode()) <= MAX_BYTES else f"{kind}:{_digest(passage_id)}"


def more(query_id: int, offset: int) -> str:
    return f"more:{query_id}:{offset}"


def context(passage_id: str) -> str:
    return _passage("ctx", passage_id)


def versions(passage_id: str) -> str:
    return _passage("ver", passage_id)


def sample(lang: str, index: int) -> str:
    return f"ask:{lang}:{index}"


def translate_menu(passage_id: str, shown: str | None = None) -> str:
    """A quote's Translate button (`shown`: the language of the translation already under it)."""
    return _passage(f"tr:{shown if shown in LANGUAGES else NONE}", passage_id)


def translation(lang: str, passage_id: str) -> str:
    """A language button of the Translate menu."""
    if lang not in LANGUAGES:
        raise ValueError(f"no translation into {lang!r}")
    return _passage(f"tl:{lang}", passage_id)


def feedback(code: str, source: str, passage_id: str) -> str:
    """A feedback button: `code` a key of VOTES, `source` a saved question's id, "d" or "s"."""
    if code not in VOTES or not (source in SOURCES or source.isdigit()):
        raise ValueError(f"no feedback button {code!r} for {source!r}")
    return _passage(f"fb:{code}:{source}", passage_id)


def similar(passage_id: str) -> str:
    return _passage("sim", passage_id)


def share_query(passage_id: str) -> str:
    """The inline query of a quote's Share button."""
    query = SHARE + passage_id
    return query if len(query) <= MAX_QUERY and passage_id.isprintable() and not any(
        c.isspace() for c in passage_id) else SHARE + _digest(passage_id)


def shared(query: str) -> str | None:
    """The passage (id or "#<hash>", for `resolve`) a Share button's inline query names, or None when the
    query is not of that form (then it is a question)."""
    query = query.strip()
    if not query.startswith(SHARE) or len(query) > MAX_QUERY:
        return None
    passage = query[len(SHARE):]
    return passage if passage and not any(c.isspace() for c in passage) else None


def decode(data: str | None) -> Callback | None:
    """The payload's meaning, or None for anything this bot did not make."""
    if not data or len(data.encode("utf-8", "replace")) > MAX_BYTES or not data.isprintable():
        return None  # (a lone surrogate is not printable)
    kind, _, rest = data.partition(":")
    try:
        if kind == "more":
            qid, _, offset = rest.partition(":")
            cb = Callback("more", number=int(qid), offset=int(offset))
            return cb if 0 <= cb.number <= MAX_ID and 0 <= cb.offset <= 1000 else None
        if kind in ("ctx", "ver", "sim") and rest:
            return Callback(kind, passage=rest)
        if kind == "ask":
            lang, _, index = rest.partition(":")
            return Callback("ask", lang=lang, number=int(index))
        if kind in ("tr", "tl"):
            lang, _, passage = rest.partition(":")
            valid = lang in LANGUAGES or (kind == "tr" and lang == NONE)
            return Callback(kind, passage=passage, lang="" if lang == NONE else lang) if valid and passage else None
        if kind == "fb":
            code, _, rest = rest.partition(":")
            source, _, passage = rest.partition(":")
            valid = source in SOURCES or (source.isdigit() and source.isascii() and int(source) <= MAX_ID)
            return Callback("fb", passage=passage, vote=code, source=source) \
                if code in VOTES and valid and passage else None
    except ValueError:
        return None
    return None


def resolve(passage: str, ids: Iterable[str]) -> str | None:
    """The passage id a payload names (looking up hashed ids among `ids`)."""
    if not passage.startswith("#"):
        return passage
    return next((i for i in ids if _digest(i) == passage), None)
