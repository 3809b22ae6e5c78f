"""What the chat `/add` commands share: who may add, the URLs in a message, the import report."""

from __future__ import annotations

import re
from collections.abc import Collection

from sqlalchemy.engine import Engine

from bot.answer.texts import IMPORT, localized
from bot.importer.fetch import FetchError
from bot.importer.pipeline import Imported, describe, import_article
from bot.importer.prepare import PrepareError
from bot.importer.storing import ImportFailed

MAX_URLS = 5
URL = re.compile(r"https?://[^\s<>|]+")
def text(key: str, lang: str | None, **values: object) -> str:
    """An import-from-chat interface text in the user's language."""
    return localized(IMPORT, key, lang, **values)


def is_admin(admins: Collection[str], platform: str, user_id: object) -> bool:
    """Whether `platform:user_id` is one of `admins` (ADMIN_USERS)."""
    return user_id is not None and f"{platform}:{user_id}" in admins


def urls_in(message: str) -> list[str]:
    """The http(s) addresses in a message (Slack wraps them as <url> or <url|label>)."""
    return list(dict.fromkeys(u.rstrip(".,;)>") for u in URL.findall(message or "")))[:MAX_URLS]


def import_urls(urls: list[str], engine: Engine, lang: str | None = None) -> str:
    """Import each URL (blocking: run it off the event loop) and report what happened, one line each."""
    lines = []
    for url in urls:
        try:
            item: Imported = import_article(url, engine)
        except (FetchError, PrepareError, ImportFailed) as exc:
            lines.append("✗ " + text("failed", lang, error=exc))
            continue
        mark = "•" if item.stored.status == "duplicate" else "✓"
        lines.append(f"{mark} {describe(item)}")
    return "\n".join(lines)
