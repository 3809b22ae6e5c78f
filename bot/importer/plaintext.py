"""Plain-text shapes read before the text's paragraphs: a bulletin-board post as saved from PTT and its
like (`作者  …` / `看板  …` / `標題  …` / `時間  …` head, the post, then `--`, the site's lines and the push
comments), a long microblog post (the account, `2025-4-12 20:31 来自 …`, a `【专访】…` headline, the post up
to `收起全文` and its counts), and subtitles saved as text (SubRip: numbered cues with
`00:00:01,200 --> 00:00:04,800`).

    head, text = bbs_post(text)      # ({"author", "title", "date", "url"} or {}, the post's own text)
    first, text = subtitles(text)    # (the first cue's text or None, the cues as running text)
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

from bot.importer import markup

HEAD_KEYS = {"作者": "author", "看板": "board", "標題": "title", "标题": "title", "時間": "date", "时间": "date"}
POST_URL = re.compile(r"^※\s*(?:文章網址|文章网址)\s*[:：]\s*(?P<u>https?://\S+)\s*$", re.M)
SIGNATURE = re.compile(r"^--\s*$", re.M)  # where a post or an email ends (the site's lines, a signature follow)
TAG = re.compile(r"^\s*(?:\[[^\]]{1,8}\]|【[^】]{1,8}】)\s*")  # "[分享] 專訪…": the board's kind of post
CUE_TIME = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}.*$")
MIN_CUES = 5
# a cue that names who speaks starts a turn: "王一舟：…", "Lou Fennimore (producer): Okay, …"
LABEL_START = re.compile(r"^(?:[^\s：:，,。]{1,12}|[A-Z][\w'’.-]*(?:\s+[A-Z(][\w'’.()/-]*){0,4})[：:]")


def text_before(end: re.Pattern[str], text: str) -> str:
    """The text up to where `end` first matches (all of it when it never does)."""
    found = end.search(text)
    return text[:found.start()] if found else text


def bbs_post(text: str) -> tuple[dict[str, Any], str]:
    """(front-matter keys, the post's text) of a bulletin-board post: the head's author, title (without its
    "[分享]"), time, and the post's own address; the post ends at its `--` line. The head may set two fields on
    a line (" 作者  cha_ling (茶鈴)      看板  Gossiping", as the board shows it) and be ruled off below; a news
    repost's form ("1.媒體來源:", "3.完整新聞標題:", "4.完整新聞內文:" …) gives the outlet, the headline and the
    text, and the poster's remarks under it are no part of the interview."""
    lines = text.lstrip("\ufeff").split("\n")
    head = [list(HEAD_FIELD.finditer(line)) if HEAD_START.match(line) else [] for line in lines[:6]]
    found = [m for fields in head for m in fields]
    if len({m.group("k") for m in found}) < 3 or not head[0]:
        return {}, text
    keys: dict[str, Any] = {}
    for m in found:
        key = HEAD_KEYS[m.group("k")]
        value = m.group("v")
        if key == "author":
            keys["author"] = value.split()[0]  # "scoutwolf (山狼)": the user
        elif key == "title":
            keys["title"] = TAG.sub("", value)
        elif key == "date":
            keys["date"] = value
    url = POST_URL.search(text)
    if url:
        keys["url"] = url.group("u")
    rest = lines[max(i for i, fields in enumerate(head) if fields) + 1:]
    if rest and RULE_LINE.match(rest[0]):
        rest = rest[1:]
    return _news_form(keys, text_before(SIGNATURE, "\n".join(rest)))


HEAD_START = re.compile(r"^[ \t\u3000]*(?:作者|看板|標題|标题|時間|时间)[ \t\u3000]")
HEAD_FIELD = re.compile(r"(?:^[ \t\u3000]*|[ \t\u3000]{2,})(?P<k>作者|看板|標題|标题|時間|时间)[ \t\u3000]+"
                        r"(?P<v>\S.*?)(?=[ \t\u3000]{2,}(?:作者|看板|標題|标题|時間|时间)[ \t\u3000]|[ \t\u3000]*$)")
RULE_LINE = re.compile(r"^\s*[─━—\-=_]{10,}\s*$")
# a news repost's form on a board: "1.媒體來源:", "2.記者署名:", "3.完整新聞標題:", "4.完整新聞內文:",
# "5.完整新聞連結 (或短網址)…:", "6.備註:"
NEWS_FIELD = re.compile(r"^\s*\d\s*[.．、]\s*(?P<k>媒體來源|媒体来源|記者署名|记者署名|完整新聞標題|完整新闻标题|"
                        r"完整新聞內文|完整新闻内文|完整新聞連結|完整新闻连结|備註|备注)[^:：\n]*[:：]?\s*$")
NEWS_KEYS = {"媒體來源": "publisher", "媒体来源": "publisher", "記者署名": "author", "记者署名": "author",
             "完整新聞標題": "title", "完整新闻标题": "title", "完整新聞內文": "text", "完整新闻内文": "text"}


# the form's own rules under a field: "※ 標題沒有完整寫出來 ---> 依照板規刪除文章"
FORM_GUIDANCE = re.compile(r"^\s*(?:※|\*|＊|\(|（|<|＜)")


def _news_form(keys: dict[str, Any], post: str) -> tuple[dict[str, Any], str]:
    """A board's post that fills in a news repost's form: its fields as front matter, the article's text alone."""
    lines = post.split("\n")
    starts = [(i, m.group("k")) for i, line in enumerate(lines) if (m := NEWS_FIELD.match(line))]
    fields = {NEWS_KEYS.get(k, "other"): "\n".join(lines[i + 1:(starts[n + 1][0] if n + 1 < len(starts)
                                                               else len(lines))]).strip()
              for n, (i, k) in enumerate(starts)}
    if "text" not in fields or len(starts) < 3:
        return keys, post
    for key in ("title", "publisher", "author"):  # (author: "記者邱明蓉／嘉義報導", the reporter, who asked)
        value = next((line.strip() for line in fields.get(key, "").split("\n")
                      if line.strip() and not FORM_GUIDANCE.match(line)), None)
        if value:
            keys[key] = value
    return keys, "\n".join(line for line in fields["text"].split("\n") if not line.lstrip().startswith("※"))


# "2025-4-12 20:31 来自 iPhone客户端": when and from where a microblog post was sent
POSTED = re.compile(r"^\s*(?P<d>(?:19|20)\d\d-\d{1,2}-\d{1,2})\s+\d{1,2}:\d{2}\s+来自\s*\S.*$")
HEADLINE = re.compile(r"^\s*【[^】]{1,8}】\s*(?P<t>[^#\n]+?)\s*(?:#[^#\n]{1,20}#\s*)*$")  # "【专访】标题 #话题#"
POST_END = re.compile(r"^\s*(?:收起全文d?|展开全文c?|转发\s*\d[\d.万]*|评论\s*\d[\d.万]*|赞\s*\d[\d.万]*)\s*$", re.M)


def social_post(text: str) -> tuple[dict[str, Any], str]:
    """(front-matter keys, the post's text) of a long microblog post copied as text: the account on the first
    line, its "2025-4-12 20:31 来自 …" line (the date), the post's 【…】 headline (the title, without its
    #topics#); the post ends at "收起全文" or its counts of shares, comments and likes."""
    lines = text.lstrip("\ufeff").split("\n")
    posted = next(((i, m) for i, line in enumerate(lines[:8]) if (m := POSTED.match(line))), None)
    account = lines[0].strip()
    if not posted or not account or len(account) > 30 or re.search(r"[。！？，：:]", account):
        return {}, text
    keys: dict[str, Any] = {"publisher": account, "date": posted[1].group("d")}
    body = lines[posted[0] + 1:]
    titled = next(((k, m) for k, line in enumerate(body[:4]) if (m := HEADLINE.match(line))), None)
    if titled is not None:
        keys["title"] = titled[1].group("t").strip()
        del body[titled[0]]
    return keys, text_before(POST_END, "\n".join(body))


MAIL_HEAD = re.compile(r"^(?P<k>From|To|Date|Subject|Von|An|Datum|Betreff|发件人|收件人|日期|主题)\s*[:：]\s*"
                       r"(?P<v>\S.*?)\s*$", re.I)
MAIL_KEYS = {"from": "from", "von": "from", "发件人": "from", "to": "to", "an": "to", "收件人": "to",
             "date": "date", "datum": "date", "日期": "date", "subject": "title", "betreff": "title", "主题": "title"}
REPLY = re.compile(r"^\s*(?:(?:re|aw|fwd?|wg|回复|转发)\s*[:：]\s*)+", re.I)
# "On Fri, 24 Jan 2025 at 16:30, Dana Whitfield <dana@…> wrote:", "Am 24.01.2025 um 16:30 schrieb Dana Whitfield:"
WROTE = re.compile(r"^\s*(?:On .{6,60}?,\s*(?P<a>[^<>\n,]{3,60}?)\s*(?:<[^>\n]+>)?\s*wrote:|Am .{6,60}? schrieb\s+"
                   r"(?P<b>[^<>\n:]{3,60}?)\s*(?:<[^>\n]+>)?\s*:)\s*$", re.M)


def _mailbox(value: str) -> str:
    """"Dana Whitfield <dana@…>" -> "Dana Whitfield" (the address alone when no name is given)."""
    return re.sub(r"\s*<[^>]*>\s*", "", value).strip(" \"'") or value.strip("<> ")


def email(text: str) -> tuple[dict[str, Any], str]:
    """(front-matter keys, the text) of an interview answered by email: the headers' subject (without
    "Re:") as the title and date; the one whose quoted questions the reply answers ("On …, X wrote:") is the
    interviewer, the other correspondent the interviewee; the text is the reply, without its headers, the
    "wrote:" line and the signature after "-- "."""
    lines = text.lstrip("\ufeff").split("\n")
    head = [(i, m) for i, line in enumerate(lines[:12]) if (m := MAIL_HEAD.match(line))]
    keys = {MAIL_KEYS[m.group("k").lower()]: m.group("v") for _, m in head}
    if not {"from", "title"} <= keys.keys() or len(keys) < 3:
        return {}, text
    found: dict[str, Any] = {"title": REPLY.sub("", keys["title"])}
    if "date" in keys:
        found["date"] = keys["date"]
    wrote = WROTE.search(text)
    if wrote:
        asker = (wrote.group("a") or wrote.group("b")).strip()
        people = [_mailbox(keys[k]) for k in ("from", "to") if k in keys]
        answerer = [p for p in people if p != asker]
        found["interviewer"] = asker
        if answerer:
            found["interviewee"] = answerer[0]
    last = max(i for i, _ in head)
    body = "\n".join([*lines[:head[0][0]], *lines[last + 1:]])
    return found, text_before(SIGNATURE, WROTE.sub("", body))


POST_NUMBER = re.compile(r"^(?P<n>\d{1,3})/\s+(?=\S)")  # "12/ Ines: …": a thread's post, numbered
LINE_NUMBER = re.compile(r"^\s{0,6}(?P<n>\d{1,4})(?:\s{2,}|$)")  # "  7   Q.  And where …": a transcript's line
PAGE_NUMBER_LINE = re.compile(r"^\s{10,}\d{1,4}\s*$")  # a page's number, set far right over its head
MIN_NUMBERED = 5


TIME_MARK = re.compile(r"[ \t]*#\d{1,2}:\d{2}:\d{2}(?:[.,-]\d{1,3})?#")  # "… Das vergess ich nicht. #00:07:49#"


def time_marks(text: str) -> str:
    """A transcript without the time marks set at its turns' ends ("#00:07:49#", as German research
    transcripts mark them), when there are several: where the recording stood, no one's words."""
    return TIME_MARK.sub("", text) if len(TIME_MARK.findall(text)) >= MIN_NUMBERED else text


def numbered(text: str) -> str:
    """The text without the numbers it is set in: a thread's posts ("1/ …", "2/ …", counting up), a
    deposition-style transcript's lines (1 to 25 on every page, under the page's number and running head,
    which are left out too) or a research transcript's, numbered on through the text; the text as it is
    otherwise."""
    lines = text.split("\n")
    posts = [(i, int(m.group("n"))) for i, line in enumerate(lines) if (m := POST_NUMBER.match(line))]
    if len(posts) >= MIN_NUMBERED and all(a[1] < b[1] for a, b in itertools.pairwise(posts)):
        for i, _ in posts:
            lines[i] = POST_NUMBER.sub("", lines[i], count=1)
        return "\n".join(lines)
    filled = [line for line in lines if line.strip()]
    counted = [int(m.group("n")) for line in filled if (m := LINE_NUMBER.match(line))]
    if len(counted) < 50 or len(counted) * 10 < len(filled) * 7:
        return text
    running = sum(b == a + 1 for a, b in itertools.pairwise(counted)) * 10 >= (len(counted) - 1) * 9
    if max(counted) > 30 and not running:  # (a research transcript numbers its lines on: 1, 2, … 128)
        return text
    out: list[str] = []
    for n, line in enumerate(lines):
        if PAGE_NUMBER_LINE.match(line):  # the page's number, and its running head on the line under it
            continue
        if n and PAGE_NUMBER_LINE.match(lines[n - 1]):
            continue
        m = LINE_NUMBER.match(line)
        out.append(line[m.end():].strip() if m else line)
    return "\n".join(out)


VTT_TIME = re.compile(r"^\s*(?P<a>(?:\d{1,2}:)?\d{2}:\d{2}\.\d{3})\s*-->\s*(?P<b>(?:\d{1,2}:)?\d{2}:\d{2}\.\d{3})\b.*$")
VOICE = re.compile(r"^\s*<v(?:\.[\w.-]+)?\s+(?P<n>[^>]{1,60})>")  # "<v Dana Whitfield>", "<v.loud Interviewer>"
VTT_TAG = re.compile(r"</?(?:[cibuv]|lang|ruby|rt)(?:[.\s][^>]*)?>|<\d{1,2}:\d{2}(?::\d{2})?\.\d{3}>")
# a line set apart by a class: a title or a credit, not speech (the colours WebVTT names are the speech's own)
CARD = re.compile(r"^\s*<c\.(?!(?:white|lime|cyan|red|yellow|magenta|blue|black|bg_\w+)\b)[\w.-]+>.*</c>\s*$")
VTT_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": ""}


def webvtt(text: str) -> tuple[dict[str, str], str]:
    """(its header's fields and its notes, the cues as SubRip) of a WebVTT file; ({}, text) for other text.
    A cue's voice ("<v Dana Whitfield>") becomes a label on its words; a cue without one goes on with the
    voice before. Notes (`NOTE`), style and region blocks are nobody's words: left out of the cues (the notes
    are kept for what they say about the recording), as are the cues' tags and settings, and cards set apart by
    a class once the talk has begun (the credits; those before it are the title cards)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        return {}, text
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    head: dict[str, str] = {}
    notes: list[str] = []
    out: list[str] = []
    voice: str | None = None
    spoken = False
    for n, block in enumerate(b for b in blocks if b):
        timing = next((k for k, line in enumerate(block[:2]) if VTT_TIME.match(line)), None)
        if timing is None:
            if n == 0:  # "WEBVTT", "Kind: captions", "Language: en"
                head.update({k.strip().lower(): v.strip() for line in block[1:] if ":" in line
                             for k, v in [line.split(":", 1)]})
            elif block[0].startswith("NOTE"):
                notes.append("\n".join([block[0][4:].strip(), *block[1:]]).strip())
            continue  # (STYLE, REGION)
        payload = block[timing + 1:]
        if spoken and all(CARD.match(line) for line in payload):
            continue  # a card after the talk began ("<c.title>Directed by …</c>"): the credits, nobody's words
        said: list[str] = []
        for line in payload:
            named = VOICE.match(line)
            spoken = spoken or bool(named)
            if named:
                voice = named.group("n").strip()
            words = VTT_TAG.sub("", line)
            for entity, char in VTT_ENTITIES.items():
                words = words.replace(entity, char)
            if words.strip():
                said.append(f"{VOICED}{voice}: {words.strip()}" if named else words.strip())
        if said:
            out.append(f"{len(out) + 1}\n00:00:00,000 --> 00:00:00,000\n" + "\n".join(said))
    if notes:
        head["notes"] = "\n\n".join(notes)
    return head, "\n\n".join(out) + "\n"


CALL_NOTICE = re.compile(r"\b(?:joined|left) the (?:meeting|call|webinar)\.?$|\bhat (?:das meeting|den anruf) "
                         r"(?:betreten|verlassen)\.?$")


def subtitles(text: str) -> tuple[str | None, str]:
    """(the first cue's text, a line a line, the text of the cues as paragraphs: a cue that names its speaker, or
    follows a cue that ends a sentence, starts a paragraph) of subtitles saved as text; (None, text) for other
    text."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    times = [i for i, line in enumerate(lines) if CUE_TIME.match(line)]
    if len(times) < MIN_CUES:
        return None, text
    first = [x.strip() for x in lines[times[0] + 1:(times[1] - 1 if len(times) > 1 else len(lines))] if x.strip()]
    first = [] if first and (SPEAKER_TAG.match(first[0]) or first[0].startswith(VOICED)) else first
    # (someone speaking first: no title card)
    lines = _voiced(lines, set(times))
    cues: list[str] = []
    for n, i in enumerate(times):
        end = times[n + 1] - 1 if n + 1 < len(times) else len(lines)  # (the next cue's number stands before it)
        said: list[str] = []
        for line in (x.strip() for x in lines[i + 1:end] if x.strip() and not x.strip().isdigit()):
            if said and line.startswith(VOICED):  # "- Kein Problem." on a cue's second line: a new speaker's cue
                cues.append(" ".join(said))
                said = []
            said.append(line.removeprefix(VOICED))
        if said:
            cues.append(" ".join(said))
    if not cues:
        return None, text
    head = [line for line in lines[:max(0, times[0] - 1)] if line.strip() and line.strip() != "WEBVTT"]
    if head or not first:  # a recording's header over its cues ("Recording date: …", "Host: …"): read as such, no
        cues.insert(0, "")  # cue a title; nor one where somebody speaks first (its words are the text's)
    out: list[str] = ["\n".join(head)] if head else []
    speaker = None
    for cue in cues[1:]:
        named = LABEL_START.match(cue)
        if named and named.group(0) == speaker:  # the same speaker's next cue: their words go on
            cue = cue[named.end():].strip()
            named = None
        elif named:
            speaker = named.group(0)
        notice = CALL_NOTICE.search(cue)  # "Lou Fennimore (producer) left the meeting": a line of its own
        if notice:
            speaker = None
        if out and not named and not notice and not CALL_NOTICE.search(out[-1]) and len(out) > len(head[:1]) \
                and not re.search(r"[。！？!?…」』”）)]$", out[-1]):
            out[-1] = _joined(out[-1], cue)
        else:
            out.append(cue)
    return ("\n".join(first) if cues[0] and first else None), "\n\n".join(out)  # (cues[0]: the title card)


# who speaks, in brackets before their first words: "[Moderatorin] Herzlich willkommen", "[Dr. Katrin Wessel] Danke"
# (not a sound: "[lacht]", "[Musik]" alone)
SPEAKER_TAG = re.compile(r"^(?:-\s+)?\[(?P<n>(?:(?:Dr|Prof)\.\s+)?[A-ZÄÖÜ][\w'’.-]+(?:\s+[A-ZÄÖÜ][\w'’.-]+){0,3})\]"
                         r"\s+(?=\S)")
SOUNDS = {"musik", "music", "applaus", "applause", "lachen", "laughter", "laughs", "lacht", "gelächter", "intro",
          "outro", "jingle", "atmo", "pause", "stille", "silence", "sighs", "seufzt", "chuckles", "kichert", "räuspert"}
ROLE_TAGS = {"moderator", "moderatorin", "moderation", "host", "interviewer", "interviewerin", "reporter", "reporterin",
             "sprecher", "sprecherin", "gast", "guest", "presenter"}
VOICED = "\x00"  # (marks a line _voiced gave a label: a cue of its own)
MARKS = re.compile(r"\s*[\[(（][^\])）]{1,30}[\])）]\s*")  # "[lacht]", "(Telefon klingelt)": no words of the speaker


def _voiced(lines: list[str], times: set[int]) -> list[str]:
    """Subtitle lines with their speakers as labels, where the cues name who speaks in brackets ("[Moderatorin] …",
    "[Dr. Katrin Wessel] …") and mark a change of speaker after that with a dash ("- Ja."), as subtitles do; other
    lines as they are. Who a dash hands over to is read from what is said: a question is the host's, the words
    after it the answer of the one asked; else a dash alone in its cue, or a cue's second, is the other speaker,
    and the first of two in a cue goes on with the one speaking."""
    uses = Counter(m.group("n") for line in lines if (m := SPEAKER_TAG.match(line.strip())))
    tags = list(uses)  # (in the order first named)
    people = [t for t in tags if t.casefold() not in SOUNDS
              and (t.casefold() in ROLE_TAGS or len(t.split()) >= 2 or uses[t] >= 2)]  # ([Laughs] is no one)
    if len(people) < 2 or not any(t.casefold() in ROLE_TAGS or len(t.split()) >= 2 for t in people):
        return lines
    host = next((t for t in people if t.casefold() in ROLE_TAGS), people[0])
    main = next(t for t in people if t != host)  # the one interviewed
    spoken = [i for i, line in enumerate(lines) if i not in times and line.strip() and not line.strip().isdigit()]
    starts = [n for n, i in enumerate(spoken)
              if SPEAKER_TAG.match(lines[i].strip()) or lines[i].strip().startswith("- ")]
    cue_of, cue = {}, -1  # each spoken line's cue (the number of its time line)
    for i in range(len(lines)):
        cue = i if i in times else cue
        cue_of[i] = cue
    by_cue: dict[int, list[int]] = {}
    for i in spoken:
        by_cue.setdefault(cue_of[i], []).append(i)
    out = list(lines)
    speaker: str | None = None
    guest, asked_by = main, None  # the last other voice heard; who asked the question just before
    for k, n in enumerate(starts):
        i = spoken[n]
        upto = starts[k + 1] if k + 1 < len(starts) else len(spoken)
        said = " ".join(lines[j].strip() for j in spoken[n:upto])
        tag = SPEAKER_TAG.match(lines[i].strip())
        dashes = [j for j in by_cue[cue_of[i]] if lines[j].strip().startswith("- ")]  # the cue's dash lines
        paired, second = len(dashes) >= 2, bool(dashes) and dashes[0] < i
        if tag and tag.group("n") in people:
            speaker, words = tag.group("n"), lines[i].strip()[tag.end():]
        elif (tag and not lines[i].strip().startswith("- ")) or speaker is None:
            continue  # (a sound in brackets; a dash before anyone is named)
        else:
            words = lines[i].strip()[2:].strip()  # (a dash, perhaps before a sound: "- [Laughs] Würden Sie …?")
            if second:
                speaker = guest if speaker == host else host  # a cue's second dash: the other one
            elif _cue_asks(_first_sentence(said)) and _cue_asks(said):
                speaker = host  # a question: the one who asks ("- Die Bezahlung? Die war …": an answer)
            elif asked_by is not None:
                speaker = guest if asked_by == host else main if asked_by != main else host  # its answer
            elif not paired:
                speaker = guest if speaker == host else host  # a dash alone in its cue: the other one (the first
                # of two in a cue may go on with the one speaking)
        guest = speaker if speaker != host else guest
        named = bool(tag and tag.group("n") in people)  # (who asks at the end of a dash's words is not sure:
        asks = _cue_asks(said) and (named or speaker == host or _cue_asks(_first_sentence(said)))
        asked_by = speaker if asks else None
        out[i] = f"{VOICED}{speaker}: {words}"  # an untagged question after an answer may be the host's)
    return out


def _first_sentence(said: str) -> str:
    heard = MARKS.sub(" ", said)
    m = re.search(r"[.!?。！？…](?=\s|$)", heard)
    return heard[:m.end()] if m else said


def _cue_asks(said: str) -> bool:
    """Whether words said in subtitles end asking ("Wirklich? [lacht]": the sound does not count)."""
    return MARKS.sub(" ", said).rstrip().endswith(("?", "？"))


def _joined(left: str, right: str) -> str:
    """Two cues of one sentence: no space between Chinese, one between words."""
    if re.search(r"[\u3400-\u9fff，、；：]$", left) or re.match(r"[\u3400-\u9fff，。、；：！？]", right):
        return left + right
    return f"{left} {right}"


WIKILINK = re.compile(r"(!?)\[\[([^\]|\n]{1,200})(?:\|([^\]\n]{1,200}))?\]\]")
BLOCK_ID = re.compile(r"[ \t]+\^[A-Za-z0-9-]{2,40}[ \t]*$", re.M)  # "… ^a1b2c3": an outliner's block id, hidden
CALLOUT = re.compile(r"^(>[ \t]*)\[!(?P<k>[\w-]+)\][-+]?[ \t]*", re.M)  # "> [!note] Context"
QUERY_BLOCK = re.compile(r"^```(?:dataview|dataviewjs|query|tasks)\b.*?^```[ \t]*$\n?", re.M | re.S)
NOTE_COMMENT = re.compile(r"%%.*?%%", re.S)  # "%% Audio: Aufnahmen/… %%": a comment the note never shows
TASK = re.compile(r"^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+.*$\n?", re.M)  # "- [ ] Zitate freigeben lassen"
WORKING_CALLOUT = re.compile(r"^>[ \t]*\[!(?:todo|warning|caution|attention|bug|danger|error|failure|fail|missing)\]"
                             r".*$\n?(?:^>.*$\n?)*", re.M | re.I)  # "> [!todo] Frage 9 fehlt" and its lines
OUTLINE_ITEM = re.compile(r"^(?P<indent>[ \t]*)[-*+][ \t]+(?P<t>\S.*)$")
TRAILING_TAGS = re.compile(r"(?:[ \t]+#[\w/-]+)+[ \t]*$")  # "… slow you down? #followup"
MIN_OUTLINE_QUESTIONS = 3


TOML_FRONT = re.compile(r"\A\ufeff?\s*?\+\+\+[ \t]*\n.*?\n\+\+\+[ \t]*(?:\n|\Z)", re.S)


def notes(text: str) -> str:
    """A note from a personal knowledge base (Obsidian, Logseq) as it reads: wikilinks as the words they show
    ("[[Wrenfield Township|township]]": "township"), embedded files as images, block ids and query blocks left
    out, callouts as quotes under their title; and an interview kept as an outline (each question a bullet,
    its answer the bullets nested under it) as questions over paragraphs. Other texts are returned as they are."""
    head = TOML_FRONT.match(text)  # (Hugo's TOML front matter as it is: a table "[[resources]]" is no wikilink; a
    # note's YAML may link its values, "publication: [[The Coastline Review]]")
    if head:
        return head.group(0) + notes(text[head.end():])
    if not (WIKILINK.search(text) or CALLOUT.search(text)):
        return outline(text)
    text = WIKILINK.sub(lambda m: f"![]({m.group(2)})" if m.group(1) else (m.group(3) or m.group(2)), text)
    text = QUERY_BLOCK.sub("", BLOCK_ID.sub("", NOTE_COMMENT.sub("", text)))
    text = WORKING_CALLOUT.sub("", TASK.sub("", text))  # the writer's to-dos: no one's words, nothing to read
    text = CALLOUT.sub(lambda m: m.group(1), text)
    return outline(text)


# Python-Markdown's extensions, as MkDocs sites write them: an admonition's head ('!!! note "Zur Person"', a
# collapsible "??? info"), a snippet include ('--8<-- "snippets/x.md"'), a content tab's head ('=== "Tab"'), an
# attribute list ("{ width=300 }", "{ #teil-1 }", "{ .md-button }"), an abbreviation's definition ("*[IT]: …")
ADMONITION = re.compile(r"""^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+(?:"(?P<t>[^"\n]*)"|'(?P<s>[^'\n]*)'))?[ \t]*$""")
SNIPPET = re.compile(r"""^[ \t]*-{1,2}8<-{1,2}[ \t]+["'][^"'\n]+["'][ \t]*\n?""", re.M)
TAB_HEAD = re.compile(r'^===[+!]?[ \t]+"[^"\n]*"[ \t]*\n?', re.M)
_ATTR = r"""(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+))"""
ATTR_LIST = re.compile(rf"[ \t]*\{{:?[ \t]*{_ATTR}(?:[ \t]+{_ATTR})*[ \t]*\}}")
ABBREVIATION = re.compile(r"^\*\[[^\]\n]+\]:[^\n]*\n?", re.M)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def extensions(text: str) -> str:
    """A Markdown text as its site shows it: without HTML comments, snippet includes, tab heads, attribute lists
    and abbreviations' definitions, each admonition a quote under its title (an editor's box, no answer's part)."""
    text = HTML_COMMENT.sub("", text)
    if not (ADMONITION.search(text.split("\n", 1)[0]) or re.search(r"(?m)^(?:!!!|\?\?\?)|-8<-|^===|\{[:#. \w-]", text)):
        return text
    text = markup.PANDOC_SPAN.sub(lambda m: m.group(1) + (m.group(2) or ""), text)  # (before its attributes go)
    text = ABBREVIATION.sub("", ATTR_LIST.sub("", TAB_HEAD.sub("", SNIPPET.sub("", text))))
    out: list[str] = []
    boxed = False
    for line in text.split("\n"):
        head = ADMONITION.match(line)
        if head:
            boxed = True
            title = head.group("t") if head.group("t") is not None else head.group("s")
            out += [f"###### {title}", ""] if title else []
        elif boxed and (line.startswith(("    ", "\t")) or not line.strip()):
            out.append("> " + line[4:] if line.startswith("    ") else "> " + line[1:] if line.strip() else ">")
        else:
            boxed = False
            out.append(line)
    return "\n".join(out)


MARKED_TURN = re.compile(r"(?:^|(?<=\n\n))(?P<m>[?!¿¡])[ \t]+(?=\S)")  # "? Herr Krause, …" / "! Das war …" opening
# a paragraph


def marked_turns(text: str) -> str:
    """A text whose questions open with "?" and answers with "!" (as some newsletters print an interview) with
    those marks as the labels they stand for ("Q:", "A:"); any other text as it is."""
    marks = [m.group("m") for m in MARKED_TURN.finditer(text)]
    if sum(m in "?¿" for m in marks) < MIN_MARKED or sum(m in "!¡" for m in marks) < MIN_MARKED \
            or len(re.findall(r"(?m)^[^\W\d][^:\n]{0,30}:[ \t]+\S", text)) >= MIN_MARKED:
        return text  # (not a quiz box under an interview of labelled turns)
    return MARKED_TURN.sub(lambda m: "Q: " if m.group("m") in "?¿" else "A: ", text)


MIN_MARKED = 3


def _asks(item: str) -> bool:
    return TRAILING_TAGS.sub("", item).strip(" *_").endswith(("?", "？"))


def outline(text: str) -> str:
    """An interview written as an outline (at least MIN_OUTLINE_QUESTIONS top-level bullets that ask, each with
    bullets nested under it) as bold questions over the paragraphs of their answers; else the text as it is."""
    lines = text.split("\n")
    items = [(i, m) for i, line in enumerate(lines) if (m := OUTLINE_ITEM.match(line))]
    nested = {i for i, m in items if m.group("indent")}
    asking = [i for i, m in items if not m.group("indent") and _asks(m.group("t")) and i + 1 in nested]
    if len(asking) < MIN_OUTLINE_QUESTIONS:
        return text
    out = list(lines)
    for i, m in items:
        said = m.group("t").strip()
        if i in asking:
            question = TRAILING_TAGS.sub("", said)
            out[i] = "\n" + (question if question.startswith(("**", "__")) else f"**{question}**") + "\n"
        elif i in nested and any(a < i for a in asking):
            out[i] = "\n" + said + "\n"  # an answer's paragraph
    return "\n".join(out)
