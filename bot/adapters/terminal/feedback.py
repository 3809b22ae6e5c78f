"""`interview-bot feedback`: what people said with 👍/👎, so the corpus owner can act on it."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import click

from bot.adapters.terminal.quote import NoSuchDay, _date

if TYPE_CHECKING:
    from bot.answer.library import Library
    from bot.db.feedback_store import Report


def _since(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    try:
        return _date(ctx, param, value)
    except NoSuchDay as exc:
        raise NoSuchDay(exc.message.replace("--date", "--since")) from None


def passage_info(library: Library, passage_id: str) -> dict[str, Any]:
    """Where a passage is from: article, link, speaker, first words (null fields when it left the corpus)."""
    from bot.daily.history import opening

    p = library.by_id.get(passage_id)
    if p is None:
        return {"passage_id": passage_id, "article_id": None, "article": None, "url": None, "speaker": None,
                "first_words": None}
    article = library.articles.get(p.article_id)
    return {"passage_id": passage_id, "article_id": p.article_id, "article": article.title if article else None,
            "url": article.url if article else None, "speaker": p.speaker, "first_words": opening(p.text, 60)}


def as_json(report: Report, library: Library) -> dict[str, Any]:
    return {
        "since": report.since.isoformat() if report.since else None,
        "votes": {"up": report.up, "down": report.down},
        "disliked_passages": [
            {**passage_info(library, p.passage_id), "up": p.up, "down": p.down, "reasons": dict(p.reasons)}
            for p in report.passages],
        "questions_marked_wrong": [
            {"question": w.question, **passage_info(library, w.passage_id), "down": w.down,
             "reasons": dict(w.reasons), "platforms": sorted(w.platforms),
             "last": w.last.isoformat() if w.last else None}
            for w in report.questions],
    }


def _reasons(reasons: dict[str, int]) -> str:
    return ", ".join(f"{r.replace('_', ' ')} ×{n}" for r, n in sorted(reasons.items(), key=lambda x: (-x[1], x[0])))


def print_report(data: dict[str, Any]) -> None:
    since = f" since {data['since']}" if data["since"] else ""
    click.echo(f"Feedback{since}: {data['votes']['up']} 👍, {data['votes']['down']} 👎")
    click.echo("\nMost disliked passages:" if data["disliked_passages"] else "\nNo passage was disliked.")
    for i, p in enumerate(data["disliked_passages"], 1):
        who = p["speaker"] or "?"
        click.echo(f"{i:>3}. 👎 {p['down']}  👍 {p['up']}  {who}: “{p['first_words'] or p['passage_id']}”")
        click.echo(f"     {p['article'] or '(no longer in the corpus)'}  [{p['passage_id']}]")
        if p["url"]:
            click.echo(f"     {p['url']}")
        if p["reasons"]:
            click.echo(f"     reasons: {_reasons(p['reasons'])}")
    if data["questions_marked_wrong"]:
        click.echo("\nQuestions marked wrong:")
    for w in data["questions_marked_wrong"]:
        click.echo(f"  • {w['question']}")
        click.echo(f"    → {w['speaker'] or '?'}: “{w['first_words'] or w['passage_id']}” [{w['passage_id']}] "
                   f"👎 {w['down']} ({_reasons(w['reasons'])}; {', '.join(w['platforms'])})")


@click.command("feedback")
@click.option("--json", "json_output", is_flag=True, help="One JSON object.")
@click.option("--since", "since", callback=_since, metavar="YYYY-MM-DD",
              help="Only votes given or changed on or after this day (UTC).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000),
              help="Passages and questions listed at most.")
def feedback(json_output: bool, since: dt.date | None, limit: int) -> None:
    """The most disliked passages (article, speaker, first words, 👍/👎, reasons) and the questions whose
    quotes were marked wrong, from the 👍/👎 given on Telegram and Slack."""
    from bot.db.feedback_store import report
    from bot.runtime.context import open_context
    from bot.runtime.settings import get_settings

    ctx = open_context(get_settings(), quick=True)
    try:
        data = as_json(report(ctx.engine, since, limit), ctx.library.current)
    finally:
        ctx.close()
    if json_output:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    print_report(data)
