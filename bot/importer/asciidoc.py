"""An AsciiDoc document as the Markdown the importer reads: its title and header (author line, attributes) as
front matter, section titles as headings, list items ("." numbered, "*" bulleted) with their continuations ("+")
as paragraphs, constrained bold ("*Hi?*") as bold, links and images by what they show."""

from __future__ import annotations

import re

SECTION = re.compile(r"^(?P<l>={1,6})[ \t]+(?P<t>\S.*?)[ \t]*=*[ \t]*$")
ATTRIBUTE = re.compile(r"^:(?P<k>!?[\w-]+!?):[ \t]*(?P<v>.*)$")
BLOCK_ATTRIBUTES = re.compile(r"^\[(?:[\w#.%,=\" -]*)\][ \t]*$")  # "[source,java]", "[NOTE]", "[quote, Ada]"
NUMBERED = re.compile(r"^(?P<d>\.{1,5})[ \t]+(?=\S)")
BULLETED = re.compile(r"^(?P<d>\*{1,5}|-)[ \t]+(?=\S)")
BOLD = re.compile(r"(?<![\w*])\*(?=\S)(?P<t>[^*\n]+?)(?<=\S)\*(?![\w*])")
LINK = re.compile(r"(?:link:)?(?P<u>(?:https?|mailto):[^\s\[]+)\[(?P<t>[^\]\n]*)\]")
IMAGE = re.compile(r"^image::?(?P<f>[^\s\[]+)\[[^\]\n]*\][ \t]*$")
INCLUDE = re.compile(r"^include::\S*\[[^\]\n]*\]\s*$")
DELIMITER = re.compile(r"^(?:\|===|_{4,}|-{4,}|\.{4,}|={4,}|\*{4,}|\+{4,})\s*$")  # tables, quotes, listings, examples
COMMENT = re.compile(r"^//(?!/).*$|^////\n.*?^////$", re.M | re.S)
HEADER_KEYS = {"author": "author", "revdate": "date", "date": "date", "page-date": "date", "description": "description",
               "publisher": "publisher", "page-publisher": "publisher", "url": "url", "page-url": "url"}


def to_markdown(text: str) -> str:
    """The document as Markdown, its header's keys as YAML front matter."""
    import yaml

    front, body = _converted(text)
    return (f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n{body}" if front else body)


def _converted(text: str) -> tuple[dict[str, str], str]:
    """(front-matter keys from the header, the body as Markdown)."""
    lines = COMMENT.sub("", text.replace("\r\n", "\n")).split("\n")
    front: dict[str, str] = {}
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    title = SECTION.match(lines[start]) if start < len(lines) else None
    if title and len(title.group("l")) == 1:
        front["title"] = title.group("t")
        start += 1
        if start < len(lines) and lines[start].strip() and not ATTRIBUTE.match(lines[start]):
            front["author"] = re.sub(r"\s*<[^>]*>", "", lines[start]).strip()  # "Vlad Mihalcea <vlad@…>"
            start += 1
            if start < len(lines) and re.match(r"^v?\d[\w.]*,|^\d{4}-\d\d-\d\d", lines[start]):
                front["date"] = lines[start].split(",")[-1].split(":")[0].strip()  # "v1.0, 2016-10-21: …"
                start += 1
        while start < len(lines) and (m := ATTRIBUTE.match(lines[start])):
            key = HEADER_KEYS.get(m.group("k").lower())
            if key and m.group("v").strip():
                front.setdefault(key, m.group("v").strip())
            start += 1
    while start < len(lines) and (not lines[start].strip() or lines[start].strip() == "---"):
        start += 1  # (a site generator's rule under the header)
    out: list[str] = []
    for line in lines[start:]:
        if INCLUDE.match(line) or DELIMITER.match(line):
            continue  # a file's text it includes (not here), a block's fence
        if line.startswith("|"):  # a table's row: its cells as a line
            line = " · ".join(c.strip() for c in line.strip("|").split("|") if c.strip())
        if line.strip() == "+" or BLOCK_ATTRIBUTES.match(line) or ATTRIBUTE.match(line):
            out.append("")  # a list item's continuation: a paragraph of its own
            continue
        image = IMAGE.match(line)
        if image:
            out.append(f"![]({image.group('f')})")
            continue
        section = SECTION.match(line)
        if section:
            out += ["", "#" * len(section.group("l")) + " " + section.group("t"), ""]
            continue
        line = LINK.sub(lambda m: m.group("t") or m.group("u"), line)
        numbered, bulleted = NUMBERED.match(line), BULLETED.match(line)
        if numbered:
            line = "  " * (len(numbered.group("d")) - 1) + "1. " + line[numbered.end():]
        elif bulleted and bulleted.group("d") != "-":
            line = "  " * (len(bulleted.group("d")) - 1) + "- " + line[bulleted.end():]
        out.append(BOLD.sub(r"**\g<t>**", line))
    return front, "\n".join(out)
