"""The bundled articles become clean, attributed passages that are verbatim excerpts of their source."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter

import pytest

from corpus.clean import GAP_MARK, clean_blocks, mark_gaps, strip_inline
from corpus.loader import CORPUS_DIR, MANIFEST, load_bundled, parse_article
from corpus.models import Speaker
from corpus.segment import MAX_ANSWER, size

MANIFEST_DATA = json.loads(MANIFEST.read_text(encoding="utf-8"))
ARTICLE_IDS = [a["id"] for a in MANIFEST_DATA["articles"]]
JUNK = [
    "![", "](", "**", "http://", "https://", "cubox", "©", "转载", "点击关注", "公众号", "原创内容",
    "跳转到", "Founder Park Founder Park", "한어", "Русский", "THE END", "版权声明", "广告也精彩", "暂无评论",
    "Nachricht", "Videoadresse", "底层模型准备 对话戴雨森", "默认分类", "视频地址", "—完—", "本文来源",
    "投稿或寻求报道", "=====", "\\&", "\\[", "Spezifischere Inhalte",
]


def raw(article_id: str) -> str:
    meta = next(a for a in MANIFEST_DATA["articles"] if a["id"] == article_id)
    return (CORPUS_DIR / meta["file"]).read_text(encoding="utf-8")


def squash(text: str) -> str:
    """The source after markup removal, whitespace ignored (line breaks were soft wraps)."""
    lines = [re.sub(r"^\s*(?:>\s?|#{1,6}\s+|[*\-•]\s+)", "", line) for line in text.splitlines()]
    return re.sub(r"\s+", "", strip_inline("\n".join(lines)))


def by_article(article_id: str):
    return [p for p in load_bundled().passages if p.article_id == article_id]


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_every_article_yields_answers_and_narrative(article_id: str) -> None:
    passages = by_article(article_id)
    kinds = Counter(p.kind for p in passages)
    assert len(passages) >= 25
    assert kinds["answer"] >= 12
    assert kinds["narrative"] >= 3


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_no_markup_menus_or_footers_in_passages(article_id: str) -> None:
    for p in by_article(article_id):
        for junk in JUNK:
            assert junk not in p.text, (junk, p.text[:80])
        assert not re.match(r"^\s*(?:[*\-•>#]|\d+\.)\s", p.text), p.text[:40]
        assert p.text == p.text.strip() and p.text


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_passages_are_verbatim_excerpts_of_the_source(article_id: str) -> None:
    """Every passage is the source's text; the only mark added is GAP_MARK, where the source has a space
    between two Chinese characters (a word the scraper lost)."""
    article = next(a for a in load_bundled().articles if a.id == article_id)
    source = squash(raw(article_id))
    for p in by_article(article_id):
        assert p.text in article.text
        assert re.sub(r"\s+", "", p.text.replace(GAP_MARK, "")) in source, p.text[:60]
        for piece in re.findall(rf"\w{{1,4}}{re.escape(GAP_MARK)}\w{{1,4}}", p.text):
            before, after = piece.split(GAP_MARK)
            assert re.search(rf"{re.escape(before)}[ \u3000]+{re.escape(after)}", raw(article_id)), piece


def test_words_lost_in_the_source_are_marked_not_hidden() -> None:
    assert mark_gaps("而 的出现,好比") == f"而{GAP_MARK}的出现,好比"
    assert mark_gaps("GPT-3 的出现 和 Cohere") == "GPT-3 的出现[…]和 Cohere"
    assert mark_gaps("Gomez 表示 ，2023 年") == "Gomez 表示 ，2023 年"  # a space before punctuation: layout
    marked = [p for p in load_bundled().passages if GAP_MARK in p.text]
    assert marked and all(p.article_id == "xinpiceng-dai-yusen" for p in marked)


def test_passage_ids_are_unique_and_stable() -> None:
    first = [p.id for p in load_bundled().passages]
    assert len(first) == len(set(first))
    meta = MANIFEST_DATA["articles"][2]
    _, again = parse_article(meta, raw(meta["id"]))
    assert [p.id for p in again] == [p.id for p in by_article(meta["id"])]


def test_articles_links_are_only_links_the_source_gives() -> None:
    for article in load_bundled().articles:
        text = raw(article.id)
        if article.url:
            assert article.url in text
        for link in article.related_links:
            assert link["url"] in text
    urls = {a.id: a.url for a in load_bundled().articles}
    assert urls["qbitai-gomez-20vc"] is None and urls["xinpiceng-dai-yusen"] is None


def find(article_id: str, excerpt: str):
    hits = [p for p in by_article(article_id) if excerpt in p.text]
    assert len(hits) == 1, (excerpt, len(hits))
    return hits[0]


@pytest.mark.parametrize(
    ("article_id", "excerpt", "speaker", "question_part"),
    [
        ("jiqizhixin-gomez-20vc", "我在安大略省一个偏僻的地方长大", "Aidan Gomez", "安大略省"),
        ("jiqizhixin-gomez-20vc", "我们在开源领域看到的所有主要进展", "Aidan Gomez", "数据创新"),
        ("founderpark-gomez", "你和我的幻觉率都不为零", "Aidan Gomez", "幻觉率会降到零"),
        ("founderpark-gomez", "我不知道我能透露多少", "Aidan Gomez", "数十亿美元的路径"),
        ("qbitai-gomez-20vc", "课程学习在机器学习中实际上是失败的", "Aidan Gomez", "第一关"),
        ("qbitai-gomez-20vc-de", "Ich mag Spiele und ich liebe Technik", "Aidan Gomez", "Spiele gespielt"),
        ("xinpiceng-dai-yusen", "多模态肯定是个大趋势", "戴雨森", "大语言模型"),
    ],
)
def test_speakers_and_questions(article_id: str, excerpt: str, speaker: str, question_part: str) -> None:
    p = find(article_id, excerpt)
    assert p.kind == "answer"
    assert p.speaker == speaker
    assert p.question and question_part in p.question


def test_interviewer_turns_and_headings_are_not_quoted_as_answers() -> None:
    texts = [p.text for p in load_bundled().passages]
    lines = ("你喜欢打游戏是吧？", "持续为更聪明的模型砸钱到底值不值？", "Cohere 的盈利模式",
             "大模型让智能的商业成本趋近于 0")
    for line in lines:
        assert all(not t.startswith(line) for t in texts), line


def test_summary_bullets_and_narrative_have_no_speaker() -> None:
    for p in load_bundled().passages:
        if p.kind in ("bullet", "narrative"):
            assert p.speaker is None and p.question is None
    assert any(p.kind == "bullet" and "英伟达一家独大" in p.text for p in load_bundled().passages)


def test_sentences_broken_across_lines_are_rejoined() -> None:
    p = find("jiqizhixin-gomez-20vc", "艾丹・戈麦斯（Aidan Gomez）")
    assert "\n" not in p.text


def test_long_answers_split_at_sentence_boundaries() -> None:
    for p in load_bundled().passages:
        assert size(p.text) <= MAX_ANSWER, p.text[:40]
        if p.kind != "answer":
            assert len(p.text) <= 520, p.text[:40]
    split = [p for p in load_bundled().passages if p.kind == "answer"]
    assert any(p.text[-1] in "。！？.!?" for p in split)


def test_an_answer_is_one_passage_of_its_paragraphs() -> None:
    corpus = load_bundled()
    texts = {a.id: a.text for a in corpus.articles}
    answers = [p for p in corpus.passages if p.kind == "answer"]
    assert sum("\n\n" in p.text for p in answers) >= 40  # many answers have several paragraphs
    for p, q in itertools.pairwise(answers):
        assert p.text in texts[p.article_id]  # paragraphs joined as the article has them
        if (p.article_id, p.turn, p.section) == (q.article_id, q.turn, q.section):  # an answer cut in two:
            first = q.text.split("\n\n")[0]  # only where the next paragraph would not have fitted
            assert size(p.text) + 2 + size(first) > MAX_ANSWER or size(first) > MAX_ANSWER


def test_translations_are_linked() -> None:
    corpus = load_bundled()
    by_id = {p.id: p for p in corpus.passages}
    de = find("qbitai-gomez-20vc-de", "Lehrplanlernen beim maschinellen Lernen")
    linked = {by_id[v].article_id for v in de.versions}
    assert {"qbitai-gomez-20vc", "jiqizhixin-gomez-20vc"} <= linked
    zh = find("qbitai-gomez-20vc", "课程学习在机器学习中实际上是失败的")
    assert de.id in zh.versions
    assert all(by_id[v].article_id != "xinpiceng-dai-yusen" for p in corpus.passages for v in p.versions)


def test_cleaner_handles_labels_split_by_markup() -> None:
    speakers = [Speaker("Aidan Gomez", "Aidan Gomez", "interviewee"), Speaker("采访者", "采访者", "interviewer")]
    blocks = clean_blocks(
        "**采访者：你好吗？**\n\n**Aidan Go** **mez** ：很好。\n\n![](http://x/y.png)\n\n[更多](http://x)\n",
        speakers=speakers,
    )
    assert [(b.speaker.role if b.speaker else None, b.text) for b in blocks] == [
        ("interviewer", "你好吗？"),
        ("interviewee", "很好。"),
    ]
