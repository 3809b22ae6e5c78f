"""The ranking policy on a tiny corpus: the gate's thresholds, versions folded into one result shown in the
asker's language, priors for editors' text, and "no good match" when nothing passes."""

from __future__ import annotations

import pytest

from corpus.models import Passage
from retrieval import gate
from retrieval.bm25 import BM25Index
from retrieval.grouping import group_versions
from retrieval.query import analyze
from retrieval.ranking import KIND_PRIOR, UNSOURCED_PRIOR, Ranker
from retrieval.terms import index_terms

LANGUAGES = {"zh-a": "zh", "de-a": "de", "en-b": "en"}


def passage(pid: str, text: str, kind: str = "answer", speaker: str | None = "Ada Lovelace",
            versions: tuple[str, ...] = ()) -> Passage:
    article = pid.split(":")[0]
    p = Passage(id=pid, article_id=article, seq=int(pid.split(":")[1]), text=text, kind=kind, speaker=speaker,
                versions=list(versions))
    p.tokens = index_terms(p, LANGUAGES[article])
    return p


TOPICS = ["Brot backen", "Regen morgen", "Fußball am Samstag", "ein neues Fahrrad", "der Garten im Mai",
          "Kaffee mit Milch", "eine Reise nach Rom", "das Konzert gestern", "Katzen und Hunde", "ein altes Haus"]
FILLER = [passage(f"de-a:{10 + i}", f"Wir sprachen über {t}, und über {TOPICS[(i + 3) % len(TOPICS)]}.")
          for i, t in enumerate(TOPICS)]  # a corpus large enough for idf to tell words apart


@pytest.fixture(scope="module")
def ranker() -> Ranker:
    passages = [
        passage("zh-a:1", "分析机可以处理符号，而不仅仅是数字。", versions=("de-a:1",)),
        passage("de-a:1", "Die Analytische Maschine kann Symbole verarbeiten, nicht nur Zahlen.", versions=("zh-a:1",)),
        passage("zh-a:2", "我喜欢诗意的科学，想象力是发现的能力。"),
        passage("en-b:1", "The engine weaves algebraic patterns just as the loom weaves flowers and leaves."),
        passage("en-b:2", "Summary: the engine weaves algebraic patterns.", kind="bullet", speaker=None),
        passage("en-b:3", "Lovelace was born in London in 1815.", kind="narrative", speaker=None),
        *FILLER,
    ]
    return Ranker(passages, LANGUAGES, BM25Index.build([p.tokens for p in passages]))


def test_the_gate_needs_a_score_and_coverage_or_a_full_match() -> None:
    assert gate.passes(gate.MIN_SCORE, gate.MIN_COVERAGE, 1)
    assert not gate.passes(gate.MIN_SCORE - 0.01, gate.MIN_COVERAGE, 1)
    assert not gate.passes(gate.MIN_SCORE, gate.MIN_COVERAGE - 0.01, 1)
    assert gate.passes(gate.FULL_MATCH_SCORE, 1.0, 2)  # everything covered: a lower score will do
    assert not gate.passes(gate.FULL_MATCH_SCORE, 1.0, 1)  # ... but not for a one-word question
    assert not gate.passes(gate.FULL_MATCH_SCORE - 0.01, 1.0, 3)


def test_versions_are_one_result_shown_in_the_askers_language(ranker: Ranker) -> None:
    for question, shown in (("Kann die Maschine Symbole verarbeiten?", "de-a:1"), ("分析机能处理符号吗", "zh-a:1")):
        hits = ranker.rank(analyze(question, ranker.index.vocab), 5)
        assert hits and hits[0].passage.id == shown, question
        assert {v.id for v in hits[0].versions} == {"zh-a:1", "de-a:1"} - {shown}
        assert all(h.passage.id not in {"zh-a:1", "de-a:1"} for h in hits[1:])  # not repeated


def test_a_group_holds_one_passage_per_article() -> None:
    a1, a2 = passage("en-b:1", "x"), passage("en-b:2", "y", versions=("de-a:1",))
    d1 = passage("de-a:1", "z", versions=("en-b:1", "en-b:2"))
    a1.versions = ["de-a:1"]
    by_id = {p.id: p for p in (a1, a2, d1)}
    scores = {"en-b:1": 3.0, "de-a:1": 2.0, "en-b:2": 1.0}
    hits = group_versions([(by_id[i], s) for i, s in scores.items()], by_id, lambda p: scores[p.id],
                          lambda p: LANGUAGES[p.article_id], "en", 5)
    assert [(h.passage.id, [v.id for v in h.versions]) for h in hits] == [("en-b:1", ["de-a:1"]), ("en-b:2", [])]


def test_editors_text_counts_less_than_the_answer_it_restates(ranker: Ranker) -> None:
    bullet, intro = 4, 5
    assert ranker.source(bullet) == 3  # the summary restates the answer
    assert ranker.prior(bullet) == KIND_PRIOR["bullet"]
    assert ranker.source(intro) is None  # facts found nowhere else
    assert ranker.prior(intro) == UNSOURCED_PRIOR["narrative"]
    hits = ranker.rank(analyze("engine weaves algebraic patterns", ranker.index.vocab), 3)
    assert hits[0].passage.id == "en-b:1"


def test_nothing_passes_for_a_question_the_corpus_does_not_answer(ranker: Ranker) -> None:
    assert ranker.rank(analyze("What is the capital of Australia?", ranker.index.vocab), 3) == []
    assert ranker.rank(analyze("Was she born in London in 1815?", ranker.index.vocab), 3)[0].passage.id == "en-b:3"
