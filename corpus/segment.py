"""Speaker turns -> attributed passages, each remembering the interview question it answers.

A passage is one whole answer: the paragraphs of one interviewee turn are joined (a blank line
between, as in the article) up to MAX_ANSWER, so the answer to a question is found and shown whole,
not as the one paragraph that happens to repeat the question's words. Editors' narrative and bullets
stay one paragraph each.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from corpus.clean import HAN, SENTENCE_END, Block
from corpus.models import Passage, Speaker

MAX_PASSAGE = 420  # characters; longer narrative paragraphs (and answers over MAX_ANSWER) are split at sentence ends
TARGET_PASSAGE = 260
PARAGRAPH_BREAK = "\n\n"  # between the paragraphs of a whole-answer passage, as in the article text
MAX_ANSWER = 1800  # size of a whole-answer passage (a Han character counts 2: ~900 Chinese, ~1800 German)
# a full stop after these ends no sentence: a title before a name ("Dr. Marlene Oberhäuser"), an initial ("J. R."),
# "z. B.", "ca.", "Nr."
NOT_AN_END = "".join(rf"(?<!\b{a})" for a in ("Dr", "Prof", "Mr", "Mrs", "Ms", "Mx", "St", "Jr", "Sr", "Nr", "ca",
                                               "vgl", "bzw", "usw", "Hr", "Fr", "vs", "Abs", "Abb", "Bd", "Str"))
SENTENCE = re.compile(rf".+?(?:[。！？!?…]+[」”’\"')）]*|(?<!\b[A-HJ-Za-zÄÖÜäöü]){NOT_AN_END}[.;；](?=\s|$)[\"'”’)）]*"
                      r"|$)", re.S)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries of a paragraph as (start, end) offsets; whitespace stays outside."""
    spans = []
    for m in SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def split_long(text: str) -> list[str]:
    """Split a long paragraph into contiguous, sentence-aligned chunks near TARGET_PASSAGE chars."""
    if len(text) <= MAX_PASSAGE:
        return [text]
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for s, e in sentence_spans(text):
        start = s if start is None else start
        end = e
        if e - start >= TARGET_PASSAGE:
            spans.append((start, e))
            start = None
    if start is not None:
        if spans and end - start < 80:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [text[s:e] for s, e in spans] or [text]


def size(text: str) -> int:
    """Length with Han characters counted twice (a Chinese character carries about two Latin ones)."""
    return len(text) + len(HAN.findall(text))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a passage (the inverse of how segment() joins an answer)."""
    spans, start = [], 0
    while (cut := text.find(PARAGRAPH_BREAK, start)) >= 0:
        spans.append((start, cut))
        start = cut + len(PARAGRAPH_BREAK)
    spans.append((start, len(text)))
    return spans


def passage_id(article_id: str, text: str, n: int) -> str:
    """A stable id: the article and a hash of the text (and its occurrence number)."""
    digest = hashlib.sha1(f"{text}\x00{n}".encode()).hexdigest()[:8]
    return f"{article_id}:{digest}"


CAPTION_KEPT = 25  # an image caption this long says something (who is in the photo, a ranking): a passage


def _is_caption(block: Block) -> bool:
    """A short unpunctuated line right after an image that names nothing worth quoting ("01", "Photo: the lab")."""
    return block.after_image and len(block.text) < CAPTION_KEPT and not SENTENCE_END.search(block.text)


def _looks_like_heading(block: Block, nxt: Block | None) -> bool:
    """A short unpunctuated line before an interviewer's question, or a whole-bold short line."""
    text = block.text
    limit = 60 if re.search(r"[\u4e00-\u9fff]", text) else 130
    before_question = nxt is not None and nxt.speaker is not None and nxt.speaker.role == "interviewer"
    if len(text) > limit or block.speaker:
        return False
    if block.bold and len(text) <= 40 and (before_question or not SENTENCE_END.search(text)):
        return True
    return before_question and not SENTENCE_END.search(text)


def _mislabelled_answer(blocks: list[Block], i: int, answerer: Speaker | None) -> bool:
    """An interviewer's line right after the interviewer's own question that asks nothing, and is not
    followed by the interviewee's turn, is the interviewee's answer under the wrong label (斯特宾斯：为什么…？
    / 斯特宾斯：这完全取决于模型的质量。 / 斯特宾斯：下一个问题？). A remark of the interviewer's before
    the interviewee speaks stays theirs."""
    previous = blocks[i - 1] if i else None
    if (answerer is None or previous is None or previous.speaker is None or previous.speaker.role != "interviewer"
            or not previous.text.rstrip().endswith(("？", "?")) or re.search(r"[？?]", blocks[i].text)):
        return False
    nxt = next((b.speaker for b in blocks[i + 1:] if b.speaker is not None), None)
    return nxt is None or nxt.role != "interviewee"


def segment(article_id: str, blocks: list[Block]) -> Iterator[Passage]:
    """Walk the blocks and yield passages with speaker, question and section."""
    speaker = None
    answerer: Speaker | None = None  # the interviewee who answered last
    question: str | None = None
    section: str | None = None
    turn = -1
    pending: list[Passage] = []
    last_block = -2  # the block that ended the last passage: only an adjacent paragraph may join it
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if _is_caption(block):
            continue
        if block.kind == "heading" or (block.kind == "para" and _looks_like_heading(block, nxt)):
            section, speaker = block.text, None
            continue
        if block.speaker is not None:
            speaker = block.speaker
            if speaker.role == "interviewer" and answerer is not None and _mislabelled_answer(blocks, i, answerer):
                speaker = answerer  # the source gave the interviewer's label to the answer of their question
            if speaker.role == "interviewer":
                question = block.text
                continue
            answerer = speaker
            turn += 1
        elif speaker is not None and speaker.role == "interviewer":
            if block.bold or block.text.endswith(("？", "?")):
                question = f"{question}\n{block.text}" if question else block.text
                continue
            speaker = None  # the interview paused for narrative
        if block.kind == "bullet":
            kind, who, q = "bullet", None, None
        elif speaker is not None and speaker.role == "interviewee":
            kind, who, q = "answer", speaker.name, question
        else:
            kind, who, q = "narrative", None, None
        whole = kind == "answer" and size(block.text) <= MAX_ANSWER
        for chunk in [block.text] if whole else split_long(block.text):
            last = pending[-1] if pending else None
            if (whole and last is not None and last_block == i - 1 and last.kind == "answer" and last.turn == turn
                    and last.section == section and size(last.text + PARAGRAPH_BREAK + chunk) <= MAX_ANSWER):
                last.text += PARAGRAPH_BREAK + chunk  # the next paragraph of the same answer, as the article has it
                last_block = i
                continue
            last_block = i
            pending.append(Passage(id="", article_id=article_id, seq=len(pending), text=chunk, kind=kind,
                                   speaker=who, question=q, section=section,
                                   turn=turn if kind == "answer" else None))
    seen: dict[str, int] = {}
    for p in pending:
        n = seen.get(p.text, 0)
        seen[p.text] = n + 1
        p.id = passage_id(article_id, p.text, n)
        yield p
