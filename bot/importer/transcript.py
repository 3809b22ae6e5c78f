"""Plain-text transcripts as archives keep them: a header of `Key: value` lines under the archive's name
and the interview's title, and speakers named on a line of their own above what they say.

    PENWITH MARITIME ORAL HISTORY ARCHIVE
    Oral history interview with Walter Penhallow, former lighthouse keeper

    Interviewee: Walter Penhallow
    Interviewer: Susan Hale
    Date: 14 March 2019

    SUSAN HALE
    Could you start by telling me how you came to join?

`header()` reads such a header into front-matter keys (and the text without it); `name_lines()` writes a
name that stands alone on its line, again and again, above a speaker's words as a label (`SUSAN HALE: …`),
the shape the label finder reads.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from typing import Any

from bot.importer import metadata, names

# header keys as archives write them -> the front matter's keys
KEYS = {
    "interviewee": "interviewee", "narrator": "interviewee", "informant": "interviewee",
    "interviewpartner": "interviewee", "interviewpartnerin": "interviewee", "befragte": "interviewee",
    "befragter": "interviewee", "受访者": "interviewee", "受訪者": "interviewee", "口述者": "interviewee",
    "受访人": "interviewee", "受訪人": "interviewee", "口述人": "interviewee",
    "gast": "interviewee", "gäste": "interviewee", "guest": "interviewee", "guests": "interviewee",
    "panelists": "interviewee", "panellists": "interviewee", "panel": "interviewee", "speakers": "interviewee",
    "podium": "interviewee", "podiumsgäste": "interviewee",
    "嘉宾": "interviewee", "嘉賓": "interviewee",
    "interviewer": "interviewer", "interviewerin": "interviewer", "interviewed by": "interviewer",
    "moderation": "interviewer", "moderator": "interviewer", "moderatorin": "interviewer", "host": "interviewer",
    "hosts": "interviewer", "presenter": "interviewer", "主持": "interviewer", "主持人": "interviewer",
    "采访者": "interviewer", "採訪者": "interviewer", "采访人": "interviewer", "採訪人": "interviewer",
    "访谈人": "interviewer", "訪談人": "interviewer", "采访": "interviewer", "採訪": "interviewer",
    "date": "date", "interview date": "date", "recording date": "date", "date of interview": "date", "recorded": "date",
    "datum": "date", "日期": "date", "采访日期": "date", "採訪日期": "date",
    "title": "title", "titel": "title", "标题": "title", "標題": "title", "meeting-titel": "title",
    "headline": "title", "überschrift": "title", "schlagzeile": "title",  # a desk's copy: its story's fields
    "standfirst": "summary", "teaser": "summary", "vorspann": "summary", "lede": "summary",
    "runs": "date", "published": "date", "erscheint": "date",
    "meeting title": "title", "meeting topic": "title", "besprechungsthema": "title",
    "summary": "summary", "abstract": "summary", "zusammenfassung": "summary", "摘要": "summary",
    "session abstract": "summary", "description": "summary", "beschreibung": "summary",
    "permanent url": "url", "persistent url": "url", "permalink": "url", "url": "url", "stable url": "url",
    "source": "url",
    "publisher": "publisher", "archive": "publisher", "repository": "publisher", "archiv": "publisher",
    "language": "language", "sprache": "language",
    "location": "", "place": "", "ort": "", "地点": "", "地點": "", "duration": "", "length": "", "dauer": "",
    "länge": "", "laufzeit": "", "runtime": "", "sendung": "", "programme": "", "program": "", "show": "",
    "episode": "", "folge": "", "节目": "publisher", "節目": "publisher", "broadcast": "date", "aired": "date",
    "时长": "", "時長": "", "transcribed by": "", "本期嘉宾": "interviewee", "本期嘉賓": "interviewee",
    "主播": "interviewer", "上线时间": "date", "上線時間": "date", "收听": "", "收聽": "",
    "发布时间": "date", "發布時間": "date", "发布日期": "date", "發布日期": "date", "收听地址": "url",
    "收聽地址": "url", "原文链接": "url", "原文連結": "url", "链接": "url", "連結": "url", "transcriber": "",
    "transkription": "", "transcription": "",
    "collection": "", "sammlung": "", "reference": "", "ref": "", "note": "", "notes": "", "anmerkung": "",
    "subject": "", "subjects": "", "keywords": "", "schlagwörter": "", "tape": "", "format": "",
    "witness": "interviewee", "witnesses": "interviewee", "zeuge": "interviewee", "zeugin": "interviewee",
    "sachverständige": "interviewee", "members present": "interviewer", "committee members present": "interviewer",
    "present": "",
    "staff present": "", "also present": "", "anwesend": "", "autorin": "interviewer", "autor": "interviewer",
    "redaktion": "", "regie": "", "es sprechen": "", "sprecher": "", "sprecherin": "", "ton und technik": "",
    "technik": "", "ton": "", "produktion": "", "sendetermin": "date", "time": "", "uhrzeit": "",
    "reported by": "", "court reporter": "", "transkribent": "", "transkriptionsregeln": "",
    "interview-nr.": "", "interview-nr": "", "interview no.": "",
    "beginn": "", "schluss": "", "ende": "", "unterbrechung": "", "protokollierung": "", "protokoll": "",
    "vorsitz": "interviewer", "anwesende ausschussmitglieder": "interviewer", "ausschussmitglieder": "interviewer",
    "weitere teilnehmende": "",  # (a hearing's record: when it began and ended, who chaired, who sat)
    "meeting id": "", "meeting-id": "", "participants": "", "teilnehmer": "", "teilnehmende": "",  # (a call's)
    # a knowledge base page's properties ("Status: Final", "Created by: …", "Online-URL: …")
    "status": "", "rubrik": "", "ressort": "", "tags": "", "created": "", "created by": "", "last edited": "",
    "last edited by": "", "interviewdatum": "", "zeichen": "", "zeichen (inkl. leerzeichen)": "", "ausgabe": "",
    "interview": "interviewer", "veröffentlicht": "date", "veröffentlichung": "date", "online-url": "url",
    "online url": "url", "link": "url",
}
KEY_LINE = re.compile(r"^\s*(?P<key>[A-Za-zÄÖÜäöü\u4e00-\u9fff][\w .()\u4e00-\u9fff-]{0,30}?)(?:[:*_/](?:in|innen))?"
                      r"\s*[:：]"
                      r"\s*(?P<value>\S.*)$")  # ("Transkribent:in: Mira Oltmanns": the key, gendered)
LIST_KEY = re.compile(r"^\s*(?P<key>[^\W\d][\w .-]{0,30}?)\s*[:：]\s*$")  # "WITNESS:" over indented names
MIN_KEYS = 3  # key lines that make a header (a lone "Date:" in a text is no header), each key once
MAX_VALUE = 150  # characters: a header's value; a longer one is somebody speaking
HEAD_LINES = 12  # lines above the header: the archive's name, the collection, the title
CAPS = re.compile(r"^[A-ZÄÖÜÀ-Þ][A-ZÄÖÜÀ-Þ .&'’-]+$")
BYLINE = re.compile(r"^(?:by|von|text|interview|photos?|fotos?)\b\s*:?\s", re.I)  # a byline or credit, no title
RULE = re.compile(r"^\s*(?:[=\-_*~#+]\s*){3,}$")  # a line drawn under a heading or between parts
SEPARATOR = re.compile(r"\s+(?:[·|–—]|--)\s+")
INTERVIEW = re.compile(r"(?i)\binterview\b|\bgespräch\b|\bhearing\b|\banhörung\b|\bpress conference\b|\boral history\b|"
                       r"\bwortprotokoll\b|\bsitzungsprotokoll\b|\bverbatim record\b|"
                       r"\bpressekonferenz\b|访谈|訪談|采访|採訪|口述|听证|聽證")


TRANSCRIPT_MARK = re.compile(r"^\s*(?:full |edited )?(?:transcript|transcription|transkript|transkription|"
                             r"wortprotokoll|文字稿|文字实录|文字實錄|逐字稿|实录|實錄)\s*[:：]?\s*$", re.I)
MARKER_LINES = 80  # lines: where a transcript's start is marked, if it is
MAX_ITEMS = 12  # indented lines under a key: the panelists
PEOPLE = {"interviewee", "interviewer"}
PAGE_LINES = 3  # pages a running foot is seen on
PAGE_NUMBER = re.compile(r"(?i)\b(?:page|seite|p\.|s\.)\s*\d+|^\s*\d+(?:\s{2,}|\u3000)\S|\S(?:\s{2,}|\u3000)\d+\s*$"
                         r"|^\s*·\s*\d{1,4}\s*·")  # (a journal's "· 87 ·" before its running head)
HAN = re.compile(r"[\u3400-\u9fff]")
PAGE_WORD = re.compile(r"(?i)\b(?:page|seite)\s+\d{1,4}\s*$")


def n_line(lines: list[str], norm: list[str], n: str) -> str:
    """The first line whose form without numbers is `n`."""
    return next(line for line, m in zip(lines, norm, strict=True) if m == n)


PAGE_ALONE = re.compile(r"\s*(?:[-–—·]\s*\d{1,4}\s*[-–—·]|(?i:page|seite|p\.|s\.)\s*\d{1,4}|第\s*\d{1,4}\s*[页頁])\s*")
ISSUE_UNITS = re.compile(r"\d+\s*(?:月號|月号|年|月|日|期|頁|页|號|号)?")  # "２０２４年６月號　４６": no name


PSEUDONYM = re.compile(r"(?i:pseudonym|alias|genannt|called)\s*:?\s*[„“\"»‚']?"
                       r"(?P<n>[A-ZÄÖÜ][^“”\"«‘',;()]{2,40})[“”\"«‘']"
                       r"(?P<l>\s*\([A-Z]{1,3}\d{0,2}\))?")


def _key(line: str) -> tuple[str, str] | None:
    """(front-matter key or "", value) of a header line: a known key and a short value (a summary may be long)."""
    m = KEY_LINE.match(line)
    if not m or m.group("key").strip().lower() not in KEYS:
        return None
    key, value = KEYS[m.group("key").strip().lower()], m.group("value").strip()
    if key == "url" and not re.fullmatch(r"https?://\S+", value):
        return ("", value) if len(value) <= MAX_VALUE else None  # "Source: Radio Bremen": no address
    if key in PEOPLE:
        alias = PSEUDONYM.search(value)  # "B07, Pseudonym „Karin Weidlich“ (B), 47 Jahre": the name the text uses
        value = alias.group("n").strip() + (alias.group("l") or "") if alias else value
        if len(value.split()) > 6 or re.search(r"[?？.!。]$", value):
            return None  # "Interviewer: Could you start by …?": a turn, not who asked
        # "Lena Ortiz, Senior Editor, Tidewater Quarterly; Ann Lee, …": each person without the affiliation
        value = "; ".join(re.split(r"[,，]", p)[0].strip() for p in re.split(r"[;；、]|\s+(?:and|und|&)\s+", value))
        # ("沈一禾，杭州城市养蜂人", "周澈、林小满": each person)
    return (key, value) if len(value) <= MAX_VALUE or key == "summary" else None


ITEM_OR_BODY = re.compile(r"(?i)^interview\s*(?:no\.?|nr\.?|number|#)\s*\d+$")  # an archive's item number
WRAPPED_LINE = 60  # characters: lines this long one after another are a paragraph's, wrapped


def _wrapped(lines: list[str], i: int) -> bool:
    """Whether line i is one of a wrapped paragraph's lines (a long line beside it), not a title of its own."""
    return len(lines[i].strip()) >= WRAPPED_LINE and any(
        0 <= j < len(lines) and len(lines[j].strip()) >= WRAPPED_LINE for j in (i - 1, i + 1))


def header(text: str) -> tuple[dict[str, Any], str]:
    """(front-matter keys, the text without the header) of a transcript with an archive's header, else
    ({}, text). The header is a block of key lines (blank lines between, each key once) starting within
    the first lines; above it, a line about an interview (or the last line that is no byline) is the
    title and a line in capitals the archive's name; a summary stays in the text, as do a Markdown
    heading (the title then) and a byline above it."""
    exported = _export_header(text)
    if exported:
        return exported
    written = text.split("\n")
    lines = [_unpiped(line) for line in written]  # "| Interviewee | Jane Doe |": a key line set as a table
    block: list[int] = []
    marker = _transcript_marker(lines)
    lists = marker is None  # lists under keys ("WITNESS:" over names) make a block; above "TRANSCRIPT", all do
    filled = [i for i, line in enumerate(lines) if line.strip()][:HEAD_LINES + 1]  # (blank lines do not count)
    whole = "\n".join(lines)
    for start in (i for i in filled if _key(lines[i]) or _field(lines[i], whole) or (lists and _listed(lines, i))):
        block = _block(lines, start, lists, whole)
        if _known(lines, block, lists) >= MIN_KEYS:
            break
    found: dict[str, Any] = {}
    drop = set()
    kept: set[int] = set()  # the summary's lines: text a reader may want, left as narrative
    if _known(lines, block, lists) < MIN_KEYS and marker is not None:  # key lines among others, above "TRANSCRIPT"
        block = [i for i in range(marker) if _key(lines[i]) or _listed(lines, i)]
        if len({(_key(lines[i]) or ("list " + lines[i].strip(),))[0] for i in block}) < MIN_KEYS:
            block = []
    if _known(lines, block, lists) < MIN_KEYS:
        return {}, text
    for i in block:
        listed = _listed(lines, i)
        if listed:  # "Panelists:" over indented lines, one person each ("Dr. Ann Lee, University of …")
            key, items, under = listed
            drop.add(i)
            if key == "summary":
                kept.update(under)
                continue
            drop.update(under)
            if key and key not in found:
                found[key] = [_person(item) for item in items] if key in PEOPLE else items[0]
            continue
        key, value = _key(lines[i]) or ("", "")
        if key == "summary":
            kept.add(i)
            continue
        drop.add(i)
        if key and key not in found:
            found[key] = value
    above, continued = _joined_caps([(i, lines[i].strip()) for i in range(block[0])
                                     if lines[i].strip() and not _key(lines[i]) and not RULE.match(lines[i])])
    if not any(line.startswith("#") for _, line in above):  # else the heading is the title (from_markdown)
        plain = [(i, line) for i, line in above if not BYLINE.match(line)]
        words = [(i, line) for i, line in plain if not CAPS.match(line) and not named_site(line)]
        caps = [(i, named_site(line) or line) for i, line in plain
                if (CAPS.match(line) and len(line.split()) >= 2) or named_site(line)]
        service = [x for x in caps if _transcriber(x[1], text)]
        drop.update(i for i, _ in service)
        caps = [x for x in caps if x not in service]
        below = next(((i, lines[i].strip()) for i in range(block[-1] + 1, min(len(lines), block[-1] + HEAD_LINES))
                      if lines[i].strip() and not RULE.match(lines[i])), None)
        if below and not (INTERVIEW.search(below[1]) and len(below[1]) <= MAX_VALUE and not _key(below[1])):
            below = None  # the title under the header: a line about the interview
        last = words[-1] if words else None
        if (len(words) >= 2 and words[-2][0] + 1 == words[-1][0] and not re.search(r"[.:;!?]$|\d", words[-2][1])
                and len(words[-2][1].split()) >= 3 and not re.search(r"[:?]", words[-1][1])):
            last = words[-2]  # a title over its subtitle ("Das Gedächtnis der Deiche" / "Vom Leben mit …")
        about = sorted((x for x in [*words, *caps] if INTERVIEW.search(x[1]) and not ITEM_OR_BODY.search(x[1])
                        and not _wrapped(lines, x[0])),  # ("HEARING ON …" in capitals; not "Interview No. 217"
                       # or a line of the abstract)
                       key=lambda x: not re.search(r"(?i)\b(?:of|with|on|mit|von|über)\b", x[1]))  # (a person's, first)
        titled = about[0] if about else (below or last)
        dated = next(((i, line) for i, line in words if DATE_LINE.fullmatch(line)), None)
        if dated and "date" not in found:  # "Thursday, March 6, 2025" on a line of its own
            found["date"] = dated[1]
            words.remove(dated)
            drop.add(dated[0])
        if titled in caps:
            caps.remove(titled)
        if "title" not in found and titled:
            found["title"] = titled[1]
            drop.add(titled[0])
        if caps and "title" in found and "publisher" not in found:
            found["publisher"] = names.written_as(caps[0][1], [text]) or name_in_capitals(caps[0][1])
            drop.add(caps[0][0])
        elif caps and "title" not in found:
            found["title"] = caps[0][1]  # a title in capitals, as it stands
            drop.add(caps[0][0])
        if found.keys() & PEOPLE:  # a record's header (who spoke, when, where): what else stands above it
            drop.update(i for i, line in above if len(line) <= MAX_VALUE)  # is the record's, not anyone's words
    drop |= {j for i in drop if i in continued for j in continued[i]}  # a title's second line in capitals
    drop |= {i for i in range(block[-1]) if RULE.match(lines[i])}  # what underlined the lines read
    i = block[0] - 1
    while i >= 0 and (TABLE_ROW.match(written[i]) or TABLE_RULE.match(written[i])):
        drop.add(i)  # the table's head ("| Field | Value |") and the rule under it
        i -= 1
    if marker is not None and block[-1] < marker:  # above "TRANSCRIPT", all but a summary is the archive's
        drop |= {i for i in range(marker + 1) if i not in kept}  # description of the recording: left out
        drop |= {i for i in range(marker + 1, min(len(lines), marker + 3)) if RULE.match(lines[i])}
    return found, "\n".join(line for i, line in enumerate(written) if i not in drop)


TABLE_ROW = re.compile(r"^\s*\|\s*(?P<key>[^|]{1,30}?)\s*\|\s*(?P<value>[^|]*?)\s*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")


def _unpiped(line: str) -> str:
    """A two-column table row as a key line ("| Date | 14 February 2024 |" -> "Date: 14 February 2024"), a key
    line quoted ("> 上线时间：2024-04-12") as a key line; a table's head and other lines as they are."""
    quoted = QUOTED_KEY.match(line)
    if quoted and _key(line[quoted.end():]):
        return line[quoted.end():]
    m = TABLE_ROW.match(line)
    if not m:
        return line
    key = m.group("key").strip("*_ ")
    return f"{key}: {m.group('value').strip('*_ ')}" if key.lower() in KEYS else f"{key} {m.group('value')}"


QUOTED_KEY = re.compile(r"^\s{0,3}>\s?")
DATE_LINE = re.compile(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|"
                       r"\d{1,2}\.?\s+[A-ZÄÖÜ][a-zäöü]+\.?\s+\d{4})")


def _joined_caps(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], dict[int, list[int]]]:
    """A title in capitals set over two lines ("HEARING ON THE LEAD SERVICE LINE REPLACEMENT" / "PROGRAM OF
    THE …") as one line, at the first's index; and the lines joined onto each."""
    out: list[tuple[int, str]] = []
    continued: dict[int, list[int]] = {}
    for i, line in lines:
        if out and out[-1][0] + len(continued.get(out[-1][0], [])) + 1 == i and CAPS.match(line) \
                and CAPS.match(out[-1][1]) and len(line.split()) >= 2:
            continued.setdefault(out[-1][0], []).append(i)
            out[-1] = (out[-1][0], f"{out[-1][1]} {line}")
        else:
            out.append((i, line))
    return out, continued


SECTION_LINE = re.compile(r"(?i)(?:summary )?keywords|speakers|sprecher|schlagwörter|关键词|關鍵詞|说话人|發言人")


def _export_header(text: str) -> tuple[dict[str, Any], str] | None:
    """The header a transcription service writes over its text: the recording's name, its date, then
    "SUMMARY KEYWORDS" and "SPEAKERS" each over a line ("Tom Brennan, Keziah Amadi") -> (the title, date and
    speakers as front-matter keys, the text without the header); None for other texts."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()][:HEAD_LINES]
    heads = [i for i in filled if SECTION_LINE.fullmatch(lines[i].strip()) and i + 1 < len(lines)]
    speakers = next((i for i in heads if re.fullmatch(r"(?i)speakers|sprecher|说话人|發言人", lines[i].strip())), None)
    if speakers is None:
        return None
    listed = next((j for j in filled if j > speakers), None)
    if listed is None:
        return None
    people = [p.strip() for p in re.split(r"[,，、]", lines[listed]) if p.strip()]
    if not people or not all(len(p.split()) <= 4 and not re.search(r"[.!?。]$", p) for p in people):
        return None
    found: dict[str, Any] = {"speakers": people}
    above = [i for i in filled if i < min(heads)]
    dated = next((i for i in above if metadata_date(lines[i])), None)
    if dated is not None:
        found["date"] = metadata_date(lines[dated])
    titled = next((i for i in above if i != dated), None)
    if titled is not None:
        found["title"] = lines[titled].strip()
    end = max(listed, *(next((j for j in filled if j > h), h) for h in heads))
    return found, "\n".join(lines[end + 1:])


def metadata_date(line: str) -> str | None:
    """A line that is a date (and perhaps a time and a length: "Fri, Jun 13, 2025 10:02AM • 38:41")."""
    s = line.strip()
    if len(s) > 60 or not re.search(r"\b(?:19|20)\d\d\b", s) or re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", s):
        return None
    return metadata.iso_date(s)


def _transcript_marker(lines: list[str]) -> int | None:
    """The line that says the transcript starts ("TRANSCRIPT", "Transkript:", "文字实录"), within the first
    lines, or None."""
    return next((i for i, line in enumerate(lines[:MARKER_LINES]) if TRANSCRIPT_MARK.match(line)), None)


def _listed(lines: list[str], i: int) -> tuple[str, list[str], range] | None:
    """(front-matter key, items, the lines after the key to its last item) of a key line with no value and
    indented lines under it (a blank line may stand between the key and its list)."""
    m = LIST_KEY.match(lines[i])
    if not m or m.group("key").strip().lower() not in KEYS:
        return None
    first = i + 2 if i + 2 < len(lines) and not lines[i + 1].strip() else i + 1
    key = KEYS[m.group("key").strip().lower()]
    items = []
    for line in lines[first:first + MAX_ITEMS]:
        flush = key in PEOPLE and len(line) <= 120 and not re.search(r"[.?!:：]$", line.strip()) and all(
            w[:1].isupper() or not w[:1].isalpha() for w in line.split())  # "Abg. Uwe K. (SPD)", no sentence
        if not line.strip() or not (line[:1].isspace() or flush):
            break
        items.append(line.strip())
    return (key, items, range(i + 1, first + len(items))) if items else None


GENRES = {"feature", "features", "podcast", "interview", "interviews", "sendung", "sendungen", "sendungsarchiv",
          "abschrift",
          "archiv", "archive", "transcript", "transcripts", "transkript", "manuskript", "hörspiel", "reportage",
          "mediathek", "audiothek", "press kit", "presskit", "pressemappe", "presseinformation", "press release",
          "email interview", "e-mail interview", "e-mail-interview", "interview by email", "pressestelle",
          "stabsstelle kommunikation", "press office", "newsroom", "presse und kommunikation", "communications"}


def _transcriber(name: str, text: str) -> bool:
    """Whether the text credits `name` with its transcription ("Transcribed by Scrivly (scrivly.com)"): the
    service's name over its export ("Scrivly — Transcript") is no publisher."""
    return bool(re.search(rf"(?i)\b(?:transcribed|transcription|transcript|transkribiert|transkription)\s+"
                          rf"(?:by|provided by|von|durch)\s+{re.escape(name.strip())}\b", text))


def named_site(line: str) -> str | None:
    """The archive's name in capitals before a section's ("KULTURWELLE · Sendungsarchiv"), or any name
    before a kind of programme ("Radio Nordwelle – Feature")."""
    parts = SEPARATOR.split(line.strip(), maxsplit=1)
    name = re.sub(r"\s+(?:19|20)\d\d$|\s+\d{2,3}[,.]\d{1,2}$", "", parts[0])  # "COASTAL RESILIENCE FORUM 2024": the
    # forum, not the year; "RADIO LAHNWELLE 94,3": the station, not its frequency
    if len(parts) == 2 and parts[1].strip().casefold() in GENRES and 1 <= len(name.split()) <= 5 and name.istitle():
        return name
    return name if len(parts) == 2 and CAPS.match(name) and len(name) >= 3 else None


FIELD_LINE = re.compile(r"^\s*(?P<key>[A-Za-zÄÖÜäöü][\w .#()-]{0,24}?)\s*[:：]\s+(?P<value>\S.{0,59})$")


def _field(line: str, text: str = "") -> bool:
    """A header's line of a field no key here reads ("File name:   ep112.mp3", "Order #:  SCR-2291-88470"): a
    short key and a short value that is no sentence, the key no label `text` uses again ("周禾：谢谢小溪，…")."""
    m = FIELD_LINE.match(line)
    if m is None or re.search(r"[.!?。！？…，、；]$|[，。！？、]", m.group("value").strip()):
        return False
    key = re.escape(m.group("key").strip())
    return len(re.findall(rf"(?m)^\s*{key}\s*[:：]", text)) <= 1 if text else True


def _known(lines: list[str], block: list[int], lists: bool = True) -> int:
    """How many of a block's lines are keys read here (or lists under them)."""
    return sum(1 for i in block if _key(lines[i]) or (lists and _listed(lines, i)))


def _block(lines: list[str], start: int, lists: bool = True, whole: str = "") -> list[int]:
    """The key lines from `start` on, blank lines between: up to any other line or a key seen before; the
    lines of fields no key reads go with it when they stand right beside its lines."""
    block: list[int] = []
    seen: set[str] = set()
    items: set[int] = set()  # the lines listed under a key
    for i in range(start, len(lines)):
        if not lines[i].strip() or i in items:
            continue
        listed = _listed(lines, i) if lists else None
        m = KEY_LINE.match(lines[i]) or LIST_KEY.match(lines[i]) or FIELD_LINE.match(lines[i])
        written = m.group("key").strip().lower() if m else ""
        if block and i - 1 == block[-1] and re.search(r",\s*$", lines[block[-1]]) and not KEY_LINE.match(lines[i]) \
                and len(lines[i].strip()) <= MAX_VALUE:
            block.append(i)  # a value going on on the next line ("Place: Home of …, 212 Sycamore Street," / "Alder …")
            continue
        unread = not (_key(lines[i]) or listed)  # (beside the header's lines, never after a blank: "Dana: Okay")
        if (unread and not (_field(lines[i], whole) and (i - 1 in block or (not block and i + 1 < len(lines) and (
                _key(lines[i + 1]) or _field(lines[i + 1], whole)))))) or written in seen:
            break
        if listed:
            items.update(listed[2])
        seen.add(written)
        block.append(i)
    return block


def without_page_furniture(text: str) -> str:
    """The text of a paginated document without its running heads and feet ("Proceedings of … — page 7"
    and the header line beside it), a sentence broken across a page joined again; form feeds removed.
    A foot is a line of several words, no sentence, seen on PAGE_LINES pages with its number changing."""
    return paginated(text)[0]


EDGE_NUMBER = re.compile(r"^\s*·?\s*(\d+)(?=\s{2,}|\u3000|\s*·)|(?<=\S)(?:\s{2,}|\u3000)(\d+)\s*$")


def _numbers(line: str) -> tuple[int, ...]:
    """A running line's numbers, the one at its outer edge first: the page number sits left on even pages and
    right on odd ones ("36    FLIESEN & PLATTEN PRAXIS · Ausgabe 4/2024", "… Ausgabe 4/2024    37")."""
    edge = EDGE_NUMBER.search(line)
    if not edge:
        return tuple(int(x) for x in re.findall(r"\d+", line))
    rest = line[:edge.start()] + " " + line[edge.end():]
    return (int(edge.group(1) or edge.group(2)), *(int(x) for x in re.findall(r"\d+", rest)))


def _page_numbers(found: list[tuple[int, ...]]) -> bool:
    """Whether one number of a repeated line grows from page to page (by a few) while the others stay."""
    if len({len(f) for f in found}) != 1:
        return False
    columns = list(zip(*found, strict=True))
    growing = [c for c in columns if all(a < b <= a + 40 for a, b in itertools.pairwise(c))]
    return len(growing) == 1 and all(len(set(c)) == 1 for c in columns if c is not growing[0])


SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "der", "die", "das", "und", "für", "des",
               "am", "im", "auf", "bei", "zum", "zur", "vom", "von", "dem", "den", "mit"}
DUTCH_DEN = re.compile(r"(?i)den (?:haag|helder|bosch|burg|hoorn|dolder)\b")  # "Kunsthal Den Haag": a place


def _person(item: str) -> str:
    """A listed person without affiliation or office ("Councilmember Rosa Alvez, Chairwoman" -> "Rosa Alvez")."""
    words = item.split(",")[0].split()
    while len(words) > 2 and words[0].casefold() in names.OFFICES - {"dr.", "prof."}:
        words = words[1:]
    return " ".join(words)


def name_in_capitals(caps: str) -> str:
    """A name in capitals ("HARBOUR CITY COUNCIL") written as a name ("Harbour City Council"); one word as it is."""
    words = caps.split()
    if len(words) < 2:
        return caps
    return " ".join(w if re.fullmatch(r"(?=.*[A-Z])[B-DF-HJ-NP-TV-XZ&\d]{2,5}", w) else w.lower() if n and w.lower() in
                    SMALL_WORDS and not DUTCH_DEN.match(" ".join(words[n:n + 2])) else
                    "-".join(x.capitalize() for x in w.split("-"))  # ("TSV", "DLRG": as they are)
                    for n, w in enumerate(words))


REPORT_WORDS = re.compile(r"(?i)jahresbericht|geschäftsbericht|tätigkeitsbericht|annual report|newsletter|report|"
                          r"mitteilungen|rundbrief|vereinsheft|vereinszeitung|mitgliederzeitschrift|mitgliederbrief|"
                          r"bulletin|infoblatt|clubheft")  # (a club's "Mitteilungen 2/2023": the club publishes it)


LEGAL_FORM = re.compile(r"\s+(?:e\.\s?V\.|gGmbH|GmbH|AG|Ltd\.?|Inc\.?)$", re.I)  # "… e.V.": the club's name before it


def running_head(furniture: list[str]) -> str | None:
    """The running head's publication, without the kind of document its foot names with it ("Stiftung
    Lindenhof · Jahresbericht 2023": the foundation)."""
    head = _running_head(furniture)
    if head and REPORT_WORDS.fullmatch(head):  # "RUDERVEREIN WELLENBRECHER e.V. · Mitteilungen 2/2023": the club
        beside = [p.strip(" ·|–—-/") for line in furniture if head in line for p in COLUMNS.split(line.strip())
                  if head not in p and _named(LEGAL_FORM.sub("", p.strip(" ·|–—-/")))]
        if beside:
            return beside[0]
    parts = [p.strip() for p in COLUMNS.split(head or "") if p.strip()]
    kept = [p for p in parts if not REPORT_WORDS.fullmatch(re.sub(r"\s*\d+$", "", p))]
    return kept[0] if head and len(parts) >= 2 and len(kept) == 1 else head


def _running_head(furniture: list[str]) -> str | None:
    """The running head among a paginated document's heads and feet (`paginated`'s second part) when it is a
    name ("28   HEDGEROW QUARTERLY"): the publication."""
    heads = [re.sub(r"\s+", " ", ISSUE_UNITS.sub(" ", line)).strip(" ·|–—-/") for line in furniture]
    issued = {h for line in furniture if ISSUE.search(line) for p in COLUMNS.split(line.strip()) if not MONTH.search(p)
              and _named(h := re.sub(r"\s+", " ", ISSUE_UNITS.sub(" ", ISSUE_WORDS.sub(" ", p))).strip(" ·|–—-/.,"))}
    if len(issued) == 1:
        return issued.pop()  # "Dach & Wand 2/2024" at every foot, "VERBAND AKTUELL" over a section: the issue's name
    named = [h for h in heads if _named(h)]
    if named and len(set(named)) == 1:
        return named[0]
    # heads and feet of several parts ("PRAXIS & BETRIEB   FLIESEN & PLATTEN PRAXIS  Ausgabe 4/2024", "36  FLIESEN
    # & PLATTEN PRAXIS · Ausgabe 4/2024 · 15. April 2024"): the one name every one of them prints
    if not any(ISSUE.search(line) for line in furniture):
        return None  # (a periodical's: "Ausgabe 4/2024", "Issue 12"; not "The Weight of Small Boats — Press Kit")
    parts = [{h for p in COLUMNS.split(line.strip()) if not MONTH.search(p)  # (a date: "15. April 2024")
              and _named(h := re.sub(r"\s+", " ", ISSUE_UNITS.sub(" ", ISSUE_WORDS.sub(" ", p))).strip(" ·|–—-/.,"))}
             for line in furniture]
    parts = [p for p in parts if p]  # (a page's number alone names nothing)
    common = set.intersection(*parts) if parts else set()
    return common.pop() if len(common) == 1 else None


MONTH = re.compile(r"(?i)\b(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|spring|summer|autumn|"
                   r"fall|winter|frühling|frühjahr|sommer|herbst)[a-zä]*\.?\s+\d{4}|"
                   r"\d\s*[年月]")
ISSUE = re.compile(r"(?i)\b(?:ausgabe|heft|issue|no\.|nr\.|vol\.|volume|jahrgang)\s*\d|第\s*\d+\s*[期卷]"
                   r"|\b\d{1,2}/(?:19|20)\d\d\b")  # (a magazine's issue of the year: "3/2024")
ISSUE_WORDS = re.compile(r"(?i)\b(?:ausgabe|heft|issue|no|nr|vol|volume|jahrgang|seite|page)\b\.?")
COLUMNS = re.compile(r"\s{2,}|\u3000|\s+[·|–—]\s+")  # the parts of a running head or foot


STATUS = re.compile(r"(?i)\b(?:confidential|vertraulich|internal|intern|not for (?:publication|distribution)|"
                    r"do not (?:circulate|distribute|copy)|nicht (?:weitergeben|zur veröffentlichung)|transcripts?|"
                    r"transkripte?|interviews?|oral history|gespräch)\b|内部资料|內部資料|仅供|僅供|访谈|訪談")


def _named(head: str) -> bool:
    """A running head's part that is a name: in capitals or title case, up to four words (no issue, no date, no
    "Stand:" or "Version"; not a status, "CONFIDENTIAL", "Interview Transcript")."""
    if re.search(r"[:：]|(?i:\b(?:stand|version|revision|rev|draft|entwurf|page|seite)\b)", head) \
            or STATUS.search(head):
        return False
    return 1 <= len(head.split()) <= 4 and len(re.sub(r"\W", "", head)) >= 3 and bool(
        CAPS.match(head) or all(w[0].isupper() or not w[0].isalpha() for w in head.split())  # ("Dach & Wand")
        or (len(HAN.findall(head)) == len(head) <= 12))


def _columns(line: str) -> frozenset[str]:
    """A running line's parts without their numbers, in any order (a mirrored page prints them the other way)."""
    return frozenset(c for p in re.split(r"\s{2,}|\u3000", line.strip()) if (c := re.sub(r"\d+", "", p).strip()))


HEAD_PAGES = 2  # pages a line beside a page's foot or number is seen on to be its running head
FOOTNOTE_LINES = 20  # lines above a page's foot that its footnotes may take
FOOTNOTE_RULE = re.compile(r"^\s*[—―_－-]{6,}\s*$")
FOOTNOTE_START = re.compile(r"^\s*(?:[①-⑳]|\*|\d{1,2}[\s.)]|\[\d+\]|收稿日期|作者简介|作者簡介|基金项目|注\s*[:：])")


EDGE_LINES = 3  # non-blank lines at a page's top and at its foot where its heads, feet and number stand
COPYRIGHT = re.compile(r"(?i)^(?:©|\(c\)|copyright\b)")


def _page_edges(text: str) -> set[int]:
    """The lines of a text with form feeds (pdftotext's pages) that are its pages' furniture: a number alone at a
    page's edge, counting up from page to page ("12", "13", …), and a line at the edges of two pages or more
    that says no sentence ("KälteKlima Nord 3/2024", "VERBAND INTERN" on every other page); indices as in
    `text.replace("\f", "\n").split("\n")`."""
    page_of: list[int] = []
    page = 0
    for segment in text.split("\n"):
        for k, _ in enumerate(segment.split("\f")):
            page += 1 if k else 0
            page_of.append(page)
    lines = text.replace("\f", "\n").split("\n")
    filled: dict[int, list[int]] = defaultdict(list)  # page -> its non-blank lines
    for i, p in enumerate(page_of):
        if lines[i].strip():
            filled[p].append(i)
    edges = {p: sorted(set(f[:EDGE_LINES] + f[-EDGE_LINES:])) for p, f in filled.items()}
    if len([p for p in edges if edges[p]]) < PAGE_LINES:
        return set()
    numbered = [(i, int(lines[i])) for p in sorted(edges) for i in edges[p] if re.fullmatch(r"\s*\d{1,4}\s*", lines[i])]
    out: set[int] = set()
    if len(numbered) >= PAGE_LINES and all(a[1] < b[1] <= a[1] + 40 for a, b in itertools.pairwise(numbered)):
        out |= {i for i, _ in numbered}
    norm = {i: re.sub(r"\s+", " ", re.sub(r"\d+", "#", lines[i])).strip() for p in edges for i in edges[p]}
    at_edges = set(norm)
    inside = {re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip() for i, line in enumerate(lines)
              if i not in at_edges and line.strip() and page_of[i] > 0}  # (a speaker's name over their words stands
    # anywhere; the title page may print the running head in its own place)
    norm = {i: n for i, n in norm.items() if n not in inside}
    pages_with: dict[str, set[int]] = defaultdict(set)
    for i, n in norm.items():
        if len(n) >= 3 and (COPYRIGHT.match(n) or (not re.search(r"[.?!:;,。？！：；，]$", n) and len(n.split()) <= 8)):
            pages_with[n].add(page_of[i])  # (a page's copyright line may end a sentence)
    out |= {i for i, n in norm.items() if len(pages_with.get(n, ())) >= 2}
    return out


def paginated(text: str) -> tuple[str, list[str]]:
    """(the text without its page heads and feet, the heads and feet removed)."""
    lines = text.replace("\f", "\n").split("\n")
    norm = [re.sub(r"\s+", " ", re.sub(r"\d+", "", line)).strip() for line in lines]
    seen: dict[str, list[tuple[int, ...]]] = {}
    for line, n in zip(lines, norm, strict=True):
        if ((len(n) >= 10 or len(HAN.findall(n)) >= 4) and len(n.split()) >= 2 and re.search(r"\d", line)
                and not re.search(r"\d\s*[:：.]\s*\d", line)  # no time ("Tom Akers (00:00:42)")
                and PAGE_NUMBER.search(line)  # "— page 7", "28   HEDGEROW QUARTERLY" (not "Part 2 of …")
                and not re.search(r"[.?!。？！:：]$|^[\[(#>|*-]", n)):
            seen.setdefault(n, []).append(_numbers(line))
    feet = {n for n, found in seen.items() if len(found) >= PAGE_LINES and _page_numbers(found)}
    pairs = [(n, found) for n, found in seen.items() if len(found) == 2 and _page_numbers(found)]
    for (n, a), (m, b) in itertools.combinations(pairs, 2):  # even pages' head and odd pages': 88, 90 and 87, 89
        pages = sorted(x[0] for x in (*a, *b))
        if all(y == x + 1 for x, y in itertools.pairwise(pages)):
            feet |= {n, m}
    feet |= {n for n, found in seen.items() if len(found) == 2 and PAGE_WORD.search(n_line(lines, norm, n))
             and _page_numbers(found)}  # "… Press Kit   Page 2", "… Page 3": two pages say so in words
    alone = [i for i, line in enumerate(lines) if PAGE_ALONE.fullmatch(line)]  # "- 4 -", "Page 4": a page's number
    numbers = [int(re.sub(r"\D", "", lines[i])) for i in alone]
    if not (len(alone) >= PAGE_LINES and all(a < b <= a + 40 for a, b in itertools.pairwise(numbers))):
        alone = []
    fed = _page_edges(text) if "\f" in text else set()
    if not feet and not alone and not fed:
        return "\n".join(lines), []
    furniture = {i for i, n in enumerate(norm) if n in feet} | set(alone) | fed
    counts = Counter(norm)
    parts = [_columns(line) for line in lines]
    columns = Counter(parts)  # (a head of several parts, mirrored on every other page)
    for i in sorted(furniture):  # the running head printed beside a foot, on every page alike (its lines)
        for step in (-1, 1):
            j = i
            while True:
                k = j + step
                while 0 <= k < len(lines) and not norm[k] and abs(k - j) < 3:
                    k += step
                if not (0 <= k < len(lines) and norm[k] and k not in furniture
                        and not re.search(r"[^\d][.?!。？！:：]$", lines[k].strip())  # (a sentence, not "14.03.2024")
                        and (counts[norm[k]] >= HEAD_PAGES
                             or (len(parts[k]) >= 2 and columns[parts[k]] >= HEAD_PAGES))):
                    break
                furniture.add(k)
                j = k
    feet_at = sorted(furniture)
    for page, i in enumerate(feet_at):  # a page's footnotes, under a rule above its foot: "——————" / "① 据…"
        top = max(-1, i - FOOTNOTE_LINES, feet_at[page - 1] if page else -1)  # (on this page only)
        rule = next((j for j in range(i - 1, top, -1) if FOOTNOTE_RULE.match(lines[j])), None)
        first = next((k for k in range(rule + 1, i) if lines[k].strip()), None) if rule is not None else None
        if rule is not None and first is not None and FOOTNOTE_START.match(lines[first]):
            furniture |= set(range(rule, i))
    printed = {parts[i] for i in furniture if len(parts[i]) >= 2}
    furniture |= {i for i in range(len(lines)) if norm[i] and parts[i] in printed}  # page 1's head too
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i not in furniture:
            out.append(lines[i])
            i += 1
            continue
        while i < len(lines) and (i in furniture or not lines[i].strip()):  # the page break, blank lines included
            i += 1
        while out and not out[-1].strip():
            out.pop()  # (and those above the foot: "… bei dem erfahrene" / "" / "KälteKlima Nord" / "13")
        before = next((line for line in reversed(out) if line.strip()), "")
        if not (out and out[-1].strip() and i < len(lines)) or re.search(r"[.?!。？！:：\]”“»«」』)）\"']\s*$", before):
            out.append("")  # between paragraphs (or turns): a blank line stays
    return "\n".join(out), [lines[i] for i in sorted(furniture)]


def name_lines(text: str, names: list[str]) -> str:
    """A name alone on its line above a speaker's words (`SUSAN HALE` / `Susan Hale`, at least twice in
    the text, in capitals or one of `names`) written as a label: `SUSAN HALE: …`."""
    lines = text.split("\n")
    known = {n.strip().casefold() for n in names if n.strip()}

    def is_name(line: str) -> bool:
        s = line.strip()
        if not (2 < len(s) <= 40 and len(s.split()) <= 4) or s[-1] in ".?!:;,":
            return False
        return (bool(CAPS.match(s)) and len(s.split()) >= 2) or s.casefold() in known

    standing = Counter(line.strip() for i, line in enumerate(lines[:-1])
                       if is_name(line) and lines[i + 1].strip())
    labels = {s for s, n in standing.items() if n >= 2}
    if not labels:
        return text
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() in labels and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(f"{line.strip()}: {lines[i + 1].lstrip()}")
            i += 2
            continue
        out.append(line)
        i += 1
    return "\n".join(out)
