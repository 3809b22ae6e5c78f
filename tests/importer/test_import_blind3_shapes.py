"""Shapes met on a third blind set (invented names and text): `Q.`/`A.` labels, a surname label after
the full name once, initials spelled out once in the intro, the guest named only in a standfirst or a
Chinese headline, WeChat page metadata, lazy images, archive and podcast chrome."""

from __future__ import annotations

import pytest

from bot.importer.chrome import classify
from bot.importer.extract import Document, lazy_images
from bot.importer.labels import find_marks
from bot.importer.markup import paragraphs
from bot.importer.metadata import from_html
from bot.importer.names import from_teaser, from_title, people_in, same_person
from bot.importer.prepare import prepare


def _cast(body: str, title: str = "Ein Gespräch") -> dict[str, tuple[str, str]]:
    doc = Document(body, from_html(f"<html><head><title>{title}</title></head><body></body></html>", None), "markdown")
    prepared = prepare(doc, "x.md")
    return {v.label: (v.name, v.role) for v in prepared.cast.voices.values()}


def test_dotted_q_and_a_labels_when_both_recur() -> None:
    text = "\n\n".join(["**Q.** Where were you born?", "**A.** In a small town by the river.",
                       "**Q.** And then?", "**A.** Then the mill, for forty years."])
    assert [m.name for m in find_marks(paragraphs(text))] == ["Q", "A", "Q", "A"]
    lists = "\n\n".join(["A. Lincoln wrote the letter in 1862.", "A. Smith answered it."])
    assert find_marks(paragraphs(lists)) == []  # no Q: an initial or a list, not labels


def test_a_family_name_label_is_the_person_named_in_full_once() -> None:
    assert same_person("邵", "邵明远") and not same_person("问", "问题")
    body = "\n\n".join(["锐观：今年卖了多少？", "邵明远：一万台左右。", "锐观：价格呢？", "邵：降了三成。",
                        "锐观：还会降吗？", "邵：还会再降一点。" + "行业还没有洗完牌，大家比的是服务网络。" * 4])
    cast = _cast(body, "对话禾风科技邵明远")
    assert cast["邵"] == ("邵明远", "interviewee")


def test_initials_spelled_out_once_at_the_end_of_a_sentence() -> None:
    text = "For ten years that person has been Ines Marrow.\n\nI talked to her in May."
    assert "Ines Marrow" in people_in(text)
    body = "\n\n".join([text, "**PB: How did you start?**", "IM: By accident, really. It was a long story.",
                        "**PB: And now?**", "IM: Now it is my job, and I like it a lot. " * 4])
    assert _cast(body)["IM"][0] == "Ines Marrow"


def test_the_guest_named_in_a_standfirst_or_a_chinese_headline() -> None:
    lede = "Die Pegel sinken seit Jahren, sagt die Geologin Ruth Anselm im Gespräch."
    assert from_teaser(lede) == ["Ruth Anselm"]
    assert from_teaser("本報日前專訪周雅筠，談她的工作。") == ["周雅筠"]
    body = "周雅筠今年退休。周雅筠說，裁判要不怕被罵。"
    assert from_title("執法二十年的女主審周雅筠：不怕被罵", body) == ["周雅筠"]
    assert from_title("经济形势：明年会更好", "经济形势不错，经济形势很好。") == []
    page = ('<html><head><meta name="description" content="Die Pegel sinken."></head><body><h1>Wasser</h1>'
            f'<div class="summary">{lede}</div><p>Text.</p></body></html>')
    assert "Ruth Anselm" in (from_html(page, None).teaser or "")


def test_wechat_account_and_publish_time_and_a_date_element() -> None:
    page = ('<html><head><meta property="og:title" content="专访｜某人"><meta property="og:url" '
            'content="http://mp.weixin.qq.com/s?__biz=X"></head><body><h1 id="activity-name">专访｜某人</h1>'
            '<a id="js_name">山间小记</a><em id="publish_time">2024-03-02 20:15</em>'
            '<div class="rich_media_content"><p>正文。</p></div></body></html>')
    meta = from_html(page, None)
    assert (meta.publisher, meta.published) == ("山间小记", "2024-03-02")
    news = '<html><body><h1>标题</h1><span class="article-time">2024-12-05 08:41</span><p>正文</p></body></html>'
    assert from_html(news, None).published == "2024-12-05"
    event = "<html><body><h1>Panel</h1><p>16–18 October 2024 · Convention Centre</p></body></html>"
    assert from_html(event, None).published is None
    sentence = ("<html><body><h1>T</h1><p>Die geplante Fabrik von Nordwerk in der Lausitz soll jährlich viel Wasser "
                "bekommen, und das ist eine Menge.</p></body></html>")
    assert "Nordwerk" not in from_html(sentence, None).authors


def test_lazy_images_get_a_source() -> None:
    assert 'src="a.jpg"' in lazy_images('<p><img class="x" data-src="a.jpg" style="w"></p>')
    assert lazy_images('<img src="b.jpg" data-src="a.jpg">') == '<img src="b.jpg" data-src="a.jpg">'


@pytest.mark.parametrize("text", [
    "[End of Tape 1, Side A]", "[Tape 2, Side B]", "[Transcriber's note: recorded in a kitchen, radio in the back.]",
    "[End of interview]", "Tape 1 of 2. Tape 2 (MP3, 41 MB)", "Folge anhören: MP3 herunterladen (46,1 MB)",
    "3. 00:08:02 Was im Gehirn passiert", "(12:30) Why we nap",
    "Dieses Transkript wurde automatisch erstellt und kann Fehler enthalten.",
    "Transcript prepared by volunteers from the city library.", "Spotted an error in this transcript? Email us.",
    "Mit 5 € im Monat hilfst du uns, weiterzumachen.", "Permanent link: https://example.org/oh/12",
    "Oral history interview OH-12, conducted May 2, 1997, Dayton. River Valley Collection, City Library.",
    "This transcript is made available for research purposes only. " + "Permission is needed to quote it. " * 8,
    "Copyright is held by the Trustees of the college.",
    "本文来自微信公众号“某某观察”(ID:mmgc)，作者：张三，编辑：李四。",
    "【島嶼日報關心您】如遇霸凌，可撥打反霸凌專線1953尋求協助。", "每周五晚八点，和你聊一位手艺人",
])
def test_archive_podcast_and_repost_chrome(text: str) -> None:
    assert classify(text) is not None


@pytest.mark.parametrize("text", [
    "[laughs] Well, the tape recorder was always on in our house.",
    "We worked ten hours a day for 85 cents an hour, and I kept every pay slip.",
    "By 12:30 we were all out on the street, and nobody knew what would happen next.",
    "我每周五都会去窑边看一看，这是我的习惯。",
])
def test_sentences_about_the_same_things_stay(text: str) -> None:
    assert classify(text, in_answer=True) is None


def test_footnote_blocks_are_no_part_of_the_last_answer() -> None:
    from bot.importer.extract import without_notes

    page = ("<html><body><article class='post has-footnotes'><p>AB: What do you ride?</p>"
            "<p>CD: A tandem, with my neighbour.<a class='footnote-anchor' href='#fn-1'>1</a></p>"
            "<div class='footnote'><a class='footnote-number'>1</a><div class='footnote-content'><p>The neighbour "
            "is her brother-in-law.</p></div></div><div class='footnote'><div class='footnote-content'><p>A second "
            "note.</p></div></div><section class='footnotes'><ol><li>A third note.</li></ol></section></article>"
            "</body></html>")
    out = without_notes(page)
    assert "A tandem, with my neighbour." in out and "has-footnotes" in out  # the article itself stays
    assert not any(note in out for note in ("brother-in-law", "A second note", "A third note"))
    assert without_notes("<p>No notes here.</p>") == "<p>No notes here.</p>"
