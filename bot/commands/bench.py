"""`interview-bot bench`: the speed benchmark (benchmarks/bench.py), run from a source checkout."""

from __future__ import annotations

import sys
from pathlib import Path

import click

REPO = Path(__file__).resolve().parents[2]


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                 "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def bench(args: tuple[str, ...]) -> None:
    """Measure search, build, memory, tokenizer, cold start and answer() latency (--help for options)."""
    if not (REPO / "benchmarks" / "bench.py").exists():
        raise click.ClickException("the benchmark ships with the source checkout (benchmarks/ not found)")
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.bench import main

    main(list(args))
