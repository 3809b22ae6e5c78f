"""`interview-bot quote`: today's or a given day's quote, as text or as one `ask --json` result."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from bot.adapters.cli import main
from bot.answer.library import Library
from bot.daily.choose import candidates, quote_of_the_day


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_quote_json_is_one_ask_result(library: Library) -> None:
    result = run("quote", "--date", "2026-03-29", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    ask = json.loads(run("ask", "--json", "合成数据").output)["results"][0]
    assert data.keys() == ask.keys()
    assert data == quote_of_the_day(library, dt.date(2026, 3, 29)).to_json()
    assert data["quote"] and data["quote"] in data["passage"].split("\n\n") and data["speaker"]  # one paragraph


def test_quote_dates_do_not_repeat_before_the_set_is_exhausted(library: Library) -> None:
    n = len(candidates(library))
    start = dt.date(2026, 7, 1)
    seen = []
    for i in range(0, n, 7):  # every 7th day through one full walk, via the command
        result = run("quote", "--date", (start + dt.timedelta(days=i)).isoformat(), "--json")
        seen.append(json.loads(result.output)["passage_id"])
    assert len(set(seen)) == len(seen)


def test_quote_text_filters_and_errors() -> None:
    result = run("quote", "--language", "de", "--date", "2026-01-02")
    assert result.exit_code == 0 and "Quote of the day, 2026-01-02" in result.output
    assert "Aidan Gomez" in result.output
    assert run("quote").exit_code == 0  # today
    bad = run("quote", "--date", "2026-13-01")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    assert run("quote", "--article", "nope").exit_code == 2
    none = run("quote", "--speaker", "Nobody Atall")
    assert none.exit_code == 1 and "no quotable passage" in none.output


def test_quote_date_that_does_not_exist_is_one_friendly_line() -> None:
    for day, why in (("2027-02-29", "February 2027 has 28 days"), ("2026-04-31", "April 2026 has 30 days"),
                     ("2026-01-00", "January 2026 has 31 days"), ("2026-13-01", "there is no month 13")):
        bad = run("quote", "--date", day)
        assert bad.exit_code == 2, bad.output
        [line] = bad.output.strip().splitlines()
        assert line.startswith(f"Error: --date {day} does not exist: {why}"), line
    assert run("quote", "--date", "2028-02-29").exit_code == 0  # a leap year
