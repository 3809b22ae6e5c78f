"""A bot process leaves httpx's command-line client (click, rich, pygments) out, and a polling Telegram bot
tornado (python-telegram-bot's webhook server)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("package", ["bot.adapters.telegram.application", "bot.adapters.slack.application"])
def test_bot_processes_do_not_load_httpx_cli(package: str) -> None:
    code = (f"import sys, {package}, httpx; "
            "print(sorted(m for m in ('rich', 'pygments', 'httpx._main') if sys.modules.get(m) is not None)); "
            "print(callable(httpx.main))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[]" and out[1] == "True", out


@pytest.mark.parametrize(("webhook", "loaded"), [("", False), ("https://bot.example.org/hook", True)])
def test_a_polling_telegram_bot_leaves_the_webhook_server_out(webhook: str, loaded: bool) -> None:
    code = ("import sys; from bot.runtime.settings import load_settings; "
            "from bot.adapters.telegram.command import leave_out_unused; "
            f"leave_out_unused(load_settings(None, telegram_webhook_url={webhook!r})); "
            "import bot.adapters.telegram.run, telegram.ext._updater as u; "
            "print(sys.modules.get('tornado') is not None, u.WEBHOOKS_AVAILABLE)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(loaded), str(loaded)], out
