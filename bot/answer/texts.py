"""Every user-facing text in the bot's languages (Chinese, German, English), and the UI language rule.

MESSAGES are shared by every adapter; TELEGRAM, SLACK, DAILY and IMPORT hold the texts only one
surface shows. `localized(table, key, lang)` looks a key up in a table (falling back to MESSAGES).
"""

from __future__ import annotations

import datetime as dt

MESSAGES: dict[str, dict[str, str]] = {
    "empty": {
        "zh": "请输入一个问题，例如：{example}",
        "de": "Bitte stellen Sie eine Frage, zum Beispiel: {example}",
        "en": "Please ask a question, for example: {example}",
    },
    "too_long": {
        "zh": "问题太长了（{length} 个字符）。请用不超过 {limit} 个字符提问。",
        "de": "Die Frage ist zu lang ({length} Zeichen). Bitte fragen Sie in höchstens {limit} Zeichen.",
        "en": "That question is too long ({length} characters). Please ask in at most {limit} characters.",
    },
    "no_words": {
        "zh": "这条消息里没有可以搜索的词。请用中文、德语或英语提问，例如：{example}",
        "de": "Ich finde in dieser Nachricht keine Wörter zum Suchen. Fragen Sie auf Deutsch, Chinesisch "
        "oder Englisch, zum Beispiel: {example}",
        "en": "I found no words to search for in that message. Please ask in English, Chinese or German, "
        "for example: {example}",
    },
    "no_match": {
        "zh": "访谈里没有找到能回答这个问题的段落。这些访谈谈到了：{topics}。",
        "de": "In den Interviews habe ich keine Passage gefunden, die das beantwortet. "
        "Sie behandeln: {topics}.",
        "en": "I found no passage in the interviews that answers this. They cover: {topics}.",
    },
    "no_match_scoped": {
        "zh": "在这个聊天的范围（{scope}）内没有找到能回答这个问题的段落。",
        "de": "Im Bereich dieses Chats ({scope}) habe ich keine Passage gefunden, die das beantwortet.",
        "en": "I found no passage within this chat's scope ({scope}) that answers this.",
    },
    "error": {
        "zh": "抱歉，出了点问题，请稍后再试。",
        "de": "Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.",
        "en": "Sorry, something went wrong. Please try again in a moment.",
    },
    "intro": {
        "zh": "我用受访者的原话回答关于这些访谈的问题，并附上原文链接。直接提问即可。",
        "de": "Ich beantworte Fragen zu diesen Interviews mit wörtlichen Zitaten der Befragten und "
        "einem Link zum Originalartikel. Stellen Sie einfach eine Frage.",
        "en": "I answer questions about these interviews by quoting the interviewees' own words, "
        "with a link to the original article. Just ask.",
    },
    "samples_title": {"zh": "可以这样问：", "de": "Zum Beispiel:", "en": "Try asking:"},
    "sources_title": {"zh": "文章：", "de": "Artikel:", "en": "Articles:"},
    "no_link": {"zh": "原文未提供链接", "de": "ohne Link in der Quelle", "en": "no link given by the source"},
    "also_in": {"zh": "其他版本", "de": "Auch in", "en": "Also in"},
    "question_label": {"zh": "问", "de": "Frage", "en": "Asked"},
    "machine_translation": {"zh": "机器翻译（LibreTranslate）", "de": "Maschinelle Übersetzung (LibreTranslate)",
                            "en": "Machine translation (LibreTranslate)"},
    "translate": {"zh": "翻译", "de": "Übersetzen", "en": "Translate"},
    "translate_into": {"zh": "翻译成：", "de": "Übersetzen in:", "en": "Translate into:"},
    "translation_unavailable": {
        "zh": "暂时无法提供机器翻译，请稍后再试。",
        "de": "Eine maschinelle Übersetzung ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.",
        "en": "No machine translation is available right now. Please try again later.",
    },
    "language_zh": {"zh": "简体中文", "de": "Chinesisch (vereinfacht)", "en": "Chinese (simplified)"},
    "language_zh-Hant": {"zh": "繁体中文", "de": "Chinesisch (traditionell)", "en": "Chinese (traditional)"},
    "language_de": {"zh": "德语", "de": "Deutsch", "en": "German"},
    "language_en": {"zh": "英语", "de": "Englisch", "en": "English"},
    "more": {"zh": "更多结果", "de": "Mehr Ergebnisse", "en": "More results"},
    "context": {"zh": "完整段落", "de": "Ganzer Abschnitt", "en": "Full passage"},
    "quote_of_day": {"zh": "今日引语", "de": "Zitat des Tages", "en": "Quote of the day"},
    "no_versions": {
        "zh": "这段话没有其他版本。",
        "de": "Von diesem Abschnitt gibt es keine andere Fassung.",
        "en": "There is no other version of this passage.",
    },
    "other_language": {"zh": "其他语言版本", "de": "Andere Sprachfassung", "en": "Other language"},
    "unknown_command": {
        "zh": "我不认识这个命令。发送 /help 查看我能做什么。",
        "de": "Diesen Befehl kenne ich nicht. /help zeigt, was ich kann.",
        "en": "I don't know that command. Send /help to see what I can do.",
    },
    "expired": {
        "en": "This button no longer works. Please ask again.",
        "zh": "这个按钮已失效，请重新提问。",
        "de": "Diese Schaltfläche funktioniert nicht mehr. Bitte fragen Sie erneut.",
    },
    "not_text": {
        "zh": "我只能回答文字问题。",
        "de": "Ich kann nur Fragen in Textform beantworten.",
        "en": "I can only answer questions written as text.",
    },
    "feedback_up": {"zh": "有帮助", "de": "Hilfreich", "en": "Helpful"},
    "feedback_down": {"zh": "没帮助", "de": "Nicht hilfreich", "en": "Not helpful"},
    "feedback_thanks": {"zh": "谢谢你的反馈！", "de": "Danke für Ihre Rückmeldung!", "en": "Thanks for your feedback!"},
    "feedback_why": {
        "zh": "谢谢！哪里不对？（可选）",
        "de": "Danke! Was war falsch? (optional)",
        "en": "Thanks! What was wrong? (optional)",
    },
    "feedback_noted": {"zh": "已记录：{reason}。谢谢！", "de": "Notiert: {reason}. Danke!",
                       "en": "Noted: {reason}. Thank you!"},
    "reason_wrong_passage": {"zh": "段落不对", "de": "Falsche Passage", "en": "Wrong passage"},
    "reason_not_an_answer": {"zh": "没有回答问题", "de": "Keine Antwort", "en": "Not an answer"},
    "reason_no_match": {"zh": "应该说没有匹配", "de": "Hätte „kein Treffer“ sagen sollen",
                        "en": "Should have said no match"},
    "more_like_this": {"zh": "更多类似内容", "de": "Mehr davon", "en": "More like this"},
    "more_like_this_title": {"zh": "与这段引语相近的段落", "de": "Ähnliche Passagen zu diesem Zitat",
                             "en": "Passages like this quote"},
    "no_similar": {
        "zh": "访谈里没有与这段引语相近的其他段落。",
        "de": "Andere Passagen, die diesem Zitat ähneln, gibt es in den Interviews nicht.",
        "en": "Nothing else in the interviews is close to this quote.",
    },
}

SAMPLES: dict[str, tuple[str, ...]] = {
    "zh": ("为什么只卖模型的公司会很艰难？", "戈麦斯怎么看合成数据？", "戴雨森认为创业公司的机会在哪里？"),
    "de": ("Warum ist es schwer, nur Modelle zu verkaufen?", "Was sagt Gomez über Datenqualität?",
           "Wie sieht Dai Yusen die Chancen für Start-ups?"),
    "en": ("Why is selling only models a hard business?", "What does Aidan Gomez think about synthetic data?",
           "Where does Dai Yusen see opportunities for startups?"),
}

TOPICS: dict[str, str] = {
    "zh": "Aidan Gomez 谈 Cohere、模型规模、数据、推理、芯片、价格战与机器人；戴雨森谈生成式 AI、创业与投资",
    "de": "Aidan Gomez über Cohere, Skalierung, Daten, Schlussfolgern, Chips, Preiskampf und Robotik; "
    "Dai Yusen über generative KI, Start-ups und Investitionen",
    "en": "Aidan Gomez on Cohere, scaling, data, reasoning, chips, the price war and robotics; "
    "Dai Yusen on generative AI, startups and investing",
}


TELEGRAM: dict[str, dict[str, str]] = {
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
    "no_more": {"en": "No more results.", "zh": "没有更多结果了。", "de": "Keine weiteren Ergebnisse."},
    "versions_title": {"en": "Other versions", "zh": "其他版本", "de": "Andere Fassungen"},
    "results_for": {"en": "More results for", "zh": "更多结果：", "de": "Weitere Ergebnisse zu"},
}

# Telegram: Share buttons, guest mode and reactions as feedback
TELEGRAM |= {
    "share": {"en": "↗ Share", "zh": "↗ 分享", "de": "↗ Teilen"},
    "share_hint": {
        "en": "↗ Share under a quote posts exactly that quote into a chat you pick.",
        "zh": "引语下方的“↗ 分享”会把这段引语原文发到你选择的聊天里。",
        "de": "↗ Teilen unter einem Zitat postet genau dieses Zitat in einen Chat Ihrer Wahl.",
    },
    "guest_hint": {
        "en": "I can also be summoned into chats I am not a member of: write @{bot} and a question there, "
        "and I answer with the best quote.",
        "zh": "我也可以被召唤到我不在的聊天里：在那里输入 @{bot} 加上问题，我会用最合适的引语回答。",
        "de": "Sie können mich auch in Chats rufen, in denen ich nicht Mitglied bin: Schreiben Sie dort @{bot} "
        "und eine Frage, und ich antworte mit dem passendsten Zitat.",
    },
    "reactions_hint": {
        "en": "React with 👍 or 👎 to one of my answers to tell me whether it helped.",
        "zh": "对我的回答点 👍 或 👎 表情，告诉我它是否有帮助。",
        "de": "Reagieren Sie mit 👍 oder 👎 auf eine meiner Antworten, um mir zu sagen, ob sie geholfen hat.",
    },
}

SLACK: dict[str, dict[str, str]] = {
    "share": {"zh": "分享到频道", "de": "Im Kanal teilen", "en": "Share in channel"},
    "gone": {
        "zh": "这段话已不在资料库中。",
        "de": "Diese Passage ist nicht mehr im Bestand.",
        "en": "That passage is no longer in the library.",
    },
    "asked": {"zh": "提问", "de": "Gefragt", "en": "Question"},
    "matched": {"zh": "匹配", "de": "Treffer", "en": "Matched"},
    "commands": {"zh": "命令", "de": "Befehle", "en": "Commands"},
}

DAILY: dict[str, dict[str, str]] = {
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
        "en": "Usage: /subscribe [HH:MM] [time zone], /unsubscribe, /subscription, /today, /history",
        "zh": "用法：/subscribe [时:分] [时区]、/unsubscribe、/subscription、/today、/history",
        "de": "So geht es: /subscribe [HH:MM] [Zeitzone], /unsubscribe, /subscription, /today, /history",
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
    "translate_line": {
        "en": "With a machine translation (LibreTranslate): {language}.",
        "zh": "附机器翻译（LibreTranslate）：{language}。",
        "de": "Mit maschineller Übersetzung (LibreTranslate): {language}.",
    },
    "bad_translate": {
        "en": "Unknown translation language {value!r}: use one of {languages} (or translate=off).",
        "zh": "不支持的翻译语言 {value!r}：请使用 {languages} 之一（或 translate=off）。",
        "de": "Unbekannte Übersetzungssprache {value!r}: möglich sind {languages} (oder translate=off).",
    },
    "translate_off": {
        "en": "Machine translation is not set up for this bot, so translate= cannot be used.",
        "zh": "此机器人未启用机器翻译，无法使用 translate=。",
        "de": "Für diesen Bot ist keine maschinelle Übersetzung eingerichtet; translate= geht daher nicht.",
    },
    "read_full": {"en": "Read the full answer", "zh": "阅读完整回答", "de": "Ganze Antwort lesen"},
    "open_article": {"en": "Open the article", "zh": "打开原文", "de": "Artikel öffnen"},
    "cmd_history": {"en": "The last 10 daily quotes of this chat", "zh": "本聊天最近 10 条每日引语",
                    "de": "Die letzten 10 Tageszitate dieses Chats"},
    "history_title": {"en": "The last daily quotes here:", "zh": "这里最近的每日引语：",
                      "de": "Die letzten Tageszitate hier:"},
    "history_empty": {
        "en": "No daily quote has been posted here yet. Send /subscribe to get one every day.",
        "zh": "这里还没有发过每日引语。发送 /subscribe 即可每天收到一条。",
        "de": "Hier wurde noch kein Tageszitat gepostet. Mit /subscribe kommt jeden Tag eins.",
    },
}

SCOPE: dict[str, dict[str, str]] = {  # /scope (Telegram), /ask scope (Slack): what the bot may quote in a chat
    "cmd_scope": {"en": "What I may quote here (admins)", "zh": "设置本聊天可引用的范围（管理员）",
                  "de": "Was ich hier zitieren darf (Admins)"},
    "none": {"en": "No scope is set here: I quote every interview.", "zh": "这里没有设置范围：我会引用所有访谈。",
             "de": "Hier ist kein Bereich gesetzt: Ich zitiere alle Interviews."},
    "current": {"en": "Here I only quote: {scope}", "zh": "在这里我只引用：{scope}",
                "de": "Hier zitiere ich nur: {scope}"},
    "set": {"en": "Done. Here I now only quote: {scope}", "zh": "已设置。今后在这里我只引用：{scope}",
            "de": "Erledigt. Hier zitiere ich jetzt nur: {scope}"},
    "reset": {"en": "Scope removed: I quote every interview here again.", "zh": "已取消范围：这里将重新引用所有访谈。",
              "de": "Bereich entfernt: Ich zitiere hier wieder alle Interviews."},
    "bad": {"en": "I can't set that scope: {error}.", "zh": "无法设置这个范围：{error}。",
            "de": "Diesen Bereich kann ich nicht setzen: {error}."},
    "admins_only": {"en": "Only the admins of this chat can change what I quote here.",
                    "zh": "只有本聊天的管理员才能更改我在这里引用的范围。",
                    "de": "Nur die Admins dieses Chats können ändern, was ich hier zitiere."},
    "unavailable": {"en": "I can't reach my database right now, so the scope can't be changed. Please try again "
                          "later.", "zh": "暂时无法连接数据库，范围无法更改，请稍后再试。",
                    "de": "Ich erreiche meine Datenbank gerade nicht, der Bereich lässt sich nicht ändern. Bitte "
                          "versuchen Sie es später noch einmal."},
    "usage": {
        "en": "Admins set it with {command} article=ID speaker=NAME language=zh|de|en (commas for several, "
              "any of the three), and remove it with {command} reset.",
        "zh": "管理员可用 {command} article=ID speaker=姓名 language=zh|de|en 设置（多个值用逗号分隔，三项任选），"
              "用 {command} reset 取消。",
        "de": "Admins setzen ihn mit {command} article=ID speaker=NAME language=zh|de|en (mehrere Werte mit "
              "Komma, jede der drei Angaben optional) und entfernen ihn mit {command} reset.",
    },
    "articles": {"en": "Articles (ID: title):", "zh": "文章（ID：标题）：", "de": "Artikel (ID: Titel):"},
}

REASONS = {"unsubscribed": {"en": "unsubscribed", "zh": "已取消订阅", "de": "abbestellt"}}

IMPORT: dict[str, dict[str, str]] = {
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

# Slack's Messages tab (agent conversation) and Home tab.
SLACK_AGENT: dict[str, dict[str, str]] = {
    "searching": {"en": "Searching the interviews…", "de": "Durchsuche die Interviews…", "zh": "正在检索访谈……"},
    "home_subscription": {"en": "Your daily quote", "de": "Ihr tägliches Zitat", "zh": "你的每日引语"},
    "home_not_subscribed": {
        "en": "You get no daily quote. Subscribe and one comes every day in your messages with me.",
        "de": "Sie bekommen kein tägliches Zitat. Abonnieren Sie es, dann kommt jeden Tag eins in unsere Nachrichten.",
        "zh": "你还没有订阅每日引语。订阅后，每天会在我们的私信里收到一句。",
    },
    "home_subscribe": {"en": "Subscribe ({time})", "de": "Abonnieren ({time})", "zh": "订阅（{time}）"},
    "home_unsubscribe": {"en": "Unsubscribe", "de": "Abbestellen", "zh": "取消订阅"},
    "home_time": {"en": "Change the time", "de": "Uhrzeit ändern", "zh": "更改时间"},
    "home_no_quote": {"en": "No quote today.", "de": "Heute gibt es kein Zitat.", "zh": "今天没有引语。"},
}


def ui_language(lang: str | None) -> str:
    """The interface language for a question's language or a client's language code: zh, de or en."""
    lang = (lang or "en").lower()
    if lang.startswith("zh"):
        return "zh"
    if lang.startswith("de"):
        return "de"
    return "en"


def ui_language_of_text(text: str | None) -> str:
    """The interface language for a message, from the language it is written in."""
    from retrieval.tokenize import detect_language

    return ui_language(detect_language(text or "")) if (text or "").strip() else "en"


def localized(table: dict[str, dict[str, str]], key: str, lang: str | None = None, **values: object) -> str:
    """`table[key]` in the user's interface language, with `values` filled in. Keys the table lacks
    come from the shared MESSAGES."""
    result = (table[key] if key in table else MESSAGES[key])[ui_language(lang)]
    return result.format(**values) if values else result


ALSO = {"zh": "；另有：{names}", "de": "; außerdem: {names}", "en": "; also: {names}"}
MAX_NAMED = 8


def topics(lang: str | None, others: list[str]) -> str:
    """What the interviews cover: the bundled ones described, the added ones by who was interviewed."""
    ui = ui_language(lang)
    if not others:
        return TOPICS[ui]
    sep = "、" if ui == "zh" else ", "
    names = sep.join(others[:MAX_NAMED]) + (" …" if len(others) > MAX_NAMED else "")
    return TOPICS[ui] + ALSO[ui].format(names=names)


def message(key: str, lang: str | None = None, **values: object) -> str:
    """A shared message in the user's language, with the sample question filled in when it asks for one."""
    ui = ui_language(lang)
    values.setdefault("example", SAMPLES[ui][0])
    values.setdefault("topics", TOPICS[ui])
    return MESSAGES[key][ui].format(**values)


def reason(value: str | None, lang: str | None) -> str:
    """Why a daily subscription is paused, in the user's language."""
    value = value or "paused"
    return REASONS.get(value, {}).get(ui_language(lang), value)


def when(moment: dt.datetime, now: dt.datetime, lang: str | None) -> str:
    """'2026-11-23 09:00 CET' (or 'in a moment' when it is due now)."""
    if moment <= now + dt.timedelta(seconds=59):
        return f"{localized(DAILY, 'now', lang)} ({moment.strftime('%Y-%m-%d %H:%M %Z')})"
    return moment.strftime("%Y-%m-%d %H:%M %Z")
