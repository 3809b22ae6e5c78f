"""A Reply as readable terminal text (rich), with matched terms highlighted."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from bot.answer.reply import ArticleRef, Quote, Reply
from bot.answer.texts import message


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


def render_quote(q: Quote, lang: str) -> Group:
    parts: list[Text | Padding] = []
    head = Text(f"{q.rank}. ", style="bold")
    head.append(q.speaker or q.article.publisher, style="bold green")
    parts.append(head)
    if q.question:
        asked = Text(f"{message('question_label', lang)}: {q.question}", style="italic dim")
        parts.append(Padding(asked, (0, 0, 0, 3)))
    parts.append(Padding(Text("“").append_text(quote_text(q)).append("”" + (" …" if q.trimmed else "")), (0, 0, 0, 3)))
    parts.append(Padding(article_line(q.article, lang), (0, 0, 0, 3)))
    if q.also_in:
        articles = {v.article.id: v.article for v in q.also_in}.values()
        titles = "; ".join(f"{a.publisher} ({a.language})" for a in articles)
        parts.append(Padding(Text(f"{message('also_in', lang)}: {titles}", style="dim"), (0, 0, 0, 3)))
    return Group(*parts)


def print_reply(reply: Reply, console: Console) -> None:
    """Print quotes one after another, or the reply's note."""
    if reply.note:
        console.print(Text(reply.note))
    for s in reply.suggestions if reply.status != "ok" else ():
        console.print(Text(f"  • {s}", style="dim"))
    for q in reply.quotes:
        console.print(render_quote(q, reply.language))
        console.print()
