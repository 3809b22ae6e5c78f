"""What a passage is indexed by, and a version that changes whenever that can change."""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus.models import Passage
from retrieval.tokenize import DATA, tokenize

INDEX_TERMS_VERSION = "2"  # bump when index_terms() changes what a passage is indexed by
QUERY_ONLY = ("glossary.tsv", "cedict_", "taiwan.tsv", "wordfreq_", "answerability")  # data read for questions only


def index_terms(p: Passage, language: str) -> list[str]:
    """What a passage is found by: its words, those of the interview question it answers and its
    speaker's name (so "what does Gomez think" finds his answers)."""
    terms = tokenize(p.text, language)
    if p.question:
        terms += tokenize(p.question, language)
    if p.speaker:
        terms += sorted(set(tokenize(p.speaker, language)))
    return terms


def tokenizer_version() -> str:
    """Changes when the tokenizer or its dictionaries change (so stored tokens get rebuilt)."""
    digest = hashlib.sha1(INDEX_TERMS_VERSION.encode())
    for path in [Path(__file__).resolve().parent / "tokenize.py", *sorted(DATA.glob("*"))]:
        if path.is_file() and not path.name.startswith(QUERY_ONLY):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
