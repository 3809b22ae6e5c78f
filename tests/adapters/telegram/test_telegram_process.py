"""The real `interview-bot telegram` process against the fake Bot API: long polling and webhook."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from tests.adapters.telegram.fake_api import assert_verbatim, message, question_for

pytestmark = pytest.mark.slow
STARTUP = 90  # seconds: the first start builds the database from the bundled corpus


def command() -> list[str]:
    script = Path(sys.executable).with_name("interview-bot")
    if script.exists():
        return [str(script), "telegram"]
    found = shutil.which("interview-bot")
    return [found, "telegram"] if found else [sys.executable, "-m", "bot.adapters.cli", "telegram"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@asynccontextmanager
async def running(env: dict[str, str]) -> AsyncIterator[asyncio.subprocess.Process]:
    proc = await asyncio.create_subprocess_exec(
        *command(), env={**os.environ, "LOG_LEVEL": "DEBUG", **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        yield proc
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(proc.wait(), 20)
            except TimeoutError:
                proc.kill()
                await proc.wait()


async def test_cli_polls_answers_and_keeps_the_token_out_of_logs(fake, library) -> None:
    await fake.push(message(question_for(library, "zh")))
    async with running({"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url}) as proc:
        (sent,) = await fake.wait_for("sendMessage", timeout=STARTUP)
        await fake.wait_for("setMyCommands", 3)
    _, err = await proc.communicate()
    assert assert_verbatim(sent["text"], [p.text for p in library.passages]) >= 1
    assert fake.called("deleteWebhook")  # polling starts by removing any webhook
    assert {"message_reaction", "guest_message", "inline_query"} <= set(fake.polled_for or ())  # reactions as votes
    log = err.decode()
    assert "DEBUG" in log or "INFO" in log
    assert fake.token not in log
    assert fake.token.split(":")[1] not in log


async def test_cli_webhook_refuses_requests_without_the_secret(fake) -> None:
    port = free_port()
    secret = "s3cret_Token-42"
    env = {"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url,
           "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/tg/hook", "TELEGRAM_WEBHOOK_SECRET": secret,
           "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1", "TELEGRAM_WEBHOOK_PORT": str(port)}
    async with running(env) as proc:
        (hook,) = await fake.wait_for("setWebhook", timeout=STARTUP)
        assert hook["url"] == env["TELEGRAM_WEBHOOK_URL"]
        assert hook["secret_token"] == secret
        assert {"message_reaction", "guest_message"} <= set(hook["allowed_updates"])
        update = {"update_id": 1, **message("/sources")}
        async with httpx.AsyncClient(timeout=10) as client:
            missing = None
            for _ in range(50):  # the server may bind just after setWebhook
                try:
                    missing = await client.post(env["TELEGRAM_WEBHOOK_URL"], json=update)
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.1)
            assert missing is not None, "the webhook server did not start"
            wrong = await client.post(env["TELEGRAM_WEBHOOK_URL"], json=update,
                                      headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"})
            assert missing.status_code == 403
            assert wrong.status_code == 403
            assert not fake.called("sendMessage")
            ok = await client.post(env["TELEGRAM_WEBHOOK_URL"], json=update,
                                   headers={"X-Telegram-Bot-Api-Secret-Token": secret})
            assert ok.status_code == 200
        (sent,) = await fake.wait_for("sendMessage")
        assert "<a href=" in sent["text"]
    _, err = await proc.communicate()
    assert secret not in err.decode() and fake.token not in err.decode()


async def test_cli_names_the_missing_token(tmp_path: Path) -> None:
    proc = await asyncio.create_subprocess_exec(*command(), env=dict(os.environ), stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode != 0
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0]


async def failed_start(env: dict[str, str], limit: float = 60) -> tuple[int, list[str], str]:
    """Run `interview-bot telegram` (default log level) until it gives up: exit status, output lines, output."""
    proc = await asyncio.create_subprocess_exec(*command(), env={**os.environ, **env},
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await asyncio.wait_for(proc.communicate(), limit)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise AssertionError(f"still running after {limit} s") from None
    text = out.decode() + err.decode()
    assert proc.returncode is not None
    return proc.returncode, [line for line in text.splitlines() if line.strip()], text


@pytest.mark.parametrize("log_json", ["false", "true"])
async def test_cli_rejected_token_is_one_line_without_the_token(fake, log_json: str) -> None:
    wrong = "987654321:AAF-rejected_token_for_tests_Zz9876543210"
    code, lines, text = await failed_start({"TELEGRAM_BOT_TOKEN": wrong, "TELEGRAM_API_URL": fake.url,
                                            "LOG_JSON": log_json})
    assert code != 0
    assert len(lines) == 1, text
    assert "TELEGRAM_BOT_TOKEN" in lines[0] and "rejected" in lines[0]
    assert wrong not in text and wrong.split(":")[1] not in text
    methods = [path.rsplit("/", 1)[-1] for path in fake.requested_paths]
    assert methods == ["getMe"]  # checked first, nothing else was started


async def test_cli_unreachable_bot_api_is_one_line(fake) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    code, lines, text = await failed_start({"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": url})
    assert code != 0
    assert len(lines) == 1, text
    assert "Bot API" in lines[0] and url in lines[0] and "TELEGRAM_API_URL" in lines[0]
    assert fake.token not in text


async def test_cli_silent_database_is_one_line_within_the_connect_timeout(fake) -> None:
    from bot.db.engine import CONNECT_TIMEOUT
    from tests.db.blackhole import SilentServer

    with SilentServer() as silent:
        url = silent.url("postgresql+psycopg://bot:db-pass-1234@127.0.0.1/bot")
        code, lines, text = await failed_start({"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url,
                                                "DATABASE_URL": url}, limit=CONNECT_TIMEOUT + 25)
    assert code != 0
    assert len(lines) == 1, text
    assert "database unreachable" in lines[0]
    assert "db-pass-1234" not in text and fake.token not in text
