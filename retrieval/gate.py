"""The no-match gate: whether a ranked passage is good enough to be quoted at all.

Calibrated with `interview-bot eval` and the off-topic questions: a question is answered when one of
the GATE_DEPTH best passages after reranking scores MIN_SCORE (BM25 x priors, before the coverage
rerank) and covers MIN_COVERAGE of the question, or scores FULL_MATCH_SCORE and covers all of its two
or more concepts ("技术的本质是什么": short, all on topic; one concept is covered by any passage holding
the word).
"""

from __future__ import annotations

MIN_SCORE = 5.0
MIN_COVERAGE = 0.2  # share of the question's concepts (idf-weighted) a passage must match
FULL_MATCH_SCORE = 3.0
GATE_DEPTH = 3


def passes(score: float, coverage: float, concepts: int) -> bool:
    """Whether a passage with this score and coverage of a question of `concepts` concepts may answer it."""
    if score < min(MIN_SCORE, FULL_MATCH_SCORE):
        return False
    if score >= MIN_SCORE and coverage >= MIN_COVERAGE:
        return True
    return score >= FULL_MATCH_SCORE and coverage >= 1.0 - 1e-9 and concepts >= 2
