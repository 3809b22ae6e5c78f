"""Machine translations on Slack, through the real Bolt app over HTTP against the fake Slack Web API and a
fake LibreTranslate server: where they appear, how they are labelled and escaped, the cache, failures,
the Translate button and the daily quote."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy.orm import Session

from bot.adapters.slack import buttons, render
from bot.adapters.slack import daily as daily_slack
from bot.adapters.slack.application import build_app
from bot.answer import answerer
from bot.answer.library import Library
from bot.answer.texts import SAMPLES
from bot.daily.subscriptions import find
from bot.db.schema import Subscription
from bot.runtime.context import AppContext
from tests.adapters.slack.blockkit import problems, quote_lines, unescape, unquoted_problems
from tests.adapters.slack.fake_api import BOT_USER, Call, FakeSlack
from tests.adapters.slack.harness import Slack, serving, slack_context, slack_settings
from tests.translation.fake_libretranslate import FakeLibreTranslate, serve

QUESTION = SAMPLES["en"][1]  # answered with Chinese quotes: each needs an English translation
LABEL = "Machine translation (LibreTranslate)"
HEAD = f"_{LABEL}_\n"
EVIL = "<!channel> <@U0VICTIM> <https://evil.example|click> & *bold* _it_ ~s~ `c` > x"


@pytest.fixture
def lt() -> Iterator[FakeLibreTranslate]:
    with serve() as server:
        yield server


@contextmanager
def app_with(fake: FakeSlack, library: Library, extensions: tuple[str, ...] = (),
             **settings: Any) -> Iterator[tuple[Slack, AppContext]]:
    ctx = slack_context(slack_settings(fake, **settings), library)
    try:
        with serving(fake, build_app(ctx, list(extensions))) as running:
            yield running, ctx
    finally:
        ctx.close()


def check(call: Call, library: Library) -> dict[str, Any]:
    msg = call.params
    assert problems(msg) == []
    assert unquoted_problems(msg, library) == []
    return msg


def mention(slack: Slack, text: str, ts: str = "300.000001") -> None:
    slack.event({"type": "app_mention", "user": "U0USER", "text": f"<@{BOT_USER}> {text}", "ts": ts,
                 "channel": "C0CHAN", "event_ts": ts})


def posts(fake: FakeSlack, n: int, method: str = "chat.postMessage") -> list[Call]:
    return fake.wait_for(lambda _: len(fake.posted(method)) >= n and fake.posted(method))


def elements(msg: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [el for block in msg["blocks"] for el in block.get("elements", [])
            if el.get("type") == "button" and buttons.pattern(action).match(el["action_id"])]


def translation_sections(msg: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in msg["blocks"] if b["type"] == "section" and b["text"]["text"].startswith(HEAD)]


def expected_section(passage: str, target: str) -> str:
    """The translation section the fake's translation of `passage` gets: labelled, italic line by line."""
    lines = FakeLibreTranslate.translated(passage, target).strip().split("\n")
    return HEAD + "\n".join(render.italic(line) for line in lines)


def without_action_ids(msg: dict[str, Any]) -> str:
    """The message as JSON, button action ids (numbered per process) left out."""
    dumped = json.dumps(msg["blocks"], ensure_ascii=False)
    return re.sub(r'"action_id": "([a-z_]+?)_\d+"', r'"action_id": "\1"', dumped)


def test_mention_answer_shows_labelled_translations_and_the_cache_serves_again(fake: FakeSlack, library: Library,
                                                                               lt: FakeLibreTranslate) -> None:
    expected = answerer.answer(library, QUESTION)
    with app_with(fake, library, translate_url=lt.url) as (slack, _):
        mention(slack, QUESTION)
        (call,) = posts(fake, 1)
        asked = len(lt.requests)
        mention(slack, QUESTION, ts="301.000001")
        posts(fake, 2)
    msg = check(call, library)
    assert quote_lines(msg) == quote_lines(render.reply_message(expected))  # the quotes, unchanged
    shown = translation_sections(msg)
    assert shown == [expected_section(q.passage, "en") for q in expected.quotes]
    assert all(s.startswith(f"{HEAD}_[en] ") for s in shown)  # in italics
    kinds = [b["type"] for b in msg["blocks"]]
    for i, block in enumerate(msg["blocks"]):  # each right under its quote
        if block["type"] == "section" and block["text"]["text"].startswith(HEAD):
            assert msg["blocks"][i - 1]["text"]["text"].split("\n")[1].startswith("> ")
    assert kinds.count("divider") == len(expected.quotes)
    translate = elements(msg, buttons.TRANSLATE)
    assert len(translate) == len(expected.quotes) and all(b["text"]["text"] == "Translate" for b in translate)
    assert asked == len(expected.quotes) and len(lt.requests) == asked  # the second answer: from the cache
    assert {r["target"] for r in lt.requests} == {"en"}


def test_without_a_translation_server_the_answer_is_as_before(fake: FakeSlack, library: Library) -> None:
    expected = answerer.answer(library, QUESTION)
    with app_with(fake, library) as (slack, _):
        mention(slack, QUESTION)
        (call,) = posts(fake, 1)
    msg = check(call, library)
    assert not translation_sections(msg) and not elements(msg, buttons.TRANSLATE)
    saved = json.loads(elements(msg, buttons.MORE)[0]["value"])["q"]
    assert without_action_ids(msg) == without_action_ids(render.reply_message(expected, saved))
    assert all(b["value"] in library.by_id for b in elements(msg, buttons.CONTEXT))


@pytest.mark.parametrize("trouble", ["slow", "failing", "absent"])
def test_a_slow_failing_or_absent_server_gives_the_original_quotes(fake: FakeSlack, library: Library,
                                                                   trouble: str) -> None:
    options = {"slow": {"delay": 3.0}, "failing": {"status": 500}, "absent": {}}[trouble]
    expected = answerer.answer(library, QUESTION)
    with serve(**options) as server:  # type: ignore[arg-type]
        url = "http://127.0.0.1:9" if trouble == "absent" else server.url
        with app_with(fake, library, translate_url=url, translate_timeout=0.5) as (slack, _):
            started = time.monotonic()
            mention(slack, QUESTION)
            (call,) = posts(fake, 1)
            took = time.monotonic() - started
    msg = check(call, library)
    assert not translation_sections(msg) and LABEL not in json.dumps(msg)
    assert quote_lines(msg) == quote_lines(render.reply_message(expected))
    assert took < 2.5 and len(fake.posted()) == 1  # no apology, no second message


def test_markup_in_a_translation_stays_safe_mrkdwn_everywhere(fake: FakeSlack, library: Library) -> None:
    with serve(answer=lambda text, target: f"{EVIL} {text[:10]}") as lt, \
            app_with(fake, library, translate_url=lt.url) as (slack, _):
        mention(slack, QUESTION)
        (call,) = posts(fake, 1)
        msg = check(call, library)
        posted = {**msg, "ts": "300.000002", "thread_ts": "300.000001", "user": BOT_USER}
        slack.action(elements(msg, buttons.CONTEXT)[0], message=posted, channel="C0CHAN")
        whole = check(posts(fake, 2)[1], library)
        slack.action(elements(msg, buttons.TRANSLATE)[0], message=posted, channel="C0CHAN")
        (menu,) = posts(fake, 1, "response_url")
        slack.action(elements(menu.params, buttons.TRANSLATION)[0], channel="C0CHAN")
        on_demand = check(posts(fake, 3)[2], library)
    for shown in (msg, whole, on_demand):
        sections = translation_sections(shown)
        assert sections and all(unescape(EVIL) in unescape(s) for s in sections), sections
        assert "<!channel>" not in json.dumps(shown)


def test_a_long_translation_is_cut_in_the_answer_and_whole_behind_full_passage(fake: FakeSlack,
                                                                               library: Library) -> None:
    sentences = [f"This is sentence number {i} of a very long machine translation." for i in range(90)]
    with serve(answer=lambda text, target: " ".join(sentences)) as lt, \
            app_with(fake, library, translate_url=lt.url) as (slack, _):
        mention(slack, QUESTION)
        msg = check(posts(fake, 1)[0], library)
        button = elements(msg, buttons.CONTEXT)[0]
        assert json.loads(button["value"])["l"] == "en"
        slack.action(button, message={**msg, "ts": "300.000002", "thread_ts": "300.000001"}, channel="C0CHAN")
        whole = check(posts(fake, 2)[1], library)
    first = translation_sections(msg)[0]
    assert sentences[0] in first and sentences[-1] not in first and first.endswith("translation._ …")
    text = " ".join(b["text"]["text"] for b in whole["blocks"] if b["type"] == "section")
    assert all(s in text for s in sentences), "the full-passage view shows the whole translation"


def test_translate_button_in_a_thread_offers_languages_and_posts_there(fake: FakeSlack, library: Library,
                                                                       lt: FakeLibreTranslate) -> None:
    with app_with(fake, library, translate_url=lt.url) as (slack, _):
        mention(slack, QUESTION)
        msg = check(posts(fake, 1)[0], library)
        button = elements(msg, buttons.TRANSLATE)[0]
        pid = json.loads(button["value"])["p"]
        posted = {**msg, "ts": "300.000002", "thread_ts": "300.000001", "user": BOT_USER}
        slack.action(button, message=posted, channel="C0CHAN", response_url=fake.response_url("menu"))
        (menu,) = posts(fake, 1, "response_url")
        assert menu.params["response_type"] == "ephemeral" and problems(menu.params) == []
        choices = {json.loads(b["value"])["l"]: b for b in elements(menu.params, buttons.TRANSLATION)}
        assert sorted(choices) == ["de", "zh-Hant"]  # not the quote's own (zh), not the one shown (en)
        assert choices["de"]["text"]["text"] == "German"
        before = len(lt.requests)
        slack.action(choices["de"], channel="C0CHAN")  # the menu is ephemeral: no message in the payload
        on_demand = posts(fake, 2)[1]
    assert on_demand.params["channel"] == "C0CHAN" and on_demand.params["thread_ts"] == "300.000001"
    shown = check(on_demand, library)
    passage = library.by_id[pid]
    assert translation_sections(shown) == [expected_section(passage.text, "de")]
    assert "\n".join(quote_lines(shown)) in passage.text.replace("*", "")
    assert [r["target"] for r in lt.requests[before:]] == ["de"]


def test_translate_on_an_ephemeral_answer_stays_with_the_asker(fake: FakeSlack, library: Library,
                                                              lt: FakeLibreTranslate) -> None:
    with app_with(fake, library, translate_url=lt.url) as (slack, _):
        slack.command(QUESTION, response_url=fake.response_url("cmd"))
        (answer,) = posts(fake, 1, "response_url")
        assert translation_sections(check(answer, library))
        slack.action(elements(answer.params, buttons.TRANSLATE)[0], response_url=fake.response_url("menu"))
        menu = posts(fake, 2, "response_url")[1]
        slack.action(elements(menu.params, buttons.TRANSLATION)[0], response_url=fake.response_url("tr"))
        shown = posts(fake, 3, "response_url")[2]
    assert shown.path.endswith("/tr") and shown.params["response_type"] == "ephemeral"
    assert translation_sections(check(shown, library))
    assert not fake.posted("chat.postMessage"), "nothing the asker alone saw is posted for everyone"


def test_forged_translate_buttons_get_a_polite_note(fake: FakeSlack, library: Library,
                                                    lt: FakeLibreTranslate) -> None:
    pid = library.passages[0].id
    forged = [
        (buttons.TRANSLATE, "nonsense"), (buttons.TRANSLATE, '{"p": "no-such", "s": ""}'),
        (buttons.TRANSLATE, json.dumps({"p": pid, "s": "fr"})), (buttons.TRANSLATE, "[1, 2]"),
        (buttons.TRANSLATION, json.dumps({"p": pid, "l": "fr", "t": "", "e": 0})),
        (buttons.TRANSLATION, json.dumps({"p": pid, "l": "de", "t": "<!channel>", "e": 0})),
        (buttons.TRANSLATION, json.dumps({"p": "no-such", "l": "de", "t": "", "e": 0})),
        (buttons.TRANSLATION, json.dumps({"p": pid, "l": "de", "t": "", "e": "x"})),
    ]
    with app_with(fake, library, translate_url=lt.url) as (slack, _):
        for i, (action, value) in enumerate(forged):
            slack.action({"action_id": f"{action}_{i}", "text": {"type": "plain_text", "text": "x"}, "value": value},
                         message={"ts": "9.9"}, channel="C0CHAN", response_url=fake.response_url(f"forged{i}"))
        notes = posts(fake, len(forged), "response_url")
    assert all(n.params["response_type"] == "ephemeral" and "no longer works" in n.params["text"] for n in notes)
    assert not fake.posted("chat.postMessage") and not lt.requests


# -- the daily quote ---------------------------------------------------------------------------------
def subscription(ctx: AppContext, channel: str = "C0CMD") -> Subscription | None:
    with Session(ctx.engine, expire_on_commit=False) as s:
        return find(s, "slack", channel)


def responses(fake: FakeSlack, n: int) -> list[dict[str, Any]]:
    return [c.params for c in posts(fake, n, "response_url")]


def test_subscribe_with_a_translation_round_trip_and_post(fake: FakeSlack, library: Library,
                                                          lt: FakeLibreTranslate) -> None:
    with app_with(fake, library, ("bot.adapters.slack.daily",), translate_url=lt.url) as (slack, ctx):
        slack.command("subscribe 09:00 Europe/Berlin translate=en")
        confirmed = responses(fake, 1)[-1]["text"]
        sub = subscription(ctx)
        assert sub is not None and sub.translate_to == "en" and sub.timezone == "Europe/Berlin"
        slack.command("subscription")
        shown = responses(fake, 2)[-1]["text"]
        slack.command("subscribe 09:00 translate=klingon", command="/quote")
        refused = responses(fake, 3)[-1]["text"]
        assert subscription(ctx).translate_to == "en"  # type: ignore[union-attr]
        poster = daily_slack.SlackPoster(slack.app.client, ctx, rate=0)
        result = poster.scheduler.run_once(dt.datetime.now(dt.UTC).replace(hour=9, minute=0) + dt.timedelta(days=1))
    line = "With a machine translation (LibreTranslate): English."
    assert line in confirmed and line in shown and "'klingon'" in refused and "zh-Hant" in refused
    assert len(result.sent) == 1
    (call,) = fake.posted("chat.postMessage")
    post = check(call, library)
    passage = library.by_id[result.sent[0][2]]
    assert translation_sections(post) == [expected_section(passage.text, "en")]
    assert elements(post, buttons.TRANSLATE)
    assert json.loads(elements(post, buttons.CONTEXT)[0]["value"]) == {"p": passage.id, "l": "en"}


def test_subscribe_with_a_translation_is_refused_kindly_when_translation_is_off(fake: FakeSlack,
                                                                                library: Library) -> None:
    with app_with(fake, library, ("bot.adapters.slack.daily",)) as (slack, ctx):
        slack.command("subscribe 09:00 UTC translate=en")
        (refused,) = responses(fake, 1)
        assert subscription(ctx) is None
    assert "not set up" in refused["text"]

