"""Chat throughput: the Telegram adapter against a fake Bot API on 127.0.0.1, with N concurrent chats.

    python benchmarks/telegram_load.py [--chats 50] [--think 0.2] [--answers 1500] [--seconds 60]
                                       [--limits lifted|telegram] [--answer-cache N] [--db-dir DIR]

The fake Bot API runs in its own process. It plays the users: each of the N private chats sends a
question (the evaluation questions, all four languages, in turn) and, --think seconds after the bot's
reply reached the chat, the next one, until --answers replies were received or --seconds passed. The
chats start one after another over the first think time. (With no think time the chats only measure
a queue: by Little's law 50 chats at 200 answers/s wait 250 ms each; 50 chats thinking 0.2 s offer
up to 250 questions/s.)

The bot is the real Application from bot.adapters.telegram.application.build_application (long polling, its handlers,
rate limiter, answer cache and database) over the bundled corpus, started as run_polling starts it:
its post_init answers the sample questions once, so that the core's one-time loads (dictionaries,
lexicons) happen before the clock. Reported: answers per second; reply latency p50/p95 (question
handed to getUpdates -> the reply's sendMessage received); CPU per answer of the bot and of the fake
server (which shares the machine); the answer cache's hits and the saved-query commits.

The evaluation set has 206 questions, so a run of 1500 answers asks each about 7 times and the answer
cache serves most of them; `--answer-cache 0` answers every question afresh (the cold-cache cost).
--limits telegram keeps the adapter's AIORateLimiter at Telegram's own flood limits (30 messages/s for
a bot overall), which caps any run at ~30 answers/s by design; the default `lifted` disables those
limits (overall_max_rate=0, group_max_rate=0) to measure what the adapter itself can serve.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import multiprocessing as mp
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

TOKEN = "123456789:AAH-load_test_token_0123456789abcdef"
BOT = {"id": 123456789, "is_bot": True, "first_name": "Interview Bot", "username": "InterviewLoadBot",
       "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}


# -- the fake Bot API (child process) -------------------------------------------------------------------
class Users:
    """N chats, each asking its next question once the previous one was answered."""

    def __init__(self, chats: int, answers: int, questions: list[str], think: float) -> None:
        self.chats, self.total, self.questions, self.think = chats, answers, questions, think
        self.queue: list[dict[str, Any]] = []
        self.arrived = asyncio.Event()
        self.asked_at: dict[int, float] = {}
        self.latencies: list[float] = []
        self.update_id = 0
        self.issued = 0
        self.messages = 0
        self.polls = 0  # getUpdates calls that returned updates
        self.started: float | None = None
        self.finished: float | None = None
        self.cpu_started = 0.0
        self.cpu_finished: float | None = None

    def start(self) -> None:
        """The chats start one after another over one think time (people do not all press Send in
        the same millisecond; the offered rate is never above the steady state's)."""
        self.started = time.perf_counter()
        self.cpu_started = time.process_time()
        loop = asyncio.get_running_loop()
        for chat in range(1, self.chats + 1):
            loop.call_later(self.think * (chat - 1) / self.chats, self.ask, 1000 + chat)

    def ask(self, chat: int) -> None:
        if self.issued >= self.total:
            return
        self.update_id += 1
        question = self.questions[self.issued % len(self.questions)]
        self.issued += 1
        user = {"id": chat, "is_bot": False, "first_name": f"User{chat}", "language_code": "en"}
        self.queue.append({"update_id": self.update_id, "message": {
            "message_id": self.update_id, "date": int(time.time()), "text": question, "from": user,
            "chat": {"id": chat, "type": "private", "first_name": user["first_name"]}}})
        self.asked_at[chat] = time.perf_counter()
        self.arrived.set()

    def replied(self, chat: int) -> None:
        self.messages += 1
        asked = self.asked_at.pop(chat, None)
        if asked is None:
            return  # a second message of the same reply
        self.latencies.append(time.perf_counter() - asked)
        if len(self.latencies) >= self.total:
            self.finished = time.perf_counter()
            self.cpu_finished = time.process_time()
        elif self.think > 0:
            asyncio.get_running_loop().call_later(self.think, self.ask, chat)
        else:
            self.ask(chat)

    def stats(self) -> dict[str, Any]:
        end = self.finished or time.perf_counter()
        lat = sorted(self.latencies)
        cpu = (self.cpu_finished or time.process_time()) - self.cpu_started
        return {"answers": len(lat), "messages": self.messages, "done": self.finished is not None,
                "updates_per_poll": self.issued / max(1, self.polls),
                "server_cpu_ms_per_answer": 1000 * cpu / max(1, len(lat)),
                "seconds": (end - self.started) if self.started else 0.0,
                "p50_ms": 1000 * statistics.median(lat) if lat else None,
                "p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))] if lat else None}


def _param(form: Any, name: str, default: Any = None) -> Any:
    value = form.get(name)
    if value is None:
        return default
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return value


async def _serve(port_out: Any, chats: int, answers: int, questions: list[str], think: float) -> None:
    from aiohttp import web

    users = Users(chats, answers, questions, think)
    message_ids = iter(range(1, 10**9))

    async def api(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        form = await request.post() if request.can_read_body else {}
        if not form and request.can_read_body:
            form = {}
        if method == "getMe":
            return web.json_response({"ok": True, "result": BOT})
        if method == "getUpdates":
            if users.started is None:
                users.start()
            offset = int(_param(form, "offset", 0) or 0)
            users.queue = [u for u in users.queue if u["update_id"] >= offset]
            if not users.queue:
                users.arrived.clear()
                timeout = float(_param(form, "timeout", 0) or 0)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(users.arrived.wait(), timeout=min(timeout, 1.0) or 0.05)
            users.polls += bool(users.queue)
            return web.json_response({"ok": True, "result": users.queue[:100]})
        if method in ("sendMessage", "editMessageText"):
            chat = int(_param(form, "chat_id"))
            users.replied(chat)
            return web.json_response({"ok": True, "result": {
                "message_id": next(message_ids), "date": int(time.time()), "text": str(form.get("text", "")),
                "chat": {"id": chat, "type": "private"}, "from": BOT}})
        return web.json_response({"ok": True, "result": True})

    async def stats(_request: web.Request) -> web.Response:
        return web.json_response(users.stats())

    app = web.Application(client_max_size=4 * 2**20)
    app.router.add_post("/bot{token}/{method}", api)
    app.router.add_get("/stats", stats)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port_out.put(site._server.sockets[0].getsockname()[1])  # the ephemeral port
    await asyncio.Event().wait()


def serve(port_out: Any, chats: int, answers: int, questions: list[str], think: float) -> None:
    """Child process entry point."""
    asyncio.run(_serve(port_out, chats, answers, questions, think))


# -- the bot (this process) ---------------------------------------------------------------------------
async def drive(url: str, seconds: float, lifted: bool, db_dir: str | None = None,
                answer_cache: int | None = None) -> dict[str, Any]:
    import httpx

    import bot.adapters.telegram.application as tapp
    from bot.answer.library import Library
    from bot.runtime.context import AppContext
    from bot.runtime.settings import load_settings
    from corpus.loader import load_bundled

    corpus = load_bundled()
    library = Library.build(corpus.articles, corpus.passages)
    folder = Path(tempfile.mkdtemp(prefix="tg-load-", dir=db_dir))
    settings = load_settings(telegram_bot_token=TOKEN, telegram_api_url=url, data_dir=folder,
                             database_url=f"sqlite:///{folder / 'bot.sqlite3'}")
    if lifted:
        limiter = functools.partial(tapp.RetryingRateLimiter, overall_max_rate=0, group_max_rate=0)
        original, tapp.RetryingRateLimiter = tapp.RetryingRateLimiter, limiter
    try:
        app = tapp.build_application(AppContext(settings, library, platform="telegram"), answer_cache=answer_cache)
    finally:
        if lifted:
            tapp.RetryingRateLimiter = original
    async with app, httpx.AsyncClient() as client:
        await app.post_init(app)  # as run_polling: commands, the core's one-time loads, gc.freeze
        deadline = time.perf_counter() + seconds
        cpu = time.process_time()
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        await app.start()
        try:
            while True:
                await asyncio.sleep(0.2)
                stats = (await client.get(f"{url}/stats")).json()
                if stats["done"] or time.perf_counter() > deadline:
                    break
        finally:
            await app.updater.stop()
            await app.stop()
    stats["concurrent_updates"] = app.concurrent_updates
    cache = app.bot_data.get("answers")
    hits = f"{cache.hits}/{cache.hits + cache.misses} hits" if cache is not None and cache.size else "off"
    stats["answer_cache"] = hits
    stats["query_writes"] = app.bot_data["queries"].writes
    stats["bot_cpu_ms_per_answer"] = 1000 * (time.process_time() - cpu) / max(1, stats["answers"])
    stats["bot_rss_mb"], stats["bot_peak_mb"] = _memory_mb()  # the bot runs in this process (the users do not)
    shutil.rmtree(folder, ignore_errors=True)
    return stats


def _memory_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak (VmRSS, VmHWM), MB."""
    found = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1]) / 1024
    return found.get("VmRSS", 0.0), found.get("VmHWM", 0.0)


def run(chats: int = 50, answers: int = 1500, seconds: float = 60.0, lifted: bool = True,
        think: float = 0.2, db_dir: str | None = None, answer_cache: int | None = None) -> dict[str, Any]:
    from benchmarks.synth import real_questions

    ctx = mp.get_context("spawn")
    port_out = ctx.Queue()
    server = ctx.Process(target=serve, args=(port_out, chats, answers, real_questions(), think), daemon=True)
    server.start()
    try:
        port = port_out.get(timeout=30)
        stats = asyncio.run(drive(f"http://127.0.0.1:{port}", seconds, lifted, db_dir, answer_cache))
    finally:
        server.terminate()
        server.join(timeout=5)
    stats.update(chats=chats, think_s=think, limits="lifted" if lifted else "telegram")
    stats["answers_per_s"] = stats["answers"] / stats["seconds"] if stats["seconds"] else 0.0
    return stats


def report(stats: dict[str, Any]) -> str:
    p50 = f"{stats['p50_ms']:.1f}" if stats["p50_ms"] is not None else "-"
    p95 = f"{stats['p95_ms']:.1f}" if stats["p95_ms"] is not None else "-"
    return (f"Telegram adapter, {stats['chats']} concurrent chats (think {stats['think_s']} s), "
            f"rate limits {stats['limits']}: "
            f"{stats['answers']} answers in {stats['seconds']:.1f} s = {stats['answers_per_s']:.0f} answers/s; "
            f"reply latency p50 {p50} ms, p95 {p95} ms; bot CPU {stats['bot_cpu_ms_per_answer']:.1f} ms an answer, "
            f"fake server CPU {stats['server_cpu_ms_per_answer']:.1f} ms ({stats['messages']} messages; "
            f"concurrent_updates={stats['concurrent_updates']}; answer cache {stats['answer_cache']}; "
            f"{stats['query_writes']} saved-query commits; {stats['updates_per_poll']:.1f} updates a getUpdates; "
            f"bot memory {stats['bot_rss_mb']:.0f} MB, peak {stats['bot_peak_mb']:.0f} MB)"
            "   [target >= 200 answers/s, p95 <= 50 ms]")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chats", type=int, default=50)
    ap.add_argument("--think", type=float, default=0.2, help="seconds a user waits after a reply")
    ap.add_argument("--answers", type=int, default=1500, help="stop after this many replies")
    ap.add_argument("--seconds", type=float, default=60.0, help="or after this many seconds")
    ap.add_argument("--limits", choices=("lifted", "telegram"), default="lifted")
    ap.add_argument("--db-dir", help="folder for the bot's SQLite database (default: the temp folder); "
                    "/dev/shm takes the disk's fsync out of the figures")
    ap.add_argument("--answer-cache", type=int, help="answers the adapter keeps (default: the adapter's own); "
                    "0 answers every question afresh")
    args = ap.parse_args(argv)
    stats = run(args.chats, args.answers, args.seconds, args.limits == "lifted", args.think, args.db_dir,
                args.answer_cache)
    print(report(stats), flush=True)
    return stats


if __name__ == "__main__":
    main()
