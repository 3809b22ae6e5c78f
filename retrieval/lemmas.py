"""simplemma's German and English dictionaries without their 143 MB in memory.

simplemma (German noun lemmas of words the index lacks, "is this a word of the language") keeps each
language's whole dictionary as a Python dict: 131 MB for German, 28 MB for English, 1.4 s to load. Here
the same dictionary is written once to a file of sorted keys and values (in `cache_dir()`, per simplemma
version): a look-up bisects the first keys of its blocks (one bytes object in memory, ~0.2 MB for
German) and reads one block of 64 entries (nothing of the file stays resident). The
lemmatizer is simplemma's own (the same strategies, rules and fallbacks, in the same order) given this
dictionary: every lemma and every "is known" is the one simplemma gives. Without the file (it cannot be
written, or simplemma's layout is not the one expected) plain simplemma is used.

    lemmatize("Büros", "de") -> "Büro"          is_known("warm", "en") -> True
"""

from __future__ import annotations

import contextlib
import os
import struct
import threading
import unicodedata
from array import array
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from retrieval.atomic import replacing

MAGIC = b"IBLEMMA2"
HEADER = struct.Struct("<8sIII")  # magic, entries, blocks, where the directory starts
BLOCK = 64  # entries a block; a look-up reads one block


def cache_dir() -> Path:
    """$INTERVIEW_BOT_CACHE, else $XDG_CACHE_HOME/interview-bot, else ~/.cache/interview-bot."""
    explicit = os.environ.get("INTERVIEW_BOT_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "interview-bot"


class FileDictionary(Mapping[str, str]):
    """A read-only str -> str mapping over a file written by `write_dictionary`: blocks of BLOCK entries
    sorted by key, found by bisecting the blocks' first keys (kept in memory as one bytes object); a look-up
    reads its block with one pread (nothing of the file stays resident)."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_RDONLY)
        magic, self._n, blocks, directory = HEADER.unpack(os.pread(self._fd, HEADER.size, 0))
        if magic != MAGIC:
            raise ValueError(f"{path} is not a lemma dictionary")
        data = os.pread(self._fd, os.fstat(self._fd).st_size - directory, directory)
        self._at = array("Q", data[:8 * (blocks + 1)])
        key_at = array("I", data[8 * (blocks + 1):8 * (blocks + 1) + 4 * (blocks + 1)])
        keys = data[8 * (blocks + 1) + 4 * (blocks + 1):]
        if len(key_at) != blocks + 1 or len(keys) != key_at[-1]:
            raise ValueError(f"{path} is truncated")
        self._blocks, self._keys, self._key_at = blocks, keys, key_at  # one bytes object, not 20k of them

    def __del__(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            os.close(self._fd)

    def _block(self, i: int) -> tuple[bytes, array, array, int]:
        raw = os.pread(self._fd, self._at[i + 1] - self._at[i], self._at[i])
        count = int.from_bytes(raw[:2], "little")
        offsets = array("I", raw[2:2 + 8 * (count + 1)])
        return raw, offsets, offsets, count

    def _block_of(self, target: bytes) -> int:
        """The last block whose first key is <= target (-1 when none is): bisect_right over the first keys."""
        keys, at = self._keys, self._key_at
        lo, hi = 0, self._blocks
        while lo < hi:
            mid = (lo + hi) >> 1
            if target < keys[at[mid]:at[mid + 1]]:
                hi = mid
            else:
                lo = mid + 1
        return lo - 1

    def get(self, key: str, default: Any = None) -> Any:  # the only method simplemma's strategies call
        target = key.encode("utf-8")
        i = self._block_of(target)
        if i < 0:
            return default
        raw, offsets, _, count = self._block(i)
        base = 2 + 8 * (count + 1)  # key offsets (count + 1), value offsets (count + 1), keys, values
        lo, hi = 0, count
        while lo < hi:
            mid = (lo + hi) >> 1
            if raw[base + offsets[mid]:base + offsets[mid + 1]] < target:
                lo = mid + 1
            else:
                hi = mid
        if lo == count or raw[base + offsets[lo]:base + offsets[lo + 1]] != target:
            return default
        values = base + offsets[count]
        v = count + 1
        return raw[values + offsets[v + lo]:values + offsets[v + lo + 1]].decode("utf-8")

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        for i in range(self._blocks):
            raw, offsets, _, count = self._block(i)
            base = 2 + 8 * (count + 1)
            for j in range(count):
                yield raw[base + offsets[j]:base + offsets[j + 1]].decode("utf-8")

    def __len__(self) -> int:
        return int(self._n)


def _entries(lang: str) -> list[tuple[bytes, bytes]] | Iterator[tuple[bytes, bytes]]:
    """simplemma's dictionary of `lang` as (key, value) bytes, sorted by key: its front-coded stream read
    record by record (no dict of a million entries), or its dict when that layout is not there."""
    try:
        from simplemma.strategies.dictionaries import frontcode
        from simplemma.strategies.dictionaries.dictionary_factory import _read_decompressed

        data = _read_decompressed(lang)
        reverse, _, pos = frontcode._read_header(data)
    except (ImportError, AttributeError, ValueError):
        from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

        return sorted(_load_dictionary_from_disk(lang).items())
    records = ((key, value) for _, key, value in frontcode._iter_records(data, pos))
    if reverse:
        return sorted((k[::-1], v[::-1]) for k, v in records)
    return records  # stored sorted


def _pack(entries: list[tuple[bytes, bytes]]) -> bytes:
    offsets = array("I", [0])
    for key, _ in entries:
        offsets.append(offsets[-1] + len(key))
    values = array("I", [0])
    for _, value in entries:
        values.append(values[-1] + len(value))
    return b"".join((len(entries).to_bytes(2, "little"), offsets.tobytes(), values.tobytes(),
                     *(k for k, _ in entries), *(v for _, v in entries)))


def write_dictionary(lang: str, path: Path) -> None:
    """Write simplemma's dictionary of `lang` to `path` (atomically: a temporary file renamed)."""
    with replacing(path) as tmp, open(tmp, "wb") as fh:
        fh.write(bytes(HEADER.size))
        at = array("Q", [HEADER.size])
        first: list[bytes] = []
        n = 0
        previous = b""
        block: list[tuple[bytes, bytes]] = []
        for key, value in _entries(lang):
            if n and key <= previous:
                raise ValueError("simplemma's dictionary is not sorted")
            previous = key
            n += 1
            block.append((key, value))
            if len(block) == BLOCK:
                first.append(block[0][0])
                at.append(at[-1] + fh.write(_pack(block)))
                block = []
        if block:
            first.append(block[0][0])
            at.append(at[-1] + fh.write(_pack(block)))
        key_at = array("I", [0])
        for key in first:
            key_at.append(key_at[-1] + len(key))
        fh.write(at.tobytes() + key_at.tobytes() + b"".join(first))
        fh.seek(0)
        fh.write(HEADER.pack(MAGIC, n, len(first), at[-1]))


class FileFactory:
    """A simplemma DictionaryFactory of FileDictionary (written to the cache on first use)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._open: dict[str, FileDictionary] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self._open.get(lang)
        if found is None:
            with self._lock:
                found = self._open.get(lang)
                if found is None:
                    path = self.folder / f"simplemma-{_simplemma_version()}-{lang}-2.dic"
                    if not path.exists():
                        write_dictionary(lang, path)
                    found = self._open[lang] = FileDictionary(path)
        return found


def _simplemma_version() -> str:
    from importlib.metadata import version

    return version("simplemma")


class _Lemmas:
    """simplemma's lemmatizer and dictionary look-up over one FileFactory (or None: plain simplemma)."""

    def __init__(self) -> None:
        self.factory: FileFactory | None = None
        self.lemmatizer: Any = None
        self.lookup: Any = None
        try:
            from simplemma import Lemmatizer
            from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

            if int(_simplemma_version().split(".")[0]) < 2:  # str -> str dictionaries since 2.0
                return
        except (ImportError, ValueError):
            return
        factory = FileFactory(cache_dir() / "lemmas")
        try:
            strategy = DefaultStrategy(greedy=False, dictionary_factory=factory)
            self.lemmatizer = Lemmatizer(lemmatization_strategy=strategy)
            self.lookup = DictionaryLookupStrategy(factory)
        except TypeError:  # a simplemma without pluggable dictionaries
            return
        self.factory = factory

    def ready(self, lang: str) -> bool:
        """Whether the mapped dictionary of `lang` can be used (written and opened now if needed)."""
        if self.factory is None:
            return False
        try:
            self.factory.get_dictionary(lang)
        except (OSError, ValueError, ImportError, AttributeError):
            self.factory = None  # plain simplemma from now on
            return False
        return True


@cache
def _lemmas() -> _Lemmas:
    return _Lemmas()


def lemmatize(word: str, lang: str) -> str:
    """simplemma.lemmatize(word, lang=lang)."""
    state = _lemmas()
    if state.ready(lang):
        return str(state.lemmatizer.lemmatize(word, lang))
    import simplemma

    return str(simplemma.lemmatize(word, lang=lang))


def is_known(word: str, lang: str) -> bool:
    """simplemma.is_known(word, lang=lang)."""
    state = _lemmas()
    if word and state.ready(lang):
        return state.lookup.get_lemma(unicodedata.normalize("NFC", word), lang) is not None
    import simplemma

    return bool(simplemma.is_known(word, lang=lang))


def warm_up(langs: tuple[str, ...] = ("de", "en")) -> None:
    """Write (once per machine) and open the dictionaries, so that no question waits for them."""
    state = _lemmas()
    for lang in langs:
        state.ready(lang)
