"""Indexing large corpora: tokenize texts on every core, then build the BM25 index from term numbers.

    index = index_texts(((text, language), ...), workers=os.cpu_count())

Each worker process tokenizes a chunk of texts with `retrieval.tokenize.term_bag` (the terms
`tokenize` gives, in another order) and returns the chunk's distinct terms and its term numbers; the parent renumbers
them into one vocabulary with numpy and hands the flat arrays to `BM25Index.from_ids`. Only term
numbers cross the process boundary, and no per-document token list is kept.
"""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.pool
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice

import numpy as np

from retrieval.bm25 import BM25Index
from retrieval.tokenize import term_bag, tokenize

CHUNK = 2000  # texts per task


def tokenize_chunk(chunk: Sequence[tuple[str, str | None]]) -> tuple[list[str], bytes, bytes]:
    """(text, language) pairs -> (distinct terms, term numbers as int32 bytes, lengths as int64 bytes)."""
    docs = [term_bag(text, lang) for text, lang in chunk]
    flat = list(chain.from_iterable(docs))
    terms = list(dict.fromkeys(flat))
    number = {t: i for i, t in enumerate(terms)}
    ids = array("i", map(number.__getitem__, flat))
    lengths = array("q", map(len, docs))
    return terms, ids.tobytes(), lengths.tobytes()


def _chunks(pairs: Iterable[tuple[str, str | None]], size: int) -> Iterator[list[tuple[str, str | None]]]:
    it = iter(pairs)
    while chunk := list(islice(it, size)):
        yield chunk


def tokenize_texts(pairs: Iterable[tuple[str, str | None]], workers: int = 1,
                   chunk: int = CHUNK) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Tokenize (text, language) pairs (in `workers` processes when > 1) -> (flat int32 term numbers,
    int64 lengths, vocabulary). A language is "zh", "de", "en" … or None (detected), as `tokenize` takes
    it. The pairs are read as they are needed: a generator over a file keeps only a few chunks in memory."""
    vocab: dict[str, int] = {}
    ids: list[np.ndarray] = []
    lengths: list[np.ndarray] = []

    def merge(result: tuple[list[str], bytes, bytes]) -> None:
        terms, local_ids, local_lengths = result
        renumber = np.fromiter((vocab.setdefault(t, len(vocab)) for t in terms), dtype=np.int32, count=len(terms))
        ids.append(renumber[np.frombuffer(local_ids, dtype=np.int32)])
        lengths.append(np.frombuffer(local_lengths, dtype=np.int64))

    if workers > 1:
        with _pool(workers) as pool:
            for result in pool.imap(tokenize_chunk, _chunks(pairs, chunk)):
                merge(result)
    else:
        for part in _chunks(pairs, chunk):
            merge(tokenize_chunk(part))
    flat = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int32)
    return flat, np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64), vocab


def index_texts(pairs: Iterable[tuple[str, str | None]], workers: int = 1, chunk: int = CHUNK) -> BM25Index:
    """A BM25 index over (text, language) pairs, tokenized in `workers` processes: the index
    `BM25Index.build` would make of `[tokenize(text, language) for text, language in pairs]`."""
    ids, lengths, vocab = tokenize_texts(pairs, workers, chunk)
    return BM25Index.from_ids(ids, lengths, vocab)


def _pool(workers: int) -> multiprocessing.pool.Pool:
    """Fresh worker processes (spawned, not forked: a fork would copy locks other threads hold), each
    loading the segmenter and dictionaries once."""
    return mp.get_context("spawn").Pool(workers, initializer=_warm_up)


def _warm_up() -> None:
    tokenize("预热 warm-up")
