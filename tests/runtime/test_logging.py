"""Logs never carry secrets: configured tokens, token-shaped strings and URL passwords are masked."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from bot.runtime.logs import RedactSecrets, configure_logging, secret_values

TG = "7012345678:AAH-fakeFAKEfakeFAKEfakeFAKEfake123"
SLACK = "xoxb-1111-2222-abcdefABCDEF"
SIGNING = "s1gning-secret-value"
PG_PASSWORD = "pg-pass-0042"


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    import sys
    import threading

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    hooks = sys.excepthook, threading.excepthook, sys.unraisablehook
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    sys.excepthook, threading.excepthook, sys.unraisablehook = hooks


@pytest.fixture
def secrets_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TG)
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING)
    monkeypatch.setenv("DATABASE_URL", f"postgresql+psycopg://bot:{PG_PASSWORD}@db:5432/bot")


def _log_everything(log: logging.Logger) -> None:
    log.warning("HTTP Request: POST https://api.telegram.org/bot%s/getUpdates", TG)
    log.error("slack said no for %s (signing %s)", SLACK, SIGNING)
    log.info("connecting to postgresql+psycopg://bot:%s@db:5432/bot", PG_PASSWORD)
    try:
        raise RuntimeError(f"token {TG} rejected")
    except RuntimeError:
        log.exception("failed with %s", SIGNING)


def test_secret_values_come_from_settings(secrets_env: None) -> None:
    assert set(secret_values()) >= {TG, SLACK, SIGNING, PG_PASSWORD}


def test_secret_values_without_valid_settings(secrets_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTE_DEFAULT_TIMEZONE", "Nowhere/Nothing")  # settings invalid: read the environment
    assert set(secret_values()) >= {TG, SLACK, SIGNING, PG_PASSWORD}


@pytest.mark.parametrize("as_json", [False, True])
def test_configured_logging_redacts(secrets_env: None, capsys: pytest.CaptureFixture[str], as_json: bool) -> None:
    configure_logging("INFO", as_json=as_json)
    _log_everything(logging.getLogger("bot.test"))
    err = capsys.readouterr().err
    for secret in (TG, SLACK, SIGNING, PG_PASSWORD):
        assert secret not in err
    assert err.count("****") >= 6
    assert "RuntimeError" in err and "Traceback" in err  # the traceback is kept, redacted
    if as_json:
        lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
        assert len(lines) == 4 and "exc" in lines[-1]


def test_token_shapes_are_masked_even_when_not_configured() -> None:
    f = RedactSecrets()
    other_tg = "123456789:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789"
    assert f.redact(f"url /bot{other_tg}/sendMessage") == "url /bot****/sendMessage"
    assert f.redact("xapp-1-A111-222-abcdef and xoxp-9-8-7-abcdefgh") == "**** and ****"
    assert f.redact("redis://user:hunter22@host/0") == "redis://user:****@host/0"
    assert f.redact("ordinary words: 12:30, https://example.com/a:b") == "ordinary words: 12:30, https://example.com/a:b"


def test_filter_on_a_record_with_bad_arguments_does_not_raise() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%d items of " + SLACK, ("many",), None)
    assert RedactSecrets([SLACK]).filter(record) is True
    assert SLACK not in record.getMessage()


UNCAUGHT = f"""
import asyncio, threading
from bot.runtime.logs import configure_logging
configure_logging("INFO", {{as_json}}, "{SIGNING}")
def fail():
    raise RuntimeError("token {TG} and secret {SIGNING} rejected")
thread = threading.Thread(target=fail)
thread.start()
thread.join()
async def task():
    fail()
async def main():
    asyncio.get_running_loop().create_task(task())
    await asyncio.sleep(0.1)
asyncio.run(main())
try:
    fail()
except RuntimeError as exc:
    raise ValueError("while failing") from exc
"""


@pytest.mark.parametrize("as_json", [False, True])
def test_uncaught_exceptions_are_redacted_too(as_json: bool) -> None:
    """Python's own reports (an uncaught exception in the main thread, in a thread, in an asyncio task)
    go through the same redaction, in the configured format."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", UNCAUGHT.replace("{as_json}", str(as_json))],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode != 0
    err = done.stderr
    assert TG not in err and SIGNING not in err and TG.split(":")[1] not in err
    assert err.count("RuntimeError") >= 3 and "ValueError: while failing" in err and "****" in err
    if as_json:
        assert all(json.loads(line) for line in err.splitlines() if line.strip())
