#!/usr/bin/env python3
"""Score a question set the way the external check does: through `interview-bot ask --json -`.

Usage: python tests/eval/score_ask.py QUESTIONS_JSONL [INTERVIEW_BOT]

Stdlib only. Every question is fed on one line to `interview-bot ask --json -` (three results, the
database and index of the usual data directory); a question is a hit when the `passage` of one of its
results holds one of its answer excerpts, a quote hit when the shown `quote` does. Prints hit@3, MRR over
the three results and quote hit@3 per language and overall, and the questions without a hit.
"""

from __future__ import annotations

import collections
import json
import shutil
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in Path(argv[1]).read_text(encoding="utf-8").splitlines() if line.strip()]
    exe = argv[2] if len(argv) > 2 else shutil.which("interview-bot") or "interview-bot"
    feed = "".join(r["question"].replace("\n", " ") + "\n" for r in rows)
    out = subprocess.run([exe, "ask", "--json", "-"], input=feed, capture_output=True, text=True, check=True).stdout
    replies = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(replies) != len(rows):
        print(f"{len(rows)} questions but {len(replies)} replies", file=sys.stderr)
        return 1
    totals: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0, 0.0, 0])
    for row, reply in zip(rows, replies, strict=True):
        results = reply.get("results") or []
        ranks = [i for i, r in enumerate(results, 1) if any(a in r["passage"] for a in row["answers"])]
        quoted = any(any(a in r["quote"] for a in row["answers"]) for r in results)
        for key in (row["lang"], "all"):
            t = totals[key]
            t[0] += 1
            t[1] += bool(ranks)
            t[2] += 1 / ranks[0] if ranks else 0.0
            t[3] += quoted
        if not ranks:
            print(f"miss {row['id']} [{row['lang']}] {row['question']}")
    for key in ("zh", "zh-Hant", "de", "en", "all"):
        n, hits, rr, quotes = totals.get(key, (0, 0, 0.0, 0))
        if n:
            print(f"{key:8} n={n:3} hit@3={hits / n:.3f} MRR@3={rr / n:.3f} quote@3={quotes / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
