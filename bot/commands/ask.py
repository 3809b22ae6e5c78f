"""Terminal commands: ask, sources, index."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console

from bot.core import Library, get_library
from bot.render.terminal import article_line, print_reply


@click.command()
@click.argument("question")
@click.option("--top", "top_k", default=3, show_default=True, type=click.IntRange(1, 20), help="Number of quotes.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per question.")
def ask(question: str, top_k: int, as_json: bool) -> None:
    """Answer QUESTION with quotes from the interviews ("-" reads one question per line from stdin)."""
    from bot.ops.shutdown import install

    stop = install()  # SIGTERM: the reply in flight is finished and printed, then exit 0
    library = None
    if question != "-":  # one question: the saved corpus snapshot, when current, spares SQLAlchemy (bot.index_cache)
        from bot.index_cache import open_snapshot
        from bot.settings import get_settings

        library = open_snapshot(get_settings())
    library = library or get_library()
    questions = (line.rstrip("\r\n") for line in sys.stdin) if question == "-" else [question]
    console = Console(highlight=False, soft_wrap=False)
    failed = False
    for q in questions:
        with stop.busy():
            reply = library.answer(q, top_k=top_k)
            failed = failed or reply.status == "invalid"
            if as_json:
                click.echo(json.dumps(reply.to_json(), ensure_ascii=False))
            else:
                print_reply(reply, console)
    if failed and question != "-":
        sys.exit(2)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the articles as JSON.")
def sources(as_json: bool) -> None:
    """List the articles the bot quotes from, with their links."""
    library = get_library()
    if as_json:
        click.echo(json.dumps([library.ref(a).to_json() for a in library.articles], ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    for article_id, article in library.articles.items():
        console.print(f"[bold]{article_id}[/bold] ({article.language})")
        console.print(article_line(library.ref(article_id), article.language))
        console.print()


@click.command()
def index() -> None:
    """Rebuild the database and index from the bundled corpus."""
    from rich.progress import Progress

    with Progress(transient=False) as progress:
        task = progress.add_task("Indexing passages", total=None)

        def step(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        library = Library.open(progress=step, rebuild=True)
    click.echo(f"Indexed {len(library.passages)} passages from {len(library.articles)} articles.")
