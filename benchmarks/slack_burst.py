"""A burst of signed Slack requests against the real HTTP server on 127.0.0.1: are they all acknowledged,
how fast, and are they all answered?

    python benchmarks/slack_burst.py [--requests 200] [--kind ask|mention] [--timeout 30]

The app is the real Bolt app from bot.adapters.slack.application.build_app (acknowledging first and
answering afterwards, as in production) over the bundled corpus, served by bot.adapters.slack.server's
http_server. The fake Slack Web API (tests/adapters/slack/fake_api.py) runs in its own process and
counts the answers (response_url posts for /ask, chat.postMessage for mentions). All requests start
together (one thread each, a barrier). Reported: requests acknowledged with 200, other statuses and
client errors; ack latency p50/p95/max (request sent -> HTTP answer received; Slack wants it within 3 s);
answers received and the time until the last one.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def fake_api(ready: Any, done: Any, expected: int, method: str, timeout: float) -> None:
    """Child process: the fake Web API; reports its port, then (count, time of the last answer)."""
    from tests.adapters.slack.fake_api import FakeSlack
    from tests.adapters.slack.harness import BOT_TOKEN

    fake = FakeSlack(bot_token=BOT_TOKEN).start()
    ready.put(fake.port)
    with contextlib.suppress(AssertionError):  # report what arrived
        fake.wait_for(lambda calls: len([c for c in calls if c.method == method]) >= expected, timeout=timeout)
    answered = [c for c in fake.calls if c.method == method]
    done.put((len(answered), time.time()))
    fake.stop()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--kind", choices=("ask", "mention"), default="ask")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the answers")
    args = parser.parse_args()

    import logging
    import tempfile

    from bot.adapters.slack.application import build_app
    from bot.adapters.slack.server import http_server
    from bot.answer.library import Library
    from bot.answer.texts import SAMPLES
    from bot.runtime.context import AppContext
    from bot.runtime.settings import load_settings
    from corpus.loader import load_bundled
    from tests.adapters.slack.fake_api import BOT_USER
    from tests.adapters.slack.harness import BOT_TOKEN, SIGNING_SECRET, Slack

    logging.basicConfig(level=logging.ERROR)
    method = "response_url" if args.kind == "ask" else "chat.postMessage"
    ctx_mp = mp.get_context("spawn")
    ready, done = ctx_mp.Queue(), ctx_mp.Queue()
    child = ctx_mp.Process(target=fake_api, args=(ready, done, args.requests, method, args.timeout + 30))
    child.start()
    port = ready.get(timeout=60)
    api = f"http://127.0.0.1:{port}"

    corpus = load_bundled()
    library = Library.build(corpus.articles, corpus.passages)
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET,
                                 slack_api_url=f"{api}/api/", database_url=f"sqlite:///{tmp}/bench.db")
        ctx = AppContext(settings, library, platform="slack")
        app = build_app(ctx)
        questions = [q for qs in SAMPLES.values() for q in qs]
        for q in questions:  # one-time loads (dictionaries, lexicons) before the clock
            ctx.answerer(q)
        server = http_server(app, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        slack = Slack(None, app, f"http://127.0.0.1:{server.port}/slack/events")  # type: ignore[arg-type]
        start = threading.Barrier(args.requests)

        def send(i: int) -> tuple[int | str, float, float]:
            question = questions[i % len(questions)]
            start.wait()
            began = time.time()
            try:
                if args.kind == "ask":
                    from urllib.parse import urlencode

                    form = {"command": "/ask", "text": question, "team_id": "T0001", "channel_id": "C0CMD",
                            "user_id": "U0ASKER", "trigger_id": f"t{i}", "response_url": f"{api}/response/b{i}"}
                    status, _ = slack.post(urlencode(form), "application/x-www-form-urlencoded")
                else:
                    status, _ = slack.event({"type": "app_mention", "user": "U0USER", "channel": "C0CHAN",
                                             "text": f"<@{BOT_USER}> {question}", "ts": f"{1000 + i}.000001"})
                result: int | str = status
            except Exception as exc:  # a dropped or timed-out connection
                result = type(exc).__name__
            return result, began, time.time()

        with ThreadPoolExecutor(args.requests) as pool:
            results = list(pool.map(send, range(args.requests)))
        first = min(r[1] for r in results)
        answered, last = done.get(timeout=args.timeout + 60)
        child.join(10)
        server.shutdown()
        server.close()
        ctx.close()

    statuses = Counter(r[0] for r in results)
    acks = [end - began for status, began, end in results if status == 200]
    print(f"requests: {args.requests} ({args.kind}), server threads as deployed")
    print(f"acknowledged 200: {statuses.get(200, 0)}/{args.requests}; other: "
          f"{ {k: v for k, v in statuses.items() if k != 200} or 'none'}")
    if acks:
        print(f"ack latency: p50 {statistics.median(acks):.3f} s, p95 {percentile(acks, 95):.3f} s, "
              f"max {max(acks):.3f} s")
    print(f"answered: {answered}/{args.requests}, last answer {last - first:.1f} s after the burst began")


if __name__ == "__main__":
    main()
