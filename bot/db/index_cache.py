"""The BM25 index (and a snapshot of the corpus) saved beside the database, loaded instead of rebuilt.

A saved index is named after the database it belongs to and keyed by what it was built from: the
database's corpus version, the tokenizer version and the passages' ids in order. When any of these
changes (articles added or removed, tokenizer or dictionaries changed) the key changes, the index is
rebuilt from the stored tokens once, saved, and older files of that database are deleted. The
passages' tokens themselves are cached in the database (`passages.tokens`), so nothing is segmented
again on start. Writes go to a temporary file renamed into place, so concurrent starts never read a
half-written index.

For a SQLite database the articles and passages are also saved as a JSON snapshot beside the index
(up to SNAPSHOT_MAX passages). `open_snapshot` checks the database's corpus version and bundled-corpus
fingerprint with the standard sqlite3 module and, when they match, returns the Library without
importing SQLAlchemy, migrating or syncing: the quick path of the one-shot `interview-bot ask`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from corpus.models import Article, Passage
from retrieval.atomic import replacing
from retrieval.bm25 import EPSILON, FORMAT, K1, B, BM25Index
from retrieval.terms import tokenizer_version

if TYPE_CHECKING:
    from bot.answer.library import Library

log = logging.getLogger(__name__)

PREFIX = "bm25-"
SNAPSHOT_PREFIX = "corpus-"
SNAPSHOT_FORMAT = 1
SNAPSHOT_MAX = 50_000  # passages; larger corpora load from the database as usual
BUNDLED_KEY = "bundled_fingerprint"  # = corpus_store.BUNDLED_KEY (that module imports SQLAlchemy)


def cache_dir(db_url: str, data_dir: Path) -> Path | None:
    """Where the index of `db_url` is kept: beside a SQLite file, else in the data directory;
    None for an in-memory database (nothing outlives the process, so nothing is saved)."""
    if db_url.startswith("sqlite"):
        path = db_url.split("///", 1)[1] if "///" in db_url else ""
        if not path or path.startswith(":memory:") or "mode=memory" in db_url:
            return None
        return Path(path.split("?", 1)[0]).expanduser().resolve().parent
    return data_dir


def _digest(*parts: str) -> str:
    h = hashlib.sha1()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def index_key(corpus_version: str, tokenizer_version: str, passages: Sequence[Passage]) -> str:
    """Changes whenever the indexed documents (or the BM25 parameters) can have changed."""
    ids = hashlib.sha1("\n".join(p.id for p in passages).encode("utf-8")).hexdigest()
    return _digest(corpus_version, tokenizer_version, ids, str(len(passages)), repr((K1, B, EPSILON, FORMAT)))


def index_path(db_url: str, data_dir: Path, key: str) -> Path | None:
    folder = cache_dir(db_url, data_dir)
    return None if folder is None else folder / f"{PREFIX}{_digest(db_url)[:8]}-{key}.npz"


def load_or_build(db_url: str, data_dir: Path, corpus_version: str, tokenizer_version: str,
                  passages: Sequence[Passage], articles: Sequence[Article] | None = None) -> BM25Index:
    """The saved index for these passages, or a freshly built (and then saved) one. With `articles`,
    a SQLite database's corpus snapshot is written too (when missing or the index was rebuilt)."""
    key = index_key(corpus_version, tokenizer_version, passages)
    path = index_path(db_url, data_dir, key)
    index = None
    built = False
    if path is not None and path.exists():
        try:
            index = BM25Index.load(path)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("rebuilding the index: %s unreadable (%s)", path.name, exc)
        else:
            if index.size != len(passages) or index.params != (K1, B, EPSILON):
                log.warning("rebuilding the index: %s does not match the passages", path.name)
                index = None
    if index is None:
        index, built = BM25Index.build(p.tokens for p in passages), True
        if path is not None:
            _write(path, index.save)
    if path is not None and articles is not None and db_url.startswith("sqlite:///"):
        snap = snapshot_path(db_url, data_dir, corpus_version, tokenizer_version)
        if snap is not None and (built or not snap.exists()) and len(passages) <= SNAPSHOT_MAX:
            data = {"format": SNAPSHOT_FORMAT, "index": path.name,
                    "articles": [dataclasses.asdict(a) for a in articles],
                    "passages": [dataclasses.asdict(p) for p in passages]}

            def write(tmp: str) -> None:
                Path(tmp).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

            _write(snap, write)
    return index


def _write(path: Path, write: Callable[[str], None]) -> None:
    """Write atomically, then delete this database's older files of the same kind; failures only log."""
    try:
        with replacing(path, mode=0o600) as tmp:  # beside the database: its owner's alone
            write(tmp)
    except OSError as exc:
        log.warning("could not save %s: %s", path, exc)
        return
    stem = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{stem}-*{path.suffix}"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


# -- the quick path: a Library from the snapshot, without SQLAlchemy ---------------------------------------
def snapshot_path(db_url: str, data_dir: Path, corpus_version: str, tokenizer_version: str) -> Path | None:
    folder = cache_dir(db_url, data_dir)
    if folder is None:
        return None
    key = _digest(corpus_version, tokenizer_version, str(SNAPSHOT_FORMAT), repr((K1, B, EPSILON, FORMAT)))
    return folder / f"{SNAPSHOT_PREFIX}{_digest(db_url)[:8]}-{key}.json"


def _stored_meta(db_file: Path) -> dict[str, str] | None:
    try:
        con = sqlite3.connect(f"file:{quote(str(db_file))}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT key, value FROM meta WHERE key IN ('corpus_version', ?)", (BUNDLED_KEY,))
            return dict(rows.fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return None


def open_snapshot(url: str, data_dir: Path) -> Library | None:
    """The Library from the snapshot of the SQLite database at `url`, if the database still holds exactly
    that corpus (same corpus version, bundled corpus and tokenizer); else None (open the usual way)."""
    from bot.answer.library import Library
    from bot.db.bundled import fingerprint

    folder = cache_dir(url, data_dir)
    if folder is None or not url.startswith("sqlite:///"):
        return None
    db_file = Path(url.removeprefix("sqlite:///").split("?", 1)[0]).expanduser()
    if not db_file.is_file():
        return None
    meta = _stored_meta(db_file)
    if not meta or meta.get(BUNDLED_KEY) != fingerprint():
        return None
    snap = snapshot_path(url, data_dir, meta.get("corpus_version") or "0", tokenizer_version())
    if snap is None or not snap.is_file():
        return None
    try:
        data = json.loads(snap.read_text(encoding="utf-8"))
        if data.get("format") != SNAPSHOT_FORMAT:
            return None
        articles = [Article(**a) for a in data["articles"]]
        passages = [Passage(**p) for p in data["passages"]]
        index = BM25Index.load(folder / data["index"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.info("corpus snapshot not usable (%s): opening the database", exc)
        return None
    if index.size != len(passages) or index.params != (K1, B, EPSILON):
        return None
    return Library(articles, passages, index)
