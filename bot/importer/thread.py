"""A forum thread in which one guest answers other people's questions ("I'm a volcanologist, ask me anything"):
the guest's post, then each comment the guest replied to and the guest's reply, as Q and A turns.

A page is such a thread when the author of its post (of the users linked outside the comments, the one who
replies most to others: a sidebar may list its moderators first) wrote at
least MIN_REPLIES replies to other people's comments, and these say more than twice as much as the post
(an article whose author answers a few comments under it is still read as an article, and so is a page
whose post the reader cannot tell apart). Comments are the elements whose class names a comment
("th-comment", "comment", "Comment-item"); each one's author is its first user link and its words are its
own text element, without the comments nested in it. Comments the guest never answered, the moderators'
notes and the buttons, votes and awards around them are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

COMMENT = re.compile(r"(?:^|[-_])comment(?:$|[-_](?:item|node|container|thread|wrapper|root))", re.I)
BODY = re.compile(r"(?:^|[-_])(?:md|body|text|content|usertext|message)(?:$|[-_])", re.I)
USER_LINK = re.compile(r"/(?:user|users|u|profile|member|members|author)/(?P<u>[^/?#]+)/?$", re.I)
MIN_REPLIES = 3  # the guest's replies to others that make a page an answered thread


@dataclass
class Comment:
    author: str
    paragraphs: list[str]
    parent: Comment | None = None


def class_tokens(el: Any) -> list[str]:
    """A page element's class names and id."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".split()


def _is_comment(el: Any) -> bool:
    return any(COMMENT.search(t) for t in class_tokens(el))


def _author(el: Any) -> str | None:
    """The first user link of an element, not looking into the comments nested in it."""
    for a in el.iter("a"):
        if a is not el and _inside_other_comment(a, el):
            continue
        m = USER_LINK.search(a.get("href") or "")
        if m:
            return m.group("u")
    return None


def _inside_other_comment(node: Any, comment: Any) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not comment:
        if _is_comment(parent):
            return True
        parent = parent.getparent()
    return False


def _paragraphs(body: Any) -> list[str]:
    """A text element's paragraphs as Markdown lines: paragraphs, list items, quotes."""
    out: list[str] = []
    blocks = [el for el in body.iter("p", "li", "blockquote", "pre") if el is not body]
    if not blocks:
        text = re.sub(r"\s+", " ", body.text_content()).strip()
        return [text] if text else []
    for el in blocks:
        if any(anc in blocks for anc in el.iterancestors()):
            continue  # a paragraph inside a quote or a list item is read with it
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if not text:
            continue
        out.append(("- " if el.tag == "li" else "> " if el.tag == "blockquote" else "") + text)
    return out


def _body(el: Any) -> Any | None:
    """A comment's own text element (the first whose class names a body, outside nested comments)."""
    for child in el.iter():
        if child is el or _inside_other_comment(child, el) or _is_comment(child):
            continue
        if any(BODY.search(t) for t in class_tokens(child)):
            return child
    return None


DELETED = "\ue000deleted"  # (no user name has this)
GONE = re.compile(r"\[(?:deleted|removed|gelöscht|entfernt|已删除|已刪除)\]", re.I)


def _deleted(el: Any) -> str | None:
    """What a deleted comment shows in its place ("[deleted]"), not looking into the comments nested in it."""
    for node in el.iter():
        if node is not el and (_is_comment(node) or _inside_other_comment(node, el)):
            continue
        found = GONE.search(node.text or "")
        if found:
            return found.group(0)
    return None


def read(html: str) -> tuple[str, str] | None:
    """(Markdown text of Q and A turns, the guest's user name) of an answered thread, else None."""
    if not re.search(r"""class\s*=\s*["'][^"']*comment""", html, re.I):
        return None
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    elements = [el for el in tree.iter() if isinstance(el.tag, str) and _is_comment(el)]
    outer = [el for el in elements if not any(_is_comment(a) for a in el.iterancestors())]
    if not outer:
        return None
    linked = [m.group("u") for a in tree.iter("a") if not any(_is_comment(x) for x in a.iterancestors())
              and (m := USER_LINK.search(a.get("href") or ""))]  # the post's author, the sidebar's moderators …
    comments: dict[Any, Comment] = {}
    for el in elements:
        author, body = _author(el), _body(el)
        parent_el = next((a for a in el.iterancestors() if a in comments), None)
        if author is None or body is None:  # a deleted comment: no one's words, but the replies under it answer it
            gone = _deleted(el)  # (a wrapper around comments is none: the replies keep the question above them)
            if gone:
                comments[el] = Comment(DELETED, [gone], comments.get(parent_el))
            continue
        comments[el] = Comment(author, _paragraphs(body), comments.get(parent_el))
    replies = Counter(c.author for c in comments.values() if c.parent is not None and c.parent.author != c.author)
    guest = max(dict.fromkeys(linked), key=lambda u: replies[u], default=None)  # of them, who answers others most
    answers = [c for c in comments.values() if c.author == guest and c.parent is not None and c.parent.author != guest]
    if guest is None or len(answers) < MIN_REPLIES:
        return None
    post = _post_text(tree, guest)
    if not post or sum(map(len, post)) * 2 > sum(len(p) for c in answers for p in c.paragraphs):
        return None  # a post that is itself the interview, its author answering some comments under it
    lines = [*post]
    asked: set[int] = set()
    for c in comments.values():
        if c not in answers or not c.paragraphs:
            continue
        question = c.parent
        if question is not None and id(question) not in asked and question.paragraphs:
            asked.add(id(question))
            lines.append("**Q:** " + question.paragraphs[0])
            lines += question.paragraphs[1:]
        lines.append("**A:** " + c.paragraphs[0])
        lines += c.paragraphs[1:]
    return "\n\n".join(lines), guest


def _post_text(tree: Any, guest: str) -> list[str]:
    """The guest's own post above the comments (their introduction), as paragraphs."""
    for el in tree.iter("article", "div", "section"):
        if _is_comment(el) or any(_is_comment(a) for a in el.iterancestors()):
            continue
        if _author(el) != guest or any(_is_comment(d) for d in el.iter() if d is not el):
            continue
        body = _body(el)
        if body is not None:
            return _paragraphs(body)
    return []


# a post's head in a thread saved as text: "**moderator_kai** — 3. April 2025, 19:04", "@anna_b - May 3, 2024"
POST_HEAD = re.compile(r"^[ \t]*(?:\*\*|__)?@?(?P<u>[\w.-]{2,30})(?:\*\*|__)?[ \t]+[—–-][ \t]+"
                       r"(?P<d>[^\n]{0,30}?\d{4}[^\n]{0,14}?)[ \t]*$", re.M)
MIN_POSTS = 2


def first_post(text: str) -> tuple[str, str | None]:
    """A thread saved as text (two posts' heads at least): (the text up to its first post's end, the first
    post's time as written), the head line left out; the replies after it are other people's comments.
    Else (text, None)."""
    heads = [m for m in POST_HEAD.finditer(text) if re.search(r"[^\W\d_]", m.group("d"))
             or re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", m.group("d"))]
    if len(heads) < MIN_POSTS or len({m.group("u") for m in heads}) < 2:
        return text, None
    first, second = heads[0], heads[1]
    return text[:first.start()] + text[first.end():second.start()], first.group("d")
