"""Paragraphs and speakers -> passages: one whole answer of one speaker per passage.

The text is cut at every speaker label into pieces; chrome pieces are set aside with their reason;
then the interview is walked in order: an interviewer's turn is the question of the answers that follow,
an interviewee's turn and the unlabelled paragraphs after it are one answer, headings name sections,
and what stands outside any turn is narrative. A host's one-word reaction ("Right.", "嗯。") does not
end the guest's answer, and a guest's reply of a word or two is not a passage on its own.
Interviews without answer labels are read by their questions: headings or bold paragraphs that ask,
or a question label (`Q:`) alone; the paragraphs after each are the interviewee's.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from bot.importer import chrome, names, thread
from bot.importer.cast import UNKNOWN_NAME, Cast, Voice, key_name, role_with_person
from bot.importer.chrome import Dropped
from bot.importer.labels import GENERIC as labels_generic
from bot.importer.labels import INTERVIEWEE_LABELS, Mark, is_continuation, strip_continuation
from bot.importer.markup import Para, visible
from corpus.models import Passage
from corpus.segment import MAX_ANSWER, PARAGRAPH_BREAK, passage_id, size, split_long

ASKED = "\ue000Q"  # labels given to questions and answers found without labels
ANSWERED = "\ue000A"
MIN_QUESTIONS = 3
MAX_QUESTION = 300  # characters of the interviewer's turn kept as the passage's question
BACKCHANNEL_WORDS = 3
HEADING_MAX = {"zh": 40, "other": 100}
SENTENCE_END = re.compile(r"[。！？!?…；;.」』”\"'’)）:：]\s*$")
THANKS = re.compile(r"(?i)(?:(?:vielen|herzlichen|besten) )?dank\b|danke\b|thank you\b|thanks\b|many thanks\b|"
                    r"谢谢|謝謝|感谢|感謝")  # the host thanks the guest: the interview is over
CAPS_HEAD = re.compile(r"[A-ZÄÖÜÀ-Þ][A-ZÄÖÜÀ-Þ&'’ -]{2,58}[A-ZÄÖÜÀ-Þ]")  # a line in capitals ("ABOUT THE AUTHOR")
BIO_START = re.compile(r"(?i)(?:zur person|über die autorin|über den autor|about the author|about the interviewee|"
                       r"steckbrief|人物小檔案|人物小档案|人物简介|人物簡介|人物档案|人物檔案|个人档案|個人檔案|"
                       r"人物名片|嘉宾简介|嘉賓簡介|受访者简介|受訪者簡介|受访人简介|受訪人簡介)\b")
# after the last answer, a line inviting to write, follow or watch ("欢迎写信到 …@…", "▶ Watch the full episode")
OUTRO = {"contact", "follow", "recording button"}
SEPARATOR = re.compile(r"[—–\-*·•◆◇~=_#\s]{1,12}")
NUMBERED_QUESTION = re.compile(r"^\s*(?:\d{1,2}[.)、:：]|[QqFf]\s?\d{1,2}\b)")
QUESTION_DASH = re.compile(r"^\s*(?:──|——|—|―)\s*(?=\S)")  # a question opened by a dash (Chinese dialogues)
QUOTED_QUESTION = re.compile(r"\s*[»„“][^»«„“”]{3,400}[?？][«“”]\s*")  # »Frau Dr. Okafor, wie kamen Sie …?«
SENTENCES = re.compile(r"[^。！？!?.]+(?:[。！？!?]+|\.(?=\s|$))?[\"'”’」)）]*\s*")


@dataclass
class Piece:
    """Part of a paragraph between labels: its text (label removed), its shape, the label opening it."""

    text: str
    para: Para
    label: str | None = None
    dropped: str | None = None  # the chrome reason, if it is chrome
    after_end: bool = False  # after the interview's last turn has ended (credits, bio, promotion follow)
    aside: bool = False  # a box set inside an answer ("Zur Person" and the bio under it): narrative, the answer goes on

    @property
    def plain(self) -> str:
        return visible(self.text)


@dataclass
class Turn:
    """One speaker's uninterrupted words (interviewee turns become passages)."""

    voice: Voice
    parts: list[Piece] = field(default_factory=list)
    question: str | None = None
    section: str | None = None

    @property
    def words(self) -> int:
        text = " ".join(p.plain for p in self.parts)
        return len(text.split()) + len(re.findall(r"[\u3400-\u9fff]", text)) // 2


@dataclass
class Flow:
    """The document walked: turns and narrative in reading order, and what was left out."""

    items: list[Turn | Piece] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def cut(paras: list[Para], marks: list[Mark], cast: Cast) -> list[Piece]:
    """Paragraphs cut at the labels that name speakers."""
    by_para: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        if m.name in cast.aliases:
            by_para[m.para].append(m)
    pieces: list[Piece] = []
    for i, p in enumerate(paras):
        here = sorted(by_para.get(i, []), key=lambda m: m.start)
        if not here:
            text = strip_continuation(p.text) if is_continuation(p.text) else p.text
            pieces.append(Piece(text, p, aside=p.boxed))
            continue
        if here[0].start > 0:
            pieces.append(Piece(p.text[:here[0].start], p))
        for k, m in enumerate(here):
            end = here[k + 1].start if k + 1 < len(here) else len(p.text)
            pieces.append(Piece(p.text[m.end:end], p, cast.aliases[m.name]))
    return pieces


def _asks(text: str) -> bool:
    """Whether a paragraph ends in a question mark (quotes, brackets, emphasis or an emoji after it)."""
    return bool(re.search(r"[?？][\"'”’“」)）\]«»*\s\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]*$", visible(text)))


def _asks_marked(pc: Piece) -> bool:
    """Whether a question set apart (bold, a heading, italics) asks, also where the reader who asked signs it."""
    return _asks(pc.text) or ((pc.para.bold or pc.para.italic or pc.para.kind == "heading")
                              and bool(SIGNED_QUESTION.search(visible(pc.text))))


SIGNATURE = re.compile(r"[-–—]\s*(?:(?:Dr|Prof)\.\s+)?(?-i:[A-ZÄÖÜ])[\w'’-]+(?:\s(?-i:[A-ZÄÖÜ])[\w'’-]+){0,2}"
                       r"(?:\s(?-i:[A-ZÄÖÜ])\.)?"  # ("Tom B.": a surname's initial)
                       r"(?:(?:\s*,\s*(?:\d{1,3}|(?-i:[A-ZÄÖÜ])[\w'’-]+(?:\s(?-i:[A-ZÄÖÜ])[\w'’-]+){0,2})){1,2}"
                       r"|\s+(?:from|aus)\s+(?-i:[A-ZÄÖÜ])[\w'’-]+|(?<=\.))")
# (a name and a place or age, or with an initial; "– Never." answers)
# a reader's question signed with their name and town: "… teaching the right things? Femi, London", "…? – Anna (Köln)"
_CAPS = r"(?-i:[A-ZÄÖÜ])[\w'’.-]+(?:\s(?-i:[A-ZÄÖÜ])[\w'’.-]+){0,2}"  # "Tom", "Priya Shah", "St Albans"
SIGNED_QUESTION = re.compile(rf"[?？][\s*_]*(?:[-–—]\s*)?{_CAPS}(?:(?:\s*,\s*(?:\d{{1,3}}|via \w+|{_CAPS})){{1,3}}"
                             rf"|\s+(?:from|aus|von)\s+{_CAPS}|\s*\((?-i:[A-ZÄÖÜ])[^()]{{1,30}}\))[\s*_]*$")


def question_mode(pieces: list[Piece], cast: Cast, title: str | None = None) -> bool:
    """Mark questions and answers where only the questions are marked; True if the text is built so (`title`: the
    document's, which may say it is an interview)."""
    askers = {label for label, v in cast.voices.items() if v.role == "interviewer"}
    guests = {label for label, v in cast.voices.items() if v.role == "interviewee"}
    if guests:  # labelled answers: unless, with no one labelled asking, a labelled voice only chimes in
        marked = _marked_questions(pieces, convert=bool(askers))  # ("**Marcus:** …" twice under bold questions
        # another answers)
        after = [next((pc for pc in pieces[i + 1:] if not pc.dropped and pc.plain), None) for i in marked]
        plain = sum(1 for pc in after if pc is not None and not pc.label)  # questions answered without a label
        if askers or plain < MIN_QUESTIONS - 1 or plain * 2 <= len(marked):
            if askers:  # "【记者】…？" and, between them, "——家里人支持吗？" in bold: the interviewer's too (of two
                # who ask, "**Miriam:**" and "**Jonas:**", the questions' own), answered under the guest's label
                asker = next(iter(askers)) if len(askers) == 1 else ASKED  # (right after
                main = _main_guest(pieces, guests)
                for i in marked:  # an answer: a question's translation under it goes with it)
                    before = next((pc for pc in reversed(pieces[:i]) if not pc.dropped and pc.plain), None)
                    if not pieces[i].label and _asks_marked(pieces[i]) and not (before and before.label in {asker,
                                                                                                            *askers}) \
                            and not (QUOTED_QUESTION.fullmatch(pieces[i].plain) and not pieces[i].para.bold):
                        # (“…？” plain in an answer: a quote; a reader's „…?“ set in bold is a question)
                        pieces[i].label = asker
                        answer = next((pc for pc in pieces[i + 1:] if not pc.dropped and pc.plain), None)
                        guest = cast.voices.get(cast.aliases.get(main, main)) if main else None
                        named = answer is not None and guest is not None and any(
                            answer.plain.startswith(n) for n in {guest.name, guest.label} if len(n) >= 2)
                        if answer is not None and not answer.label and main and not named and not (
                                answer.para.bold or answer.para.kind == "heading" or _asks(answer.text)):
                            answer.label = main  # (answered with no label: by the guest, or the main one)
            elif not askers:  # "## Frage 2: Wie viel Reet …?" over "**Hauke Ketelsen:** …": the questions, unlabelled
                headed = [i for i, pc in zip(marked, after, strict=True) if _asks_marked(pieces[i]) and pc is not None
                          and (v := cast.voice(pc.label)) is not None and v.role == "interviewee"]
                if len(headed) >= MIN_QUESTIONS - 1 and len(headed) * 2 >= len(marked):
                    for i in headed:
                        pieces[i].label = ASKED
                        _as_question(pieces[i])
            return False
    questions: list[int] = [i for i, pc in enumerate(pieces) if pc.label in askers]
    if len(questions) < MIN_QUESTIONS - 1 or not askers:
        questions = _unanswered_marks(pieces, _marked_questions(pieces))
        if len(questions) < MIN_QUESTIONS - 1 and not cast.voices:
            questions = _plain_questions(pieces, title)
        if len(questions) < MIN_QUESTIONS - 1:
            return False
        for i in questions:
            pieces[i].label = ASKED
    else:  # "问：…" and, between them, questions only set in bold: both are the interviewer's
        unlabelled = [i for i in _marked_questions(pieces) if _asks_marked(pieces[i])]
        addressed = _addressed_questions(pieces, askers) if not guests else []
        if len([i for i in addressed if _asks(pieces[i].text)]) >= MIN_QUESTIONS:  # "MZ: …?" over some answers, the
            # others unmarked (several of them: not a guest asking back "Kennen Sie die Elsbeere?")
            unlabelled += [i for i in addressed if i not in unlabelled]
        for i in unlabelled:
            pieces[i].label = ASKED
        questions = sorted(questions + unlabelled)
    answered = 0
    for n, i in enumerate(questions):
        end = questions[n + 1] if n + 1 < len(questions) else len(pieces)
        for k in range(i + 1, end):
            pc = pieces[k]
            if pc.para.kind == "heading" or pc.label:
                break
            if pc.dropped or not pc.plain:
                continue
            following = next((x for x in pieces[k + 1:end] if not x.dropped and x.plain), None)
            if SIGNATURE.fullmatch(pc.plain.strip(" *_")) and following is not None and not following.label \
                    and following.para.kind != "heading":  # (with the answer under it; "– Plan B." is the answer)
                pc.dropped = "the reader who asked"  # "– Margaret, Swindon" under her question
                continue
            if BIO_START.match(pc.plain.lstrip("|*_ ")):
                break  # "Zur Person" under the closing thanks: a box about the guest, no answer
            pc.label = ANSWERED
            answered += 1
            if n + 1 < len(questions):
                _boxes(pieces, k + 1, end)
            break
    return answered >= MIN_QUESTIONS - 1


def _boxes(pieces: list[Piece], start: int, end: int) -> None:
    """Mark the box set inside an answer that another question follows ("Zur Person" and the bio under it, the
    answer going on after it) as set aside: narrative, not the answer's."""
    for k in range(start, end):
        pc = pieces[k]
        if pc.label or pc.dropped or not BIO_START.match(pc.plain.lstrip("|*_ ")):
            continue
        bio = next((pieces[j] for j in range(k + 1, end) if not pieces[j].dropped and pieces[j].plain), None)
        if bio is not None and len(pc.plain) <= LIST_TITLE and not bio.label:
            pc.dropped, bio.aside = "section heading", True  # (the title alone on its line, the bio under it)
        else:
            pc.aside = True



def _main_guest(pieces: list[Piece], guests: set[str]) -> str | None:
    """The guest who answers most, at least twice as often as any other (a colleague who chimes in once is not
    the one interviewed); None when no one does."""
    turns = Counter(pc.label for pc in pieces if pc.label in guests).most_common(2)
    if not turns or (len(turns) == 2 and turns[0][1] < 2 * turns[1][1]):
        return None
    return turns[0][0]


PLAIN_QUESTIONS = 6  # questions set apart by nothing but their "?" to read a text so
PLAIN_QUESTION_MAX = 400  # characters
INTERVIEW_CUE = re.compile(r"(?i)\binterview|\bgespräch|\bconversation\b|\bQ ?& ?A\b|"
                           r"访谈|訪談|采访|採訪|专访|專訪|对话|對話")


# a title that presents its text as an interview ("Im Gespräch: …", "Interview mit …", "Q&A: …"; not "Eight job
# interview questions and how to answer them")
TITLED_INTERVIEW = re.compile(r"(?i)^(?:interview|im gespräch|gespräch|q ?& ?a|in conversation)\b\s*[:：|–—-]|"
                              r"\binterview (?:mit|with)\b|\bim (?:gespräch|interview)\b|\bgespräch mit\b|"
                              r"\b(?:in )?conversation with\b|\bq ?& ?a with\b|专访|專訪|访谈|訪談|对话|對話")


def _plain_questions(pieces: list[Piece], title: str | None = None) -> list[int]:
    """Questions that only their own paragraph and their "?" set apart (a print interview whose bold type text
    extraction lost: "Was will der Verband konkret dagegen tun?" over an unmarked answer), in a text that says
    it is an interview near its top or in its title: each a short paragraph of a sentence or two that asks, followed
    by one that is not of that shape (of two such in a row, the first ends the answer before: "… Wer soll die denn noch
    warten?"; a longer answer may end asking, and then follows its question)."""
    live = [i for i, pc in enumerate(pieces) if not pc.dropped and pc.plain]
    if not TITLED_INTERVIEW.search(title or "") and not any(
            INTERVIEW_CUE.search(pc.plain) for pc in pieces[:(live[11] + 1) if len(live) > 11 else None]
            if pc.dropped in (None, "heading in capitals")):
        return []  # (a kicker dropped as a heading in capitals, "IM GESPRÄCH", says it too)
    def asks(pc: Piece) -> bool:  # short and asking, not a quoted "…?“" (a lead-in is fine: "Sie sind 61. Warum …?")
        return (pc.para.kind == "para" and not pc.label and len(pc.plain) <= PLAIN_QUESTION_MAX and _asks(pc.text)
                and not re.search(r"[?？]\s*[“”\"»«」』]\W*$", pc.plain))

    def shaped(pc: Piece) -> bool:  # a question's shape: one that asks in a sentence or two
        return asks(pc) and len(re.findall(r"[.!?。！？](?=\s|$)", pc.plain)) <= 2

    asked: list[int] = []
    for n, i in enumerate(live[:-1]):
        nxt = pieces[live[n + 1]]
        if asks(pieces[i]) and nxt.para.kind == "para" and not nxt.label and not shaped(nxt) \
                and not (asked and asked[-1] == live[n - 1]):  # (right after a question: its answer, asking or not)
            asked.append(i)  # (an answer's last paragraph may ask too: "… Haben wir das Falsche gepflanzt?")
    return asked if len(asked) >= PLAIN_QUESTIONS else []


# asking the one interviewed, in the second person (not "Wer soll das bezahlen?" nor "Do you know what I mean?")
ADDRESS = re.compile(r"(?<!^)\b(?:Sie|Ihr|Ihre|Ihnen|Ihren|Ihrem|Ihrer|Ihres)\b|\b(?i:you|your)\b|您")
SPEAKER_SELF = re.compile(r"\b(?:I|me|my|(?i:ich|mir|mich|mein\w*))\b|我")


def _addressed_questions(pieces: list[Piece], askers: set[str]) -> list[int]:
    """Unmarked questions between answers where others are marked: a short paragraph that asks the guest (in
    the second person, saying nothing of the asker), with an answer under it and an answer's end (or the
    interviewer's statement it goes on from: "MZ: Kritiker sagen, …" / "Was entgegnen Sie?") over it."""
    live = [i for i, pc in enumerate(pieces) if not pc.dropped and pc.plain]
    out = []
    for n, i in enumerate(live[1:-1], 1):
        pc, before, after = pieces[i], pieces[live[n - 1]], pieces[live[n + 1]]
        if pc.label or pc.para.kind != "para" or len(pc.plain) > PLAIN_QUESTION_MAX or not _asks(pc.text) \
                or len(re.findall(r"[.!?。！？](?=\s|$)", pc.plain)) > 2 or SPEAKER_SELF.search(pc.plain) \
                or not ADDRESS.search(pc.plain):
            continue
        if (not before.label or before.label in askers) and not after.label and after.para.kind == "para" \
                and not _asks(before.text) and not _asks(after.text):
            lead = not before.label and len(before.plain) <= LEAD_IN_MAX \
                and (ADDRESS.search(before.plain) or re.match(r"(?:Sie|Ihr|Ihre)\b", before.plain)) \
                and not SPEAKER_SELF.search(before.plain) and len(re.findall(r"[.!?。！？](?=\s|$)", before.plain)) <= 1
            out += [live[n - 1], i] if lead else [i]  # ("Ein Jahr LahnFlex liegt hinter Ihnen." over "Wie fällt
            # Ihre Bilanz aus?", the line the question starts with)
    return out


LEAD_IN_MAX = 100  # characters: a statement a question opens with, on a line of its own


SHORT_REPLY_WORDS = 4  # a marked line of this many words under a question: the answer's first words


def _unanswered_marks(pieces: list[Piece], marked: list[int]) -> list[int]:
    """The marked questions without the marked paragraphs right under one that asks and do not ask themselves: an
    answer set in the questions' italics ("*What are you building now?*" over "*A small lugger for a school.*")."""
    live = [i for i, pc in enumerate(pieces) if not pc.dropped and pc.plain]
    before = {b: a for a, b in itertools.pairwise(live)}
    kept = set(marked)
    after = {a: b for a, b in itertools.pairwise(live)}
    for i in marked:
        asked, then = before.get(i), after.get(i)
        if asked in kept and _asks_marked(pieces[asked]) and not _asks_marked(pieces[i]) \
                and (then is None or then in kept or len(pieces[i].plain.split()) <= SHORT_REPLY_WORDS):
            # (a longer follow-up over a plain answer is the question's own; "**Nie wieder.**" over the rest answers)
            kept.discard(i)
    return [i for i in marked if i in kept]


TOLD = re.compile(r"(?i)\b(?:sagt|sagte|meint|meinte|erklärt|erklärte|findet|says|said|explains|argues|thinks)\b")


CLOSING_SECTION = re.compile(r"(?i)结论|結論|总结|總結|结语|結語|后记|後記|conclusions?|in conclusion|wrap-?up|"
                             r"summary|epilog(?:ue)?|fazit|schluss|zum schluss|schlusswort|nachwort")


def _marked_questions(pieces: list[Piece], convert: bool = True) -> list[int]:
    """Headings of one level, or whole-bold (or else whole-italic) paragraphs, most of which ask a question (with
    `convert`, each set as a question's paragraph)."""
    groups: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, pc in enumerate(pieces):
        if pc.dropped or pc.label:
            continue
        if pc.para.kind == "heading" and names.looks_like_person(pc.plain):
            continue  # "## Janna Zielinski": whose answers follow, not a question
        if pc.para.kind == "heading" and CLOSING_SECTION.fullmatch(pc.plain.strip(" *_:：")):
            continue  # "## 结论" among the questions: the interviewer's closing words follow, no answer
        if TOLD.search(pc.plain) and not _asks(pc.text) and not ADDRESS.search(pc.plain):
            continue  # "*Stimmt nicht, sagt der Historiker Rutger Bregman.*": the teaser tells, asks no one
        if pc.para.kind == "heading" and pc.para.level >= 2:
            groups[("heading", pc.para.level)].append(i)
        elif pc.para.bold or (pc.para.kind == "item" and re.fullmatch(r"\d{1,2}[.)]\s+(\*\*|__).+\1", pc.text.strip())):
            groups[("bold", 0)].append(i)
        elif pc.para.italic and (not pc.para.after_image or _asks(pc.text)):  # "*Wie sind Sie Bergführerin …?*"
            # (under a photo, an italic line is its caption, unless it asks)
            groups[("italic", 0)].append(i)
        elif QUESTION_DASH.match(pc.text) and pc.para.kind == "para":  # "──您最早是怎麼開始寫詩的？"
            groups[("dash", 0)].append(i)
        elif pc.para.quote and pc.para.kind in ("para", "item"):  # "> What is a seaweed farm?", "> 1. Wie …?":
            # quoted in an email's reply
            groups[("quote", 0)].append(i)
        elif QUOTED_QUESTION.fullmatch(pc.plain) and pc.para.kind == "para":  # a question in guillemets
            groups[("quoted", 0)].append(i)

    best: list[int] = []
    for (shape, _), members in groups.items():
        asking = sum(_asks_marked(pieces[i]) for i in members)
        share = 4 if shape == "dash" else 2  # a dash may open every turn of a dialogue: then not all ask
        enough = ((len(members) >= MIN_QUESTIONS and asking * share >= len(members) * (share - 1))
                  or (len(members) >= 2 and asking == len(members)))
        if enough and asking > len(best):
            best = members
            if shape == "quote":  # a reply quotes the whole mail: its greeting and its closing ask nothing
                asked = [i for i in members if _asks(pieces[i].text)]
                best = [i for i in members if asked[0] <= i <= asked[-1]]
    numbered = [i for i in best if NUMBERED_QUESTION.match(pieces[i].plain)]
    if len(numbered) * 2 > len(best):  # "1. What …?", "2. How …?": a heading before them without a number and
        best = [i for i in best if i >= numbered[0] or _asks(pieces[i].text)]  # no question is the subtitle
    for i in best if convert else []:
        _as_question(pieces[i])
    return best


def _as_question(pc: Piece) -> None:
    """A marked question as a paragraph of its own (no heading, no dash before it)."""
    pc.text = QUESTION_DASH.sub("", pc.text, count=1)
    pc.para = Para(pc.text, "para", 0, pc.para.quote, False, pc.para.line)


LIST_TITLE = 40  # characters: a plain paragraph that titles the list under it ("Mehr zum Thema")
AD_TEXT = 160  # characters: what an ad under an "Anzeige" label says at most (a longer paragraph answers)
SHOP = re.compile(r"\b[\w-]+\.(?:com|co\.uk|de|at|ch|org|net|shop|store)\b|\bwww\.[\w-]+\.[a-z]{2,}\b|"
                  r"\b(?:per ?cent|percent|prozent) off\b|"
                  r"\d+ ?% (?:off|rabatt)|\b(?i:quote|use|code|gutschein)\s+(?-i:[A-Z0-9]{4,})\b")  # unless it sells


# a comment's stamp under it: "5-17 20:45 来自浙江", "2024-05-18 08:17", "3小时前", "2 hours ago", "vor 3 Stunden"
COMMENT_STAMP = re.compile(
    r"(?:(?:(?:19|20)\d\d[-/.年])?\d{1,2}[-/.月]\d{1,2}日?|昨天|今天|前天)(?:\s*\d{1,2}:\d\d)?|\d{1,2}:\d\d"
    r"|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月)前|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?)\s+ago"
    r"|vor\s+\d+\s+(?:Sekunden?|Minuten?|Stunden?|Tagen?|Wochen?|Monaten?)", re.I)
STAMP_PLACE = re.compile(r"\s*(?:(?:来自|來自|IP\s*属地\s*[：:]?|IP\s*屬地\s*[：:]?)\s*\S{1,12})?\s*")
HANDLE = re.compile(r"[^\s：:]{1,24}\s?[：:]\s*\S")  # "橘子汽水不加冰：…": a user's comment


# who conducted the interview, opening a paragraph after the last answer ("Das Gespräch führte Jonas Pfeiffer. Der
# Ruderclub gratuliert …"): the article's own end
INTERVIEW_CREDIT = re.compile(r"(?i)(?:das (?:gespräch|interview) führte(?:n)?|interview(?:ed)? by|the interview was "
                              r"conducted by|(?:采访|採訪|访谈|訪談)\s*[:：/｜|])\s*\S")


def _stamp(plain: str) -> bool:
    """A line that is a comment's date, time or age, perhaps with where it was sent from."""
    m = COMMENT_STAMP.match(plain.strip())
    return m is not None and bool(STAMP_PLACE.fullmatch(plain.strip()[m.end():]))


def mark_chrome(pieces: list[Piece], cast: Cast) -> list[Dropped]:
    """Set `dropped` on chrome pieces: whole chrome sections, captions, pull-quotes, chrome lines; the
    chrome cut from labelled lines (the label stays, it opens a turn) is returned.

    After the last labelled turn, the interview ends at the first image, chrome line, emphasised box or
    paragraph about one of the speakers ("Ilka Brandstetter, born 1979 …"): what follows is narrative
    or chrome, never the last answer's continuation.
    """
    pieces_dropped: list[Dropped] = []
    skip_level: int | None = None
    to_end = False
    role = None
    last_label = max((i for i, pc in enumerate(pieces) if pc.label), default=len(pieces))
    speaker_names = [w for v in cast.voices.values() for w in {v.name, v.label} if len(w) >= 2]
    guest_words = {w for v in cast.voices.values() if v.role == "interviewee" for w in re.findall(r"\w{3,}", v.name)
                   if w.casefold() not in names.TITLES}
    han_guests = [n for v in cast.voices.values() if v.role == "interviewee" for n in (v.name, v.label)
                  if names.HAN.search(n) and 2 <= len(n) <= 4 and n not in labels_generic]
    about_guest = re.compile("|".join(map(re.escape, han_guests))) if han_guests else None  # "…梁惠娟还…": about her
    ended = False
    listed = False  # in the list under a chrome section's title
    unlabelled_answers = not any(v.role == "interviewee" for v in cast.voices.values())  # "Q:" lines only
    _pull_quotes(pieces)  # first: a pull-quote (and the image before it) inside the last answer ends nothing
    _menu_runs(pieces)
    _letter(pieces)
    _legend_lines(pieces)
    ad_run = False  # in the lines under an ad's label
    levels = Counter(pc.para.level for pc in pieces if pc.para.kind == "heading" and names.looks_like_person(pc.plain))
    named_levels = {level for level, n in levels.items() if n >= 2}  # headings of one level that name people
    unasked = [] if any(pc.label for pc in pieces) else [  # questions marked (heading, bold, italic), no labels yet
        i for i, pc in enumerate(pieces) if (pc.para.bold or pc.para.italic or pc.para.kind == "heading")
        and _asks_marked(pc)]
    unasked = unasked if len(unasked) >= MIN_QUESTIONS else []
    brands: set[str] = set()  # the names in capitals the ad's lines print ("FROSTMANN")
    credited = -2  # the line of a credit after the last answer: short lines right under it (no blank line) are its
    for i, pc in enumerate(pieces):
        if pc.dropped == "pull-quote":
            pc.after_end = ended
            continue
        if pc.label:
            voice = cast.voice(pc.label)
            role = voice.role if voice else ("interviewer" if pc.label == ASKED else "interviewee")
        if i > last_label and not ended:
            plain = pc.plain
            opened = next((p.plain for p in reversed(pieces[:i]) if not p.dropped and p.plain), "")
            ruled = (pc.para.after_rule and not opened.rstrip(" *_").endswith((":", "："))  # (not "… still a draft:")
                     and not SPEAKS.search(plain))  # (nor the guest's "P.S. … I forgot to say it")
            ended = (pc.para.after_image or ruled or pc.para.bold or pc.para.italic or pc.para.quote
                     or pc.para.kind == "heading"
                     or pc.text.lstrip().startswith(("**", "__")) or any(plain.startswith(n) for n in speaker_names)
                     or bool(SEPARATOR.fullmatch(plain))  # "—", "* * *": the article's own end follows
                     or bool(CAPS_HEAD.fullmatch(plain))  # "ABOUT THE AUTHOR" in a text file
                     or bool(BIO_START.match(plain.lstrip("|*_ ")))  # "Zur Person: Dr. Adaeze Okafor studierte …"
                     or (bool(THANKS.match(plain)) and any(w in plain for w in guest_words))  # "Danke, Ulrike"
                     or bool(about_guest and about_guest.search(plain))  # the writer on her, after her last answer
                     or _closing(plain) or bool(INTERVIEW_CREDIT.match(plain.lstrip("*_ ")))
                     or bool(AFTERWORD.match(plain))  # "采访完回杭州的路上，…": the writer, after the last answer
                     or (not pc.label and len(plain) <= LIST_TITLE and not re.search(r"[.!?。！？]\W*$", plain)
                         and chrome.section_heading(pc.text) is not None)
                     or (not pc.label and len(plain) <= AD_TEXT and chrome.classify(pc.text, pc.para) in OUTRO))
        pc.after_end = ended
        if listed and pc.para.kind == "item" and not pc.label:
            pc.dropped = "in a chrome section"
            continue
        listed = False
        if (pc.para.kind == "para" and not pc.label and i + 1 < len(pieces) and pieces[i + 1].para.kind == "item"
                and len(pc.plain) <= LIST_TITLE and not re.search(r"[.,;:!?。，；：！？]\W*$|\s(?:und|and)\s", pc.plain)
                and chrome.section_heading(pc.text) == "section"):  # "Mehr zum Thema" over a list, no heading
            pc.dropped, listed = "section heading", True
            continue
        if (pc.para.bold or pc.plain.endswith((":", "：")) or pc.plain.isupper() or ended) and not pc.label \
                and len(pc.plain) <= LIST_TITLE \
                and not _asks(pc.text) and chrome.section_heading(pc.text, ended):  # "**推荐阅读**", "Absage:"
            pc.dropped, skip_level, to_end = "section heading", 6, chrome.section_heading(pc.text, ended) == "to-end"
            continue
        if pc.para.kind == "heading":
            role = None
            kind = chrome.section_heading(pc.text, ended or i > last_label)
            if kind:
                pc.dropped = "section heading"
                skip_level, to_end = pc.para.level, kind == "to-end"
                continue
            if skip_level is not None and not to_end and pc.para.level <= skip_level:
                skip_level = None
        if to_end or skip_level is not None:
            if pc.label is None or to_end:
                pc.dropped = pc.dropped or "in a chrome section"
                continue
            skip_level = None
        if pc.para.after_image and not pc.label:
            caption, rest = chrome.leading_caption(pc.text)
            if caption and rest.strip():
                pieces_dropped.append(Dropped(caption, "caption", pc.para.line))
                pc.text = rest
                pc.para = Para(rest, pc.para.kind, pc.para.level, pc.para.quote, False, pc.para.line)
        captioned = CREDITED_CAPTION.fullmatch(pc.plain.strip(" *_"))
        if captioned and not pc.label and (role is None or pc.para.italic) and _one_sentence(captioned.group("c")):
            pc.dropped = "caption"  # "Dr Okafor-Lane taking a kick sample below the weir. Photo: T. Parry", before
            continue  # the interview or set in italics: the photo's caption and its credit in one line
        kept, notes = chrome.inline_notes(pc.text)
        if notes and kept.strip():  # (a note alone in its paragraph is judged as a paragraph)
            pieces_dropped.extend(Dropped(note, "a translator's or editor's note", pc.para.line) for note in notes)
            pc.text = kept
        kept, tail = chrome.trailing_chrome(pc.text)
        if tail:
            pieces_dropped.append(Dropped(tail, "credit at the end of a paragraph", pc.para.line))
            pc.text = kept
        advertised = i > 0 and (pieces[i - 1].dropped == "ad" or (ad_run and bool(pieces[i - 1].dropped))) and (
            # an ad's text (its lines one after another), no answer: short, or selling (or the lines under it do)
            len(pc.plain) <= AD_TEXT or (len(pc.plain) <= 3 * AD_TEXT and (bool(SHOP.search(pc.plain))
                                                                           or _selling(pieces, i))))
        answering = role == "interviewee" or (role == "interviewer" and unlabelled_answers and not pc.label)
        in_answer = answering and not ended and not advertised  # after "Anzeige": an ad's own rules
        reason = pc.dropped or chrome.classify(pc.text, pc.para, in_answer=in_answer)
        if reason == "caption" and not pc.dropped and pc.para.kind == "heading" and pc.para.level in named_levels:
            reason = None  # a photo, then "#### Jana Koch" over her answers, as over each guest's: no caption
        if reason in chrome.LOOSE and not pc.dropped and ((unasked and unasked[0] <= i < unasked[-1]) or (
                pc.label and role == "interviewer" and _asks(pc.text))) \
                and chrome.classify(pc.text, pc.para, in_answer=True) is None:
            reason = None  # "What does a membership cost?", "… from one estate sale": a question and its answer
            # (where only the questions are marked, whether a line answers one is known once they are read)
        if not reason and advertised and not pc.label and (SHOP.search(pc.plain) or ended or _selling(pieces, i)):
            reason = "ad"  # under "ADVERTISEMENT": "… Quote HEDGE10 for ten per cent off at brindleflour.co.uk"
        named = set(BRAND.findall(pc.plain))
        if not reason and advertised and not pc.label and named and named <= brands and BRAND.match(pc.plain):
            reason = "ad"  # "FROSTMANN weil Kältemittel zu wertvoll …": the slogan under the ad's own name
        ad_run = reason == "ad" or (advertised and bool(reason))
        brands = (brands | named) if ad_run else set()
        if not reason and not pc.label and i + 1 < len(pieces) and chrome.PHOTO_CREDIT.match(pieces[i + 1].plain) \
                and (chrome.is_caption(pc.plain) or _one_sentence(pc.plain)) and not pieces[i + 1].para.after_image \
                and not (i > 0 and _asks(pieces[i - 1].text)):  # (under a question: "Not yet.", no caption)
            reason = "caption"  # a short line right above a photo credit ("…搬出来" / "摄影：周野") describes the photo
        if not reason and ended and not pc.label and (_stamp(pc.plain) or (
                HANDLE.match(pc.plain) and i + 1 < len(pieces) and _stamp(pieces[i + 1].plain))):
            reason = "comment"  # after the interview: a reader's "handle：words" over its "5-17 20:45 来自浙江"
        if not reason and credited == pc.para.line - 1 and not pc.label and len(pc.plain) <= AD_TEXT:
            reason = "credit"  # the next line of a credits block: "Transcribed by Scrivly." / "Timestamps are …"
        run = [j for j in range(max(0, i - 2), min(len(pieces), i + 3)) if chrome.RELATED_LINE.match(pieces[j].plain)]
        if not reason and not pc.label and i in run and len(run) >= (3 if in_answer else 2):
            reason = "related"  # "读书 是一种风度[06-21]" / "梦想不只是一个传说[05-13]": a column's list
        if not reason and ended and not pc.label and _closing(pc.plain):
            reason = "closing"  # "Herzliche Grüße aus Biedenkopf" under the last answer
        if not reason and ended and not pc.label and _link_line(pc) and any(
                0 <= j < len(pieces) and not pieces[j].label and _listed_with(pc, pieces[j])
                for j in _beside(pieces, i)):
            reason = "list after the interview"  # headlines of other articles, one after another
        if not reason and ended and not pc.label and len(pc.plain) <= AD_TEXT and i + 1 < len(pieces) \
                and not pieces[i + 1].label and chrome.classify(pieces[i + 1].text) == "link button":
            reason = "promotion"  # the pitch over "Jetzt testen ›"
        if not reason and ended and not pc.label and pc.para.kind != "heading" and not _asks(pc.text) \
                and chrome.EMOJI_POINTER.match(pc.plain.strip()):
            reason = "promotion"  # "🌐 To learn more about …, visit their website" under the last answer
        if not reason and i > last_label and not pc.label and _asks(pc.text) and len(pc.plain) <= AD_TEXT \
                and i + 1 < len(pieces) and not pieces[i + 1].label \
                and chrome.classify(pieces[i + 1].text) == "promotion":
            reason = "promotion"  # after the last answer, "Interested in learning more about AMP?" over "Then sign
            # up for our email newsletter …": the box's question
        if reason and pc.label:  # the label still opens a turn; only its words on this line are chrome
            if reason != "empty":
                pieces_dropped.append(Dropped(pc.plain, reason, pc.para.line))
            pc.text = ""
        else:
            pc.dropped = reason
        if reason and reason != "empty" and i > last_label:
            ended = True
            credited = pc.para.line if reason == "credit" else -2
    _pull_quotes(pieces)
    return pieces_dropped


# a caption and its photo's credit in one line: "… below Coldharbour Weir, July 2002. Photo: T. Parry"
CREDITED_CAPTION = re.compile(r"(?P<c>.{10,200}?[.!?。！？])\s*(?i:photo|photograph|foto|fotos|bild|image|摄影|攝影)"
                              r"\s*(?i:by|von)?\s*[:：/]?\s*(?:[A-ZÄÖÜ]\.\s*)*[^.!?。\n]{2,40}\.?")


BRAND = re.compile(r"\b[A-ZÄÖÜ]{4,}\b")  # a name in capitals


NAMED_ROLE = re.compile(r"(?P<n>[^()（）]+?)\s*(?:[(（][^()（）]{2,30}[)）])?")


def _legend_lines(pieces: list[Piece]) -> None:
    """Set aside a transcript's key to its labels: two lines or more in a row, each a label and a name only,
    none asking ("Q:  Thomas Reyes-Whitcomb (interviewer)" / "A:  Margaret Hollis" / "RD:  Ruth Hollis
    Denning"): who the labels are, no turns."""
    def keyed(pc: Piece) -> bool:  # (in Chinese, one line may name the outlet that asks: "Q：一条" / "A：杨燕绥")
        m = NAMED_ROLE.fullmatch(pc.plain.strip())
        return bool(pc.label and m and key_name(m.group("n")) and not _asks(pc.text)
                    and not re.search(r"(?<![A-Z])\.$", m.group("n")))  # ("HM: Walter Gibbs." answers a question)

    def person(pc: Piece) -> bool:
        m = NAMED_ROLE.fullmatch(pc.plain.strip())
        return bool(m and names.looks_like_person(m.group("n")))

    key = [keyed(pc) for pc in pieces]
    first_turn = next((k for k, pc in enumerate(pieces) if pc.label and not key[k]), len(pieces))
    i = 0
    while i < first_turn:  # (a key stands before the turns it explains)
        j = i
        while j < len(pieces) and key[j]:
            j += 1
        if j - i >= 2 and len({pc.label for pc in pieces[i:j]}) == j - i and any(person(pc) for pc in pieces[i:j]):
            for pc in pieces[i:j]:
                pc.dropped = "legend"
        i = max(j, i + 1)


def _selling(pieces: list[Piece], i: int) -> bool:
    """Whether the short lines from pieces[i] to the next label sell something (a shop's address, "Jetzt …
    anfordern"): an ad's copy under its label, not an answer going on."""
    for pc in pieces[i:i + 6]:
        if pc.label or len(pc.plain) > 3 * AD_TEXT:
            return False
        if SHOP.search(pc.plain) or chrome.CALL_TO_ACTION.match(pc.plain):
            return True
    return False


def _one_sentence(plain: str) -> bool:
    """One sentence of caption length ("In der Lehrwerkstatt üben die Auszubildenden an zwölf Kojen …")."""
    return len(plain) <= AD_TEXT and not re.search(r"[.!?]\s+\S|[。！？](?=[^」”』）)\s])", plain)


LINK_LINE = 100  # characters: a headline in a list of other articles, at most


def _link_line(pc: Piece, asking: bool = True) -> bool:
    """A short line, no sentence and no heading, as lists of other articles are made of (after the interview); with
    `asking`, a numbered one may ask ("100. 女性賦權時代的反英雄：從「女版賈伯斯」到「矽谷女巫」？": a headline, beside
    another that does not ask; a guest's list of questions, "1. 我们为什么要工作？", is no list of headlines)."""
    plain = pc.plain
    return (pc.para.kind in ("para", "item") and 0 < len(plain) <= LINK_LINE
            and (not chrome.SENTENCE_END.search(plain) or (asking and bool(NUMBERED_HEADLINE.fullmatch(plain))))
            and not plain.endswith((":", "："))) or pc.dropped in ("link button", "list after the interview")


def _listed_with(pc: Piece, other: Piece) -> bool:
    """Whether a link line and the line beside it are of one list of headlines: the other a link line too, a
    numbered headline that asks ("100. …？") only beside a numbered one that does not ("1. …", "101. …")."""
    numbered = [bool(re.match(r"\d{1,3}[.、]", x.plain)) for x in (pc, other)]
    if not _link_line(pc, asking=False):  # (pc asks)
        return numbered[1] and _link_line(other, asking=False)
    return _link_line(other, asking=False) or (all(numbered) and _link_line(other))


NUMBERED_HEADLINE = re.compile(r"\d{1,3}[.、]\s*[^\s.。]\S[^\n]{0,78}[?？」”]")


def _beside(pieces: list[Piece], i: int) -> tuple[int, int]:
    """The lines before and after pieces[i], past an ellipsis alone ("…" between a list's first and its 100th)."""
    before, after = i - 1, i + 1
    while before >= 0 and re.fullmatch(r"[.…。·\s]+", pieces[before].plain or "x"):
        before -= 1
    while after < len(pieces) and re.fullmatch(r"[.…。·\s]+", pieces[after].plain or "x"):
        after += 1
    return before, after


# a newsletter's letter to its readers, before the interview: "Liebe Leserin, lieber Leser," … "Eine anregende
# Lektüre wünscht Ihnen" and the editor's name and post under it
SALUTATION = re.compile(r"(?i)^(?:liebe|lieber|hallo|sehr geehrte[r]?|dear|hi|hello|亲爱的|親愛的)\s*[^.!?。]{0,60}"
                        r"(?:leser|abonnent|mitglieder|readers?|subscribers?|members|friends|freunde|读者|讀者|朋友)"
                        r"[^.!?。]{0,30}[,，:：!]$")
VALEDICTION = re.compile(r"(?i)(?:wünsch(?:t|e|en) (?:Ihnen|euch|dir)\b.{0,20}|^(?:herzlich(?:st|e grüße)?|viele grüße|"
                         r"beste grüße|best|cheers|warmly|yours|sincerely|best wishes|thanks for reading|happy reading)"
                         r"\W{0,3}(?:\w+\W{0,3}){0,3})[,!]?$")
SIGNATURE_LINES = 2  # the name and the post under a letter's closing
# a letter's or a mail's closing, with the name under it: "Herzliche Grüße aus Biedenkopf Hanne Wiesecke"
SIGN_OFF = re.compile(r"(?i)^(?:(?:mit )?(?:herzlichen?|vielen|besten|lieben|freundlichen) grüßen?|herzlich(?:st)?|"
                      r"viele grüße|beste grüße|liebe grüße|best regards|kind regards|best wishes|warm regards|cheers|"
                      r"all the best|yours(?: sincerely| truly)?|sincerely)\b[^.!?]{0,80}$")


def _closing(plain: str) -> bool:
    """A letter's or a mail's closing line: "Eine anregende Lektüre wünscht Ihnen", "Herzliche Grüße aus …"."""
    return len(plain) <= LINK_LINE and bool(VALEDICTION.search(plain) or SIGN_OFF.match(plain))


AFTERWORD = re.compile(r"(?:采访完|采访结束|採訪完|採訪結束|访谈结束|訪談結束|结束采访|結束採訪|"
                       r"(?i:after the interview\b|nach dem interview\b))")
MENU_RUN = 5  # short lines in a row, outside the interview, that are a menu
MENU_ITEM = re.compile(r"[^\W\d_][\w&'’/+.-]*(?: [\w&'’/+.-]+){0,2}")  # "Baseball", "Other Sports", "Quick Links"


def _menu_runs(pieces: list[Piece]) -> None:
    """Mark as a menu the runs of MENU_RUN or more lines of one to three words, no sentence, before the first
    label ("Archive by Sport", "Baseball", "Basketball", … over a transcript)."""
    labelled = [i for i, pc in enumerate(pieces) if pc.label]
    if not labelled:
        return
    run: list[int] = []
    for i, pc in enumerate([*pieces, None]):
        inside = pc is not None and labelled[0] <= i  # (after the last label, a list may be the answer's)
        if pc is not None and not inside and not pc.label and not pc.dropped and MENU_ITEM.fullmatch(pc.plain.strip()):
            run.append(i)
            continue
        if len(run) >= MENU_RUN:
            for k in run:
                pieces[k].dropped = "menu"
        run = []


def _letter(pieces: list[Piece]) -> None:
    """Drop a newsletter's letter to its readers before the interview: from the salutation to the closing
    and the signature under it; a salutation without a closing in sight alone."""
    first_label = next((i for i, pc in enumerate(pieces) if pc.label), len(pieces))
    start = next((i for i, pc in enumerate(pieces[:first_label]) if SALUTATION.match(pc.plain)), None)
    if start is None:
        return
    end = next((j for j in range(start + 1, min(first_label, start + 10)) if VALEDICTION.search(pieces[j].plain)
                and len(pieces[j].plain) <= 60), start)
    if any(pc.para.quote or _asks(pc.text) for pc in pieces[start + 1:end]):
        end = start  # questions in between: a mail's salutation over the interview, not a letter around nothing
    signed = end + 1 if end > start else end  # the signature: short lines, no sentence, up to SIGNATURE_LINES
    while signed < min(first_label, end + 1 + SIGNATURE_LINES) and len(pieces[signed].plain) <= 60 \
            and not chrome.SENTENCE_END.search(pieces[signed].plain) and pieces[signed].para.kind != "heading":
        signed += 1
    end = signed - 1 if end > start else start
    for pc in pieces[start:end + 1]:
        pc.dropped = pc.dropped or "letter to the readers"


PULL_QUOTE_REACH = 200  # paragraphs before and after a pull-quote where the sentence it repeats may stand


def _pull_quotes(pieces: list[Piece]) -> None:
    """A paragraph that repeats a sentence of another (a pull-quote, a teaser echoing an answer)."""
    texts = [re.sub(r"\s+", " ", pc.plain) for pc in pieces]
    for i, pc in enumerate(pieces):
        t = texts[i].strip("“”\"„«»「」 ")
        if pc.dropped or len(t) < 25 or pc.label or _asks(pc.text):
            continue  # (a question asked twice is asked twice)
        near = range(max(0, i - PULL_QUOTE_REACH), min(len(texts), i + PULL_QUOTE_REACH + 1))
        for j in near:  # (a long document: the paragraphs around it, not every pair of the whole text)
            other = texts[j]
            longer = len(other) > len(texts[i]) or (j < i and pc.para.quote) or (  # (or set apart, a whole paragraph)
                t == other.strip() and (pc.para.italic or pc.para.bold or pc.para.quote))
            if j != i and not pieces[j].dropped and longer and t in other:
                pc.dropped = "pull-quote"
                break
            before = pieces[i - 1] if i > 0 else None  # (right after a question, a quoted answer is the answer)
            quoted = pc.para.quote and QUOTED_WHOLE.fullmatch(texts[i].strip())
            if abs(j - i) <= 2 and not any(pieces[k].label for k in range(min(i, j) + 1, max(i, j) + 1)) \
                    and not pieces[j].dropped and quoted \
                    and len(t) <= PULL_QUOTE_MAX and len(other) > len(t) and _echoes(t, other) and before is not None \
                    and not _asks(before.text) and not (before.para.bold or before.para.kind == "heading"):
                pc.dropped = "pull-quote"  # "> “在 Perl 6 中，我们试图让电脑更准确的了解我们。”": an answer's words
                break  # set apart in quotation marks, reworded


QUOTED_WHOLE = re.compile(r"[“„«「『\"][^“”„«»「」『』\"]+[”“»」』\"]")
PULL_QUOTE_MAX = 160  # characters
# of a quoted line's words (pairs of Chinese characters) that a paragraph near it holds to reword it (a paragraph
# that does not echo it holds under a tenth of its pairs)
ECHO_SHARE = {"words": 0.5, "pairs": 0.35}


def _echoes(line: str, paragraph: str) -> bool:
    """Whether most of a short line's words (for Chinese, its pairs of characters) are in a paragraph."""
    if re.search(r"[\u3400-\u9fff]", line):
        pairs = {line[k:k + 2] for k in range(len(line) - 1) if re.fullmatch(r"[\u3400-\u9fff]{2}", line[k:k + 2])}
        return bool(pairs) and sum(p in paragraph for p in pairs) >= ECHO_SHARE["pairs"] * len(pairs)
    words = {w.casefold() for w in re.findall(r"\w{4,}", line)}
    held = {w.casefold() for w in re.findall(r"\w{4,}", paragraph)}
    return len(words) >= 3 and len(words & held) >= ECHO_SHARE["words"] * len(words)


def _looks_like_heading(pc: Piece, nxt: Piece | None) -> bool:
    """An unlabelled short line or bold paragraph right before a speaker's label: a section title."""
    if nxt is None or not nxt.label or pc.label:
        return False
    plain = pc.plain
    limit = HEADING_MAX["zh"] if re.search(r"[\u3400-\u9fff]", plain) else HEADING_MAX["other"]
    if len(plain) > limit or re.search(r"[。！!…；;]|\.(?:\s|$)|[\])）]$", plain):
        return False
    if re.search(r"@\w|https?://|www\.|\b\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d\b", plain):
        return False  # "Instagram: @idaroth_keramik", "Töpfermarkt Kempten – 12.05.2024, 10:00 Uhr": said, no title
    if re.search(r"[:：]\s*\S", plain) and (not pc.para.bold or len(plain.split()) > 6 or len(plain) > 40
                                           or SPEAKS.search(plain) or re.search(r"[\"“”„«»]", plain)):
        return False  # "Website: roth-keramik.de", "微信公众号：芳窑陶艺", 'I suppose …: "don't hold back"': said (a
        # section's title with a colon is set apart in bold: "**Teil 2: Die Werkstatt**")
    return pc.para.bold or not re.search(r"[？?,，、]", plain)


def _question(parts: list[str]) -> str | None:
    asking = [p for p in parts if re.search(r"[?？]", p)]
    text = " ".join(asking[-2:] or parts[-1:]).strip()
    if len(text) <= MAX_QUESTION:
        return text or None
    kept = ""
    for s in reversed(SENTENCES.findall(text)):
        if len(kept) + len(s) > MAX_QUESTION and kept:
            break
        kept = s + kept
    return kept.strip() or text[-MAX_QUESTION:]


# "[Es entstand eine kurze Diskussion …]", "（采访当天，父亲俞建平一直坐在院子里劈篾。…）": the editors speaking
QUOTED = re.compile(r"[“「『\"„«»][^”」』\"“»«]*[”」』\"“»«]")  # someone's words quoted in a note
# the speaker's own words ("we", "我们": the editors')
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|my|me|ich|mein\w*|mir|mich)\b|我(?![们們])")
SIGNED_NOTE = re.compile(r"[（(][^（）()]{2,200}?(?:——|—|--|-)\s*[\u4e00-\u9fff]{0,4}(?:注|按)[）)][。.]?")
EDITORIAL = re.compile(r"\[[^\[\]]{20,}\][.!]?|（[^（）]{20,}）[。.]?|\([^()]{20,}\)[.!]?")


QUOTED_VOICE = re.compile(r"\s*(?:\*\*|__)(?P<n>[^*_\n]{3,40})(?:\*\*|__)")


def _quoted_voice(pc: Piece, speaker: Voice) -> bool:
    """A remark quoted inside a turn under someone else's name in bold ("> **Tomasz Wielgosz** (@tw), co-maintainer:
    For the record, …"): theirs, not the speaker's (narrative; the turn goes on)."""
    m = QUOTED_VOICE.match(pc.text) if pc.para.quote else None
    return m is not None and names.looks_like_person(m.group("n")) and not names.same_person(m.group("n"), speaker.name)


def _quoted_note(pc: Piece, turn: Turn, nxt: Piece | None, asks_next: bool) -> bool:
    """A block quote right before the next question, after an answer that was not quoted nor opened a quotation,
    pointing the reader to more or telling what changed since, in the editors' words ("> 想了解更多关于 ESM 的信息，
    请阅读对 Bradley Farias 的采访。", "> Since this interview was conducted, …"): the editor's note between two
    answers; not a quotation or an answer going on in quotes."""
    said = [p for p in turn.parts if p.plain.strip()]
    ends = nxt is None or asks_next or nxt.para.kind == "heading"
    return (pc.para.quote and ends and turn.voice.role == "interviewee" and bool(said) and not said[0].para.quote
            and not said[-1].plain.rstrip(" *_").endswith((":", "："))  # ("This is one I kept:": hers to quote)
            and bool(READER_POINTER.search(pc.plain)) and not SPEAKS.search(pc.plain))


# the editor sending the reader elsewhere, or telling what changed since ("Since this interview was conducted, …")
READER_POINTER = re.compile(r"请阅读|請閱讀|请参阅|請參閱|请参见|請參見|详见|詳見|想了解更多|编者注|編者注|"
                            r"(?i:\b(?:to (?:learn|read|find out) more|for more (?:on|about)|read (?:our|the|my) "
                            r"(?:\w+ )?interview|see (?:also )?our|mehr (?:dazu|darüber) (?:lesen|erfahren)|"
                            r"lesen sie (?:auch|hier|unser)|since (?:this|our) interview (?:was|took place)|"
                            r"confirmed by [^.]{0,40} after the interview|editor'?s note|"
                            r"seit (?:diesem|unserem) (?:interview|gespräch) (?:ist|hat|wurde)|anm\. d\. red)\b)")


def _editorial(pc: Piece) -> bool:
    """A note of the editors' inside a turn: in square brackets, or in round ones unless it says "I", "my" or
    "ich" (not "we": that is the editors') outside the words it quotes (then the aside is the speaker's own)."""
    if SIGNED_NOTE.fullmatch(pc.plain.strip()):
        return True  # "（说到这里她停了很久。——知远注）": signed as the writer's note
    return bool(EDITORIAL.fullmatch(pc.plain)) and (pc.plain.lstrip().startswith("[")
                                                    or not FIRST_PERSON.search(QUOTED.sub("", pc.plain)))


def walk(pieces: list[Piece], cast: Cast, answerer: Voice | None, asker: Voice | None) -> Flow:
    """The interview in reading order: turns (interviewer and interviewee) and narrative pieces."""
    flow = Flow()
    speaker: Voice | None = None
    turn: Turn | None = None
    asked: list[str] = []
    section: str | None = None
    people: dict[str, Voice] = {}  # round-ups: "## Name" over each person's answers
    last_named: Voice | None = None  # the last named interviewee who spoke
    generic_taken: set[str] = set()  # generic answer labels given to a named panelist
    for pc in pieces:
        if pc.dropped and pc.plain.strip():  # (not the bare "**" left of a line whose label opened it)
            flow.dropped.append(Dropped(pc.plain, pc.dropped, pc.para.line))
    live = [pc for pc in pieces if not pc.dropped]
    asking = [pc for pc in live if pc.label and (v := cast.voice(pc.label)) is not None and v.role == "interviewer"]
    bold_asks = len(asking) >= MIN_QUESTIONS - 1 and sum(pc.para.bold for pc in asking) * 2 >= len(asking)
    guests = [v for v in cast.voices.values() if v.role == "interviewee"]
    round_up = sum(pc.para.kind == "heading" and _heading_person(pc.plain, cast) is not None for pc in live) >= 2
    for i, pc in enumerate(live):
        nxt = live[i + 1] if i + 1 < len(live) else None
        if pc.para.kind == "heading" and not pc.label and _inside_answer(pc, nxt, speaker, turn, live[i + 1:],
                                                                          flow.items):
            flow.dropped.append(Dropped(pc.plain, "subheading inside an answer", pc.para.line))
            continue  # an editor's subheading over the rest of a long answer: the guest goes on
        if (pc.para.kind == "heading" and not pc.label and not _quoted_reply(pc, live[i - 1] if i else None, cast)) \
                or _looks_like_heading(pc, nxt):  # (a quotation set as a heading under a question: the reply's words)
            section, speaker, turn = pc.plain, None, None
            flow.items.append(Piece(pc.text, Para(pc.text, "heading", pc.para.level or 3), None))
            person = _heading_person(pc.plain, cast) if pc.para.kind == "heading" else None
            if answerer is not None and person and not pc.after_end and _heads_turns(live[i + 1:], person, round_up):
                # (over a question or an answer, not over a link to another interview; a section after the last
                # answer, "## Offene Punkte", names no one)
                answerer = people.setdefault(person, Voice(f"{ANSWERED}{person}", person, "interviewee", 0,
                                                           "medium", ["named by the heading over the answers"]))
            continue
        if pc.label:
            if pc.label == ANSWERED and answerer is not None:
                voice: Voice | None = answerer
            else:
                voice = cast.voice(pc.label) or (answerer if pc.label == ANSWERED else asker)
            if voice is not None and voice.role == "interviewee" and voice.label.lower() in INTERVIEWEE_LABELS:
                if last_named is not None and (voice.name in UNKNOWN_NAME.values() or voice.name == voice.label):
                    # a panel's unnamed "A -": the panelist who spoke last answers (not where "A:" is the one
                    # interviewed, named, and a relative chimed in once)
                    generic_taken.add(voice.label)
                    voice = last_named
            elif voice is not None and voice.role == "interviewee" and not role_with_person(voice.label):
                last_named = voice  # ("A（韩露）：" once: the usual "A" is someone else, not the last one named)
            speaker = voice
            if voice is None or voice.role != "interviewee":
                asked = [pc.plain] if voice is not None and voice.role == "interviewer" else asked
                turn = Turn(voice, [pc]) if voice is not None else None
                if turn is not None:
                    flow.items.append(turn)
                continue
            turn = Turn(voice, [pc], _question(asked) if asked else None, section)
            flow.items.append(turn)
            continue
        if pc.after_end or speaker is None or turn is None:
            speaker, turn = None, None
            flow.items.append(pc)
            continue
        asks_next = nxt is not None and nxt.label is not None and (
            (v := cast.voice(nxt.label) or (asker if nxt.label == ASKED else None)) is not None
            and v.role == "interviewer")
        if speaker.role == "interviewee" and asks_next and SEGUE.fullmatch(pc.plain.strip()):
            flow.dropped.append(Dropped(pc.plain, "the interviewer's segue", pc.para.line))
            continue  # "Ok, now for a little fun." over the next question: the one who asks, between two turns
        if _editorial(pc) or pc.aside or _quoted_voice(pc, speaker) or _quoted_note(pc, turn, nxt, asks_next):
            flow.items.append(pc)  # an editor's note or a box inside a turn: narrative, and the turn goes on
            continue
        if speaker.role == "interviewer" and bold_asks and turn.parts[0].para.bold and not pc.para.bold \
                and pc.para.kind == "para" and not pc.para.quote and turn.parts[0].plain.strip():
            # (a bold question over a plain answer; not a bold label alone over the question it opens)
            voice = last_named or (guests[0] if len(guests) == 1 else None)
            if voice is not None:  # bold questions, plain answers: the plain paragraph after one answers it
                speaker, turn = voice, Turn(voice, [pc], _question(asked) if asked else None, section)
                flow.items.append(turn)
                continue
        resumed = _resumed(flow, turn) if speaker.role == "interviewer" and not _asks(pc.text) else None
        upcoming = next((p for p in live[i + 1:] if p.label), None)
        if resumed is not None and upcoming is not None and cast.voice(upcoming.label) is resumed.voice:
            resumed = None  # ("记者：嗯。" "他当年对您严格吗？" and the same guest answers: the host's prompt)
        if resumed is not None:  # "程一舟：嗯。" and the paragraph after it: the guest goes on (tidy joins the two)
            speaker, turn = resumed.voice, Turn(resumed.voice, [pc], resumed.question, resumed.section)
            flow.items.append(turn)
            continue
        turn.parts.append(pc)
        if speaker.role == "interviewer":
            asked.append(pc.plain)
    for label in generic_taken:
        if not any(isinstance(t, Turn) and t.voice.label == label for t in flow.items):
            cast.voices.pop(label, None)  # every "A" went to a named panelist
    for voice in people.values():
        cast.voices[voice.label] = voice
        cast.aliases[voice.label] = voice.label
    if people and answerer is not None and not any(t.voice is cast.voice(ANSWERED) for t in flow.items
                                                    if isinstance(t, Turn)):
        cast.voices.pop(ANSWERED, None)  # every answer has its person: the placeholder answered nothing
    return flow


# the interviewer's line between an answer and the next question, announcing the next part: "Ok, now for a little
# fun.", "Let's do a lightning round!", "Zum Schluss noch ein paar kurze Fragen.", "最后来几个快问快答。"
SEGUE = re.compile(
    r"(?i)(?:(?:ok(?:ay)?|alright|all right|so|well|great)[,.!]*\s+)?(?:(?:and )?now,? )?"
    r"(?:for (?:a little|a bit of|some) (?:fun|levity)|"
    r"let'?s (?:have (?:some|a little) fun|do (?:a|the|some) (?:lightning|rapid[- ]fire|speed|quick)(?:[- ]fire)? "
    r"(?:round|questions))|"
    r"(?:time for |on to |for )?(?:a few|some|the|our) (?:quick|fun|rapid[- ]fire|lightning|speed) "
    r"(?:questions|round|fire round))[.!:…]*|"
    r"(?:(?:und |so, )?(?:zum (?:schluss|abschluss)|jetzt|nun) (?:noch )?(?:ein paar|einige|drei|fünf) "
    r"(?:kurze|schnelle) fragen)[.!:…]*|"
    r"(?:最后|接下来|下面)[，,]?(?:来|是)?(?:几个|一些)?(?:快问快答|轻松的小问题)[。！：:]*")


def _quoted_reply(pc: Piece, before: Piece | None, cast: Cast) -> bool:
    """Whether a heading is a quotation right under a question (the answer's words set large: "### “Leadership
    is about enabling …”"), not a section's title (a headline in quotes over the text is the title's)."""
    asked = before is not None and before.label is not None and (
        before.label == ASKED or ((v := cast.voice(before.label)) is not None and v.role == "interviewer"))
    return asked and bool(QUOTED_WHOLE.fullmatch(pc.plain.strip()))


# a paragraph that goes on speaking in the first person ("… würde ich das mal jetzt …"; not "we" alone, as a
# reporter's scene may say: "Wir folgen ihr in die Werkstatt"), and one that tells of someone else
SPEAKS = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|(?i:ich|mir|mich|mein\w*))\b|我(?![们們])")
GOES_ON = re.compile(r"(?i)(?:und|also|aber|denn|doch|so|da|and|but|because|now|well)\b")  # (an answer going on)
TELLS = re.compile(r"^(?:\W*(?i:und|dann|da|so|and|then)\s+)*(?:sie\b|er\b|Er\b|(?i:she|he)\b|Sie\s+\w+t\b|他|她)")
# ("Sie zeigt mir …" tells of her; not "Sie müssen sich vorstellen …", the polite "Sie", nor "They told me …")


def _inside_answer(pc: Piece, nxt: Piece | None, speaker: Voice | None, turn: Turn | None,
                   after: list[Piece], before: list[Turn | Piece]) -> bool:
    """Whether a heading stands inside a labelled guest's answer (a transcript's editor breaking a long answer up:
    "### Ein psychologischer Verdrängungsmechanismus?" over "Und wenn man das von der Hand weisen will, würde ich
    …"): the paragraph under it unlabelled and speaking on in the first person (or, where the guest's answers run
    over several paragraphs, going on with "Und"/"So"), not naming the guest nor telling of someone ("Und dann
    führt sie uns …": a reporter's scene), and labelled turns after it (not a section after the interview, not a
    question in the heading's place)."""
    if speaker is None or turn is None or speaker.role != "interviewee" or speaker.label.startswith(ANSWERED) \
            or pc.after_end or nxt is None or nxt.label or nxt.after_end or nxt.aside:
        return False
    if nxt.para.kind != "para" or nxt.para.bold or nxt.para.quote or not any(p.label and not p.dropped for p in after):
        return False
    named = [w for w in speaker.name.split() if len(w) >= 3 and w[:1].isupper()]
    if TELLS.match(nxt.plain) or any(re.search(rf"\b{re.escape(w)}\b", nxt.plain) for w in named):
        return False
    if SPEAKS.search(nxt.plain):
        return True
    long_turns = sum(1 for t in before if isinstance(t, Turn) and t.voice is speaker and len(t.parts) >= 2)
    return long_turns >= 2 and bool(GOES_ON.match(nxt.plain))


BACKCHANNEL = re.compile(r"(?i:嗯+|嗯嗯|哦+|噢|对+|對+|是的|mhm+|m+-?hm+|uh-?huh|right|yeah|yep|wow|genau|aha|hm+|"
                         r"stimmt|echt)[.!。！…]*")  # a listener's sound, nothing said


HEADED_INTERVIEW = re.compile(r"(?i)^(?:interview(?:\s+mit)?|im gespräch(?:\s+mit)?|gespräch mit|q\s*&\s*a(?:\s+with)?|"
                              r"in conversation with|a conversation with|专访|專訪|对话|對話|访谈|訪談)\s*[:：|–-]?\s*")


def _heads_turns(after: list[Piece], person: str, round_up: bool) -> bool:
    """Whether what follows a heading naming a person is a question or an answer; in a round-up (headings naming
    several people), perhaps after a line or two about the person ("Jana Koch, 52, ist Hausärztin …"); not a link
    to another interview, nor a section about someone the guest talks of."""
    surname = person.split()[-1]
    for n, pc in enumerate(after[:BIO_LINES + 1]):
        if pc.label:
            return True
        if surname not in pc.plain or not (round_up or (n == 0 and pc.plain.startswith(person))):
            return False  # (one heading: only a line opening with the full name, "Tom Berger, 45, …", is a bio)
    return False


BIO_LINES = 2


def _heading_person(heading: str, cast: Cast) -> str | None:
    """The person a heading over answers names: "## Janna Zielinski", "Interview: Prof. Dr. Carla Wendt", "## Dr.
    Hansen"; not the one who asks ("Interview: Jana Hensel", the byline's reporter credited over the questions)."""
    headed = HEADED_INTERVIEW.sub("", heading.strip(), count=1)
    name = re.sub(r"^(?:(?:Prof|Dr|Mr|Mrs|Ms)\.?\s+)+", "", headed)
    name = name if names.looks_like_person(name) else headed if names.looks_like_person(headed) else ""
    asking = [v.name for v in cast.voices.values() if v.role == "interviewer"]
    return name if name and not any(names.same_person(name, a) for a in asking) else None


EVERYDAY = 5.0  # Zipf: "right", "that", "have" (a word everyone says)


def _echoes_words(said: str, asked: str) -> bool:
    """Whether a short reply repeats a word of what was put to the guest that is no everyday word ("switching",
    not "right")."""
    from retrieval.generality import zipf

    shared = set(re.findall(r"\w{4,}", said.casefold())) & set(re.findall(r"\w{4,}", asked.casefold()))
    return any(max(zipf(w, "en"), zipf(w, "de")) < EVERYDAY for w in shared)


def _resumed(flow: Flow, turn: Turn) -> Turn | None:
    """The guest's turn right before a host's one-word reaction that is the last item ("嗯。"), if any: the
    unlabelled paragraph after the reaction is the guest going on."""
    items = flow.items
    if len(turn.parts) != 1 or not items or items[-1] is not turn or len(items) < 2 \
            or not BACKCHANNEL.fullmatch(turn.parts[0].plain.strip()):
        return None
    before = items[-2]
    return before if isinstance(before, Turn) and before.voice.role == "interviewee" else None


def _reaction(item: Turn | Piece) -> bool:
    """A host's word or two that asks nothing ("Right.", "Wow.", "嗯。"; not a deleted question, "[deleted]")."""
    said = " ".join(p.plain for p in item.parts) if isinstance(item, Turn) else ""
    return (isinstance(item, Turn) and item.voice.role != "interviewee" and item.words <= BACKCHANNEL_WORDS
            and not _asks(said) and not thread.GONE.fullmatch(said.strip()))


def tidy(flow: Flow) -> None:
    """Join a guest's answer across a host's one-word reaction; set aside replies of a word or two."""
    out: list[Turn | Piece] = []
    for item in flow.items:
        if isinstance(item, Turn) and item.voice.role == "interviewee":
            j = len(out) - 1
            while j >= 0 and _reaction(out[j]):
                j -= 1
            prev = out[j] if j >= 0 else None  # across a reaction, or after a reply of a word or two ("Yeah."
            if isinstance(prev, Turn) and prev.voice is item.voice and (  # and the same label again): one answer
                    j < len(out) - 1 or prev.words < BACKCHANNEL_WORDS):
                prev.parts.extend(item.parts)
                del out[j + 1:]
                continue
        out.append(item)
    flow.items = []
    for n, item in enumerate(out):
        before = out[n - 1] if n else None
        asked = " ".join(p.text for p in before.parts) if isinstance(before, Turn) and \
            before.voice.role == "interviewer" else ""  # "…, fixed, for the full term?"
        said = " ".join(p.plain for p in item.parts) if isinstance(item, Turn) else ""
        answers = bool(asked) and (_asks(asked) or _echoes_words(said, asked))  # "Correct.": an answer, if a short
        # one; and "Switching systems." to "This was switching systems.": the rarer words of what was put to the guest
        if isinstance(item, Turn) and item.voice.role == "interviewee" and item.words < BACKCHANNEL_WORDS \
                and not answers and not re.search(r"\d", " ".join(p.plain for p in item.parts)):
            flow.dropped.append(Dropped(" ".join(p.plain for p in item.parts), "too short to quote alone",
                                        item.parts[0].para.line))
            continue
        flow.items.append(item)


def _own_name_off(text: str, name: str) -> str:
    """An answer without its speaker's name set before it as a label ("Rutger Bregman: Das ist …", a label the
    page gives once)."""
    m = re.match(rf"\W{{0,3}}{re.escape(name)}\W{{0,3}}[:：]\s*", text) if len(name) >= 4 else None
    return text[m.end():] if m and text[m.end():].strip() else text


def passages(flow: Flow, article_id: str) -> list[Passage]:
    """Interviewee turns as whole-answer passages; narrative paragraphs as passages of their own."""
    out: list[Passage] = []
    turn_no = -1
    section: str | None = None
    for item in flow.items:
        if isinstance(item, Piece):
            if item.para.kind == "heading":
                section = item.plain
                continue
            kind = "bullet" if item.para.kind == "item" else "narrative"
            out += [Passage("", article_id, 0, chunk, kind, section=section) for chunk in split_long(item.plain)]
            continue
        if item.voice.role != "interviewee":
            continue
        turn_no += 1
        chunks: list[str] = []
        for k, part in enumerate(item.parts):
            text, cut_off = chrome.trailing_chrome(part.plain)
            if k == 0:  # "Rutger Bregman: Das ist alles …" once, unlabelled answers after: his name, not his words
                text = _own_name_off(text, item.voice.name)
            if cut_off:
                flow.dropped.append(Dropped(cut_off, "credit at the end of a paragraph", part.para.line))
            for para in [text] if size(text) <= MAX_ANSWER else split_long(text):
                if chunks and size(chunks[-1] + PARAGRAPH_BREAK + para) <= MAX_ANSWER:
                    chunks[-1] += PARAGRAPH_BREAK + para
                elif para:
                    chunks.append(para)
        out += [Passage("", article_id, 0, c, "answer", speaker=item.voice.name, question=item.question,
                        section=item.section or section, turn=turn_no) for c in chunks]
    seen: dict[str, int] = {}
    for seq, p in enumerate(out):
        n = seen.get(p.text, 0)
        seen[p.text] = n + 1
        p.seq, p.id = seq, passage_id(article_id, p.text, n)
    return out
