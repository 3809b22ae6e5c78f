"""The fast paths give the terms of the offset-keeping tokenizer: `tokenize` in the same order,
`term_bag` in another order, and `retrieval.build` the index `BM25Index.build` makes of them."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.loader import load_bundled
from retrieval import tokenize as tk
from retrieval.bm25 import BM25Index
from retrieval.build import index_texts, tokenize_texts

# characters that exercise every branch: upper case, full-width forms, compatibility ideographs and
# ligatures, combining marks, half-width kana, Hangul jamo, Greek sigma, traditional characters,
# German umlauts and hyphens, the word connectors, emoji
ALPHABET = ("AaZzÄäÖöÜüßẞİıΣσς0９ＡＫｋ－．＋＇’'-.+_#&% \n\t，。：？！（）「」"
            "數據資料軟體開發乾隆著名瞭解模型数据公司人工智能戈麦斯戴雨森英伟达杨立昆"
            "﨑豈Ⅻⅻ①⑴ﬁﬀㄱㅏｶﾞ\u0301\u3099éñœæ😀")


def slow_terms(text: str, lang: str | None) -> list[str]:
    return [t.term for t in tk.tokens(text, lang)]


def bundled() -> list[tuple[str, str]]:
    corpus = load_bundled()
    language = {a.id: a.language for a in corpus.articles}
    out = [(p.text, language[p.article_id]) for p in corpus.passages]
    out += [(p.question, language[p.article_id]) for p in corpus.passages if p.question]
    return out


def long_mixed(rng: random.Random, n: int) -> list[str]:
    """Texts over 100 characters (normalised through the table) mixing every kind of character."""
    pool = [w for text, _ in bundled()[:60] for w in text.split("，")] + list(ALPHABET)
    return [" ".join(rng.choice(pool) for _ in range(rng.randint(20, 60))) for _ in range(n)]


def test_tokenize_gives_the_terms_of_tokens_on_the_corpus() -> None:
    rng = random.Random(5)
    texts = bundled()
    for text, lang in texts + [(t, None) for t in long_mixed(rng, 200)] + [(t, "de") for t in long_mixed(rng, 50)]:
        assert tk.tokenize(text, lang) == slow_terms(text, lang)
        assert Counter(tk.term_bag(text, lang)) == Counter(slow_terms(text, lang))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=240), st.sampled_from([None, "zh", "de", "en"]))
def test_tokenize_gives_the_terms_of_tokens_on_any_text(text: str, lang: str | None) -> None:
    assert tk.tokenize(text, lang) == slow_terms(text, lang)
    assert Counter(tk.term_bag(text, lang)) == Counter(slow_terms(text, lang))


def test_the_normalisation_table_has_no_exceptions_it_does_not_know() -> None:
    """Every character of the table's ranges either normalises (for terms) like per-character NFKC after
    the whole text is lower-cased, or is listed for the slow path."""
    _, _, slow = tk._term_changes()
    for a, b in tk.TABLE_RANGES:
        for ch in map(chr, range(a, b)):
            if slow is not None and slow.search(ch):
                continue
            text = f"数据{ch}模型 Daten{ch}qualität x{ch}1 " * 8  # long enough for the table
            assert tk.tokenize(text, "de") == slow_terms(text, "de"), hex(ord(ch))


@pytest.mark.parametrize("workers", [1, 2])
def test_parallel_build_is_the_serial_index(workers: int) -> None:
    texts = bundled()
    index = index_texts(iter(texts), workers=workers, chunk=97)
    reference = BM25Index.build(tk.tokenize(t, lang) for t, lang in texts)
    assert index.size == reference.size and set(index.vocab) == set(reference.vocab)
    for query in (["数据", "模型"], ["cohere", "gomez"], ["datenqualität"], ["投资", "创业", "机会"]):
        np.testing.assert_allclose(index.scores(query), reference.scores(query), rtol=1e-12)
        assert [d for d, _ in index.top(query, 10)] == [d for d, _ in reference.top(query, 10)]


def test_tokenize_texts_keeps_document_lengths_and_empty_documents() -> None:
    ids, lengths, vocab = tokenize_texts([("", "zh"), ("数据 模型", "zh"), ("😀", None), ("Daten und Modelle", "de")])
    assert lengths.tolist() == [0, len(tk.tokenize("数据 模型")), 0, len(tk.tokenize("Daten und Modelle", "de"))]
    terms = sorted(vocab, key=vocab.__getitem__)
    assert sorted(terms[i] for i in ids[:lengths[1]]) == sorted(tk.tokenize("数据 模型"))
