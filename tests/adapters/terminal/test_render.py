"""Terminal text on a TTY: wrapped to the window the way a reader of Chinese expects, Latin words and links
whole; piped output is not wrapped at all (see test_cli.py)."""

from __future__ import annotations

import io
import re

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from bot.adapters.terminal.render import print_reply
from bot.adapters.terminal.wrap import wrap
from bot.answer.answerer import answer
from bot.answer.library import Library

CLOSING = "，。、；：？！）」』”…,.;:?!)"
URL = "http://mp.weixin.qq.com/s?__biz=MzA3MzI4MjgzMw==&mid=2650931466&idx=2&sn=9f018e7ce1c337618fac58dd147fd2b1#rd"
TEXT = ("“我不想点名，但比如 Cohere，目前只销售模型。我们有一个 API，你可以通过这个 API 访问我们的模型。"
        "你看到像Meta这样的公司免费发布模型,同时也没有对开源和开放生态系统的价值进行明确说明、"
        "我们和Scale AI（一家数据公司）合作；详见「原文」：" + URL + " 以及 ChatGPT 按每个用户收费的模式。……”")

LATIN = re.compile(r"[!-~]+")  # a run of printable ASCII: a word, a number, a link


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_wrap_breaks_cjk_text_without_closing_punctuation_at_line_start() -> None:
    for width in range(10, 60):  # wider than the longest word but the link
        lines = [line.plain for line in wrap(Text(TEXT), width)]
        assert len(lines) > 1
        assert not [line for line in lines if line[0] in CLOSING], width
        assert not [line for line in lines if line[-1] in "“（「『(" or line != line.strip()], width
        assert "".join(lines).replace(" ", "") == TEXT.replace(" ", ""), width  # only spaces at breaks go
        # no Latin word or link is split: the ASCII runs line by line are the text's
        assert [w for line in lines for w in LATIN.findall(line)] == LATIN.findall(TEXT), width
        # a line is wider than the window only when it is one unbreakable piece (the link)
        for line in lines:
            assert cell_len(line) <= width or URL in line, (width, line)


def test_wrap_keeps_styles_and_fills_lines() -> None:
    text = Text(TEXT)
    start = TEXT.index("Cohere")
    text.stylize("bold", start, start + len("Cohere"))
    lines = wrap(text, 30)
    styled = [line.plain[s.start:s.end] for line in lines for s in line.spans]
    assert styled == ["Cohere"]
    assert all(cell_len(line.plain) >= 24 for line in lines[:3])  # greedy: a line is not cut early
    assert [line.plain for line in wrap(Text("a\n\nb"), 10)] == ["a", "", "b"]  # hard line breaks kept
    assert [line.plain for line in wrap(Text(""), 10)] == [""]


def test_reply_on_a_tty_is_wrapped_to_its_width(library: Library) -> None:
    reply = answer(library, "为什么只卖模型的公司日子不好过？", top_k=3)
    out = Tty()
    print_reply(reply, Console(file=out, width=50, color_system=None, highlight=False))
    lines = out.getvalue().splitlines()
    assert max(map(cell_len, lines)) > 40
    assert not [line for line in lines if line != line.rstrip()]  # no padding
    assert not [line for line in lines if line.strip()[:1] in tuple(CLOSING)]
    for q in reply.quotes:
        if q.article.url:
            assert any(q.article.url in line for line in lines)  # a link longer than the window stays whole
        assert next(line for line in lines if line.startswith(f"{q.rank}. ")).endswith(q.speaker or "")
    for line in lines:  # wrapped lines keep the quote's indentation
        assert not line or line.startswith("   ") or re.match(r"\d+\. ", line), line
