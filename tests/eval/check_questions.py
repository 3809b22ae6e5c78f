#!/usr/bin/env python3
"""Verify tests/eval/questions.jsonl against the corpus.

Usage: python tests/eval/check_questions.py [CORPUS_DIR] [QUESTIONS_JSONL]

Stdlib only. Exits 1 and lists every problem if any check fails; otherwise
prints counts per language, article and split.

Checks:
- every line is a JSON object with the keys id, lang, split, question, article,
  answers; ids are q001, q002, ... in order; lang, split and article are known
  values; questions are unique;
- every excerpt is 8 to 40 characters, one line, without leading/trailing
  whitespace or markdown markers (``**``, ``[``, ``](``, ``#``, backslash,
  leading ``>``);
- every excerpt lies inside ONE physical line of a corpus file and occurs
  exactly once in the whole corpus (distinctive);
- the line holding an excerpt is not an interviewer's question line;
- at least one excerpt comes from the question's main article.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

# article id -> corpus file name prefix
ARTICLES = {
    "jiqizhixin-gomez-20vc": "000_",
    "founderpark-gomez": "001_",
    "qbitai-gomez-20vc": "002_",
    "qbitai-gomez-20vc-de": "003_",
    "xinpiceng-dai-yusen": "004_",
}
LANGS = ("zh", "zh-Hant", "de", "en")
SPLITS = ("dev", "heldout")
KEYS = {"id", "lang", "split", "question", "article", "answers"}
MIN_LEN, MAX_LEN = 8, 40
FORBIDDEN = ("**", "[", "](", "#", "\\")

# Lines where the interviewer speaks (their question, not an answer).
QUESTION_LINE = re.compile(r"^\s*(\*\*)?\s*(斯特宾斯[：:]|采访者|Q\s*[:：])")
# Answer lines that the source mislabels with the interviewer's name.
MISLABELLED_ANSWERS = ("斯特宾斯：这完全取决于模型的质量",)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_CORPUS_DIRS = (REPO.parent / "shared" / "corpus", Path("/work/shared/corpus"))


def find_corpus(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    for d in DEFAULT_CORPUS_DIRS:
        if d.is_dir():
            return d
    sys.exit("corpus directory not found; pass it as the first argument")


def load_corpus(corpus: Path) -> dict[str, tuple[str, list[str]]]:
    """article id -> (full text, lines)"""
    out = {}
    for art, prefix in ARTICLES.items():
        files = sorted(corpus.glob(prefix + "*.txt"))
        if len(files) != 1:
            sys.exit(f"expected one file {prefix}*.txt in {corpus}, found {len(files)}")
        text = files[0].read_text(encoding="utf-8")
        out[art] = (text, text.splitlines())
    return out


def is_question_line(line: str) -> bool:
    if any(line.lstrip().startswith(m) for m in MISLABELLED_ANSWERS):
        return False
    return bool(QUESTION_LINE.match(line))


def check_excerpt(ex, corpus) -> tuple[list[str], str | None]:
    """Return (problems, article id holding the excerpt)."""
    if not isinstance(ex, str):
        return [f"excerpt is not a string: {ex!r}"], None
    probs = []
    if not MIN_LEN <= len(ex) <= MAX_LEN:
        probs.append(f"length {len(ex)} outside {MIN_LEN}-{MAX_LEN}: {ex!r}")
    if ex != ex.strip():
        probs.append(f"leading/trailing whitespace: {ex!r}")
    if "\n" in ex or "\r" in ex:
        probs.append(f"line break in excerpt: {ex!r}")
    for m in FORBIDDEN:
        if m in ex:
            probs.append(f"markdown marker {m!r} in excerpt: {ex!r}")
    if ex.startswith(">"):
        probs.append(f"excerpt starts with '>': {ex!r}")
    total = sum(text.count(ex) for text, _ in corpus.values())
    if total == 0:
        return [*probs, f"not found in corpus: {ex!r}"], None
    if total > 1:
        probs.append(f"not distinctive, occurs {total} times in corpus: {ex!r}")
    home = None
    for art, (text, lines) in corpus.items():
        if ex in text:
            home = art
            hits = [ln for ln in lines if ex in ln]
            if not hits:
                probs.append(f"spans a line break in {art}: {ex!r}")
            elif all(is_question_line(ln) for ln in hits):
                probs.append(f"lies in an interviewer question line in {art}: {ex!r}")
    return probs, home


def main(argv: list[str]) -> int:
    corpus = load_corpus(find_corpus(argv[1] if len(argv) > 1 else None))
    qpath = Path(argv[2]) if len(argv) > 2 else HERE / "questions.jsonl"
    errors: list[str] = []
    by_lang = collections.Counter()
    by_article = collections.Counter()
    by_split = collections.Counter()
    by_lang_split = collections.Counter()
    seen_questions = set()
    n_excerpts = 0
    n = 0

    for lineno, raw in enumerate(qpath.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            errors.append(f"line {lineno}: empty line")
            continue
        try:
            q = json.loads(raw)
        except json.JSONDecodeError as e:
            errors.append(f"line {lineno}: invalid JSON: {e}")
            continue
        n += 1
        where = f"line {lineno} ({q.get('id') if isinstance(q, dict) else '?'})"
        if not isinstance(q, dict) or set(q) != KEYS:
            errors.append(f"{where}: keys must be exactly {sorted(KEYS)}")
            continue
        if q["id"] != f"q{n:03d}":
            errors.append(f"{where}: id should be q{n:03d}")
        if q["lang"] not in LANGS:
            errors.append(f"{where}: unknown lang {q['lang']!r}")
        if q["split"] not in SPLITS:
            errors.append(f"{where}: unknown split {q['split']!r}")
        if q["article"] not in ARTICLES:
            errors.append(f"{where}: unknown article {q['article']!r}")
        question = q["question"]
        if not isinstance(question, str) or not question.strip():
            errors.append(f"{where}: empty question")
        elif question in seen_questions:
            errors.append(f"{where}: duplicate question")
        else:
            seen_questions.add(question)
        answers = q["answers"]
        if not isinstance(answers, list) or not answers:
            errors.append(f"{where}: answers must be a non-empty list")
            continue
        if len(set(answers)) != len(answers):
            errors.append(f"{where}: duplicate excerpts")
        homes = set()
        for ex in answers:
            n_excerpts += 1
            probs, home = check_excerpt(ex, corpus)
            errors.extend(f"{where}: {p}" for p in probs)
            if home:
                homes.add(home)
        if q["article"] in ARTICLES and q["article"] not in homes:
            errors.append(f"{where}: no excerpt from the main article {q['article']}")
        by_lang[q["lang"]] += 1
        by_article[q["article"]] += 1
        by_split[q["split"]] += 1
        by_lang_split[(q["lang"], q["split"])] += 1

    print(f"{n} questions, {n_excerpts} excerpts")
    print("per lang:   ", ", ".join(f"{k} {by_lang[k]} ({by_lang[k] / max(n, 1):.0%})" for k in LANGS))
    print("per article:", ", ".join(f"{k} {by_article[k]}" for k in ARTICLES))
    print("per split:  ", ", ".join(f"{k} {by_split[k]} ({by_split[k] / max(n, 1):.0%})" for k in SPLITS))
    print("heldout per lang:", ", ".join(f"{k} {by_lang_split[(k, 'heldout')]}" for k in LANGS))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("all excerpts verified")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
