"""Button ids and values. Paging and sharing buttons carry the id of the saved question (bot.db.chat_state,
as on Telegram) and an offset; passage buttons carry the passage id (and, with machine translation on,
the language wanted). Every value is checked when a button is pressed: anything else is refused."""

from __future__ import annotations

import json
import re
from typing import Any

MORE = "ib_more"  # value: {"q": saved question id, "o": next offset}
SHARE = "ib_share"  # value: {"q": saved question id, "o": offset of the shown page}
CONTEXT = "ib_context"  # value: passage id, or {"p": passage id, "l": language of the translation shown}
VERSIONS = "ib_versions"  # value: passage id
TRANSLATE = "ib_translate"  # value: {"p": passage id, "s": language of the translation shown or "", "u": ui}
TRANSLATION = "ib_translation"  # value: {"p": passage id, "l": target, "t": thread ts or "", "e": ephemeral, "u": ui}

LANGUAGES = ("zh", "zh-Hant", "de", "en")  # the machine translation targets a button may name
UI_LANGUAGES = ("zh", "de", "en")  # the answer's interface language, kept for what the button shows

MAX_VALUE = 2000
MAX_TEXT = 75

_counter = 0


def pattern(action: str) -> re.Pattern[str]:
    """Matches `action` and its numbered variants (action ids must be unique within a block)."""
    return re.compile(rf"^{action}(?:_\d+)?$")


def button(text: str, action: str, value: str, style: str | None = None) -> dict[str, Any]:
    """A Block Kit button; the action id gets a suffix so two buttons never share one."""
    global _counter
    _counter = (_counter + 1) % 1_000_000
    out: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": text[:MAX_TEXT], "emoji": True},
        "action_id": f"{action}_{_counter}",
        "value": value[:MAX_VALUE],
    }
    if style:
        out["style"] = style
    return out


def page_value(query_id: int, offset: int) -> str:
    """The value of a paging/sharing button: the saved question's id and the page's offset."""
    return json.dumps({"q": query_id, "o": offset}, separators=(",", ":"))


def parse_page(value: str | None) -> tuple[int, int] | None:
    """(saved question id, offset) from a paging value, or None if it is not one."""
    try:
        data = json.loads(value or "")
        query_id, offset = data["q"], data["o"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(query_id, int) or not isinstance(offset, int) or query_id < 0 or not 0 <= offset <= 1000:
        return None
    return query_id, offset


def _json(value: str) -> dict[str, Any]:
    try:
        data = json.loads(value)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _passage(data: dict[str, Any]) -> str | None:
    pid = data.get("p")
    return pid if isinstance(pid, str) and 0 < len(pid) <= 500 else None


def context_value(passage_id: str, translated: str | None = None) -> str:
    """A full-passage button: the passage id (as before) or, when a translation is shown with the quote,
    also its language (the view then shows the whole translation)."""
    if translated is None:
        return passage_id
    return json.dumps({"p": passage_id, "l": translated}, separators=(",", ":"))


def parse_context(value: str | None) -> tuple[str, str | None]:
    """(passage id, language of the translation to show or None) from a full-passage button."""
    value = value or ""
    if not value.startswith("{"):
        return value, None
    data = _json(value)
    lang = data.get("l")
    return _passage(data) or "", lang if lang in LANGUAGES else None


def _ui(data: dict[str, Any]) -> str:
    ui = data.get("u")
    return ui if ui in UI_LANGUAGES else "en"


def translate_value(passage_id: str, shown: str | None, ui: str) -> str:
    return json.dumps({"p": passage_id, "s": shown or "", "u": ui}, separators=(",", ":"))


def parse_translate(value: str | None) -> tuple[str, str | None, str] | None:
    """(passage id, language already shown or None, interface language) from a Translate button, or None if
    it is not one."""
    data = _json(value or "")
    pid, shown = _passage(data), data.get("s")
    if pid is None or not (shown == "" or shown in LANGUAGES):
        return None
    return pid, shown or None, _ui(data)


TS = re.compile(r"^\d{1,12}\.\d{1,8}$")


def translation_value(passage_id: str, lang: str, thread_ts: str | None, ephemeral: bool, ui: str) -> str:
    """A language button of the Translate menu: what to translate, and where the answer was (its thread, or
    only the clicker saw it) and in which interface language."""
    return json.dumps({"p": passage_id, "l": lang, "t": thread_ts or "", "e": int(ephemeral), "u": ui},
                      separators=(",", ":"))


def parse_translation(value: str | None) -> tuple[str, str, str | None, bool, str] | None:
    """(passage id, target language, thread ts or None, ephemeral, interface language) from a language
    button, or None."""
    data = _json(value or "")
    pid, lang, thread, ephemeral = _passage(data), data.get("l"), data.get("t"), data.get("e")
    if pid is None or lang not in LANGUAGES or not isinstance(thread, str) or ephemeral not in (0, 1):
        return None
    if thread and not TS.match(thread):
        return None
    return pid, lang, thread or None, bool(ephemeral), _ui(data)
