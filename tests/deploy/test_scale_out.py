"""Scale-out: two `interview-bot telegram` replicas in webhook mode on one PostgreSQL database.

A question answered by one replica and its "More results" button pressed on the other (the way a load
balancer may route them) works, because the question behind the button lives in the shared database.
Both replicas serve /healthz and /metrics, and stop cleanly on SIGTERM.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.answer import answerer
from tests.adapters.telegram import fake_api

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
STARTUP = 120  # seconds: the first replica fills the database from the bundled corpus
SECRET = "shared-webhook_secret-42"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _post(client: httpx.AsyncClient, url: str, update: dict[str, Any]) -> httpx.Response:
    for _ in range(100):  # the webhook server binds just after setWebhook
        try:
            return await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
        except httpx.ConnectError:
            await asyncio.sleep(0.1)
    raise AssertionError(f"nothing listens at {url}")


async def test_two_replicas_share_state_through_postgres(pg_url: str, library: Any, tmp_path: Path) -> None:
    fake = fake_api.FakeBotAPI()
    await fake.start()
    replicas: list[dict[str, Any]] = []
    try:
        for i in range(2):
            hook, metrics = _free_port(), _free_port()
            env = {**os.environ, "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url,
                   "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{hook}/tg", "TELEGRAM_WEBHOOK_SECRET": SECRET,
                   "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1", "TELEGRAM_WEBHOOK_PORT": str(hook),
                   "DATABASE_URL": pg_url, "METRICS_HOST": "127.0.0.1", "METRICS_PORT": str(metrics),
                   "XDG_DATA_HOME": str(tmp_path / f"replica{i}")}
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.adapters.cli", "telegram", env=env,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            replicas.append({"proc": proc, "hook": env["TELEGRAM_WEBHOOK_URL"], "ops": f"http://127.0.0.1:{metrics}"})
        await fake.wait_for("setWebhook", count=2, timeout=STARTUP)
        a, b = replicas
        question = fake_api.question_for(library, "zh", more=True)
        async with httpx.AsyncClient(timeout=30) as client:
            assert (await _post(client, a["hook"], {"update_id": 1, **fake_api.message(question)})).status_code == 200
            await fake.wait_for("sendMessage", timeout=60)
            for _ in range(100):  # a long answer is several messages: the buttons are on the last one
                answered = fake.called("sendMessage")
                if "reply_markup" in answered[-1]:
                    break
                await asyncio.sleep(0.1)
            first = answered[-1]
            buttons = [btn for row in first["reply_markup"]["inline_keyboard"] for btn in row]
            more = next(btn["callback_data"] for btn in buttons if btn.get("callback_data", "").startswith("more:"))
            sent = fake.sent[-1]
            response = await _post(client, b["hook"], {"update_id": 2, **fake_api.callback(more, sent)})
            assert response.status_code == 200
            for _ in range(300):  # replica B answers the button with the next page
                pages = fake.called("sendMessage")[len(answered):] + fake.called("editMessageText")
                if pages:
                    break
                await asyncio.sleep(0.1)
            assert pages, "replica B did not answer the button"
            next_page = pages[0]["text"]
            assert fake_api.assert_verbatim(next_page, [p.text for p in library.passages]) >= 1
            assert next_page != first["text"]
            counted = []
            for replica in replicas:
                health = await client.get(f"{replica['ops']}/healthz")
                checks = health.json()["checks"]
                assert health.status_code == 200, health.text
                assert checks["database"]["ok"] and checks["index"]["passages"] > 0
                metrics = await client.get(f"{replica['ops']}/metrics")
                assert metrics.status_code == 200
                counted.append('interview_bot_questions_total{platform="telegram",status="ok"} 1.0' in metrics.text)
            assert counted == [True, False]  # the question on A; B answered a further page of it
    finally:
        for replica in replicas:
            if replica["proc"].returncode is None:
                replica["proc"].send_signal(signal.SIGTERM)
        outcomes = []
        for replica in replicas:
            try:
                _, err = await asyncio.wait_for(replica["proc"].communicate(), 30)
            except TimeoutError:
                replica["proc"].kill()
                _, err = await replica["proc"].communicate()
            outcomes.append((replica["proc"].returncode, err.decode()))
        await fake.stop()
    for code, err in outcomes:
        assert code == 0, err[-2000:]
        assert "Traceback" not in err and fake.token not in err and SECRET not in err
    assert json.dumps(fake.errors) == "[]"


def test_two_slack_replicas_in_http_mode(pg_url: str, library: Any, tmp_path: Path) -> None:
    """Slack in HTTP mode behind a load balancer: a question on one replica, its button on the other."""
    import subprocess
    import time
    import urllib.request

    from bot.adapters.slack import buttons
    from tests.adapters.slack.blockkit import quote_lines
    from tests.adapters.slack.fake_api import BOT_USER, FakeSlack
    from tests.adapters.slack.harness import BOT_TOKEN, SIGNING_SECRET, Slack

    fake = FakeSlack(bot_token=BOT_TOKEN).start()
    procs, replicas = [], []
    try:
        for i in range(2):
            port, metrics = _free_port(), _free_port()
            env = {**os.environ, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                   "SLACK_API_URL": fake.api_url, "SLACK_HOST": "127.0.0.1", "SLACK_PORT": str(port),
                   "DATABASE_URL": pg_url, "METRICS_HOST": "127.0.0.1", "METRICS_PORT": str(metrics),
                   "XDG_DATA_HOME": str(tmp_path / f"slack{i}")}
            procs.append(subprocess.Popen([sys.executable, "-m", "bot.adapters.cli", "slack"], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
            replicas.append((Slack(fake, None, f"http://127.0.0.1:{port}/slack/events"),  # type: ignore[arg-type]
                             f"http://127.0.0.1:{metrics}"))
        deadline = time.monotonic() + STARTUP
        for slack, ops in replicas:  # ready when /healthz says so and the Slack endpoint answers
            while True:
                try:
                    with urllib.request.urlopen(f"{ops}/healthz", timeout=5) as resp:
                        if resp.status == 200 and slack.post("{}", "application/json", signed=False)[0] == 401:
                            break
                except OSError:
                    pass
                dead = [p for p in procs if p.poll() is not None]
                assert not dead, f"a replica exited ({dead[0].returncode}): {dead[0].communicate()[1][-3000:]}"
                assert time.monotonic() < deadline, "replica did not start"
                time.sleep(0.2)
        (a, _), (b, _) = replicas
        question = fake_api_question(library)
        status, _ = a.event({"type": "app_mention", "user": "U0USER", "text": f"<@{BOT_USER}> {question}",
                             "ts": "500.000001", "channel": "C0CHAN", "event_ts": "500.000001"})
        assert status == 200
        [first] = fake.wait_for(lambda _: fake.posted("chat.postMessage"), timeout=60)
        msg = first.params
        blocks = msg["blocks"] if isinstance(msg["blocks"], list) else json.loads(msg["blocks"])
        more = next(el for block in blocks for el in block.get("elements", [])
                    if el.get("type") == "button" and buttons.pattern(buttons.MORE).match(el["action_id"]))
        posted = {**msg, "blocks": blocks, "ts": "500.000002", "thread_ts": "500.000001", "user": BOT_USER}
        assert b.action(more, message=posted, channel="C0CHAN")[0] == 200
        calls = fake.wait_for(lambda _: len(fake.posted("chat.postMessage")) >= 2 and fake.posted("chat.postMessage"),
                              timeout=60)
        second = calls[1].params
        if isinstance(second.get("blocks"), str):
            second = {**second, "blocks": json.loads(second["blocks"])}
        page = answerer.answer(library, question, top_k=3, offset=3)
        expected = [line for q in page.quotes  # a quote may hold paragraphs
                    for line in q.quote.replace("*", "").split("\n")]
        assert expected and quote_lines(second)[: len(expected)] == expected  # the next page, verbatim
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        errors = []
        for p in procs:
            try:
                _, err = p.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                _, err = p.communicate()
            errors.append((p.returncode, err))
        fake.stop()
    for code, err in errors:
        assert code == 0, err[-2000:]
        assert "Traceback" not in err and BOT_TOKEN not in err and SIGNING_SECRET not in err


def fake_api_question(library: Any) -> str:
    """A Chinese question with a second page (the Telegram fake's helper, reused)."""
    return fake_api.question_for(library, "zh", more=True)
