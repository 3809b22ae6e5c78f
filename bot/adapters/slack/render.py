"""A Reply as Slack Block Kit plus a plain-text fallback, always escaped and within Slack's limits.

Every string that comes from a user or the corpus goes through `escape()` (mrkdwn knows only the
entities `&amp;`, `&lt;`, `&gt;`), so a question containing `<!channel>` or `<@U123>` pings nobody.
Quotes are shown verbatim: each line of the excerpt is a mrkdwn quote line ("> …"), matched terms in
bold; nothing is inserted into the quoted text except the `*` of a highlight.

A machine translation (when the quote carries one) is a section of its own under the quote: labelled,
in italics (line by line, where Slack can render them), escaped like everything else; in an answer it
is cut at a sentence end ("…"), whole in the full-passage view.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from bot.adapters.slack import buttons
from bot.answer.reply import ArticleRef, Quote, Reply, Translation
from bot.answer.texts import SAMPLES, SLACK, localized, message, ui_language
from corpus.segment import sentence_spans

MAX_BLOCKS = 50
MAX_SECTION = 3000  # characters of a section's text
MAX_CONTEXT_ELEMENTS = 10
MAX_HEADER = 150
MAX_FALLBACK = 3000  # the message `text` may hold 40,000; notifications only need the beginning
MAX_QUESTION_SHOWN = 600  # the interview question in a context line
MAX_TRANSLATION_SHOWN = 600  # characters of a machine translation under a quote (the rest: full passage)
MARKUP = frozenset("_*~`")  # characters that would end or start mrkdwn formatting inside italics

Block = dict[str, Any]



def label(key: str, lang: str | None, **values: object) -> str:
    """A Slack interface text (falls back to the shared messages)."""
    return localized(SLACK, key, lang, **values)


# -- escaping ---------------------------------------------------------------------------------------
def escape(text: str | None) -> str:
    """Escape the three characters mrkdwn interprets: &, <, > (the one escape of this adapter)."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str | None) -> str:
    """Undo Slack's escaping of message text (what users type arrives escaped)."""
    return (text or "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clip(text: str | None, limit: int, ellipsis: str = "…") -> str:
    """`escape(text)` cut to at most `limit` characters, never inside an entity."""
    out: list[str] = []
    size = 0
    raw = text or ""
    full = escape(raw)
    if len(full) <= limit:
        return full
    budget = limit - len(ellipsis)
    for ch in raw:
        piece = escape(ch)
        if size + len(piece) > budget:
            break
        out.append(piece)
        size += len(piece)
    return "".join(out) + ellipsis


# -- pieces -----------------------------------------------------------------------------------------
def _merged(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in spans):
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


SAFE_NEIGHBOURS = frozenset(" \t\n!\"#$%&'()+,-./:;<=>?@[\\]^{|}“”‘’—–…")


def renders_bold(text: str, start: int, end: int) -> bool:
    """Whether `*…*` around text[start:end] renders as bold. Slack's mrkdwn formats only at word
    boundaries: not next to letters (so never inside Chinese text, which has no spaces), digits, `_`,
    full-width punctuation; a literal `*` in the text would pair with ours."""
    word = text[start:end]
    if not word or "*" in text or not (word[0].isalnum() and word[-1].isalnum()):
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before in SAFE_NEIGHBOURS and after in SAFE_NEIGHBOURS


def bold_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The merged spans that can be shown bold inside `text`."""
    return [(s, e) for s, e in _merged(spans, len(text)) if renders_bold(text, s, e)]


def highlighted(text: str, spans: Iterable[tuple[int, int]] = ()) -> str:
    """One line of text, escaped, with the spans in bold where Slack can render that."""
    parts: list[str] = []
    pos = 0
    for start, end in bold_spans(text, spans):
        parts.append(escape(text[pos:start]))
        parts.append(f"*{escape(text[start:end])}*")
        pos = end
    parts.append(escape(text[pos:]))
    return "".join(parts)


def _lines(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Each line of `text` with the parts of `spans` that fall on it, as offsets into the line."""
    offset = 0
    spans = list(spans)
    for line in text.split("\n"):
        end = offset + len(line)
        yield line, [(max(s, offset) - offset, min(e, end) - offset) for s, e in spans if s < end and e > offset]
        offset = end + 1


def unbolded_terms(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """Matched terms that could not be bold inside the quote (listed next to it instead), in order."""
    out: list[str] = []
    for line, local in _lines(text, spans):
        shown = set(bold_spans(line, local))
        for s, e in _merged(local, len(line)):
            term = line[s:e].strip()
            if (s, e) not in shown and term and term not in out:
                out.append(term)
    return out


def quoted(text: str, spans: Iterable[tuple[int, int]] = ()) -> str:
    """The text as mrkdwn quote lines ("> "), highlights kept on the line they fall on."""
    return "\n".join("> " + highlighted(line, local) for line, local in _lines(text, spans))


def quote_section(title: str, text: str, spans: Iterable[tuple[int, int]] = (), limit: int = MAX_SECTION) -> str:
    """`title` (already mrkdwn) over the quoted text, shortened (a verbatim prefix + "…") to fit `limit`."""
    spans = tuple(spans)
    head = f"{title}\n" if title else ""
    full = head + quoted(text, spans)
    if len(full) <= limit:
        return full
    tail = "\n…"
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix whose rendering fits
        mid = (lo + hi + 1) // 2
        if len(head) + len(quoted(text[:mid], spans)) + len(tail) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return head + quoted(text[:lo], spans) + tail


def strong(raw: str) -> str:
    """`raw` escaped and in bold, unless bold could not render (it must start and end with a letter/digit)."""
    if raw and "*" not in raw and raw[0].isalnum() and raw[-1].isalnum():
        return f"*{escape(raw)}*"
    return escape(raw)


def link(url: str, title: str) -> str:
    """A mrkdwn link; the URL escaped like any text (and `|` encoded, it would end the URL)."""
    return f"<{escape(url.replace('|', '%7C').replace(' ', '%20'))}|{escape(title)}>"


def article_line(article: ArticleRef, lang: str) -> str:
    """Title linked to the article (no link where the source has none), publisher, date."""
    title = article.title if len(article.title) <= 300 else article.title[:299] + "…"
    url = article.url if article.url and len(article.url) <= 2000 and article.url.startswith(("http://", "https://")) \
        else None
    parts = [link(url, title) if url else escape(title)]
    parts.append(clip(article.publisher, 300))
    if article.published:
        parts.append(escape(article.published))
    if not url:
        parts.append(f"_{escape(message('no_link', lang))}_")
    return " · ".join(p for p in parts if p)


def speaker_title(q: Quote) -> str:
    return strong(f"{q.rank}. {q.speaker or q.article.publisher}")


def context(*texts: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": t[:MAX_SECTION]}
                                            for t in texts[:MAX_CONTEXT_ELEMENTS] if t]}


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_SECTION]}}


# -- machine translations ---------------------------------------------------------------------------
def italic(line: str) -> str:
    """One line escaped and in italics, or only escaped where italics would not render as such (the line
    holds mrkdwn's own markup characters, or starts or ends with a space)."""
    if not line.strip():
        return ""
    if MARKUP & set(line) or line != line.strip():
        return escape(line)
    return f"_{escape(line)}_"


def first_sentences(text: str, limit: int) -> tuple[str, bool]:
    """The longest run of whole first sentences of `text` of at most `limit` characters (a first sentence
    longer than that is cut at a space, or at `limit`), and whether anything was cut."""
    text = text.strip()
    if len(text) <= limit:
        return text, False
    end = 0
    for _, stop in sentence_spans(text):
        if stop > limit:
            break
        end = stop
    if end == 0:
        space = text.rfind(" ", 0, limit)
        end = space if space > limit // 2 else limit
    return text[:end].rstrip(), True


def translation_text(translation: Translation, lang: str, limit: int | None = None, label: bool = True) -> str:
    """A section's mrkdwn: the label, then the translation line by line in italics; with `limit`, its first
    sentences then "…", always within a section's 3000 characters."""
    head = f"_{escape(message('machine_translation', lang))}_\n" if label else ""
    value = translation.text.strip()
    size = MAX_SECTION if limit is None else limit
    while True:
        shown, cut = first_sentences(value, size)
        body = "\n".join(italic(line) for line in shown.split("\n")) + (" …" if cut else "")
        if len(head) + len(body) <= MAX_SECTION or size < 50:
            return (head + body)[:MAX_SECTION]
        size = size * 3 // 4  # escaping made it longer than a section holds


def translation_sections(translation: Translation, lang: str) -> list[Block]:
    """A whole translation as sections (split at sentence ends when longer than one section holds)."""
    out: list[Block] = []
    rest = translation.text.strip()
    while rest and len(out) < 10:
        piece, cut = first_sentences(rest, MAX_SECTION // 2)
        out.append(section(translation_text(Translation(piece, translation.language, translation.engine), lang,
                                            label=not out)))
        rest = rest[len(piece):].strip() if cut else ""
    return out


def quote_blocks(q: Quote, lang: str, translating: bool = False, feedback: tuple[str, int | None] | None = None,
                 similar: bool = False) -> list[Block]:
    """A quote: quoted section with the speaker, its machine translation (if any), the interview question,
    the article, its buttons (a Translate button when `translating`: machine translation is on; More like
    this when `similar`) and, with `feedback` = (kind, saved question id), Slack's 👍/👎 feedback buttons."""
    blocks = [section(quote_section(speaker_title(q), q.quote, q.highlights))]
    if q.translation is not None:
        blocks.append(section(translation_text(q.translation, lang, MAX_TRANSLATION_SHOWN)))
    terms = unbolded_terms(q.quote, q.highlights)
    if terms:
        blocks.append(context(f"{escape(label('matched', lang))}: "
                              + " · ".join(strong(t) for t in terms[:20])))
    if q.question:
        blocks.append(context(f"_{escape(label('asked', lang))}_: {clip(q.question, MAX_QUESTION_SHOWN)}"))
    lines = [article_line(q.article, lang)]
    if q.also_in:
        seen = {v.article.id: v.article for v in q.also_in}.values()
        lines.append(f"{escape(message('also_in', lang))}: "
                     + "; ".join(f"{escape(a.publisher)} ({escape(a.language)})" for a in seen))
    blocks.append(context(*lines))
    shown = q.translation.language if q.translation else None
    row = [buttons.button(message("context", lang), buttons.CONTEXT, buttons.context_value(q.passage_id, shown))]
    if q.also_in:
        row.append(buttons.button(message("other_language", lang), buttons.VERSIONS, q.passage_id))
    if translating:
        row.append(buttons.button(message("translate", lang), buttons.TRANSLATE,
                                  buttons.translate_value(q.passage_id, shown, ui_language(lang))))
    if similar:
        row.append(buttons.button(message("more_like_this", lang), buttons.SIMILAR, q.passage_id))
    blocks.append({"type": "actions", "elements": row})
    if feedback is not None:
        labels = (message("feedback_up", lang), message("feedback_down", lang))
        blocks.append(buttons.feedback_block(feedback[0], q.passage_id, feedback[1], ui_language(lang), labels))
    return blocks


# -- whole messages ---------------------------------------------------------------------------------
def fit(blocks: list[Block]) -> list[Block]:
    """At most 50 blocks; a trailing actions block (the paging buttons) is kept when cutting."""
    if len(blocks) <= MAX_BLOCKS:
        return blocks
    last = blocks[-1] if blocks[-1].get("type") == "actions" else None
    kept = blocks[: MAX_BLOCKS - (1 if last else 0)]
    return [*kept, last] if last else kept


def reply_message(reply: Reply, query_id: int | None = None, *, ephemeral: bool = False, kind: str = "answer",
                  title: str | None = None) -> dict[str, Any]:
    """`{"text", "blocks"}` for a Reply; with the saved question's `query_id`, a "more results" button
    when there is a next page, when `ephemeral` a "share in channel" button, and 👍/👎 under every quote
    (`kind` "answer"; "similar" for More like this, whose `title` heads the message, needs no question id)."""
    lang = reply.language
    head = f"🔎 {clip(reply.query, 300)}" if reply.query else (clip(title, 300) if title else None)
    votable = kind != "answer" or query_id is not None
    blocks: list[Block] = [context(head)] if head else []
    if reply.note:
        blocks.append(section(clip(reply.note, MAX_SECTION)))
    if reply.status != "ok" and reply.suggestions:
        blocks.append(section(clip(message("samples_title", lang) + "\n" + "\n".join(f"• {s}" for s in
                                                                                  reply.suggestions),
                                   MAX_SECTION)))
    for q in reply.quotes:
        blocks.append({"type": "divider"})
        blocks.extend(quote_blocks(q, lang, reply.translating, feedback=(kind, query_id) if votable else None))
    footer = []
    if reply.has_more and query_id is not None:
        value = buttons.page_value(query_id, reply.offset + len(reply.quotes))
        footer.append(buttons.button(message("more", lang), buttons.MORE, value))
    if ephemeral and reply.quotes and query_id is not None:
        value = buttons.page_value(query_id, reply.offset)
        footer.append(buttons.button(label("share", lang), buttons.SHARE, value, style="primary"))
    if footer:
        blocks.append({"type": "actions", "elements": footer})
    return {"text": fallback(reply), "blocks": fit(blocks)}


def fallback(reply: Reply) -> str:
    """The plain `text` of the message (notifications, screen readers), escaped."""
    if not reply.quotes:
        return clip(reply.note or reply.query, MAX_FALLBACK)
    lines = [f"{q.speaker or q.article.publisher}: “{q.quote}” — {q.article.title}" for q in reply.quotes]
    return clip("\n".join(lines), MAX_FALLBACK)


def passages_message(items: list[tuple[str | None, str, str | None, ArticleRef]], lang: str,
                     title: str = "", translations: dict[int, Translation] | None = None) -> dict[str, Any]:
    """Whole passages (speaker, text, interview question, article) one after another; under the i-th, the
    whole machine translation `translations[i]` when given."""
    blocks: list[Block] = [context(clip(title, 300))] if title else []
    for i, (speaker, text, question, article) in enumerate(items):
        if len(blocks) + 3 > MAX_BLOCKS:
            break
        name = strong(speaker or "")
        if question:
            blocks.append(context(f"_{escape(label('asked', lang))}_: {clip(question, MAX_QUESTION_SHOWN)}"))
        blocks.append(section(quote_section(name, text)))
        translation = (translations or {}).get(i)
        if translation is not None:
            blocks.extend(translation_sections(translation, lang)[: max(0, MAX_BLOCKS - len(blocks) - 1)])
        blocks.append(context(article_line(article, lang)))
    text = clip("\n".join(f"{s + ': ' if s else ''}“{t}”" for s, t, _, _ in items), MAX_FALLBACK)
    return {"text": text or "…", "blocks": fit(blocks)}


def translation_message(q: Quote, lang: str) -> dict[str, Any]:
    """A passage on demand in another language: the original (quoted) with the speaker, its whole machine
    translation, the article."""
    assert q.translation is not None
    name = message(f"language_{q.translation.language}", lang)
    title = f"{escape(message('translate', lang))}: {escape(name)}"
    blocks: list[Block] = [context(title),
                           section(quote_section(strong(q.speaker or q.article.publisher), q.passage)),
                           *translation_sections(q.translation, lang),
                           context(article_line(q.article, lang))]
    text = clip(f"{q.speaker + ': ' if q.speaker else ''}{q.translation.text}", MAX_FALLBACK)
    return {"text": text, "blocks": fit(blocks)}


def translate_menu(passage_id: str, languages: list[str], lang: str, thread_ts: str | None,
                   ephemeral: bool) -> dict[str, Any]:
    """The Translate button's choice of languages (shown only to the clicker)."""
    row = [buttons.button(message(f"language_{code}", lang), buttons.TRANSLATION,
                          buttons.translation_value(passage_id, code, thread_ts, ephemeral, ui_language(lang)))
           for code in languages]
    prompt = escape(message("translate_into", lang))
    return {"text": prompt, "blocks": [section(prompt), {"type": "actions", "elements": row}]}


def reason_menu(f: buttons.Feedback, channel: str, message_ts: str) -> dict[str, Any]:
    """After 👎, to the clicker: thanks, and the reasons to pick from (optional)."""
    lang = f.ui
    row = [buttons.button(f"👎 {message(f'reason_{r}', lang)}", buttons.REASON,
                          buttons.reason_value(f, r, channel, message_ts)) for r in buttons.REASONS]
    prompt = escape(message("feedback_why", lang))
    return {"text": prompt, "blocks": [section(prompt), {"type": "actions", "elements": row}]}


def history_message(items: list[tuple[str, str | None, str, ArticleRef]], lang: str, title: str,
                    empty: str) -> dict[str, Any]:
    """The quotes a channel received: (date, speaker, opening words, article), newest first."""
    if not items:
        return note_message(empty)
    lines = [f"• {escape(day)} — {strong(speaker) + ': ' if speaker else ''}“{escape(words)}” "
             f"{article_line(article, lang)}" for day, speaker, words, article in items]
    return {"text": escape(title), "blocks": [section(escape(title)), section(fit_lines(lines, MAX_SECTION - 100))]}


def note_message(note: str) -> dict[str, Any]:
    """A short notice (e.g. an apology) as one section."""
    return {"text": clip(note, MAX_FALLBACK), "blocks": [section(clip(note, MAX_SECTION))]}


def fit_lines(lines: list[str], limit: int) -> str:
    """Whole lines (never a cut link or entity) up to `limit` characters, then "… (+N)"."""
    out: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) + 1 > limit:
            return "\n".join([*out, f"… (+{len(lines) - len(out)})"])
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


def help_message(articles: Iterable[ArticleRef], commands: Iterable[str] = (), lang: str = "en") -> dict[str, Any]:
    """What the bot knows: the introduction, the articles with links, sample questions, subcommands."""
    blocks: list[Block] = [section(escape(message("intro", lang)))]
    lines = [f"• {article_line(a, lang)}" for a in articles]
    if lines:
        blocks.append(section(clip(message("sources_title", lang), 200) + "\n" + fit_lines(lines, 2700)))
    samples = [f"• `/ask {escape(s)}`" for ui in ("en", "zh", "de") for s in SAMPLES[ui]]
    blocks.append(section(escape(message("samples_title", lang)) + "\n" + "\n".join(samples)))
    names = sorted(commands)
    if names:
        blocks.append(context(f"{escape(label('commands', lang))}: "
                              + ", ".join(f"`/ask {escape(n)}`" for n in names)))
    return {"text": escape(message("intro", lang)), "blocks": fit(blocks)}
