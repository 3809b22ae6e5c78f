"""One command that measures interview-bot's speed and memory beside bm25s (numba), tantivy and rank-bm25.

    python benchmarks/bench.py [--sizes 10k,100k,1m] [--queries 200] [--rounds 5] [--cold-runs 5]
    interview-bot bench ...                       (the same)

For every size a synthetic corpus is generated (benchmarks/synth.py; one passage a line, paragraph breaks
kept inside it). Each engine is then built in a process of its own (its peak memory is that process's
VmHWM, inputs included; ours also counts its tokenizing workers' peaks): ours from the text (tokenizing
included), bm25s, tantivy and rank-bm25 from our term numbers (tokenizing left out). Then one process
loads every engine and runs the same queries through all of them, interleaved query by query, --rounds
times: p50 and p95 per engine, and the ratios to ours (> 1: ours is faster). rank-bm25 scores every
passage in Python: it answers --ref-queries queries once, is skipped above 200k passages, and its top 10
is compared with ours. Then: tokenizer throughput, the cold start of `interview-bot ask` on a built
database, answer() latency on the bundled corpus, and a Telegram bot's memory (benchmarks/telegram_load.py).
Targets are printed next to the figures, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

RANK_BM25_MAX = 200_000
COLD_QUESTION = "戴雨森怎么看 AI 创业的机会？"
ENGINES = ("ours", "bm25s", "tantivy", "rank-bm25")


def parse_size(text: str) -> int:
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * mult)


def label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n // 1000}k" if n >= 1000 else str(n)


def worker(*args: str, timeout: float = 7200) -> dict:
    """Run benchmarks.engines in a fresh interpreter; its last stdout line is JSON."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-m", "benchmarks.engines", *args], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=timeout, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"benchmarks.engines {' '.join(args)} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def say(text: str = "") -> None:
    print(text, flush=True)


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# -- index: ours vs bm25s vs tantivy vs rank-bm25 ------------------------------------------------------
def bench_sizes(sizes: list[int], n_queries: int, rounds: int, ref_queries: int, workers: int,
                keep: Path | None = None) -> list[dict]:
    rows = []
    for size in sizes:
        if keep is not None:  # prepared corpora are kept (and reused) under `keep`
            folder = keep / label(size)
            folder.mkdir(parents=True, exist_ok=True)
        else:
            folder = Path(tempfile.mkdtemp(prefix=f"bm25-bench-{label(size)}-"))
        try:
            saved = folder / "prepare.json"
            if saved.exists() and (folder / "texts.tsv").exists():
                prep = json.loads(saved.read_text(encoding="utf-8"))
                say(f"[{label(size)}] reusing the corpus prepared in {folder}")
            else:
                prep = worker("prepare", str(folder), str(size), str(workers))
                saved.write_text(json.dumps(prep), encoding="utf-8")
            say(f"[{label(size)}] {prep['passages']} passages, {prep['mb']:.0f} MB text "
                f"(generated in {prep['generate_s']:.1f} s, not part of any build)")
            result: dict = {"size": size, "prepare": prep, "builds": {}, "load_before": load_average()}
            for engine in ENGINES:
                if engine == "rank-bm25" and size > RANK_BM25_MAX:
                    continue
                r = worker("build", engine, str(folder), str(workers))
                result["builds"][engine] = r
                if engine == "ours":
                    say(f"[{label(size)}] ours: {r['tokens']} tokens, vocabulary {r['vocab']}; tokenized on "
                        f"{r['workers']} processes in {r['tokenize_s']:.1f} s "
                        f"({prep['mb'] / r['tokenize_s']:.1f} MB/s, "
                        f"workers' peaks {r['workers_peak_mb']:.0f} MB), index built in {r['index_s']:.1f} s "
                        f"({r['index_mb']:.0f} MB of arrays)")
                say(f"[{label(size)}] {engine:9s} build {r['build_s']:7.2f} s  peak {r['peak_mb']:7.0f} MB "
                    f"(inputs {r['input_mb']:.0f} MB)")
            search = worker("search", str(folder), str(n_queries), str(rounds),
                            str(ref_queries if size <= RANK_BM25_MAX else 0))
            result["search"] = search
            result["load_after"] = load_average()
            for engine, r in search["engines"].items():
                say(f"[{label(size)}] {engine:9s} search p50 {r['p50_ms']:8.3f} ms  p95 {r['p95_ms']:8.3f} ms  "
                    f"({r['samples']} searches)")
            if "rank_bm25_top10_mismatches" in search:
                say(f"[{label(size)}] ours' top 10 differs from rank-bm25's in {search['rank_bm25_top10_mismatches']} "
                    f"of {search['engines']['rank-bm25']['samples']} queries")
            rows.append(result)
        finally:
            if keep is None:
                shutil.rmtree(folder, ignore_errors=True)
    return rows


def print_index_table(rows: list[dict]) -> None:
    say()
    say("Search (top 10, same queries, engines interleaved in one process), p50 / p95 in ms; x = how many times"
        " faster ours is")
    head = (f"{'passages':>9} | {'ours':>15} | {'bm25s-numba':>15} {'x':>11} | {'tantivy':>15} {'x':>11} | "
            f"{'rank-bm25':>15} {'x':>9}")
    say(head)
    say("-" * len(head))
    for row in rows:
        e = row["search"]["engines"]
        ours = e["ours"]

        def pp(r: dict | None) -> str:
            return f"{r['p50_ms']:.3f} / {r['p95_ms']:.3f}" if r else "-"

        def ratio(r: dict | None, digits: int = 2, ours: dict = ours) -> str:
            if not r:
                return "-"
            return f"{r['p50_ms'] / ours['p50_ms']:.{digits}f}/{r['p95_ms'] / ours['p95_ms']:.{digits}f}"

        b25, tan, ref = e.get("bm25s"), e.get("tantivy"), e.get("rank-bm25")
        say(f"{label(row['size']):>9} | {pp(ours):>15} | {pp(b25):>15} {ratio(b25):>11} | {pp(tan):>15} "
            f"{ratio(tan):>11} | {pp(ref):>15} {ratio(ref, 0):>9}")
    say()
    say("Build and memory (each engine in its own process; peak = VmHWM, inputs included)")
    head = f"{'passages':>9} | " + " | ".join(f"{e:>22}" for e in ENGINES)
    say(head)
    say("-" * len(head))
    for row in rows:
        cells = []
        for engine in ENGINES:
            r = row["builds"].get(engine)
            if r is None:
                cells.append(f"{'-':>22}")
                continue
            extra = f"+{r['workers_peak_mb']:.0f}" if engine == "ours" else ""
            cells.append(f"{r['build_s']:7.1f} s {r['peak_mb']:6.0f}{extra} MB".rjust(22))
        say(f"{label(row['size']):>9} | " + " | ".join(cells))
    say("ours: from text, tokenizing on every core included (peak of the building process + its tokenizing"
        " workers' peaks); the others from our term numbers (tokenizing left out).")
    say("Load average before/after each size: " + ", ".join(
        f"{label(r['size'])} {r['load_before']} / {r['load_after']}" for r in rows))
    say("Targets: p50 and p95 no slower than bm25s-numba at every size; 1M build (tokenizing included)"
        " <= 40 s with peak <= 1 GB.")


# -- tokenizer, cold start, answer() ------------------------------------------------------------------
def bench_tokenizer() -> dict:
    from corpus.loader import load_bundled
    from retrieval import tokenize as tk

    texts = [p.text for p in load_bundled().passages]
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    tk.use_fast_segmenter()  # as indexing does: rjieba
    t0 = time.perf_counter()
    tk.tokenize("预热 warm up")  # loads the segmenter and dictionaries
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        tk.tokenize(t)
    cold_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(3):
        for t in texts:
            tk.tokenize(t)
    warm_s = (time.perf_counter() - t0) / 3
    runs = [r for t in texts for r in tk.HAN.findall(tk.normalize(t)[0])]
    han_bytes = sum(len(r.encode("utf-8")) for r in runs)
    seg = tk._segmenter()
    t0 = time.perf_counter()
    for _ in range(5):
        for r in runs:
            seg(r)
    seg_s = (time.perf_counter() - t0) / 5
    out = {"segmenter_load_s": load_s, "tokenize_first_mb_s": n_bytes / 1e6 / cold_s,
           "tokenize_mb_s": n_bytes / 1e6 / warm_s, "segment_mb_s": han_bytes / 1e6 / seg_s}
    say(f"Tokenizer: segmenter + dictionaries load {load_s:.2f} s; tokenize {out['tokenize_mb_s']:.2f} MB/s "
        f"(first pass {out['tokenize_first_mb_s']:.2f} MB/s); Han segmentation alone (rjieba, HMM off) "
        f"{out['segment_mb_s']:.1f} MB/s")
    return out


def _cli() -> list[str]:
    """The `interview-bot` command of this environment (the module, where the script is not installed)."""
    exe = Path(sys.executable).with_name("interview-bot")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "bot.adapters.cli"]


def bench_cold_start(runs: int) -> dict:
    """Wall and CPU time of `interview-bot ask` in a fresh process, the database already built."""
    cmd = _cli()
    home = tempfile.mkdtemp(prefix="bench-cold-")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update(XDG_DATA_HOME=home, PYTHONPATH=str(REPO))
    try:
        subprocess.run([*cmd, "ask", COLD_QUESTION], env=env, cwd=home, capture_output=True, check=True, timeout=600)
        walls, cpus = [], []
        for _ in range(runs):
            before = os.times()
            t0 = time.perf_counter()
            subprocess.run([*cmd, "ask", COLD_QUESTION], env=env, cwd=home, capture_output=True, check=True,
                           timeout=120)
            walls.append(time.perf_counter() - t0)
            after = os.times()
            cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    out = {"runs": runs, "wall_min_s": min(walls), "wall_p50_s": statistics.median(walls), "wall_max_s": max(walls),
           "cpu_p50_s": statistics.median(cpus)}
    say(f"Cold start `interview-bot ask` (built database, {runs} runs): wall min {out['wall_min_s']:.2f} s, "
        f"median {out['wall_p50_s']:.2f} s, max {out['wall_max_s']:.2f} s; CPU (user+sys) median "
        f"{out['cpu_p50_s']:.2f} s   [target <= 0.30 s]")
    return out


def bench_answer(rounds: int = 3) -> dict:
    """answer() end to end (tokenize -> search -> Reply with excerpts and highlights), bundled corpus.

    The first pass over the questions meets every passage for the first time; later passes find the
    passages' tokens in the excerpt cache (a bot quoting 478 passages soon has them all): both shown."""
    from benchmarks.synth import real_questions
    from bot.answer import answerer
    from bot.answer.library import Library
    from corpus.loader import load_bundled

    corpus = load_bundled()
    library = Library.build(corpus.articles, corpus.passages)
    questions = real_questions()
    for q in ("Cohere 是哪一年创办的？", "Was sagt Gomez über Datenqualität?", "What about AGI?"):
        answerer.answer(library, q)  # one-time loads: segmenter, glossary, lexicons

    def timed(qs: list[str]) -> list[float]:
        out = []
        for q in qs:
            t0 = time.perf_counter_ns()
            answerer.answer(library, q)
            out.append((time.perf_counter_ns() - t0) / 1e6)
        return sorted(out)

    def pct(xs: list[float], p: float) -> float:
        return xs[min(len(xs) - 1, int(p * len(xs)))]

    first = timed(questions)
    cpu = time.process_time()
    later = sorted(x for _ in range(max(1, rounds - 1)) for x in timed(questions))
    cpu_ms = (time.process_time() - cpu) * 1000 / len(later)
    out = {"first_p50_ms": pct(first, 0.5), "first_p95_ms": pct(first, 0.95), "cpu_mean_ms": cpu_ms,
           "p50_ms": pct(later, 0.5), "p95_ms": pct(later, 0.95), "calls": len(first) + len(later)}
    say(f"answer() on the bundled corpus ({len(library.passages)} passages, {len(questions)} questions): "
        f"first pass p50 {out['first_p50_ms']:.2f} ms, p95 {out['first_p95_ms']:.2f} ms; repeated passes "
        f"p50 {out['p50_ms']:.2f} ms, p95 {out['p95_ms']:.2f} ms, CPU {cpu_ms:.2f} ms a call   [target p50 <= 5 ms]")
    return out


def bench_bot(chats: int = 20, answers: int = 400) -> dict:
    """A Telegram bot's memory as deployed: `interview-bot telegram` in its own process (long polling, the
    database built by a first `ask`), answering `answers` questions of `chats` users (the evaluation
    questions, all four languages) from the fake Bot API of benchmarks/telegram_load.py; its resident
    memory after answering (VmRSS) and at its peak (VmHWM), read from /proc."""
    import multiprocessing as mp
    import urllib.request

    from benchmarks import telegram_load as load
    from benchmarks.synth import real_questions

    cmd = _cli()
    home = tempfile.mkdtemp(prefix="bench-bot-")
    port_out = mp.get_context("spawn").Queue()
    server = mp.get_context("spawn").Process(target=load.serve, daemon=True,
                                             args=(port_out, chats, answers, real_questions(), 0.05))
    server.start()
    bot = None
    stats: dict = {}
    try:
        url = f"http://127.0.0.1:{port_out.get(timeout=30)}"
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",) and not k.startswith("SLACK_")}
        env.update(XDG_DATA_HOME=home, PYTHONPATH=str(REPO), TELEGRAM_BOT_TOKEN=load.TOKEN, TELEGRAM_API_URL=url,
                   LOG_LEVEL="WARNING")
        env.pop("METRICS_PORT", None)
        subprocess.run([*cmd, "ask", COLD_QUESTION], env=env, cwd=home, capture_output=True, check=True, timeout=600)
        bot = subprocess.Popen([*cmd, "telegram"], env=env, cwd=home, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and bot.poll() is None:
            time.sleep(0.5)
            with urllib.request.urlopen(f"{url}/stats", timeout=10) as r:  # the fake API on loopback
                stats = json.loads(r.read())
            if stats.get("done"):
                break
        if bot.poll() is not None:
            say(f"Telegram bot memory: not measured (the bot exited: {bot.stderr.read().decode()[-300:]!r})"
                if bot.stderr else "Telegram bot memory: not measured (the bot exited)")
            return {}
        status = Path(f"/proc/{bot.pid}/status").read_text()
        memory = {line.split(":")[0]: int(line.split()[1]) / 1024 for line in status.splitlines()
                  if line.startswith(("VmRSS:", "VmHWM:"))}
    finally:
        if bot is not None and bot.poll() is None:
            bot.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                bot.wait(timeout=30)
        server.terminate()
        server.join(timeout=5)
        shutil.rmtree(home, ignore_errors=True)
    out = {"answers": stats.get("answers", 0), "bot_rss_mb": memory["VmRSS"], "bot_peak_mb": memory["VmHWM"]}
    say(f"Telegram bot (`interview-bot telegram`, bundled corpus, {out['answers']} answers in all four "
        f"languages): resident memory {out['bot_rss_mb']:.0f} MB after answering, peak {out['bot_peak_mb']:.0f} MB"
        "   [target <= 120 MB]")
    return out


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10k,100k,1m", help="comma-separated corpus sizes (e.g. 10k,100k,1m)")
    ap.add_argument("--queries", type=int, default=200, help="queries per size (each engine runs them all)")
    ap.add_argument("--rounds", type=int, default=5, help="times the queries are run")
    ap.add_argument("--ref-queries", type=int, default=20, help="at most this many queries for rank-bm25")
    ap.add_argument("--cold-runs", type=int, default=5, help="repetitions of the `ask` cold start")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="tokenizing processes")
    ap.add_argument("--keep", type=Path, help="keep the tokenized corpora in this folder and reuse them next time")
    ap.add_argument("--json", dest="json_out", help="also write all figures to this JSON file")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: index,tokenizer,cold,answer,bot")
    args = ap.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    missing = [m for m in ("bm25s", "numba", "tantivy", "rank_bm25") if importlib.util.find_spec(m) is None]
    if "index" not in skip and sizes and missing:  # the comparison is the point: no table with engines left out
        ap.exit(2, f"bench: the index comparison needs {', '.join(missing)}: pip install -e '.[bench,test]' "
                   f"(or --skip index)\n")
    say(f"interview-bot benchmark: python {sys.version.split()[0]}, {os.cpu_count()} CPUs, numba "
        f"{_version('numba')}, bm25s {_version('bm25s')}, tantivy {_version('tantivy')}; load average {load_average()}")
    results: dict = {}
    started = time.perf_counter()
    if "tokenizer" not in skip:
        results["tokenizer"] = bench_tokenizer()
    if "answer" not in skip:
        results["answer"] = bench_answer()
    if "cold" not in skip:
        results["cold_start"] = bench_cold_start(args.cold_runs)
    if "bot" not in skip:
        results["bot"] = bench_bot()
    if "index" not in skip and sizes:
        results["index"] = bench_sizes(sizes, args.queries, args.rounds, args.ref_queries, args.workers, args.keep)
        print_index_table(results["index"])
    say(f"\nbenchmark finished in {time.perf_counter() - started:.0f} s")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
