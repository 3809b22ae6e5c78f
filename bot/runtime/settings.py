"""One typed settings object, read from environment variables (and `.env`), validated at start.

Plain dataclasses rather than pydantic: `interview-bot ask` reads its settings on every cold start, and this
module imports in about a millisecond where pydantic-settings took over 100."""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any


class ConfigError(Exception):
    """A missing or malformed setting; the message is one line naming it."""


class Secret:
    """A secret setting: its value is read with get_secret_value(); printed or logged it shows only stars."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def default_data_dir() -> Path:
    """The per-user data directory ($XDG_DATA_HOME/interview-bot or ~/.local/share/interview-bot)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "interview-bot"


def _bounds(ge: float | None = None, le: float | None = None, gt: float | None = None) -> dict[str, float]:
    return {k: v for k, v in (("ge", ge), ("le", le), ("gt", gt)) if v is not None}


@dataclass(frozen=True)
class Settings:
    """Every setting of interview-bot. Environment variable names are the field names in capitals."""

    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None
    log_level: str = "INFO"
    log_json: bool = False

    telegram_bot_token: Secret | None = None
    telegram_api_url: str = "https://api.telegram.org"
    telegram_webhook_url: str | None = None  # public URL; when set, the bot runs by webhook
    telegram_webhook_secret: Secret | None = None
    telegram_webhook_listen: str = "0.0.0.0"
    telegram_webhook_port: int = field(default=8443, metadata=_bounds(ge=1, le=65535))

    slack_bot_token: Secret | None = None
    slack_app_token: Secret | None = None
    slack_signing_secret: Secret | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_host: str = "0.0.0.0"
    slack_port: int = field(default=3000, metadata=_bounds(ge=1, le=65535))

    quote_default_time: str = "09:00"
    quote_default_timezone: str = "UTC"
    admin_users: str = ""  # comma-separated platform user ids, e.g. "telegram:123,slack:U456"
    corpus_refresh_seconds: float = field(default=30.0, metadata=_bounds(ge=0))  # how often bots look for added
    # articles; 0: never

    metrics_host: str = "0.0.0.0"
    metrics_port: int | None = field(default=None, metadata=_bounds(ge=0, le=65535))  # unset: no /healthz, /metrics

    translate_url: str | None = None  # a LibreTranslate server; unset: no machine translations
    translate_api_key: Secret | None = None
    translate_timeout: float = field(default=3.0, metadata=_bounds(gt=0, le=30))  # seconds an answer may wait
    translate_languages: str = ""  # comma-separated targets offered (zh, zh-Hant, de, en); empty: the server's

    @property
    def db_url(self) -> str:
        """The database URL: DATABASE_URL, or SQLite in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'interview-bot.sqlite3'}"

    def translation_targets(self) -> list[str]:
        return [c for c in self.translate_languages.split(",") if c]

    def admins(self) -> set[str]:
        return {u.strip() for u in self.admin_users.split(",") if u.strip()}

    def masked(self) -> dict[str, Any]:
        """Effective settings for display, secrets masked (also passwords inside DATABASE_URL)."""
        out: dict[str, Any] = {}
        for name in field_names():
            value = getattr(self, name)
            if isinstance(value, Secret):
                value = "****" if value.get_secret_value() else ""
            out[name.upper()] = value
        out["DATABASE_URL"] = mask_url(self.db_url)
        return out


# --- checks of single settings (a ValueError's message becomes the one-line error) ---

def _http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise ValueError("must start with http:// or https://")
    return value


def _translate_url(value: str | None) -> str | None:
    if not value:
        return None
    if not value.startswith(("http://", "https://")):
        raise ValueError("must start with http:// or https:// (e.g. http://translate:5000)")
    return value.rstrip("/")


def _translate_languages(value: str) -> str:
    codes = [c.strip() for c in value.split(",") if c.strip()]
    unknown = [c for c in codes if c not in ("zh", "zh-Hant", "de", "en")]
    if unknown:
        raise ValueError(f"unknown language {unknown[0]!r}: use zh, zh-Hant, de and en")
    return ",".join(codes)


def _database_url(value: str | None) -> str | None:
    if not value:
        return None
    for plain in ("postgres://", "postgresql://"):  # the usual form: use the installed driver, psycopg 3
        if value.startswith(plain):
            value = "postgresql+psycopg://" + value.removeprefix(plain)
    from sqlalchemy.engine import make_url  # only with DATABASE_URL set, which SQLAlchemy serves anyway
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(value).get_backend_name()
    except ArgumentError:
        raise ValueError("not a database URL (e.g. postgresql+psycopg://user:password@host/db)") from None
    if backend not in ("sqlite", "postgresql"):
        raise ValueError(f"unsupported database {backend!r}: use sqlite or postgresql")
    return value


def _log_level(value: str) -> str:
    if value.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
    return value.upper()


def _zone(value: str) -> str:
    from bot.daily.clock import BadSchedule, parse_zone  # the rule /subscribe applies: a place, or UTC

    try:
        return parse_zone(value)
    except BadSchedule as exc:
        raise ValueError(str(exc)) from None


def _time(value: str) -> str:
    hh, _, mm = value.partition(":")
    if not (hh.isdigit() and mm.isdigit() and 0 <= int(hh) < 24 and 0 <= int(mm) < 60):
        raise ValueError("must be HH:MM")
    return f"{int(hh):02d}:{int(mm):02d}"


CHECKS: dict[str, Callable[[Any], Any]] = {
    "telegram_api_url": _http_url, "slack_api_url": _http_url, "translate_url": _translate_url,
    "translate_languages": _translate_languages, "database_url": _database_url, "log_level": _log_level,
    "quote_default_timezone": _zone, "quote_default_time": _time,
}

TRUE = {"1", "true", "t", "yes", "y", "on"}
FALSE = {"0", "false", "f", "no", "n", "off"}


@cache
def _fields() -> dict[str, dataclasses.Field[Any]]:
    return {f.name: f for f in dataclasses.fields(Settings)}


def field_names() -> list[str]:
    """The names of every setting, in their order."""
    return list(_fields())


def secret_names() -> list[str]:
    """The settings that hold secrets."""
    return [name for name, f in _fields().items() if "Secret" in str(f.type)]


def _convert(f: dataclasses.Field[Any], raw: Any) -> Any:
    """A raw value (text from the environment, or a Python value given directly) as the field's type."""
    kind = str(f.type)
    optional = kind.endswith("| None")
    if raw is None or (optional and isinstance(raw, str) and not raw.strip()):
        if optional:
            return None
        raise ValueError("a value is required")
    if kind.startswith("Secret"):
        return raw if isinstance(raw, Secret) else Secret(str(raw))
    if kind == "Path":
        return Path(raw).expanduser()
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text not in TRUE | FALSE:
            raise ValueError("must be a bool: true or false")
        return text in TRUE
    if kind.startswith(("int", "float")):
        number: float
        try:
            number = int(str(raw).strip()) if kind.startswith("int") else float(str(raw).strip())
        except ValueError:
            raise ValueError(f"must be {'an integer' if kind.startswith('int') else 'a number'}") from None
        if not math.isfinite(number):
            raise ValueError("must be a finite number")
        limits = f.metadata
        if "ge" in limits and number < limits["ge"]:
            raise ValueError(f"must be greater than or equal to {limits['ge']:g}")
        if "gt" in limits and number <= limits["gt"]:
            raise ValueError(f"must be greater than {limits['gt']:g}")
        if "le" in limits and number > limits["le"]:
            raise ValueError(f"must be less than or equal to {limits['le']:g}")
        return number
    return str(raw)


def _dotenv(path: Path) -> dict[str, str]:
    """The settings in a .env file (none when there is no file)."""
    if not path.is_file():
        return {}
    from dotenv import dotenv_values  # only when there is a file: most starts have none

    return {k.upper(): v for k, v in dotenv_values(path, encoding="utf-8").items() if v is not None}


def load_settings(_env_file: str | Path | None = ".env", **overrides: Any) -> Settings:
    """Read and validate the settings: given values, then environment variables (any case), then the .env file,
    then defaults. Raise ConfigError with one line naming the bad setting."""
    environ = {k.upper(): v for k, v in os.environ.items()}
    from_file = _dotenv(Path(_env_file)) if _env_file else {}
    values: dict[str, Any] = {}
    for name, f in _fields().items():
        key = name.upper()
        if name in overrides:
            raw = overrides.pop(name)
        elif key in environ:
            raw = environ[key]
        elif key in from_file:
            raw = from_file[key]
        else:
            continue  # the default
        try:
            value = _convert(f, raw)
            check = CHECKS.get(name)
            values[name] = check(value) if check else value
        except ValueError as exc:
            raise ConfigError(f"invalid setting {key}: {exc}") from None
    if overrides:
        raise TypeError(f"unknown setting {sorted(overrides)[0]!r}")
    return Settings(**values)


def mask_url(url: str) -> str:
    """Hide the password of a database URL."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<invalid URL>"


@cache
def get_settings() -> Settings:
    """The process-wide settings (read once)."""
    return load_settings()
