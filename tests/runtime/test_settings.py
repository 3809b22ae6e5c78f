"""Settings: validated at start (one line naming the bad setting), shown masked by `interview-bot config`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.adapters.cli import main
from bot.runtime.settings import ConfigError, field_names, load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("name", "value", "says"), [
    ("TELEGRAM_API_URL", "ftp://api.telegram.org", "http"),
    ("SLACK_API_URL", "slack.com/api", "http"),
    ("DATABASE_URL", "not a url", "database URL"),
    ("DATABASE_URL", "mysql://u:p@h/db", "unsupported"),
    ("QUOTE_DEFAULT_TIMEZONE", "Europe/Atlantis", "time zone"),
    ("QUOTE_DEFAULT_TIME", "25:00", "HH:MM"),
    ("QUOTE_DEFAULT_TIME", "nine", "HH:MM"),
    ("METRICS_PORT", "http", "integer"),
    ("METRICS_PORT", "70000", "65535"),
    ("TELEGRAM_WEBHOOK_PORT", "0", "1"),
    ("SLACK_PORT", "-3", "1"),
    ("LOG_LEVEL", "LOUD", "DEBUG"),
    ("LOG_JSON", "maybe", "bool"),
    ("CORPUS_REFRESH_SECONDS", "nan", "finite"),
    ("TRANSLATE_TIMEOUT", "inf", "finite"),
])
def test_malformed_setting_is_one_line_naming_it(monkeypatch: pytest.MonkeyPatch, name: str, value: str,
                                                 says: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as err:
        load_settings()
    message = str(err.value)
    assert "\n" not in message and message.startswith(f"invalid setting {name}:") and says in message

    result = CliRunner().invoke(main, ["config"])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {message}"  # no traceback, just the line


def test_valid_values_are_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTE_DEFAULT_TIME", "7:5")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    monkeypatch.setenv("METRICS_PORT", "9100")
    monkeypatch.setenv("DATABASE_URL", "")
    s = load_settings()
    assert (s.quote_default_time, s.log_level, s.metrics_port, s.database_url) == ("07:05", "DEBUG", 9100, None)
    assert s.db_url.startswith("sqlite:///")


@pytest.mark.parametrize("url", ["postgres://u:p@db:5432/bot", "postgresql://u:p@db:5432/bot"])
def test_plain_postgres_urls_use_psycopg(url: str) -> None:
    assert load_settings(database_url=url).db_url == "postgresql+psycopg://u:p@db:5432/bot"


def test_config_masks_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = {"TELEGRAM_BOT_TOKEN": "123456:Zq9-telegram", "SLACK_BOT_TOKEN": "xoxb-Zq9-slack",
               "SLACK_APP_TOKEN": "xapp-Zq9-app", "SLACK_SIGNING_SECRET": "Zq9-signing",
               "TELEGRAM_WEBHOOK_SECRET": "Zq9-webhook"}
    for key, value in secrets.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://bot:Zq9-password@db:5432/bot")
    for args in (["config"], ["config", "--json"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "Zq9" not in result.output
    shown = json.loads(CliRunner().invoke(main, ["config", "--json"]).output)
    assert {shown[k] for k in secrets} == {"****"}
    assert shown["DATABASE_URL"] == "postgresql+psycopg://bot:***@db:5432/bot"
    assert shown["SLACK_PORT"] == 3000 and shown["QUOTE_DEFAULT_TIMEZONE"] == "UTC"


def test_dotenv_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("QUOTE_DEFAULT_TIMEZONE=Asia/Shanghai\nSLACK_BOT_TOKEN=xoxb-from-dotenv\n")
    shown = json.loads(CliRunner().invoke(main, ["config", "--json"]).output)
    assert shown["QUOTE_DEFAULT_TIMEZONE"] == "Asia/Shanghai" and shown["SLACK_BOT_TOKEN"] == "****"


def test_env_example_lists_every_setting_with_a_comment() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    lines = text.splitlines()
    listed = {}
    for i, line in enumerate(lines):
        m = re.match(r"^#?\s?([A-Z][A-Z0-9_]+)=", line)
        if m:
            listed[m.group(1)] = i
    missing = {name.upper() for name in field_names()} - set(listed)
    assert not missing, f".env.example lacks {sorted(missing)}"
    for name in field_names():
        i = listed[name.upper()]
        above = lines[i - 1]
        assert above.startswith("#") and not re.match(r"^#\s?[A-Z_]+=", above), f"{name.upper()} has no comment"
    assert load_settings(_env_file=ROOT / ".env.example")  # the example itself is valid


@pytest.mark.parametrize(("command", "token"), [("telegram", "TELEGRAM_BOT_TOKEN"), ("slack", "SLACK_BOT_TOKEN")])
def test_bot_without_its_token_stops_with_one_line(command: str, token: str, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_"))}
    env |= {"XDG_DATA_HOME": str(tmp_path / "xdg"), "METRICS_HOST": "127.0.0.1", "METRICS_PORT": "0"}
    done = subprocess.run([sys.executable, "-m", "bot.adapters.cli", command], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1, done.stderr
    assert lines[0].startswith("Error: ") and token in lines[0]


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"),
           "DATABASE_URL": "postgresql+psycopg://bot:Zq9-password@127.0.0.1:1/bot"}
    done = subprocess.run([sys.executable, "-m", "bot.adapters.cli", "ask", "Gomez"], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1, done.stderr
    assert lines[0].startswith("Error: database unreachable:") and "Zq9" not in done.stderr


def test_secrets_never_print() -> None:
    s = load_settings(telegram_bot_token="123456:Zq9-telegram", translate_api_key="Zq9-key")
    assert s.telegram_bot_token is not None and s.telegram_bot_token.get_secret_value() == "123456:Zq9-telegram"
    for shown in (repr(s), str(s), f"{s.telegram_bot_token}", repr(s.translate_api_key)):
        assert "Zq9" not in shown


def test_an_unknown_setting_given_in_code_is_an_error() -> None:
    with pytest.raises(TypeError, match="telegram_bot_tokn"):
        load_settings(telegram_bot_tokn="x")


def test_environment_names_in_any_case_and_empty_optional_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("slack_port", "3100")
    monkeypatch.setenv("METRICS_PORT", "")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    s = load_settings()
    assert (s.slack_port, s.metrics_port, s.telegram_bot_token) == (3100, None, None)
