"""A Reply as readable terminal text (rich), with matched terms highlighted.

Everything is printed as indented rows (`wrap.print_rows`): wrapped to the window on a terminal, one
logical line per line when piped."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from bot.adapters.terminal.wrap import Row, print_rows
from bot.answer.reply import ArticleRef, Quote, Reply
from bot.answer.texts import message

INDENT = 3  # under "1. "
HEADER_MAX = 200  # characters of a question repeated over its answer by `ask -`


def article_line(article: ArticleRef, lang: str) -> Text:
    """Title — publisher, date, and the link (or a note that the source gives none)."""
    line = Text(article.title, style="bold")
    details = ", ".join(x for x in (article.publisher, article.published) if x)
    line.append(f" — {details}")
    line.append("\n")
    if article.url:
        line.append(article.url, style=f"link {article.url} cyan")
    else:
        line.append(f"({message('no_link', lang)})", style="dim")
    return line


def quote_text(q: Quote) -> Text:
    text = Text(q.quote)
    for start, end in q.highlights:
        text.stylize("bold yellow", start, end)
    return text


def render_quote(q: Quote, lang: str) -> list[Row]:
    """The rows of one quote: rank and speaker, the interview question, the quote, the article, other versions."""
    head = Text(f"{q.rank}. ", style="bold")
    head.append(q.speaker or q.article.publisher, style="bold green")
    rows: list[Row] = [(0, head)]
    if q.question:
        rows.append((INDENT, Text(f"{message('question_label', lang)}: {q.question}", style="italic dim")))
    rows.append((INDENT, Text("“").append_text(quote_text(q)).append("”" + (" …" if q.trimmed else ""))))
    if q.translation is not None:
        label = message("machine_translation", lang)
        rows.append((INDENT, Text(f"{label}: ", style="dim italic").append(q.translation.text, style="dim italic")))
    rows.append((INDENT, article_line(q.article, lang)))
    if q.also_in:
        articles = {v.article.id: v.article for v in q.also_in}.values()
        titles = "; ".join(f"{a.publisher} ({a.language})" for a in articles)
        rows.append((INDENT, Text(f"{message('also_in', lang)}: {titles}", style="dim")))
    return rows


def print_reply(reply: Reply, console: Console) -> None:
    """Print quotes one after another, or the reply's note."""
    rows: list[Row] = []
    if reply.note:
        rows.append((0, Text(reply.note)))
    for s in reply.suggestions if reply.status != "ok" else ():
        rows.append((2, Text(f"• {s}", style="dim")))
    for q in reply.quotes:
        rows += [*render_quote(q, reply.language), (0, Text(""))]
    print_rows(console, rows)


def print_question(number: int, question: str, console: Console) -> None:
    """The header over the answer to the NUMBERth line of `ask -`: "Q3: what is cohere" (control
    characters shown as �, a very long line cut)."""
    shown = "".join(ch if ch.isprintable() else "\ufffd" for ch in question.strip())
    if len(shown) > HEADER_MAX:
        shown = shown[:HEADER_MAX] + " …"
    print_rows(console, [(0, Text(f"Q{number}: {shown}".rstrip(), style="bold"))])
