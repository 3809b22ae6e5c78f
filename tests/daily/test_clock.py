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


@pytest.mark.parametrize("name", ["localtime", "Factory", "EST5EDT", "CET", "GMT", "Zulu", "US/Eastern",
                                  "Etc/GMT+5", "posix/Europe/Berlin", "right/Asia/Shanghai", "Canada/Pacific",
                                  "Europe", "x" * 300])
def test_parse_zone_refuses_names_that_are_not_area_location_zones(name: str) -> None:
    with pytest.raises(clock.BadSchedule) as err:
        clock.parse_zone(name)
    message = str(err.value)
    assert repr(name) in message and "Europe/Berlin" in message and "UTC" in message  # says what would do


@pytest.mark.parametrize(("name", "zone"), [("UTC", "UTC"), ("utc", "UTC"), ("Europe/Berlin", "Europe/Berlin"),
                                            ("america/argentina/buenos_aires", "America/Argentina/Buenos_Aires"),
                                            ("Shanghai", "Asia/Shanghai"), ("new york", "America/New_York")])
def test_parse_zone_accepts_area_location_zones_and_utc(name: str, zone: str) -> None:
    assert clock.parse_zone(name) == zone


def test_a_default_zone_from_the_settings_is_used_as_configured() -> None:
    # QUOTE_DEFAULT_TIMEZONE is checked at start-up: an old-style name there must not break /subscribe
    assert clock.parse_schedule(["07:00"], "09:00", "CET") == ("07:00", "CET")
    with pytest.raises(clock.BadSchedule):
        clock.parse_schedule(["07:00", "CET"], "09:00", "UTC")


def test_next_post_is_never_a_day_before_one_already_posted() -> None:
    # the clock went back to the 22nd after the 24th was posted: the next post is the 25th, not "now"
    now = at("2026-11-22T09:30")
    posted = {dt.date(2026, 11, 24)}
    nxt = clock.next_post(now, "09:00", "UTC", LONG_AGO, posted, not_before=dt.date(2026, 11, 24))
    assert nxt.isoformat() == "2026-11-25T09:00:00+00:00"
    # a released (not yet posted) 24th is still the next post, at its time
    nxt = clock.next_post(now, "09:00", "UTC", LONG_AGO, (), not_before=dt.date(2026, 11, 24))
    assert nxt.isoformat() == "2026-11-24T09:00:00+00:00"
