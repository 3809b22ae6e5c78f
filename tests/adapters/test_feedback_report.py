"""`interview-bot feedback --json` after votes on Telegram and Slack (both against their fake APIs, one
database: SQLite, then PostgreSQL when there is one)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from bot.adapters.cli import main
from bot.adapters.slack.application import build_app
from bot.answer import answerer
from bot.answer.library import Library
from bot.runtime.settings import get_settings
from tests.adapters.slack.fake_api import FakeSlack
from tests.adapters.slack.harness import fake_slack, serving, slack_context, slack_settings
from tests.adapters.telegram import fake_api

QUESTION = "What does Aidan Gomez think about synthetic data?"


async def vote_on_telegram(library: Library, db_url: str) -> None:
    """👎 with "wrong passage" on the first quote, 👍 on the second."""
    server = fake_api.FakeBotAPI()
    await server.start()
    app = fake_api.make_app(server, library, database_url=db_url)
    await fake_api.start_polling(app)
    try:
        await server.push(fake_api.message(QUESTION))
        await server.wait_for("sendMessage")
        answer = server.sent[-1]
        rows = [r for r in answer["reply_markup"]["inline_keyboard"] if r[0]["callback_data"].startswith("fb:")]
        await server.push(fake_api.callback(rows[0][1]["callback_data"], answer))
        (edited,) = await server.wait_for("editMessageReplyMarkup")
        reason = next(b["callback_data"] for r in edited["reply_markup"]["inline_keyboard"] for b in r
                      if b.get("callback_data", "").startswith("fb:w:"))
        await server.push(fake_api.callback(reason, {**answer, "reply_markup": edited["reply_markup"]}))
        await server.push(fake_api.callback(rows[1][0]["callback_data"], answer))
        await server.wait_for("answerCallbackQuery", 3)
    finally:
        await fake_api.stop(app)
        await server.stop()
    assert not server.errors


def vote_on_slack(library: Library, db_url: str) -> None:
    """👎 without a reason on the first quote."""
    with fake_slack() as api, serving(api, build_app(slack_context(slack_settings(api, database_url=db_url), library),
                                                     process_before_response=True)) as slack:
        slack.event({"type": "app_mention", "channel": "C0FEED", "user": "U0ASKER", "ts": "1700000000.000001",
                     "text": f"<@UBOT> {QUESTION}"})
        [call] = api.wait_for(lambda _: api.posted("chat.postMessage"))
        msg = {"ts": "1700000100.000100", "text": call.params["text"], "blocks": call.params["blocks"]}
        first = next(e for b in msg["blocks"] if b["type"] == "context_actions" for e in b["elements"])
        slack.feedback(first, False, message=msg, channel="C0FEED")
        responded(api)


def responded(api: FakeSlack) -> Any:
    return api.wait_for(lambda _: api.posted("response_url"))


async def test_feedback_json_reports_votes_from_both_platforms(library: Library, db_url: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    await vote_on_telegram(library, db_url)
    vote_on_slack(library, db_url)
    result = CliRunner().invoke(main, ["feedback", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    quotes = answerer.answer(library, QUESTION).quotes
    first, second = quotes[0], quotes[1]
    assert report["votes"] == {"up": 1, "down": 2}
    (disliked,) = report["disliked_passages"]
    assert disliked["passage_id"] == first.passage_id and (disliked["down"], disliked["up"]) == (2, 0)
    assert disliked["reasons"] == {"wrong_passage": 1, "unspecified": 1}
    assert disliked["article"] == first.article.title and disliked["url"] == first.article.url
    assert disliked["speaker"] == first.speaker and first.passage.startswith(disliked["first_words"].rstrip("…"))
    (wrong,) = report["questions_marked_wrong"]
    assert (wrong["question"], wrong["passage_id"], wrong["down"]) == (QUESTION, first.passage_id, 2)
    assert wrong["platforms"] == ["slack", "telegram"]
    assert second.passage_id not in {p["passage_id"] for p in report["disliked_passages"]}
    # the same as text, and nothing since tomorrow
    text = CliRunner().invoke(main, ["feedback"])
    assert text.exit_code == 0 and "Most disliked passages:" in text.output and QUESTION in text.output
    later = json.loads(CliRunner().invoke(main, ["feedback", "--json", "--since", "2999-01-01"]).output)
    assert later["votes"] == {"up": 0, "down": 0} and later["disliked_passages"] == []
