"""Terminal commands: ask, sources, index."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console

from bot.adapters.terminal.render import article_line, print_reply
from bot.runtime.context import open_context
from bot.runtime.settings import get_settings
from bot.runtime.shutdown import install


@click.command()
@click.argument("question")
@click.option("--top", "top_k", default=3, show_default=True, type=click.IntRange(1, 20), help="Number of quotes.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per question.")
def ask(question: str, top_k: int, as_json: bool) -> None:
    """Answer QUESTION with quotes from the interviews ("-" reads one question per line from stdin)."""
    stop = install()  # SIGTERM: the reply in flight is finished and printed, then exit 0
    # one question: the saved corpus snapshot, when current, spares SQLAlchemy (bot.db.index_cache)
    ctx = open_context(get_settings(), quick=question != "-")
    questions = (line.rstrip("\r\n") for line in sys.stdin) if question == "-" else [question]
    console = Console(highlight=False, soft_wrap=False)
    failed = False
    try:
        for q in questions:
            with stop.busy():
                reply = ctx.answerer(q, top_k=top_k)
                failed = failed or reply.status == "invalid"
                if as_json:
                    click.echo(json.dumps(reply.to_json(), ensure_ascii=False))
                else:
                    print_reply(reply, console)
    finally:
        ctx.close()
    if failed and question != "-":
        sys.exit(2)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the articles as JSON.")
def sources(as_json: bool) -> None:
    """List the articles the bot quotes from, with their links."""
    ctx = open_context(get_settings())
    ctx.close()
    library = ctx.library.current
    if as_json:
        click.echo(json.dumps([ref.to_json() for ref in library.refs()], ensure_ascii=False, indent=2))
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

    from bot.db.library_store import open_library

    settings = get_settings()
    with Progress(transient=False) as progress:
        task = progress.add_task("Indexing passages", total=None)

        def step(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        library = open_library(settings.db_url, settings.data_dir, step, rebuild=True)
    click.echo(f"Indexed {len(library.passages)} passages from {len(library.articles)} articles.")
