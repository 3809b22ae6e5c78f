"""Benchmark workers, each run in a fresh process so that its peak memory is its own.

    python -m benchmarks.engines prepare DIR SIZE [WORKERS]          synthetic corpus -> DIR/texts.tsv
    python -m benchmarks.engines ENGINE DIR QUERIES [WORKERS]        build one engine, time QUERIES searches

ENGINE is `ours`, `rank-bm25` (BM25Okapi) or `bm25s`. `ours` is interview-bot's whole build from text:
retrieval.build tokenizes the texts on WORKERS processes, then BM25Index.from_ids; it then saves the
term numbers (and the queries) that `rank-bm25` and `bm25s` are built from, so their build times leave
tokenizing out. Each prints one JSON line: build seconds, peak resident memory (VmHWM) and the memory
the inputs took before building, query latency percentiles in milliseconds (top-10 per query).
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from collections.abc import Iterator
from multiprocessing import Pool
from pathlib import Path

import numpy as np

TOP_K = 10
CHUNK = 5000  # passages per tokenizing task


def rss_mb() -> float:
    """Peak resident memory of this process so far, MB (VmHWM: ru_maxrss would include the parent's
    peak, which Linux carries across exec)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _generate_chunk(args: tuple[int, int, int]) -> tuple[str, int]:
    """Passages [start, start+n) of the synthetic corpus of seed `seed`: one "language TAB text" line each,
    and the texts' size in UTF-8 bytes."""
    from benchmarks.synth import passages

    start, n, seed = args
    pairs = passages(n, seed=seed * 1_000_003 + start)
    return "\n".join(f"{lang}\t{text}" for text, lang in pairs), sum(len(text.encode()) for text, _ in pairs)


def prepare(folder: Path, size: int, workers: int) -> dict:
    """Generate a synthetic corpus of `size` passages (in parallel) into texts.tsv (not timed as building)."""
    started = time.perf_counter()
    tasks = [(s, min(CHUNK, size - s), size) for s in range(0, size, CHUNK)]
    n_bytes = 0
    with Pool(workers) as pool, open(folder / "texts.tsv", "w", encoding="utf-8") as out:
        for lines, chunk_bytes in pool.imap(_generate_chunk, tasks):
            out.write(lines + "\n")
            n_bytes += chunk_bytes
    return {"passages": size, "mb": n_bytes / 1e6, "generate_s": time.perf_counter() - started}


def read_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """The prepared corpus, streamed: (text, language) pairs."""
    with open(folder / "texts.tsv", encoding="utf-8") as fh:
        for line in fh:
            lang, _, text = line.rstrip("\n").partition("\t")
            yield text, lang


def build_ours(folder: Path, workers: int, n_queries: int) -> tuple[object, dict]:
    """Time interview-bot's whole build (tokenizing on `workers` processes + the index), then save the
    term numbers and queries the other engines are given."""
    from benchmarks.synth import real_questions
    from retrieval.bm25 import BM25Index
    from retrieval.build import tokenize_texts
    from retrieval.tokenize import tokenize

    base = current_rss_mb()
    started = time.perf_counter()
    ids, lengths, vocab = tokenize_texts(read_texts(folder), workers=workers)
    tokenized = time.perf_counter()
    index = BM25Index.from_ids(ids, lengths, vocab)
    built = time.perf_counter()
    peak = rss_mb()
    np.save(folder / "ids.npy", ids)
    np.save(folder / "lengths.npy", lengths)
    terms = sorted(vocab, key=vocab.__getitem__)
    (folder / "vocab.txt").write_text("\n".join(terms), encoding="utf-8")
    # queries: the real evaluation questions and 2-5 terms drawn from random synthetic passages
    rng = random.Random(len(lengths))
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    queries = [q for q in (tokenize(t) for t in real_questions()) if q]
    while len(queries) < 2 * n_queries:
        d = rng.randrange(len(lengths))
        doc = [terms[t] for t in ids[offsets[d]:offsets[d + 1]].tolist()]
        if doc:
            queries.append(rng.sample(doc, min(len(doc), rng.randint(2, 5))))
    rng.shuffle(queries)
    (folder / "queries.json").write_text(json.dumps(queries[:n_queries], ensure_ascii=False), encoding="utf-8")
    return index, {"tokenize_s": tokenized - started, "index_s": built - tokenized, "build_s": built - started,
                   "peak_mb": peak, "input_mb": base, "tokens": len(ids), "vocab": len(vocab), "workers": workers}


def load(folder: Path) -> tuple[np.ndarray, np.ndarray, list[str], list[list[str]]]:
    """The term numbers, lengths, vocabulary and queries saved by `build_ours`."""
    ids = np.load(folder / "ids.npy")
    lengths = np.load(folder / "lengths.npy")
    terms = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
    queries = json.loads((folder / "queries.json").read_text(encoding="utf-8"))
    return ids, lengths, terms, queries


def percentiles(samples_ns: list[int]) -> dict:
    ms = np.array(samples_ns, dtype=np.float64) / 1e6
    return {"p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95)), "queries": len(ms)}


def top_k(scores: np.ndarray, k: int = TOP_K) -> np.ndarray:
    k = min(k, len(scores))
    idx = np.argpartition(-scores, k - 1)[:k]
    return idx[np.argsort(-scores[idx])]


def reference_search(engine: str, folder: Path) -> tuple[object, dict]:
    """Build rank-bm25 or bm25s from the term numbers `ours` saved: (search function, build figures)."""
    ids, lengths, terms, _ = load(folder)
    base = current_rss_mb()
    started = time.perf_counter()
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    if engine == "rank-bm25":
        from rank_bm25 import BM25Okapi

        from retrieval.bm25 import EPSILON, K1, B

        docs = [[terms[t] for t in ids[offsets[i]:offsets[i + 1]].tolist()] for i in range(len(lengths))]
        del ids
        ref = BM25Okapi(docs, k1=K1, b=B, epsilon=EPSILON)
        del docs

        def search(q: list[str]) -> object:
            return top_k(ref.get_scores(q))
    elif engine == "bm25s":
        import bm25s
        from bm25s.tokenization import Tokenized

        from retrieval.bm25 import K1, B

        vocab = {t: i for i, t in enumerate(terms)}
        doc_ids = [ids[offsets[i]:offsets[i + 1]].tolist() for i in range(len(lengths))]
        del ids
        retriever = bm25s.BM25(k1=K1, b=B, method="robertson")
        retriever.index(Tokenized(ids=doc_ids, vocab=vocab), show_progress=False)
        del doc_ids

        def search(q: list[str]) -> object:
            known = [vocab[t] for t in q if t in vocab]
            if not known:
                return []
            return top_k(retriever.get_scores_from_ids(known))
    else:
        raise SystemExit(f"unknown engine {engine}")
    return search, {"build_s": time.perf_counter() - started, "peak_mb": rss_mb(), "input_mb": base}


def run_engine(engine: str, folder: Path, n_queries: int, workers: int = 1) -> dict:
    """Build one engine and time `n_queries` top-10 searches. `ours` runs first (it tokenizes the corpus
    and saves the term numbers and queries the others use)."""
    if engine == "ours":
        index, figures = build_ours(folder, workers, n_queries)

        def search(q: list[str]) -> object:
            return index.top(q, TOP_K)
    else:
        search, figures = reference_search(engine, folder)
    queries = json.loads((folder / "queries.json").read_text(encoding="utf-8"))[:n_queries]
    for q in queries[:3]:  # warm up
        search(q)
    samples = []
    for q in queries:
        t0 = time.perf_counter_ns()
        search(q)
        samples.append(time.perf_counter_ns() - t0)
    return {"engine": engine, **figures, **percentiles(samples)}


def main(argv: list[str]) -> None:
    workers = int(argv[3]) if len(argv) > 3 else os.cpu_count() or 1
    if argv[0] == "prepare":
        print(json.dumps(prepare(Path(argv[1]), int(argv[2]), workers)))
    else:
        print(json.dumps(run_engine(argv[0], Path(argv[1]), int(argv[2]), workers)))


if __name__ == "__main__":
    main(sys.argv[1:])
