"""A bot process leaves httpx's command-line client (click, rich, pygments) out."""

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
