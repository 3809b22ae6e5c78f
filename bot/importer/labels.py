"""Speaker labels wherever a page puts them, and the paragraphs cut at them.

A label is a short name-like phrase followed by a colon, or by a timestamp: at the start of a
paragraph (`Q:`, `问：`, `**Jane Doe:**`, `**CM: question…**`, `Name (00:03:12):`, `Name [00:13:21]`,
`0:02:04.8 **Name**`) or in bold in the middle of one (`…？**达巍：**`). A paragraph that starts with a
bare timestamp (`(01:00): …`) continues the last speaker. Which labels name speakers is decided by
`cast`; here every candidate is found and the text is cut at it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.importer.markup import TIMESTAMP, Para, visible

HAN = re.compile(r"[\u3400-\u9fff]")
NAME = r"[^\s:：*_\[\]()（）<>#\"“”'‘’][^:：*\n\[\]<>\"“”]{0,54}?(?:\s[(（][^()（）:：\n]{2,60}[)）])?"
# (a record's label may name the speaker's party or institution: "Sachverständiger Prof. Dr. M. K. (TH Wildau):")
BOLD = r"(?:\*\*|__)"
EMPH = r"(?:\*\*\*|\*\*|__|\*)"  # at a paragraph's start a label may also be in italics ("*DR*: …") or both
# ("***Christoph*** :")
TIME = rf"[\[(（【]\s*{TIMESTAMP}\s*[\])）】]"
LEAD = rf"(?:{TIME}|{TIMESTAMP})\s*"  # "[00:00:00] Stefan", "0:02:04.8 **Tim**"
# (whitespace is matched possessively, "\s*+": a line of long runs of spaces, as pdftotext lays pages out, costs
# no backtracking)
START = [  # (pattern, needs the rest of the line empty)
    (re.compile(rf"^\s*+(?:{LEAD})?(?P<b1>{EMPH})?\s*+(?P<name>{NAME})\s*+(?P<b2>{EMPH})?\s*+(?:{TIME}\s*+(?:{BOLD})?\s*+)?"
                rf"[:：]\s*+(?P<b4>{BOLD})?(?P<i4>\*(?!\*))?\s*+"), False),
    (re.compile(rf"^\s*+(?P<b1>{BOLD})?\s*+(?P<name>{NAME})\s*+(?P<b2>{BOLD})?\s*+{TIME}\s*+(?:{BOLD})?\s*+$"), True),
    (re.compile(rf"^\s*+{LEAD}(?P<b1>{BOLD})\s*+(?P<name>{NAME})\s*+(?P<b2>{BOLD})\s*+[:：]?\s*+"), False),
    (re.compile(rf"^\s*+{LEAD}(?P<b1>{BOLD})?\s*+(?P<name>{NAME})\s*+(?P<b2>{BOLD})?\s*+$"), True),
    # a name in lenticular brackets: "【林雪岚】说起来…", "【记者】您为什么…" (a tag like "【专访】" does not recur)
    (re.compile(rf"^\s*+(?P<b1>{BOLD})?【(?P<name>[^】\n:：\d]{{1,12}})】(?P<b2>{BOLD})?\s*+"), False),
    # the timestamp inside the bold: "**00:00:02 Stefan**", "**[00:14:02] Ana:**"
    (re.compile(rf"^\s*+(?P<b1>{BOLD})\s*+{LEAD}(?P<name>{NAME})\s*+(?:[:：]\s*+)?(?P<b2>{BOLD})\s*+[:：]?\s*+"),
     False),
    # the timestamp after the name, the words on the same line: "**Ilka Brandstätter** (00:00:26) Hallo, …"
    (re.compile(rf"^\s*+(?P<b1>{BOLD})?\s*+(?P<name>{NAME})\s*+(?P<b2>{BOLD})?\s*+{TIME}\s*+(?=[^\s:：])"), False),
]
MIDDLE = re.compile(rf"{BOLD}\s*(?P<name>{NAME})\s*(?:[:：]\s*{BOLD}|(?:{BOLD}\s*)+[:：](?:\s*{BOLD})?)\s*")
CONTINUATION = re.compile(rf"^\s*[\[(（【]\s*{TIMESTAMP}\s*[\])）】]\s*[:：]?\s*")
PUNCT = re.compile(r"[。，,!?！？；;、（）()\[\]【】《》\"“”'‘’/|=<>#@…]")
NAME_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[A-ZÀ-ÖØ-Þ])")  # "O'Brien", "D’Angelo" (not "Let's")
PARTICLES = {"von", "van", "der", "de", "del", "la", "le", "di", "da", "du", "bin", "al", "zu", "dos", "y", "and",
             "und", "&"}
NOT_SPEAKERS = {
    "来源", "作者", "编辑", "责编", "责任编辑", "注", "图", "图片", "图源", "摄影", "原文链接", "原文", "参考资料",
    "文", "编者按", "导语", "核心观点", "划重点", "关键词", "时间", "地点", "日期", "链接", "标签", "出品", "主笔",
    "观点", "排版", "审核", "校对", "版面编辑", "翻译", "编译", "撰文", "文字整理", "整理", "策划", "监制", "视觉",
    "來源", "編輯", "攝影", "圖", "註", "採訪", "延伸閱讀", "延伸阅读", "推荐阅读", "相关阅读", "简介", "背景",
    "source", "sources", "photo", "photos", "image", "images", "credit", "credits", "note", "notes", "update",
    "edit", "edit 1", "edit 2", "edit 3", "edit 4", "update 1", "update 2", "update 3", "nachtrag", "ergänzung",
    "updated", "editor", "editor's note", "read more", "related", "tags", "tag", "foto", "fotos", "bild", "bilder",
    "quelle", "mehr", "lesen sie auch", "anmerkung", "hinweis", "stand", "by", "von", "posted", "published", "date",
    "http", "https", "www", "tl;dr", "disclaimer", "transcript", "video", "audio", "podcast", "summary",
    "zusammenfassung", "fazit", "tipp", "tip", "warning", "example", "beispiel", "break", "pause", "intro", "outro",
    "sponsor", "ad", "ads", "advertisement", "anzeige", "werbung", "广告", "广告时间", "廣告", "廣告時間", "口播",
    "chapters", "timestamps", "links", "show notes",
    "shownotes", "episode", "folge", "season", "staffel", "category", "kategorie", "text", "interview", "q&a",
    "atmo", "atmosphäre", "musik", "music", "geräusch", "geräusche", "sound", "sfx", "absage", "ansage", "jingle",
    "translation", "übersetzung", "illustration", "cover", "caption", "title", "subtitle", "location",
    "ort", "zeit", "time", "also", "see also", "siehe", "contents", "inhalt", "table of contents", "bio", "about",
    "listen", "watch", "download", "subscribe", "follow", "share", "comments", "kommentare", "reply", "answer key",
    "uhr", "a.m", "p.m", "hrs", "o'clock", "點", "点",  # ("**5:30 Uhr:** …": a time; "AM:", "H:" may be someone)
    "also present", "present", "anwesend", "appearances", "in attendance", "on behalf of",  # (a record's cover)
    "regie", "regieanweisung", "schnitt", "blende",  # (a radio manuscript's directions)
    "impressum", "v.i.s.d.p", "anschrift", "地址", "电话", "電話", "邮箱", "郵箱",  # (an imprint's)
    "国家", "國家", "国籍", "國籍", "院校", "学校", "學校", "专业", "專業", "年级", "年級", "学历",
    "學歷", "籍贯", "籍貫", "年龄", "年齡", "性别", "性別", "职位", "職位", "职务", "職務", "单位",
    "單位", "所在地", "出生", "爱好", "愛好",
    "alter", "beruf", "wohnort", "age", "occupation", "hometown", "nationality", "university",  # (a profile's fields)
}
# an imprint's keys, which may also be someone's role ("Verlag:" in a roundtable): no speaker where every line
# under them reads like an imprint (an address, a web address, a phone number)
IMPRINT_KEYS = {"herausgeber", "herausgeberin", "verantwortlich", "druck", "auflage", "kontakt", "verlag",
                "publisher", "printed by", "contact", "address", "主办", "主辦", "出版", "承办", "承辦"}
IMPRINT_LINE = re.compile(r"\b\d{4,5}\s+[A-ZÄÖÜ]|www\.|https?://|@\w|\b(?:Tel|Telefon|Fax|Phone)\b|\bGmbH\b|\be\.\s?V\.|"
                          r"\bLtd\b|\bInc\b|\bAG\b|·")
INTERVIEWER_LABELS = {
    "q", "f", "frage", "fragen", "question", "questions", "interviewer", "interviewerin", "host", "moderator",
    "moderatorin", "moderation", "redaktion", "reporter", "journalist", "journalistin", "问", "提问", "记者", "主持人",
    "主持",
    "采访者", "访问者", "采访人", "问题", "提问者", "問", "記者", "採訪者", "訪問者", "提問", "记者问", "記者問",
    "主持人问", "主持人問", "主播", "zusatzfrage", "nachfrage", "rückfrage", "follow-up",
    "vorsitzende", "vorsitzender", "abg.", "abgeordnete", "abgeordneter",  # a hearing's chair and members
    "audience member", "audience", "audience question", "caller", "listener", "publikum", "zuschauer",
    "zuschauerin", "anrufer", "anruferin", "hörer", "hörerin", "观众", "觀眾", "听众", "聽眾", "网友", "網友",
    "读者", "讀者",  # (who asks from the floor, the phone or the chat)
}
INTERVIEWEE_LABELS = {"a", "antwort", "answer", "答", "回答", "嘉宾", "嘉賓", "来宾", "來賓", "受访者", "受訪者",
                      "被访者", "受访人", "受訪人", "口述人", "口述者", "interviewee",
                      "guest", "gast", "befragte", "befragter", "o-ton", "narrator", "zeitzeuge", "zeitzeugin",
                      "sachverständiger", "sachverständige"}  # (a hearing's experts)
# ("O-Ton Jakob Ruhl:": a radio's sound bite; "Narrator:": who tells their story in an oral history)
GENERIC = INTERVIEWER_LABELS | INTERVIEWEE_LABELS
HANDLE = re.compile(r"[a-z][a-z0-9_.-]{1,23}")


@dataclass
class Mark:
    """One candidate label in the text."""

    para: int  # index of the paragraph
    start: int  # where the label starts in that paragraph's text
    end: int  # where the turn's text starts
    name: str  # the label as written, markup removed
    timed: bool = False  # a timestamp came with it
    handle: bool = False  # a lower-case handle ("stark:", "adam3us:"): a speaker only if it maps onto a known name
    dotted: bool = False  # "Q. …" / "A. …": a label only when the pair recurs
    recorded: bool = False  # "Mr. SMITH. …" (a hearing's record): a label only when two such recur
    wrapped: bool = False  # inside a paragraph all in italics ("*Rick: …*"): a label where that is its usual style


NUMBERED = re.compile(r"^(Q|A|F|问|答|問|Frage|Antwort|Question|Answer)\s*[.#]?\s*\d{1,2}$", re.I)  # "Q1", "A 3"


BRACKETED = re.compile(r"\s*(?:\*\*|__)?【[^】\n]{1,12}】(?:\*\*|__)?\s*")
TAGGED = re.compile(r"^【[^】\d:：]{1,12}】\s*(?=\w)")  # "【插入片段】韦国良：": what the words are, then who says them


LEADING_EMOJI = re.compile(r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200d\s]+")  # "🙋‍♀️Q：", "💁A："


ASKED_BY = re.compile(r"(?i)^(q|question|frage|leserfrage|f|问|問)\s*(?:from|von|by|来自|來自)\s+\S.{0,60}$")


def clean_name(name: str) -> str:
    name = TAGGED.sub("", LEADING_EMOJI.sub("", re.sub(r"\s+", " ", visible(name)).strip(" *_")))
    asked = ASKED_BY.match(name)  # "Q from @sarah_k (Leeds)": a reader's question, the questions' label
    if asked:
        return asked.group(1)
    numbered = NUMBERED.match(name)
    name = numbered.group(1) if numbered else name  # "Q1：…" / "A1：…": the questions and answers, numbered
    placed = CAPS_PLACED.fullmatch(name)  # "MAYOR PAUL ESTABROOK, FORT CALDER": a broadcast transcript's label
    name = placed.group(1) if placed else name
    return BITE_NUMBER.sub(r"\1 ", name)  # "O-Ton 2 Aschauer": the second sound bite of O-Ton Aschauer


# "O-Ton 2 Aschauer": a sound bite's number before a name (not before "Passantin", someone unnamed)
BITE_NUMBER = re.compile(r"^((?i:o-?ton|sot|sound ?bite|clip))\s+\d{1,3}\s+(?=[A-ZÄÖÜ])"
                         r"(?!(?i:passant(?:in)?|anrufer(?:in)?|zuhörer(?:in)?|umfrage|besucher(?:in)?|caller|listener|"
                         r"voter|passer-?by)\b(?!\s+[A-ZÄÖÜ]))")
CAPS_PLACED = re.compile(r"([A-ZÄÖÜ][A-ZÄÖÜ.'’ -]{2,40}[A-ZÄÖÜ]),\s+[A-ZÄÖÜ][A-ZÄÖÜ0-9.'’ -]{1,40}")  # NAME, PLACE
REPORTED = re.compile(r"(?:向|對|对|跟|告訴|告诉).{1,12}(?:說|说|表示|指出|強調|强调|透露|坦言|直言)$")  # "X向Y說"
PROJECT_AND_NAME = re.compile(r"[A-Za-z][\w.-]{1,20}\s+[\u4e00-\u9fff·]{2,4}")
OUTLET = re.compile(r"《[^《》\s]{1,12}》")
INITIAL = re.compile(r"[A-ZÄÖÜ]\.")
LONGEST = 56  # characters of a label before its brackets ("Sachverständiger Prof. Dr. Matthias Kreienbrink")


def is_label(label: str) -> bool:
    """Whether a phrase can name a speaker (a name, a role, Q/A, initials), not a sentence or a field."""
    s = label.strip()
    if INITIAL.fullmatch(s):
        return True  # "K.:" (the interviewee's initial, as printed interviews label answers)
    if OUTLET.fullmatch(s):
        return True  # "《明鏡》：妳們認為…？": the publication asks (find_marks keeps it where it does)
    base = re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", s)  # "Vivian Wu（吴薇）", "Abg. Uwe Kallies (SPD)"
    if not s or len(base) > LONGEST or len(s) > 100 \
            or PUNCT.search(NAME_APOSTROPHE.sub("", s).replace("（", "(").split("(")[0]) \
            or s.endswith("."):
        return False
    if base.lower() in NOT_SPEAKERS or base.isdigit() or re.fullmatch(r"[\d\s:.\-]+", base):
        return False
    if base.lower() in GENERIC:
        return True  # ("Audience member": a role, in lower case as well)
    if HAN.search(base):  # (a project's name before the person's: "dubbo-go 何鑫铭"; not reported speech,
        return len(HAN.findall(base)) <= 10 and len(base) <= 24 and (  # "伍華強向眾新聞記者說：「…」")
            not re.search(r"[a-z]{3}", base) or bool(PROJECT_AND_NAME.fullmatch(base))) and not (
            len(base) > 4 and REPORTED.search(base))
    words = base.split()
    if len(words) > 5:
        return False
    if words[0].lower() in PARTICLES:
        return False
    return all(w[0].isupper() or w.lower() in PARTICLES or w[0].isdigit() or w.startswith("'") for w in words)


def is_handle(label: str) -> bool:
    """A lower-case user name as transcripts of chats and conferences write it ("stark", "adam3us")."""
    return bool(HANDLE.fullmatch(label)) and label not in NOT_SPEAKERS and label not in PARTICLES


BRACKET_RULE = 4  # START's rule for a name in lenticular brackets
# "Tom Brennan  00:00", "**Stefan 00:00:02**" over the words
TIMED_NAME = re.compile(rf"^\s*+(?P<b1>{BOLD})?\s*+(?P<name>{NAME})(?:\s*+(?P<b2>{BOLD}))?\s++(?P<b3>{BOLD})?"
                        rf"{TIMESTAMP}\s*+(?P<b4>{BOLD})?\s*+(?:\n|$)")


def _start(text: str) -> tuple[str, int, bool, bool] | None:
    """(label, where its text starts, whether a timestamp came with it, whether it is a lower-case handle)
    for a paragraph opening with a label."""
    timed = TIMED_NAME.match(text)
    if timed and sum(bool(timed.group(b)) for b in ("b1", "b2", "b3", "b4")) % 2:
        timed = None  # "**Tom 00:00" with its bold left open: no label
    if timed and is_label(clean_name(timed.group("name"))):
        return clean_name(timed.group("name")), timed.end(), True, False
    for n, (rx, _alone) in enumerate(START):
        m = rx.match(text)
        if not m:
            continue
        end = m.end() if n != 0 or not m.group("i4") or m.group("b1") == "*" else m.start("i4")
        closed = m.group("b2") == "*" or (m.group("b1") == "*" and bool(m.group("i4")))
        if n == 0 and (m.group("b1") == "*") != closed and not (m.group("b1") == "*" and _wholly_italic(text)):
            continue  # an italic label is closed around its colon ("*DR*:", "*Nachfrage:*"); "*Anna: …" with more
            # italics after it is an italic sentence ("Dana: *laughs* …": a label, the italics its words'), but a
            # paragraph all in italics is a page's style for its answers ("*Rick: I got into tech …*")
        if n == 0 and m.group("b4") and not m.group("b1") and not m.group("b2"):
            continue  # "Name: **bold words**" is a sentence with emphasis, not a bold label
        if n == 0 and m.group("b1") and not m.group("b2") and not m.group("b4") and text.count("**") % 2:
            continue
        name = clean_name(m.group("name"))
        if n == BRACKET_RULE and name.lower() in GENERIC and not re.search(r"[?？。！!.…」”]\W*$", text):
            continue  # "【嘉宾】林岚，蜂场主理人": a show's notes naming the guest ("【记者】…？", "【答】…。" speak)
        if is_label(name):
            return name, end, (n > 0 and n != BRACKET_RULE) or bool(re.search(TIMESTAMP, m.group(0))), False
        if n == 0 and is_handle(name) and not m.group("b1") and re.match(r"\s*\S", text[end:]):
            return name, end, False, True
    return None


WHOLLY_ITALIC = re.compile(r"\*(?!\*)[^*\n]+\*\s*(?:\[[^\]\n]*\]\([^)\n]*\)\s*\*[^*\n]+\*\s*)*")  # (links between)


def _wholly_italic(text: str) -> bool:
    """Whether a paragraph is in italics from its first word to its last ("*Rick: … *[ADR](…)* … .*")."""
    return bool(WHOLLY_ITALIC.fullmatch(text.strip()))


DASH = re.compile(r"^\s*(?P<name>Q|A|F|Frage|Antwort|Question|Answer)\s*[-–—]\s+(?=\S)")  # "Q - …", "A – …"
# "Q. …" / "A. …" (oral-history transcripts, court records): a label only where both letters recur
DOTTED = re.compile(r"^\s*(?P<b1>\*\*|__)?(?P<name>Q|A|F)\.\s*(?P<b2>\*\*|__)?\s+(?=\S)")
DOTTED_PAIRS = ({"Q", "A"}, {"F", "A"})
# a hearing's record: an office or form of address and a family name in capitals, then a full stop
# ("Chairwoman ALVAREZ. Good morning.", "Dr. LINDQVIST. Thank you.", "The CHAIRMAN. …"): labels where two recur
RECORD = re.compile(r"^\s*(?P<name>(?:The|[A-Z][a-z]{1,15}\.?)(?:\s[A-Z][a-z]{1,15}\.?)?"
                    r"\s[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+)?)\.\s+(?=\S)")
CAPS_LINE = re.compile(r"[^a-z\u3400-\u9fff]{10,160}")  # "PREPARED STATEMENT OF DR. HANNE LINDQVIST, DIRECTOR"
# "[The prepared statement of Dr. Lindqvist follows:]": whose words the paragraphs after it are
STATEMENT = re.compile(r"^\s*\[(?:the )?(?:prepared |written |opening )?statement of (?P<name>[^\]]{3,60}?)"
                       r" follows:?\]\s*$", re.I)


def _captioned(paras: list[Para]) -> set[int]:
    """The paragraphs ">>" opened, when the text is a caption transcript that names a speaker at least once."""
    opened = {i for i, p in enumerate(paras) if p.caption and p.kind != "heading"}
    return opened if any(_start(paras[i].text) for i in opened) else set()


def _caption_marks(paras: list[Para], opened: set[int]) -> list[Mark]:
    """A mark for every ">>": its own label, or else the speaker before the last one (two people talk in
    turns; before a second has been named, the next one named who is not the last)."""
    marks: list[Mark] = []
    named = {i: found for i in opened if (found := _start(paras[i].text))}
    last: str | None = None
    before: str | None = None
    for i in sorted(opened):
        if i in named:
            name, end, timed, handle = named[i]
            marks.append(Mark(i, 0, end, name, timed, handle))
        else:
            guess = before or next((named[j][0] for j in sorted(named) if j > i and named[j][0] != last), None)
            if guess is None:
                continue
            name = guess
            marks.append(Mark(i, 0, 0, name))
        if name != last:
            last, before = name, last
    return marks


def find_marks(paras: list[Para]) -> list[Mark]:
    """Every label-shaped phrase: at a paragraph's start (any style) or bold in its middle."""
    opened = _captioned(paras)
    marks: list[Mark] = _caption_marks(paras, opened)
    for i, p in enumerate(paras):
        if (p.kind == "heading" and not BRACKETED.fullmatch(p.text)) or i in opened:
            continue  # (a heading names no speaker, unless it is a name in brackets: "【林雪岚】" over her words)
        found = _start(p.text)
        dash = None if found else DASH.match(p.text)
        if dash:
            found = dash.group("name"), dash.end(), False, False
        if found:
            wrapped = _wholly_italic(p.text) and not re.match(r"\s*\*[^*:：\n]{1,60}(?:\*\s*[:：]|[:：]\s*\*)", p.text)
            # (an italic label closed around its colon, "*DR*:", "*Nachfrage:*", is a label as ever)
            marks.append(Mark(i, 0, found[1], found[0], found[2], found[3], wrapped=wrapped))
        elif (dot := DOTTED.match(p.text)) and bool(dot.group("b1")) == bool(dot.group("b2")):
            marks.append(Mark(i, 0, dot.end(), dot.group("name"), dotted=True))
        elif record := RECORD.match(p.text):
            marks.append(Mark(i, 0, record.end(), record.group("name"), recorded=True))
        elif statement := STATEMENT.match(p.text):  # the note, and the statement's title in capitals under
            marks.append(Mark(i, 0, len(p.text), statement.group("name").strip(), recorded=True))  # it, are not
            if i + 1 < len(paras) and CAPS_LINE.fullmatch(visible(paras[i + 1].text)):  # the witness's words
                marks.append(Mark(i + 1, 0, len(paras[i + 1].text), statement.group("name").strip(), recorded=True))
        skip = found[1] if found else 0
        for m in MIDDLE.finditer(p.text, skip):
            if m.start() == 0 and skip == 0 and found:
                continue
            name = clean_name(m.group("name"))
            if is_label(name) and m.start() >= skip:
                marks.append(Mark(i, m.start(), m.end(), name))
    dotted = Counter(m.name for m in marks if m.dotted)
    named = Counter(m.name for m in marks if not m.dotted and not m.recorded)
    answered = sum(n >= 2 for n in named.values()) >= 1  # "Q. …" under "RENEE CALLOWAY: …": a press conference's
    if not any(all(dotted[x] >= 2 for x in pair) for pair in DOTTED_PAIRS):  # reporters ask, the named answer
        marks = [m for m in marks if not m.dotted or (answered and m.name in ("Q", "F") and dotted[m.name] >= 2)]
        # ("A. Lincoln wrote…", a list "A. …", "B. …": no labels)
    listed = Counter(m.name for m in marks if paras[m.para].kind == "item")
    turned = Counter(m.name for m in marks if paras[m.para].kind != "item")
    if turned:  # turns in paragraphs: a label only ever at a list item's start that names a thing (a dot or a digit
        marks = [m for m in marks if turned[m.name] or not listed[m.name] or not re.search(r"[.\d]", m.name)]  # in
        # it) is the list's ("* **Node.js**：dubbo2.js，by 千米网"; not "- **Anna Berg:** Yes, twice")
    asking = Counter(m.name for m in marks if OUTLET.fullmatch(m.name)
                     and re.search(r"[?？][\s*_”」』\"]*$", paras[m.para].text[m.end:]))
    marks = [m for m in marks if not OUTLET.fullmatch(m.name) or asking[m.name] >= 1]
    # ("《明鏡》：…？" asks, perhaps also prompting with a statement: the publication; "《红楼梦》：" over what the
    # guest says of the book asks nothing, no speaker)
    italic = Counter(m.name for m in marks if m.wrapped)
    upright = Counter(m.name for m in marks if not m.wrapped)
    marks = [m for m in marks if not m.wrapped or (italic[m.name] >= 2 and italic[m.name] >= upright[m.name])]
    # ("*Hans: Coffee is on.*" quoted once in Greta's answer, "*Claire Dubois: nurse, …*" over the intro: italics)
    recorded = Counter(m.name for m in marks if m.recorded)
    if sum(1 for n in recorded.values() if n >= 2) < 2:
        marks = [m for m in marks if not m.recorded]  # "Visit NASA. …" once: a sentence
    return marks


def is_continuation(text: str) -> bool:
    """A paragraph that starts with a bare timestamp: the same speaker goes on."""
    return bool(CONTINUATION.match(text))


def strip_continuation(text: str) -> str:
    return CONTINUATION.sub("", text, count=1)
