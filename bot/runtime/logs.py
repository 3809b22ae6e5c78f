"""Logging: one stderr handler (text or JSON lines), and redaction so that configured secrets and anything
shaped like a token never reach a log line, tracebacks included."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sys
import threading
from collections.abc import Iterable
from types import TracebackType
from typing import Any

MASK = "****"
WITHHELD = "(a log message withheld: it could not be redacted)"
PATTERNS = (
    re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{30,}"),  # Telegram bot token (also inside /bot<TOKEN>/ URLs)
    re.compile(r"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{8,}"),  # Slack bot/user/app tokens
)
URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s/]+(@)", re.I)  # scheme://user:PASSWORD@


def secret_values(settings: object | None = None) -> list[str]:
    """The configured secrets: every Secret setting and the DATABASE_URL password.

    Without valid settings, the same names are read from the environment."""
    from bot.runtime.settings import ConfigError, Secret, get_settings, secret_names

    names = secret_names()
    values: list[str] = []
    try:
        settings = settings or get_settings()
        for name in names:
            value = getattr(settings, name)
            if isinstance(value, Secret):
                values.append(value.get_secret_value())
        url = getattr(settings, "database_url", None)
    except ConfigError:
        values += [os.environ.get(name.upper(), "") for name in names]
        url = os.environ.get("DATABASE_URL")
    if url:
        from sqlalchemy.engine import make_url  # only then: `ask` on the default SQLite starts without SQLAlchemy

        with contextlib.suppress(Exception):  # an unparsable URL has no password to find
            values.append(make_url(url).password or "")
    return [v for v in values if len(v) >= 4]


class RedactSecrets(logging.Filter):
    """Replaces secrets in a record's message, arguments, traceback and stack (attach to handlers)."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        for pattern in PATTERNS:
            text = pattern.sub(MASK, text)
        return URL_PASSWORD.sub(rf"\g<1>{MASK}\g<2>", text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the raw parts, redacted
            message = f"{record.msg} {record.args}"
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:  # formatters use this cached, redacted text
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def redaction_filter(*extra: str) -> RedactSecrets:
    """A filter for the configured secrets (read now), `extra` ones, and token-shaped strings."""
    return RedactSecrets([*secret_values(), *extra])


def install_redaction(*extra: str) -> RedactSecrets:
    """Redact every log record of the process as it is made (also for handlers other than ours, e.g. a
    test's log capture): the configured secrets, `extra` ones and token-shaped strings."""
    redact = redaction_filter(*extra)
    previous = logging.getLogRecordFactory()
    base = getattr(previous, "__wrapped_factory__", previous)  # installing again replaces, never stacks

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = base(*args, **kwargs)
        try:
            redact.filter(record)
        except Exception:  # e.g. at interpreter exit, when modules are gone: withhold rather than leak
            record.msg, record.args, record.exc_info, record.exc_text = WITHHELD, None, None, None
        return record

    factory.__wrapped_factory__ = base  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
    return redact


NOISY = ("httpx", "httpcore", "urllib3", "telegram.ext.Updater", "slack_sdk", "jieba",
         "alembic.runtime.plugins", "apscheduler")


def configure_logging(level: str = "WARNING", as_json: bool = False, *secrets: str) -> None:
    """Logging to stderr, redacted (the configured secrets and `secrets`); HTTP client loggers kept at
    WARNING so request URLs (tokens) never show; Python's own reports of uncaught exceptions go through
    it too (`install_excepthooks`)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if as_json else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    redact = redaction_filter(*secrets)
    handler.addFilter(redact)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    install_excepthooks(redact)


def install_excepthooks(redact: RedactSecrets) -> None:
    """Report uncaught exceptions (main thread, other threads, and those Python can only ignore, e.g. in
    `__del__`) as log records instead of with Python's own printers: redacted and in the configured
    format like every other line. (asyncio's reports are log records already.) Hooks other than
    Python's defaults (a test runner's, a debugger's) are left in place."""
    report = logging.getLogger("bot.uncaught")

    def emit(message: str, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            report.critical(message, exc_info=(exc_type, exc, tb) if exc is not None else None)
        except Exception:  # logging itself is gone (interpreter exit): one redacted line at most
            with contextlib.suppress(Exception):
                sys.stderr.write(redact.redact(f"{message}: {exc_type.__name__}: {exc}") + "\n")

    def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        emit(f"uncaught {exc_type.__name__}", exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        emit(f"uncaught {args.exc_type.__name__} in thread {name}", args.exc_type, args.exc_value,
             args.exc_traceback)

    def unraisable_hook(args: Any) -> None:
        what = args.err_msg or "Exception ignored in"
        emit(f"{what}: {args.object!r}" if args.object is not None else what, args.exc_type, args.exc_value,
             args.exc_traceback)

    excepthook.redacting = True  # type: ignore[attr-defined]
    thread_hook.redacting = True  # type: ignore[attr-defined]
    unraisable_hook.redacting = True  # type: ignore[attr-defined]

    # Python's own printers only (or ours, from an earlier call): a test runner's or debugger's hooks stay
    if sys.excepthook is sys.__excepthook__ or getattr(sys.excepthook, "redacting", False):
        sys.excepthook = excepthook
    if threading.excepthook is threading.__excepthook__ or getattr(threading.excepthook, "redacting", False):
        threading.excepthook = thread_hook
    if sys.unraisablehook is sys.__unraisablehook__ or getattr(sys.unraisablehook, "redacting", False):
        sys.unraisablehook = unraisable_hook


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message and the traceback ("exc")."""

    def format(self, record: logging.LogRecord) -> str:
        data = {"time": self.formatTime(record), "level": record.levelname, "logger": record.name,
                "message": record.getMessage()}
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            data["exc"] = record.exc_text
        return json.dumps(data, ensure_ascii=False)
