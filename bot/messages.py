"""User-facing texts in the bot's languages (Chinese, German, English), shared by every adapter."""

from __future__ import annotations

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
    "not_text": {
        "zh": "我只能回答文字问题。",
        "de": "Ich kann nur Fragen in Textform beantworten.",
        "en": "I can only answer questions written as text.",
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


def ui_language(lang: str | None) -> str:
    """The interface language for a question or a client language code: zh, de or en."""
    lang = (lang or "en").lower()
    if lang.startswith("zh"):
        return "zh"
    if lang.startswith("de"):
        return "de"
    return "en"


def localized(table: dict[str, dict[str, str]], key: str, lang: str | None = None, **values: object) -> str:
    """`table[key]` in the user's interface language, with `values` filled in (adapters keep their own
    tables of interface texts; this is the one lookup they share). Keys an adapter's table lacks come
    from the shared MESSAGES."""
    result = (table[key] if key in table else MESSAGES[key])[ui_language(lang)]
    return result.format(**values) if values else result


def message(key: str, lang: str | None = None, **values: object) -> str:
    """A message in the user's language, with the sample question filled in when it asks for one."""
    ui = ui_language(lang)
    values.setdefault("example", SAMPLES[ui][0])
    values.setdefault("topics", TOPICS[ui])
    return MESSAGES[key][ui].format(**values)
