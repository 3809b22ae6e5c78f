"""What the chat `/add` commands share: who may add, the URLs in a message, and the reply texts."""

from __future__ import annotations

import re

from bot.importer.fetch import FetchError
from bot.importer.pipeline import Imported, describe, import_article
from bot.importer.prepare import PrepareError
from bot.importer.service import ImportFailed
from bot.messages import localized
from bot.settings import Settings

MAX_URLS = 5
URL = re.compile(r"https?://[^\s<>|]+")
TEXTS = {
    "refused": {
        "en": "Sorry, only the bot's administrators can add articles. Ask one of them to add it for you.",
        "de": "Entschuldigung, nur die Administratoren des Bots können Artikel hinzufügen. "
        "Bitten Sie eine von ihnen darum.",
        "zh": "抱歉，只有机器人的管理员可以添加文章。请联系管理员代为添加。",
    },
    "usage": {
        "en": "Send the address of an interview page: {command} https://example.com/interview",
        "de": "Senden Sie die Adresse einer Interview-Seite: {command} https://example.com/interview",
        "zh": "请发送访谈文章的网址：{command} https://example.com/interview",
    },
    "working": {
        "en": "Reading {count} page(s)…",
        "de": "Lese {count} Seite(n)…",
        "zh": "正在读取 {count} 个网页……",
    },
    "failed": {"en": "Not added: {error}", "de": "Nicht hinzugefügt: {error}", "zh": "未添加：{error}"},
}


def text(key: str, lang: str | None, **values: object) -> str:
    """An import-from-chat interface text in the user's language."""
    return localized(TEXTS, key, lang, **values)


def is_admin(settings: Settings, platform: str, user_id: object) -> bool:
    """Whether `platform:user_id` is on ADMIN_USERS."""
    return user_id is not None and f"{platform}:{user_id}" in settings.admins()


def urls_in(message: str) -> list[str]:
    """The http(s) addresses in a message (Slack wraps them as <url> or <url|label>)."""
    return list(dict.fromkeys(u.rstrip(".,;)>") for u in URL.findall(message or "")))[:MAX_URLS]


def import_urls(urls: list[str], settings: Settings, lang: str | None = None) -> str:
    """Import each URL (blocking: run it off the event loop) and report what happened, one line each."""
    lines = []
    for url in urls:
        try:
            item: Imported = import_article(url, settings)
        except (FetchError, PrepareError, ImportFailed) as exc:
            lines.append("✗ " + text("failed", lang, error=exc))
            continue
        mark = "•" if item.stored.status == "duplicate" else "✓"
        lines.append(f"{mark} {describe(item)}")
    return "\n".join(lines)
