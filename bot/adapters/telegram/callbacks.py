"""Inline-button payloads: at most 64 bytes, and meaningful after a restart (no in-memory state).

    more:<query-id>:<offset>   next page of a question saved in bot.db.chat_state
    ctx:<passage-id>           the passage with its neighbours
    ver:<passage-id>           the same passage in its other language versions
    ask:<lang>:<index>         one of the sample questions of bot.answer.texts.SAMPLES
    tr:<shown>:<passage-id>    a quote's Translate button: the languages to choose from (all but the
                               quote's own and <shown>, the translation already shown, or "-")
    tl:<lang>:<passage-id>     the passage machine-translated into <lang>

Passage ids too long for a payload are sent as `#` + a hash of the id and looked up again. Languages are
our codes (zh, zh-Hant, de, en); anything else is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

MAX_BYTES = 64
LANGUAGES = ("zh", "zh-Hant", "de", "en")  # the machine translation targets a button may name
NONE = "-"


@dataclass(frozen=True)
class Callback:
    """A decoded button payload."""

    kind: str  # "more" | "ctx" | "ver" | "ask" | "tr" | "tl"
    passage: str = ""  # passage id or "#<hash>" (ctx, ver, tr, tl)
    number: int = 0  # query id (more) or sample index (ask)
    offset: int = 0  # more
    lang: str = ""  # ask; tl: the target; tr: the translation shown ("" for none)


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


def decode(data: str | None) -> Callback | None:
    """The payload's meaning, or None for anything this bot did not make."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    kind, _, rest = data.partition(":")
    try:
        if kind == "more":
            qid, _, offset = rest.partition(":")
            cb = Callback("more", number=int(qid), offset=int(offset))
            return cb if cb.number >= 0 and 0 <= cb.offset <= 1000 else None
        if kind in ("ctx", "ver") and rest:
            return Callback(kind, passage=rest)
        if kind == "ask":
            lang, _, index = rest.partition(":")
            return Callback("ask", lang=lang, number=int(index))
        if kind in ("tr", "tl"):
            lang, _, passage = rest.partition(":")
            valid = lang in LANGUAGES or (kind == "tr" and lang == NONE)
            return Callback(kind, passage=passage, lang="" if lang == NONE else lang) if valid and passage else None
    except ValueError:
        return None
    return None


def resolve(passage: str, ids: Iterable[str]) -> str | None:
    """The passage id a payload names (looking up hashed ids among `ids`)."""
    if not passage.startswith("#"):
        return passage
    return next((i for i in ids if _digest(i) == passage), None)
