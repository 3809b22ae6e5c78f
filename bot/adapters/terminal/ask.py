"""Terminal commands: ask, sources, index."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.text import Text

from bot.adapters.terminal.render import article_line, print_question, print_reply
from bot.adapters.terminal.wrap import Row, print_rows
from bot.runtime.context import open_context
from bot.runtime.settings import get_settings
from bot.runtime.shutdown import install


@click.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--top", "top_k", default=3, show_default=True, type=click.IntRange(1, 20), help="Number of quotes.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per question.")
@click.option("--translate", "target", type=click.Choice(["zh", "zh-Hant", "de", "en"]), default=None,
              help="Show a machine translation into this language under every quote in another one "
                   "(needs TRANSLATE_URL; default: the question's language, where a quote needs it).")
def ask(question: tuple[str, ...], top_k: int, as_json: bool, target: str | None) -> None:
    """Answer QUESTION with quotes from the interviews: `ask what is cohere` or `ask "what is cohere"`
    ("-" reads one question per line from stdin; in text mode each answer is headed by its question)."""
    if question[0] == "-" and len(question) > 1:
        raise click.UsageError('"-" reads the questions from stdin: give it alone, without other words')
    from_stdin = question == ("-",)
    # one question: the saved corpus snapshot, when current, spares SQLAlchemy (bot.db.index_cache)
    settings = get_settings()
    if target and not settings.translate_url:
        raise click.UsageError("--translate needs a translation server: set TRANSLATE_URL (see the README)")
    ctx = open_context(settings, quick=not from_stdin)
    questions = (line.rstrip("\r\n") for line in sys.stdin) if from_stdin else [" ".join(question)]
    console = Console(highlight=False)
    failed = False
    stop = install()  # SIGTERM: the reply in flight is finished and printed, then exit 0
    try:
        for number, q in enumerate(questions, 1):
            with stop.busy():
                reply = ctx.translate(ctx.answerer(q, top_k=top_k), target, force=target is not None)
                failed = failed or reply.status == "invalid"
                if as_json:
                    click.echo(json.dumps(reply.to_json(), ensure_ascii=False))
                    continue
                if from_stdin:
                    print_question(number, q, console)
                print_reply(reply, console)
                if from_stdin and not reply.quotes:
                    console.print()  # a blank line before the next question, as after quotes
    finally:
        ctx.close()
        stop.restore()  # the signal handlers as they were (the command may run inside another program)
    if failed and not from_stdin:
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
    rows: list[Row] = []
    for article_id, article in library.articles.items():
        head = Text(article_id, style="bold").append(f" ({article.language})")
        rows += [(0, head), (0, article_line(library.ref(article_id), article.language)), (0, Text(""))]
    print_rows(Console(highlight=False), rows)


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
