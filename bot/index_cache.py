"""The BM25 index saved beside the database, loaded on start instead of rebuilt.

A saved index is named after the database it belongs to and keyed by what it was built from: the
database's corpus version, the tokenizer version and the passages' ids in order. When any of these
changes (articles added or removed, tokenizer or dictionaries changed) the key changes, the index is
rebuilt from the stored tokens once, saved, and older files of that database are deleted. The
passages' tokens themselves are cached in the database (`passages.tokens`), so nothing is segmented
again on start. Writes go to a temporary file renamed into place, so concurrent starts never read a
half-written index.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from corpus.models import Passage
from retrieval.bm25 import EPSILON, FORMAT, K1, B, BM25Index

log = logging.getLogger(__name__)

PREFIX = "bm25-"


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
                  passages: Sequence[Passage]) -> BM25Index:
    """The saved index for these passages, or a freshly built (and then saved) one."""
    key = index_key(corpus_version, tokenizer_version, passages)
    path = index_path(db_url, data_dir, key)
    if path is not None and path.exists():
        try:
            index = BM25Index.load(path)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("rebuilding the index: %s unreadable (%s)", path.name, exc)
        else:
            if index.size == len(passages) and index.params == (K1, B, EPSILON):
                return index
            log.warning("rebuilding the index: %s does not match the passages", path.name)
    index = BM25Index.build(p.tokens for p in passages)
    if path is not None:
        save(index, path)
    return index


def save(index: BM25Index, path: Path) -> None:
    """Write atomically, then delete this database's older index files; failures only log."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".npz", dir=path.parent)
        os.close(fd)
        try:
            index.save(tmp)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    except OSError as exc:
        log.warning("could not save the index to %s: %s", path, exc)
        return
    stem = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{stem}-*.npz"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
