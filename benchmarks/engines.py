"""Benchmark workers, each run in a fresh process so that its peak memory is its own.

    python -m benchmarks.engines prepare DIR SIZE      synthetic corpus -> tokens (as term ids) + queries
    python -m benchmarks.engines ENGINE DIR QUERIES    build one BM25 engine and time QUERIES searches

ENGINE is `ours` (retrieval.bm25.BM25Index), `rank-bm25` (BM25Okapi) or `bm25s`. Each prints one JSON
line: build seconds, peak resident memory (ru_maxrss) and the memory the inputs took before building,
query latency percentiles in milliseconds (top-10 per query).
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from array import array
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


def _tokenize_chunk(args: tuple[int, int, int]) -> tuple[str, int]:
    """Generate and tokenize passages [start, start+n) of the corpus of seed `seed`: one line each."""
    from benchmarks.synth import passages
    from retrieval.tokenize import tokenize

    start, n, seed = args
    texts = passages(n, seed=seed * 1_000_003 + start)
    return "\n".join(" ".join(tokenize(t)) for t in texts), sum(len(t.encode("utf-8")) for t in texts)


def prepare(folder: Path, size: int, workers: int, n_queries: int) -> dict:
    """Tokenize a synthetic corpus (in parallel) into flat term ids; pick queries."""
    from benchmarks.synth import real_questions
    from retrieval.tokenize import tokenize

    started = time.perf_counter()
    vocab: dict[str, int] = {}
    ids = array("i")
    lengths = array("q")
    n_bytes = 0
    tasks = [(s, min(CHUNK, size - s), size) for s in range(0, size, CHUNK)]
    sample: list[list[str]] = []
    rng = random.Random(size)
    with Pool(workers) as pool:
        for lines, nb in pool.imap(_tokenize_chunk, tasks):
            n_bytes += nb
            for line in lines.split("\n"):
                doc = line.split(" ") if line else []
                ids.extend([vocab.setdefault(t, len(vocab)) for t in doc])
                lengths.append(len(doc))
                if doc and rng.random() < 0.002 and len(sample) < 5000:
                    sample.append(doc)
    tokenize_s = time.perf_counter() - started
    # queries: the real evaluation questions and 2-5 terms drawn from random synthetic passages
    queries = [q for q in (tokenize(t) for t in real_questions()) if q]
    while len(queries) < 2 * n_queries and sample:
        doc = rng.choice(sample)
        queries.append(rng.sample(doc, min(len(doc), rng.randint(2, 5))))
    rng.shuffle(queries)
    np.save(folder / "ids.npy", np.frombuffer(ids, dtype=np.int32))
    np.save(folder / "lengths.npy", np.frombuffer(lengths, dtype=np.int64))
    terms = sorted(vocab, key=vocab.__getitem__)
    (folder / "vocab.txt").write_text("\n".join(terms), encoding="utf-8")
    (folder / "queries.json").write_text(json.dumps(queries[:n_queries], ensure_ascii=False), encoding="utf-8")
    return {"passages": size, "tokens": len(ids), "vocab": len(vocab), "mb": n_bytes / 1e6,
            "tokenize_s": tokenize_s, "workers": workers, "peak_mb": rss_mb()}


def load(folder: Path) -> tuple[np.ndarray, np.ndarray, list[str], list[list[str]]]:
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


def run_engine(engine: str, folder: Path, n_queries: int) -> dict:
    ids, lengths, terms, queries = load(folder)
    queries = queries[:n_queries]
    base = current_rss_mb()
    started = time.perf_counter()
    if engine == "ours":
        from retrieval.bm25 import BM25Index

        index = BM25Index.from_ids(ids, lengths, {t: i for i, t in enumerate(terms)})

        def search(q: list[str]) -> object:
            return index.top(q, TOP_K)
    elif engine == "rank-bm25":
        from rank_bm25 import BM25Okapi

        from retrieval.bm25 import EPSILON, K1, B

        offsets = np.concatenate(([0], np.cumsum(lengths)))
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
        offsets = np.concatenate(([0], np.cumsum(lengths)))
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
    build_s = time.perf_counter() - started
    for q in queries[:3]:  # warm up
        search(q)
    samples = []
    for q in queries:
        t0 = time.perf_counter_ns()
        search(q)
        samples.append(time.perf_counter_ns() - t0)
    return {"engine": engine, "build_s": build_s, "peak_mb": rss_mb(), "input_mb": base, **percentiles(samples)}


def main(argv: list[str]) -> None:
    if argv[0] == "prepare":
        folder, size = Path(argv[1]), int(argv[2])
        workers = int(argv[3]) if len(argv) > 3 else os.cpu_count() or 1
        n_queries = int(argv[4]) if len(argv) > 4 else 200
        print(json.dumps(prepare(folder, size, workers, n_queries)))
    else:
        print(json.dumps(run_engine(argv[0], Path(argv[1]), int(argv[2]))))


if __name__ == "__main__":
    main(sys.argv[1:])
