"""Live reload: running bots answer from the new corpus after an add/remove, without restart or pause."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from bot.answer import answerer
from bot.answer.library import Library
from bot.db import corpus_store as store
from bot.db.engine import open_database
from bot.importer.pipeline import import_article, read_article
from bot.importer.storing import remove_article, store_prepared
from bot.runtime.context import AppContext, open_context
from bot.runtime.live import LibraryHolder
from bot.runtime.settings import Settings, load_settings
from tests.pages import PageServer

MIRA = "/interviews/mira-castellanos"
QUESTION = "Why did the recycling plant go into the port instead of near the mines?"


def from_article(library: Library, article_id: str) -> bool:
    reply = answerer.answer(library, QUESTION)
    return bool(reply.quotes) and reply.quotes[0].article.id == article_id


@pytest.fixture
def ctx(db: Settings) -> Iterator[AppContext]:
    """This process's AppContext on the test's database (a bot's, without the platform)."""
    ctx = open_context(db, platform="test")
    yield ctx
    ctx.close()


def test_the_holder_gives_the_current_library_and_a_read_library_stays(library: Library) -> None:
    holder = LibraryHolder(library)
    assert holder.current is library and holder() is library
    first = next(iter(library.articles))
    other = Library.build([library.articles[first]], [p for p in library.passages if p.article_id == first])
    read = holder.current  # a caller that read the library before a swap keeps answering from it
    holder.swap(other)
    assert holder.current is other and len(holder.current.articles) == 1 and read is library


def test_add_in_this_process_is_answered_at_once(pages: PageServer, ctx: AppContext) -> None:
    item = import_article(pages(MIRA), ctx.engine)
    assert ctx.refresh(wait=True)  # what the chat /add commands do after importing
    assert from_article(ctx.library.current, item.stored.article_id)
    remove_article(ctx.engine, item.stored.article_id)
    assert ctx.refresh(wait=True)
    assert item.stored.article_id not in ctx.library.current.articles
    assert not ctx.refresh(wait=True)  # nothing changed since


def test_another_replica_picks_up_the_change_by_polling(pages: PageServer, db: Settings) -> None:
    replica = open_context(load_settings(corpus_refresh_seconds=0.1), platform="test").start()
    elsewhere = open_database(db.db_url)  # the importer is another process
    try:
        item = import_article(pages(MIRA), elsewhere)
        deadline = time.monotonic() + 20
        while item.stored.article_id not in replica.library.current.articles and time.monotonic() < deadline:
            time.sleep(0.05)
        assert from_article(replica.library.current, item.stored.article_id)
    finally:
        elsewhere.dispose()
        replica.close()


def test_swap_under_concurrent_questions(pages: PageServer, db: Settings, ctx: AppContext) -> None:
    before = ctx.library.current
    engine = open_database(db.db_url)

    def add() -> str:  # stored as another process would: this one only learns it by checking
        return store_prepared(engine, read_article(pages(MIRA))).article_id

    new_id = add()
    ctx.library.current.warm_up()  # as the bots do before their first question
    ctx.answerer(QUESTION)
    errors: list[BaseException] = []
    outcomes: list[tuple[float, str]] = []
    stop = threading.Event()

    def ask() -> None:
        while not stop.is_set():
            try:
                reply = ctx.answerer(QUESTION)
                ids = {q.article.id for q in reply.quotes}
                assert reply.status in ("ok", "no_match")
                for q in reply.quotes:  # every quote and version is a real passage of one corpus
                    assert q.passage and q.article.title
                    assert all(v.article.id != q.article.id for v in q.also_in)
                outcomes.append((time.monotonic(), "new" if new_id in ids else "old"))
            except BaseException as exc:
                errors.append(exc)
                return

    load = ctx.reloader.load

    def slow_load() -> Library:  # a reload as long as a big corpus's: answers must go on meanwhile
        library = load()
        time.sleep(0.5)
        return library

    ctx.reloader.load = slow_load
    threads = [threading.Thread(target=ask, daemon=True) for _ in range(4)]
    for t in threads:
        t.start()
    reload_windows = []
    try:
        for round_ in range(3):
            started = time.monotonic()
            assert ctx.refresh(wait=True)
            reload_windows.append((started, time.monotonic()))
            assert (new_id in ctx.library.current.articles) is (round_ % 2 == 0)
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
    assert ctx.library.current is not before
    kinds = {k for _, k in outcomes}
    assert kinds == {"old", "new"}
    # no pause: questions kept being answered while each new index was being built
    for start, end in reload_windows:
        assert any(start <= t <= end for t, _ in outcomes), (start, end)


def test_a_failed_reload_keeps_answering_from_the_old_library(ctx: AppContext) -> None:
    old = ctx.library.current
    with Session(ctx.engine) as s, s.begin():
        store.bump_corpus_version(s)

    def broken(*args: object, **kwargs: object) -> Library:
        raise RuntimeError("database gone")

    ctx.reloader.load = broken  # this context's loader fails from now on
    assert ctx.refresh(wait=True)
    question = "为什么只卖模型的公司会很艰难？"
    assert ctx.library.current is old
    assert ctx.answerer(question).to_json() == answerer.answer(old, question).to_json()
