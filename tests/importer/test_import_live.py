"""Live reload: running bots answer from the new corpus after an add/remove, without restart or pause."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy.orm import Session

from bot import core, live, store
from bot.core import Library, get_library
from bot.importer.pipeline import import_article, read_article
from bot.importer.service import open_engine, remove_article, store_prepared
from bot.settings import Settings, get_settings
from tests.importer.conftest import PageServer

MIRA = "/interviews/mira-castellanos"
QUESTION = "Why did the recycling plant go into the port instead of near the mines?"


def from_article(library: Library, article_id: str) -> bool:
    reply = library.answer(QUESTION)
    return bool(reply.quotes) and reply.quotes[0].article.id == article_id


def test_live_library_forwards_to_the_current_library(library: Library) -> None:
    proxy = live.LiveLibrary(library)
    assert isinstance(proxy, Library)
    assert proxy.current is library and proxy.passages is library.passages
    question = "为什么只卖模型的公司会很艰难？"
    assert proxy.answer(question).to_json() == library.answer(question).to_json()
    other = Library.from_passages(list(library.articles.values())[:1],
                                  [p for p in library.passages if p.article_id == next(iter(library.articles))])
    proxy.swap(other)
    assert proxy.current is other and len(proxy.articles) == 1
    answer = proxy.answer  # a method taken before a swap stays on its library
    proxy.swap(library)
    assert answer.__self__ is other


def test_add_in_this_process_is_answered_at_once(pages: PageServer, db: Settings, fresh_library: None) -> None:
    lib = get_library()
    assert isinstance(lib, live.LiveLibrary)
    item = import_article(pages(MIRA), db)  # also asks this process's library to reload
    core.refresh_if_changed(wait=True)
    assert from_article(lib, item.stored.article_id)
    engine = open_engine(db)
    remove_article(engine, item.stored.article_id)
    engine.dispose()
    assert core.refresh_if_changed(wait=True)
    assert item.stored.article_id not in lib.articles
    assert not core.refresh_if_changed(wait=True)  # nothing changed since


def test_another_replica_picks_up_the_change_by_polling(
        pages: PageServer, db: Settings, fresh_library: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUS_REFRESH_SECONDS", "0.1")
    get_settings.cache_clear()
    lib = get_library()
    monkeypatch.setattr(live, "refresh_if_changed", lambda wait=False: False)  # the importer is "elsewhere"
    item = import_article(pages(MIRA), db)
    deadline = time.monotonic() + 20
    while item.stored.article_id not in lib.articles and time.monotonic() < deadline:
        time.sleep(0.05)
    assert from_article(lib, item.stored.article_id)


def test_swap_under_concurrent_questions(pages: PageServer, db: Settings, fresh_library: None) -> None:
    lib = get_library()
    before = lib.current
    engine = open_engine(db)

    def add() -> str:  # stored as another process would: this one only learns it by checking
        return store_prepared(engine, read_article(pages(MIRA))).article_id

    new_id = add()
    errors: list[BaseException] = []
    outcomes: list[tuple[float, str]] = []
    stop = threading.Event()

    def ask() -> None:
        while not stop.is_set():
            try:
                reply = lib.answer(QUESTION)
                ids = {q.article.id for q in reply.quotes}
                assert reply.status in ("ok", "no_match")
                for q in reply.quotes:  # every quote and version is a real passage of one corpus
                    assert q.passage and q.article.title
                    assert all(v.article.id != q.article.id for v in q.also_in)
                outcomes.append((time.monotonic(), "new" if new_id in ids else "old"))
            except BaseException as exc:
                errors.append(exc)
                return

    threads = [threading.Thread(target=ask, daemon=True) for _ in range(4)]
    for t in threads:
        t.start()
    reload_windows = []
    try:
        for round_ in range(3):
            started = time.monotonic()
            assert core.refresh_if_changed(wait=True)
            reload_windows.append((started, time.monotonic()))
            assert (new_id in lib.articles) is (round_ % 2 == 0)
            if round_ % 2 == 0:  # flip: remove, then add again
                remove_article(engine, new_id)
            else:
                add()
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=10)
        engine.dispose()
    assert not errors, errors[:3]
    assert lib.current is not before
    kinds = {k for _, k in outcomes}
    assert kinds == {"old", "new"}
    # no pause: questions kept being answered while each new index was being built
    for start, end in reload_windows:
        assert any(start <= t <= end for t, _ in outcomes), (start, end)


def test_a_failed_reload_keeps_answering_from_the_old_library(
        db: Settings, fresh_library: None, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = get_library()
    old = lib.current
    with Session(engine := store.make_engine(db.db_url)) as s, s.begin():
        store.bump_corpus_version(s)
    engine.dispose()

    def broken(*args: object, **kwargs: object) -> Library:
        raise RuntimeError("database gone")

    monkeypatch.setattr(Library, "open", classmethod(lambda cls, *a, **k: broken()))
    assert core.refresh_if_changed(wait=True)
    question = "为什么只卖模型的公司会很艰难？"
    assert lib.current is old and lib.answer(question).to_json() == old.answer(question).to_json()
