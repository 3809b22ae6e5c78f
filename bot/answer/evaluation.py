"""Scoring retrieval on a question set (hit@1, hit@3, MRR@10, quote hit@3), for `interview-bot eval`.

A question set is JSON lines: {"id", "lang", "split", "question", "article", "answers": [excerpt, ...]}.
A result is a hit when one of the answer excerpts is contained in its passage or in one of its grouped
versions (`also_in`); "quote hit@3" asks that an excerpt be inside the quote actually shown, and
"passage hit@3" that it be inside the result's own passage (not only in a grouped version).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.answer.answerer import answer
from bot.answer.library import Library
from bot.answer.reply import Quote, Reply

EVAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "eval"  # in a source checkout
DEFAULT_FILE = EVAL_DIR / "questions.jsonl"
OFFTOPIC_FILE = EVAL_DIR / "offtopic.jsonl"
LANGS = ("zh", "zh-Hant", "de", "en")


def load_questions(path: Path, split: str = "all") -> list[dict[str, Any]]:
    """The questions of one split ("dev", "heldout" or "all") of a JSON-lines question set."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r.get("split") == split]


def _contains(text: str, answers: Sequence[str]) -> bool:
    return any(a in text for a in answers)


def quote_hit(q: Quote, answers: Sequence[str]) -> bool:
    """Whether the quote's passage or one of its grouped versions holds an answer excerpt."""
    return _contains(q.passage, answers) or any(_contains(v.passage, answers) for v in q.also_in)


@dataclass
class Outcome:
    """How one question fared."""

    id: str
    lang: str
    question: str
    answers: list[str]
    status: str
    rank: int | None  # 1-based rank of the first hit, None when none in the results
    passage_rank: int | None  # the same, counting only the result's own passage
    quote_rank: int | None  # the same, counting only the shown quote
    first: str | None  # what came first (passage id and the start of its quote)


def judge(row: dict[str, Any], reply: Reply) -> Outcome:
    """Compare one reply with the expected answer excerpts."""
    answers = list(row["answers"])
    rank = next((i for i, q in enumerate(reply.quotes, 1) if quote_hit(q, answers)), None)
    prank = next((i for i, q in enumerate(reply.quotes, 1) if _contains(q.passage, answers)), None)
    qrank = next((i for i, q in enumerate(reply.quotes, 1) if _contains(q.quote, answers)), None)
    first = f"{reply.quotes[0].passage_id}: {reply.quotes[0].quote[:80]}" if reply.quotes else None
    return Outcome(row.get("id", ""), row.get("lang") or reply.language, row["question"], answers,
                   reply.status, rank, prank, qrank, first)


@dataclass
class Scores:
    """Aggregated figures for a group of questions."""

    n: int = 0
    hit1: float = 0.0
    hit3: float = 0.0
    mrr10: float = 0.0
    passage_hit3: float = 0.0
    quote_hit3: float = 0.0
    no_match: int = 0
    rejected: float = 0.0  # share answered "no good match" (or refused as invalid): wrongly, on-topic
    misses: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, outcomes: Sequence[Outcome]) -> Scores:
        n = len(outcomes)
        if not n:
            return cls()

        def share(pred: Iterable[bool]) -> float:
            return round(sum(pred) / n, 4)

        return cls(
            n=n,
            hit1=share(o.rank == 1 for o in outcomes),
            hit3=share(o.rank is not None and o.rank <= 3 for o in outcomes),
            mrr10=round(sum(1 / o.rank for o in outcomes if o.rank and o.rank <= 10) / n, 4),
            passage_hit3=share(o.passage_rank is not None and o.passage_rank <= 3 for o in outcomes),
            quote_hit3=share(o.quote_rank is not None and o.quote_rank <= 3 for o in outcomes),
            no_match=sum(o.status != "ok" for o in outcomes),
            rejected=share(o.status != "ok" for o in outcomes),
            misses=[o.id for o in outcomes if o.rank is None or o.rank > 3],
        )


def evaluate(library: Library, rows: Sequence[dict[str, Any]], top_k: int = 10) -> list[Outcome]:
    """Ask every question exactly as a user would and judge the reply."""
    return [judge(row, answer(library, row["question"], top_k=top_k)) for row in rows]


def summarize(outcomes: Sequence[Outcome]) -> dict[str, Scores]:
    """Scores per language (in a fixed order) and "all"."""
    out = {lang: Scores.of([o for o in outcomes if o.lang == lang]) for lang in LANGS}
    out = {k: v for k, v in out.items() if v.n}
    out["all"] = Scores.of(outcomes)
    return out


def rejection(library: Library, rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """For questions the interviews do not answer: per language and "all", how many were asked and the
    share answered "no good match" (as it should be)."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        refused = answer(library, row["question"]).status != "ok"
        for key in (row.get("lang") or "?", "all"):
            c = counts.setdefault(key, [0, 0])
            c[0] += 1
            c[1] += refused
    order = [k for k in (*LANGS, "all") if k in counts]
    return {k: {"n": counts[k][0], "rejected": round(counts[k][1] / counts[k][0], 4)} for k in order}


def table(scores: dict[str, Scores]) -> str:
    head = (f"{'lang':8} {'n':>4} {'hit@1':>6} {'hit@3':>6} {'MRR@10':>7} {'psg@3':>6} {'quote@3':>8} "
            f"{'rejected':>9}")
    lines = [head]
    for lang, s in scores.items():
        lines.append(f"{lang:8} {s.n:>4} {s.hit1:>6.3f} {s.hit3:>6.3f} {s.mrr10:>7.3f} {s.passage_hit3:>6.3f} "
                     f"{s.quote_hit3:>8.3f} {s.rejected:>9.3f}")
    return "\n".join(lines)


def rejection_table(rates: dict[str, dict[str, float]]) -> str:
    lines = [f"{'lang':8} {'n':>4} {'rejected':>9}"]
    lines += [f"{lang:8} {int(r['n']):>4} {r['rejected']:>9.3f}" for lang, r in rates.items()]
    return "\n".join(lines)


def miss_text(o: Outcome) -> str:
    where = "not in the results" if o.rank is None else f"rank {o.rank}"
    return (f"{o.id} [{o.lang}] {o.question}\n    expected: {o.answers[0]}  ({where}, status {o.status})\n"
            f"    first:    {o.first}")
