"""Benchmark workers: each build runs in a fresh process, so that its peak memory is its own; the searches
of every engine then run side by side in one process.

    python -m benchmarks.engines prepare DIR SIZE [WORKERS]     synthetic corpus -> DIR/texts.tsv
    python -m benchmarks.engines build ENGINE DIR [WORKERS]     build one engine, save it under DIR
    python -m benchmarks.engines search DIR QUERIES ROUNDS REF  every engine, the same queries, interleaved

ENGINE is `ours`, `bm25s`, `tantivy` or `rank-bm25`. `ours` is interview-bot's whole build from text:
retrieval.build tokenizes the texts on WORKERS processes, then BM25Index.from_ids; it then saves the index,
the term numbers the other engines are built from (so their build times leave tokenizing out) and the
queries. bm25s is built from those term numbers (method "robertson", our k1 and b) and searched with its
numba backend; tantivy gets every passage's terms as a pre-tokenized text field (term frequencies, no
positions) and is searched with a boolean OR of term queries; rank-bm25 is BM25Okapi with our parameters.
Each command prints one JSON line: a build's seconds and peak resident memory (VmHWM of its own process,
inputs included, and the memory the inputs took before building); a search's p50/p95 per engine in ms.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import random
import resource
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing import get_context
from pathlib import Path

import numpy as np

TOP_K = 10
CHUNK = 5000  # passages per generating task
ENGINES = ("ours", "bm25s", "tantivy", "rank-bm25")
RANK_BM25_MAX = 200_000  # rank-bm25 scores every passage in Python: not built above this size
TANTIVY_HEAP = 128_000_000  # the writer's indexing budget (bytes, shared by its threads)


def peak_mb() -> float:
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


# -- the corpus ---------------------------------------------------------------------------------------
def escape(text: str) -> str:
    """One passage on one line: backslash, newline and carriage return escaped (passages hold paragraph
    breaks; a line per paragraph would split them)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def unescape(line: str) -> str:
    if "\\" not in line:
        return line
    out = []
    i = 0
    while True:
        j = line.find("\\", i)
        if j < 0 or j + 1 >= len(line):
            out.append(line[i:])
            return "".join(out)
        out.append(line[i:j])
        out.append({"n": "\n", "r": "\r"}.get(line[j + 1], line[j + 1]))
        i = j + 2


def _generate_chunk(args: tuple[int, int, int]) -> tuple[str, int]:
    """Passages [start, start+n) of the synthetic corpus of seed `seed`: one "language TAB text" line each,
    and the texts' size in UTF-8 bytes."""
    from benchmarks.synth import passages

    start, n, seed = args
    pairs = passages(n, seed=seed * 1_000_003 + start)
    return "".join(f"{lang}\t{escape(text)}\n" for text, lang in pairs), sum(len(text.encode()) for text, _ in pairs)


def prepare(folder: Path, size: int, workers: int) -> dict:
    """Generate a synthetic corpus of `size` passages (in parallel) into texts.tsv (not timed as building)."""
    started = time.perf_counter()
    tasks = [(s, min(CHUNK, size - s), size) for s in range(0, size, CHUNK)]
    n_bytes = 0
    # spawned, not forked: a fork copies the caller's threads' locks and signal handlers (a test run, a bot)
    with get_context("spawn").Pool(workers) as pool, \
            open(folder / "texts.tsv", "w", encoding="utf-8", newline="\n") as out:
        for lines, chunk_bytes in pool.imap(_generate_chunk, tasks):
            out.write(lines)
            n_bytes += chunk_bytes
    return {"passages": size, "mb": n_bytes / 1e6, "generate_s": time.perf_counter() - started}


def read_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """The prepared corpus, streamed: (text, language) pairs, one a line."""
    with open(folder / "texts.tsv", encoding="utf-8", newline="\n") as fh:
        for line in fh:
            lang, _, text = line[:-1].partition("\t")
            yield unescape(text), lang


# -- building ------------------------------------------------------------------------------------------
class ChildPeaks:
    """Samples the peak resident memory (VmHWM) of this process's multiprocessing children every 0.2 s
    (the tokenizing workers): their peaks, added up, are part of a build's memory."""

    def __init__(self) -> None:
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ChildPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            for child in multiprocessing.active_children():
                try:
                    with open(f"/proc/{child.pid}/status") as fh:
                        hwm = next(int(x.split()[1]) for x in fh if x.startswith("VmHWM:")) / 1024
                except (OSError, StopIteration, ValueError):
                    continue
                self.peaks[child.pid] = max(hwm, self.peaks.get(child.pid, 0.0))

    @property
    def total_mb(self) -> float:
        return sum(self.peaks.values())


def build_ours(folder: Path, workers: int, n_queries: int = 1000) -> dict:
    """Time interview-bot's whole build (tokenizing on `workers` processes + the index), then save the
    index, the term numbers and the queries the other engines are given."""
    from benchmarks.synth import real_questions
    from retrieval.bm25 import BM25Index
    from retrieval.build import tokenize_parts
    from retrieval.tokenize import tokenize

    base = current_rss_mb()
    started = time.perf_counter()
    with ChildPeaks() as children:
        id_parts, length_parts, vocab = tokenize_parts(read_texts(folder), workers=workers, spool=True)
    tokenized = time.perf_counter()
    index = BM25Index.from_ids(id_parts, length_parts, vocab)
    built = time.perf_counter()
    peak = peak_mb()
    index.save(folder / "ours.npz")
    ids, lengths = np.concatenate(list(id_parts)), np.concatenate(length_parts)  # after the peak was read
    del id_parts, length_parts
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
    return {"engine": "ours", "tokenize_s": tokenized - started, "index_s": built - tokenized,
            "build_s": built - started, "peak_mb": peak, "workers_peak_mb": children.total_mb, "input_mb": base,
            "tokens": len(ids), "vocab": len(vocab), "passages": len(lengths), "workers": workers,
            "index_mb": index_mb(index)}


def index_mb(index: object) -> float:
    """The arrays an index of ours holds, MB (its vocabulary dict not counted)."""
    w = index.weights  # type: ignore[attr-defined]
    return sum(a.nbytes for a in (w.indptr, w.indices, w.tf, w.idf, w.lengths, w.norm)) / 2**20


def load_ids(folder: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The term numbers, lengths and vocabulary saved by `build_ours`."""
    ids = np.load(folder / "ids.npy")
    lengths = np.load(folder / "lengths.npy")
    terms = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
    return ids, lengths, terms


def _bm25s_from_ids(ids: np.ndarray, lengths: np.ndarray, terms: list[str]) -> object:
    import bm25s
    from bm25s.tokenization import Tokenized

    from retrieval.bm25 import K1, B

    bounds = np.concatenate(([0], np.cumsum(lengths))).tolist()
    # bm25s takes a list of int lists: its peak holds them (the least its API allows)
    doc_ids = [ids[bounds[i]:bounds[i + 1]].tolist() for i in range(len(lengths))]
    retriever = bm25s.BM25(k1=K1, b=B, method="robertson", backend="numba")
    retriever.index(Tokenized(ids=doc_ids, vocab={t: i for i, t in enumerate(terms)}), show_progress=False)
    return retriever


def _rank_bm25_from_ids(ids: np.ndarray, lengths: np.ndarray, terms: list[str]) -> object:
    from rank_bm25 import BM25Okapi

    from retrieval.bm25 import EPSILON, K1, B

    bounds = np.concatenate(([0], np.cumsum(lengths))).tolist()
    flat = ids.tolist()
    docs = [[terms[t] for t in flat[bounds[i]:bounds[i + 1]]] for i in range(len(lengths))]
    del flat
    return BM25Okapi(docs, k1=K1, b=B, epsilon=EPSILON)


def _tantivy_build(folder: Path, ids: np.ndarray, lengths: np.ndarray, terms: list[str], threads: int) -> None:
    """Every passage's terms as a pre-tokenized text field (each term one token, positions in order)."""
    import tantivy

    target = folder / "tantivy"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", tokenizer_name="raw", index_option="freq")
    index = tantivy.Index(sb.build(), path=str(target))
    writer = index.writer(TANTIVY_HEAP, threads)
    bounds = np.concatenate(([0], np.cumsum(lengths))).tolist()
    Token, Pre, Document = tantivy.Token, tantivy.PreTokenizedString, tantivy.Document
    for i in range(len(lengths)):  # one document's terms at a time (no list of every token)
        words = [terms[t] for t in ids[bounds[i]:bounds[i + 1]].tolist()]
        tokens = []
        at = 0
        for pos, w in enumerate(words):
            tokens.append(Token(w, pos, at, at + len(w)))
            at += len(w) + 1
        doc = Document()
        doc.add_pre_tokenized_text("body", Pre(" ".join(words), tokens))
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()


def build_other(engine: str, folder: Path, workers: int) -> dict:
    """Build bm25s, tantivy or rank-bm25 from the term numbers `ours` saved; bm25s is saved for the search."""
    ids, lengths, terms = load_ids(folder)
    base = current_rss_mb()
    started = time.perf_counter()
    if engine == "bm25s":
        retriever = _bm25s_from_ids(ids, lengths, terms)
        built = time.perf_counter()
        retriever.save(str(folder / "bm25s"))  # type: ignore[attr-defined]
    elif engine == "tantivy":
        _tantivy_build(folder, ids, lengths, terms, max(1, workers))
        built = time.perf_counter()
    elif engine == "rank-bm25":
        _rank_bm25_from_ids(ids, lengths, terms)
        built = time.perf_counter()
    else:
        raise SystemExit(f"unknown engine {engine}")
    return {"engine": engine, "build_s": built - started, "peak_mb": peak_mb(), "input_mb": base}


# -- searching -----------------------------------------------------------------------------------------
Search = Callable[[list[str]], list[int]]


def searchers(folder: Path, ref_ok: bool) -> dict[str, Search]:
    """Each engine loaded from what its build saved, as q -> the top-10 document numbers."""
    from retrieval.bm25 import BM25Index

    out: dict[str, Search] = {}
    index = BM25Index.load(folder / "ours.npz")

    def ours(q: list[str]) -> list[int]:
        return [d for d, _ in index.top(q, TOP_K)]

    out["ours"] = ours
    out["bm25s"] = _bm25s_search(folder)
    out["tantivy"] = _tantivy_search(folder)
    if ref_ok:
        ids, lengths, terms = load_ids(folder)
        ref = _rank_bm25_from_ids(ids, lengths, terms)
        del ids

        def rank_bm25(q: list[str]) -> list[int]:
            scores = ref.get_scores(q)  # type: ignore[attr-defined]
            best = np.argpartition(-scores, TOP_K - 1)[:TOP_K] if len(scores) > TOP_K else np.arange(len(scores))
            best = best[scores[best] > 0]
            rank_bm25.last = scores  # type: ignore[attr-defined]
            return sorted(best.tolist(), key=lambda d: (-scores[d], d))

        out["rank-bm25"] = rank_bm25
    return out


def _bm25s_search(folder: Path) -> Search:
    """bm25s with its numba backend, called as its own `retrieve` calls it for one query (the compiled
    serial kernel: scores into a float32 array, then its compiled top-k), without retrieve's Python
    wrapping (which costs more than the search at 10k)."""
    import bm25s
    from bm25s.numba.retrieve_utils import _retrieve_internal_jitted_serial as kernel

    retriever = bm25s.BM25.load(str(folder / "bm25s"), load_corpus=False)
    retriever.backend = "numba"
    vocab = retriever.vocab_dict
    s = retriever.scores
    data, indptr, indices, n_docs = s["data"], s["indptr"], s["indices"], s["num_docs"]
    dtype, int_dtype = np.dtype(retriever.dtype), np.dtype(retriever.int_dtype)
    nonocc = retriever.nonoccurrence_array

    def search(q: list[str]) -> list[int]:
        known = [vocab[t] for t in q if t in vocab]
        if not known:
            return []
        flat = np.asarray(known, dtype=int_dtype)
        pointers = np.array([0, len(known)], dtype=int_dtype)
        scores, docs = kernel(flat, pointers, TOP_K, True, dtype, int_dtype, data, indptr, indices, n_docs,
                              nonocc, None)
        return docs[0][scores[0] > 0].tolist()

    return search


def _tantivy_search(folder: Path) -> Search:
    import tantivy

    index = tantivy.Index.open(str(folder / "tantivy"))
    index.reload()
    searcher = index.searcher()
    schema = index.schema
    should = tantivy.Occur.Should
    term_query, boolean_query = tantivy.Query.term_query, tantivy.Query.boolean_query

    def search(q: list[str]) -> list[int]:
        query = boolean_query([(should, term_query(schema, "body", t)) for t in q])
        return [addr.doc for _, addr in searcher.search(query, TOP_K, count=False).hits]

    return search


def same_ranking(got: list[int], want: list[int], scores: np.ndarray, rel: float = 1e-9) -> bool:
    """Whether `got` ranks like `want` by the reference `scores`: as many documents, and the i-th of each
    has the same score (documents of equal score may change places: rank-bm25 adds a query's repeated
    terms one by one, we multiply, so exact ties can differ in the last bit)."""
    if len(got) != len(want):
        return False
    return all(abs(scores[g] - scores[w]) <= rel * max(1.0, abs(scores[w])) for g, w in zip(got, want, strict=True))


def search_all(folder: Path, n_queries: int, rounds: int, ref_queries: int) -> dict:
    """Every engine in this one process, the same queries interleaved (query by query, the engines' order
    rotating), `rounds` times; rank-bm25 answers only the first `ref_queries` queries, once. Also checks
    that our top 10 is rank-bm25's (same documents in the same order)."""
    queries: list[list[str]] = json.loads((folder / "queries.json").read_text(encoding="utf-8"))[:n_queries]
    n_docs = int(np.load(folder / "lengths.npy", mmap_mode="r").shape[0])
    engines = searchers(folder, n_docs <= RANK_BM25_MAX and ref_queries > 0)
    names = [e for e in ENGINES if e in engines and e != "rank-bm25"]
    samples: dict[str, list[int]] = {e: [] for e in engines}
    for q in queries[:20]:  # warm up: compiled kernels, caches, page faults of the loaded files
        for e in names:
            engines[e](q)
    gc.collect()
    gc.disable()
    try:
        for r in range(rounds):
            for i, q in enumerate(queries):
                turn = (i + r) % len(names)
                for e in names[turn:] + names[:turn]:
                    t0 = time.perf_counter_ns()
                    engines[e](q)
                    samples[e].append(time.perf_counter_ns() - t0)
        mismatches = 0
        if "rank-bm25" in engines:
            for q in queries[:ref_queries]:
                t0 = time.perf_counter_ns()
                want = engines["rank-bm25"](q)
                samples["rank-bm25"].append(time.perf_counter_ns() - t0)
                mismatches += not same_ranking(engines["ours"](q), want, engines["rank-bm25"].last)  # type: ignore[attr-defined]
    finally:
        gc.enable()
    out: dict = {"queries": len(queries), "rounds": rounds, "engines": {}}
    for e, ns in samples.items():
        ms = np.array(ns, dtype=np.float64) / 1e6
        out["engines"][e] = {"p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95)),
                             "samples": len(ms)}
    if "rank-bm25" in engines:
        out["rank_bm25_top10_mismatches"] = mismatches
    return out


def main(argv: list[str]) -> None:
    if argv[0] == "prepare":
        workers = int(argv[3]) if len(argv) > 3 else os.cpu_count() or 1
        print(json.dumps(prepare(Path(argv[1]), int(argv[2]), workers)))
    elif argv[0] == "build":
        engine, folder = argv[1], Path(argv[2])
        workers = int(argv[3]) if len(argv) > 3 else os.cpu_count() or 1
        print(json.dumps(build_ours(folder, workers) if engine == "ours" else build_other(engine, folder, workers)))
    elif argv[0] == "search":
        print(json.dumps(search_all(Path(argv[1]), int(argv[2]), int(argv[3]), int(argv[4]))))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
