"""Button ids and values. Everything an action needs travels in the button's value (stateless)."""

from __future__ import annotations

import json
import re
from typing import Any

MORE = "ib_more"  # value: {"q": question (mrkdwn-escaped), "o": next offset}
SHARE = "ib_share"  # value: {"q": question, "o": offset of the shown page}
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


def page_value(question: str, offset: int) -> str | None:
    """The value of a paging/sharing button, or None when it would not fit in 2000 characters.

    The question is stored escaped, so no copy of a user's `<!channel>` sits anywhere in a message.
    """
    value = json.dumps({"q": _escape(question), "o": offset}, ensure_ascii=False, separators=(",", ":"))
    return value if len(value) <= MAX_VALUE else None


def parse_page(value: str | None) -> tuple[str, int] | None:
    """(question, offset) from a paging value, or None if it is not one."""
    try:
        data = json.loads(value or "")
        question, offset = data["q"], int(data["o"])
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(question, str) or not 0 <= offset <= 1000:
        return None
    return _unescape(question), offset


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
