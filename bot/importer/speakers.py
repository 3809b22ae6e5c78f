"""Find the speaker labels of an interview nobody described: `Q:`, `问：`, `**Jane Doe:**`, `Frage:`.

A label is a short name at the start of a line followed by a colon, recurring at least twice. The
interviewer is a label known to ask (Q, 问, 记者, Interviewer, Frage, the publication's own name…) or
the one whose turns mostly end with a question mark; every other label is an interviewee.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from corpus.clean import BULLET, HEADING, QUOTE_MARK, strip_inline

MIN_TURNS = 2
LABEL = re.compile(r"^\s*(?P<label>[^\s:：][^:：\n]{0,39}?)\s*[:：]\s*(?P<rest>.*)$")
HAN = re.compile(r"[\u3400-\u9fff]")
PUNCT = re.compile(r"[。，,!?！？；;、（）()\[\]【】《》\"“”'‘’/|=<>#@]")
PARTICLES = {"von", "van", "der", "de", "del", "la", "le", "di", "da", "du", "bin", "al", "zu", "dos", "y"}

INTERVIEWER_LABELS = {
    "q", "f", "frage", "question", "questions", "interviewer", "interviewerin", "host", "moderator",
    "moderatorin", "reporter", "journalist", "问", "提问", "记者", "主持人", "主持", "采访者", "访问者",
    "采访人", "问题", "提问者", "host/interviewer",
}
INTERVIEWEE_LABELS = {"a", "answer", "antwort", "答", "回答", "嘉宾", "受访者", "interviewee"}
INTERVIEWER_WORDS = ("记者", "主持", "采访者", "Interviewer", "Moderator", "Reporter")
NOT_SPEAKERS = {
    "来源", "作者", "编辑", "责编", "责任编辑", "注", "图", "图片", "图源", "摄影", "原文链接", "原文", "参考资料",
    "文", "编者按", "导语", "核心观点", "划重点", "关键词", "时间", "地点", "日期", "链接", "标签", "出品",
    "source", "sources", "photo", "photos", "image", "credit", "credits", "note", "notes", "update", "updated",
    "editor", "editor's note", "read more", "related", "tags", "foto", "bild", "quelle", "mehr", "lesen sie auch",
    "anmerkung", "hinweis", "stand", "by", "von", "posted", "published", "date", "http", "https", "www", "tl;dr",
    "disclaimer", "transcript", "video", "audio", "podcast", "summary", "zusammenfassung", "fazit", "tipp",
}


@dataclass
class Detected:
    """Speaker labels found in a text: label -> {"name", "role"} (the manifest's `speakers` shape)."""

    speakers: dict[str, dict[str, str]]
    turns: dict[str, int]

    @property
    def interviewers(self) -> list[str]:
        return [s["name"] for s in self.speakers.values() if s["role"] == "interviewer"]

    @property
    def interviewees(self) -> list[str]:
        names = [s["name"] for s in self.speakers.values() if s["role"] == "interviewee"]
        return list(dict.fromkeys(names))


def _plain(line: str) -> str:
    body = QUOTE_MARK.sub("", HEADING.sub("", line.strip()))
    bullet = BULLET.match(body)
    if bullet and not body.lstrip().startswith("**"):
        body = body[bullet.end():]
    return strip_inline(body).strip()


def is_label(label: str) -> bool:
    """Whether a line-initial phrase can name a speaker (a name, a role, Q/A), not a sentence."""
    s = label.strip()
    if not s or len(s) > 40 or PUNCT.search(s) or s.endswith("."):
        return False
    if s.lower() in NOT_SPEAKERS or s.isdigit() or re.fullmatch(r"[\d\s:.\-]+", s):
        return False
    if HAN.search(s):
        han = len(HAN.findall(s))
        return han <= 8 and len(s) <= 24
    words = s.split()
    if len(words) > 4:
        return False
    return all(w[0].isupper() or w.lower() in PARTICLES or w[0].isdigit() for w in words)


def candidate_turns(raw: str) -> list[tuple[str, str]]:
    """(label, what follows it) for every line that opens with something shaped like a speaker label."""
    lines = raw.replace("\r\n", "\n").split("\n")
    out: list[tuple[str, str]] = []
    for i, line in enumerate(lines):
        plain = _plain(line)
        m = LABEL.match(plain)
        if not m or not is_label(m.group("label")):
            continue
        rest = m.group("rest").strip()
        if not rest:  # the label stands alone: its words are on the next non-empty line
            rest = next((_plain(n) for n in lines[i + 1:i + 4] if n.strip()), "")
        if re.match(r"^//", rest):  # "https://…"
            continue
        out.append((re.sub(r"\s+", " ", m.group("label").strip()), rest))
    return out


def _asks(text: str) -> bool:
    return bool(re.search(r"[?？]\s*[\"'”’」)）*]*\s*$", text)) or text.rstrip().endswith(("吗", "呢"))


def _role_by_name(label: str, publisher: str | None) -> str | None:
    low = label.lower()
    if low in INTERVIEWER_LABELS:
        return "interviewer"
    if low in INTERVIEWEE_LABELS:
        return "interviewee"
    if any(w.lower() in low for w in INTERVIEWER_WORDS):
        return "interviewer"
    if publisher and low.replace(" ", "") == publisher.lower().replace(" ", ""):
        return "interviewer"  # "SPIEGEL:", "Example News:" — the publication asks
    return None


def full_name(label: str, raw: str) -> str:
    """A surname label ("Keller") -> the full name the text uses for it ("Hanna Keller"), if one."""
    if HAN.search(label) or " " in label or label.lower() in INTERVIEWEE_LABELS or len(label) < 3:
        return label
    titles = {"Frau", "Herr", "Herrn", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Mister"}
    names = Counter(m.group(1) for m in re.finditer(rf"\b([A-ZÄÖÜ][a-zäöüß-]+) {re.escape(label)}\b", raw)
                    if m.group(1) not in titles)
    return f"{names.most_common(1)[0][0]} {label}" if names else label


def detect_speakers(raw: str, publisher: str | None = None, min_turns: int = MIN_TURNS,
                    title: str | None = None) -> Detected:
    """The recurring speaker labels of `raw` with their roles; empty when the text has no labelled turns."""
    found = candidate_turns(raw)
    counts = Counter(label for label, _ in found)
    recurring = {label for label, n in counts.items() if n >= min_turns}
    # A label used once that shortens a recurring one ("Doe" for "Jane Doe") belongs to that speaker.
    alias: dict[str, str] = {}
    for label, n in counts.items():
        if n < min_turns and not HAN.search(label):
            longer = [r for r in recurring if label != r and label in r.split()]
            if len(longer) == 1:
                alias[label] = longer[0]
    if not recurring:
        return Detected({}, {})
    texts: dict[str, list[str]] = defaultdict(list)
    for label, rest in found:
        if label in recurring:
            texts[label].append(rest)
    roles = {label: _role_by_name(label, publisher) for label in recurring}
    ratio = {label: sum(map(_asks, texts[label])) / len(texts[label]) for label in recurring}
    if "interviewer" not in roles.values():
        unknown = [label for label, role in roles.items() if role is None]
        if len(unknown) >= 2 or (unknown and "interviewee" in roles.values()):
            asker = max(unknown, key=lambda lb: (ratio[lb], counts[lb]))
            others = [ratio[lb] for lb in unknown if lb != asker]
            if ratio[asker] >= 0.5 and ratio[asker] > max(others, default=0.0):
                roles[asker] = "interviewer"
    decided: dict[str, str] = {label: role or "interviewee" for label, role in roles.items()}
    if "interviewee" not in decided.values():  # only the questions are labelled: see unlabelled_questions
        asking = {label: {"name": publisher or label, "role": "interviewer"} for label in recurring}
        return Detected(asking, {label: counts[label] for label in recurring})
    speakers: dict[str, dict[str, str]] = {}
    for label in sorted(recurring, key=lambda lb: -counts[lb]):
        generic = label.lower() in INTERVIEWER_LABELS | INTERVIEWEE_LABELS
        if generic and decided[label] == "interviewer":
            name = publisher or label
        elif generic:  # "A:", "答：": the name is in the title ("专访王海：…"), if anywhere
            name = interviewee_from_title(title) or label
        else:
            name = full_name(label, raw)
        speakers[label] = {"name": name, "role": decided[label]}
    for short, full in alias.items():
        speakers[short] = dict(speakers[full])
    return Detected(speakers, {label: counts[label] for label in speakers})


# -- interviews without labels: the questions are bold paragraphs or headings -------------------------
ASKED_LABEL = "\ue000Q"  # private-use labels injected before questions and answers, removed by the cleaner
ANSWER_LABEL = "\ue000A"
BOLD_QUESTION = re.compile(r"^\s*\*\*(?P<q>[^*]+?[?？][\"'”’」)）]*)\s*\*\*\s*$")
HEADING_QUESTION = re.compile(r"^\s*#{2,6}\s+(?P<q>.+?[?？][\"'”’」)）]*)\s*$")
TITLE_NAME = [
    re.compile(r"(?i:interview with|in conversation with|conversation with|Q&A with|talks? (?:to|with)|"
               r"Interview mit|Gespräch mit|im Gespräch mit)\s+(?P<n>[A-ZÄÖÜ][\w.'-]+(?: [A-ZÄÖÜ][\w.'-]+){0,2})"),
    re.compile(r"(?:对话|专访|访谈|采访|独家对话)\s*[:：|｜丨]?\s*(?P<n>[\u4e00-\u9fff·]{2,5}?)(?=[：:，,｜|丨\s—-]|$)"),
    re.compile(r"^(?:[A-ZÄÖÜ]?[a-zäöüß]+ )?(?P<n>[A-ZÄÖÜ][a-zäöüß'-]+ [A-ZÄÖÜ][a-zäöüß'-]+)\s*[:：]"),
]
UNKNOWN_NAME = {"zh": "受访者", "de": "Befragte/r", "en": "Interviewee"}


def interviewee_from_title(title: str | None) -> str | None:
    """"… an interview with Mira Castellanos", "对话林晓岚：…", "Imkerin Hanna Keller: …" -> the name."""
    for rx in TITLE_NAME:
        m = rx.search(title or "")
        if m:
            return m.group("n").strip()
    return None


def unlabelled_questions(raw: str, name: str, asker: str | None = None,
                         askers: dict[str, dict[str, str]] | None = None) -> tuple[str, Detected] | None:
    """When only the questions are marked (bold paragraphs or headings ending in "?", or an interviewer
    label such as `Q:` with no answer label), mark the answer after each with a label the cleaner
    removes again; None if the text is not built that way."""
    askers = askers or {}
    lines = raw.replace("\r\n", "\n").split("\n")
    asked: list[int] = []
    for i, line in enumerate(lines):
        m = LABEL.match(_plain(line))
        if BOLD_QUESTION.match(line) or HEADING_QUESTION.match(line) or (
                m and re.sub(r"\s+", " ", m.group("label").strip()) in askers):
            asked.append(i)
    if len(asked) < MIN_TURNS:
        return None
    out = list(lines)
    answered = bold = 0
    for n, i in enumerate(asked):
        m = BOLD_QUESTION.match(lines[i]) or HEADING_QUESTION.match(lines[i])
        if m:
            out[i] = f"{ASKED_LABEL}: {m.group('q').strip()}"
            bold += 1
        label = None if m else LABEL.match(_plain(lines[i]))
        skip = 1 if label is not None and not label.group("rest").strip() else 0  # "Q:" alone: text below
        end = asked[n + 1] if n + 1 < len(asked) else len(lines)
        for k in range(i + 1, end):
            if not lines[k].strip():
                continue
            if skip:
                skip -= 1
                continue
            if not lines[k].lstrip().startswith("#"):
                out[k] = f"{ANSWER_LABEL}: {lines[k].lstrip()}"
                answered += 1
            break
    if answered < MIN_TURNS:
        return None
    speakers = dict(askers)
    if bold:
        speakers[ASKED_LABEL] = {"name": asker or "Q", "role": "interviewer"}
    speakers[ANSWER_LABEL] = {"name": name, "role": "interviewee"}
    turns = {label: sum(1 for i in asked if label in _plain(lines[i])[:len(label) + 2]) for label in askers}
    return "\n".join(out), Detected(speakers, {**turns, ASKED_LABEL: bold, ANSWER_LABEL: answered})

