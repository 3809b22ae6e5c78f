#!/usr/bin/env python3
"""Fit the answerability model (retrieval/data/answerability.json) on the development questions.

    .venv/bin/python tests/eval/train_answerability.py [--check]

Positives: the development questions of questions.jsonl and whois.jsonl (on-topic) that the ranking answers
well (an expected excerpt in the three best passages); negatives: the development questions of offtopic.jsonl.
The same again with one more interview added to the bundled corpus, as a team adds its own: the reader
questions of each interview of import_dev/ (written for training only) that the ranking answers well, and a
twelfth of the off-topic questions asked of each. An on-topic question the ranking cannot answer is left out:
saying "no good match" to it is honest, not a mistake. Only questions the ordinary ranking decides count
(who/what-is questions have their own path). The model is an L2-regularised logistic regression on
standardised features (Newton's method, numpy only); its threshold turns away at most TARGET_REJECTED of the
well-answered on-topic questions in a 5-fold cross-validation, so it is set on questions the model did not
see.
Held-out questions are never read. With --check, the model is fitted again and compared with the file
(it must come out the same: the fit is deterministic).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.answer.library import Library  # noqa: E402
from corpus.loader import load_bundled  # noqa: E402
from retrieval.answerability import FEATURES, MODEL_FILE, Model  # noqa: E402
from retrieval.query import analyze  # noqa: E402

HERE = Path(__file__).resolve().parent
IMPORT_DEV = HERE / "import_dev"
L2 = 1.0
FOLDS = 5
TARGET_REJECTED = 0.02  # of well-answered on-topic development questions, in cross-validation


def rows(name: str, split: str = "dev") -> list[dict]:
    data = [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in data if r.get("split") == split]


def evidence(library: Library, questions: list[dict], answered_only: bool = False) -> list[dict[str, float]]:
    """The evidence of each question the ordinary ranking decides (with `answered_only`, of those whose
    three best passages hold an expected excerpt)."""
    out = []
    for row in questions:
        query = analyze(row["question"], library.index.vocab)
        found = library.ranker.evidence_for(query)
        if found is None:
            continue
        if answered_only:
            hits = library.ranker.rank(query, 3, decide=False)[:3]
            texts = [p.text for h in hits for p in (h.passage, *h.versions)]
            if not any(a in t for a in row["answers"] for t in texts):
                continue
        out.append(found)
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 40) -> np.ndarray:
    """Logistic regression by Newton's method; the last coefficient is the intercept (not regularised)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(xb.shape[1])
    penalty = np.r_[np.full(x.shape[1], l2), 0.0]
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(xb @ beta)))
        grad = xb.T @ (p - y) + penalty * beta
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def probability(beta: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(np.hstack([x, np.ones((len(x), 1))]) @ beta)))


def imported_libraries(bundled: Library) -> list[tuple[Library, list[dict]]]:
    """For each interview of import_dev/ (written for training, never used to measure): the bundled corpus
    with it added, as `interview-bot add` would add it, and its reader questions."""
    from bot.importer.pipeline import read_article

    questions = [json.loads(line) for line in (IMPORT_DEV / "questions.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    out = []
    for path in sorted(IMPORT_DEV.glob("*.md")):
        prepared = read_article(str(path))
        library = Library.build([*bundled.articles.values(), prepared.article],
                                [*bundled.passages, *prepared.passages])
        out.append((library, [q for q in questions if q["file"] == path.name]))
    return out


def train() -> tuple[Model, dict[str, float]]:
    corpus = load_bundled()
    library = Library.build(corpus.articles, corpus.passages)
    positives = evidence(library, rows("questions.jsonl") + rows("whois.jsonl"), answered_only=True)
    off_topic = rows("offtopic.jsonl")
    negatives = evidence(library, off_topic)
    imported = imported_libraries(library)
    for k, (added, questions) in enumerate(imported):  # each off-topic question asked once more, of one of them
        positives += evidence(added, questions, answered_only=True)
        negatives += evidence(added, off_topic[k::len(imported)])
    x = np.array([[f[name] for name in FEATURES] for f in positives + negatives], dtype=float)
    y = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    xs = (x - mean) / scale
    order = np.random.default_rng(17).permutation(len(y))
    cv = np.zeros(len(y))
    for part in np.array_split(order, FOLDS):
        rest = np.setdiff1d(order, part)
        cv[part] = probability(fit(xs[rest], y[rest]), xs[part])
    on_topic = np.sort(cv[y == 1])
    threshold = float(on_topic[int(TARGET_REJECTED * len(on_topic))])
    beta = fit(xs, y)
    model = Model(FEATURES, tuple(float(v) for v in mean), tuple(float(v) for v in scale),
                  tuple(float(v) for v in beta[:-1]), float(beta[-1]), threshold)
    figures: dict[str, object] = {"on_topic": len(positives), "off_topic": len(negatives),
                                  "cv_on_topic_rejected": round(float((cv[y == 1] < threshold).mean()), 4),
                                  "cv_off_topic_rejected": round(float((cv[y == 0] < threshold).mean()), 4)}
    figures["trade_off"] = {  # what other thresholds would do: on-topic turned away -> off-topic turned away
        f"{share:.2f}": round(float((cv[y == 0] < on_topic[int(share * len(on_topic))]).mean()), 4)
        for share in (0.01, 0.02, 0.03, 0.05, 0.1)}
    return model, figures


def main(argv: list[str]) -> int:
    model, figures = train()
    data = {**model.to_json(), "trained_on": figures}
    if "--check" in argv:
        saved = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        same = all(np.allclose(saved[k], data[k]) for k in ("mean", "scale", "coef", "intercept", "threshold"))
        print("model file is up to date" if same else "model file differs from a fresh fit: retrain")
        return 0 if same else 1
    MODEL_FILE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
