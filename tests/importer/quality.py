"""How well an interview imports, measured against a spec of what a reader sees in it.

A spec (JSON) names the document's title (null: the document has none, the import must say so; `title_alternatives`
lists other renderings the page itself gives, such as the headline with its kicker),
publisher, date, link, interviewees (and `also_quoted`: others whose own words may be quoted), sentences
of each answer with their speaker, page `chrome` that must never be in a passage (a bracketed marker
such as "[laughter]" may stand inside a quote, never alone), `narrative` (intros, editors' notes: article
text that may be a narrative passage but never part of an answer), and reader questions with excerpts
of their answers. `score(spec, document)` imports the document as `interview-bot add --dry-run` reads it
and reports each check; `python tests/importer/quality.py SPECS[:DOCUMENTS]... [-v] [--same-language]`
prints the table for every spec whose document is found (beside it or in DOCUMENTS).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from bot.answer.answerer import answer  # noqa: E402
from bot.answer.library import Library  # noqa: E402
from bot.importer.pipeline import read_article  # noqa: E402
from bot.importer.prepare import Prepared  # noqa: E402
from corpus.loader import load_bundled  # noqa: E402
from corpus.models import Passage  # noqa: E402

TITLES = {"prof", "prof.", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "herr", "frau"}
MIN_CHROME = 10  # characters: shorter chrome strings ("Foto:") can occur in an answer by chance
MARKER = re.compile(r"\s*[\[(（][^\])）]{2,20}[\])）]\s*")  # "[laughter]": may stand in a quote, never alone


def squash(text: str | None) -> str:
    """Text as compared: NFKC, emphasis marks removed, runs of whitespace as one space."""
    text = unicodedata.normalize("NFKC", text or "").replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two renderings name the same person ("Prof. Oliver Sander" and "Oliver Sander")."""
    def words(name: str | None) -> set[str]:
        return {w for w in squash(name).casefold().replace("·", " ").split() if w not in TITLES}

    wa, wb = words(a), words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


@dataclass
class Report:
    """The checks of one document; `problems` says what went wrong, in words."""

    name: str
    title: bool = False
    publisher: bool = False
    date: bool = False
    link: bool = False
    interviewees: bool = False
    attributed: tuple[int, int] = (0, 0)  # answer sentences in a passage of the right speaker / all
    lost: int = 0  # answer sentences in no passage at all
    chrome: int = 0  # passages holding page chrome
    questions: tuple[int, int] = (0, 0)  # reader questions answered in the top three / all
    problems: list[str] = field(default_factory=list)

    def row(self) -> str:
        def mark(ok: bool) -> str:
            return "ok" if ok else "--"

        return (f"{self.name[:34]:34} {mark(self.title):>5} {mark(self.publisher):>4} {mark(self.date):>4} "
                f"{mark(self.link):>4} {mark(self.interviewees):>5} {self.attributed[0]:>3}/{self.attributed[1]:<3} "
                f"{self.lost:>4} {self.chrome:>6} {self.questions[0]:>3}/{self.questions[1]:<3}")

    @staticmethod
    def header() -> str:
        return (f"{'document':34} {'title':>5} {'pub':>4} {'date':>4} {'link':>4} {'names':>5} {'speaker':>7} "
                f"{'lost':>4} {'chrome':>6} {'questions':>9}")


def score(spec: dict, document: Path, bundled: Library | None = None, languages: set[str] | None = None) -> Report:
    """Import `document` (nothing is stored) and check it against `spec` (reader questions: those in
    `languages` only, if given)."""
    prepared: Prepared = read_article(str(document))
    article, passages = prepared.article, prepared.passages
    report = Report(document.name)
    titles = [spec.get("title"), *spec.get("title_alternatives", [])]  # e.g. the headline with its kicker
    report.title = (squash(article.title) in {squash(t) for t in titles} if spec.get("title")
                    else prepared.found.get("title") == "file name")
    if not report.title:
        report.problems.append(f"title {article.title!r}, expected {spec.get('title')!r}")
    expected_publisher = spec.get("publisher")
    report.publisher = (squash(article.publisher).casefold() == squash(expected_publisher).casefold()
                        if expected_publisher else not article.publisher)
    if not report.publisher:
        report.problems.append(f"publisher {article.publisher!r}, expected {expected_publisher!r}")
    report.date = (article.published or "")[:10] == (spec.get("published") or "")[:10]
    if not report.date:
        report.problems.append(f"date {article.published!r}, expected {spec.get('published')!r}")
    expected_link = spec.get("url_in_page", spec.get("url_in_doc"))
    report.link = (article.url or None) == (expected_link or None)
    if not report.link:
        report.problems.append(f"link {article.url!r}, expected {expected_link!r}")
    found = list(prepared.cast.interviewees)
    expected = [*spec["interviewees"], *spec.get("also_quoted", [])]
    report.interviewees = (all(any(same_person(f, e) for e in expected) for f in found)
                           and all(any(same_person(f, e) for f in found) for e in spec["interviewees"]))
    if not report.interviewees:
        report.problems.append(f"interviewees {found}, expected {spec['interviewees']}")
    texts = [(squash(p.text), p) for p in passages]
    right = 0
    for item in spec["answers"]:
        sentence = squash(item["text"])
        holding = [p for t, p in texts if sentence in t]
        if not holding:
            report.lost += 1
            report.problems.append(f"lost: {item['text'][:60]!r}")
        elif any(p.kind == "answer" and same_person(p.speaker, item["speaker"]) for p in holding):
            right += 1
        else:
            report.problems.append(f"{item['text'][:50]!r} credited to {holding[0].speaker!r} ({holding[0].kind}), "
                                   f"expected {item['speaker']!r}")
    report.attributed = (right, len(spec["answers"]))
    narrative = [squash(c) for c in spec.get("narrative", []) if len(squash(c)) >= MIN_CHROME]
    chrome = [squash(c) for c in spec.get("chrome", []) if len(squash(c)) >= MIN_CHROME and not MARKER.fullmatch(c)]
    markers = [squash(c) for c in spec.get("chrome", []) if MARKER.fullmatch(c)]
    bad: list[tuple[str, Passage]] = []
    for t, p in texts:
        hit = next((c for c in chrome if c in t), None)
        hit = hit or next((c for c in narrative if c in t and p.kind == "answer"), None)
        hit = hit or next((c for c in markers if t == c), None)
        if hit:
            bad.append((hit, p))
    report.chrome = len(bad)
    for hit, p in bad[:6]:
        report.problems.append(f"chrome in a passage ({p.kind}, {p.speaker}): {hit[:50]!r} in {p.text[:40]!r}")
    library = with_article(bundled or bundled_library(), prepared)
    hits = 0
    questions = [q for q in spec.get("questions", []) if languages is None or q.get("lang", "")[:2] in languages]
    for q in questions:
        reply = answer(library, q["question"])
        shown = [squash(v) for quote in reply.quotes[:3] for v in (quote.passage, *(x.passage for x in quote.also_in))]
        if any(squash(a) in t for a in q["answers"] for t in shown):
            hits += 1
        else:
            report.problems.append(f"question missed: {q['question'][:60]!r}")
    report.questions = (hits, len(questions))
    return report


def bundled_library() -> Library:
    corpus = load_bundled()
    return Library.build(corpus.articles, corpus.passages)


def with_article(bundled: Library, prepared: Prepared) -> Library:
    """The bundled corpus and one more article, indexed in memory."""
    return Library.build([*bundled.articles.values(), prepared.article], [*bundled.passages, *prepared.passages])


def specs_in(folder: Path, documents: Path | None = None) -> list[tuple[dict, Path]]:
    """(spec, document) for every NAME.spec.json in `folder` whose document is beside it or in `documents`."""
    out = []
    for spec_path in sorted(folder.glob("*.spec.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        name = spec.get("file", spec_path.name.removesuffix(".spec.json"))
        for document in (folder / name, (documents or folder) / name):
            if document.exists():
                out.append((spec, document))
                break
    return out


def main(argv: list[str]) -> int:
    bundled = bundled_library()
    print(Report.header())
    for folder in [a for a in argv[1:] if not a.startswith("-")]:
        specs, _, documents = folder.partition(":")
        for spec, document in specs_in(Path(specs), Path(documents) if documents else None):
            try:
                same = {spec.get("language", "")[:2]} if "--same-language" in argv else None
                report = score(spec, document, bundled, same)
            except Exception as exc:  # a document that cannot be imported at all is a row too
                print(f"{document.name[:34]:34} not imported: {type(exc).__name__}: {exc}")
                continue
            print(report.row())
            if "-v" in argv:
                for problem in report.problems:
                    print(f"    {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv]))
