"""The benchmark's corpus keeps every passage whole: one line each, paragraph breaks escaped and restored."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from benchmarks import engines
from benchmarks.synth import passages


@given(st.text(alphabet="ab\\\n\r\tn r数据", max_size=40))
def test_escape_round_trip(text: str) -> None:
    line = engines.escape(text)
    assert "\n" not in line and "\r" not in line
    assert engines.unescape(line) == text


def test_prepared_corpus_reads_back_the_generated_passages(tmp_path: Path) -> None:
    size = 3000
    engines.prepare(tmp_path, size, workers=1)
    got = list(engines.read_texts(tmp_path))
    assert len(got) == size
    want = [pair for start in range(0, size, engines.CHUNK)
            for pair in passages(min(engines.CHUNK, size - start), seed=size * 1_000_003 + start)]
    assert [(text, lang) for text, lang in got] == want
    assert any("\n" in text for text, _ in got)  # paragraph breaks survive
    assert all(text for text, _ in got)
