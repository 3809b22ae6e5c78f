"""`interview-bot bench`: runs the speed benchmark of a source checkout (benchmarks/bench.py).

The benchmark imports the project, never the reverse: it runs as its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

REPO = Path(__file__).resolve().parents[3]


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                 "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def bench(args: tuple[str, ...]) -> None:
    """Measure search, build, memory, tokenizer, cold start and answer() latency (--help for options)."""
    if not (REPO / "benchmarks" / "bench.py").exists():
        raise click.ClickException("the benchmark ships with the source checkout (benchmarks/ not found)")
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    with subprocess.Popen([sys.executable, "-u", "-m", "benchmarks.bench", *args], stdout=subprocess.PIPE,
                          text=True, env={**os.environ, "PYTHONPATH": path}) as run:
        assert run.stdout is not None
        for line in run.stdout:  # passed on as it comes (the benchmark runs for minutes)
            click.echo(line, nl=False)
    sys.exit(run.returncode)
