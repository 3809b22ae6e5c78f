"""Button ids and values. Paging and sharing buttons carry the id of the saved question (bot.db.chat_state,
as on Telegram) and an offset; passage buttons carry the passage id (and, with machine translation on,
the language wanted). Every value is checked when a button is pressed: anything else is refused."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

MAX_ID = 2**31 - 1  # a saved question's id (an INTEGER column): larger ones are forged
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
    if not isinstance(query_id, int) or not isinstance(offset, int) or not 0 <= query_id <= MAX_ID \
            or not 0 <= offset <= 1000:
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


# -- feedback and More like this -------------------------------------------------------------------------
FEEDBACK = "ib_feedback"  # feedback_buttons: {"v": "up"|"down", "k": kind, "p": passage id, "q": question id, "u": ui}
REASON = "ib_reason"  # after 👎, to the clicker: the same and {"r": reason, "c": channel, "m": message ts}
SIMILAR = "ib_similar"  # value: passage id (a daily quote's More like this)

KINDS = {"a": "answer", "d": "daily", "s": "similar"}
KIND_CODES = {kind: code for code, kind in KINDS.items()}
VOTES = ("up", "down")
REASONS = ("wrong_passage", "not_an_answer", "no_match")


@dataclass(frozen=True)
class Feedback:
    """What a feedback or reason button says: the vote, what was voted on (for an answer, the id of its saved
    question, as paging buttons carry it), and where (for a reason, which is clicked on a message of its own)."""

    vote: str
    kind: str  # "answer" | "daily" | "similar"
    passage_id: str
    query_id: int | None
    ui: str
    reason: str | None = None
    channel: str | None = None
    message_ts: str | None = None


def _compact(data: dict[str, Any]) -> str:
    return json.dumps(data, separators=(",", ":"))


def feedback_value(vote: str, kind: str, passage_id: str, query_id: int | None, ui: str) -> str:
    data: dict[str, Any] = {"v": vote, "k": KIND_CODES[kind], "p": passage_id, "u": ui}
    if kind == "answer":
        data["q"] = query_id
    return _compact(data)


def reason_value(f: Feedback, reason: str, channel: str, message_ts: str) -> str:
    data: dict[str, Any] = {"r": reason, "k": KIND_CODES[f.kind], "p": f.passage_id, "u": f.ui, "c": channel,
                            "m": message_ts}
    if f.kind == "answer":
        data["q"] = f.query_id
    return _compact(data)


def _feedback_common(data: dict[str, Any]) -> tuple[str, str, int | None, str] | None:
    pid, kind, query_id = _passage(data), KINDS.get(str(data.get("k"))), data.get("q")
    if pid is None or kind is None:
        return None
    if kind == "answer" and not (isinstance(query_id, int) and not isinstance(query_id, bool)
                                 and 0 <= query_id <= MAX_ID):
        return None
    return pid, kind, query_id if kind == "answer" else None, _ui(data)


def parse_feedback(value: str | None) -> Feedback | None:
    """A feedback button's value, or None when it is not one this bot makes."""
    data = _json(value or "")
    common = _feedback_common(data)
    if common is None or data.get("v") not in VOTES:
        return None
    return Feedback(data["v"], common[1], common[0], common[2], common[3])


def parse_reason(value: str | None) -> Feedback | None:
    """A reason button's value (a 👎 with that reason), or None."""
    data = _json(value or "")
    common = _feedback_common(data)
    channel, ts = data.get("c"), data.get("m")
    if common is None or data.get("r") not in REASONS or not isinstance(channel, str) or not channel \
            or len(channel) > 64 or not isinstance(ts, str) or (ts and not TS.match(ts)):
        return None
    return Feedback("down", common[1], common[0], common[2], common[3], data["r"], channel, ts)


def feedback_block(kind: str, passage_id: str, query_id: int | None, ui: str,
                   labels: tuple[str, str]) -> dict[str, Any]:
    """A context_actions block with Slack's feedback buttons (👍/👎) for one quote; `labels` are the
    buttons' accessibility labels."""
    from slack_sdk.models.blocks import ContextActionsBlock, FeedbackButtonObject, FeedbackButtonsElement

    global _counter
    _counter = (_counter + 1) % 1_000_000
    element = FeedbackButtonsElement(
        action_id=f"{FEEDBACK}_{_counter}",
        positive_button=FeedbackButtonObject(text="👍", accessibility_label=labels[0][:MAX_TEXT],
                                             value=feedback_value("up", kind, passage_id, query_id, ui)),
        negative_button=FeedbackButtonObject(text="👎", accessibility_label=labels[1][:MAX_TEXT],
                                             value=feedback_value("down", kind, passage_id, query_id, ui)),
    )
    return ContextActionsBlock(elements=[element]).to_dict()
