"""The `interview-bot` command line. Subcommands are imported lazily so `ask` stays quick."""

from __future__ import annotations

import importlib
import json
import logging
import sys
from typing import Any

import click

from bot.settings import ConfigError

# command name -> "module:attribute"; each feature registers its command here.
COMMANDS: dict[str, str] = {
    "ask": "bot.commands.ask:ask",
    "sources": "bot.commands.ask:sources",
    "index": "bot.commands.ask:index",
    "telegram": "bot.telegram.run:telegram",
    "add": "bot.importer.cli:add",
    "remove": "bot.importer.cli:remove",
    "quote": "bot.daily.command:quote",
    "slack": "bot.slack.command:slack",
    "eval": "bot.commands.eval:eval_command",
    "config": "bot.ops.cli:config",
    "db": "bot.ops.cli:db",
    "bench": "bot.commands.bench:bench",
}
# long-running commands: graceful SIGTERM, and /healthz + /metrics when METRICS_PORT is set (bot.ops)
SERVICES = {"telegram", "slack"}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that subcommand runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module, _, attr = COMMANDS[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attr)
            if cmd_name in SERVICES:  # graceful SIGTERM, /healthz and /metrics (bot.ops)
                from bot.ops.service import as_service

                as_service(command)
            return command
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            raise click.ClickException(str(exc)) from None
        except Exception as exc:
            if "sqlalchemy" in sys.modules:  # an unreachable database is one line too, not a traceback
                from sqlalchemy.exc import OperationalError

                if isinstance(exc, OperationalError):
                    reason = str(exc.orig or exc).strip().splitlines()[0]
                    raise click.ClickException(f"database unreachable: {reason}") from None
            raise


def configure_logging(level: str = "WARNING", as_json: bool = False) -> None:
    """Logging to stderr; HTTP client loggers kept at WARNING so request URLs (tokens) never show."""
    handler = logging.StreamHandler(sys.stderr)
    if as_json:
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    from bot.ops.logs import redaction_filter

    handler.addFilter(redaction_filter())  # configured secrets and token-shaped strings -> ****
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "urllib3", "telegram.ext.Updater", "slack_sdk", "jieba"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {"time": self.formatTime(record), "level": record.levelname, "logger": record.name,
                "message": record.getMessage()}
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            data["exc"] = record.exc_text
        return json.dumps(data, ensure_ascii=False)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="interview-bot")
def main() -> None:
    """interview-bot: answers questions about interviews with verbatim quotes and links."""
    configure_logging()


if __name__ == "__main__":  # pragma: no cover
    main()
