"""Linking an imported article to the versions of the same interview already stored."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.engine import Engine

from bot.answer import answerer
from bot.answer.library import Library
from bot.importer.pipeline import import_article
from bot.importer.storing import remove_article, same_interviewee
from bot.runtime.settings import Settings
from corpus.loader import CORPUS_DIR, load_bundled
from corpus.models import Article
from tests.pages import PageServer, open_db_library

BUNDLED = {a.id for a in load_bundled().articles}


def repost(tmp_path: Path) -> Path:
    """量子位's interview as another site re-published it: other header, last third cut off."""
    lines = (CORPUS_DIR / "articles" / "qbitai-gomez-20vc.txt").read_text(encoding="utf-8").splitlines()
    body = lines[8:int(len(lines) * 0.66)]
    path = tmp_path / "repost.txt"
    path.write_text("---\ntitle: Transformer作者访谈（转载）\npublisher: 转载网\nurl: https://repost.example/gomez\n---"
                    "\n"
                    + "\n".join(body) + "\n", encoding="utf-8")
    return path


def test_a_re_report_is_detected_and_linked_both_ways(db: Settings, engine: Engine, tmp_path: Path) -> None:
    item = import_article(str(repost(tmp_path)), engine)
    assert item.stored.status == "added"
    assert "qbitai-gomez-20vc" in item.stored.linked
    new_id = item.stored.article_id
    library = open_db_library(db)
    new = [p for p in library.passages if p.article_id == new_id and p.kind == "answer"]
    linked = [p for p in new if any(v.startswith("qbitai-gomez-20vc:") for v in p.versions)]
    assert len(linked) >= 0.8 * len(new)
    for p in linked:
        for v in p.versions:
            assert p.id in library.by_id[v].versions  # both ways
    assert library.articles[new_id].interview == library.articles["qbitai-gomez-20vc"].interview
    # answers group the versions: the same passage is not quoted twice
    sample = linked[len(linked) // 2]
    reply = answerer.answer(library, sample.text[:120])
    top = reply.quotes[0]
    group = {top.passage_id, *(v.passage_id for v in top.also_in)}
    assert sample.id in group and set(sample.versions) & group
    others = {q.passage_id for q in reply.quotes[1:]}
    assert not others & group  # the versions are folded into one quote, not repeated


def test_links_survive_a_bundled_resync_and_go_away_on_remove(db: Settings, engine: Engine, tmp_path: Path) -> None:
    new_id = import_article(str(repost(tmp_path)), engine).stored.article_id
    resynced = open_db_library(db, rebuild=True)  # bundled rows rewritten without the new links
    bundled = [p for p in resynced.passages if p.article_id == "qbitai-gomez-20vc"]
    assert any(v.startswith(f"{new_id}:") for p in bundled for v in p.versions)
    remove_article(engine, new_id)
    after = open_db_library(db)
    assert not any(v.startswith(f"{new_id}:") for p in after.passages for v in p.versions)
    assert new_id not in after.articles


def test_translation_of_links_across_languages(pages: PageServer, db: Settings, engine: Engine) -> None:
    german = import_article(pages("/de/hanna-keller"), engine).stored.article_id
    english = import_article(pages("/de/hanna-keller-en"), engine, translation_of=german)
    assert english.stored.linked == [german]
    library = open_db_library(db)
    mite = next(p for p in library.passages if p.text.startswith("The varroa mite"))
    assert [library.by_id[v].text.split(",")[0] for v in mite.versions] == ["Die Varroamilbe"]
    milbe = library.by_id[mite.versions[0]]
    assert mite.id in milbe.versions
    art = library.articles[english.stored.article_id]
    assert art.translation_of == german and art.interview == library.articles[german].interview


def test_an_unrelated_interview_is_not_linked(pages: PageServer, db: Settings, engine: Engine) -> None:
    item = import_article(pages("/interviews/mira-castellanos"), engine)
    assert item.stored.linked == []
    library = open_db_library(db)
    assert not any(p.versions for p in library.passages if p.article_id == item.stored.article_id)


def test_a_translation_is_detected_without_a_hint(pages: PageServer, db: Settings, engine: Engine) -> None:
    german = import_article(pages("/de/hanna-keller"), engine).stored.article_id
    english = import_article(pages("/de/hanna-keller-en"), engine)
    assert english.stored.linked == [german]
    library = open_db_library(db)
    assert library.articles[english.stored.article_id].translation_of == german


def bundled_links(library: Library) -> dict[str, list[str]]:
    return {p.id: sorted(p.versions) for p in library.passages if p.article_id in BUNDLED}


def test_unrelated_interviews_leave_every_link_as_it_was(db: Settings, engine: Engine) -> None:
    """Nine interviews of other people, in three languages, some of them the same shape as a bundled
    article: none becomes a version of anything, and the bundled answers link to what they linked to."""
    before = open_db_library(db)
    links = bundled_links(before)
    questions = ["Aidan Gomez 如何看待数据质量？", "What does Gomez think about synthetic data?",
                 "Was sagt Gomez über Robotik?", "戴雨森怎么看AI创业？"]

    def also_in(library: Library) -> dict[str, list[str]]:
        return {q.passage_id: sorted(v.passage_id for v in q.also_in)
                for question in questions for q in answerer.answer(library, question).quotes}

    shown = also_in(before)
    added = []
    specs = sorted((Path(__file__).parent / "fixtures").glob("*.spec.json"))
    for spec in specs:
        document = spec.with_name(json.loads(spec.read_text(encoding="utf-8"))["file"])
        item = import_article(str(document), engine)
        assert item.stored.linked == [], (document.name, item.stored.linked)
        added.append(item.stored.article_id)
    after = open_db_library(db)
    assert set(added) <= set(after.articles) and len(added) == len(specs) >= 9
    assert bundled_links(after) == links
    assert not any(p.versions for p in after.passages if p.article_id in added)
    again = also_in(after)
    assert any(pid in shown for pid in again)
    for pid, versions in again.items():  # a bundled answer shows the versions it showed before, and no import
        if pid in shown:
            assert versions == shown[pid]
        assert not any(v.split(":")[0] in added for v in versions)


def test_versions_need_the_same_interviewee() -> None:
    def article(*names: str) -> Article:
        return Article(id="x", title="t", publisher="p", language="en", interviewees=list(names))

    assert same_interviewee(article("Hanna Keller"), article("Hanna Keller"), "", "")
    assert not same_interviewee(article("Richard M. Stallman"), article("Tim Hockin", "Aparna Sinha"), "", "")
    assert same_interviewee(article("Aidan Gomez"), article("戈麦斯"), "…", "Aidan Gomez 认为…")  # one writes the other
    assert not same_interviewee(article("Oliver Sander"), article("艾丹·戈麦斯"), "", "Aidan Gomez 认为…")
