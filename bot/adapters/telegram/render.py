"""A Reply as Telegram HTML messages and inline keyboards, always within Telegram's limits.

Every string from users or the corpus goes through `esc` (html.escape). A quote's blockquote holds
only verbatim text of its passage (highlights are tags inside it), so stripping the tags gives back an
exact excerpt. Messages stay under 4096 characters after entity parsing and under 100 entities: blocks
are packed into as few messages as fit, and over-long passages are split at sentence boundaries.

A machine translation (when the quote carries one) is shown under the blockquote, outside it, in
italics and labelled; in an answer it is cut at a sentence end ("…"), whole in the full-passage view.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, SwitchInlineQueryChosenChat

from bot.adapters.telegram import callbacks
from bot.answer.reply import ArticleRef, Quote, Reply, Translation
from bot.answer.texts import SAMPLES, TELEGRAM, localized, message, ui_language
from corpus.models import Passage
from corpus.segment import sentence_spans

MAX_LENGTH = 4096  # characters after entity parsing (counted here in UTF-16 units, the stricter count)
MAX_ENTITIES = 100
LENGTH_BUDGET = 3900  # what a message is packed to: room for Telegram's own auto-detected entities
ENTITY_BUDGET = 80
MAX_HIGHLIGHTS = 20  # per quote
EXPANDABLE_OVER = 300  # characters: longer quotes are collapsed (expandable blockquote)
MAX_ASKED = 200  # characters of the interview question shown
MAX_DESCRIPTION = 180  # characters of an inline result's description
MAX_TRANSLATION_SHOWN = 600  # characters of a machine translation under a quote (the rest: full passage)

TAG = re.compile(r"<[^>]*>")


def esc(value: str) -> str:
    """Escape a user- or corpus-derived string for Telegram HTML (the one escape of this adapter)."""
    return html.escape(value, quote=True)


def text(key: str, lang: str | None = None, **values: object) -> str:
    """A Telegram interface text in the user's language."""
    return localized(TELEGRAM, key, lang, **values)


def visible(markup: str) -> str:
    """The text Telegram shows for `markup` (tags removed, entities unescaped)."""
    return html.unescape(TAG.sub("", markup))


def utf16_len(value: str) -> int:
    return len(value.encode("utf-16-le")) // 2


def measure(markup: str) -> tuple[int, int]:
    """(length after entity parsing, number of entities) of an HTML message."""
    entities = sum(1 for m in TAG.finditer(markup) if not m.group().startswith("</"))
    return utf16_len(visible(markup).strip()), entities


def fits(markup: str) -> bool:
    length, entities = measure(markup)
    return length <= LENGTH_BUDGET and entities <= ENTITY_BUDGET


# -- splitting text ----------------------------------------------------------------------------------
def _units(value: str, limit: int) -> list[tuple[int, int]]:
    """Sentence spans covering `value`; sentences over `limit` cut at clause or word boundaries."""
    units: list[tuple[int, int]] = []
    prev = 0
    for s, e in sentence_spans(value):
        units.append((prev if value[prev:s].strip() else s, e))
        prev = e
    if value[prev:].strip():
        units.append((prev, len(value)))
    out: list[tuple[int, int]] = []
    for s, e in units:
        while utf16_len(value[s:e]) > limit:
            stop = s + limit
            while utf16_len(value[s:stop]) > limit:
                stop -= 1
            cut = max(value.rfind(p, s, stop) for p in "，,；;、 ")
            end = cut + 1 if cut > s else stop
            out.append((s, end))
            s = end
            while s < e and value[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out


def split_text(value: str, limit: int) -> list[str]:
    """Contiguous pieces of `value`, each at most `limit` characters, cut at sentence boundaries
    (or clause/word boundaries inside an over-long sentence); whitespace between pieces is dropped."""
    value = value.strip()
    if utf16_len(value) <= limit:
        return [value] if value else []
    pieces: list[str] = []
    start: int | None = None
    end = 0
    for s, e in _units(value, limit):
        if start is not None and utf16_len(value[start:e]) > limit:
            pieces.append(value[start:end].strip())
            start = None
        if start is None:
            start = s
        end = e
    if start is not None:
        pieces.append(value[start:end].strip())
    return [p for p in pieces if p]


def shorten(value: str, limit: int) -> tuple[str, bool]:
    """The first sentences of `value` that fit in `limit` characters; and whether anything was cut."""
    pieces = split_text(value, limit)
    first = pieces[0] if pieces else ""
    return first, len(pieces) > 1


# -- pieces of a message -----------------------------------------------------------------------------
def highlighted(value: str, spans: Iterable[tuple[int, int]]) -> str:
    """`value` escaped, with the given (start, end) spans in bold."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans)[:MAX_HIGHLIGHTS]:
        start, end = max(start, pos), min(end, len(value))
        if end <= start:
            continue
        out.append(esc(value[pos:start]))
        out.append(f"<b>{esc(value[start:end])}</b>")
        pos = end
    out.append(esc(value[pos:]))
    return "".join(out)


def blockquote(inner_html: str, length: int) -> str:
    tag = "<blockquote expandable>" if length > EXPANDABLE_OVER else "<blockquote>"
    return f"{tag}{inner_html}</blockquote>"


def article_html(article: ArticleRef, lang: str) -> str:
    """The article's title (linked to its URL when the source gives one), publisher and date."""
    details = ", ".join(esc(x) for x in (article.publisher, article.published) if x)
    if article.url:
        return f'<a href="{esc(article.url)}">{esc(article.title)}</a> — {details}'
    return f"{esc(article.title)} — {details} ({esc(message('no_link', lang))})"


def also_in_html(quote: Quote, lang: str) -> str | None:
    refs = list({v.article.id: v.article for v in quote.also_in}.values())
    if not refs:
        return None
    items = []
    for a in refs:
        name = esc(f"{a.publisher} ({a.language})")
        items.append(f'<a href="{esc(a.url)}">{name}</a>' if a.url else name)
    return f"{esc(message('also_in', lang))}: " + "; ".join(items)


def asked_html(question: str, lang: str) -> str:
    """The interview question a passage answers, in italics (its first sentences when long)."""
    asked, cut = shorten(question, MAX_ASKED)
    return f"{esc(message('question_label', lang))}: <i>{esc(asked)}</i>" + (" …" if cut else "")


def translation_html(translation: Translation, lang: str, limit: int | None = None) -> str:
    """A machine translation in italics, labelled in the interface language; with `limit`, its first
    sentences that fit, then "…"."""
    value = translation.text.strip()
    cut = False
    if limit is not None:
        value, cut = shorten(value, limit)
    return f"<i>{esc(message('machine_translation', lang))}: {esc(value)}{' …' if cut else ''}</i>"


def quote_html(quote: Quote, lang: str, numbered: bool = True, translation_limit: int = MAX_TRANSLATION_SHOWN) -> str:
    """One quote: speaker in bold, the interview question in italics, the excerpt as a blockquote
    with matched terms in bold, its machine translation (if any, at most `translation_limit` characters,
    0: left out), the article with its link, and its other versions."""
    who = quote.speaker or quote.article.publisher
    lines = [f"<b>{quote.rank}. {esc(who)}</b>" if numbered else f"<b>{esc(who)}</b>"]
    if quote.question:
        lines.append(asked_html(quote.question, lang))
    excerpt = quote.quote
    spans = quote.highlights
    if utf16_len(excerpt) > LENGTH_BUDGET - 600:  # never happens with the core's windows; stay safe
        excerpt, _ = shorten(excerpt, LENGTH_BUDGET - 600)
        spans = tuple((s, e) for s, e in spans if e <= len(excerpt))
    lines.append(blockquote(highlighted(excerpt, spans), len(excerpt)))
    translated = len(lines)
    lines.append(article_html(quote.article, lang))
    also = also_in_html(quote, lang)
    if also:
        lines.append(also)
    if quote.translation is None or translation_limit <= 0:
        return "\n".join(lines)
    limit = translation_limit
    while limit >= 100:  # a shorter translation where the excerpt leaves little room in one message
        block = "\n".join([*lines[:translated], translation_html(quote.translation, lang, limit), *lines[translated:]])
        if fits(block):
            return block
        limit //= 2
    return "\n".join(lines)


def pack(blocks: Sequence[str], sep: str = "\n\n") -> list[str]:
    """Join blocks into as few messages as fit Telegram's limits (a block is never cut)."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        if not fits(block):  # last resort (no block the renderers make is this big): plain text, trimmed
            block = esc(shorten(visible(block), LENGTH_BUDGET)[0])
        candidate = f"{current}{sep}{block}" if current else block
        if current and not fits(candidate):
            messages.append(current)
            current = block
        else:
            current = candidate
    if current:
        messages.append(current)
    return messages


def passage_blocks(p: Passage, lang: str, expand: bool = False, speaker: bool = True,
                   question: bool = True) -> list[str]:
    """A whole passage as blocks (split at sentence boundaries when too long for one message), headed by
    its speaker and the interview question it answers (unless told to leave them out)."""
    pieces = split_text(p.text, LENGTH_BUDGET - 400)
    blocks = []
    for i, piece in enumerate(pieces):
        lines = []
        if i == 0 and speaker and p.speaker:
            lines.append(f"<b>{esc(p.speaker)}</b>")
        if i == 0 and question and p.question:
            lines.append(asked_html(p.question, lang))
        lines.append(blockquote(esc(piece), len(piece) if expand else 0))
        blocks.append("\n".join(lines))
    return blocks


# -- whole replies -----------------------------------------------------------------------------------
def note_html(reply: Reply, lang: str) -> str:
    lines = [esc(reply.note or message("no_match", lang))]
    if reply.suggestions:
        lines.append("")
        lines.append(f"<b>{esc(message('samples_title', lang))}</b>")
        lines.extend(f"• {esc(s)}" for s in reply.suggestions)
    return "\n".join(lines)


def render_reply(reply: Reply, lang: str | None = None, header: str | None = None) -> list[str]:
    """The messages for a Reply: its quotes, or its note with suggestions."""
    lang = ui_language(lang or reply.language)
    if not reply.quotes:
        return [note_html(reply, lang)]
    blocks = [quote_html(q, lang) for q in reply.quotes]
    if header:
        blocks.insert(0, header)
    return pack(blocks)


def render_quote(quote: Quote, lang: str, title: str | None = None) -> str:
    """One quote as one message (for /today, /quote and inline results); its translation only if it fits."""
    block = quote_html(quote, lang, numbered=False)
    out = f"<b>{esc(title)}</b>\n\n{block}" if title else block
    if quote.translation is not None and not fits(out):
        return render_quote(dataclasses.replace(quote, translation=None), lang, title)
    return out


def has_other_language(quote: Quote) -> bool:
    return any(v.article.language != quote.article.language for v in quote.also_in)


def translate_button(quote: Quote, lang: str, prefix: str = "") -> InlineKeyboardButton:
    """A quote's Translate button (opens the choice of languages)."""
    shown = quote.translation.language if quote.translation else None
    return InlineKeyboardButton(prefix + message("translate", lang),
                                callback_data=callbacks.translate_menu(quote.passage_id, shown))


def language_buttons(passage_id: str, languages: Sequence[str], lang: str,
                     prefix: str = "") -> list[InlineKeyboardButton]:
    """The Translate menu: one button per language, named in the interface language."""
    return [InlineKeyboardButton(prefix + message(f"language_{code}", lang),
                                 callback_data=callbacks.translation(code, passage_id)) for code in languages]


UP, DOWN = "👍", "👎"


def feedback_row(passage_id: str, source: str, prefix: str = "") -> list[InlineKeyboardButton]:
    """👍 and 👎 for one quote; `source` is the saved question's id, "d" (daily quote) or "s" (More like this)."""
    return [InlineKeyboardButton(prefix + UP, callback_data=callbacks.feedback("u", source, passage_id)),
            InlineKeyboardButton(prefix + DOWN, callback_data=callbacks.feedback("d", source, passage_id))]


def share_button(passage_id: str, lang: str, prefix: str = "") -> InlineKeyboardButton:
    """A quote's Share button: the user picks a chat (private, group or channel) and the bot's inline mode
    offers exactly this passage there (callbacks.share_query)."""
    chosen = SwitchInlineQueryChosenChat(query=callbacks.share_query(passage_id), allow_user_chats=True,
                                         allow_group_chats=True, allow_channel_chats=True)
    return InlineKeyboardButton(prefix + text("share", lang), switch_inline_query_chosen_chat=chosen)


def similar_row(passage_id: str, lang: str) -> list[InlineKeyboardButton]:
    """A daily quote's More like this button."""
    return [InlineKeyboardButton(message("more_like_this", lang), callback_data=callbacks.similar(passage_id))]


def reason_rows(passage_id: str, source: str, lang: str, prefix: str = "") -> list[list[InlineKeyboardButton]]:
    """The optional reasons offered after 👎, one a row."""
    return [[InlineKeyboardButton(f"{prefix}{DOWN} {message(f'reason_{reason}', lang)}",
                                  callback_data=callbacks.feedback(code, source, passage_id))]
            for reason, code in callbacks.REASON_CODES.items()]


def reply_keyboard(reply: Reply, query_id: int | None, lang: str | None = None,
                   source: str | None = None) -> InlineKeyboardMarkup | None:
    """Buttons: each quote's full passage, other language version and, when the answer can be told apart
    (`source`, by default the saved question's id), 👍/👎; Share (beside 👍/👎, else on the quote's first row);
    the next page; sample questions."""
    lang = ui_language(lang or reply.language)
    source = source or (str(query_id) if query_id is not None else None)
    rows: list[list[InlineKeyboardButton]] = []
    for q in reply.quotes:
        prefix = f"{q.rank} · " if len(reply.quotes) > 1 or reply.offset else ""
        row = [InlineKeyboardButton(prefix + message("context", lang), callback_data=callbacks.context(q.passage_id))]
        if has_other_language(q):
            row.append(InlineKeyboardButton(prefix + message("other_language", lang),
                                            callback_data=callbacks.versions(q.passage_id)))
        if reply.translating:
            row.append(translate_button(q, lang, prefix))
        share = share_button(q.passage_id, lang, prefix)
        rows.append(row if source is not None else [*row, share])
        if source is not None:
            rows.append([*feedback_row(q.passage_id, source, prefix), share])
    if reply.has_more and query_id is not None:
        offset = reply.offset + len(reply.quotes)
        more = InlineKeyboardButton(f"{message('more', lang)} ▸", callback_data=callbacks.more(query_id, offset))
        rows.append([more])
    if not reply.quotes and reply.suggestions:
        rows.extend(sample_rows(lang, reply.suggestions))
    return InlineKeyboardMarkup(rows) if rows else None


def sample_rows(lang: str, suggestions: Sequence[str] | None = None) -> list[list[InlineKeyboardButton]]:
    """One button per sample question (only samples the bot knows by index, so payloads stay small)."""
    samples = SAMPLES[ui_language(lang)]
    chosen = [s for s in (suggestions or samples) if s in samples]
    return [[InlineKeyboardButton(s, callback_data=callbacks.sample(ui_language(lang), samples.index(s)))]
            for s in chosen]


def translation_blocks(translation: Translation, lang: str) -> list[str]:
    """A whole machine translation, labelled, in italics (split at sentence ends when long)."""
    pieces = split_text(translation.text, LENGTH_BUDGET - 400)
    label = esc(message("machine_translation", lang))
    return [f"<i>{label}: {esc(piece)}</i>" if i == 0 else f"<i>{esc(piece)}</i>" for i, piece in enumerate(pieces)]


def context_messages(passages: Sequence[Passage], target: str, article: ArticleRef, lang: str,
                     translation: Translation | None = None) -> list[str]:
    """A passage with its neighbours: the neighbours collapsed, the passage itself open (and under it its
    whole machine translation, when given)."""
    blocks = [f"<b>{esc(text('context', lang))}</b> · {article_html(article, lang)}"]
    previous: Passage | None = None
    for p in passages:
        blocks.extend(passage_blocks(p, lang, expand=p.id != target,
                                     speaker=previous is None or p.speaker != previous.speaker,
                                     question=previous is None or p.question != previous.question))
        if p.id == target and translation is not None:
            blocks.extend(translation_blocks(translation, lang))
        previous = p
    return pack(blocks)


def translation_messages(quote: Quote, lang: str) -> list[str]:
    """A passage on demand in another language: the speaker, the original (collapsed), its whole machine
    translation, the article."""
    assert quote.translation is not None
    name = message(f"language_{quote.translation.language}", lang)
    who = quote.speaker or quote.article.publisher
    blocks = [f"<b>{esc(who)}</b> · {esc(message('translate', lang))}: {esc(name)}"]
    pieces = split_text(quote.passage, LENGTH_BUDGET - 400)
    blocks.extend(blockquote(esc(piece), EXPANDABLE_OVER + 1) for piece in pieces)
    blocks.extend(translation_blocks(quote.translation, lang))
    blocks.append(article_html(quote.article, lang))
    return pack(blocks)


def versions_messages(passages: Sequence[tuple[Passage, ArticleRef]], lang: str) -> list[str]:
    """The same passage in other versions, each with its article."""
    blocks = [f"<b>{esc(text('versions_title', lang))}</b>"]
    for p, article in passages:
        parts = passage_blocks(p, lang)
        parts[-1] += "\n" + article_html(article, lang)
        blocks.extend(parts)
    return pack(blocks)


def list_html(articles: Iterable[ArticleRef], lang: str) -> str:
    return "\n".join(f"• {article_html(a, lang)}" for a in articles)


def help_messages(articles: Sequence[ArticleRef], lang: str, bot_username: str | None,
                  commands: Sequence[tuple[str, str]]) -> list[str]:
    """/start and /help: what the bot does, the articles with links, sample questions, commands."""
    blocks = [esc(message("intro", lang)),
              f"<b>{esc(message('sources_title', lang))}</b>\n{list_html(articles, lang)}",
              f"<b>{esc(message('samples_title', lang))}</b>\n" + "\n".join(f"• {esc(s)}" for s in SAMPLES[lang])]
    cmds = "\n".join(f"/{esc(name)} — {esc(desc)}" for name, desc in commands)
    hints = [esc(text("groups_hint", lang))]
    if bot_username:
        hints.append(esc(text("inline_hint", lang, bot=bot_username)))
        hints.append(esc(text("guest_hint", lang, bot=bot_username)))
    hints.append(esc(text("share_hint", lang)))
    hints.append(esc(text("reactions_hint", lang)))
    blocks.append(f"<b>{esc(text('commands_title', lang))}</b>\n{cmds}\n\n" + "\n".join(hints))
    return pack(blocks)


def sources_messages(articles: Sequence[ArticleRef], lang: str) -> list[str]:
    return pack([f"<b>{esc(message('sources_title', lang))}</b>", *(f"• {article_html(a, lang)}" for a in articles)],
                sep="\n")


def inline_title(quote: Quote) -> str:
    return f"{quote.speaker or quote.article.publisher} · {quote.article.title}"[:120]


def inline_description(quote: Quote) -> str:
    excerpt, cut = shorten(quote.quote, MAX_DESCRIPTION)
    return excerpt + (" …" if cut else "")
