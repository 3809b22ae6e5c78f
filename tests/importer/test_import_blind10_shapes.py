"""Shapes from the tenth blind round (documents written by someone who never saw the importer): a closed-
caption transcript (">>" opens each speaker's turn, the name given the first time only), a Chinese
magazine dialogue exported from a PDF (questions opened by "──", the magazine's issue as the page foot in
full-width digits, a "▲" caption), a newsletter post whose second half sits in a "paywall-content" box and
ends at a "—" line, a wiki page in Markdown (a metadata table, a fenced code block in an answer, a
breadcrumb naming the site, "See also"), a Chinese tech site ("…-36氪" in <title>, a "**推荐阅读**" paragraph
over links, the author's WeChat ID) and a German magazine whose og:title carries the kicker."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, labels, metadata, transcript
from bot.importer.markup import paragraphs
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

CAPTIONS = """<html><head><title>Why the river towns flood | Harbor Evening News</title>
<meta property="og:site_name" content="Harbor Evening News"></head><body><article>
<h1>Why the river towns flood</h1><p>Hydrologist Dr. Ines Varga explains what changed upstream.</p>
<p>&gt;&gt; HOST PAUL REDDING: Welcome back. Our guest has studied the river for thirty years.</p>
<p>&gt;&gt; DR. INES VARGA: Thank you, Paul. It is good to be here.</p>
<p>&gt;&gt; So what changed upstream?</p>
<p>&gt;&gt; The wetlands were drained for fields, so the water arrives all at once.</p>
<p>It used to take a week to reach the towns. Now it takes two days.</p>
<p>&gt;&gt; Can that be undone?</p>
<p>&gt;&gt; Partly. Some farmers are paid to flood their fields again in spring.</p>
<p>&gt;&gt; Thank you, Doctor.</p>
</article></body></html>"""


def test_caption_transcript_alternates_the_named_speakers(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "captions.html", CAPTIONS)))
    answers = answers_of(prepared)
    assert {p.speaker for p in answers} == {"Dr. Ines Varga"}
    assert [p.question for p in answers][1:] == ["So what changed upstream?", "Can that be undone?"]
    assert answers[1].text.startswith("The wetlands were drained") and "Now it takes two days." in answers[1].text
    assert prepared.cast.interviewers == ["Paul Redding"]  # "HOST" is the role the caption gives, not a name


def test_nested_quotes_in_markdown_are_no_captions() -> None:
    paras = paragraphs("> > a quoted reply\n\nSome text.\n\n>> another quote")
    assert not any(p.caption for p in paras) and paras[0].quote
    assert not labels._captioned(paragraphs(">> One.\n\n>> Two.\n\n>> Three."))  # nobody named: no transcript


DIALOGUE = """把浪聲寫進詩裡：專訪詩人葉遠山
文／林澄　攝影／許維

今年七十歲的詩人葉遠山住在海邊，我們在他家聊了一個下午，
窗外的浪聲始終沒有停過。

▲葉遠山的書桌正對著海。

──您最早是怎麼開始寫詩的？

說起來有點好笑，我最早的詩是寫在魚市場的收據
背面。那時候我根本不知道那叫做詩。
潮汐文學　２０２４年６月號　４６

──新詩集為什麼取名《退潮》？

以前漁會每年都會印潮汐表，我父親把它貼在廚房
的牆上，貼了四十年。

潮汐文學　２０２４年６月號　４７

──您現在還用手寫嗎？

還是手寫，而且只用鉛筆。
潮汐文學　２０２４年６月號　４８

──接下來有什麼計畫？

我在寫一本散文，寫測候站那二十年遇到的人。
"""


def test_dash_questions_and_full_width_page_feet(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "dialogue.txt", DIALOGUE)))
    answers = answers_of(prepared)
    assert len(answers) == 4 and {p.speaker for p in answers} == {"葉遠山"}
    assert answers[0].question == "您最早是怎麼開始寫詩的？"  # the dash opens the question, it is not part of it
    assert answers[0].text == "說起來有點好笑，我最早的詩是寫在魚市場的收據背面。那時候我根本不知道那叫做詩。"
    assert not any("２０２４" in p.text or "▲" in p.text for p in prepared.passages)
    assert prepared.article.publisher == "潮汐文學"  # the running foot names the magazine


def test_a_dash_on_every_turn_is_no_question_mark() -> None:
    lines = ["— Wie kamen Sie dazu?", "— Durch Zufall, ich suchte einen Job.", "— Und dann?",
             "— Dann blieb ich, zwanzig Jahre lang.", "— Bereuen Sie es?", "— Nie, nicht einen Tag."]
    paras = paragraphs("\n\n".join(lines))
    from bot.importer.turns import Piece, _marked_questions
    pieces = [Piece(p.text, p) for p in paras]
    assert _marked_questions(pieces) == []  # half the dashed lines ask: a dialogue, not dashed questions


def test_caption_marker_and_contact_lines() -> None:
    assert chrome.classify("▲葉遠山的書桌正對著海，桌上總是壓著一張潮汐表。") == "caption"
    assert chrome.classify("▲ 3 points to remember") is None  # a Latin list marker, no Chinese caption
    assert chrome.classify("作者微信：zhoukexin_ai（添加请注明姓名、公司、职务）") == "contact"
    assert chrome.classify("微信是我们和客户沟通最多的工具：大家都在用。") is None


SUBSTACK = """<html><head><title>The Soil Keeps Receipts - Underground</title>
<meta property="og:site_name" content="Underground"></head><body><article>
<h1>The Soil Keeps Receipts</h1><h3>A conversation with soil scientist Dr. Mara Quill</h3>
<p>Mara Quill runs the long-term plots at a field station.</p>
<p><strong>What is soil, actually?</strong></p><p>Mostly rock, broken down very slowly, and a little life.</p>
<p><strong>How did you start?</strong> Entirely by accident: I needed a summer job.</p>
<div class="paywall"><h2>This post is for paid subscribers</h2><p>Subscribe to keep reading.</p></div>
<div class="paywall-content">
<p><strong>What mistake do gardeners make?</strong></p><p>Leaving the ground bare over the winter months.</p>
<p><strong>What is in the jar behind you?</strong></p><p>A sample from my grandmother's garden.</p>
<p>I never analysed it. Some samples are not data.</p>
</div>
<p>—</p>
<p><em>The Living Floor</em> by Mara Quill is out on October 8.</p>
</article></body></html>"""


def test_text_behind_a_paywall_box_stays_and_a_dash_line_ends_the_interview(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "post.html", SUBSTACK)))
    answers = answers_of(prepared)
    assert any(p.text.startswith("Leaving the ground bare") for p in answers)  # "paywall-content": the text
    assert answers[-1].text.endswith("Some samples are not data.")  # the book note after "—" is no answer
    assert not any("paid subscribers" in p.text for p in prepared.passages)


WIKI = """[Harbour Gauges Wiki](https://wiki.gauges.example/) › [Community](https://wiki.gauges.example/Community)

# Community Interview: Della Okoro on Ten Years of Gauges

| Field | Value |
|---|---|
| Interviewee | Della Okoro |
| Interviewer | Cal Reeve |
| Date | 14 February 2024 |
| Source | https://wiki.gauges.example/Interviews/Della_Okoro |

**Table of contents**

1. [Interview](#interview)
2. [See also](#see-also)

## Interview

> **Q:** How did it start?

The harbour gauge broke and nobody could afford to fix it.

> **Q:** Is calibration hard?

You tie the sensor to a benchmark. Running the helper looks like this:

```
gauges calibrate --site north \\
  --days 7
# suggested offset: -0.41 m
```

If the correlation is below 0.99, look at the sensor: it is almost always seaweed.

> **Q:** What comes next?

Version 4, and then I step back as the lead maintainer.

## See also

- [Calibration guide](https://wiki.gauges.example/Docs/Calibration)
- [Release notes](https://wiki.gauges.example/Releases)
"""


def test_wiki_markdown_table_header_code_block_and_breadcrumb(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "wiki.md", WIKI)))
    article = prepared.article
    assert article.interviewees == ["Della Okoro"] and article.published == "2024-02-14"
    assert article.url == "https://wiki.gauges.example/Interviews/Della_Okoro"
    assert article.publisher == "Harbour Gauges Wiki"
    answers = answers_of(prepared)
    assert len(answers) == 3 and {p.speaker for p in answers} == {"Della Okoro"}
    assert "# suggested offset" in answers[1].text and answers[1].text.endswith("almost always seaweed.")
    texts = " ".join(p.text for p in prepared.passages)
    assert "Calibration guide" not in texts and "Table of contents" not in texts and "Field Value" not in texts


def test_a_table_header_needs_known_keys_and_a_source_needs_an_address() -> None:
    assert transcript._unpiped("| Date | 1 May 2024 |") == "Date: 1 May 2024"
    found, _ = transcript.header("| Interviewee | A B |\n| Interviewer | C D |\n| Source | Radio Bremen |\n\nText.")
    assert found.get("interviewee") == "A B" and "url" not in found


def test_site_names_from_a_cjk_title_and_a_kicker_left_out() -> None:
    assert metadata.split_title("对话林书远：大模型进工厂-36氪", "对话林书远：大模型进工厂")[1] == "36氪"
    assert metadata.split_title("GPT-4发布", None)[1] is None  # a hyphen inside a name splits nothing
    page = ("<html><head><title>Hallström: „Der Hering wartet nicht“ | Nordkurier</title>"
            "<meta property='og:title' content='Fischerei in der Ostsee: Hallström: „Der Hering wartet nicht“'>"
            "</head><body><h1>Hallström: „Der Hering wartet nicht“</h1></body></html>")
    assert metadata.from_html(page, None).title == "Hallström: „Der Hering wartet nicht“"


def test_a_bold_related_paragraph_over_links_is_chrome(tmp_path: Path) -> None:
    turns = "".join(f"<p><strong>智能涌现：</strong>第{i}个问题，工厂为什么需要它？</p>\n"
                    f"<p><strong>林书远：</strong>第{i}个回答。工厂里的质检一直靠人眼，一个老师傅一天要看上万张图，"
                    "看到下午眼睛就花了。</p>\n" for i in range(4))
    page = ("<html><head><title>对话林书远：大模型进工厂-36氪</title></head><body>\n<a href='/' class='logo'>"
            f"<img alt='36氪'></a>\n<article>\n<h1>对话林书远：大模型进工厂</h1>\n{turns}"
            "<p><strong>推荐阅读</strong></p>\n"
            "<p><a href='/p/1'>对话启澜创投合伙人：我们只看能交付的公司</a></p>\n"
            "<p><a href='/p/2'>具身智能融资潮背后：机器人到底卖给谁？</a></p>\n</article></body></html>")
    prepared = read_article(str(write(tmp_path, "kr.html", page)))
    assert prepared.article.publisher == "36氪"
    assert len(answers_of(prepared)) == 4
    assert not any("启澜" in p.text or "具身" in p.text for p in prepared.passages)


def test_a_line_of_tildes_opens_no_code_block() -> None:
    texts = [p.text for p in paragraphs("Title\n\n~~~~~~~~\n\nQ: One?\n\nA: Two.\n\n~~~~~~~~\n\nEnd.")]
    assert "Q: One?" in texts and "A: Two." in texts  # still paragraphs of their own, read for labels
    assert [p.text for p in paragraphs("Text\n\n```\nx = 1\n# a comment\n```\n\nAfter.")] == [
        "Text", "x = 1\n# a comment", "After."]  # a fenced block: one paragraph, no heading inside
