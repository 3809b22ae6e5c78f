"""Indexing large corpora: tokenize texts on every core, then build the BM25 index from term numbers.

    index = index_texts(((text, language), ...), workers=os.cpu_count())

Each worker process tokenizes chunks of texts as `retrieval.tokenize.term_bag` does (the terms `tokenize`
gives, in another order), numbering each distinct word's terms once in a vocabulary of its own, kept from
chunk to chunk: it
returns the chunk's term numbers and only the terms it had not sent before. The parent maps each worker's
numbers onto one vocabulary with numpy (numbering terms in order of first appearance, chunk by chunk, as
if one process had read the texts) and hands the arrays, chunk by chunk, to `BM25Index.from_ids`. Only
term numbers and new terms cross the process boundary, no per-document token list is kept, and the
chunks are never concatenated. With `spool`, the chunks go to a temporary file as they come and are read
back one at a time: 4 bytes a token (213 MB at 1M passages) that stay out of the building process.
"""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.pool
import os
import tempfile
import uuid
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

import numpy as np

from retrieval.bm25 import BM25Index
from retrieval.tokenize import bag_words, tokenize, use_fast_segmenter, word_terms

CHUNK = 2000  # texts per task

Pair = tuple[str, str | None]
Result = tuple[int, list[str], bytes, bytes]


class _Numbering:
    """A worker's own vocabulary for one indexing run (`run`): term -> number, in order of first sight, and
    each word's term numbers (German and other words apart: their stems differ)."""

    def __init__(self) -> None:
        self.start("")

    def start(self, run: str) -> None:
        """Begin indexing run `run` with nothing numbered."""
        self.run = run
        self.number: dict[str, int] = {}
        self.words = (_WordNumbers(self, False), _WordNumbers(self, True))


class _WordNumbers(dict[str, bytes]):
    """A word -> the numbers of its terms as int32 bytes, worked out on first sight (the only per-word memory
    a worker keeps: the tokenizer's own memo is not used); a text's numbers are its words' bytes joined."""

    def __init__(self, numbering: _Numbering, german: bool) -> None:
        super().__init__()
        self.numbering, self.german = numbering, german

    def __missing__(self, word: str) -> bytes:
        number = self.numbering.number
        found = self[word] = array("i", [number.setdefault(t, len(number)) for t in word_terms(word, self.german)]
                                   ).tobytes()
        return found


_numbering = _Numbering()


def tokenize_chunk(task: tuple[str, Sequence[Pair]]) -> Result:
    """(run, (text, language) pairs) -> (this process's id, the terms it numbers for the first time in this
    run, in order of first appearance, the chunk's term numbers as int32 bytes, lengths as int32 bytes)."""
    run, chunk = task
    use_fast_segmenter()
    state = _numbering
    if state.run != run:
        state.start(run)
    number = state.number
    before = len(number)
    ids = array("i")
    lengths = array("i")
    words = state.words
    for text, lang in chunk:
        german, keys = bag_words(text, lang)
        joined = b"".join(map(words[german].__getitem__, keys))
        ids.frombytes(joined)
        lengths.append(len(joined) >> 2)
    new = list(islice(reversed(number), len(number) - before))[::-1]  # the last keys added
    return os.getpid(), new, ids.tobytes(), lengths.tobytes()


class Spool(Sequence[np.ndarray]):
    """int32 arrays written one after another to an anonymous temporary file, read back one at a time (each
    read is a fresh array; the file goes when the spool is closed or collected)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="interview-bot-ids-")  # noqa: SIM115 - the spool owns it
        self._at = [0]  # byte offset of each array, then the end

    def append(self, values: np.ndarray) -> None:
        data = memoryview(np.ascontiguousarray(values, dtype=np.int32).tobytes())
        done = 0
        while done < len(data):  # a write may take less than it is given
            done += os.pwrite(self._file.fileno(), data[done:], self._at[-1] + done)
        self._at.append(self._at[-1] + len(data))

    def __len__(self) -> int:
        return len(self._at) - 1

    @property
    def sizes(self) -> list[int]:
        """Each array's length, from the offsets (nothing read back)."""
        return [(b - a) // 4 for a, b in zip(self._at, self._at[1:], strict=False)]

    def __getitem__(self, i: int) -> np.ndarray:  # type: ignore[override]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        buf = bytearray(self._at[i + 1] - self._at[i])
        if buf and os.preadv(self._file.fileno(), [buf], self._at[i]) != len(buf):
            raise OSError("the spool file is shorter than what was written to it")
        return np.frombuffer(buf, dtype=np.int32)

    def __iter__(self) -> Iterator[np.ndarray]:
        return (self[i] for i in range(len(self)))

    def close(self) -> None:
        self._file.close()


def _chunks(pairs: Iterable[Pair], size: int, run: str) -> Iterator[tuple[str, list[Pair]]]:
    it = iter(pairs)
    while chunk := list(islice(it, size)):
        yield run, chunk


def tokenize_parts(pairs: Iterable[Pair], workers: int = 1, chunk: int = CHUNK, spool: bool = False,
                   ) -> tuple[Sequence[np.ndarray], list[np.ndarray], dict[str, int]]:
    """Tokenize (text, language) pairs (in `workers` processes when > 1) -> (int32 term numbers, chunk by
    chunk, in a list or with `spool` in a Spool; int32 lengths, chunk by chunk; vocabulary). The pairs are
    read as they are needed: a generator over a file keeps only a few chunks in memory."""
    vocab: dict[str, int] = {}
    maps: dict[int, np.ndarray] = {}  # a worker's numbers -> the vocabulary's
    ids: Spool | list[np.ndarray] = Spool() if spool else []
    lengths: list[np.ndarray] = []

    def merge(result: Result) -> None:
        pid, new, local_ids, local_lengths = result
        known = maps.get(pid, np.zeros(0, dtype=np.int32))
        if new:
            added = np.fromiter((vocab.setdefault(t, len(vocab)) for t in new), dtype=np.int32, count=len(new))
            known = maps[pid] = np.concatenate((known, added)) if len(known) else added
        ids.append(known[np.frombuffer(local_ids, dtype=np.int32)])
        lengths.append(np.frombuffer(local_lengths, dtype=np.int32))

    run = uuid.uuid4().hex  # a fresh numbering in every worker (an in-process one outlives this call)
    if workers > 1:
        with _pool(workers) as pool:
            for result in pool.imap(tokenize_chunk, _chunks(pairs, chunk, run)):
                merge(result)
    else:
        for task in _chunks(pairs, chunk, run):
            merge(tokenize_chunk(task))
        _numbering.start("")  # nothing kept after the run
    return ids, lengths, vocab


def tokenize_texts(pairs: Iterable[Pair], workers: int = 1,
                   chunk: int = CHUNK) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """`tokenize_parts`, concatenated: (flat int32 term numbers, int32 lengths, vocabulary). A language is
    "zh", "de", "en" … or None (detected), as `tokenize` takes it."""
    ids, lengths, vocab = tokenize_parts(pairs, workers, chunk)
    flat = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int32)
    return flat, np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int32), vocab


def index_texts(pairs: Iterable[Pair], workers: int = 1, chunk: int = CHUNK) -> BM25Index:
    """A BM25 index over (text, language) pairs, tokenized in `workers` processes: the index
    `BM25Index.build` would make of `[tokenize(text, language) for text, language in pairs]`."""
    ids, lengths, vocab = tokenize_parts(pairs, workers, chunk, spool=True)
    try:
        return BM25Index.from_ids(ids, lengths, vocab)
    finally:
        if isinstance(ids, Spool):
            ids.close()


def _pool(workers: int) -> multiprocessing.pool.Pool:
    """Fresh worker processes (spawned, not forked: a fork would copy locks other threads hold), each
    loading the segmenter and dictionaries once."""
    return mp.get_context("spawn").Pool(workers, initializer=_warm_up)


def _warm_up() -> None:
    use_fast_segmenter()
    tokenize("预热 warm-up")
