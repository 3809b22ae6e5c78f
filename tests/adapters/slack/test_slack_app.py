"""Start-up checks, extensions, filters and the error handler, dispatched directly (no sockets but the fake)."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from slack_bolt import App
from slack_bolt.request import BoltRequest

from bot.adapters.cli import main
from bot.adapters.slack.application import DEFAULT_EXTENSIONS, build_app, check_settings
from bot.adapters.slack.middleware import Deduplicator
from bot.answer.library import Library
from bot.answer.texts import SAMPLES
from bot.runtime.settings import ConfigError, get_settings
from tests.adapters.slack import sample_extension
from tests.adapters.slack.blockkit import problems, quote_lines
from tests.adapters.slack.fake_api import BOT_ID, BOT_USER, FakeSlack
from tests.adapters.slack.harness import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, sign, slack_context, slack_settings


def dispatch(app: App, body: str, content_type: str = "application/json", **headers: str) -> Any:
    all_headers = {"content-type": content_type, **{k.lower(): v for k, v in sign(body).items()}, **headers}
    return app.dispatch(BoltRequest(body=body, headers=all_headers))


def event_body(event: dict[str, Any], event_id: str = "Ev1") -> str:
    return json.dumps({"type": "event_callback", "team_id": "T0001", "event_id": event_id, "event": event})


def command_body(text: str, fake: FakeSlack) -> str:
    return urlencode({"command": "/ask", "text": text, "user_id": "U0ASKER", "channel_id": "C0CMD",
                      "team_id": "T0001", "response_url": fake.response_url("cmd"), "trigger_id": "1"})


@pytest.fixture
def direct(fake: FakeSlack, library: Library) -> App:
    """The app with listeners run before the HTTP answer (deterministic), plus the sample extension."""
    sample_extension.calls.clear()
    return build_app(slack_context(slack_settings(fake), library), ["tests.adapters.slack.sample_extension"],
                     process_before_response=True)


def test_default_extensions_is_a_tuple_of_module_paths() -> None:
    assert isinstance(DEFAULT_EXTENSIONS, tuple) and all(isinstance(x, str) for x in DEFAULT_EXTENSIONS)


@pytest.mark.parametrize(("overrides", "missing"), [
    ({"slack_bot_token": None}, "SLACK_BOT_TOKEN"),
    ({"slack_signing_secret": None}, "SLACK_SIGNING_SECRET"),
    ({"slack_api_url": "ftp://127.0.0.1:1/api/"}, "SLACK_API_URL"),
])
def test_missing_settings_are_named(fake: FakeSlack, overrides: dict[str, Any], missing: str) -> None:
    with pytest.raises(ConfigError, match=missing) as err:
        check_settings(slack_settings(fake, **overrides))
    assert "\n" not in str(err.value)


def test_api_url_without_trailing_slash_still_works(fake: FakeSlack, library: Library) -> None:
    app = build_app(slack_context(slack_settings(fake, slack_api_url=fake.api_url.rstrip("/")), library))
    assert app.client.base_url == fake.api_url
    assert [c.path for c in fake.calls] == ["/api/auth.test"]


def test_socket_mode_needs_no_signing_secret(fake: FakeSlack) -> None:
    check_settings(slack_settings(fake, slack_signing_secret=None, slack_app_token=APP_TOKEN))


def test_cli_names_the_missing_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.adapters.cli.configure_logging", lambda *a, **k: None)  # keep pytest's log handlers
    result = CliRunner().invoke(main, ["slack"])
    assert result.exit_code != 0 and "SLACK_BOT_TOKEN" in result.output
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    get_settings.cache_clear()
    result = CliRunner().invoke(main, ["slack"])
    assert result.exit_code != 0 and "SLACK_SIGNING_SECRET" in result.output
    assert BOT_TOKEN not in result.output


def test_subcommands_of_extensions(direct: App, fake: FakeSlack, library: Library) -> None:
    resp = dispatch(direct, command_body("subscribe  daily at 09:00 ", fake), "application/x-www-form-urlencoded")
    assert resp.status == 200
    assert sample_extension.calls == [{"text": "daily at 09:00", "user": "U0ASKER", "library": library}]
    [call] = fake.posted("response_url")
    assert call.params["text"] == "subscribed: 14 characters"
    dispatch(direct, command_body("help", fake), "application/x-www-form-urlencoded")
    assert "/ask subscribe" in json.dumps(fake.posted("response_url")[-1].params)


def test_extension_listeners_are_registered(direct: App, fake: FakeSlack, library: Library) -> None:
    payload = {"type": "block_actions", "user": {"id": "U1"}, "team": {"id": "T0001"}, "api_app_id": "A1",
               "container": {"type": "message", "is_ephemeral": True}, "channel": {"id": "C1"},
               "actions": [{"action_id": "sample_ping", "value": "x", "type": "button"}]}
    resp = dispatch(direct, urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")
    assert resp.status == 200
    assert sample_extension.calls == [{"action": "sample_ping", "library": library}]


def test_extensions_see_messages_the_core_leaves(direct: App, fake: FakeSlack) -> None:
    event = {"type": "message", "channel_type": "channel", "user": "U1", "text": "a sample-keyword here",
             "ts": "3.1", "channel": "C1"}
    assert dispatch(direct, event_body(event)).status == 200
    assert sample_extension.calls == [{"message": "a sample-keyword here"}]
    assert not fake.posted()


def test_a_question_that_is_no_subcommand(direct: App, fake: FakeSlack) -> None:
    dispatch(direct, command_body(SAMPLES["zh"][0], fake), "application/x-www-form-urlencoded")
    assert not sample_extension.calls
    assert quote_lines(fake.posted("response_url")[0].params)


@pytest.mark.parametrize("event", [
    {"type": "message", "channel_type": "im", "bot_id": "B0OTHER", "subtype": "bot_message", "text": "hi"},
    {"type": "message", "channel_type": "im", "bot_id": BOT_ID, "user": BOT_USER, "text": SAMPLES["zh"][0]},
    {"type": "message", "channel_type": "im", "user": "U1", "subtype": "message_changed", "text": "x"},
    {"type": "message", "channel_type": "channel", "user": "U1", "text": SAMPLES["zh"][0]},
    {"type": "app_mention", "bot_id": "B0OTHER", "user": "U0BOT2", "text": f"<@{BOT_USER}> {SAMPLES['zh'][0]}"},
])
def test_bots_edits_and_channel_chatter_are_ignored(direct: App, fake: FakeSlack, event: dict[str, Any]) -> None:
    resp = dispatch(direct, event_body({**event, "ts": "1.000001", "channel": "D0DM"}))
    assert resp.status == 200
    assert not fake.posted()


def test_the_same_message_delivered_twice_is_answered_once(direct: App, fake: FakeSlack) -> None:
    event = {"type": "message", "channel_type": "im", "user": "U1", "text": SAMPLES["zh"][0], "ts": "5.1",
             "channel": "D0DM"}
    dispatch(direct, event_body(event, "EvA"))
    dispatch(direct, event_body(event, "EvB"))  # same message, another event id
    dispatch(direct, event_body({**event, "ts": "5.2"}, "EvA"))  # same event id
    assert len(fake.posted("chat.postMessage")) == 1


@pytest.mark.parametrize("text", [f"<@{BOT_USER}>", f"<@{BOT_USER}> help", f"<@{BOT_USER}>  帮助 "])
def test_mention_without_question_shows_help(direct: App, fake: FakeSlack, text: str) -> None:
    dispatch(direct, event_body({"type": "app_mention", "user": "U1", "text": text, "ts": "7.1", "channel": "C1"}))
    [call] = fake.posted("chat.postMessage")
    assert call.params["thread_ts"] == "7.1" and "/ask" in json.dumps(call.params)
    assert problems(call.params) == [] and not quote_lines(call.params)


def test_errors_are_logged_with_traceback_and_apologised_for(fake: FakeSlack, library: Library,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    broken = Library(list(library.articles.values()), library.passages, library.index)

    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"index exploded {BOT_TOKEN}")

    broken.ranker.rank = explode  # type: ignore[method-assign]
    app = build_app(slack_context(slack_settings(fake), broken), process_before_response=True)
    caplog.set_level(logging.ERROR, logger="bot.adapters.slack")
    dispatch(app, event_body({"type": "app_mention", "user": "U1", "text": f"<@{BOT_USER}> 数据", "ts": "8.1",
                              "channel": "C1"}))
    dispatch(app, command_body("数据", fake), "application/x-www-form-urlencoded")
    [post] = fake.posted("chat.postMessage")
    assert post.params["thread_ts"] == "8.1" and "抱歉" in post.params["text"]
    [eph] = fake.posted("response_url")
    assert eph.params["response_type"] == "ephemeral" and "抱歉" in eph.params["text"]
    errors = [r for r in caplog.records if r.exc_info or r.exc_text]  # (redaction bakes exc_info into exc_text)
    assert errors and "RuntimeError" in caplog.text and "Traceback" in caplog.text


def test_deduplicator_forgets_old_keys() -> None:
    now = [0.0]
    d = Deduplicator(size=3, ttl=10, clock=lambda: now[0])
    assert d.first("a") and not d.first("a") and d.first("b", "c") and not d.first("x", "b")
    now[0] = 11
    assert d.first("a")
    for key in "defgh":
        d.first(key)
    assert len(d._seen) <= 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_interview_bot_slack_command_serves_http(fake: FakeSlack, library: Library, tmp_path: Path) -> None:
    """`interview-bot slack` as it is deployed: HTTP mode, the fake Web API, signed requests, no token in logs."""
    port = free_port()
    env = {**os.environ, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
           "SLACK_API_URL": fake.api_url, "LOG_LEVEL": "DEBUG", "XDG_DATA_HOME": str(tmp_path / "data")}
    log = (tmp_path / "log.txt").open("w")
    cli = Path(sys.executable).with_name("interview-bot")
    proc = subprocess.Popen([str(cli), "slack", "--host", "127.0.0.1", "--port", str(port)], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        import urllib.error
        import urllib.request

        body = event_body({"type": "app_mention", "user": "U1", "text": f"<@{BOT_USER}> {SAMPLES['zh'][1]}",
                           "ts": "9.1", "channel": "C1"}, "EvCli")
        deadline = time.monotonic() + 60
        while True:
            req = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=body.encode(),
                                         headers={"Content-Type": "application/json", **sign(body)})
            try:
                with urllib.request.urlopen(req, timeout=5) as resp:
                    assert resp.status == 200
                    break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, (tmp_path / "log.txt").read_text()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        [call] = fake.wait_for(lambda _: fake.posted("chat.postMessage"), timeout=30)
        assert call.params["thread_ts"] == "9.1" and quote_lines(call.params)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = None
        log.close()
    output = (tmp_path / "log.txt").read_text()
    assert code == 0, output[-2000:]
    assert "DEBUG" in output
    for secret in (BOT_TOKEN, SIGNING_SECRET):
        assert secret not in output


def test_manifest_asks_for_what_the_app_handles() -> None:
    import yaml

    manifest = yaml.safe_load((Path(__file__).resolve().parents[3] / "slack" / "manifest.yml").read_text())
    settings = manifest["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im", "app_home_opened"}
    assert settings["interactivity"]["is_enabled"] is True
    commands = {c["command"]: c for c in manifest["features"]["slash_commands"]}
    assert set(commands) == {"/ask", "/quote"}  # /quote is registered by bot.adapters.slack.daily
    urls = {c["url"] for c in commands.values()}
    urls |= {settings["interactivity"]["request_url"], settings["event_subscriptions"]["request_url"]}
    assert len(urls) == 1 and urls.pop().endswith("/slack/events")
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"app_mentions:read", "chat:write", "commands", "im:history"} <= scopes
    # the Messages tab as an agent conversation, the Home tab, the user's language (users.info), their DM
    assert {"assistant:write", "users:read", "im:write"} <= scopes
    assert {"channels:read", "groups:read"} <= scopes  # /ask scope: a channel's creator (conversations.info)
    features = manifest["features"]
    assert features["app_home"]["home_tab_enabled"] is True and features["app_home"]["messages_tab_enabled"] is True
    agent = features["agent_view"]
    assert agent["agent_description"].strip() and "assistant_view" not in features
    assert [p["message"] for p in agent["suggested_prompts"]] == list(SAMPLES["en"])[:4]


def test_unknown_buttons_and_mentions_without_ts_are_acknowledged_quietly(direct: App, fake: FakeSlack) -> None:
    payload = {"type": "block_actions", "user": {"id": "U1"}, "team": {"id": "T0001"}, "api_app_id": "A1",
               "container": {"type": "message", "channel_id": "C1", "message_ts": "1.1"},
               "channel": {"id": "C1"}, "actions": [{"action_id": "from_an_old_version", "value": "x",
                                                    "block_id": "b", "type": "button", "action_ts": "2.2"}]}
    response = dispatch(direct, urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")
    assert response.status == 200
    response = dispatch(direct, event_body({"type": "app_mention", "user": "U1", "text": "hi", "channel": "C1"},
                                           event_id="EvNoTs"))
    assert response.status == 200
    assert not fake.posted("chat.postMessage")
