"""`interview-bot add` / `remove` against pages on 127.0.0.1 and a per-test SQLite database."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.adapters.cli import main
from bot.db import corpus_store as store
from bot.db.engine import make_engine
from bot.db.schema import ArticleRow, PassageRow
from bot.runtime.settings import Settings
from tests.pages import PAGES, PageServer, PrivateServer, open_db_library

MIRA = "/interviews/mira-castellanos"
CANONICAL = "https://harbourledger.example/2025/04/mira-castellanos-battery-recycling-interview"


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def state(settings: Settings) -> dict:
    """Articles (id -> origin), passage count and corpus version in the database."""
    engine = make_engine(settings.db_url)
    with Session(engine) as s:
        out = {
            "articles": dict(s.execute(select(ArticleRow.id, ArticleRow.origin)).all()),
            "passages": s.scalar(select(func.count()).select_from(PassageRow)),
            "version": store.corpus_version(s),
        }
    engine.dispose()
    return out


def imported(settings: Settings) -> list[str]:
    return sorted(k for k, v in state(settings)["articles"].items() if v == "imported")


def ask_json(question: str) -> dict:
    result = run("ask", "--json", question)
    return json.loads(result.output)


def test_add_then_ask_quotes_the_new_article_with_its_canonical_link(
        pages: PageServer, db: Settings) -> None:
    before = state(db)
    result = run("add", "--yes", pages(MIRA))
    assert result.exit_code == 0, result.output
    assert "The Harbour Ledger" in result.output and "Mira Castellanos" in result.output
    after = state(db)
    (new_id,) = imported(db)
    assert after["passages"] == before["passages"] + 6  # 5 answers (one of two paragraphs), 1 narrative
    assert int(after["version"]) == int(before["version"]) + 1
    reply = ask_json("Why did the recycling plant go into the port instead of near the mines?")
    top = reply["results"][0]
    assert top["article"]["id"] == new_id
    assert top["article"]["url"] == CANONICAL
    assert top["speaker"] == "Mira Castellanos"
    assert "Because the port is where the volume already is." in top["passage"]
    other = ask_json("cobalt prices margins regulation")
    assert other["results"][0]["article"]["id"] == new_id


def test_same_article_is_not_added_twice(pages: PageServer, db: Settings, tmp_path: Path) -> None:
    assert run("add", "--yes", pages(MIRA)).exit_code == 0
    once = state(db)
    again = run("add", "--yes", pages("/old/mira"))  # another address, same canonical URL
    assert again.exit_code == 0
    assert "already stored" in again.output
    local = tmp_path / "copy.html"  # a saved copy: same canonical link
    local.write_text((PAGES / "en-interview.html").read_text(encoding="utf-8"), encoding="utf-8")
    assert "already stored" in run("add", "--yes", str(local)).output
    assert state(db) == once


def test_same_text_without_link_is_a_duplicate_by_content(db: Settings, tmp_path: Path) -> None:
    raw = (PAGES / "de-interview.html").read_text(encoding="utf-8")
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    stripped = re.sub(r'<link rel="canonical"[^>]*>', "", raw)
    first.write_text(stripped, encoding="utf-8")
    second.write_text(stripped.replace("Startseite", "Home").replace("Jetzt 3 Monate", "Nur heute"), encoding="utf-8")
    assert run("add", "--yes", str(first)).exit_code == 0
    once = state(db)
    assert "already stored" in run("add", "--yes", str(second)).output
    assert state(db) == once


def test_replace_reimports_under_the_same_id(pages: PageServer, db: Settings) -> None:
    run("add", "--yes", pages(MIRA))
    (article_id,) = imported(db)
    before = state(db)
    result = run("add", "--yes", "--replace", pages(MIRA))
    assert result.exit_code == 0, result.output
    assert f"replaced {article_id}" in result.output
    after = state(db)
    assert imported(db) == [article_id]
    assert after["passages"] == before["passages"]
    assert int(after["version"]) == int(before["version"]) + 1


def test_dry_run_shows_passages_and_stores_nothing(pages: PageServer, db: Settings) -> None:
    before = state(db)
    result = run("add", "--dry-run", pages("/zh/lin-xiaolan"))
    assert result.exit_code == 0
    assert "我最担心的是人才。" in result.output
    assert "记者 → 周然 · interviewer" in result.output  # the byline names him
    assert "林晓岚 · interviewee" in result.output
    assert "left out as page chrome" in result.output
    assert "dry run: nothing stored" in result.output
    assert state(db) == before


def test_confirmation_declined_stores_nothing(pages: PageServer, db: Settings) -> None:
    before = state(db)
    result = run("add", pages(MIRA), input="n\n")
    assert "Store 1 article(s)?" in result.output
    assert state(db) == before


def test_without_an_answer_to_read_the_questions_default_is_taken(pages: PageServer, db: Settings) -> None:
    """A script (stdin at its end) gets what an empty answer gives: `add` stores, `remove` keeps."""
    added = run("add", pages(MIRA), input="")
    assert added.exit_code == 0 and "nothing to read an answer from" in added.output, added.output
    (article_id,) = imported(db)
    kept = run("remove", article_id, input="")
    assert kept.exit_code == 1 and "nothing removed" in kept.output and imported(db) == [article_id]


def test_eval_says_when_it_scores_added_articles_too(pages: PageServer, db: Settings, tmp_path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "a", "lang": "en", "split": "dev", "question": "Who is Gomez?",
                                     "answers": ["Gomez"]}), encoding="utf-8")
    assert "added article" not in run("eval", str(questions)).output
    run("add", "--yes", pages(MIRA))
    (article_id,) = imported(db)
    scored = run("eval", str(questions))
    assert scored.exit_code == 0 and f"1 added article(s) ({article_id})" in scored.output, scored.output
    assert "added article" not in run("eval", str(questions), "--memory").output
    assert json.loads(run("eval", str(questions), "--json").output)["library"]["added"] == [article_id]


def test_several_inputs_one_failing(pages: PageServer, db: Settings) -> None:
    result = run("add", "--yes", pages(MIRA), pages("/nowhere"), pages("/de/hanna-keller"), pages("/report.pdf"))
    assert result.exit_code == 1
    assert "404" in result.output and "the PDF could not be read" in result.output
    assert len(imported(db)) == 2


def test_failed_import_changes_nothing(pages: PageServer, db: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    before = state(db)
    for path in ("/nowhere", "/broken", "/huge", "/logo.png", "/empty"):
        assert run("add", "--yes", pages(path)).exit_code == 1
    assert run("add", "--yes", "--translation-of", "no-such-article", pages(MIRA)).exit_code == 1
    assert state(db) == before

    def explode(session: Session) -> None:  # a failure after the rows were written, inside the transaction
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "bump_corpus_version", explode)
    with pytest.raises(RuntimeError, match="disk full"):
        run("add", "--yes", pages(MIRA))
    assert state(db) == before


def test_remove(pages: PageServer, db: Settings) -> None:
    before = state(db)
    run("add", "--yes", pages(MIRA))
    (article_id,) = imported(db)
    result = run("remove", "--yes", article_id)
    assert result.exit_code == 0 and "6 passages" in result.output
    after = state(db)
    assert after["articles"] == before["articles"] and after["passages"] == before["passages"]
    reply = ask_json("Why did the recycling plant go into the port instead of near the mines?")
    assert all(q["article"]["id"] != article_id for q in reply["results"])


def test_remove_refuses_bundled_and_unknown_articles(db: Settings) -> None:
    before = state(db)
    bundled = run("remove", "--yes", "xinpiceng-dai-yusen")
    assert bundled.exit_code == 1 and "bundled corpus" in bundled.output
    unknown = run("remove", "--yes", "nope")
    assert unknown.exit_code == 1 and "no article 'nope'" in unknown.output
    assert state(db) == before


def test_explicit_id_and_clash(pages: PageServer, db: Settings) -> None:
    assert run("add", "--yes", "--id", "keller-bees", pages("/de/hanna-keller")).exit_code == 0
    assert imported(db) == ["keller-bees"]
    clash = run("add", "--yes", "--id", "keller-bees", pages(MIRA))
    assert clash.exit_code == 1 and "already exists" in clash.output
    bad = run("add", "--yes", "--id", "Not OK!", pages(MIRA))
    assert bad.exit_code == 1 and "invalid article id" in bad.output
    assert imported(db) == ["keller-bees"]


def test_imported_articles_survive_a_bundled_resync(pages: PageServer, db: Settings) -> None:
    run("add", "--yes", pages(MIRA))
    (article_id,) = imported(db)
    library = open_db_library(db, rebuild=True)  # what an upgrade with changed bundled files does
    assert article_id in library.articles
    assert imported(db) == [article_id]


def test_help_lists_the_commands() -> None:
    out = run("--help").output
    assert "add" in out and "remove" in out
    assert "--translation-of" in run("add", "--help").output


def test_same_page_ignores_scheme_tracking_and_trailing_slash() -> None:
    from bot.importer.storing import same_page

    assert same_page("https://www.Example.org/a/b/?utm_source=x&id=3#top") == same_page("http://example.org/a/b?id=3")
    assert same_page("https://example.org/a?id=3") != same_page("https://example.org/a?id=4")


def test_add_refuses_private_addresses_unless_allowed(private_pages: PrivateServer, db: Settings) -> None:
    before = state(db)
    refused = run("add", "--yes", private_pages(MIRA))
    flat = " ".join(refused.output.split())
    assert refused.exit_code == 1
    assert f"{private_pages(MIRA)}: this address is not public" in flat and "--allow-private" in flat
    assert private_pages.requests == [] and state(db) == before
    allowed = run("add", "--yes", "--allow-private", private_pages(MIRA))
    assert allowed.exit_code == 0, allowed.output
    assert len(imported(db)) == 1 and private_pages.requests == [MIRA]
    assert "--allow-private" in run("add", "--help").output


def test_remove_checks_the_article_before_asking(pages: PageServer, db: Settings) -> None:
    before = state(db)
    for article_id, reason in (("nope", "no article 'nope'"), ("xinpiceng-dai-yusen", "bundled corpus")):
        result = run("remove", article_id, input="y\n")
        assert result.exit_code == 1 and reason in result.output
        assert "all its passages?" not in result.output  # refused at once: no question asked first
    assert state(db) == before
    run("add", "--yes", pages(MIRA))
    (article_id,) = imported(db)
    kept = run("remove", article_id, input="n\n")  # a removable article: asked, and declined
    assert f"Remove {article_id} and all its passages?" in kept.output and kept.exit_code == 1
    assert imported(db) == [article_id]
    removed = run("remove", article_id, input="y\n")
    assert removed.exit_code == 0 and "6 passages" in removed.output and imported(db) == []
