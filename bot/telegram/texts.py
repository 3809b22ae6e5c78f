"""Telegram-only interface texts in the bot's languages (shared texts live in bot.messages)."""

from __future__ import annotations

from bot.messages import localized

TEXTS: dict[str, dict[str, str]] = {
    "cmd_ask": {"en": "Ask a question about the interviews", "zh": "就这些访谈提问",
                "de": "Eine Frage zu den Interviews stellen"},
    "cmd_quote": {"en": "A random quote", "zh": "随机一句引语", "de": "Ein zufälliges Zitat"},
    "cmd_today": {"en": "The quote of the day", "zh": "今日引语", "de": "Das Zitat des Tages"},
    "cmd_sources": {"en": "The articles I quote from", "zh": "我引用的文章",
                    "de": "Die Artikel, aus denen ich zitiere"},
    "cmd_help": {"en": "What I can do", "zh": "我能做什么", "de": "Was ich kann"},
    "commands_title": {"en": "Commands:", "zh": "命令：", "de": "Befehle:"},
    "ask_usage": {
        "en": "Write your question after /ask, for example: /ask {example}",
        "zh": "请在 /ask 后面写上问题，例如：/ask {example}",
        "de": "Schreiben Sie die Frage hinter /ask, zum Beispiel: /ask {example}",
    },
    "groups_hint": {
        "en": "In groups, use /ask QUESTION, mention me, or reply to one of my messages.",
        "zh": "在群组里，请用 /ask 问题、提及我，或回复我的消息。",
        "de": "In Gruppen: /ask FRAGE, erwähnen Sie mich oder antworten Sie auf eine meiner Nachrichten.",
    },
    "inline_hint": {
        "en": "You can also type @{bot} and a question in any chat.",
        "zh": "在任何聊天中输入 @{bot} 加上问题，也可以搜索引语。",
        "de": "In jedem Chat können Sie auch @{bot} und eine Frage eingeben.",
    },
    "random_quote": {"en": "A random quote", "zh": "随机引语", "de": "Ein zufälliges Zitat"},
    "unavailable": {
        "en": "This is not available right now. Please try again later.",
        "zh": "这个功能暂时不可用，请稍后再试。",
        "de": "Das ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.",
    },
    "expired": {
        "en": "This button no longer works. Please ask again.",
        "zh": "这个按钮已失效，请重新提问。",
        "de": "Diese Schaltfläche funktioniert nicht mehr. Bitte fragen Sie erneut.",
    },
    "no_more": {"en": "No more results.", "zh": "没有更多结果了。", "de": "Keine weiteren Ergebnisse."},
    "versions_title": {"en": "Other versions", "zh": "其他版本", "de": "Andere Fassungen"},
    "results_for": {"en": "More results for", "zh": "更多结果：", "de": "Weitere Ergebnisse zu"},
}


def text(key: str, lang: str | None = None, **values: object) -> str:
    """A Telegram interface text in the user's language."""
    return localized(TEXTS, key, lang, **values)
