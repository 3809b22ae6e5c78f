"""Button ids and values. Paging and sharing buttons carry the id of the saved question (bot.db.chat_state,
as on Telegram) and an offset; passage buttons carry the passage id."""

from __future__ import annotations

import json
import re
from typing import Any

MORE = "ib_more"  # value: {"q": saved question id, "o": next offset}
SHARE = "ib_share"  # value: {"q": saved question id, "o": offset of the shown page}
CONTEXT = "ib_context"  # value: passage id
VERSIONS = "ib_versions"  # value: passage id

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
