"""A fake Telegram Bot API server (aiohttp, 127.0.0.1, ephemeral port) and builders for updates.

It speaks `{url}/bot<token>/<method>` like api.telegram.org: form-encoded parameters (non-strings
JSON-encoded), `{"ok": true, "result": ...}` answers, long-polled getUpdates. sendMessage and friends
are checked like Telegram does (HTML parse mode, 4096 characters, 100 entities, 64-byte callback data)
and refused with 400 otherwise. Errors can be injected per method (e.g. 429 with retry_after), and
answers delayed (`slow`: the call is received at once, its answer comes late, as from a slow server).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456789:AAH-fake_token_for_tests_XyZ0123456789"
BOT = {"id": 123456789, "is_bot": True, "first_name": "Interview Bot", "username": "InterviewTestBot",
       "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}
USER = {"id": 4242, "is_bot": False, "first_name": "Ada", "language_code": "en"}
JSON_FIELDS = {"reply_markup", "results", "commands", "entities", "reply_parameters", "link_preview_options",
               "allowed_updates", "input_message_content", "button", "scope", "chat_id", "offset", "limit",
               "timeout", "cache_time", "is_personal", "show_alert", "message_id", "disable_notification", "result"}

# -- Telegram HTML ----------------------------------------------------------------------------------
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote",
                "tg-spoiler", "span", "tg-emoji"}
TOKEN_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>|<|>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|&")
NAMED = {"lt", "gt", "amp", "quot"}


class HTMLError(ValueError):
    pass


def parse_html(text: str) -> tuple[str, int]:
    """Check `text` as Telegram HTML; return (visible text, number of entities). Raises HTMLError."""
    stack: list[str] = []
    entities = 0
    plain: list[str] = []
    pos = 0
    for m in TOKEN_RE.finditer(text):
        plain.append(text[pos:m.start()])
        pos = m.end()
        token = m.group()
        if m.group(2):
            closing, tag, attrs = m.group(1) == "/", m.group(2).lower(), m.group(3).strip()
            if tag not in ALLOWED_TAGS:
                raise HTMLError(f"unsupported start tag {tag!r}")
            if closing:
                if not stack or stack[-1] != tag:
                    raise HTMLError(f"unexpected end tag {tag!r}")
                stack.pop()
                continue
            if tag == "a" and not re.fullmatch(r'href="[^"<>]*"', attrs):
                raise HTMLError(f"bad <a> attributes {attrs!r}")
            if tag == "blockquote" and attrs not in ("", "expandable"):
                raise HTMLError(f"bad <blockquote> attributes {attrs!r}")
            if tag == "blockquote" and "blockquote" in stack:
                raise HTMLError("nested blockquote")
            if tag not in ("a", "blockquote", "span", "tg-emoji", "pre", "code") and attrs:
                raise HTMLError(f"attributes on <{tag}>")
            stack.append(tag)
            entities += 1
        elif token in ("<", ">"):
            raise HTMLError(f"unescaped {token!r} at {m.start()}")
        elif token == "&":
            raise HTMLError(f"unescaped '&' at {m.start()}")
        else:
            name = m.group(4)
            if not name.startswith("#") and name not in NAMED:
                raise HTMLError(f"unsupported entity &{name};")
            plain.append(html.unescape(token))
    plain.append(text[pos:])
    if stack:
        raise HTMLError(f"unclosed tags {stack}")
    return "".join(plain), entities


def utf16_len(value: str) -> int:
    return len(value.encode("utf-16-le")) // 2


def check_message_html(text: str) -> str:
    """The visible text of a message; HTMLError when it would not parse or exceeds Telegram's limits."""
    visible, entities = parse_html(text)
    if not visible.strip():
        raise HTMLError("message text is empty")
    if utf16_len(visible.strip()) > 4096:
        raise HTMLError("message is too long")
    if entities > 100:
        raise HTMLError(f"too many entities: {entities}")
    return visible


def check_markup(markup: Any) -> None:
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise HTMLError("BUTTON_DATA_INVALID")
            chosen = button.get("switch_inline_query_chosen_chat")
            if chosen is not None and (len(chosen.get("query", "")) > 256 or not any(
                    chosen.get(f"allow_{kind}_chats") for kind in ("user", "bot", "group", "channel"))):
                raise HTMLError("BUTTON_TYPE_INVALID")
            if not button.get("text"):
                raise HTMLError("button text is empty")


def check_result(r: dict[str, Any]) -> None:
    """An inline result (answerInlineQuery, answerGuestQuery) as Telegram checks it."""
    if not 1 <= len(r["id"].encode()) <= 64 or not r.get("title"):
        raise HTMLError("RESULT_ID_INVALID")
    content = r["input_message_content"]
    if content.get("parse_mode") == "HTML":
        check_message_html(content["message_text"])
    check_markup(r.get("reply_markup"))


# -- the server ---------------------------------------------------------------------------------------
@dataclass
class Call:
    method: str
    params: dict[str, Any]


@dataclass
class FakeBotAPI:
    token: str = TOKEN
    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[str, list[tuple[int, dict[str, Any], int | None]]] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    requested_paths: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (method, description) of refused calls
    sent: list[dict[str, Any]] = field(default_factory=list)  # messages the bot sent, as Telegram returns them
    url: str = ""
    delays: dict[str, list[float]] = field(default_factory=dict)  # seconds before answering, per method
    polled_for: list[str] | None = None  # the allowed_updates of the last getUpdates

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    # -- driving ---------------------------------------------------------------------------------
    async def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates (an update_id is assigned)."""
        update = {"update_id": next(self._ids), **update}
        for key in ("message", "edited_message"):
            if key in update:
                self.chats[update[key]["chat"]["id"]] = update[key]["chat"]
        async with self._changed:
            self.updates.append(update)
            self._changed.notify_all()
        return update

    def fail(self, method: str, status: int, description: str, times: int = 1, chat_id: int | None = None,
             **parameters: Any) -> None:
        """Answer the next `times` calls of `method` (with `chat_id`: only those to that chat) with an error."""
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        self.failures.setdefault(method, []).extend([(status, body, chat_id)] * times)

    def _failure(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        """The injected error for this call, if any (taken off the list)."""
        queue = self.failures.get(method) or []
        for i, (status, body, chat_id) in enumerate(queue):
            if chat_id is None or str(params.get("chat_id")) == str(chat_id):
                del queue[i]
                return status, body
        return None

    def slow(self, method: str, seconds: float, times: int = 1) -> None:
        """Answer the next `times` calls of `method` only after `seconds` (they are carried out at once)."""
        self.delays.setdefault(method, []).extend([seconds] * times)

    def called(self, method: str) -> list[dict[str, Any]]:
        return [c.params for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 15) -> list[dict[str, Any]]:
        """Wait until `method` has been called `count` times; return those calls' parameters."""
        deadline = time.monotonic() + timeout
        async with self._changed:
            while len(self.called(method)) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{method} called {len(self.called(method))} times, wanted {count}; "
                                         f"calls: {[c.method for c in self.calls]}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), left)
        return self.called(method)[:count]

    # -- HTTP --------------------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        self.requested_paths.append(request.path)
        m = re.fullmatch(r"/bot([^/]+)/(\w+)", request.path)
        if not m:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        token, method = m.groups()
        if token != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        params = await self._params(request)
        if method == "getUpdates" and "allowed_updates" in params:
            allowed = params["allowed_updates"]
            self.polled_for = json.loads(allowed) if isinstance(allowed, str) else allowed
        if method != "getUpdates":
            async with self._changed:
                self.calls.append(Call(method, params))
                self._changed.notify_all()
        if self.delays.get(method):
            await asyncio.sleep(self.delays[method].pop(0))
        failure = self._failure(method, params)
        if failure is not None:
            status, body = failure
            return web.json_response(body, status=status)
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found: method not found"},
                                     status=404)
        try:
            result = await handler(params)
        except HTMLError as exc:
            self.errors.append((method, str(exc)))
            return web.json_response({"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"},
                                     status=400)
        return web.json_response({"ok": True, "result": result})

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return await request.json()
        form = await request.post() if request.can_read_body else {}
        params: dict[str, Any] = dict(request.query)
        for key, value in form.items():
            if isinstance(value, str) and key in JSON_FIELDS:
                try:
                    params[key] = json.loads(value)
                    continue
                except ValueError:
                    pass
            params[key] = value
        return params

    # -- methods -----------------------------------------------------------------------------------
    async def api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return BOT

    async def api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + timeout
        async with self._changed:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates and time.monotonic() < deadline:
                try:
                    await asyncio.wait_for(self._changed.wait(), deadline - time.monotonic())
                except TimeoutError:
                    break
            return list(self.updates[: int(params.get("limit") or 100)])

    async def api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        return True

    async def api_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = params
        return True

    async def api_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}

    async def api_setMyCommands(self, params: dict[str, Any]) -> bool:
        for c in params["commands"]:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", c["command"]) or not 1 <= len(c["description"]) <= 256:
                raise HTMLError(f"BOT_COMMAND_INVALID {c}")
        return True

    async def api_deleteMyCommands(self, params: dict[str, Any]) -> bool:
        return True

    async def api_sendChatAction(self, params: dict[str, Any]) -> bool:
        return True

    async def api_close(self, params: dict[str, Any]) -> bool:
        return True

    def _message(self, params: dict[str, Any], visible: str) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat = self.chats.get(chat_id, {"id": chat_id, "type": "private", "first_name": "Ada"})
        msg = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat, "from": BOT,
               "text": visible}
        if params.get("reply_markup"):
            msg["reply_markup"] = params["reply_markup"]
        self.sent.append(msg)
        return msg

    def _check_text(self, params: dict[str, Any]) -> str:
        text = params.get("text", "")
        if params.get("parse_mode") == "HTML":
            visible = check_message_html(text)
        else:
            visible = text
            if not text.strip() or utf16_len(text) > 4096:
                raise HTMLError("message text is empty or too long")
        check_markup(params.get("reply_markup"))
        return visible

    async def api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        if "chat_id" not in params:
            raise HTMLError("chat_id is empty")
        return self._message(params, self._check_text(params))

    async def api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        visible = self._check_text(params)
        return True if "inline_message_id" in params else self._message(params, visible)

    async def api_editMessageReplyMarkup(self, params: dict[str, Any]) -> bool:
        check_markup(params.get("reply_markup"))
        return True

    async def api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        if len(params.get("text") or "") > 200:
            raise HTMLError("MESSAGE_TOO_LONG")
        return True

    async def api_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        results = params.get("results") or []
        if len(results) > 50:
            raise HTMLError("RESULTS_TOO_MUCH")
        if len({r["id"] for r in results}) != len(results):
            raise HTMLError("RESULT_ID_DUPLICATE")
        for r in results:
            check_result(r)
        return True

    async def api_answerGuestQuery(self, params: dict[str, Any]) -> dict[str, Any]:
        """Bot API 10.0: one inline result posted as the bot's answer to a guest query."""
        if not params.get("guest_query_id") or not isinstance(params.get("result"), dict):
            raise HTMLError("QUERY_ID_INVALID")
        check_result(params["result"])
        return {"inline_message_id": f"guest-{params['guest_query_id']}"}

    async def api_setMessageReaction(self, params: dict[str, Any]) -> bool:
        return True


# -- updates ------------------------------------------------------------------------------------------
_ids = itertools.count(1)


def entities_for(text: str) -> list[dict[str, Any]]:
    """The entities Telegram would detect: a leading /command and @mentions (offsets in UTF-16)."""
    found = []
    m = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
    if m:
        found.append({"type": "bot_command", "offset": 0, "length": utf16_len(m.group())})
    for m in re.finditer(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}\b", text):
        found.append({"type": "mention", "offset": utf16_len(text[:m.start()]), "length": utf16_len(m.group())})
    return found


def chat(kind: str = "private", chat_id: int | None = None) -> dict[str, Any]:
    if kind == "private":
        return {"id": chat_id or USER["id"], "type": "private", "first_name": USER["first_name"]}
    return {"id": chat_id or -100123, "type": kind, "title": "Test group"}


def message(text: str | None = None, kind: str = "private", language: str = "en", edited: bool = False,
            reply_to: dict[str, Any] | None = None, chat_id: int | None = None, entities: bool = True,
            **extra: Any) -> dict[str, Any]:
    """An update carrying a (possibly edited) message from a user (`entities=False`: without the
    entities Telegram would add, as a careless client or fake might send it)."""
    msg: dict[str, Any] = {"message_id": next(_ids), "date": int(time.time()), "chat": chat(kind, chat_id),
                           "from": {**USER, "language_code": language}, **extra}
    if text is not None:
        msg["text"] = text
        if entities and entities_for(text):
            msg["entities"] = entities_for(text)
    if reply_to is not None:
        msg["reply_to_message"] = reply_to
    if edited:
        msg["edit_date"] = msg["date"] + 1
        return {"edited_message": msg}
    return {"message": msg}


def sticker(kind: str = "private") -> dict[str, Any]:
    return message(kind=kind, sticker={"file_id": "S1", "file_unique_id": "s1", "type": "regular", "width": 512,
                                       "height": 512, "is_animated": False, "is_video": False, "emoji": "😀"})


def photo(kind: str = "private") -> dict[str, Any]:
    return message(kind=kind, photo=[{"file_id": "P1", "file_unique_id": "p1", "width": 90, "height": 90}])


def callback(data: str, sent: dict[str, Any], language: str = "en") -> dict[str, Any]:
    """A press on a button of a message the bot sent (`sent` as returned by sendMessage)."""
    return {"callback_query": {"id": str(next(_ids)), "from": {**USER, "language_code": language},
                               "chat_instance": "ci-1", "data": data, "message": sent}}


def inline(query: str, offset: str = "", language: str = "en") -> dict[str, Any]:
    return {"inline_query": {"id": str(next(_ids)), "from": {**USER, "language_code": language}, "query": query,
                             "offset": offset}}


def guest(text: str | None, kind: str = "supergroup", language: str = "en", chat_id: int | None = None,
          **extra: Any) -> dict[str, Any]:
    """A guest message (Bot API 10.0): the bot summoned into a chat it is not a member of."""
    update = message(text, kind=kind, language=language, chat_id=chat_id or -100777, **extra)
    return {"guest_message": {**update["message"], "guest_query_id": f"gq-{next(_ids)}"}}


def reaction(sent: dict[str, Any], new: list[str], old: list[str] | None = None, user: dict[str, Any] | None = None,
             ) -> dict[str, Any]:
    """A change of one user's reactions (emoji) to a message the bot sent (`sent` as returned by sendMessage)."""
    def emoji(values: list[str]) -> list[dict[str, str]]:
        return [{"type": "emoji", "emoji": e} for e in values]

    return {"message_reaction": {"chat": sent["chat"], "message_id": sent["message_id"], "user": user or USER,
                                 "date": int(time.time()), "old_reaction": emoji(old or []),
                                 "new_reaction": emoji(new)}}


def bot_message(chat_kind: str = "supergroup", text: str = "an earlier answer") -> dict[str, Any]:
    """A message the bot sent earlier (to reply to)."""
    return {"message_id": next(_ids), "date": int(time.time()), "chat": chat(chat_kind), "from": BOT, "text": text}


# -- checks on what the bot sent -----------------------------------------------------------------------
def blockquotes(text: str) -> list[str]:
    """The visible text of each blockquote of an HTML message."""
    return [parse_html(inner)[0] for inner in re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", text, re.S)]


def links(text: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<a href="([^"]*)">', text)]


def assert_verbatim(text: str, passages: list[str]) -> int:
    """Every blockquote of `text` is an exact excerpt of one of `passages`; returns how many there are."""
    quotes = blockquotes(text)
    for q in quotes:
        assert any(q in p for p in passages), f"not a verbatim excerpt: {q[:80]!r}"
    return len(quotes)


# -- the real Application against this server --------------------------------------------------------
def make_context(fake: FakeBotAPI, library: Any, **overrides: Any) -> Any:
    """An AppContext (platform "telegram") answering from `library`, its settings pointing at `fake`."""
    from bot.runtime.context import AppContext
    from bot.runtime.settings import load_settings

    settings = load_settings(telegram_bot_token=fake.token, telegram_api_url=fake.url, **overrides)
    return AppContext(settings, library, platform="telegram")


def make_app(fake: FakeBotAPI, library: Any, extensions: Any = (), answer_cache: int | None = None,
             **overrides: Any) -> Any:
    """build_application() on an AppContext whose settings point at `fake` (`stop` closes it)."""
    from bot.adapters.telegram.application import build_application

    return build_application(make_context(fake, library, **overrides), extensions, answer_cache=answer_cache)


async def start_polling(app: Any) -> None:
    from telegram import Update

    await app.initialize()
    await app.start()
    await app.updater.start_polling(timeout=1, poll_interval=0, allowed_updates=Update.ALL_TYPES)


async def stop(app: Any) -> None:
    """Stop polling and the application, then close its AppContext."""
    if app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await app.shutdown()
    app.bot_data["ctx"].close()


# -- questions the corpus answers ------------------------------------------------------------------------
def question_for(library: Any, lang: str = "zh", more: bool = False, other_language: bool = False,
                 at_least: int = 1, top_k: int = 3) -> str:
    """A question in `lang` that the library answers (with a next page, a quote that has a version in
    another language, at least `at_least` quotes with `top_k`, as asked): a sample question if one
    fits, else the opening words of a passage. Tests use it instead of hard-coding answerable questions."""
    from bot.answer import answerer
    from bot.answer.texts import SAMPLES

    def openings() -> Any:
        for p in library.passages:
            if library.articles[p.article_id].language == lang and p.speaker and len(p.text) > 40:
                yield p.text[:24] if lang.startswith("zh") else " ".join(p.text.split()[:8])

    for question in itertools.chain(SAMPLES.get(lang, ()), openings()):
        reply = answerer.answer(library, question, top_k=top_k)
        if len(reply.quotes) < at_least or (more and not reply.has_more):
            continue
        if other_language and not any(v.article.language != q.article.language for q in reply.quotes
                                      for v in q.also_in):
            continue
        return question
    raise AssertionError(f"no question in {lang} fits (more={more}, other_language={other_language})")
