"""The real app over HTTP, driven by signed requests, answering through a fake Slack Web API."""

from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bot.adapters.slack import buttons
from bot.adapters.slack.application import build_app
from bot.answer import answerer
from bot.answer.library import Library
from bot.answer.texts import SAMPLES
from tests.adapters.slack import blocking_extension
from tests.adapters.slack.blockkit import problems, quote_lines, unquoted_problems
from tests.adapters.slack.fake_api import BOT_USER, Call, FakeSlack
from tests.adapters.slack.harness import (
    APP_TOKEN,
    BOT_TOKEN,
    SIGNING_SECRET,
    Slack,
    serving,
    sign,
    slack_context,
    slack_settings,
)

QUESTION = "戈麦斯怎么看合成数据？"


def check(call: Call, library: Library) -> dict[str, Any]:
    """The posted message is valid Block Kit, safe mrkdwn, verbatim quotes and right links."""
    msg = call.params
    assert problems(msg) == []
    assert unquoted_problems(msg, library) == []
    return msg


def find_button(msg: dict[str, Any], action: str) -> dict[str, Any]:
    for block in msg["blocks"]:
        for el in block.get("elements", []):
            if el.get("type") == "button" and buttons.pattern(action).match(el["action_id"]):
                return el
    raise AssertionError(f"no {action} button")


def mention(slack: Slack, text: str, ts: str = "100.000001", thread_ts: str | None = None,
            channel: str = "C0CHAN", **kw: Any) -> tuple[int, str]:
    event = {"type": "app_mention", "user": "U0USER", "text": text, "ts": ts, "channel": channel,
             "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return slack.event(event, **kw)


def test_mention_is_answered_in_its_thread(slack: Slack, library: Library) -> None:
    assert mention(slack, f"<@{BOT_USER}> {QUESTION}", ts="100.000001")[0] == 200
    [call] = slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    assert call.token == BOT_TOKEN
    assert call.params["channel"] == "C0CHAN" and call.params["thread_ts"] == "100.000001"
    msg = check(call, library)
    assert quote_lines(msg), "the answer quotes the interviews"
    assert f"<@{BOT_USER}>" not in json.dumps(msg)

    # a follow-up mention inside the thread is answered in the same thread
    mention(slack, f"<@{BOT_USER}> {SAMPLES['de'][1]}", ts="100.000009", thread_ts="100.000001")
    calls = slack.fake.wait_for(lambda _: len(slack.fake.posted("chat.postMessage")) >= 2 and
                                slack.fake.posted("chat.postMessage"))
    assert calls[1].params["thread_ts"] == "100.000001"
    check(calls[1], library)


def test_direct_message_is_answered_in_the_dm(slack: Slack, library: Library) -> None:
    slack.event({"type": "message", "channel_type": "im", "user": "U0USER", "text": SAMPLES["de"][1],
                 "ts": "200.000001", "channel": "D0DM"})
    [call] = slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    assert call.params["channel"] == "D0DM"
    assert call.params["thread_ts"] == "200.000001", "in the question's thread (a conversation of the Messages tab)"
    assert quote_lines(check(call, library))


def test_ask_is_ephemeral_then_shared(slack: Slack, library: Library) -> None:
    started = time.monotonic()
    status, body = slack.command(QUESTION, response_url=slack.fake.response_url("cmd"))
    assert status == 200 and body == "", "acknowledged at once, the answer follows on the response_url"
    assert time.monotonic() - started < 3
    [call] = slack.fake.wait_for(lambda _: slack.fake.posted("response_url"))
    assert call.path.endswith("/cmd") and call.params["response_type"] == "ephemeral"
    msg = check(call, library)
    share = find_button(msg, buttons.SHARE)

    slack.action(share, response_url=slack.fake.response_url("share"))
    shared = slack.fake.wait_for(lambda _: [c for c in slack.fake.posted("response_url") if c.path.endswith("/share")])
    assert shared[0].params["response_type"] == "in_channel"
    out = check(shared[0], library)
    assert quote_lines(out) == quote_lines(msg), "the shared answer is the one the asker saw"
    assert not any(buttons.pattern(buttons.SHARE).match(e.get("action_id", ""))
                   for b in out["blocks"] for e in b.get("elements", [])), "no share button for everyone"


@pytest.mark.parametrize("text", ["", "help", "HELP"])
def test_ask_help_explains_with_samples(slack: Slack, library: Library, text: str) -> None:
    slack.command(text)
    [call] = slack.fake.wait_for(lambda _: slack.fake.posted("response_url"))
    msg = check(call, library)
    dumped = json.dumps(msg, ensure_ascii=False)
    assert "/ask" in dumped
    assert all(a.title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in dumped
               for a in library.articles.values())
    assert call.params["response_type"] == "ephemeral"


def test_buttons_in_a_thread(slack: Slack, library: Library) -> None:
    mention(slack, f"<@{BOT_USER}> {QUESTION}", ts="300.000001")
    [first] = slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    msg = check(first, library)
    posted = {**msg, "ts": "300.000002", "thread_ts": "300.000001", "user": BOT_USER}

    def next_post(n: int) -> Call:
        calls = slack.fake.wait_for(lambda _: len(slack.fake.posted("chat.postMessage")) >= n and
                                    slack.fake.posted("chat.postMessage"))
        assert calls[n - 1].params["thread_ts"] == "300.000001", "button answers stay in the thread"
        assert calls[n - 1].params["channel"] == "C0CHAN"
        return calls[n - 1]

    # more results: the next page, ranks continue
    slack.action(find_button(msg, buttons.MORE), message=posted, channel="C0CHAN")
    more = check(next_post(2), library)
    expected = answerer.answer(library, QUESTION, top_k=3, offset=3).quotes
    lines = [line for q in expected for line in q.quote.split("\n")]  # a quote may hold several paragraphs
    assert expected and quote_lines(more)[: len(lines)] == lines
    assert "*4. " in json.dumps(more, ensure_ascii=False)

    # full passage: the whole passage (and neighbours) verbatim
    button = find_button(msg, buttons.CONTEXT)
    slack.action(button, message=posted, channel="C0CHAN")
    ctx = check(next_post(3), library)
    passage = library.by_id[button["value"]].text
    assert passage in {line for line in quote_lines(ctx)} or passage.split("\n")[0] in quote_lines(ctx)

    # other versions: the same passage in the translations
    button = find_button(msg, buttons.VERSIONS)
    slack.action(button, message=posted, channel="C0CHAN")
    ver = check(next_post(4), library)
    versions = answerer.quote_of(library, button["value"]).also_in
    lines = quote_lines(ver)
    assert versions and all(v.passage.split("\n")[0] in lines for v in versions)


def test_buttons_on_an_ephemeral_answer(slack: Slack, library: Library) -> None:
    slack.command(QUESTION)
    [call] = slack.fake.wait_for(lambda _: slack.fake.posted("response_url"))
    msg = call.params
    for n, action in enumerate((buttons.MORE, buttons.CONTEXT, buttons.VERSIONS), start=2):
        slack.action(find_button(msg, action), response_url=slack.fake.response_url(action))
        calls = slack.fake.wait_for(lambda _, n=n: len(slack.fake.posted("response_url")) >= n and
                                    slack.fake.posted("response_url"))
        assert calls[n - 1].path.endswith(action)
        assert calls[n - 1].params["response_type"] == "ephemeral"
        assert calls[n - 1].params["replace_original"] is False
        check(calls[n - 1], library)
    assert not slack.fake.posted("chat.postMessage"), "nothing the asker alone saw is posted for everyone"
    more = slack.fake.posted("response_url")[1].params
    find_button(more, buttons.SHARE)  # the next page can be shared too


def test_more_works_on_another_replica_and_forged_buttons_get_a_note(slack: Slack, library: Library) -> None:
    """The button holds the saved question's id: a replica that never saw the question answers it, and a
    button pointing nowhere tells only the clicker that it no longer works."""
    slack.command(QUESTION)
    [call] = slack.fake.wait_for(lambda _: slack.fake.posted("response_url"))
    button = find_button(call.params, buttons.MORE)
    assert QUESTION not in button["value"]
    with serving(slack.fake, build_app(slack_context(slack_settings(slack.fake), library))) as replica:
        replica.action(button, response_url=slack.fake.response_url("replica"))
        calls = slack.fake.wait_for(lambda _: len(slack.fake.posted("response_url")) >= 2 and
                                    slack.fake.posted("response_url"))
        expected = answerer.answer(library, QUESTION, top_k=3, offset=3).quotes
        assert quote_lines(check(calls[1], library))[:1] == expected[0].quote.split("\n")[:1]
        for value in ('{"q": 999999, "o": 3}', '{"q": "<!channel>", "o": 3}'):
            replica.action({**button, "value": value}, message={"ts": "9.9"}, channel="C0CHAN",
                           response_url=slack.fake.response_url("forged"))
        notes = slack.fake.wait_for(lambda _: [c for c in slack.fake.posted("response_url")
                                               if c.path.endswith("forged")][1:] and
                                    [c for c in slack.fake.posted("response_url") if c.path.endswith("forged")])
    assert all(n.params["response_type"] == "ephemeral" and "no longer works" in n.params["text"] for n in notes)
    assert not slack.fake.posted("chat.postMessage"), "a forged button posts nothing in the channel"


def test_retried_and_repeated_events_are_answered_once(slack: Slack, library: Library) -> None:
    args = (slack, f"<@{BOT_USER}> {QUESTION}")
    assert mention(*args, ts="400.000001", event_id="Ev400")[0] == 200
    assert mention(*args, ts="400.000001", event_id="Ev400",
                   headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})[0] == 200
    assert mention(*args, ts="400.000001", event_id="Ev400")[0] == 200
    # a later, different event proves the server went on; only then count the answers
    mention(*args, ts="401.000001", event_id="Ev401")
    # (ignored requests are refused by middleware before any listener thread starts)
    slack.fake.wait_for(lambda _: {"400.000001", "401.000001"} <= {c.params.get("thread_ts")
                                                                   for c in slack.fake.posted("chat.postMessage")})
    answers = [c for c in slack.fake.posted("chat.postMessage") if c.params.get("thread_ts") == "400.000001"]
    assert len(answers) == 1


def test_a_retry_whose_first_delivery_never_arrived_is_answered_once(slack: Slack, library: Library) -> None:
    """Slack retries when the first delivery failed (a restart, a load-balancer error): the retry is the only
    delivery this app sees, so it is answered; a further retry of the same event id is not."""
    args = (slack, f"<@{BOT_USER}> {QUESTION}")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    assert mention(*args, ts="410.000001", event_id="Ev410", headers=retry)[0] == 200
    assert mention(*args, ts="410.000001", event_id="Ev410", headers={**retry, "X-Slack-Retry-Num": "2"})[0] == 200
    mention(*args, ts="411.000001", event_id="Ev411")  # a later event: once answered, the server went on
    slack.fake.wait_for(lambda _: {"410.000001", "411.000001"} <= {c.params.get("thread_ts")
                                                                   for c in slack.fake.posted("chat.postMessage")})
    answers = [c for c in slack.fake.posted("chat.postMessage") if c.params.get("thread_ts") == "410.000001"]
    assert len(answers) == 1
    check(answers[0], library)


def test_commands_are_acknowledged_while_every_worker_is_busy(fake: FakeSlack, library: Library) -> None:
    """Bolt answers listeners on 10 worker threads; a command must be acknowledged within Slack's 3 s even
    when all of them are busy (Bolt's own ack waits for a free worker, and answers 404 after 3 s)."""
    blocking_extension.release.clear()
    blocking_extension.started.clear()
    app = build_app(slack_context(slack_settings(fake), library), ["tests.adapters.slack.blocking_extension"])
    try:
        with serving(fake, app) as slack, ThreadPoolExecutor(14) as pool:
            statuses = list(pool.map(lambda i: slack.command(f"wait {i}", response_url=fake.response_url(f"w{i}")),
                                     range(14)))
            assert statuses == [(200, "")] * 14
            blocking_extension.release.set()
            fake.wait_for(lambda _: len(fake.posted("response_url")) >= 14)
    finally:
        blocking_extension.release.set()
    assert sorted(blocking_extension.started) == sorted(str(i) for i in range(14))


@pytest.mark.parametrize("headers", [
    {},  # missing
    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=" + "0" * 64},  # bad
    "stale",
    "other-secret",
    {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=deadbeef"},  # not a number
    {"X-Slack-Request-Timestamp": "1e3"},
])
def test_unsigned_requests_are_refused(slack: Slack, headers: Any) -> None:
    body = json.dumps({"type": "event_callback", "event_id": "EvX", "event": {
        "type": "app_mention", "user": "U0USER", "text": QUESTION, "ts": "1.1", "channel": "C0CHAN"}})
    if headers == "stale":
        headers = sign(body, timestamp=int(time.time()) - 600)
    elif headers == "other-secret":
        headers = sign(body, secret="not-" + SIGNING_SECRET)
    status, _ = slack.post(body, "application/json", headers, signed=False)
    assert status == 401
    status, _ = slack.post("command=%2Fask&text=hi&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fevil",
                           "application/x-www-form-urlencoded", headers, signed=False)
    assert status == 401
    assert not slack.fake.posted()


def test_url_verification_answers_the_challenge(slack: Slack) -> None:
    status, body = slack.post(json.dumps({"type": "url_verification", "challenge": "abc123", "token": "x"}),
                              "application/json")
    assert status == 200 and "abc123" in body


HOSTILE = "<!channel> <!here> <@U0VICTIM> <#C0OTHER> & <b>Gomez</b> synthetic data?"


def test_injected_mentions_ping_nobody(slack: Slack, library: Library) -> None:
    # Slack delivers what the user typed escaped, but real mentions and @channel arrive as <...> entities
    mention(slack, f"<@{BOT_USER}> {HOSTILE}", ts="500.000001")
    slack.command(HOSTILE.replace("&", "&amp;"))
    slack.event({"type": "message", "channel_type": "im", "user": "U0USER", "text": HOSTILE, "ts": "501.1",
                 "channel": "D0DM"})
    calls = slack.fake.wait_for(lambda _: len(slack.fake.posted()) >= 3 and slack.fake.posted())
    for call in calls:
        msg = check(call, library)
        dumped = json.dumps(msg, ensure_ascii=False)
        for ping in ("<!channel>", "<!here>", "<@U0VICTIM>", "<#C0OTHER>", "<b>"):
            assert ping not in dumped
        assert "&lt;!channel&gt;" in dumped, "the question is echoed, escaped"


def test_too_long_question_gets_a_valid_note(slack: Slack, library: Library) -> None:
    slack.command("<!channel> " + "数据 & " * 400)
    [call] = slack.fake.wait_for(lambda _: slack.fake.posted("response_url"))
    msg = check(call, library)
    assert not quote_lines(msg)
    assert "500" in msg["blocks"][1]["text"]["text"]


def test_rate_limited_post_is_retried_after_waiting(slack: Slack, library: Library) -> None:
    slack.fake.fail_next["chat.postMessage"] = [(429, {"Retry-After": "0"}, {"ok": False, "error": "ratelimited"})]
    mention(slack, f"<@{BOT_USER}> {QUESTION}", ts="600.000001")
    calls = slack.fake.wait_for(lambda _: len(slack.fake.posted("chat.postMessage")) >= 2 and
                                slack.fake.posted("chat.postMessage"))
    assert [c.params["thread_ts"] for c in calls] == ["600.000001", "600.000001"]
    assert calls[0].params == calls[1].params


def test_tokens_never_in_logs(slack: Slack, library: Library, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    mention(slack, f"<@{BOT_USER}> {QUESTION}", ts="700.000001")
    slack.command(QUESTION)
    slack.fake.wait_for(lambda _: len(slack.fake.posted()) >= 2)
    assert caplog.records, "something was logged at DEBUG"
    text = caplog.text + "".join(str(r.__dict__) for r in caplog.records)
    for secret in (BOT_TOKEN, APP_TOKEN, SIGNING_SECRET):
        assert secret not in text


def test_expired_response_url_falls_back_to_the_web_api(slack: Slack, library: Library) -> None:
    slack.command(QUESTION, response_url=slack.fake.response_url("expired-1"))
    [call] = slack.fake.wait_for(lambda _: slack.fake.posted("chat.postEphemeral"))
    assert call.params["channel"] == "C0CMD" and call.params["user"] == "U0ASKER"
    msg = check(call, library)
    slack.action(find_button(msg, buttons.SHARE), response_url=slack.fake.response_url("expired-2"))
    [shared] = slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    assert shared.params["channel"] == "C0CMD" and "thread_ts" not in shared.params
    assert quote_lines(check(shared, library)) == quote_lines(msg)


@pytest.mark.parametrize("question", [*(q for qs in SAMPLES.values() for q in qs), HOSTILE,
                                      "Gomez & <Cohere> > OpenAI?", "合成数据" * 60])
def test_every_message_and_button_result_is_valid(slack: Slack, library: Library, question: str) -> None:
    """Ask, then press every button of the answer: each message is valid, verbatim, links right, pings nobody."""
    slack.command(render_escape(question))
    [first] = slack.fake.wait_for(lambda _: slack.fake.posted("response_url"))
    msg = check(first, library)
    clicks = [el for b in msg["blocks"] if b["type"] == "actions" for el in b["elements"]]
    for el in clicks:
        slack.action(el, response_url=slack.fake.response_url(el["action_id"]))
    calls = slack.fake.wait_for(lambda _: len(slack.fake.posted()) >= 1 + len(clicks) and slack.fake.posted())
    for call in calls:
        check(call, library)
        assert "<!channel>" not in json.dumps(call.params)


def render_escape(text: str) -> str:
    """What Slack sends for typed text: &, <, > escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
