"""Who speaks in an interview: which labels name speakers, who asks and who answers, and their names.

A label names a speaker when it recurs, or when it is another form (full name, initials, first word)
of one that does; a label whose turns are empty (`Break: [01:12]`) marks time, not a speaker. The
interviewer/interviewee split weighs evidence: generic role words (Q, 问, Frage, Host, 嘉宾…), the
publication or the byline's author speaking, the title or front matter naming a guest, phrases only a
host says, and who asks and who talks at length. The confidence says how clear that evidence was.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from bot.importer import chrome, metadata, names
from bot.importer.labels import (
    GENERIC,
    IMPRINT_KEYS,
    IMPRINT_LINE,
    INITIAL,
    INTERVIEWEE_LABELS,
    INTERVIEWER_LABELS,
    Mark,
    is_continuation,
    is_handle,
    strip_continuation,
)
from bot.importer.markup import Para, visible
from bot.importer.metadata import Meta

MIN_TURNS = 2
RECORDING = re.compile(r"(?i)\b(?:recording|tape|this is|today is|it is the \w+ of|we are (?:at|in)|aufnahme|"
                       r"heute ist|wir sind (?:in|im|bei))\b")
# a host's opening that introduces the guest: "Darüber spreche ich mit Mara Lind.", "She spoke with me …"
INTRODUCES = re.compile(r"(?i)\b(?:spreche ich mit|sprechen wir mit|spoke (?:with|to) (?:me|us)|joins? (?:me|us)|"
                        r"my guest|our guest|mein gast|meine gästin|unser gast|(?:she|he) was born|"
                        r"(?:sie|er) wurde \d{4})\b")  # (not "Ich bin 1938 in Gleiwitz geboren": her own words)
# a host presenting someone else: "Heute habe ich die Imkerin Mara Lind bei mir im Studio", "I talked to …"
PRESENTS_SOMEONE = re.compile(r"(?i)\b(?:bei mir|bei uns|im studio|zu gast|talk(?:ed|ing)? (?:to|with)|with me|"
                              r"in the studio)\b")
KIN = re.compile(r"(?i)\b(?:mann|frau|bruder|schwester|vater|mutter|sohn|tochter|husband|wife|brother|sister|"
                 r"father|mother|son|daughter)\b")
FIRST_PERSON = re.compile(r"(?i)\b(?:i|i'm|i've|me|my|we|us|our|ich|mir|mich|mein\w*|wir|uns|unser\w*|danke|thanks?|"
                          r"gerne?|hello|hallo|guten (?:morgen|tag|abend))\b|我|谢谢|你好")  # (someone speaking)
STAFF_WORDS = 15  # a press officer's "We're not going to comment on that.": what one who arranges says at most
ASKING = 0.6  # share of a voice's turns that end in a question: one who asks
HOST_PHRASES = re.compile(
    r"(?i)\b(?:I'?m your host|I am your host|your host(?:s)?,|welcome (?:back )?to (?:the |this )?(?:show|podcast|"
    r"episode)|welcome (?:back )?to\b|joined (?:today )?by|my guests? (?:today )?(?:is|are)|our guests? (?:today )?"
    r"(?:is|are)|today we(?:'re| are) (?:talking|joined)|we(?:'re| are) talking to|thanks? (?:so much )?for "
    r"(?:joining|coming on)|willkommen (?:zu|bei)|zu gast (?:ist|sind)|heute (?:bei|mit) uns)\b|"
    r"欢迎(?:来到|收听|收看)|本期(?:嘉宾|节目)|今天(?:我们)?(?:请到|邀请到)")
# Placeholders a transcription tool writes for a voice it could not name: their words are nobody's quote.
ANONYMOUS = re.compile(r"(?i)^(?:(?:unknown |unidentified )?speaker|sprecher(?:in)?|redner(?:in)?|voice|stimme|"
                       r"zitator(?:in)?|voice-?over|overvoice|"  # who reads a quote ("Narrator:" answers: labels)
                       r"audience(?: member)?|publikum|zuschauer|说话人|發言人|发言人|讲者|講者|观众|觀眾|听众"
                       r"|聽眾)\s*\d*$")
ALIASED = re.compile(r"(?P<n>.+?)\s*[(（](?P<a>[^)）]+)[)）]")  # "Christian Decker (CD)"
UNKNOWN_NAME = {"zh-Hant": "受訪者", "zh": "受访者", "de": "Befragte/r", "en": "Interviewee"}


@dataclass
class Voice:
    """A speaker: the label in the text, the person's name, the role and how sure that is."""

    label: str
    name: str
    role: str  # "interviewer" | "interviewee" | "other" (an unnamed voice: never quoted)
    turns: int
    confidence: str = "low"  # "high" | "medium" | "low"
    why: list[str] = field(default_factory=list)


@dataclass
class Cast:
    """The speakers of a document and every label form that names each."""

    voices: dict[str, Voice] = field(default_factory=dict)  # canonical label -> Voice
    aliases: dict[str, str] = field(default_factory=dict)  # label as written -> canonical label
    ignored: dict[str, str] = field(default_factory=dict)  # label-shaped phrase -> why it is no speaker

    def voice(self, label: str | None) -> Voice | None:
        return self.voices.get(self.aliases.get(label or "", label or ""))

    @property
    def interviewers(self) -> list[str]:
        return list(dict.fromkeys(v.name for v in self.voices.values() if v.role == "interviewer"))

    @property
    def interviewees(self) -> list[str]:
        return list(dict.fromkeys(v.name for v in self.voices.values() if v.role == "interviewee"))


@dataclass
class Turn:
    label: str
    texts: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


def turns_of(paras: list[Para], marks: list[Mark], labels: set[str]) -> list[Turn]:
    """The turns that the given labels open, each with the text up to the next label or to a question set apart
    in bold without a label (then the labels are those who answer: "**Was raten Sie?**" over "Weißhaupt: …")."""
    by_para: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        if m.name in labels:
            by_para[m.para].append(m)
    turns: list[Turn] = []
    asked = False  # an unlabelled bold question came after the last turn: what follows is not that turn's
    for i, p in enumerate(paras):
        here = sorted(by_para.get(i, []), key=lambda m: m.start)
        if p.kind == "heading":
            continue
        if not here:
            asked = asked or (p.bold and _asks(p.text))
            if turns and not asked:
                turns[-1].texts.append(strip_continuation(p.text) if is_continuation(p.text) else p.text)
            continue
        asked = False
        if turns and here[0].start > 0:
            turns[-1].texts.append(p.text[:here[0].start])
        for k, m in enumerate(here):
            end = here[k + 1].start if k + 1 < len(here) else len(p.text)
            turns.append(Turn(m.name, [p.text[m.end:end]]))
    return turns


def _asks(text: str) -> bool:
    plain = visible(text).rstrip(" *_\"'”’」)）")
    return plain.endswith(("?", "？", "吗", "呢", "嗎")) or bool(re.search(r"[?？][^.。!！?？]{0,40}$", plain))


CREW = re.compile(r"(?i)[(（]\s*(?:producer|produzent(?:in)?|sound|audio engineer|tontechnik|录音)\s*[)）]$")
# who arranges an interview for the one interviewed: "Dee Marchetti (FBF comms)", "(Pressestelle)", "（助理）"
STAFF = re.compile(r"(?i)[(（][^()（）]{0,30}\b(?:comms|communications|press(?: office| officer)?|pr|publicist|"
                   r"assistant|agent|pressestelle|pressesprecher(?:in)?|kommunikation|assistent(?:in)?)\s*[)）]$"
                   r"|[(（](?:助理|经纪人|經紀人|公关|公關|宣传|宣傳)\s*[)）]$")
DESCRIBED = re.compile(r"(?P<n>[^()（）]+?)\s*[(（](?P<d>[^()（）]{2,30})[)）]")


def role_with_person(label: str) -> str | None:
    """The person a generic label names in brackets ("A（韩露）", "Q (Lena Ortiz)"): who speaks under the role."""
    m = DESCRIBED.fullmatch(label)
    if m and _role_word(m.group("n")) and names.looks_like_person(m.group("d")):
        return m.group("d").strip()
    return None


DETERMINERS = {"unser", "unsere", "our", "my", "mein", "meine", "your", "ihr", "ihre", "the", "der", "die", "das",
               "a", "an", "ein", "eine", "this", "dieser", "diese"}  # ("Unser Sponsor:" in show notes: no one)


def _full_name(label: str) -> bool:
    """A label that is a person's full name: once among others of that shape ("HARALD MEINHOLD:", a neighbour's
    clip in a feature), a voice of its own, not the last speaker's; "Okonkwo-Reyes", "O'Brien" are names too."""
    words = label.split()
    written = " ".join(w.capitalize() for w in words) if label.isupper() else label
    return 2 <= len(words) <= 3 and all(re.sub(r"(?<=\w)[-'’](?=\w)", "", w).isalpha() for w in words) \
        and words[0].casefold() not in DETERMINERS and not _role_word(label) \
        and names.looks_like_person(written)


def _described(label: str) -> str | None:
    """The person a one-off label introduces with who they are ("韦国良（韦静澜的父亲）", "Ines Roth (Nachbarin)"):
    a clip or a voice heard once, theirs, not the last speaker's."""
    m = DESCRIBED.fullmatch(label)
    return m.group("n") if m and names.looks_like_person(m.group("n")) else None


# a role before a name: "主持人小满"
HAN_ROLE_PREFIX = re.compile(r"(?:主持人|主持|主播|嘉宾|嘉賓|来宾|來賓|记者|記者|采访者|採訪者|受访者|受訪者)\s*")


def _initials(name: str) -> str | None:
    """A publication's initials as its interviews label its questions ("Mittelrhein-Zeitung" -> "MZ", "Frankfurter
    Allgemeine Zeitung" -> "FAZ"), for a name of two words or more."""
    parts = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in parts) if len(parts) >= 2 else None


def _norm(s: str | None) -> str:
    return re.sub(r"[\s·.]", "", (s or "").casefold())


CLIP_NOTE = re.compile(r"[（(\[【][^）)\]】]{1,20}[）)\]】]\s*$")  # "（播放片段）" before the words: a clip


def _given_name(label: str, name: str) -> bool:
    """A Chinese given name (two characters) standing for a full name a label gives ("雅婷" for "主持人（林雅婷）")."""
    return (len(label) == 2 and bool(re.fullmatch(r"[\u4e00-\u9fff]{2}", label)) and len(name) == 3
            and name.endswith(label) and name[0] in names.SURNAMES)


def _claimed(label: str, short: str, counts: Counter[str], recurring: set[str],
             first_at: dict[str, tuple[int, int]]) -> bool:
    """Whether another full name, used before `label`, already stands for the short label both fit ("Anna
    Meyer:" before "Tom Meyer:", and "Meyer:" after them): `label` is someone else."""
    earlier = [f for f in counts if f not in recurring and f != label and _full_name(f) and names.same_person(f, short)
               and first_at[f] < first_at[label]]
    return any(not names.same_person(f, label) for f in earlier)


def _names_another(text: str, label: str) -> bool:
    """Whether a text names someone other than the labelled person in full ("… die Imkerin Mara Lind …")."""
    surname = label.split()[-1] if label.split() else label
    return any(not names.same_person(m.group(0), label) and names.looks_like_person(m.group(0))
               and not m.group(0).endswith(" " + surname) and not KIN.search(text[max(0, m.start() - 24):m.start()])
               for m in re.finditer(names.PERSON2, text))  # (not "meinen Mann …, Konrad Holm", "my brother Dale")


def _others_in_office(office: str, name: str, text: str) -> bool:
    """Whether the text names someone else of that surname with that title ("张明远教授" beside "张立群", "张教授")."""
    held = names.HAN_OFFICE.match(office)
    if not held:
        return False
    found = re.findall(rf"{re.escape(held.group('s'))}[\u3400-\u9fff]{{1,2}}(?={re.escape(held.group('t'))})", text)
    return any(f != name for f in found)


def speaker_labels(paras: list[Para], marks: list[Mark], cast: Cast, named: Sequence[str] = (),
                   interviewed: Sequence[str] = ()) -> set[str]:
    """The recurring labels with content, and the one-off forms that name one of them (or a person the header
    or byline names among the speakers: `named`; or the one the title or intro says is interviewed, who answers
    under "答："/"A:" elsewhere: `interviewed`)."""
    counts = Counter(m.name for m in marks)
    first_at: dict[str, tuple[int, int]] = {}
    for m in marks:
        first_at.setdefault(m.name, (m.para, m.start))
    together = Counter(counts)
    for label, n in counts.items():  # "Ali Tam (AT):" once, then "AT:": one speaker, two turns
        alias = ALIASED.fullmatch(label)
        if alias and alias.group("a") in counts:
            together[alias.group("a")] += n
    for label, n in counts.items():  # "Lucía Ferreira-Nakamura:" once, later "Lucía:" once: one speaker, two turns
        if n >= MIN_TURNS:  # (and "O-Ton Jakob Ruhl:" once, later "O-Ton Ruhl:")
            continue
        fuller = [f for f, k in counts.items() if k < MIN_TURNS and " " in f and len(f) > len(label)
                  and names.same_person(label, f)]
        if len(fuller) == 1:
            together[label] += counts[fuller[0]]
    recurring = {n for n, c in together.items() if c >= MIN_TURNS}
    texts: dict[str, list[str]] = defaultdict(list)
    for t in turns_of(paras, marks, recurring):
        texts[t.label].append(visible(t.text))
    for label in list(recurring):
        if not any(re.search(r"\w", t) for t in texts[label]):
            recurring.discard(label)
            cast.ignored[label] = "marks time, says nothing"
        elif label.casefold() in IMPRINT_KEYS and all(IMPRINT_LINE.search(t.split("\n")[0]) for t in texts[label]):
            recurring.discard(label)
            cast.ignored[label] = "an imprint"  # "Herausgeber: Gemeinde Lindenhain, Rathausplatz 1, …" at each foot
    for label in recurring:  # "嘉宾 林岚：" at first, "林岚：" later: one speaker (so "主持人 阿乔：", "阿乔：",
        words = label.split()  # and "主持人小满：", "小满：")
        plain = words[-1] if len(words) == 2 and _role_word(words[0]) and words[-1] in recurring else label
        role = HAN_ROLE_PREFIX.match(label)
        if plain == label and role and label[role.end():] in recurring:
            plain = label[role.end():]
        fuller = [r for r in recurring if len(words) == 1 and r != label and len(r.split()) >= 2
                  and r.split()[-1] == label and names.looks_like_person(r)]
        fuller = fuller or [r for r in recurring if r != label and _given_name(label, role_with_person(r) or r)]
        if plain == label and len(fuller) == 1:
            plain = fuller[0]  # "Doris Kettering:" twice, then "Kettering:": one speaker
        cast.aliases[label] = plain
    shown = [visible(p.text) for p in paras]  # (each paragraph as a reader sees it, read once)
    all_text = "\n".join(shown)
    legend = _legend(all_text[:20000], set(counts)) if recurring else {}
    clips = {m.name for m in marks if paras[m.para].kind != "heading" and paras[m.para].text[m.end:].strip()
             and (CLIP_NOTE.search(visible(paras[m.para].text[:m.start]))
                  or (m.para > 0 and CLIP_NOTE.fullmatch(visible(paras[m.para - 1].text).strip())))}
    opened = {m.para for m in marks if m.start == 0}
    asked_once = {m.name for m in marks if re.search(r"[?？]\W*$", visible(paras[m.para].text[m.end:]))
                  and _role_word(m.name) == "interviewer" and counts[m.name] == 1
                  and m.para + 1 in opened}  # (answered under a label: "Reporter: …?" recalled inside an answer is not)
    answered_once = {b.name for a, b in itertools.pairwise(marks) if a.name in asked_once  # "Q - …?" / "A - …"
                     and _role_word(b.name) == "interviewee" and counts[b.name] == 1}
    answering = [r for r in recurring if r.lower() in INTERVIEWEE_LABELS and r in first_at]  # "答："
    before_marks = "\n".join(shown[:min((m.para for m in marks), default=0)])
    for label in counts:
        if label in recurring:
            continue
        base = _unbracketed(label)
        if role_with_person(label) and recurring and base in first_at and first_at[base] < first_at[label]:
            cast.aliases[label] = label  # "A（韩露）：" once among "A："s: 韩露 answers this one (first, it names A)
            continue
        before = [m for m in marks if (m.para, m.start) < first_at[label]] if len(answering) == 1 else []
        asked = bool(before) and before[-1].name.lower() in INTERVIEWER_LABELS  # (where an answer goes: after "问：")
        opening = shown[first_at[label][0]]
        intro = "\n".join(shown[:first_at[label][0]])
        credited = re.search(rf"(?i)(?:\bby|\bvon|interviewer(?:in)?\s*[:：])\s+{re.escape(label)}", intro)
        opens = (len(answering) == 1 and not before and not _asks(opening) and not HOST_PHRASES.search(opening)
                 and not credited and bool(FIRST_PERSON.search(opening))  # (someone speaking, not "Kindergarten
                 # Sonnenschein: Anmeldung für September" over a notice)
                 and (label in intro or not (RECORDING.search(opening) or INTRODUCES.search(opening) or (
                     PRESENTS_SOMEONE.search(opening) and _names_another(opening, label)))))
        # (named before as the one the text is of, or neither announcing a recording, "Recording for the … Memory
        # Project, tape three", nor introducing the guest, "Darüber spreche ich mit Mara Lind.")
        # (the guest's own first word before the first question; a host's opening asks or welcomes)
        if (asked or opens) and names.looks_like_person(label) \
                and first_at[label] < first_at[answering[0]] and not any(names.same_person(label, n) for n in named):
            cast.aliases[label] = answering[0]  # "陳家豪：" on the first answer, "答：" on the others: one person
            continue
        if len(answering) == 1 and first_at[label] > first_at[answering[0]] and any(
                names.same_person(label, n) for n in interviewed) and not any(
                names.same_person(label, n) for n in named if not any(names.same_person(n, i) for i in interviewed)):
            cast.aliases[label] = answering[0]  # "陈蕴秋：" once, "陈：" once among "答："s, the intro naming her
            continue  # as the one interviewed: her answers
        prefixed = HAN_ROLE_PREFIX.match(label)
        person = label[prefixed.end():] if prefixed and len(label) - prefixed.end() >= 2 else None
        given = [r for r in recurring if person and (r == person or _given_name(r, person))]
        if len(given) == 1:  # "來賓 林雅婷：" once, then "雅婷：": one person
            cast.aliases[label] = given[0]
            continue
        titled = HAN_TITLED.fullmatch(label)
        short = titled.group("n")[0] + label[titled.end("n"):] if titled else None
        if short in recurring:  # "陳慧文教授：" once, then "陳教授：": one person
            cast.aliases[label] = short
            continue
        office = [r for r in recurring if names.HAN.search(label) and names.looks_like_person(label)
                  and names.in_office(r, "", [label]) == label and not _others_in_office(r, label, all_text)]
        if len(office) == 1:  # "张立群：" once among "张教授："s: the professor, by name
            cast.aliases[label] = office[0]
            continue
        parts = [p.strip() for p in re.split(r"[(（)）]", label) if p.strip()]  # "MODERATOR (Lena Ortiz)"
        # (a description in brackets names no one: "韦国良（韦静澜的父亲）" is not 韦静澜)
        forms = [*([label] if len(parts) < 2 else []), *(p for p in parts if not (names.HAN.search(p) and len(p) > 4))]
        longer = [r for r in recurring
                  if any(names.same_person(f, r) for f in forms)
                  or (len(_norm(r)) >= 2 and re.match(rf"{re.escape(r)}\b", label))]
        if len(longer) == 1 and _full_name(label) and _claimed(label, longer[0], counts, recurring, first_at):
            cast.aliases[label] = label  # "Tom Meyer:" once, after "Anna Meyer:" named "Meyer:": a relative's voice
        elif len(longer) == 1:
            cast.aliases[label] = longer[0]
        elif len(longer) > 1 and _full_name(label) and all(names.same_person(label, r) for r in longer):
            # "MARGIT LINDQVIST-BERG:" once, then "MLB:" and once "Margit:": her forms, the commonest one
            cast.aliases[label] = max(longer, key=lambda r: (together[r], -first_at[r][0], -first_at[r][1]))
        elif recurring and ((_role_word(label) and _person_in_role(label)) or ANONYMOUS.match(label)
                            or _described(label)
                            or (_full_name(label) and all(_full_name(cast.aliases.get(r, r)) for r in recurring))
                            or (len(label) == 3 and names.looks_like_person(label) and label in clips)
                            or (_role_word(label) == "interviewer" and _unbracketed(label) != label)  # "Q (from the
                            # chat):" once: a question asked
                            or label in asked_once or label in answered_once  # "*Nachfrage:* …, oder?"
                            or (recurring and any(names.same_person(label, n) for n in named))  # "主播：周澈、林小满"
                            or (recurring and not _role_word(label) and any(names.same_person(label, n)
                                                                            for n in interviewed))
                            # ("**Kensei**:" once, then "**KN**:", the intro naming Kensei Nakada)
                            or (label.isupper() and len(label.split()) >= 2 and all(r.isupper() for r in recurring)
                                and names.looks_like_person(label.title()))  # "MAYOR PAUL ESTABROOK:", a clip
                            or label in legend
                            or (names.looks_like_person(label) and label in before_marks)):  # "刘川：" once, the
            # intro naming him ("…CTO刘川也参与了其中一部分讨论"): his own voice
            cast.aliases[label] = label  # "Frage (Aylin Demir, dpa):" once at a press conference, "Zitatorin:", a
            # label the intro's legend names ("GF = Gerald Finch, JO-L = Judith Okafor-Lane, TP = Tom Parry"), a
            # Chinese full name saying something once ("黃秀蘭：海是不會等人的啦", a clip)
        else:
            cast.ignored.setdefault(label, "used once")
    return set(cast.aliases)


def named_handles(marks: list[Mark], people: list[str], titles: Sequence[str | None] = ()) -> list[Mark]:
    """Lower-case handles ("stark:", "adam3us:") that recur and stand for exactly one known person (a word
    of the name, or the name's first word with digits after it) become that person's label, and so do those the
    page's title names as they are ("专访 YYKit 作者 ibireme") where every handle that speaks is known; other
    handle-shaped phrases are no labels."""
    counts = Counter(m.name for m in marks if m.handle)
    mapped: dict[str, str] = {}
    titled: dict[str, str] = {}
    for handle, n in counts.items():
        if n < MIN_TURNS:
            continue
        if any(title and re.search(rf"(?<![\w.-]){re.escape(handle)}(?![\w-])", title) for title in titles):
            titled[handle] = handle  # (they go by it: the title names them so)
            continue
        hits = {p for p in people if any(len(w) >= 3 and (handle == w or handle.startswith(w) or handle.endswith(w)
                                                          or (len(handle) >= 4 and w.startswith(handle)))
                                         for w in names.words(p))}
        if len(hits) == 1:
            mapped[handle] = hits.pop()
    if all(h in mapped or h in titled for h, n in counts.items() if n >= MIN_TURNS):
        mapped.update(titled)  # (only where every handle that speaks is known: not the host's alone, the guest's
        # "danortega:" lines run into the host's turns)
    out = []
    for m in marks:
        if m.handle:
            if m.name not in mapped:
                continue
            m = Mark(m.para, m.start, m.end, mapped[m.name], m.timed)
        out.append(m)
    return out


def _unlabelled(paras: list[Para], marks: list[Mark]) -> str:
    """The document's text without its speaker labels (so a label is not taken for part of a name)."""
    cuts: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        cuts[m.para].append(m)
    out = []
    for i, p in enumerate(paras):
        text = p.text
        for m in sorted(cuts.get(i, []), key=lambda m: -m.start):
            text = text[:m.start] + " " + text[m.end:]
        out.append(visible(text))
    return "\n".join(out)


def _unbracketed(label: str) -> str:
    """A label without the bracketed part at its end ("A（韩露）" -> "A", "Frage (Jens Otte, dpa)" -> "Frage")."""
    return re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", label)


def _role_word(label: str) -> str | None:
    """The role a label says ("Q", "Moderatorin Sabine Kurz", "Frage (Jens Otte, dpa)"), or None."""
    low = label.lower().strip()
    base = _unbracketed(low)
    words = base.split()
    first = words[0] if len(words) >= 2 and (len(words[0]) >= 4 or names.HAN.search(base)) else None
    # ("Moderatorin Sabine Kurz", "主持人 阿乔": the role before the name)
    for word in (low, base, first):
        if word in INTERVIEWER_LABELS:
            return "interviewer"
        if word in INTERVIEWEE_LABELS:
            return "interviewee"
    return None


def _person_in_role(label: str, text: str = "") -> str | None:
    """The person a role label names with it: "Moderatorin Sabine Kurz", "Frage (Jens Otte, Weser-Kurier)",
    "O-Ton Marten" (named in full where `text` gives the name)."""
    m = re.fullmatch(r"(?P<b>[^()（）]+?)\s*[(（](?P<n>[^()（）]+)[)）]", label.strip())
    named = m.group("b").split()[1:] if m else []  # "Sachverständiger Prof. Dr. M. Kreienbrink (TH Wildau)": the
    person = (" ".join(named) if len(named) >= 2 else m.group("n").split(",")[0].strip()) if m \
        else " ".join(label.split()[1:])  # name before the brackets, the affiliation in them
    words = person.split()
    if len(words) == 1 and text and words[0][:1].isupper() and not names.HAN.search(person):
        person = names.full_name(words[0], text)
        words = person.split()
    if names.HAN.search(person):
        return person if 2 <= len(person) <= 4 and person[0] in names.SURNAMES else None
    return person if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) else None


def decide(paras: list[Para], marks: list[Mark], meta: Meta, language: str, body: str) -> Cast:
    """Speakers, roles (with evidence and confidence) and names for a labelled interview."""
    cast = Cast()
    intro = "\n".join(p.text for p in paras[:12]) + "\n" + (meta.teaser or "")
    title_people = names.from_titles([meta.title, *meta.other_titles], f"{body}\n{meta.teaser or ''}") + meta.guests
    teaser_people = names.from_teaser(intro)
    labels = speaker_labels(paras, marks, cast, [*meta.authors, *meta.guests, *meta.speakers],
                            [*title_people, *teaser_people])
    canonical = {cast.aliases[label] for label in labels}
    if not canonical:
        return cast
    turns = [t for t in turns_of(paras, marks, labels)]
    by_label: dict[str, list[str]] = defaultdict(list)
    for t in turns:
        by_label[cast.aliases[t.label]].append(visible(t.text))
    spoken = "\n".join([meta.title or "", meta.teaser or "", *meta.guests, _unlabelled(paras, marks)])
    forms: dict[str, list[str]] = defaultdict(list)
    for label, canon in cast.aliases.items():
        forms[canon].append(label)
    # " ; " keeps names apart: "… Dennis Ritchie" + "LinuxWorld.com" is no three-word name
    known = " ; ".join(filter(None, [meta.title, meta.teaser, *meta.authors, *meta.guests, *meta.speakers,
                                   body[:20000]]))
    labelled = [f for fs in forms.values() for f in fs if " " in f]
    candidates = labelled + meta.authors + meta.guests + meta.speakers + title_people + names.people_in(known, 1000)

    score: dict[str, float] = {}
    why: dict[str, list[str]] = defaultdict(list)
    strong: dict[str, bool] = {}
    hosts: set[str] = set()
    ask = {c: sum(map(_asks, by_label[c])) / max(1, len(by_label[c])) for c in canonical}
    length = {c: statistics.median([len(t.split()) + len(names.HAN.findall(t)) for t in by_label[c]] or [0])
              for c in canonical}
    legend = _legend(body[:20000], canonical)  # "Sprecher 1 = Lea Brandt (Moderation), Sprecher 2 = …"
    legend = {label: (next((g for g in [*meta.guests, *meta.authors] if len(g) > len(name)
                            and names.same_person(g, name)), name), role)  # ("A: Ella Voss", the header's
              for label, (name, role) in legend.items()}  # "Interviewee: Ella Mae Voss": her name in full)
    legend.update({label: (name, "interviewee" if name in meta.guests else "interviewer")  # a header's "(B)"
                   for label, name in meta.labels.items() if label in canonical and label not in legend})
    named_labels = [c for c in canonical if (not ANONYMOUS.match(c) or c in legend)
                    and not any(_role_word(f) for f in forms[c])]
    regular = [c for c in canonical if len(by_label[c]) >= MIN_TURNS]  # (a voice heard once, a clip, sets no norm)
    named_labels = [c for c in named_labels if c in regular] if len(regular) >= 2 else named_labels
    peers = named_labels if len(named_labels) >= 2 else regular if len(regular) >= 2 else list(canonical)
    # (Q/A and "Audience" have their own evidence)
    mid_ask = statistics.median(ask[c] for c in peers)
    mid_len = statistics.median(length[c] for c in peers)

    # each label's forms, with its initials expanded and the holder of an office it names
    full_forms = {c: [*forms[c], *(x for x in [names.expand_initials(c, candidates),
                                                names.in_office(c, body[:20000], candidates)] if x)]
                  for c in canonical}

    generic_asker = any(_role_word(f) == "interviewer" for c in canonical for f in forms[c])
    for c in canonical:
        s = 0.0
        role = next((r for f in [*forms[c], legend.get(c, ("", ""))[1]] if (r := _role_word(f))), None)
        full = full_forms[c] + ([legend[c][0]] if c in legend else [])
        if role:
            s += 3 if role == "interviewer" else -3
            why[c].append(f"the label says {role}")
        if meta.publisher and any(_norm(f) and (_norm(f) == _norm(meta.publisher) or _norm(meta.publisher).startswith(
                _norm(f)) or (f == _initials(meta.publisher) and not generic_asker and not any(
                    names.initials(p) == f for p in [*title_people, *teaser_people]))) for f in forms[c]):
            # ("MZ:", the Mittelrhein-Zeitung asking; not "HR:", Helena Ruiz answering a "Q:")
            s += 3
            why[c].append("the publication speaks")
        bylined = [*full, *([names.full_name(c, known)] if meta.authors and " " not in c else [])]
        if any(names.same_person(f, a) for f in bylined for a in meta.authors):  # ("Stefan": Stefan Wintermeyer)
            s += 2
            why[c].append("named in the byline")
        if any(names.same_person(f, g) for f in full for g in title_people):
            s -= 2.5
            why[c].append("named in the title")
        elif any(names.same_person(f, g) for f in full for g in teaser_people):
            s -= 1.5
            why[c].append("named in the intro as the one interviewed")
        strong[c] = abs(s) >= 2
        if any(HOST_PHRASES.search(t) for t in by_label[c][:3]):
            s += 1.5
            hosts.add(c)
            why[c].append("talks like a host")
        if len(canonical) > 1:
            s += 2.0 * (ask[c] - mid_ask)
            if ask[c] > mid_ask + 0.15:
                why[c].append(f"asks ({ask[c]:.0%} of turns end in a question)")
            if length[c] > mid_len * 1.5:
                s -= 0.5
                why[c].append("talks at length")
            elif length[c] * 1.5 < mid_len:
                s += 0.5
        score[c] = s
    panel = len(peers) >= 3 and peers is named_labels  # several named voices: asking must be clear, not a tie

    def asker(c: str) -> bool:
        return score[c] > 0 and (not panel or strong[c] or c in hosts or ask[c] > mid_ask + 0.15 or ask[c] >= 0.5)

    roles = {c: ("interviewer" if asker(c) else "interviewee") for c in canonical}
    for c in canonical:
        if ANONYMOUS.match(c) and c not in legend:
            roles[c] = "other"
            why[c].append("an unnamed voice")
        elif CREW.search(c) and len(by_label[c]) < MIN_TURNS + 1:  # "Lou Fennimore (producer): Okay, recording …"
            roles[c] = "other"
            why[c].append("the crew")
    answered = Counter(b.label for a, b in itertools.pairwise(turns) if cast.aliases[a.label] != cast.aliases[b.label]
                       and roles.get(cast.aliases[a.label]) == "interviewer" and _asks(visible(a.text)))
    addressed = Counter(b.label for a, b in itertools.pairwise(turns)
                        if roles.get(cast.aliases[a.label]) == "interviewer"
                        and any(re.search(rf"\b{re.escape(w)}\b\s*[,?—–]|,\s*{re.escape(w)}\b", visible(a.text))
                                # "Tom, how close was …?", "…, Tom?" (not "Will it open in May?")
                                for w in DESCRIBED.sub(r"\g<n>", b.label).split() if len(w) >= 3))
    for c in canonical:  # "Dee Marchetti (FBF comms): Graham needs to head down …" beside the one who answers
        if roles[c] == "interviewee" and STAFF.search(c) and not addressed[c] and (
                answered[c] * 2 < len(by_label[c]) or length[c] <= STAFF_WORDS) and any(
                roles[d] == "interviewee" and not STAFF.search(d) and len(by_label[d]) > len(by_label[c])
                for d in canonical):
            roles[c] = "other"
            why[c].append("arranges the interview for the one interviewed")
    generic_answers = any(_role_word(f) == "interviewee" for c in canonical for f in forms[c])
    generic_questions = any(_role_word(f) == "interviewer" for c in canonical for f in forms[c])
    for c in canonical:  # "Q from @sarah_k:" asks; "MAYA:" and "JON:" answer, short as Jon's answers may be
        if roles[c] == "interviewer" and generic_questions and ask[c] < 0.5 and not _role_word(c) and not strong[c] \
                and c not in hosts:
            roles[c] = "interviewee"
            why[c].append("answers, where the questions are labelled as questions")
    for c in canonical:  # two who take turns asking ("Miriam:", "Jonas:") beside the one who answers at length
        if roles[c] == "interviewee" and ask[c] >= ASKING and not strong[c] and not any(
                w.startswith("named in the") for w in why[c]) and any(
                roles[d] == "interviewee" and ask[d] <= ASKING / 3 and length[d] > length[c] and len(by_label[d]) >=
                len(by_label[c]) for d in canonical if d != c):
            roles[c] = "interviewer"
            why[c].append("asks, where another answers")
    for c in canonical:  # "张：…？" among "问：" and "答：": the one asking, by name
        if roles[c] == "interviewee" and generic_answers and ask[c] >= 0.6 and not _role_word(c):
            roles[c] = "interviewer"
            why[c].append("asks, where the answers are labelled as answers")
    initial_of: dict[str, str] = {}
    for c in canonical:  # "A:" twice, both asking, beside "AP:" asking and "KN:" answering: the interviewer's
        # initial (a translation shortening "AP:"), not the answers' label
        askers = [d for d in canonical if d != c and roles[d] == "interviewer" and d[:1] == c and not _role_word(d)]
        if roles[c] == "interviewee" and len(c) == 1 and _role_word(c) == "interviewee" and askers \
                and len(by_label[c]) >= MIN_TURNS and ask[c] >= ASKING \
                and any(roles[d] == "interviewee" and d != c and ask[d] < ASKING for d in canonical):
            roles[c] = "interviewer"
            why[c].append("asks, with the interviewer's initial, where another answers")
            initial_of[c] = max(askers, key=lambda d: len(by_label[d]))
    named = [c for c in canonical if roles[c] != "other"]
    answering = [c for c in named if not any(_role_word(f) == "interviewer" for f in forms[c])  # never "Q:", nor
                 and "the publication speaks" not in why[c]]  # the paper's "MZ:" (its answers then unlabelled)
    if answering and "interviewee" not in roles.values():
        lowest = min(answering, key=lambda c: (score[c], -length[c]))
        roles[lowest] = "interviewee"
    asking = [c for c in named if not any(_role_word(f) == "interviewee" for f in forms[c])]  # never "A:", "O-Ton"
    if "interviewer" not in roles.values() and len(named) >= 2 and asking:
        top = max(asking, key=lambda c: (score[c], ask[c]))
        if ask[top] >= 0.5 and ask[top] > sorted(ask.values())[-2]:
            roles[top] = "interviewer"
            why[top].append("asks the most")
    given = [c for c in named if any(names.same_person(f, g) for f in full_forms[c] for g in meta.guests)]
    if given:  # the page names who is interviewed ("Interviewee:", "WITNESS:"): the others who ask, ask
        for c in named:
            if c not in given and roles[c] == "interviewee" and ask[c] > 0:
                roles[c] = "interviewer"
                why[c].append("not the one the page says is interviewed, and asks")
    counts = Counter(cast.aliases[t.label] for t in turns)
    asked = [t for c in canonical if roles[c] == "interviewer" for t in by_label[c]]

    @cache
    def guest() -> list[str]:  # who the page is about, when its title and intro name no one interviewed
        return page_guest(asked, meta, body, language)

    spoke = {c: n for n, c in reversed(list(enumerate(cast.aliases[t.label] for t in turns)))}  # first turn of each
    for c in sorted(canonical, key=lambda c: (-counts[c], spoke.get(c, len(turns)), c)):  # (ties: who spoke first,
        # the same every run)
        margin = abs(score[c])
        confidence = "high" if strong[c] or margin >= 2 or roles[c] == "other" else "medium" if margin >= 0.6 else "low"
        name = legend[c][0] if c in legend else _name(c, forms[c], roles[c], meta, candidates, title_people,
                                                       teaser_people, spoken, language, by_label[c][:3], guest)
        name = names.unnicknamed(_as_written(name, [*candidates, known]), known)
        cast.voices[c] = Voice(c, name, roles[c], counts[c], confidence, why[c])
    for c, d in initial_of.items():
        cast.voices[c].name = cast.voices[d].name
    return cast


LEGEND = re.compile(r"(?:[(（]\s*)?(?P<l>[^\s=,;:(（][^=,;:(（\n]{0,20}?)\s*=\s*(?P<n>[^\s=,;()\n][^=,;()\n]{2,40}?)\s*"
                    r"(?:[(（](?P<r>[^()（）\n]{2,30})[)）])?\s*(?=[,;，；)）]|(?<!\s[A-Z])\.(?:[\s*_]|$)|$)", re.M)
# the role a legend writes before the name: "I = Interviewerin Petra Lang, Z = Zeitzeugin Gertrud Hahn"
LEGEND_ROLE = re.compile(r"(?i)(?P<r>interviewer(?:in)?|zeitzeug(?:e|in)|moderator(?:in)?|gast|guest|host|interviewee|"
                         r"narrator|befragte[r]?|sprecher(?:in)?|ehemann|ehefrau|husband|wife)\s+(?=\S)")


# a transcript's header naming who a short label stands for: "Interviewerin: Johanna Reuter (I)"
NAMED_LABEL = re.compile(r"^[ \t]*(?P<r>[^:\n]{2,30}):[^\n]{0,60}?[„“\"»]?"
                         r"(?P<n>[A-ZÄÖÜ][\w'’.-]+(?:[ \t][A-ZÄÖÜ][\w'’.-]+){1,2})"
                         r"[“”\"«]?[ \t]*\((?P<l>[A-Z]{1,3}\d{0,2})\)", re.M)


# a line of a key to a transcript's labels: a label and a name ("RD:  Ruth Hollis Denning (daughter)")
KEYED_LINE = re.compile(r"(?P<l>[A-Z]{1,4})(?::\s+|：\s*)(?P<n>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){1,3}|"
                        r"[\u3400-\u9fff][\u3400-\u9fff·・]{1,5})\s*"  # ("Q：一条" / "A：杨燕绥": the outlet asks)
                        r"(?:[(（](?P<r>[^()（）\n]{2,30})[)）])?\s*")


# a Chinese name in a key to the labels (not a greeting: "Q：王老师好" / "A：你好你好" are turns)
NOT_IN_NAME = "好您你谢謝嗯啊哈吗嗎呢吧"
HAN_NAME = re.compile(rf"(?:(?![{NOT_IN_NAME}])[\u3400-\u9fff])(?:(?![{NOT_IN_NAME}])[\u3400-\u9fff·・]){{1,5}}")
def key_name(name: str) -> bool:
    """Whether a name in a key to the labels can be a speaker's: a person's, or in Chinese any short name that is
    no greeting (one line may name the outlet that asks: "Q：一条")."""
    return bool(HAN_NAME.fullmatch(name)) if names.HAN.search(name) else names.looks_like_person(name)


TURN_LINE = re.compile(r"[A-Z]{1,4}[:：]\s*\S.{24,}")  # a labelled line that says something: a turn


def _keyed_legend(text: str) -> dict[str, tuple[str, str]]:
    """{label: (name, role)} of a key to the labels: two lines or more in a row, each a label and a name only
    (in Chinese, one of them may name the outlet that asks: "Q：一条" / "A：杨燕绥"; only people are keyed)."""
    out: dict[str, tuple[str, str]] = {}
    run: list[re.Match[str]] = []
    for line in [*text.split("\n"), ""]:
        m = KEYED_LINE.fullmatch(line.strip())
        if m and key_name(m.group("n")) and not re.search(r"(?<![A-Z])\.$", m.group("n")):
            run.append(m)
            continue
        people = [r for r in run if names.looks_like_person(r.group("n"))]
        if len(run) >= 2 and len({r.group("l") for r in run}) == len(run) and people:
            for r in people:
                out.setdefault(r.group("l"), (r.group("n"), (r.group("r") or "").strip()))
            return out  # (one key, before the turns)
        if TURN_LINE.match(line.strip()):
            return out  # a turn before any key: no key to read
        run = []
    return out


def _legend(text: str, labels: set[str]) -> dict[str, tuple[str, str]]:
    """Who numbered voices are, where the page says it: "Sprecher 1 = Lea Brandt (Moderation), Sprecher 2 =
    Dr. Jonas Weber (Gast)" -> {label: (name, role as written)}; only labels the text uses."""
    out: dict[str, tuple[str, str]] = {}
    for m in NAMED_LABEL.finditer(text):  # "Befragte: B07, Pseudonym „Karin Weidlich“ (B), 47 Jahre"
        if m.group("l") in labels and names.looks_like_person(m.group("n")):
            out[m.group("l")] = (m.group("n"), m.group("r").strip())
    for label, named in _keyed_legend(text).items():  # "Q:  Thomas Reyes-Whitcomb (interviewer)" / "RD:  Ruth …"
        if label in labels:
            out.setdefault(label, named)
    for m in HAN_LEGEND.finditer(text):  # "Q 是我，A 是郑老板": who the letters are
        if m.group("l") in labels and (names.looks_like_person(m.group("n")) or names.KIN_NAME.fullmatch(m.group("n"))):
            out.setdefault(m.group("l"), (m.group("n"), ""))
    for m in LEGEND.finditer(text):
        label = m.group("l").strip()
        if label not in labels:  # "Speaker legend Speaker 1 = …": the legend's title and its first line run together
            label = max((c for c in labels if label.endswith(" " + c)), key=len, default=label)
        name = re.sub(r"^(?:Dr\.|Prof\.)\s+", "", m.group("n").strip())
        name = name if re.search(r"\b[A-Z]\.$", name) else name.rstrip(".")  # "…, TP = Tom Parry." ends a sentence
        role = LEGEND_ROLE.match(name)
        if role:
            name = name[role.end():]
        if label in labels and names.looks_like_person(name):
            out[label] = (name, (m.group("r") or (role.group("r") if role else "")).strip())
    return out


HAN_TITLED = re.compile(r"(?P<n>[\u3400-\u9fff]{2,3})(?:教授|博士|先生|女士|老师|老師|医生|醫生|律师|律師|院长|院長|"
                        r"主任|校长|校長|馆长|館長|社长|社長)")  # a full name and a title
HAN_LEGEND = re.compile(r"(?<![A-Za-z])(?P<l>[A-Z])\s*(?:是|为|為|指|代表)\s*(?P<n>[\u4e00-\u9fff]{2,4}?)"
                        r"(?=[，,。.；;、\s]|$)")
INTRO_MIN = 60  # characters: a paragraph that can introduce the one interviewed


def page_guest(questions: list[str], meta: Meta, body: str, language: str) -> list[str]:
    """Who a page with generic or no answer labels is about, when no rule names the one interviewed: the
    person its questions address ("Frau Sommerfeld, wie …"), else a name its title, other titles or teaser
    give and its text (`body`, without them) uses again (never a byline's); without a teaser, the first
    paragraph of some length stands for it (a text file's standfirst: "Agnes Tolliver farms sixty acres …")."""
    shown = "\n".join([body, meta.teaser or "", meta.title or "", *meta.other_titles])
    found = names.addressed(questions, shown)  # (the teaser or the title may give the whole name)
    if found:
        return [found]
    teaser = meta.teaser or next((line for line in body.split("\n")  # (the body: a paragraph a line; a draft's
                                  if len(line.strip()) >= INTRO_MIN and not line.rstrip().endswith(("?", "？"))
                                  and chrome.classify(line) is None), None)  # slug lines are no standfirst)
    return names.prominent([meta.title, *meta.other_titles, teaser], body, language, meta.authors)


ON_AIR_ROLES = {"anchor", "host", "co-host", "cohost", "correspondent", "reporter", "moderator", "presenter",
                "narrator", "interviewer", "guest", "panelist", "panellist"}  # before a name in a caption label


def _as_written(name: str, sources: list[str]) -> str:
    """A name from a label in capitals ("TOMÁS ELLERBY:") as the page writes it elsewhere ("Tomás Ellerby");
    else, for a full name, each word capitalised. Initials and other names are kept as they are ("RMS")."""
    words = name.split()
    if not (name.isupper() and re.search(r"[A-ZÀ-Þ]{2}", name)) or (len(words) == 1 and len(name) < 3):
        return name
    while len(words) > 2 and words[0].lower() in ON_AIR_ROLES:  # "ANCHOR MAYA OKORO:": the person
        words = words[1:]
    name = " ".join(words)
    written = names.written_as(name, sources)
    if written:
        return written
    if len(words) < 2:
        return name
    return names.name_cased(name)


def _name(label: str, forms: list[str], role: str, meta: Meta, candidates: list[str], title_people: list[str],
          teaser_people: list[str], body: str, language: str, said: list[str], guest: Callable[[], list[str]]) -> str:
    """The person (or publication) a label stands for (`said`: its first turns; `guest`: who the page is
    about when nothing else names the one interviewed)."""
    if label.lower() in GENERIC or _role_word(label):
        persons = [p for f in forms if f.lower() not in GENERIC and (p := _person_in_role(f, body))]
        if persons:  # "O-Ton Dr. Ilse Marten" once, then "O-Ton Marten": the person, named in full
            return max(persons, key=len)
        if role == "interviewer":
            return (names.introduced(said, body)
                    or names.host_named(body, [*meta.guests, *title_people, *teaser_people])
                    or metadata.asker_name(meta, label))
        guests = meta.guests or title_people or teaser_people or guest()
        return guests[0] if guests else UNKNOWN_NAME.get(language, UNKNOWN_NAME.get(language[:2], UNKNOWN_NAME["en"]))
    described = _described(label) or role_with_person(label)
    if described and not names.same_person(described, label.removeprefix(described)):
        return described  # "韦国良（韦静澜的父亲）": 韦国良; "A（韩露）": 韩露
    longest = max(forms, key=len)
    parts = longest.split()
    if len(parts) == 2 and _role_word(parts[0]) and not _role_word(parts[1]):
        longest = parts[1]  # "嘉宾 林岚": the person in the role
    alias = ALIASED.fullmatch(longest)
    if alias and (alias.group("a") in forms or names.initials(alias.group("n")) == alias.group("a").replace(".", "")):
        longest = alias.group("n")  # "Christian Decker (CD)": the name, and CD the label it goes by
    role_first = re.fullmatch(r"(?P<r>[^()（）]+?)\s*[(（](?P<n>[^()（）]+)[)）]", longest)
    if role_first and _role_word(role_first.group("r")) and (" " in role_first.group("n").strip() or (
            names.HAN.search(role_first.group("n")) and names.looks_like_person(role_first.group("n")))):
        longest = role_first.group("n").strip()  # "MODERATOR (Lena Ortiz)", "來賓（陳志豪）": the person in the role
    project = re.fullmatch(r"[A-Za-z][\w.-]{1,20}\s+(?P<n>[\u4e00-\u9fff·]{2,4})", longest)
    if project and names.looks_like_person(project.group("n")):
        return project.group("n")  # "dubbo-go 何鑫铭": the person, after the project's name
    prefixed = HAN_ROLE_PREFIX.match(longest)
    if prefixed and len(longest) - prefixed.end() >= 2 and not names.HAN.search(longest[:prefixed.start()]):
        longest = longest[prefixed.end():]  # "主持人小满": 小满
    if longest != label and len(longest) > len(label):
        titled = HAN_TITLED.fullmatch(longest)  # ("陳慧文教授" once for "陳教授": 陳慧文)
        return titled.group("n") if titled and names.han_person(titled.group("n"), body) else longest
    expanded = names.expand_initials(label, candidates)
    if expanded:
        return expanded
    if names.HAN.search(label) and len(label) == 1:  # a family name alone: the person the title or intro names
        whole = next((c for c in [*title_people, *teaser_people, *candidates] if names.same_person(label, c)), None)
        if whole:
            return whole
    if INITIAL.fullmatch(label):  # "K.": the one person the page names whose family name it begins
        named = {c for c in [*title_people, *teaser_people, *meta.guests, *candidates]
                 if len(c.split()) >= 2 and c.split()[-1].startswith(label[0])}
        fullest = max(named, key=len, default="")
        if named and all(names.same_person(c, fullest) for c in named):  # ("Frau Kellermann" is her too)
            return fullest
    office = names.in_office(label, body, [*title_people, *teaser_people, *meta.guests, *candidates])
    if office:
        return office
    titled = HAN_TITLED.fullmatch(label)
    if titled and titled.group("n")[0] in names.SURNAMES and names.han_person(titled.group("n"), body):
        return titled.group("n")  # "陳慧文教授：" at first, then "陳教授：": 陳慧文, in both
    nickname = names.nicknamed(label, body)
    if nickname:
        return nickname  # "风天：" where the intro says "陶建容（花名风天）"
    if is_handle(label):
        own = names.self_named(said)
        if own:
            return own  # "ibireme：大家好，我叫郭曜源，…": the name the one going by a handle gives
    found = names.full_name(label, body)
    titled_whole = [c for c in [*title_people, *teaser_people, *meta.guests] if len(c.split()) >= 2
                    and c.split()[-1] == label and found.split()[0] not in c.split()]
    if found != label and len(titled_whole) == 1:
        return titled_whole[0]  # "Revierförsterin Haslach" in the headline, "Friederike Haslach" as the title names her
    if found == label and not names.HAN.search(label) and " " not in label.strip():  # "KÖHLER:": the one
        named = {c for c in [*meta.guests, *title_people, *teaser_people, *meta.authors]  # full name the title,
                 if " " in c.strip() and names.same_person(label, c)}  # intro, header or byline gives with it
        if len(named) == 1:
            return named.pop()
        named = {" ".join(c.split()[-2:]) for c in candidates if len(c.split()) >= 2 and len(label) >= 3
                 and c.split()[-1].casefold() == label.casefold() and c.split()[-2].casefold() not in names.TITLES}
        if len(named) == 1:  # "HALLBERG:" under an intro on "Die Hydrologin Friederike Hallberg": the one person
            return named.pop()  # the page names in full with that family name ("Frau Hallberg" names no more)
    return found
