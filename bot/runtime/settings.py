"""One typed settings object, read from environment variables (and `.env`), validated at start."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ConfigError(Exception):
    """A missing or malformed setting; the message is one line naming it."""


def default_data_dir() -> Path:
    """The per-user data directory ($XDG_DATA_HOME/interview-bot or ~/.local/share/interview-bot)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "interview-bot"


class Settings(BaseSettings):
    """Every setting of interview-bot. Environment variable names are the field names in capitals."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    log_level: str = "INFO"
    log_json: bool = False

    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    telegram_webhook_url: str | None = None  # public URL; when set, the bot runs by webhook
    telegram_webhook_secret: SecretStr | None = None
    telegram_webhook_listen: str = "0.0.0.0"
    telegram_webhook_port: int = Field(default=8443, ge=1, le=65535)

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_host: str = "0.0.0.0"
    slack_port: int = Field(default=3000, ge=1, le=65535)

    quote_default_time: str = "09:00"
    quote_default_timezone: str = "UTC"
    admin_users: str = ""  # comma-separated platform user ids, e.g. "telegram:123,slack:U456"
    corpus_refresh_seconds: float = Field(default=30.0, ge=0)  # how often bots look for added articles; 0: never

    metrics_host: str = "0.0.0.0"
    metrics_port: int | None = Field(default=None, ge=0, le=65535)  # unset: no /healthz, /metrics

    translate_url: str | None = None  # a LibreTranslate server; unset: no machine translations
    translate_api_key: SecretStr | None = None
    translate_timeout: float = Field(default=3.0, gt=0, le=30)  # seconds an answer may wait for translations
    translate_languages: str = ""  # comma-separated targets offered (zh, zh-Hant, de, en); empty: the server's

    @field_validator("telegram_api_url", "slack_api_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("translate_url")
    @classmethod
    def _translate_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https:// (e.g. http://translate:5000)")
        return value.rstrip("/")

    @field_validator("translate_languages")
    @classmethod
    def _translate_languages(cls, value: str) -> str:
        codes = [c.strip() for c in value.split(",") if c.strip()]
        unknown = [c for c in codes if c not in ("zh", "zh-Hant", "de", "en")]
        if unknown:
            raise ValueError(f"unknown language {unknown[0]!r}: use zh, zh-Hant, de and en")
        return ",".join(codes)

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        for plain in ("postgres://", "postgresql://"):  # the usual form: use the installed driver, psycopg 3
            if value.startswith(plain):
                value = "postgresql+psycopg://" + value.removeprefix(plain)
        try:
            backend = make_url(value).get_backend_name()
        except ArgumentError:
            raise ValueError("not a database URL (e.g. postgresql+psycopg://user:password@host/db)") from None
        if backend not in ("sqlite", "postgresql"):
            raise ValueError(f"unsupported database {backend!r}: use sqlite or postgresql")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        if value.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return value.upper()

    @field_validator("quote_default_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        from bot.daily.clock import BadSchedule, parse_zone  # the rule /subscribe applies: a place, or UTC

        try:
            return parse_zone(value)
        except BadSchedule as exc:
            raise ValueError(str(exc)) from None

    @field_validator("quote_default_time")
    @classmethod
    def _time(cls, value: str) -> str:
        hh, _, mm = value.partition(":")
        if not (hh.isdigit() and mm.isdigit() and 0 <= int(hh) < 24 and 0 <= int(mm) < 60):
            raise ValueError("must be HH:MM")
        return f"{int(hh):02d}:{int(mm):02d}"

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
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                value = "****" if value.get_secret_value() else ""
            out[name.upper()] = value
        out["DATABASE_URL"] = mask_url(self.db_url)
        return out


def mask_url(url: str) -> str:
    """Hide the password of a database URL."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<invalid URL>"


def load_settings(**overrides: Any) -> Settings:
    """Read and validate the settings; raise ConfigError with one line naming the bad setting."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]).upper() if err.get("loc") else "settings"
        raise ConfigError(f"invalid setting {name}: {err['msg'].removeprefix('Value error, ')}") from None


@cache
def get_settings() -> Settings:
    """The process-wide settings (read once)."""
    return load_settings()
