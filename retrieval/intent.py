"""Questions that ask who or what something is ("Who is Aidan Gomez?", "戈麦斯是谁", "Was ist Cohere?",
"介绍一下 20VC", or just a name): the entity they name, so that the passages that introduce or describe
it can answer them."""

from __future__ import annotations

import re

_ART = r"(?:(?:a|an|the|der|die|das|den|ein|eine|einen)\s+)?"
_ADV_EN = r"(?:\s+(?:exactly|actually|precisely|really))?"  # "What exactly is a supermind?"
_EN = [
    rf"^(?:who|what){_ADV_EN}\s*(?:is|are|was|were|'s|’s)\s+{_ART}(?P<e>.+?)$",
    rf"^what\s+(?:does|do|did)\s+{_ART}(?P<e>.+?)\s+do$",
    rf"^(?:tell\s+me|tell\s+us)\s+(?:\w+\s+)?about\s+{_ART}(?:company\s+|firm\s+|person\s+)?(?P<e>.+?)$",
    rf"^(?:describe|introduce)\s+{_ART}(?P<e>.+?)$",
]
_DE = [
    rf"^(?:wer|was)\s+(?:genau\s+|eigentlich\s+)?(?:ist|sind|war|waren)\s+(?:eigentlich\s+|genau\s+)?{_ART}"
    rf"(?P<e>.+?)(?:\s+eigentlich|\s+genau)?$",
    rf"^was\s+(?:macht|machen|tut)\s+{_ART}(?:firma\s+|unternehmen\s+)?(?P<e>.+?)(?:\s+beruflich|\s+eigentlich|\s+genau)*$",
    rf"^(?:erzähl|erzähle|erzählen\s+sie)\s+(?:mir\s+|uns\s+)?(?:etwas\s+|mehr\s+)?über\s+{_ART}(?P<e>.+?)$",
]
_ZH = [
    r"^(?:请|請)?(?:介绍一下|介紹一下|介绍|介紹|说说|說說|讲讲|講講)(?P<e>.+?)(?:吧|呗|唄)?$",
    r"^(?:谁是|誰是|什么是|什麼是|啥是)(?P<e>.+?)$",
    r"^(?P<e>.+?)(?:到底|究竟)?(?:是谁|是誰|是什么人|是什麼人|是什么|是什麼|是啥|是干嘛的|是幹嘛的|是做什么的|是做什麼的)"
    r"(?:公司|机构|機構|节目|節目|东西|東西|人)?$",
    r"^(?P<e>.+?)(?:是|为|為)?(?:一家|一个|一個|一間|一间)?(?:什么|什麼|啥|哪)(?:样的|樣的)?(?:公司|机构|機構|节目|節目|产品|產品)$",
    r"^(?P<e>.+?)(?:这|這)?(?:家|间|間|个|個)?(?:公司|机构|機構)?(?:在|是)?(?:做什么|做什麼|干什么|幹什麼|做啥)的?$",
]
FRAMES = [re.compile(p, re.I) for p in (*_EN, *_DE, *_ZH)]
TRAILING = re.compile(r"[\s?？!！.。,，:：~～…]+$")
LEADING = re.compile(r"^[\s,，.。]+")
MAX_ENTITY_WORDS = 5  # "the capital of a small country in Europe" names no entity of an interview
MAX_ENTITY_HAN = 5  # 戴雨森, 真格基金, AI 四小龙; "企业用大模型最多的场景" is a question, not a name
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def asked_entity(question: str) -> str | None:
    """The entity a who/what-is question asks about, as written, or None when it asks something else."""
    text = TRAILING.sub("", LEADING.sub("", question or ""))
    for frame in FRAMES:
        m = frame.match(text)
        if m:
            entity = TRAILING.sub("", m.group("e").strip(" \"'“”「」《》"))
            return entity if entity and _names_one_thing(entity) else None
    return None


def _names_one_thing(entity: str) -> bool:
    """Whether the words asked about can name one thing: short, no possessive ("cohere's first investor"),
    no Chinese clause ("戴雨森认为技术的本质"; "cohere 的 LLMU" is fine: what follows 的 is the name)."""
    if len(entity.split()) > MAX_ENTITY_WORDS or len(entity) > 40 or re.search(r"\w['’]s\b", entity):
        return False
    han = HAN.findall(entity)
    if len(han) > MAX_ENTITY_HAN:
        return False
    return "的" not in entity or not HAN.search(entity.rsplit("的", 1)[1])
