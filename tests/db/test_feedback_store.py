"""bot.db.feedback_store on SQLite and PostgreSQL: one row per vote key, changes, reasons, replicas, the report."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace

import pytest

from bot.db import feedback_store
from bot.db.engine import open_database
from bot.db.feedback_store import Vote

VOTE = Vote("telegram", "42", "1001", "7", "a:p1", "up", "answer", "Why models?")


@pytest.fixture
def engine(db_url: str):
    engine = open_database(db_url)
    yield engine
    engine.dispose()


def test_a_vote_is_stored_once_and_can_change(engine) -> None:
    assert feedback_store.record(engine, VOTE) is None
    assert feedback_store.record(engine, VOTE) == "up"  # the same press again
    assert feedback_store.record(engine, replace(VOTE, vote="down")) == "up"
    (row,) = feedback_store.votes_of(engine, "telegram", "42")
    assert (row["vote"], row["question"], row["kind"], row["reason"]) == ("down", "Why models?", "answer", None)
    assert row["updated_at"] >= row["created_at"]


def test_reasons_stay_with_down_and_go_with_up(engine) -> None:
    down = replace(VOTE, vote="down")
    feedback_store.record(engine, replace(down, reason="wrong_passage"))
    feedback_store.record(engine, down)  # a plain 👎 delivered late keeps the reason
    assert feedback_store.votes_of(engine, "telegram", "42")[0]["reason"] == "wrong_passage"
    feedback_store.record(engine, replace(down, reason="no_match"))  # another reason replaces it
    assert feedback_store.votes_of(engine, "telegram", "42")[0]["reason"] == "no_match"
    feedback_store.record(engine, VOTE)
    assert feedback_store.votes_of(engine, "telegram", "42")[0]["reason"] is None


def test_other_users_messages_and_passages_are_other_rows(engine) -> None:
    for v in (VOTE, replace(VOTE, user_id="8"), replace(VOTE, message_id="1002"), replace(VOTE, passage_id="a:p2"),
              replace(VOTE, platform="slack")):
        assert feedback_store.record(engine, v) is None
    assert len(feedback_store.votes_of(engine, "telegram", "42")) == 4


def test_bad_votes_are_refused() -> None:
    for bad in ({"vote": "meh"}, {"kind": "other"}, {"reason": "boring", "vote": "down"}, {"reason": "no_match"}):
        with pytest.raises(ValueError):
            replace(VOTE, **bad)


def test_replicas_pressing_at_once_leave_one_row(db_url: str) -> None:
    """Two processes (two engines) get the same press at once, several times: one row."""
    engines = [open_database(db_url), open_database(db_url)]
    errors: list[BaseException] = []

    def press(engine) -> None:
        try:
            for _ in range(10):
                feedback_store.record(engine, VOTE)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=press, args=(e,)) for e in engines for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert not errors, errors
        assert len(feedback_store.votes_of(engines[0], "telegram", "42")) == 1
    finally:
        for e in engines:
            e.dispose()


def test_report_ranks_disliked_passages_and_lists_questions_marked_wrong(engine) -> None:
    old = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    feedback_store.record(engine, replace(VOTE, user_id="old", vote="down", passage_id="a:p9"), now=old)
    for user, passage, vote, reason in (("1", "a:p1", "down", "wrong_passage"), ("2", "a:p1", "down", None),
                                        ("3", "a:p1", "up", None), ("1", "a:p2", "down", "no_match"),
                                        ("2", "a:p3", "up", None)):
        feedback_store.record(engine, replace(VOTE, user_id=user, passage_id=passage, vote=vote, reason=reason))
    feedback_store.record(engine, Vote("slack", "C1", "1.2", "U1", "a:p2", "down", "daily", None, "not_an_answer"))
    report = feedback_store.report(engine)
    assert (report.up, report.down) == (2, 5)
    # most 👎 first; among equals, the one fewer liked
    assert [(p.passage_id, p.down, p.up) for p in report.passages] == [("a:p2", 2, 0), ("a:p1", 2, 1),
                                                                       ("a:p9", 1, 0)]
    assert dict(report.passages[0].reasons) == {"no_match": 1, "not_an_answer": 1}
    assert dict(report.passages[1].reasons) == {"wrong_passage": 1, "unspecified": 1}
    wrong = {(w.question, w.passage_id): w for w in report.questions}  # daily votes have no question
    assert set(wrong) == {("Why models?", "a:p1"), ("Why models?", "a:p2"), ("Why models?", "a:p9")}
    assert wrong[("Why models?", "a:p1")].down == 2 and wrong[("Why models?", "a:p1")].platforms == {"telegram"}
    recent = feedback_store.report(engine, since=dt.date(2026, 6, 1))
    assert "a:p9" not in {p.passage_id for p in recent.passages} and recent.down == 4


def test_one_press_delivered_to_several_replicas_at_once_is_counted_once(db_url: str) -> None:
    """The metric counts a vote when `record` says it is new or changed: of one press recorded at the same
    moment by four replicas (engines of their own), exactly one may say so, on every one of 20 keys."""
    engines = [open_database(db_url) for _ in range(4)]
    try:
        for n in range(20):
            vote = replace(VOTE, message_id=str(5000 + n))
            start = threading.Barrier(len(engines))
            news: list[bool] = []

            def press(engine, vote=vote, start=start, news=news) -> None:
                start.wait()
                news.append(feedback_store.record(engine, vote) != vote.vote)

            threads = [threading.Thread(target=press, args=(e,)) for e in engines]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            assert sorted(news) == [False, False, False, True], n
    finally:
        for e in engines:
            e.dispose()
