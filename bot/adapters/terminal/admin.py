"""Deployment commands: `interview-bot config` (effective settings, secrets masked) and `db`."""

from __future__ import annotations

import json

import click

from bot.runtime.settings import load_settings, mask_url


@click.command("config")
@click.option("--json", "as_json", is_flag=True, help="Print the settings as one JSON object.")
def config(as_json: bool) -> None:
    """Print the effective settings (environment and .env), secrets masked; fails on a bad setting."""
    shown = load_settings().masked()
    if as_json:
        click.echo(json.dumps(shown, ensure_ascii=False, default=str, indent=2))
        return
    width = max(map(len, shown))
    for name, value in shown.items():
        click.echo(f"{name.ljust(width)}  {'' if value is None else value}".rstrip())


@click.group("db")
def db() -> None:
    """Database schema (Alembic migrations; they also run on every start)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
def upgrade(revision: str) -> None:
    """Apply the migrations up to REVISION (default: the newest)."""
    from bot.db.engine import migrate

    settings = load_settings()
    changed, now = migrate(settings.db_url, revision)
    state = "upgraded to" if changed else "already at"
    click.echo(f"{mask_url(settings.db_url)}: {state} revision {now}")


@db.command("current")
def current() -> None:
    """Show the database's revision and the newest one shipped."""
    from bot.db import migrations
    from bot.db.engine import revision

    settings = load_settings()
    now = revision(settings.db_url)
    newest = migrations.head()
    note = "up to date" if now == newest else "needs `interview-bot db upgrade`"
    click.echo(f"{mask_url(settings.db_url)}: revision {now or '(none)'}, newest {newest} ({note})")
