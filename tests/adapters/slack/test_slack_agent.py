"""The Messages tab as an agent conversation: the real app over HTTP against the fake Slack Web API."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.adapters.slack import render
from bot.adapters.slack.application import build_app
from bot.answer.answerer import samples
from bot.answer.library import Library
from bot.answer.texts import SAMPLES, SLACK_AGENT, localized, message
from tests.adapters.slack.blockkit import problems, quote_lines, unquoted_problems
from tests.adapters.slack.fake_api import Call, FakeSlack
from tests.adapters.slack.harness import Slack, serving, slack_context, slack_settings

AGENT_METHODS = ("assistant.threads.setStatus", "assistant.threads.setTitle", "chat.postMessage")


def dm(slack: Slack, text: str, ts: str, thread_ts: str | None = None, user: str = "U0USER") -> None:
    event = {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts, "channel": "D0DM"}
    if thread_ts:
        event["thread_ts"] = thread_ts
    status, _ = slack.event(event)
    assert status == 200


def calls_of(slack: Slack, *methods: str) -> list[Call]:
    return [c for c in slack.fake.calls if c.method in methods]


@pytest.mark.parametrize(("locale", "lang"), [("de-DE", "de"), ("zh-CN", "zh"), ("en-GB", "en")])
def test_opening_the_messages_tab_suggests_sample_questions_in_the_users_language(slack: Slack, locale: str,
                                                                                   lang: str) -> None:
    slack.fake.locales["U0OPEN"] = locale
    status, _ = slack.event({"type": "app_home_opened", "user": "U0OPEN", "channel": "D0OPEN", "tab": "messages",
                             "event_ts": "1.1"})
    assert status == 200
    [call] = slack.fake.wait_for(lambda _: calls_of(slack, "assistant.threads.setSuggestedPrompts"))
    assert call.params["channel_id"] == "D0OPEN" and "thread_ts" not in call.params
    prompts = call.params["prompts"]
    assert 1 <= len(prompts) <= 4
    assert [p["message"] for p in prompts] == list(samples(lang))[:4] == list(SAMPLES[lang])[:4]
    assert all(1 <= len(p["title"]) <= 75 for p in prompts)
    assert call.params["title"] == message("samples_title", lang)
    assert [c.params["user"] for c in calls_of(slack, "users.info")] == ["U0OPEN"]


def test_a_dm_question_sets_status_then_title_then_answers_in_its_thread(slack: Slack, library: Library) -> None:
    question = SAMPLES["de"][1]
    dm(slack, question, ts="700.000001")
    slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    calls = calls_of(slack, *AGENT_METHODS)
    assert [c.method for c in calls] == list(AGENT_METHODS)
    status, title, answer = calls
    assert (status.params["channel_id"], status.params["thread_ts"]) == ("D0DM", "700.000001")
    assert status.params["status"] == localized(SLACK_AGENT, "searching", "de") != localized(SLACK_AGENT, "searching")
    assert (title.params["channel_id"], title.params["thread_ts"], title.params["title"]) == \
        ("D0DM", "700.000001", question)
    assert answer.params["channel"] == "D0DM" and answer.params["thread_ts"] == "700.000001"
    assert problems(answer.params) == [] and unquoted_problems(answer.params, library) == []
    assert quote_lines(answer.params), "the interviewees' words, verbatim"


def test_a_follow_up_in_the_conversation_gets_the_status_but_keeps_the_title(slack: Slack) -> None:
    dm(slack, SAMPLES["zh"][1], ts="710.000005", thread_ts="710.000001")
    slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    calls = calls_of(slack, *AGENT_METHODS)
    assert [c.method for c in calls] == ["assistant.threads.setStatus", "chat.postMessage"]
    assert calls[0].params["thread_ts"] == calls[1].params["thread_ts"] == "710.000001"
    assert calls[0].params["status"] == localized(SLACK_AGENT, "searching", "zh")


def test_the_title_is_escaped_and_clipped(slack: Slack) -> None:
    hostile = "<!channel> & <@U0VICTIM> " + "Gomez synthetic data " * 20
    dm(slack, hostile, ts="720.000001")
    slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    [title] = calls_of(slack, "assistant.threads.setTitle")
    text = title.params["title"]
    assert "<" not in text and "&lt;!channel&gt; &amp; &lt;@U0VICTIM&gt;" in text
    assert len(text) <= 100 and text.endswith("…")


@pytest.mark.parametrize("error", ["not_allowed", "missing_scope"])
def test_refused_agent_calls_never_stop_the_answer(slack: Slack, library: Library, error: str,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.adapters.slack")
    refused = (200, {}, {"ok": False, "error": error})
    for method in ("assistant.threads.setStatus", "assistant.threads.setTitle",
                   "assistant.threads.setSuggestedPrompts", "users.info"):
        slack.fake.fail_next[method] = [refused]
    dm(slack, SAMPLES["en"][1], ts="730.000001")
    [answer] = slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    assert answer.params["thread_ts"] == "730.000001" and quote_lines(answer.params)
    assert unquoted_problems(answer.params, library) == []
    status, _ = slack.event({"type": "app_home_opened", "user": "U0X", "channel": "D0X", "tab": "messages"})
    assert status == 200
    slack.fake.wait_for(lambda _: calls_of(slack, "assistant.threads.setSuggestedPrompts"))
    slack.fake.wait_for(lambda _: [r for r in caplog.records if "setSuggestedPrompts" in r.getMessage()])
    lines = [r.getMessage() for r in caplog.records if error in r.getMessage()]
    assert len([m for m in lines if "setStatus" in m]) == 1 and len([m for m in lines if "setTitle" in m]) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "no traceback, no apology"
    assert len(slack.fake.posted()) == 1


def test_without_the_home_extension_the_home_tab_is_acknowledged_quietly(slack: Slack) -> None:
    status, _ = slack.event({"type": "app_home_opened", "user": "U0H", "channel": "D0H", "tab": "home"})
    assert status == 200
    dm(slack, SAMPLES["en"][0], ts="740.000001")  # a later event: the home event was handled (or not) before it
    slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    assert not calls_of(slack, "views.publish", "assistant.threads.setSuggestedPrompts")


def test_prompts_are_the_samples_clipped_and_escaped() -> None:
    from bot.adapters.slack.agent import prompts

    for lang in ("zh", "de", "en"):
        got: list[dict[str, Any]] = prompts(lang)
        assert [p["message"] for p in got] == list(samples(lang))[:4]
        assert [p["title"] for p in got] == [render.clip(q, 75) for q in samples(lang)[:4]]


def test_a_failure_while_answering_a_dm_is_apologised_for_in_its_thread(fake: FakeSlack, library: Library) -> None:
    broken = Library(list(library.articles.values()), library.passages, library.index)

    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("index exploded")

    broken.ranker.rank = explode  # type: ignore[method-assign]
    app = build_app(slack_context(slack_settings(fake), broken), process_before_response=True)
    with serving(fake, app) as slack:
        slack.event({"type": "message", "channel_type": "im", "user": "U0USER", "text": SAMPLES["de"][1],
                     "ts": "750.000001", "channel": "D0DM"})
    [apology] = fake.posted("chat.postMessage")
    assert apology.params["thread_ts"] == "750.000001" and apology.params["text"] == message("error", "de")
