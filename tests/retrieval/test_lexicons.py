"""The lexicon file and the sorted tables read in place give what deriving and parsing give."""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval import lexicons, query
from retrieval.generality import MIN_ZIPF, zipf
from retrieval.sorted_table import SortedTable
from retrieval.tokenize import DATA, _t2s_witnesses


def test_saved_tables_are_the_derived_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEW_BOT_CACHE", str(tmp_path))
    monkeypatch.setattr(lexicons, "_tables", None)
    derived = lexicons.derive()
    assert lexicons.table("glossary:en")  # written, then read back
    assert lexicons.path().parent == tmp_path and lexicons.path().exists()
    monkeypatch.setattr(lexicons, "_tables", None)  # a new process: read from the file
    for name, value in derived.items():
        assert lexicons.table(name) == value, name
    query.clear_caches()
    assert query.glossary("de") == derived["glossary:de"]
    assert query._zh_tokens("合成数据") == tuple(query.Token(*t) for t in derived["zh_tokens"]["合成数据"])
    assert _t2s_witnesses() == derived["t2s_witnesses"]


def test_an_unreadable_file_is_derived_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEW_BOT_CACHE", str(tmp_path))
    monkeypatch.setattr(lexicons, "_tables", None)
    lexicons.path().parent.mkdir(parents=True, exist_ok=True)
    lexicons.path().write_bytes(lexicons.FORMAT + b"\x00garbage")
    assert lexicons.table("dictionary") == lexicons.derive()["dictionary"]
    assert marshal.loads(lexicons.path().read_bytes()[len(lexicons.FORMAT):])  # rewritten whole


def test_sorted_table_reads_like_the_parsed_file() -> None:
    for lang in ("en", "de", "zh"):
        parsed = {}
        for line in (DATA / f"wordfreq_{lang}.tsv").read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word, _, value = line.partition("\t")
                parsed[word] = int(value) / 10
        assert all(zipf(w, lang) == v for w, v in parsed.items() if w == w.lower())
        for missing in ("zzzqqq", "", "\uffff", "a\tb", "#", "\n"):
            assert zipf(missing, lang) == MIN_ZIPF[lang] - 1.0


def test_near_words_read_like_the_parsed_file() -> None:
    near = query.dictionary_synonyms()
    rows = [ln.split("\t") for ln in (DATA / "cedict_zh.tsv").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    assert rows and all(near.get(zh) == tuple(words.split(",")) for zh, words in rows)
    assert near.get("不是一个词") == () and len(list(near.values())) == len(rows)


def test_sorted_table_edges(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("# header\ta\n# more\nA\t1\nb\t2\nbb\t3\n中\t4\n中文\t5", encoding="utf-8")  # no final newline
    table = SortedTable(path)
    assert [table.get(k) for k in ("A", "b", "bb", "中", "中文", "a", "c", "中国")] == ["1", "2", "3", "4", "5",
                                                                                  None, None, None]
    assert list(table.items()) == [("A", "1"), ("b", "2"), ("bb", "3"), ("中", "4"), ("中文", "5")]
    (tmp_path / "empty.tsv").write_text("")
    assert SortedTable(tmp_path / "empty.tsv").get("x") is None


def test_a_question_reads_the_lexicon_file_instead_of_deriving(tmp_path: Path) -> None:
    env = {"INTERVIEW_BOT_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code = ("import sys; from retrieval.query import analyze; analyze('What does Gomez think of synthetic data?'); "
            "print('rjieba' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert list(tmp_path.glob("lexicons-*.marshal")) and list(tmp_path.glob("han-*.trie"))
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert again.stdout.split() == ["False"], (first.stdout, again.stdout)  # no bulk segmenter for a question


def test_a_damaged_table_is_derived_instead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEW_BOT_CACHE", str(tmp_path))
    monkeypatch.setattr(lexicons, "_tables", None)
    want = lexicons.derive()["synonyms"]
    lexicons.path().parent.mkdir(parents=True, exist_ok=True)
    lexicons.path().write_bytes(lexicons.FORMAT + marshal.dumps({"synonyms": b"\x00not marshal"}))
    assert lexicons.table("synonyms") is None  # unreadable: the caller derives it
    query.clear_caches()
    assert query.synonyms() == want
