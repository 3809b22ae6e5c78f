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
# What ZoneInfo(name) raises for a name it cannot load: unknown, not a normalized relative path,
# a directory ("Europe"), too long for the file system.
LOAD_ERRORS = (ZoneInfoNotFoundError, ValueError, OSError)


class BadSchedule(ValueError):
    """A post time or time zone the user typed that cannot be used."""


def parse_time(text: str) -> str:
    """'9:05', '09.05' or '9h05' -> '09:05'."""
    m = TIME.match(text.strip())
    if not m:
        raise BadSchedule(f"not a time of day (HH:MM): {text!r}")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


# The areas of IANA's area/location names (tzdata's zone1970.tab). Other names the system may list are
# not places: "localtime" and "posixrules" (links to whatever this machine is set to), "Factory" (no zone
# at all), POSIX-rule and abbreviation zones ("EST5EDT", "CET", "GMT"), the "backward" country aliases
# ("US/Eastern", "Canada/Pacific"), fixed offsets with inverted signs ("Etc/GMT+5"), and the "posix/" and
# "right/" copies of the database.
AREAS = frozenset({"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe",
                   "Indian", "Pacific"})
_ZONES_BY_LOWER: dict[str, str] | None = None


def is_place_zone(name: str) -> bool:
    """An IANA area/location name ('Europe/Berlin', 'America/Argentina/Buenos_Aires') or 'UTC'."""
    return name == "UTC" or ("/" in name and name.split("/", 1)[0] in AREAS)


def _zones() -> dict[str, str]:
    """The area/location zones this machine can load, by their lower-case names."""
    global _ZONES_BY_LOWER
    if _ZONES_BY_LOWER is None:
        _ZONES_BY_LOWER = {z.lower(): z for z in available_timezones() if is_place_zone(z) and "/" in z}
    return _ZONES_BY_LOWER


# Places suggested for old-style names, by what their clocks read (first match wins).
PREFERRED = ("UTC", "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
             "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "Europe/London", "Europe/Berlin",
             "Europe/Athens", "Europe/Moscow", "Europe/Lisbon", "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul",
             "Asia/Kolkata", "Australia/Sydney", "Pacific/Auckland")


def _suggestion(name: str) -> str:
    """A place with the same clock as an old-style zone name ('EST5EDT' -> 'America/New_York')."""
    try:
        aliased = ZoneInfo(name)
    except LOAD_ERRORS:
        return ""
    probes = [dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC), dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC)]
    wanted = [(p.astimezone(aliased).utcoffset(), p.astimezone(aliased).tzname()) for p in probes]
    for zone in PREFERRED:
        z = ZoneInfo(zone)
        if [(p.astimezone(z).utcoffset(), p.astimezone(z).tzname()) for p in probes] == wanted:
            return zone
    return ""


def parse_zone(text: str) -> str:
    """An IANA area/location time zone name, case-insensitively ('europe/berlin' -> 'Europe/Berlin'), or
    UTC; a city alone is accepted when it names exactly one zone ('Shanghai' -> 'Asia/Shanghai').
    Names that are not places ('localtime', 'Factory', 'EST5EDT', 'US/Eastern') are refused with an
    example (the place with the same clock when there is an obvious one)."""
    name = text.strip()
    if name.upper() == "UTC":
        return "UTC"
    zones = _zones()
    canonical = zones.get(name.lower())
    if canonical is None and "/" not in name:
        city = name.lower().replace(" ", "_")
        found = [z for k, z in zones.items() if k.rsplit("/", 1)[1] == city]
        canonical = found[0] if len(found) == 1 else None
    if canonical is None:
        hint = _suggestion(name) if name and name.lower() not in ("localtime", "posixrules", "factory") else ""
        advice = (f"did you mean {hint}? use an IANA area/location name such as Europe/Berlin, or UTC" if hint else
                  "use an IANA area/location name such as Europe/Berlin, America/New_York or Asia/Shanghai, or UTC")
        raise BadSchedule(f"unknown time zone: {text!r} ({advice})")
    try:
        ZoneInfo(canonical)
    except LOAD_ERRORS as exc:  # pragma: no cover - listed but unreadable
        raise BadSchedule(f"unknown time zone: {text!r}") from exc
    return canonical


def zone_problem(zone: str) -> str | None:
    """Why a stored time zone cannot be used (a row written by hand or by an older version), or None."""
    try:
        ZoneInfo(zone)
    except LOAD_ERRORS:
        return f"unknown time zone {zone!r}"
    return None


def _default_zone(name: str) -> str:
    """The configured default zone (QUOTE_DEFAULT_TIMEZONE, checked at start-up): canonical when it is a
    place, else as configured, so that an old-style name there does not break every /subscribe."""
    try:
        return parse_zone(name)
    except BadSchedule:
        if zone_problem(name) is not None:
            raise
        return name


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
    return post_time or parse_time(default_time), zone or _default_zone(default_zone)


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
              delivered: Collection[dt.date] = (), not_before: dt.date | None = None) -> dt.datetime:
    """When the next post will be made, as an aware local datetime in `zone`; `delivered` are the
    local dates already posted. When today's post is due but not yet made, that is now. `not_before`
    is the latest local date claimed so far: no earlier day is ever posted (say the clock went back)."""
    day = local_today(now_utc, zone)
    if not_before is not None and not_before > day:
        day = not_before
    for _ in range(4):
        at = scheduled_at(day, post_time, zone)
        if day not in delivered and at >= active_since and (at > now_utc or day == local_today(now_utc, zone)):
            return max(at, now_utc).astimezone(ZoneInfo(zone))
        day += dt.timedelta(days=1)
    return scheduled_at(day, post_time, zone).astimezone(ZoneInfo(zone))  # pragma: no cover
