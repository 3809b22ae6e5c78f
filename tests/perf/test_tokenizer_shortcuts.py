"""The tokenizer's speed-ups change no output: the t2s pre-check, per-character normalisation cache, stem cache."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

from corpus.loader import load_bundled
from retrieval import tokenize as tk

QUESTIONS = Path(__file__).resolve().parents[1] / "eval" / "questions.jsonl"


def texts() -> list[str]:
    corpus = load_bundled()
    out = [a.text for a in corpus.articles]
    out += [json.loads(line)["question"] for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    out += ["這是測試，軟體開發與資料品質。情有獨鍾 么麽 覆蓋 乾隆 著名 瞭解",
            "ﬁnance ①② ＡＩ　公司 İstanbul ΣΟΦΟΣ Straße"]
    return out


def test_t2s_precheck_converts_like_opencc() -> None:
    convert = tk._converter().convert
    rng = random.Random(2)
    traditional = sorted(tk._t2s_witnesses() or ())
    assert len(traditional) > 1000
    pool = [*traditional, "中", "国", "人"]
    samples = texts() + ["".join(rng.choice(pool) for _ in range(8)) for _ in range(500)]
    for text in samples:
        assert tk.to_simplified(text) == tk.HAN.sub(lambda m: convert(m.group()), text)


def test_normalize_matches_per_character_nfkc() -> None:
    for text in texts():
        out: list[str] = []
        offsets: list[int] = []
        for i, ch in enumerate(text):
            norm = unicodedata.normalize("NFKC", ch).lower()
            out.append(norm)
            offsets.extend([i] * len(norm))
        expected = "".join(out)
        converted = tk.to_simplified(expected)
        expected = converted if len(converted) == len(expected) else expected
        assert tk.normalize(text) == (expected, offsets)


def test_stem_cache_is_transparent() -> None:
    for word in ("running", "datenqualität", "companies", "modelle", "investieren"):
        for lang in ("en", "de"):
            assert tk.stem(word, lang) == tk._stemmer(lang).stemWord(word)
