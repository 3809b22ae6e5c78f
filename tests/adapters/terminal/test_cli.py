"""The terminal commands: readable text, one JSON object per question, clean errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from bot.adapters.cli import main


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_ask_prints_speaker_quote_title_and_link() -> None:
    result = run("ask", "机器之心 推理 训练数据")
    assert result.exit_code == 0, result.output
    assert "Aidan Gomez" in result.output
    assert "“" in result.output
    assert "mp.weixin.qq.com" in result.output or "no link" in result.output


def test_ask_json_one_object_with_the_documented_fields() -> None:
    result = run("ask", "--json", "--top", "2", "合成数据")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["query"] == "合成数据" and data["note"] is None
    assert 1 <= len(data["results"]) <= 2
    for r in data["results"]:
        assert r["quote"] in r["passage"]
        assert isinstance(r["also_in"], list)


def test_ask_dash_reads_one_question_per_line() -> None:
    result = run("ask", "--json", "-", stdin="合成数据\n\nWarum ist Datenqualität wichtig?\n😀\n")
    objects = [json.loads(line) for line in result.output.strip().splitlines()]
    # one object per input line, so answers line up with questions even when a line is blank
    assert [o["query"] for o in objects] == ["合成数据", "", "Warum ist Datenqualität wichtig?", "😀"]
    assert objects[0]["results"] and objects[2]["results"]
    for blank in (objects[1], objects[3]):
        assert blank["results"] == [] and blank["note"]
    assert result.exit_code == 0


def test_bad_input_is_one_clear_line_and_nonzero_exit() -> None:
    for text in ("", "x" * 10_000, "\x00\x01"):
        result = run("ask", text)
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert result.output.strip()


def test_sources_lists_every_article_with_its_link_or_publisher() -> None:
    result = run("sources", "--json")
    data = json.loads(result.output)
    assert len(data) >= 5
    assert any(a["url"] is None for a in data) and any(a["url"] for a in data)


def test_unknown_command_fails_cleanly() -> None:
    result = run("frobnicate")
    assert result.exit_code != 0 and "No such command" in result.output


def test_every_command_has_help() -> None:
    for name in main.list_commands(None):  # type: ignore[arg-type]
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "usage" in result.output.lower()


def test_console_script_builds_database_on_first_ask(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "fresh")}
    exe = Path(sys.executable).with_name("interview-bot")
    out = subprocess.run(
        [str(exe), "ask", "--json", "Cohere 估值"], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["results"]
    assert (tmp_path / "fresh" / "interview-bot" / "interview-bot.sqlite3").exists()
    bad = subprocess.run([str(exe), "ask", ""], capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr + bad.stdout


def test_piped_output_is_one_logical_line_per_line_without_padding() -> None:
    question = "为什么只卖模型的公司日子不好过？"
    data = json.loads(run("ask", "--json", question).output)
    result = run("ask", question)  # CliRunner's stdout is not a TTY, like a pipe
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert data["results"] and not [line for line in lines if line != line.rstrip()]
    for r in data["results"]:
        # every paragraph of the quote, the interview question, the title and the link: each on one line
        for paragraph in [r["quote"], r["question"], r["article"]["title"], r["article"]["url"]]:
            for part in (paragraph or "").split("\n"):
                assert [line for line in lines if part in line], part
    quote = run("quote", "--date", "2026-01-02")
    sources = json.loads(run("sources", "--json").output)
    for out in (quote.output, run("sources").output, run("config").output):
        assert not [line for line in out.splitlines() if line != line.rstrip()], out
    assert all(a["url"] in run("sources").output.splitlines() for a in sources if a["url"])


def test_ask_joins_unquoted_words_into_one_question() -> None:
    result = run("ask", "--json", "what", "is", "cohere")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["query"] == "what is cohere"
    words = run("ask", "--top", "1", "what", "is", "cohere")
    assert words.exit_code == 0 and words.output == run("ask", "--top", "1", "what is cohere").output
    assert run("ask").exit_code == 2  # no question: usage
    mixed = run("ask", "-", "cohere", stdin="x\n")
    assert mixed.exit_code == 2 and "-" in mixed.output


def test_ask_dash_text_heads_each_answer_with_its_question() -> None:
    result = run("ask", "-", stdin="合成数据\n\nWarum ist Datenqualität wichtig?\n")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    heads = [i for i, line in enumerate(lines) if re.match(r"Q\d+:", line)]
    assert [lines[i] for i in heads] == ["Q1: 合成数据", "Q2:", "Q3: Warum ist Datenqualität wichtig?"]
    first, blank, third = lines[heads[0]:heads[1]], lines[heads[1]:heads[2]], lines[heads[2]:]
    assert any(line.startswith("1. ") for line in first) and any(line.startswith("1. ") for line in third)
    assert not any(line.startswith("1. ") for line in blank) and any(line.strip() for line in blank[1:])
    single = run("ask", "合成数据").output
    assert not re.search(r"^Q\d+:", single, re.M)  # one question: no header


def test_ask_dash_header_is_one_safe_line() -> None:
    result = run("ask", "-", stdin="\x1b[2Jcohere\n" + "x" * 10_000 + "\n")
    heads = [line for line in result.output.splitlines() if re.match(r"Q\d+:", line)]
    assert heads[0] == "Q1: \ufffd[2Jcohere" and "\x1b" not in result.output
    assert heads[1].startswith("Q2: xxx") and heads[1].endswith(" …") and len(heads[1]) < 300
