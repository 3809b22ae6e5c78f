"""Texts of the daily-quote commands (subscribe, unsubscribe, subscription) in zh, de and en."""

from __future__ import annotations

import datetime as dt

from bot.messages import localized, ui_language

TEXTS: dict[str, dict[str, str]] = {
    "cmd_subscribe": {"en": "Daily quote: /subscribe [HH:MM] [time zone]",
                      "zh": "订阅每日引语：/subscribe [时:分] [时区]",
                      "de": "Tägliches Zitat: /subscribe [HH:MM] [Zeitzone]"},
    "cmd_unsubscribe": {"en": "Stop the daily quote", "zh": "取消每日引语", "de": "Tägliches Zitat abbestellen"},
    "cmd_subscription": {"en": "Show the daily quote settings", "zh": "查看每日引语设置",
                         "de": "Einstellungen des täglichen Zitats"},
    "subscribed": {
        "en": "Subscribed: a quote from the interviews every day at {time} ({zone}).\nNext post: {next}.",
        "zh": "已订阅：每天 {time}（{zone}）发送一句访谈引语。\n下一次：{next}。",
        "de": "Abonniert: jeden Tag um {time} ({zone}) ein Zitat aus den Interviews.\nNächster Beitrag: {next}.",
    },
    "filters": {"en": "Only: {filters}.", "zh": "仅限：{filters}。", "de": "Nur: {filters}."},
    "status": {
        "en": "Daily quote at {time} ({zone}).\nNext post: {next}.",
        "zh": "每日引语：每天 {time}（{zone}）。\n下一次：{next}。",
        "de": "Tägliches Zitat um {time} ({zone}).\nNächster Beitrag: {next}.",
    },
    "paused": {
        "en": "The daily quote is paused ({reason}). Send /subscribe to resume.",
        "zh": "每日引语已暂停（{reason}）。发送 /subscribe 恢复。",
        "de": "Das tägliche Zitat ist pausiert ({reason}). Mit /subscribe geht es weiter.",
    },
    "not_subscribed": {
        "en": "This chat has no daily quote. Send /subscribe [HH:MM] [time zone], e.g. /subscribe 08:30 Europe/Berlin",
        "zh": "此聊天未订阅每日引语。发送 /subscribe [时:分] [时区]，例如：/subscribe 08:30 Asia/Shanghai",
        "de": "Dieser Chat hat kein tägliches Zitat. Senden Sie /subscribe [HH:MM] [Zeitzone], "
              "z. B. /subscribe 08:30 Europe/Berlin",
    },
    "unsubscribed": {
        "en": "Unsubscribed. No more daily quotes here.",
        "zh": "已取消订阅，这里不会再收到每日引语。",
        "de": "Abbestellt. Hier kommen keine täglichen Zitate mehr.",
    },
    "bad_schedule": {
        "en": "{error}\nUsage: /subscribe [HH:MM] [time zone], e.g. /subscribe 08:30 Europe/Berlin",
        "zh": "{error}\n用法：/subscribe [时:分] [时区]，例如：/subscribe 08:30 Asia/Shanghai",
        "de": "{error}\nSo geht es: /subscribe [HH:MM] [Zeitzone], z. B. /subscribe 08:30 Europe/Berlin",
    },
    "usage": {
        "en": "Usage: /subscribe [HH:MM] [time zone], /unsubscribe, /subscription, /today",
        "zh": "用法：/subscribe [时:分] [时区]、/unsubscribe、/subscription、/today",
        "de": "So geht es: /subscribe [HH:MM] [Zeitzone], /unsubscribe, /subscription, /today",
    },
    "no_quotes": {
        "en": "No quote matches these filters.",
        "zh": "没有符合这些条件的引语。",
        "de": "Kein Zitat passt zu diesen Filtern.",
    },
    "admins_only": {
        "en": "Only the group's admins can change its daily quote.",
        "zh": "只有群管理员可以更改本群的每日引语。",
        "de": "Nur die Admins der Gruppe können ihr tägliches Zitat ändern.",
    },
    "now": {"en": "in a moment", "zh": "马上", "de": "gleich"},
    "read_full": {"en": "Read the full answer", "zh": "阅读完整回答", "de": "Ganze Antwort lesen"},
    "open_article": {"en": "Open the article", "zh": "打开原文", "de": "Artikel öffnen"},
}

REASONS = {"unsubscribed": {"en": "unsubscribed", "zh": "已取消订阅", "de": "abbestellt"}}


def text(key: str, lang: str | None = None, **values: object) -> str:
    """A quote-of-the-day interface text in the user's language."""
    return localized(TEXTS, key, lang, **values)


def reason(value: str | None, lang: str | None) -> str:
    value = value or "paused"
    return REASONS.get(value, {}).get(ui_language(lang), value)


def when(moment: dt.datetime, now: dt.datetime, lang: str | None) -> str:
    """'2026-11-23 09:00 CET' (or 'in a moment' when it is due now)."""
    if moment <= now + dt.timedelta(seconds=59):
        return f"{text('now', lang)} ({moment.strftime('%Y-%m-%d %H:%M %Z')})"
    return moment.strftime("%Y-%m-%d %H:%M %Z")
