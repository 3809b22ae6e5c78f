"""A Document -> an Article with attributed, tokenized passages, and a report of every decision."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.importer import labels, names
from bot.importer.cast import UNKNOWN_NAME, Cast, Voice, decide, named_handles, page_guest
from bot.importer.chrome import Dropped
from bot.importer.extract import Document
from bot.importer.markup import Para, paragraphs, visible
from bot.importer.metadata import asker_name, names_no_site
from bot.importer.turns import ANSWERED, ASKED, Piece, cut, mark_chrome, passages, question_mode, tidy, walk
from corpus.models import Article, Passage
from retrieval.terms import index_terms
from retrieval.tokenize import detect_language

MIN_TEXT = 200  # characters of clean text: less is a menu, a paywall or an error page
MIN_TEXT_HAN = 60  # the same for Chinese, where a character carries more
MAX_ID = 31  # passage ids are "<article id>:<8 hex>" and must stay within 40 bytes
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,30}$")
LANGUAGES = ("zh", "zh-Hant", "de", "en")
EN_HINT = re.compile(r"\b(?:the|and|is|are|was|were|of|to|that|with|for|have|has|this|you|we|it|not)\b")
DE_HINT = re.compile(r"\b(?:der|die|das|und|ist|sind|nicht|sie|ich|wir|mit|für|auf|über|ein|eine|dem|den|auch|wie)\b")


SELF_NAMING = re.compile(  # a host naming the show: "This is The Changelog", "Welcome to Civic Signal"
    r"(?i:\bthis is|\bwelcome (?:back )?to|\byou(?:'re| are) listening to|\bwillkommen (?:zu|bei)|\bihr hört)\s+"
    r"(?P<n>(?:The |Der |Die |Das )?[A-Z][\w'’.-]*(?: (?:[A-Z&][\w'’.-]*|of|for)){0,4})")
# a sentence's end (not "St. Louis", "Dr. Roth", "J. Smith")
SENTENCE_END = re.compile(r"(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMt)(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])\.\s")
SHOW_NAMED = re.compile(r"(?:欢迎收听|歡迎收聽|欢迎来到|歡迎來到|这里是|這裡是)《(?P<n>[^》]{2,20})》")
PUBLICATION_WORDS = re.compile(r"(?i)\b(?:magazin|magazine|zeitung|weekly|daily|news|review|journal|radio|podcast|"
                               r"times|post|tribune|blog)\b|周刊|週刊|日报|日報|杂志|雜誌|新闻|新聞|晚报|晚報|电台|電台")


class PrepareError(Exception):
    """The text could not be turned into passages."""


@dataclass
class Hints:
    """What the person importing says, over anything detected (`--speaker`, `--interviewee`, …)."""

    speakers: dict[str, str] = field(default_factory=dict)  # label as written -> name
    interviewees: list[str] = field(default_factory=list)
    interviewers: list[str] = field(default_factory=list)
    publisher: str | None = None
    title: str | None = None


@dataclass
class Prepared:
    """One article ready to store: metadata, passages (with tokens) and what was decided on the way."""

    article: Article
    passages: list[Passage]
    cast: Cast
    content_hash: str
    location: str
    dropped: list[Dropped] = field(default_factory=list)
    found: dict[str, str] = field(default_factory=dict)  # field -> where it came from
    warnings: list[str] = field(default_factory=list)  # what the person importing should check or give

    @property
    def answers(self) -> int:
        return sum(p.kind == "answer" for p in self.passages)


def content_hash(text: str) -> str:
    """A hash of the clean article text that ignores whitespace and Unicode form."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
    return hashlib.sha256(norm.encode()).hexdigest()


def _words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in {"the", "a", "an", "www", "com"}]


def _fit(words: list[str], limit: int) -> str:
    """Whole words joined by '-' within `limit` characters (the first word cut if it alone is too long)."""
    out = ""
    for w in words:
        nxt = f"{out}-{w}" if out else w
        if len(nxt) > limit:
            break
        out = nxt
    return out or (words[0][:limit] if words else "")


def article_language(text: str) -> str:
    """The language of a whole article: Chinese by script, else German or English by function words."""
    lang = detect_language(text)
    if lang.startswith("zh"):
        return lang
    low = text.lower()
    return "de" if len(DE_HINT.findall(low)) > len(EN_HINT.findall(low)) else "en"


def make_id(publisher: str | None, title: str | None, digest: str, taken: Collection[str] = (),
            url: str | None = None) -> str:
    """A readable, unused article id: publisher (or web site) and title words, or a hash when there are none."""
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    if names_no_site(host):  # an address names no site
        host = ""
    base = _fit(_words(publisher or ""), 14) or _fit(_words(host.rsplit(".", 1)[0]), 14) or "article"
    title_part = _fit(_words(title or ""), MAX_ID - len(base) - 1)
    candidate = f"{base}-{title_part}" if title_part else f"{base}-{digest[:8]}"
    if candidate in taken:
        candidate = f"{_fit(candidate.split('-'), MAX_ID - 7)}-{digest[:6]}"
    return candidate


def check_id(article_id: str) -> str:
    if not ID_RE.fullmatch(article_id):
        raise PrepareError(f"invalid article id {article_id!r}: use 1-31 lower-case letters, digits and '-'")
    return article_id


def _language(declared: str | None, text: str) -> str:
    found = article_language(text)
    low = (declared or "").lower()
    if low.startswith("zh"):
        return "zh-Hant" if re.search(r"hant|tw|hk|mo", low) else ("zh-Hant" if found == "zh-Hant" else "zh")
    if low[:2] in ("de", "en") and not found.startswith("zh"):
        return low[:2]
    return found if found in LANGUAGES else "en"


def _without_title(paras: list[Para], title: str | None) -> list[Para]:
    """The document's own title heading is its title, not a section; so is a paragraph near the top that is the
    whole title (a headline set in a styled <div>: "对话…俞青岚：竹子不是用来怀旧的" is no "name: words" turn)."""
    norm = re.sub(r"\W", "", visible(title or "")).casefold()
    for i, p in enumerate(paras[:8]):
        asked = any(visible(q.text).rstrip(" *_").endswith(("?", "？")) for q in paras[:i])
        if (p.kind == "heading" or (p.kind == "para" and i < 3 and not asked)) and norm \
                and re.sub(r"\W", "", visible(p.text)).casefold() == norm:  # (an answer that is the headline stays)
            return paras[:i] + paras[i + 1:]
    for i in range(min(8, len(paras) - 1)):  # a headline set in large type, its lines paragraphs apart
        two = re.sub(r"\W", "", visible(paras[i].text) + visible(paras[i + 1].text)).casefold()
        if norm and two == norm:
            return paras[:i] + paras[i + 2:]
    return paras


# a line naming who answers below it by role and name ("Chefärztin: Dr. Ilse Berg", "…首席投资官：Vincent Mortier")
ROLE_AND_NAME = re.compile(r"[*_]{0,2}(?P<r>[^:：\n]{2,40}?)\s*[:：]\s*(?P<n>(?:(?:Dr|Prof)\.\s+)?[A-ZÄÖÜ][\w'’.-]+"
                           r"(?:\s+[A-ZÄÖÜ][\w'’.-]+){1,3}|[\u4e00-\u9fff·]{2,4})[*_]{0,2}")


def _people_over_answers(paras: list[Para]) -> list[Para]:
    """A survey's sections, each under a line naming its respondent by role and name ("AMUNDI副首席投资官：Vincent
    Mortier") over the questions put to them all: those lines as headings naming the person (two or more of them,
    each right over a question set in bold)."""
    found = []
    for i, p in enumerate(paras[:-1]):
        m = ROLE_AND_NAME.fullmatch(p.text.strip()) if p.kind == "para" else None
        nxt = paras[i + 1]
        asked_before = i > 0 and re.search(r"[?？]\W*$", visible(paras[i - 1].text))  # (an answer: "Meine
        # erste Lehrerin: Irmgard Haller" under "Wer hat Sie geprägt?")
        if m and not asked_before and names.looks_like_person(m.group("n")) and nxt.bold \
                and re.search(r"[?？]\W*$", visible(nxt.text)):
            found.append((i, m.group("n")))
    if len(found) < 2 or len({n for _, n in found}) < 2:
        return paras
    asked = [{visible(p.text).strip(" *_") for p in paras[i + 1:j] if p.bold}
             for (i, _), (j, _) in zip(found, [*found[1:], (len(paras), "")], strict=True)]
    if not set.intersection(*asked):
        return paras  # (a survey puts the same questions to each: some recur under every name)
    out = list(paras)
    for i, person in found:
        out[i] = Para(person, "heading", 3, line=paras[i].line)
    return out


def _slug_words(url: str | None) -> str:
    """The words of a link's last path segment ("/story/interview-mit-sharon-stone/" -> "interview mit sharon
    stone"): what a page's own address says it is, where it has no title but the site's name."""
    if not url:
        return ""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    slug = re.sub(r"\.[a-z]{2,5}$", "", segments[-1]) if segments else ""
    return " ".join(re.split(r"[-_+]+", slug)) if re.search(r"[A-Za-z]{3}", slug) else ""


def publisher_in_text(cast: Cast, pieces: list[Piece]) -> tuple[str, str] | None:
    """A publisher the interview itself names when the page does not: the host naming the show, or a
    publication asking the questions ("FSFW Dresden:", "三联生活周刊：")."""
    askers = [v for v in cast.voices.values() if v.role == "interviewer" and v.label not in (ASKED, ANSWERED)
              and v.label.casefold() not in labels.GENERIC]  # "MODERATORIN:" is a role, no publication
    people = {v.name for v in cast.voices.values()}
    for pc in pieces[:3]:  # show notes that open with the show: "欢迎收听《夜航西飞》第58期。"
        m = SHOW_NAMED.match(pc.plain) if not pc.label else None
        if m:
            return m.group("n"), "the show names itself"
    voice = None
    for pc in pieces[:60]:
        voice = cast.voice(pc.label) if pc.label else voice  # (a label on a line of its own: the words follow)
        if voice is not None and voice.role == "interviewer":
            m = SELF_NAMING.search(pc.plain)
            if m and not any(names.same_person(m.group("n"), p) for p in people):
                return SENTENCE_END.split(m.group("n"))[0].strip(" .,"), "the host names the show"  # (not "… Heute")
    if len(askers) == 1:
        name = askers[0].name
        first = name.split()[0] if name.split() else ""
        if PUBLICATION_WORDS.search(name) or (len(first) >= 3 and first.isupper() and first.isalpha()
                                             and names.expand_initials(first, list(people)) is None):
            return name, "the publication asks the questions"
        label = askers[0].label
        if len(label) >= 3 and label.isupper() and label.isalpha() and _names_itself(label, pieces):
            return name, "the publication asks the questions"
    return None


def _names_itself(label: str, pieces: list[Piece]) -> bool:
    """Whether a capitals label ("KOMPASS:", over answers under "HALLBERG:") is the publication's name: the
    page's own notices (copyright, imprint, newsletter footer) name it too, where a person's surname is not."""
    word = re.compile(rf"(?<!\w){re.escape(label)}(?!\w)", re.IGNORECASE)
    return any(pc.dropped in ("copyright", "promotion", "menu") and word.search(pc.plain) for pc in pieces)


def apply_hints(cast: Cast, hints: Hints) -> list[str]:
    """Names and roles the person importing gave; warnings for hints that match no speaker."""
    warnings = []
    for label, name in hints.speakers.items():
        voice = cast.voice(label) or next((v for v in cast.voices.values() if names.same_person(v.name, label)), None)
        if voice is None:
            warnings.append(f"--speaker {label}=…: no speaker label {label!r} in the text")
            continue
        voice.name, voice.confidence = name, "given"
    for role, given in (("interviewee", hints.interviewees), ("interviewer", hints.interviewers)):
        if not given:
            continue
        other = "interviewer" if role == "interviewee" else "interviewee"
        for voice in cast.voices.values():
            hit = next((g for g in given if names.same_person(g, voice.name) or names.same_person(g, voice.label)),
                       None)
            if hit:
                voice.role, voice.confidence = role, "given"
                if len(hit) > len(voice.name) or voice.label in (ANSWERED, ASKED):
                    voice.name = hit
            elif voice.role == role and voice.confidence != "given" and voice.role != "other":
                voice.role = other
    return warnings


def prepare(doc: Document, location: str, *, article_id: str | None = None, taken: Collection[str] = (),
            hints: Hints | None = None) -> Prepared:
    """Find speakers, chrome and turns; build the Article and its passages."""
    hints = hints or Hints()
    meta = doc.meta
    if hints.publisher:
        meta.publisher, meta.found["publisher"] = hints.publisher, "--publisher"
    if hints.title:
        meta.title, meta.found["title"] = hints.title, "--title"
    paras = _people_over_answers(_without_title(paragraphs(doc.body), meta.title))
    body = "\n".join(visible(p.text) for p in paras)
    language = _language(meta.language, body)
    titled = [n for n in names.from_titles([meta.title, *meta.other_titles], body)  # who the page's titles name
              if n.casefold() != (meta.publisher or "").casefold()]  # (not the site: og:title "ICON Magazine")
    people = [*meta.speakers, *meta.guests, *meta.authors, *titled]
    marks = named_handles(labels.find_marks(paras), people, [meta.title, *meta.other_titles])
    cast = decide(paras, marks, meta, language, body)
    pieces = cut(paras, marks, cast)
    cut_chrome = mark_chrome(pieces, cast)
    answerer = asker = None
    labelled = [pc.label for pc in pieces]
    untitled = not meta.title or meta.title.casefold() == (meta.publisher or "").casefold()  # (og:title the site's)
    asked_only = question_mode(pieces, cast, meta.title if not untitled else _slug_words(meta.url) or meta.title)
    if not asked_only and labelled != [pc.label for pc in pieces]:
        cut_chrome += mark_chrome(pieces, cast)  # questions set apart among labelled turns: the interview goes on
    if not asked_only and cast.voice(ASKED) is None and any(pc.label == ASKED for pc in pieces):
        asker = Voice(ASKED, asker_name(meta), "interviewer",
                      0, "medium", ["asks the questions (headings or bold)"])  # over the guest's labelled answers
        cast.voices[ASKED] = asker
        cast.aliases[ASKED] = ASKED
    if asked_only:
        intro = "\n".join(pc.plain for pc in pieces[:12])
        asked = [pc.plain for pc in pieces
                 if pc.label == ASKED or ((v := cast.voice(pc.label)) is not None and v.role == "interviewer")]
        guests = (meta.guests or titled or names.from_teaser(intro + "\n" + (meta.teaser or ""))
                  or page_guest(asked, meta, body, language))
        unknown = UNKNOWN_NAME.get(language, UNKNOWN_NAME.get(language[:2], UNKNOWN_NAME["en"]))
        answerer = Voice(ANSWERED, names.unnicknamed(guests[0], body) if guests else unknown,
                         "interviewee", 0, "medium" if guests else "low",
                         ["answers the marked questions", "named in the title" if guests else "no name found"])
        asker = cast.voice(next((pc.label for pc in pieces if pc.label and pc.label != ANSWERED), None))
        if asker is None:
            asker = Voice(ASKED, asker_name(meta), "interviewer",
                          0, "medium", ["asks the questions (headings or bold)"])
        for v in (answerer, asker):
            cast.voices.setdefault(v.label, v)
            cast.aliases.setdefault(v.label, v.label)
        cast.aliases.setdefault(ASKED, asker.label)  # bold questions between "问：…" ones: the same interviewer
        cut_chrome += mark_chrome(pieces, cast)  # again: where the interview ends is known only now
    warnings = apply_hints(cast, hints)
    if not meta.publisher:
        named = publisher_in_text(cast, pieces)
        if named:
            meta.put("publisher", named[0], named[1])
    flow = walk(pieces, cast, cast.voice(ANSWERED), cast.voice(ASKED))
    flow.dropped[:0] = cut_chrome
    tidy(flow)
    for voice in cast.voices.values():
        if voice.label.startswith((ANSWERED, ASKED)):
            voice.turns = sum(1 for item in flow.items if getattr(item, "voice", None) is voice)

    digest_text = "\n\n".join(visible(pc.text) for pc in pieces if not pc.dropped)
    digest = content_hash(digest_text)
    title = meta.title
    if not title:
        title = Path(urlsplit(location).path).stem if "://" in location else Path(location).stem
        meta.found["title"] = "file name"
        warnings.append("no title in the document: give one with --title")
    if not meta.publisher:
        warnings.append("no publisher in the document: give one with --publisher")
    if not cast.interviewees:
        warnings.append("no interviewee found: give the labels with --speaker and --interviewee")
    for voice in cast.voices.values():
        if voice.confidence == "low" and voice.role != "other":
            warnings.append(f"{voice.name} as {voice.role} is a guess: check it, or set it with --interviewee/--intervi"
                            f"ewer")
    new_id = check_id(article_id) if article_id else make_id(meta.publisher, title, digest, taken, meta.url)
    found = passages(flow, new_id)
    text_size = len(digest_text)
    han = len(re.findall(r"[\u3400-\u9fff]", digest_text))
    if not found or text_size < (MIN_TEXT_HAN if han * 2 > text_size else MIN_TEXT):
        raise PrepareError(f"{location}: too little text for an interview ({text_size} characters after cleaning); "
                           "is this the article's own page?")
    article = Article(
        id=new_id, title=title, publisher=meta.publisher or "", language=language, url=meta.url,
        published=meta.published, author=", ".join(meta.authors) or None, interview=new_id,
        interviewers=cast.interviewers, interviewees=cast.interviewees,
        url_note=None if meta.url else "the source gives no link to itself",
    )
    article.text = "\n\n".join(p.text for p in found)
    for p in found:
        p.tokens = index_terms(p, language)
    return Prepared(article, found, cast, digest, location, flow.dropped, dict(meta.found), warnings)
