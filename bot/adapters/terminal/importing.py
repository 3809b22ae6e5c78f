"""`interview-bot add URL|FILE …` and `interview-bot remove ARTICLE_ID`."""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.markup import escape as esc
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db.engine import open_database
from bot.db.library_store import sync
from bot.importer.fetch import FetchError
from bot.importer.pipeline import read_article
from bot.importer.prepare import Prepared, PrepareError
from bot.importer.speakers import ANSWER_LABEL, ASKED_LABEL
from bot.importer.storing import ImportFailed, article_ids, find_duplicate, remove_article, store_prepared
from bot.runtime.settings import get_settings


def open_store() -> Engine:
    """The configured database, migrated, with the bundled corpus in place (imports link against it)."""
    engine = open_database(get_settings().db_url)
    try:
        sync(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _label(label: str) -> str:
    if label == ASKED_LABEL:
        return "(questions in bold or headings)"
    if label == ANSWER_LABEL:
        return "(the paragraphs after them)"
    return label


def _summary(console: Console, prepared: Prepared, duplicate: str | None) -> None:
    a = prepared.article
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")  # links are shown whole
    table.add_row("[bold]id[/]", esc(duplicate or a.id))
    table.add_row("[bold]title[/]", esc(a.title))
    table.add_row("[bold]publisher[/]", esc(a.publisher or "—"))
    table.add_row("[bold]published[/]", esc(a.published or "—"))
    table.add_row("[bold]link[/]", esc(a.url or "none given by the source"))
    table.add_row("[bold]language[/]", a.language)
    kinds = {k: sum(p.kind == k for p in prepared.passages) for k in ("answer", "narrative", "bullet")}
    table.add_row("[bold]passages[/]", f"{len(prepared.passages)} ({', '.join(f'{v} {k}' for k, v in kinds.items())})")
    speakers = prepared.speakers.speakers
    found = ", ".join(esc(f"{_label(label)} → {s['name']} ({s['role']}, {prepared.speakers.turns.get(label, 0)}×)")
                      for label, s in speakers.items())
    table.add_row("[bold]speakers[/]", found or "[yellow]no speaker labels found: passages are narrative[/]")
    if duplicate:
        table.add_row("[bold]already stored[/]", f"[yellow]as {duplicate}[/]")
    console.print(table)


def _print_passages(console: Console, prepared: Prepared) -> None:
    for p in prepared.passages:
        who = f"{p.speaker}: " if p.speaker else ""
        console.print(f"[dim]{p.seq:>3} {p.kind:<9}[/] {esc(who + p.text)}", soft_wrap=True)
        if p.question and p.kind == "answer" and (p.seq == 0 or prepared.passages[p.seq - 1].question != p.question):
            console.print(f"[dim]    ↳ asked: {esc(p.question)}[/]", soft_wrap=True)


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="URL|FILE...")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option("--dry-run", is_flag=True, help="Show the passages; store nothing.")
@click.option("--replace", is_flag=True, help="Re-import an article that is already stored.")
@click.option("--id", "article_id", help="The article id (default: from publisher and title).")
@click.option("--translation-of", metavar="ARTICLE_ID", help="Link as a version of this stored article.")
def add(sources: tuple[str, ...], yes: bool, dry_run: bool, replace: bool, article_id: str | None,
        translation_of: str | None) -> None:
    """Add interviews from web pages or local .txt/.md/.html files."""
    if article_id and len(sources) > 1:
        raise click.UsageError("--id needs a single URL or file")
    console = Console(highlight=False, stderr=False)
    engine = open_store()
    failed = 0
    try:
        with Session(engine) as session:
            taken = article_ids(session)
        ready: list[tuple[Prepared, str | None]] = []
        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                      console=console, transient=True, disable=len(sources) < 2) as progress:
            task = progress.add_task("Reading", total=len(sources))
            for location in sources:
                progress.update(task, description=f"Reading {location[:60]}")
                try:
                    prepared = read_article(location, article_id=article_id, taken=taken)
                except (FetchError, PrepareError) as exc:
                    console.print(f"[red]✗[/] {esc(str(exc))}")
                    failed += 1
                else:
                    taken = {*taken, prepared.article.id}
                    with Session(engine) as session:
                        found = find_duplicate(session, prepared)
                    ready.append((prepared, found.id if found else None))
                progress.advance(task)
        for prepared, dup in ready:
            console.rule(esc(prepared.location))
            _summary(console, prepared, dup)
            if dry_run:
                _print_passages(console, prepared)
        if dry_run or not ready:
            if dry_run:
                console.print("[dim]dry run: nothing stored[/]")
            sys.exit(1 if failed else 0)
        todo = [(p, d) for p, d in ready if d is None or replace]
        for prepared, dup in ready:
            if dup is not None and not replace:
                console.print(f"[yellow]•[/] {esc(prepared.location)}: already stored as {dup}; not added again "
                              "(use --replace to re-import)")
        if todo and not yes and not click.confirm(f"Store {len(todo)} article(s)?", default=True):
            console.print("Nothing stored.")
            sys.exit(1)
        for prepared, _ in todo:
            try:
                stored = store_prepared(engine, prepared, replace=replace, translation_of=translation_of)
            except ImportFailed as exc:
                console.print(f"[red]✗[/] {esc(prepared.location)}: {esc(str(exc))}")
                failed += 1
                continue
            if stored.status == "duplicate":
                console.print(f"[yellow]•[/] already stored as {stored.article_id}; not added again")
                continue
            extra = f"; linked with {', '.join(stored.linked)}" if stored.linked else ""
            console.print(f"[green]✓[/] {stored.status} {stored.article_id}: {len(prepared.passages)} passages{extra}")
    finally:
        engine.dispose()
    if failed:
        sys.exit(1)


@click.command()
@click.argument("article_id")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
def remove(article_id: str, yes: bool) -> None:
    """Delete an imported article and its passages (bundled articles stay: edit the manifest)."""
    engine = open_store()
    try:
        if not yes:
            click.confirm(f"Remove {article_id} and all its passages?", default=False, abort=True)
        try:
            removed = remove_article(engine, article_id)
        except ImportFailed as exc:
            raise click.ClickException(str(exc)) from None
    finally:
        engine.dispose()
    click.echo(f"Removed {article_id} ({removed} passages).")
