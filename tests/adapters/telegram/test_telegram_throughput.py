"""The throughput machinery: chat-ordered concurrency, saved "more" questions off the event loop, the
answer cache, the aiohttp request backend and the start-up warm-up (timings live in
benchmarks/telegram_load.py, not here)."""

from __future__ import annotations

import asyncio
import gc
import socket
from datetime import UTC, datetime
from urllib.parse import parse_qsl

import pytest
from aiohttp import web
from sqlalchemy import func, select
from telegram import Chat, InlineQuery, InputFile, Message, Update, User
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.adapters.telegram import render
from bot.adapters.telegram.answers import AnswerCache
from bot.adapters.telegram.application import on_startup
from bot.adapters.telegram.request import AiohttpRequest, form_encode
from bot.adapters.telegram.updates import ChatOrderedProcessor
from bot.answer.answerer import MAX_QUESTION, Answerer
from bot.answer.reply import Reply
from bot.answer.texts import SAMPLES
from bot.db import chat_state
from bot.db.engine import make_engine, open_database
from bot.db.schema import SavedQuery
from bot.runtime.live import LibraryHolder
from bot.runtime.metrics import Metrics
from tests.adapters.telegram.fake_api import make_app, message, start_polling, stop


# -- one chat in order, chats concurrently ------------------------------------------------------------------
def text_update(update_id: int, chat_id: int) -> Update:
    user = User(chat_id, "U", False)
    return Update(update_id, message=Message(update_id, datetime.now(UTC), Chat(chat_id, "private"),
                                             from_user=user, text="hi"))


async def test_one_chats_updates_wait_for_each_other_other_chats_do_not() -> None:
    processor = ChatOrderedProcessor(16)
    log: list[str] = []
    release = asyncio.Event()

    async def handle(name: str, gate: asyncio.Event | None = None) -> None:
        log.append(f"start {name}")
        if gate is not None:
            await gate.wait()
        log.append(f"end {name}")

    a1 = asyncio.create_task(processor.process_update(text_update(1, 7), handle("a1", release)))
    a2 = asyncio.create_task(processor.process_update(text_update(2, 7), handle("a2")))
    b1 = asyncio.create_task(processor.process_update(text_update(3, 8), handle("b1")))
    await asyncio.wait_for(b1, 2)  # chat 8 is answered while chat 7's first update still runs
    assert log == ["start a1", "end b1"] or log == ["start a1", "start b1", "end b1"]
    assert processor.busy_chats == 1
    release.set()
    await asyncio.wait_for(asyncio.gather(a1, a2), 2)
    assert log.index("end a1") < log.index("start a2")
    assert processor.busy_chats == 0  # no lock is kept for idle chats


async def test_updates_without_a_chat_are_ordered_by_user_or_not_at_all() -> None:
    processor = ChatOrderedProcessor(4)
    user = User(5, "U", False)
    inline = Update(1, inline_query=InlineQuery("q", user, "text", ""))
    order: list[int] = []
    release = asyncio.Event()

    async def handle(n: int, gate: asyncio.Event | None = None) -> None:
        if gate is not None:
            await gate.wait()
        order.append(n)

    first = asyncio.create_task(processor.process_update(inline, handle(1, release)))
    second = asyncio.create_task(processor.process_update(inline, handle(2)))
    await processor.process_update(object(), handle(3))  # not an Update: handled at once
    release.set()
    await asyncio.gather(first, second)
    assert order == [3, 1, 2]


# -- saved "more" questions -----------------------------------------------------------------------------------
@pytest.fixture
def engine(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'chat.sqlite3'}")
    yield engine
    engine.dispose()


def rows(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(SavedQuery)).scalar_one()


async def test_a_question_asked_again_keeps_its_id_and_its_row(engine) -> None:
    queries = chat_state.QueryStore(engine)
    first = await queries.save("戈麦斯怎么看合成数据？")
    assert await queries.save("戈麦斯怎么看合成数据？") == first
    assert await queries.save("another question") != first
    assert rows(engine) == 2
    assert queries.writes == 2


async def test_questions_arriving_together_share_a_commit_and_survive_a_restart(engine) -> None:
    queries = chat_state.QueryStore(engine)
    texts = [f"question {i}" for i in range(20)] + ["question 3"]
    ids = await asyncio.gather(*(queries.save(t) for t in texts))
    assert len(set(ids)) == 20 and ids[3] == ids[-1]
    assert queries.writes == 1
    other = make_engine(engine.url.render_as_string(hide_password=False))  # another process: only the database
    try:
        restarted = chat_state.QueryStore(other)
        assert [await restarted.load(i) for i in ids] == texts
        assert await restarted.load(max(ids) + 1) is None
        assert [restarted.load_now(i) for i in ids] == texts  # the same from a thread (Slack)
    finally:
        other.dispose()


async def test_a_failed_write_fails_those_waiting_and_the_next_one_is_tried_again(engine) -> None:
    queries = chat_state.QueryStore(engine)
    with engine.begin() as conn:  # the table is gone for a moment: the write fails
        conn.exec_driver_sql("ALTER TABLE saved_queries RENAME TO saved_queries_away")
    with pytest.raises(Exception, match="saved_queries"):
        await queries.save("lost")
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE saved_queries_away RENAME TO saved_queries")
    query_id = await queries.save("lost")  # not remembered as saved: written now
    assert await chat_state.QueryStore(queries.engine).load(query_id) == "lost"


async def test_an_in_memory_database_is_used_on_the_event_loops_thread() -> None:
    engine = open_database("sqlite:///:memory:")
    queries = chat_state.QueryStore(engine)
    query_id = await queries.save("in memory")
    assert await chat_state.QueryStore(engine).load(query_id) == "in memory"


def test_threads_save_and_load_through_the_same_store(engine) -> None:
    queries = chat_state.QueryStore(engine)
    first = queries.save_now("a Slack question")
    assert queries.save_now("a Slack question") == first and queries.writes == 1
    assert chat_state.QueryStore(engine).load_now(first) == "a Slack question"
    assert chat_state.QueryStore(engine).load_now(first + 1) is None


# -- the answer cache -----------------------------------------------------------------------------------------
class CountingAnswerer:
    """Stands in for the AppContext's Answerer: a fresh Reply for every question from the Library of the
    moment (any object here), counting the calls and what it is told to observe."""

    def __init__(self) -> None:
        self.holder = LibraryHolder(object())  # type: ignore[arg-type]
        self.calls = 0
        self.observed: list[tuple[Reply, int]] = []

    def library(self) -> object:
        return self.holder.current

    def __call__(self, question: str, top_k: int = 3, offset: int = 0, scope: object = None) -> Reply:
        self.calls += 1
        return Reply(query=question, note=f"{id(self.holder.current)} {self.calls}", offset=offset)

    def observe(self, reply: Reply, offset: int, seconds: float) -> None:
        self.observed.append((reply, offset))


def test_a_repeated_question_is_answered_from_the_cache_until_the_library_changes() -> None:
    answerer = CountingAnswerer()
    cache = AnswerCache(answerer, 8)  # type: ignore[arg-type]
    first = cache.answer("What about  AGI?")
    assert cache.answer(" What about AGI? ") is first  # the same question, normalised
    assert answerer.calls == 1 and (cache.hits, cache.misses) == (1, 1)
    assert cache.answer("What about AGI?", offset=3) is not first  # another page is another answer
    new = object()
    answerer.holder.swap(new)  # type: ignore[arg-type]  # the reloader swapped in a new corpus
    again = cache.answer("What about AGI?")
    assert again.reply.note == f"{id(new)} 3" and len(cache) == 1  # computed afresh for the new library


def test_cache_size_is_bounded_and_zero_keeps_nothing() -> None:
    answerer = CountingAnswerer()
    cache = AnswerCache(answerer, 2)  # type: ignore[arg-type]
    for q in ("a", "b", "c", "a"):
        cache.answer(q)
    assert answerer.calls == 4 and len(cache) == 2  # "a" was dropped when "c" came
    off = AnswerCache(answerer, 0)  # type: ignore[arg-type]
    off.answer("a")
    off.answer("a")
    assert answerer.calls == 6 and len(off) == 0
    refused = cache.answer("x" * (MAX_QUESTION + 1), lang="de")  # refused before any analysis
    assert answerer.calls == 6 and refused.reply.status == "invalid" and "Zeichen" in (refused.reply.note or "")
    assert all(len(k[0]) <= MAX_QUESTION for k in cache._answers)


def test_an_answer_renders_once_like_the_renderer(ctx) -> None:
    cache = AnswerCache(ctx.answerer)
    answer = cache.answer(SAMPLES["zh"][1])
    assert list(answer.messages) == render.render_reply(answer.reply)
    assert answer.messages is answer.messages
    keyboard = answer.keyboard(17)  # made each time (not kept: see bot.adapters.telegram.answers)
    assert keyboard == render.reply_keyboard(answer.reply, 17) and answer.keyboard(17) == keyboard
    assert keyboard != answer.keyboard(18)  # "more" points at the saved question it is made for


async def test_a_repeated_question_gets_the_same_more_button(fake, library, question, tmp_path) -> None:
    app = make_app(fake, library)
    await start_polling(app)
    try:
        await fake.push(message(question))
        await fake.push(message(question, chat_id=4242))
        replies = await fake.wait_for("sendMessage", 2)
    finally:
        await stop(app)
    more = [b["callback_data"] for r in replies for row in r["reply_markup"]["inline_keyboard"] for b in row
            if b.get("callback_data", "").startswith("more:")]
    assert len(more) == 2 and more[0] == more[1]
    assert replies[0]["text"] == replies[1]["text"]


# -- the aiohttp request backend ------------------------------------------------------------------------------
def test_form_encoding_reads_back_as_the_same_fields() -> None:
    fields = {"text": "<b>戴雨森</b> a+b=c & 100% \n\"ok\"", "chat_id": "-100123", "empty": "", "ü": "ß"}
    assert dict(parse_qsl(form_encode(fields).decode(), keep_blank_values=True)) == fields


def test_form_encoding_replaces_lone_surrogates() -> None:
    """A user's text with a lone surrogate (valid JSON, not UTF-8) echoed back: sent with U+FFFD instead."""
    assert dict(parse_qsl(form_encode({"text": "a\ud800b"}).decode())) == {"text": "a\ufffdb"}


@pytest.fixture
async def echo_server():
    """A server that echoes what it received; /slow answers after a second."""
    seen: list[dict] = []

    async def echo(request: web.Request) -> web.Response:
        form = await request.post()
        files = {k: (v.filename, v.file.read().decode()) for k, v in form.items() if isinstance(v, web.FileField)}
        seen.append({"fields": {k: v for k, v in form.items() if isinstance(v, str)}, "files": files,
                     "agent": request.headers.get("User-Agent", "")})
        return web.json_response({"ok": True, "result": True})

    async def slow(_request: web.Request) -> web.Response:
        await asyncio.sleep(1)
        return web.json_response({"ok": True, "result": True})

    app = web.Application()
    app.router.add_post("/echo", echo)
    app.router.add_post("/slow", slow)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}", seen
    await runner.cleanup()


async def test_requests_carry_fields_files_and_the_user_agent(echo_server) -> None:
    url, seen = echo_server
    request = AiohttpRequest()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request(f"{url}/echo", "POST")
    await request.initialize()
    try:
        plain = RequestData([RequestParameter.from_input("chat_id", 5),
                             RequestParameter.from_input("text", "你好 & <b>")])
        assert await request.do_request(f"{url}/echo", "POST", plain) == (200, b'{"ok": true, "result": true}')
        upload = RequestData([RequestParameter.from_input("chat_id", 5),
                              RequestParameter.from_input("document", InputFile(b"quote", filename="q.txt"))])
        await request.do_request(f"{url}/echo", "POST", upload)
    finally:
        await request.shutdown()
    assert seen[0]["fields"] == {"chat_id": "5", "text": "你好 & <b>"}
    assert seen[1]["fields"] == {"chat_id": "5"} and seen[1]["files"] == {"document": ("q.txt", "quote")}
    assert all(s["agent"].startswith("python-telegram-bot") for s in seen)


async def test_a_slow_server_times_out_and_a_closed_port_is_a_network_error(echo_server) -> None:
    url, _ = echo_server
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    request = AiohttpRequest(read_timeout=0.2)
    await request.initialize()
    try:
        with pytest.raises(TimedOut):
            await request.do_request(f"{url}/slow", "POST")
        with pytest.raises(NetworkError) as refused:
            await request.do_request(f"http://127.0.0.1:{closed}/echo", "POST")
        assert not isinstance(refused.value, TimedOut)
    finally:
        await request.shutdown()


# -- start-up -------------------------------------------------------------------------------------------------
async def test_startup_registers_commands_warms_the_answers_and_freezes_the_heap(fake, library) -> None:
    app = make_app(fake, library)
    await app.initialize()
    frozen = gc.get_freeze_count()
    try:
        await on_startup(app)
        assert len(await fake.wait_for("setMyCommands", 3)) == 3
        cache = app.bot_data["answers"]
        misses = cache.misses
        for samples in SAMPLES.values():
            for sample in samples:
                cache.answer(sample)
        assert cache.misses == misses  # the sample buttons' answers are ready
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        await app.shutdown()


def test_cached_answers_count_as_questions_and_warm_ups_do_not(library) -> None:
    metrics = Metrics("cachetest")
    cache = AnswerCache(Answerer(LibraryHolder(library), metrics.observe_answer))

    def asked() -> float:
        return metrics.registry.get_sample_value(
            "interview_bot_questions_total", {"platform": "cachetest", "status": "ok"}) or 0.0

    question = SAMPLES["zh"][0]
    cache.warm([question])  # warming up: computed, not counted
    assert asked() == 0
    cache.answer(question)  # served from the cache: a user's question all the same
    cache.answer(question, offset=3)  # computed: a further page, not a question
    cache.answer(question, offset=3)  # cached further page: not a question either
    cache.answerer(SAMPLES["en"][0])  # computed outside the cache: counted by the answerer
    assert asked() == 2 and cache.hits == 2
