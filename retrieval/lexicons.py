"""The query lexicons, derived once per machine and loaded in milliseconds.

The glossary, the CC-CEDICT tables, the synonyms, the words worth correcting to and the Chinese words
these tables translate to are all derived by tokenizing tens of thousands of dictionary entries: about
0.3 s on every cold start, and the Chinese segmenter loaded (another 0.1 s) even for an English question.
They depend only on the data files and the tokenizer, so they are written once to a file in the machine's
cache (`retrieval.lemmas.cache_dir()`), named by a fingerprint of everything they are derived from, and
read back with marshal. Without the file (it cannot be written or read) each table is derived as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import marshal
import os
import threading
from functools import cache
from pathlib import Path
from typing import Any

from retrieval.atomic import replacing
from retrieval.lemmas import cache_dir
from retrieval.tokenize import DATA

log = logging.getLogger(__name__)

FORMAT = b"IBLEX3"
SOURCES = ("tokenize.py", "query.py", "lexicons.py")  # the code the tables are derived with
LIBRARIES = ("snowballstemmer", "Stemmer", "opencc", "jieba", "rjieba")  # ... and the libraries
_lock = threading.Lock()
_tables: dict[str, Any] | None = None
_deriving = threading.local()


@cache
def fingerprint() -> str:
    """Changes whenever a table can change: the data files and the code that derives the tables."""
    digest = hashlib.sha1(FORMAT)
    here = Path(__file__).resolve().parent
    for path in [*(here / name for name in SOURCES), *sorted(DATA.glob("*"))]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    for name in LIBRARIES:  # an upgraded stemmer or converter changes the terms: located, not imported
        spec = importlib.util.find_spec(name)
        origin = Path(spec.origin) if spec is not None and spec.origin else None
        if origin is not None and origin.exists():
            digest.update(f"{name}:{origin}:{origin.stat().st_size}:{origin.stat().st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def path() -> Path:
    return cache_dir() / f"lexicons-{fingerprint()}.marshal"


def table(name: str) -> Any | None:
    """The saved table `name`, or None while the tables are being derived (or cannot be saved)."""
    if getattr(_deriving, "active", False):
        return None
    sections = _load()
    if sections is None or name not in sections:
        return None
    found = sections[name]
    if isinstance(found, bytes):  # read on first use: a question needs a few of the tables
        try:
            found = sections[name] = marshal.loads(found)
        except (EOFError, ValueError, TypeError):
            log.info("lexicon table %s unreadable: derived instead", name)
            sections.pop(name, None)
            return None
    return found


def _load() -> dict[str, Any] | None:
    global _tables
    if _tables is not None:
        return _tables
    with _lock:
        if _tables is None:
            _tables = _read() or _derive_and_write() or {}
    return _tables


def _read() -> dict[str, Any] | None:
    """The file's tables, each still marshalled."""
    try:
        data = path().read_bytes()
    except OSError:
        return None
    if not data.startswith(FORMAT):
        return None
    try:
        sections = marshal.loads(data[len(FORMAT):])
    except (EOFError, ValueError, TypeError) as exc:
        log.info("lexicon file %s unreadable (%s): deriving the tables again", path(), exc)
        return None
    return sections if isinstance(sections, dict) else None


def derive() -> dict[str, Any]:
    """Every table, derived from the data files (what the file holds)."""
    from retrieval import query, tokenize

    _deriving.active = True
    try:
        query.clear_caches()
        tokenize._t2s_witnesses.cache_clear()
        tables: dict[str, Any] = {
            "glossary:en": query.glossary("en"), "glossary:de": query.glossary("de"),
            "dictionary": query.dictionary(), "synonyms": query.synonyms(),
            "known:en": query._known_words("en"), "known:de": query._known_words("de"),
            "name_parts": query._name_parts(),
        }
        chinese = {z for t in ("glossary:en", "glossary:de", "dictionary") for v in tables[t].values() for z in v}
        chinese |= {z for v in tables["synonyms"].values() for z in v} | set(tables["synonyms"])
        chinese |= {z for v in query.dictionary_synonyms().values() for z in v}
        tables["zh_tokens"] = {z: tuple((t.term, t.start, t.end, t.part) for t in query._zh_tokens(z))
                               for z in sorted(chinese)}
        tables["t2s_witnesses"] = tokenize._t2s_witnesses()
        return tables
    finally:
        _deriving.active = False
        query.clear_caches()
        tokenize._t2s_witnesses.cache_clear()


def _derive_and_write() -> dict[str, Any] | None:
    """Derive the tables and write them for the next start; None when the file cannot be written (each
    table is then derived on its own, as needed)."""
    target = path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        probe = os.access(target.parent, os.W_OK)
    except OSError:
        probe = False
    if not probe:
        return None
    tables = derive()
    sections = {name: marshal.dumps(value) for name, value in tables.items()}
    try:
        with replacing(target) as tmp:
            Path(tmp).write_bytes(FORMAT + marshal.dumps(sections))
    except OSError as exc:
        log.info("could not save the lexicons to %s: %s", target, exc)
        return dict(tables)
    for old in target.parent.glob("lexicons-*.marshal"):  # those of older data or code
        if old != target:
            with contextlib.suppress(OSError):
                old.unlink()
    return tables
