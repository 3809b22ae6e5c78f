"""Log redaction: configured secrets and anything shaped like a token never reach a log line."""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterable

MASK = "****"
PATTERNS = (
    re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{30,}"),  # Telegram bot token (also inside /bot<TOKEN>/ URLs)
    re.compile(r"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{8,}"),  # Slack bot/user/app tokens
)
URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s/]+(@)", re.I)  # scheme://user:PASSWORD@


def secret_values(settings: object | None = None) -> list[str]:
    """The configured secrets: every SecretStr setting and the DATABASE_URL password.

    Without valid settings, the same names are read from the environment."""
    from pydantic import SecretStr

    from bot.settings import ConfigError, Settings, get_settings

    names = [n for n, f in Settings.model_fields.items() if "SecretStr" in str(f.annotation)]
    values: list[str] = []
    try:
        settings = settings or get_settings()
        for name in names:
            value = getattr(settings, name)
            if isinstance(value, SecretStr):
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


def redaction_filter() -> RedactSecrets:
    """A filter for the configured secrets (read now) plus token-shaped strings."""
    return RedactSecrets(secret_values())
