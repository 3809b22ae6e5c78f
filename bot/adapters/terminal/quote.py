"""`interview-bot quote`: the quote of the day in the terminal or as JSON."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re

import click

ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class NoSuchDay(click.ClickException):
    """A --date written right that names no day (2027-02-29): one line, exit 2 like other usage errors."""

    exit_code = 2


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        parts = ISO_DAY.fullmatch(value)
        if parts is None:
            raise click.BadParameter("use YYYY-MM-DD, e.g. 2026-11-22") from None
        raise NoSuchDay(f"--date {value} does not exist: {_why(*map(int, parts.groups()))}") from None


def _why(year: int, month: int, day: int) -> str:
    """Why YEAR-MONTH-DAY, which `date.fromisoformat` refused, is no day of the calendar."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return f"there is no year {year}"
    if not 1 <= month <= 12:
        return f"there is no month {month} (YYYY-MM-DD: the month comes second)"
    return f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"


@click.command()
@click.option("--date", "day", callback=_date, metavar="YYYY-MM-DD",
              help="The day whose quote to show (default: today in QUOTE_DEFAULT_TIMEZONE).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object, shaped like one result of `ask --json`.")
@click.option("--speaker", help="Only quotes by this speaker (part of the name).")
@click.option("--article", help="Only quotes from this article id (see `sources`).")
@click.option("--language", type=click.Choice(["zh", "de", "en"]), help="Only quotes in this language.")
def quote(day: dt.date | None, as_json: bool, speaker: str | None, article: str | None,
          language: str | None) -> None:
    """Print the quote of the day: the same for everyone on a given day, no repeat until all were shown."""
    from zoneinfo import ZoneInfo

    from bot.daily.choose import quote_of_the_day
    from bot.runtime.context import open_context
    from bot.runtime.settings import get_settings

    ctx = open_context(get_settings(), quick=True)  # the snapshot spares SQLAlchemy, as in `ask`
    ctx.close()
    library = ctx.library.current
    if article and article not in library.articles:
        raise click.BadParameter(f"unknown article {article!r}; see `interview-bot sources`", param_hint="--article")
    if day is None:
        day = dt.datetime.now(ZoneInfo(get_settings().quote_default_timezone)).date()
    try:
        q = quote_of_the_day(library, day, speaker=speaker, article=article, language=language)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(q.to_json(), ensure_ascii=False))
        return
    from rich.console import Console
    from rich.text import Text

    from bot.adapters.terminal.render import render_quote
    from bot.adapters.terminal.wrap import print_rows

    title = Text(f"Quote of the day, {day.isoformat()}", style="bold")
    print_rows(Console(highlight=False), [(0, title), *render_quote(q, q.article.language)])
