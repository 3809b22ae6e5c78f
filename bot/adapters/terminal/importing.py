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
from bot.db.schema import ArticleRow
from bot.importer.fetch import FetchError, NotPublic
from bot.importer.pipeline import read_article
from bot.importer.prepare import Hints, Prepared, PrepareError
from bot.importer.storing import ImportFailed, article_ids, find_duplicate, remove_article, store_prepared
from bot.importer.turns import ANSWERED, ASKED
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
    if label.startswith(ASKED):
        return "(questions: headings or bold)"
    if label.startswith(ANSWERED):
        person = label.removeprefix(ANSWERED)
        return f"(answers under “{person}”)" if person else "(answers after the questions)"
    return label


CONFIDENCE = {"high": "green", "medium": "yellow", "low": "red", "given": "cyan"}


def _summary(console: Console, prepared: Prepared, duplicate: str | None) -> None:
    """What was found, where it came from, and what the person importing should check."""
    a, found = prepared.article, prepared.found
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")  # links are shown whole

    def row(name: str, value: str | None, key: str, missing: str = "—") -> None:
        origin = f" [dim]({esc(found[key])})[/]" if value and key in found else ""
        table.add_row(name, (esc(value) if value else f"[yellow]{missing}[/]") + origin)

    table.add_row("id", esc(duplicate or a.id))
    row("title", a.title, "title")
    row("publisher", a.publisher, "publisher", "none found: give --publisher")
    row("published", a.published, "published")
    row("link", a.url, "url", "none given by the source")
    table.add_row("language", a.language)
    kinds = {k: sum(p.kind == k for p in prepared.passages) for k in ("answer", "narrative", "bullet")}
    table.add_row("passages", f"{len(prepared.passages)} ({', '.join(f'{v} {k}' for k, v in kinds.items() if v)})")
    if duplicate:
        table.add_row("already stored", f"[yellow]as {duplicate}[/]")
    console.print(table)
    shown = [v for v in prepared.cast.voices.values() if v.turns]
    if not shown:
        console.print("[yellow]no speakers found: every passage is narrative[/]")
    for v in shown:
        colour = CONFIDENCE.get(v.confidence, "white")
        why = f" [dim]({esc('; '.join(v.why))})[/]" if v.why else ""
        console.print(f"  {esc(_label(v.label))} → [bold]{esc(v.name)}[/] · {v.role} · {v.turns} turns · "
                      f"[{colour}]{v.confidence}[/]{why}", soft_wrap=True)
    for warning in prepared.warnings:
        console.print(f"[yellow]! {esc(warning)}[/]")


def _print_passages(console: Console, prepared: Prepared) -> None:
    """The first words of every passage, and every piece of the page left out, with the reason."""
    console.print("[bold]passages[/]")
    for p in prepared.passages:
        who = f"{p.speaker}: " if p.speaker else ""
        text = p.text.replace("\n\n", " ¶ ")
        console.print(f"[dim]{p.seq:>3} {p.kind:<9}[/] {esc(who + _first_words(text))}", soft_wrap=True)
    if prepared.dropped:
        console.print(f"[bold]left out as page chrome[/] ({len(prepared.dropped)})")
        for d in prepared.dropped:
            console.print(f"[dim]{d.reason:>24}[/]  {esc(_first_words(d.text))}", soft_wrap=True)


def _first_words(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip() + " …"


def _hints(speaker: tuple[str, ...], interviewee: tuple[str, ...], interviewer: tuple[str, ...],
           publisher: str | None, title: str | None) -> Hints:
    mapping = {}
    for item in speaker:
        label, sep, name = item.partition("=")
        if not sep or not label.strip() or not name.strip():
            raise click.BadParameter(f"{item!r}: write LABEL=NAME, e.g. --speaker \"OS=Oliver Sander\"",
                                     param_hint="--speaker")
        mapping[label.strip()] = name.strip()
    return Hints(mapping, list(interviewee), list(interviewer), publisher, title)


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="URL|FILE...")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option("--dry-run", is_flag=True, help="Show the passages; store nothing.")
@click.option("--replace", is_flag=True, help="Re-import an article that is already stored.")
@click.option("--id", "article_id", help="The article id (default: from publisher and title).")
@click.option("--translation-of", metavar="ARTICLE_ID", help="Link as a version of this stored article.")
@click.option("--speaker", multiple=True, metavar="LABEL=NAME",
              help="Who a speaker label stands for, e.g. \"OS=Oliver Sander\".")
@click.option("--interviewee", multiple=True, metavar="NAME", help="Who answers (a name or label; repeatable).")
@click.option("--interviewer", multiple=True, metavar="NAME", help="Who asks (a name or label; repeatable).")
@click.option("--publisher", help="The publication, when the document does not name it.")
@click.option("--title", help="The title, when the document has none.")
@click.option("--allow-private", is_flag=True,
              help="Also fetch from non-public addresses (localhost, private networks): for internal pages.")
def add(sources: tuple[str, ...], yes: bool, dry_run: bool, replace: bool, article_id: str | None,
        translation_of: str | None, speaker: tuple[str, ...], interviewee: tuple[str, ...],
        interviewer: tuple[str, ...], publisher: str | None, title: str | None, allow_private: bool) -> None:
    """Add interviews from web pages or local files (.txt, .md, .html, .adoc, .srt, .vtt, .docx, .pdf).

    Check what was found with --dry-run: the speakers (with how sure each role is), the first words of
    every passage and what was left out as page chrome, and why. Web pages are fetched only from public
    addresses (also after redirects); --allow-private lifts that for pages on your own network.
    """
    if article_id and len(sources) > 1:
        raise click.UsageError("--id needs a single URL or file")
    hints = _hints(speaker, interviewee, interviewer, publisher, title)
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
                    prepared = read_article(location, article_id=article_id, taken=taken, hints=hints,
                                            allow_private=allow_private)
                except (FetchError, PrepareError) as exc:
                    console.print(f"[red]✗[/] {esc(str(exc))}")
                    if isinstance(exc, NotPublic):
                        console.print("  [dim]a page on your own network: add --allow-private[/]")
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
        if todo and not yes and not confirmed(f"Store {len(todo)} article(s)?", default=True):
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


def confirmed(question: str, default: bool) -> bool:
    """The user's answer to a yes/no question; when there is nothing to read it from (a script, stdin at its
    end) the question's default, as an empty answer gives, said so: `add URL < /dev/null` stores, where it
    used to stop at "Aborted!"."""
    try:
        return click.confirm(question, default=default)
    except click.Abort as exc:
        if not isinstance(exc.__context__, EOFError):
            raise  # Ctrl-C
        click.echo(f" {'yes' if default else 'no'} (nothing to read an answer from: the default)", err=True)
        return default


@click.command()
@click.argument("article_id")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
def remove(article_id: str, yes: bool) -> None:
    """Delete an imported article and its passages (bundled articles stay: edit the manifest)."""
    engine = open_store()
    try:
        _check_removable(engine, article_id)  # before asking: a refusal needs no confirmation
        if not yes and not confirmed(f"Remove {article_id} and all its passages?", default=False):
            raise click.ClickException("nothing removed (--yes removes without asking)")
        try:
            removed = remove_article(engine, article_id)  # checks again, in its transaction
        except ImportFailed as exc:
            raise click.ClickException(str(exc)) from None
    finally:
        engine.dispose()
    click.echo(f"Removed {article_id} ({removed} passages).")


def _check_removable(engine: Engine, article_id: str) -> None:
    """ClickException unless `article_id` is a stored, imported article (remove_article's own refusals)."""
    with Session(engine) as session:
        row = session.get(ArticleRow, article_id)
        origin = row.origin if row is not None else None
    if origin is None:
        raise click.ClickException(f"no article {article_id!r} (see `interview-bot sources`)")
    if origin == "bundled":
        raise click.ClickException(f"{article_id!r} belongs to the bundled corpus: it would come back at the next "
                                   "start. Remove it from corpus/manifest.json instead.")
