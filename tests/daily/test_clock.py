"""Post times in time zones: parsing, DST edges, and when a post is due."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.daily import clock
from tests.daily.conftest import at

LONG_AGO = at("2020-01-01T00:00")


def test_parse_schedule_defaults_and_either_order() -> None:
    assert clock.parse_schedule([], "09:00", "UTC") == ("09:00", "UTC")
    assert clock.parse_schedule(["7:05"], "09:00", "UTC") == ("07:05", "UTC")
    assert clock.parse_schedule(["asia/shanghai", "18:30"], "09:00", "UTC") == ("18:30", "Asia/Shanghai")
    assert clock.parse_schedule(["Europe/Berlin"], "09:00", "UTC") == ("09:00", "Europe/Berlin")
    assert clock.parse_schedule(["shanghai", "8.15"], "09:00", "UTC") == ("08:15", "Asia/Shanghai")


@pytest.mark.parametrize("args", [["25:00"], ["Mars/Olympus"], ["09:00", "10:00"], ["UTC", "Europe/Berlin"]])
def test_parse_schedule_rejects_bad_input(args: list[str]) -> None:
    with pytest.raises(clock.BadSchedule):
        clock.parse_schedule(args, "09:00", "UTC")


def test_berlin_spring_forward_0230_posts_once_at_0330_local() -> None:
    day = dt.date(2026, 3, 29)  # 02:00 CET -> 03:00 CEST: 02:30 does not exist
    when = clock.scheduled_at(day, "02:30", "Europe/Berlin")
    assert when == at("2026-03-29T01:30")
    assert when.astimezone(clock.ZoneInfo("Europe/Berlin")).strftime("%H:%M %Z") == "03:30 CEST"
    assert clock.due_date(at("2026-03-29T01:29"), "02:30", "Europe/Berlin", LONG_AGO) is None
    assert clock.due_date(at("2026-03-29T01:30"), "02:30", "Europe/Berlin", LONG_AGO) == day
    # the day before and after keep their usual offsets
    assert clock.scheduled_at(dt.date(2026, 3, 28), "02:30", "Europe/Berlin") == at("2026-03-28T01:30")
    assert clock.scheduled_at(dt.date(2026, 3, 30), "02:30", "Europe/Berlin") == at("2026-03-30T00:30")


def test_berlin_fall_back_0230_posts_at_its_first_occurrence() -> None:
    when = clock.scheduled_at(dt.date(2026, 10, 25), "02:30", "Europe/Berlin")
    assert when == at("2026-10-25T00:30")  # 02:30 CEST, not 02:30 CET an hour later


def test_shanghai_local_day_starts_before_utc_midnight() -> None:
    # 2026-11-21 23:30 UTC is 2026-11-22 07:30 in Shanghai: the 09:00 post of the 22nd is not due yet
    assert clock.due_date(at("2026-11-21T23:30"), "09:00", "Asia/Shanghai", LONG_AGO) is None
    assert clock.due_date(at("2026-11-22T01:00"), "09:00", "Asia/Shanghai", LONG_AGO) == dt.date(2026, 11, 22)
    nxt = clock.next_post(at("2026-11-21T23:30"), "09:00", "Asia/Shanghai", LONG_AGO)
    assert nxt.isoformat() == "2026-11-22T09:00:00+08:00"


def test_subscribing_after_todays_time_starts_tomorrow() -> None:
    now = at("2026-11-22T10:00")
    assert clock.due_date(now, "09:00", "UTC", active_since=now) is None
    assert clock.next_post(now, "09:00", "UTC", now).isoformat() == "2026-11-23T09:00:00+00:00"
    # subscribed long ago and missed while the bot was down: due now, next post is now
    assert clock.due_date(now, "09:00", "UTC", LONG_AGO) == dt.date(2026, 11, 22)
    assert clock.next_post(now, "09:00", "UTC", LONG_AGO) == now
    assert clock.next_post(now, "09:00", "UTC", LONG_AGO, {dt.date(2026, 11, 22)}).day == 23
