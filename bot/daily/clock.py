"""Local post times in IANA time zones, and when a subscription's post is due (pure functions).

A post time that does not exist on a spring-forward day (02:30 in Europe/Berlin on the last Sunday of
March) is read as if the clocks had not changed yet, so it posts at 03:30 local time; a time that
happens twice on a fall-back day posts at its first occurrence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


class BadSchedule(ValueError):
    """A post time or time zone the user typed that cannot be used."""


def parse_time(text: str) -> str:
    """'9:05', '09.05' or '9h05' -> '09:05'."""
    m = TIME.match(text.strip())
    if not m:
        raise BadSchedule(f"not a time of day (HH:MM): {text!r}")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


_ZONES_BY_LOWER: dict[str, str] | None = None


def parse_zone(text: str) -> str:
    """An IANA time zone name, case-insensitively ('europe/berlin' -> 'Europe/Berlin'); a city alone
    is accepted when it names exactly one zone ('Shanghai' -> 'Asia/Shanghai')."""
    global _ZONES_BY_LOWER
    name = text.strip()
    if name.upper() == "UTC":
        return "UTC"
    if _ZONES_BY_LOWER is None:
        _ZONES_BY_LOWER = {z.lower(): z for z in available_timezones()}
    canonical = _ZONES_BY_LOWER.get(name.lower())
    if canonical is None and "/" not in name:
        city = name.lower().replace(" ", "_")
        found = [z for k, z in _ZONES_BY_LOWER.items() if "/" in k and k.rsplit("/", 1)[1] == city
                 and not k.startswith(("etc/", "posix/", "right/"))]
        canonical = found[0] if len(found) == 1 else None
    if canonical is None:
        raise BadSchedule(f"unknown time zone: {text!r} (use an IANA name such as Europe/Berlin)")
    try:
        ZoneInfo(canonical)
    except (ZoneInfoNotFoundError, ValueError) as exc:  # pragma: no cover - listed but unreadable
        raise BadSchedule(f"unknown time zone: {text!r}") from exc
    return canonical


def parse_schedule(args: list[str], default_time: str, default_zone: str) -> tuple[str, str]:
    """`[HH:MM] [Zone]` in either order -> (time, zone); missing parts take the defaults."""
    post_time, zone = None, None
    for arg in args:
        if TIME.match(arg.strip()):
            if post_time is not None:
                raise BadSchedule("give one time of day")
            post_time = parse_time(arg)
        else:
            if zone is not None:
                raise BadSchedule(f"unexpected {arg!r}: give [HH:MM] [time zone]")
            zone = parse_zone(arg)
    return post_time or parse_time(default_time), zone or parse_zone(default_zone)


def scheduled_at(local_date: dt.date, post_time: str, zone: str) -> dt.datetime:
    """The UTC instant of a post at `post_time` on `local_date` in `zone`."""
    hh, mm = (int(x) for x in post_time.split(":"))
    local = dt.datetime.combine(local_date, dt.time(hh, mm), tzinfo=ZoneInfo(zone))  # fold=0
    return local.astimezone(dt.UTC)


def local_today(now_utc: dt.datetime, zone: str) -> dt.date:
    return now_utc.astimezone(ZoneInfo(zone)).date()


def due_date(now_utc: dt.datetime, post_time: str, zone: str, active_since: dt.datetime) -> dt.date | None:
    """The local date whose post is due at `now_utc` (today's, once its time has come), or None.

    A post whose time was before the subscription started (or resumed) is not due: subscribing at
    10:00 for 09:00 starts tomorrow.
    """
    today = local_today(now_utc, zone)
    at = scheduled_at(today, post_time, zone)
    if at <= now_utc and at >= active_since:
        return today
    return None


def next_post(now_utc: dt.datetime, post_time: str, zone: str, active_since: dt.datetime,
              delivered: Collection[dt.date] = ()) -> dt.datetime:
    """When the next post will be made, as an aware local datetime in `zone`; `delivered` are the
    local dates already posted. When today's post is due but not yet made, that is now."""
    day = local_today(now_utc, zone)
    for _ in range(4):
        at = scheduled_at(day, post_time, zone)
        if day not in delivered and at >= active_since and (at > now_utc or day == local_today(now_utc, zone)):
            return max(at, now_utc).astimezone(ZoneInfo(zone))
        day += dt.timedelta(days=1)
    return scheduled_at(day, post_time, zone).astimezone(ZoneInfo(zone))  # pragma: no cover
