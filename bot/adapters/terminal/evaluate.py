"""`interview-bot eval`: score retrieval on a question set (hit@1, hit@3, MRR@10, quote hit@3)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from bot.answer.evaluation import (
    DEFAULT_FILE,
    OFFTOPIC_FILE,
    evaluate,
    load_questions,
    miss_text,
    rejection,
    rejection_table,
    summarize,
    table,
)
from bot.answer.library import Library
from bot.runtime.context import open_context
from bot.runtime.settings import load_settings
from corpus.loader import bundled_ids, load_bundled


def memory_library() -> Library:
    """The bundled corpus indexed in memory (no database)."""
    corpus = load_bundled()
    return Library.build(corpus.articles, corpus.passages)


@click.command(name="eval")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "heldout", "all"]), default="dev", show_default=True)
@click.option("--top", "top_k", default=10, show_default=True, type=click.IntRange(1, 50),
              help="Results asked for per question (MRR is cut at 10).")
@click.option("--misses", is_flag=True, help="List the questions without a hit in the top three.")
@click.option("--json", "as_json", is_flag=True, help="Print scores (and misses) as JSON.")
@click.option("--memory", is_flag=True, help="Index the bundled corpus in memory instead of opening the database.")
@click.option("--offtopic", "offtopic_file", type=click.Path(dir_okay=False, path_type=Path), default=OFFTOPIC_FILE,
              show_default=True, help="Questions the interviews do not answer: the share rejected is reported too.")
def eval_command(file: Path | None, split: str, top_k: int, misses: bool, as_json: bool, memory: bool,
                 offtopic_file: Path) -> None:
    """Score retrieval on a question set (default: tests/eval/questions.jsonl): hit@k, MRR, the share of
    on-topic questions wrongly rejected, and the share of off-topic questions rightly rejected."""
    path = file or DEFAULT_FILE
    if not path.exists():
        raise click.ClickException(f"question file not found: {path}")
    rows = load_questions(path, split)
    if not rows:
        raise click.ClickException(f"no questions in split {split!r} of {path}")
    library = memory_library() if memory else open_context(load_settings()).library.current
    outcomes = evaluate(library, rows, top_k)
    scores = summarize(outcomes)
    missed = [o for o in outcomes if o.rank is None or o.rank > 3]
    off_rows = load_questions(offtopic_file, split) if offtopic_file.exists() else []
    rates = rejection(library, off_rows) if off_rows else {}
    added = sorted(set(library.articles) - bundled_ids())
    if as_json:
        data: dict[str, Any] = {"file": str(path), "split": split, "scores": {k: asdict(v) for k, v in scores.items()},
                                "offtopic": {"file": str(offtopic_file), "rejected": rates},
                                "library": {"articles": len(library.articles), "added": added}}
        if misses:
            data["misses"] = [asdict(o) for o in missed]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if added:  # the figures are the bot's as it stands, not the bundled corpus's
        click.echo(f"library: the bundled corpus and {len(added)} added article(s) ({', '.join(added[:5])}"
                   f"{', …' if len(added) > 5 else ''}); --memory scores the bundled corpus alone")
    click.echo(f"{path.name} split={split}: {len(rows)} questions")
    click.echo(table(scores))
    if rates:
        click.echo(f"\n{offtopic_file.name} split={split}: {len(off_rows)} questions the interviews do not answer")
        click.echo(rejection_table(rates))
    if misses and missed:
        click.echo(f"\n{len(missed)} miss(es) (no hit in the top three):")
        for o in missed:
            click.echo(miss_text(o))
