"""The first run on a fresh data directory: several commands started at once all succeed (one of them
creates the SQLite schema and stores the corpus, the others wait for it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-m", "bot.adapters.cli"]


@pytest.mark.parametrize("round_", range(3))  # a race shows in some rounds only
def test_four_asks_at_once_on_a_fresh_data_directory(tmp_path: Path, round_: int) -> None:
    env = {**os.environ, "DATA_DIR": str(tmp_path / "data"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    env.pop("DATABASE_URL", None)
    procs = [subprocess.Popen([*CLI, "ask", "--json", "What does Aidan Gomez think about synthetic data?"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    results = [(p.wait(timeout=180), *p.communicate()) for p in procs]
    for code, out, err in results:
        assert code == 0, err
        assert json.loads(out)["results"]
        assert "unreachable" not in err
    assert [p.name for p in (tmp_path / "data").glob("*.sqlite3")] == ["interview-bot.sqlite3"]
