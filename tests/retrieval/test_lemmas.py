"""retrieval.lemmas gives simplemma's own lemmas and "is known" answers, from its file dictionaries."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

simplemma = pytest.importorskip("simplemma")

from corpus.loader import load_bundled  # noqa: E402
from retrieval import lemmas  # noqa: E402

QUESTIONS = Path(__file__).resolve().parents[1] / "eval" / "questions.jsonl"
WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\w'’-]*")


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> lemmas._Lemmas:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INTERVIEW_BOT_CACHE", str(tmp_path_factory.mktemp("cache")))
        found = lemmas._Lemmas()
        assert found.ready("de") and found.ready("en")
    return found


def words() -> list[str]:
    corpus = load_bundled()
    texts = [p.text for p in corpus.passages]
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["question"] for line in lines if line.strip()]
    found = {w for text in texts for w in WORD.findall(text)}
    found |= {w.capitalize() for w in found} | {w.lower() for w in found}
    return sorted(found)


def dictionary_sample(lang: str, n: int, seed: int) -> list[str]:
    """Keys of simplemma's dictionary, and the same keys mangled (a suffix cut or added, a prefix added)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    keys = list(DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang))
    rng = random.Random(seed)
    picked = rng.sample(keys, n)
    mangled = [k[:-1] for k in picked] + [k + rng.choice(["n", "en", "s", "es", "ung"]) for k in picked]
    mangled += [rng.choice(["Ge", "Über", "un", "Haupt"]) + k.lower() for k in picked[: n // 4]]
    return picked + mangled + [k.capitalize() for k in picked[: n // 4]]


def test_lemmas_are_simplemmas_on_the_corpus_and_questions(state: lemmas._Lemmas) -> None:
    for word in words():
        assert state.lemmatizer.lemmatize(word, "de") == simplemma.lemmatize(word, lang="de"), word
        for lang in ("de", "en"):
            mine = state.lookup.get_lemma(word, lang) is not None
            assert mine == simplemma.is_known(word, lang=lang), (word, lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lemmas_are_simplemmas_on_its_dictionary(state: lemmas._Lemmas, lang: str) -> None:
    for word in dictionary_sample(lang, 1500, 3 if lang == "de" else 4):
        assert state.lemmatizer.lemmatize(word, lang) == simplemma.lemmatize(word, lang=lang), word
        assert (state.lookup.get_lemma(word, lang) is not None) == simplemma.is_known(word, lang=lang), word


def test_file_dictionary_holds_every_entry(state: lemmas._Lemmas) -> None:
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    reference = DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")
    mine = state.factory.get_dictionary("en") if state.factory else None
    assert mine is not None and len(mine) == len(reference)
    rng = random.Random(9)
    for key in rng.sample(list(reference), 5000):
        assert mine.get(key) == reference.get(key)
    assert mine.get("") is None and mine.get("zzzzzzzzzz-not-a-word") is None and mine.get("\U0010ffff") is None
    assert list(mine)[:50] == sorted(reference, key=lambda k: k.encode())[:50]


def test_public_functions_answer_like_simplemma() -> None:
    assert lemmas.lemmatize("Büros", "de") == simplemma.lemmatize("Büros", lang="de") == "Büro"
    assert lemmas.is_known("warm", "en") is True
    assert lemmas.is_known("Xyzzq", "de") is simplemma.is_known("Xyzzq", lang="de")
