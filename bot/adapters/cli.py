"""The `interview-bot` command line: one click group; each subcommand's module is imported when it runs
(so `ask` stays quick), and each builds its process's AppContext."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

# numpy's OpenBLAS starts a spinning thread per core on import (doubling the import's CPU and adding
# ~20 ms to every command); the search uses no BLAS. Before numpy is imported; the environment wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from bot.runtime.logs import configure_logging
from bot.runtime.settings import ConfigError

# command name -> "module:attribute"
COMMANDS: dict[str, str] = {
    "ask": "bot.adapters.terminal.ask:ask",
    "sources": "bot.adapters.terminal.ask:sources",
    "index": "bot.adapters.terminal.ask:index",
    "quote": "bot.adapters.terminal.quote:quote",
    "add": "bot.adapters.terminal.importing:add",
    "remove": "bot.adapters.terminal.importing:remove",
    "eval": "bot.adapters.terminal.evaluate:eval_command",
    "config": "bot.adapters.terminal.admin:config",
    "db": "bot.adapters.terminal.admin:db",
    "bench": "bot.adapters.terminal.bench:bench",
    "feedback": "bot.adapters.terminal.feedback:feedback",
    "telegram": "bot.adapters.telegram.command:telegram",
    "slack": "bot.adapters.slack.run:slack",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that subcommand runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module, _, attr = COMMANDS[cmd_name].partition(":")
            command: click.Command = getattr(importlib.import_module(module), attr)
            return command
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            raise click.ClickException(str(exc)) from None
        except Exception as exc:
            if "sqlalchemy" in sys.modules:  # a database failure is one line too, not a traceback
                from sqlalchemy.exc import OperationalError

                from bot.db.engine import DatabaseBusy

                if isinstance(exc, OperationalError):
                    reason = str(exc.orig or exc).strip().splitlines()[0]
                    raise click.ClickException(f"{database_problem(exc)}: {reason}") from None
                if isinstance(exc, DatabaseBusy):
                    raise click.ClickException(f"database busy: {exc}") from None
            raise


def database_problem(exc: Exception) -> str:
    """What an OperationalError says about the database: unreachable only when it could not be reached."""
    reason = str(getattr(exc, "orig", None) or exc).lower()
    if type(getattr(exc, "orig", None)).__module__.startswith("sqlite3"):
        return "database unreachable" if "unable to open" in reason else "database error"
    if type(getattr(exc, "orig", None)).__name__ == "QueryCanceled":  # the statement timeout
        return "database too slow"
    return "database unreachable"


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="interview-bot")
def main() -> None:
    """interview-bot: answers questions about interviews with verbatim quotes and links."""
    configure_logging()


if __name__ == "__main__":  # pragma: no cover
    main()
