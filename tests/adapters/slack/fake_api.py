"""A fake Slack Web API on 127.0.0.1 (aiohttp, in a background thread) for offline tests.

Speaks `/api/<method>` with Bearer auth (auth.test, chat.postMessage, chat.postEphemeral,
chat.update, chat.scheduleMessage, apps.connections.open, the agent methods assistant.threads.setStatus /
setTitle / setSuggestedPrompts, views.publish, users.info with the locales in `locales` and `admins`,
conversations.info with the channels' `creators`, conversations.open giving user U the DM "DU"), a
`response_url` sink at `/response/<id>`, and a Socket Mode WebSocket at `/ws`. Every call is recorded;
`fail_next` injects error answers (e.g. 429 with Retry-After); `slow_next` delays answers (the call is
recorded at once).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

BOT_USER = "UBOT"
BOT_ID = "BBOT"
TEAM = "T0001"


@dataclass
class Call:
    """One request the fake received."""

    method: str  # "chat.postMessage", … or "response_url"
    params: dict[str, Any]
    token: str | None = None
    path: str = ""


@dataclass
class FakeSlack:
    """Start with `start()`, stop with `stop()`; `url` is the base (http://127.0.0.1:PORT)."""

    bot_token: str
    app_token: str | None = None
    calls: list[Call] = field(default_factory=list)
    ws_received: list[dict[str, Any]] = field(default_factory=list)
    fail_next: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = field(default_factory=dict)
    slow_next: dict[str, list[float]] = field(default_factory=dict)  # seconds before answering, per method
    locales: dict[str, str] = field(default_factory=dict)  # user id -> Slack locale ("de-DE"); else en-US
    admins: set[str] = field(default_factory=set)  # users.info says is_admin for these user ids
    creators: dict[str, str] = field(default_factory=dict)  # channel id -> creator (conversations.info)

    def __post_init__(self) -> None:
        self._cond = threading.Condition()
        self._ts = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._sockets: list[web.WebSocketResponse] = []
        self.port = 0

    # -- lifecycle --------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str = "1") -> str:
        return f"{self.url}/response/{name}"

    def start(self) -> FakeSlack:
        ready = threading.Event()
        thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        thread.start()
        if not ready.wait(10):
            raise RuntimeError("fake Slack did not start")
        return self

    def stop(self) -> None:
        if self._loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)

    def _run(self, ready: threading.Event) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # users.info is a GET
        app.router.add_post("/response/{name}", self._response)
        app.router.add_get("/ws", self._ws)
        self._runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        ready.set()
        self._loop.run_forever()

    async def _shutdown(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner:
            await self._runner.cleanup()

    # -- recording --------------------------------------------------------------------------------
    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def wait_for(self, predicate: Callable[[list[Call]], Any], timeout: float = 10.0) -> Any:
        """Wait until predicate(calls) is truthy; return its value (or raise AssertionError)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                result = predicate(list(self.calls))
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out; calls: {[c.method for c in self.calls]}")
                self._cond.wait(left)

    def posted(self, method: str | None = None) -> list[Call]:
        """Calls that show a message (posts, ephemerals, updates, response_url)."""
        kinds = {"chat.postMessage", "chat.postEphemeral", "chat.update", "chat.scheduleMessage", "response_url"}
        return [c for c in self.calls if (c.method == method if method else c.method in kinds)]

    # -- handlers ---------------------------------------------------------------------------------
    async def _params(self, request: web.Request) -> dict[str, Any]:
        raw = await request.read()
        if not raw:
            return dict(request.query)
        if request.content_type == "application/json":
            return json.loads(raw)
        params: dict[str, Any] = dict(parse_qsl(raw.decode()))
        for key in ("blocks", "attachments", "metadata"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        return params

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else params.get("token")
        self._record(Call(method, params, token, request.path))
        delays = self.slow_next.get(method)
        if delays:
            await asyncio.sleep(delays.pop(0))
        failures = self.fail_next.get(method)
        if failures:
            status, headers, body = failures.pop(0)
            return web.json_response(body, status=status, headers=headers)
        if method == "apps.connections.open":
            if not self.app_token or token != self.app_token:
                return web.json_response({"ok": False, "error": "invalid_auth"})
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/ws"})
        if token != self.bot_token:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        return web.json_response(self._answer(method, params))

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        ts = f"{1700000000 + next(self._ts)}.000100"
        if method == "auth.test":
            return {"ok": True, "url": "https://example.slack.com/", "team": "Test", "user": "interview-bot",
                    "team_id": TEAM, "user_id": BOT_USER, "bot_id": BOT_ID, "is_enterprise_install": False}
        if method in ("chat.postMessage", "chat.update", "chat.scheduleMessage"):
            for key in ("channel",):
                if not params.get(key):
                    return {"ok": False, "error": "channel_not_found"}
            message = {k: params.get(k) for k in ("text", "blocks", "thread_ts") if params.get(k) is not None}
            return {"ok": True, "channel": params["channel"], "ts": params.get("ts") or ts,
                    "message": {**message, "ts": ts, "user": BOT_USER, "bot_id": BOT_ID}}
        if method in ("assistant.threads.setStatus", "assistant.threads.setTitle",
                      "assistant.threads.setSuggestedPrompts"):
            return {"ok": True} if params.get("channel_id") else {"ok": False, "error": "channel_not_found"}
        if method == "views.publish":
            if not params.get("user_id") or not isinstance(params.get("view"), dict):
                return {"ok": False, "error": "invalid_arguments"}
            return {"ok": True, "view": {**params["view"], "id": f"V{ts}"}}
        if method == "users.info":
            user = str(params.get("user") or "")
            return {"ok": True, "user": {"id": user, "locale": self.locales.get(user, "en-US"),
                                         "is_admin": user in self.admins, "is_owner": False}}
        if method == "conversations.info":
            channel = str(params.get("channel") or "")
            return {"ok": True, "channel": {"id": channel, "creator": self.creators.get(channel, "UCREATOR")}}
        if method == "conversations.open":
            users = str(params.get("users") or "")
            return {"ok": True, "channel": {"id": f"D{users}"}} if users else {"ok": False, "error": "user_not_found"}
        if method == "chat.postEphemeral":
            if not params.get("channel") or not params.get("user"):
                return {"ok": False, "error": "channel_not_found"}
            return {"ok": True, "message_ts": ts}
        return {"ok": False, "error": "unknown_method"}

    async def _response(self, request: web.Request) -> web.Response:
        params = await self._params(request)
        if request.match_info["name"].startswith("expired"):  # response_urls expire after 30 minutes
            return web.Response(status=404, text="expired_url")
        self._record(Call("response_url", params, None, request.path))
        return web.Response(text="ok")

    async def _ws(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1,
                                      "connection_info": {"app_id": "A0001"}}))
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    with self._cond:
                        self.ws_received.append(json.loads(msg.data))
                        self._cond.notify_all()
        finally:
            self._sockets.remove(ws)
        return ws

    # -- Socket Mode ------------------------------------------------------------------------------
    def wait_connected(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not self._sockets:
            if time.monotonic() > deadline:
                raise AssertionError("no Socket Mode connection")
            time.sleep(0.01)

    def push(self, envelope: dict[str, Any]) -> None:
        """Send a Socket Mode envelope to every connected client."""
        assert self._loop is not None

        async def send() -> None:
            for ws in list(self._sockets):
                await ws.send_str(json.dumps(envelope))

        asyncio.run_coroutine_threadsafe(send(), self._loop).result(10)

    def wait_ack(self, envelope_id: str, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for msg in self.ws_received:
                    if msg.get("envelope_id") == envelope_id:
                        return msg
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("no acknowledgement")
                self._cond.wait(left)
