"""Answering within a chat's scope (/scope), on the question sets: `python tests/eval/score_scope.py [dev|heldout]`.

Prints, for the split's questions: hit@3 and "no match" with no scope, scoped to the expected article, and
scoped to that article's language; for the off-topic questions, "no match" with no scope and scoped to each
article in turn; and for the on-topic questions scoped to an article of another interviewee (where their
answer can't be), how many still get an answer (some rightly: interviews share topics).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from bot.answer.answerer import answer
from bot.answer.evaluation import judge, load_questions
from bot.answer.library import Library
from bot.answer.scope import Scope
from corpus.loader import load_bundled

HERE = Path(__file__).parent


def main(split: str) -> None:
    corpus = load_bundled()
    library = Library.build(corpus.articles, corpus.passages)
    rows = load_questions(HERE / "questions.jsonl", split)
    counts: Counter[tuple[str, str]] = Counter()
    for row in rows:
        article = row["article"]
        scopes = {"unscoped": None, "article": Scope(articles=(article,)),
                  "language": Scope(languages=(library.articles[article].language[:2],))}
        for name, scope in scopes.items():
            reply = answer(library, row["question"], top_k=3, scope=scope)
            outcome = judge(row, reply)
            counts[name, "hit"] += bool(outcome.rank and outcome.rank <= 3)
            counts[name, "no_match"] += reply.status == "no_match"
    for name in ("unscoped", "article", "language"):
        hit, none = counts[name, "hit"] / len(rows), counts[name, "no_match"] / len(rows)
        print(f"{name:9} hit@3 {hit:.3f}  no match {none:.3f}  ({len(rows)} questions)")

    offtopic = [json.loads(line) for line in (HERE / "offtopic.jsonl").read_text().splitlines() if line.strip()]
    offtopic = [r for r in offtopic if split == "all" or r.get("split") == split]
    articles = list(library.articles)
    plain = sum(answer(library, r["question"]).status == "no_match" for r in offtopic)
    scoped = sum(answer(library, r["question"], scope=Scope(articles=(a,))).status == "no_match"
                 for r in offtopic for a in articles)
    print(f"off-topic: no match {plain / len(offtopic):.3f} unscoped, {scoped / len(offtopic) / len(articles):.3f} "
          f"scoped to each article ({len(offtopic)} questions)")

    answered = tried = 0
    for row in rows:
        asked = set(library.articles[row["article"]].interviewees)
        for a in articles:
            if set(library.articles[a].interviewees) & asked:
                continue
            tried += 1
            answered += answer(library, row["question"], scope=Scope(articles=(a,))).status == "ok"
    print(f"on-topic, scoped to another interviewee's article: answered {answered / max(tried, 1):.3f} ({tried} pairs)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "all")
