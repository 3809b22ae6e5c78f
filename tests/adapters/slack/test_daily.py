"""The Slack side of the daily quote, against the fake Slack Web API: /ask and /quote subcommands, posting."""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.adapters.slack import daily as daily_slack
from bot.adapters.slack.application import build_app
from bot.answer.library import Library
from bot.daily import commands
from bot.daily.choose import daily_quote
from bot.daily.subscriptions import find
from bot.db.schema import Subscription
from bot.runtime.context import AppContext
from tests.adapters.slack.fake_api import FakeSlack
from tests.adapters.slack.harness import (
    BOT_TOKEN,
    Slack,
    serving,
)

CHANNEL = "C0CMD"  # the harness sends commands from this channel


@pytest.fixture
def slack(fake: FakeSlack, ctx: AppContext) -> Iterator[Slack]:
    app = build_app(ctx, ["bot.adapters.slack.daily"], process_before_response=True)  # no posting thread here
    with serving(fake, app) as running:
        yield running


def subscribe(ctx: AppContext, channel: str, args: list[str], now: dt.datetime) -> None:
    defaults = (ctx.settings.quote_default_time, ctx.settings.quote_default_timezone)
    commands.subscribe(ctx.engine, defaults, ctx.library.current, "slack", channel, args, user=None, lang="en",
                       now=now)


def responses(fake: FakeSlack, n: int) -> list[dict[str, Any]]:
    calls = fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url"][n - 1:] and
                          [c for c in calls if c.method == "response_url"])
    return [c.params for c in calls]


def subscription(ctx: AppContext, channel: str = CHANNEL) -> Subscription | None:
    with Session(ctx.engine, expire_on_commit=False) as s:
        return find(s, "slack", channel)


def test_ask_subscribe_confirms_and_stores(slack: Slack, ctx: AppContext) -> None:
    status, _ = slack.command("subscribe 07:45 Asia/Shanghai")
    assert status == 200
    (reply,) = responses(slack.fake, 1)
    assert reply["response_type"] == "ephemeral"
    assert "07:45" in reply["text"] and "Asia/Shanghai" in reply["text"] and "CST" in reply["text"]
    sub = subscription(ctx)
    assert sub is not None and sub.active and sub.team_id == "T0001" and sub.created_by == "slack:U0ASKER"
    slack.command("subscription")
    assert "07:45" in responses(slack.fake, 2)[-1]["text"]
    slack.command("unsubscribe")
    assert "Unsubscribed" in responses(slack.fake, 3)[-1]["text"]
    assert not subscription(ctx).active  # type: ignore[union-attr]
    slack.command("subscribe")  # defaults: 09:00 in QUOTE_DEFAULT_TIMEZONE
    last = responses(slack.fake, 4)[-1]["text"]
    assert "09:00" in last and "Europe/Berlin" in last


def test_quote_command_and_bad_input(slack: Slack, ctx: AppContext) -> None:
    slack.command("subscribe 8:00 Nowhere/City", command="/quote")
    reply = responses(slack.fake, 1)[-1]["text"]
    assert "unknown time zone" in reply and "/quote subscribe" in reply
    slack.command("subscribe speaker=<!channel>", command="/quote")
    reply = responses(slack.fake, 2)[-1]["text"]
    assert "<!channel>" not in reply  # echoed input never pings the channel
    slack.command("", command="/quote")  # today's quote, only to the asker
    msg = responses(slack.fake, 3)[-1]
    assert msg["response_type"] == "ephemeral" and any(b["type"] == "actions" for b in msg["blocks"])
    assert subscription(ctx) is None


def test_post_is_sent_once_with_blocks_and_a_full_passage_button(fake: FakeSlack, library: Library,
                                                                 ctx: AppContext) -> None:
    app = build_app(ctx, [], process_before_response=True)
    subscribe(ctx, "C0POST", ["09:00", "UTC"], dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    poster = daily_slack.SlackPoster(app.client, ctx, rate=0)
    r = poster.scheduler.run_once(dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC))
    assert len(r.sent) == 1
    (call,) = fake.posted("chat.postMessage")
    assert call.params["channel"] == "C0POST"
    passage = library.by_id[r.sent[0][2]]
    shown = daily_quote(library, passage.id)
    assert shown is not None and shown.quote in passage.text and shown.quote[:20] in call.params["text"]
    actions = [e for b in call.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert actions and actions[0]["value"] == passage.id and actions[0]["action_id"].startswith("ib_context")
    poster.scheduler.run_once(dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC))
    assert len(fake.posted("chat.postMessage")) == 1


def test_archived_channel_pauses_and_thread_loop_posts(fake: FakeSlack, ctx: AppContext) -> None:
    app = build_app(ctx, [], process_before_response=True)
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    due = "00:00"  # today's post (UTC) is always due
    for channel in ("C0GONE", "C0OK"):
        subscribe(ctx, channel, [due, "UTC"], since)
    fake.fail_next["chat.postMessage"] = [(200, {}, {"ok": False, "error": "is_archived"})]
    poster = daily_slack.SlackPoster(app.client, ctx, interval=0.05, rate=0).start()
    try:
        fake.wait_for(lambda calls: len([c for c in calls if c.method == "chat.postMessage"]) >= 2)
    finally:
        poster.stop()
    gone, ok = subscription(ctx, "C0GONE"), subscription(ctx, "C0OK")
    assert gone is not None and not gone.active and gone.paused_reason == "is_archived"
    assert ok is not None and ok.active
    assert len(fake.posted("chat.postMessage")) == 2  # one refused, one sent; no retries of the archived one


def test_a_post_answered_after_the_client_timeout_is_not_sent_again(fake: FakeSlack, ctx: AppContext) -> None:
    subscribe(ctx, "C0SLOW", ["09:00", "UTC"], dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    fake.slow_next["chat.postMessage"] = [2.0]  # Slack gets the post at once but answers after the client gave up
    client = WebClient(token=BOT_TOKEN, base_url=fake.api_url, timeout=1)
    poster = daily_slack.SlackPoster(client, ctx, rate=0)
    nine = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    r = poster.scheduler.run_once(nine)
    assert r.sent == [] and r.retry == 0
    assert len(fake.posted("chat.postMessage")) == 1  # it did arrive
    for minutes in (1, 5, 11, 120):  # later rounds the same day, also past the stale-claim time
        poster.scheduler.run_once(nine + dt.timedelta(minutes=minutes))
    assert len(fake.posted("chat.postMessage")) == 1
    r = poster.scheduler.run_once(nine + dt.timedelta(days=1))
    assert len(r.sent) == 1 and len(fake.posted("chat.postMessage")) == 2  # the next day as usual


def test_quote_subscribe_refuses_a_zone_that_is_not_a_place(slack: Slack, ctx: AppContext) -> None:
    slack.command("subscribe 8:00 Factory", command="/quote")
    reply = responses(slack.fake, 1)[-1]["text"]
    assert "'Factory'" in reply and "Europe/Berlin" in reply and "/quote subscribe" in reply
    assert subscription(ctx) is None


@contextmanager
def hanging_up_server() -> Iterator[tuple[str, list[bytes]]]:
    """An HTTP server on 127.0.0.1 that reads each whole request, then closes the connection without an
    answer (as a crashing proxy would); yields its base URL and the request lines it received."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    received: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                head, _, body = data.partition(b"\r\n\r\n")
                length = re.search(rb"(?i)content-length: *(\d+)", head)
                while length and len(body) < int(length.group(1)):
                    body += conn.recv(65536)
                received.append(head.split(b"\r\n")[0])

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", received
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def test_a_connection_dropped_before_the_answer_is_not_posted_again(ctx: AppContext) -> None:
    subscribe(ctx, "C0DROP", ["09:00", "UTC"], dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    with hanging_up_server() as (url, received):
        poster = daily_slack.SlackPoster(WebClient(token=BOT_TOKEN, base_url=f"{url}/api/", timeout=5), ctx, rate=0)
        nine = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
        r = poster.scheduler.run_once(nine)
        assert r.sent == [] and r.retry == 0
        for minutes in (1, 11):
            poster.scheduler.run_once(nine + dt.timedelta(minutes=minutes))
        # the request went out once: neither slack_sdk's retry handler nor a later round repeats it
        assert received == [b"POST /api/chat.postMessage HTTP/1.1"]


def test_a_post_that_found_no_server_is_retried_the_same_day(fake: FakeSlack, ctx: AppContext) -> None:
    subscribe(ctx, "C0RETRY", ["09:00", "UTC"], dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        nobody = f"http://127.0.0.1:{unused.getsockname()[1]}/api/"  # bound, not listening: refused
        poster = daily_slack.SlackPoster(WebClient(token=BOT_TOKEN, base_url=nobody, timeout=5), ctx, rate=0)
        nine = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
        r = poster.scheduler.run_once(nine)
    assert r.retry == 1 and r.uncertain == 0  # nothing went out: safe to try again
    poster.client = daily_slack.posting_client(WebClient(token=BOT_TOKEN, base_url=fake.api_url))
    r = poster.scheduler.run_once(nine + dt.timedelta(minutes=1))
    assert len(r.sent) == 1 and len(fake.posted("chat.postMessage")) == 1


def test_more_like_this_feedback_and_history_under_daily_posts(fake: FakeSlack, library: Library, ctx: AppContext,
                                                               slack: Slack) -> None:
    """The post's More like this (in its thread; never the quote itself nor its versions), its feedback buttons
    (a vote on a daily quote), and `/quote history` / `/ask history` (the channel's quotes, with links)."""
    from bot.adapters.slack import buttons
    from bot.adapters.slack.render import escape
    from bot.db import feedback_store
    from tests.adapters.slack.blockkit import problems, quote_lines

    subscribe(ctx, CHANNEL, ["09:00", "UTC"], dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    poster = daily_slack.SlackPoster(slack.app.client, ctx, rate=0)
    sent = []
    for day in (22, 23):
        result = poster.scheduler.run_once(dt.datetime(2026, 11, day, 9, tzinfo=dt.UTC))
        sent += [passage for _, _, passage in result.sent]
    post = fake.posted("chat.postMessage")[-1]
    assert len(sent) == 2 and not problems(post.params)
    msg = {"ts": "1700000200.000100", "text": post.params["text"], "blocks": post.params["blocks"]}
    actions = [e for b in msg["blocks"] if b["type"] == "actions" for e in b["elements"]]
    similar = next(e for e in actions if e["action_id"].startswith(buttons.SIMILAR))
    assert similar["text"]["text"] == "More like this" and similar["value"] == sent[1]

    slack.action(similar, message=msg, channel=CHANNEL)
    more = fake.wait_for(lambda _: fake.posted("chat.postMessage")[2:])[0]
    assert more.params["thread_ts"] == msg["ts"] and not problems(more.params)
    passage = library.by_id[sent[1]]
    assert quote_lines(more.params)
    votes = [buttons.parse_feedback(e["positive_button"]["value"]) for b in more.params["blocks"]
             if b["type"] == "context_actions" for e in b["elements"]]
    assert votes and {v.kind for v in votes if v} == {"similar"}
    shown = {v.passage_id for v in votes if v}
    assert len(shown) == len(votes) and not shown & {passage.id, *passage.versions}

    (element,) = [e for b in msg["blocks"] if b["type"] == "context_actions" for e in b["elements"]]
    slack.feedback(element, True, message=msg, channel=CHANNEL)
    responses(fake, 1)
    (row,) = feedback_store.votes_of(ctx.engine, "slack", CHANNEL)
    assert (row["kind"], row["vote"], row["passage_id"], row["message_id"]) == ("daily", "up", passage.id, msg["ts"])

    slack.command("history", command="/quote")
    slack.command("history")  # /ask history
    for reply in responses(fake, 3)[-2:]:
        assert reply["response_type"] == "ephemeral" and not problems(reply)
        text = reply["blocks"][1]["text"]["text"]
        assert [line.split(" ")[1] for line in text.split("\n")] == ["2026-11-23", "2026-11-22"]
        urls = [library.articles[library.by_id[pid].article_id].url for pid in reversed(sent)]
        assert all(f"<{escape(u)}|" in text for u in urls if u)


def test_history_of_a_channel_without_posts(slack: Slack) -> None:
    slack.command("history", command="/quote")
    reply = responses(slack.fake, 1)[-1]
    assert "No daily quote has been posted here yet" in reply["text"] and "/quote subscribe" in reply["text"]
