"""The answerability evidence and model: what the features say about on- and off-topic questions."""

from __future__ import annotations

import math

from bot.answer.library import Library
from retrieval.answerability import FEATURES, Model, load_model
from retrieval.generality import zipf
from retrieval.query import analyze


def evidence(library: Library, question: str) -> dict[str, float]:
    found = library.ranker.evidence_for(analyze(question, library.index.vocab))
    assert found is not None and set(found) == set(FEATURES), question
    return found


def test_the_bundled_model_fits_the_features() -> None:
    model = load_model()
    assert model is not None and model.features == FEATURES
    assert 0 < model.threshold < 1 and len(model.coef) == len(FEATURES)


def test_a_model_answers_above_its_threshold() -> None:
    model = Model(("a", "b"), (0.0, 1.0), (1.0, 2.0), (2.0, -1.0), 0.5, 0.5)
    p = model.probability({"a": 1.0, "b": 3.0})  # z = 2*1 - 1*(3-1)/2 + 0.5 = 1.5
    assert math.isclose(p, 1 / (1 + math.exp(-1.5)))
    assert model.accepts({"a": 1.0, "b": 3.0}) and not model.accepts({"a": -1.0, "b": 3.0})


def test_evidence_tells_an_interview_question_from_an_everyday_one(library: Library) -> None:
    on = evidence(library, "Why does Gomez think selling only models is a hard business?")
    off = evidence(library, "Which tent model is best for camping in the rain?")
    assert on["coverage1"] > off["coverage1"] and on["near_max"] > off["near_max"]
    assert off["unknown"] > on["unknown"]  # "tent", "camping": words the interviews never use
    assert off["off_domain"] >= zipf("camping", "en") > 3.5
    assert evidence(library, "Which phone should I buy for my mother?")["asker"] == 1.0
    assert evidence(library, "How old are you?")["addressee"] == 1.0
    model = load_model()
    assert model is not None and model.accepts(on) and not model.accepts(off)


def test_generality_reads_the_bundled_tables() -> None:
    assert zipf("weather", "en") > zipf("cohere", "en")
    assert zipf("天气", "zh") == zipf("天气", "zh-Hant") > 4
    assert zipf("Wetter", "de") > 4 and zipf("xqzzy", "en") < 3
