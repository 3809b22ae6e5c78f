"""Shapes from the twenty-first blind round (documents written by someone who never saw the importer): a video
call's transcript saved as text (a header over WebVTT cues, one speaker's words cut into many cues, join and
leave notices, a producer's word before the start), a state paper's interview labelled "王部长：", unlabelled
bold questions addressing the guest whom only the teaser names in full, and a post with an embedded tweet."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

CUES = [("Dana Whitlock joined the meeting", ""), ("Lou Fennimore (producer): Okay, recording is on.", ""),
        ("Dana Whitlock: Welcome to Coastline Conversations. Why did the kelp disappear?", ""),
        ("Marguerite Oyelaran-Binns (she/her): Mostly trawling.", ""),
        ("Marguerite Oyelaran-Binns (she/her): By 2019 the government agreed to close 302 square kilometres.", ""),
        ("Dana Whitlock: How dense are the urchins now?", ""),
        ("Marguerite Oyelaran-Binns (she/her): In the worst spots, about 60 per square metre,", ""),
        ("Marguerite Oyelaran-Binns (she/her): which is ten times what a healthy reef carries.", ""),
        ("Lou Fennimore (producer) left the meeting", ""),
        ("Dana Whitlock: What do you need most?", ""),
        ("Marguerite Oyelaran-Binns (she/her): Divers. And patience.", "")]
CALL = ("Coastline Conversations Ep. 112 – Kelp, Urchins and the Long Way Back\n"
        "Recording date: Tue, May 21, 2024 2:02 PM (GMT+01:00) London\nDuration: 00:06:02\n"
        "Meeting ID: 843 2291 0675\nHost: Dana Whitlock\n"
        "Participants: Dana Whitlock, Lou Fennimore (producer), Marguerite Oyelaran-Binns (she/her)\n"
        "Audio transcript (auto-generated, may contain errors)\n\nWEBVTT\n\n"
        + "\n\n".join(f"{n}\n00:00:{n:02d}.100 --> 00:00:{n + 1:02d}.000\n{cue}" for n, (cue, _) in enumerate(CUES, 1))
        + "\n")


def test_a_video_calls_transcript_saved_as_text(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "call.txt", CALL)))
    article = prepared.article
    assert (article.title, article.published) == (
        "Coastline Conversations Ep. 112 – Kelp, Urchins and the Long Way Back", "2024-05-21")
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [
        ("Marguerite Oyelaran-Binns", "Mostly trawling. By 2019 the government agreed to close 302 square kilometres."),
        ("Marguerite Oyelaran-Binns",
         "In the worst spots, about 60 per square metre, which is ten times what a healthy reef carries."),
        ("Marguerite Oyelaran-Binns", "Divers. And patience.")]  # her cues as one answer each; the producer's none
    text = "\n".join(p.text for p in prepared.passages)
    assert "joined the meeting" not in text and "left the meeting" not in text and "auto-generated" not in text


STATE_PAPER = """<html><head><meta charset="utf-8">
<title>访交通运输部副部长王启航：让快递进村更顺畅--观点--人民网</title></head><body><div class="text_title">
<h1>让快递进村更顺畅</h1><h2>——访交通运输部副部长王启航</h2>
<p class="sou">2024年06月12日08:31 | 来源：人民网－人民日报</p></div><div class="rm_txt_con">
<p>【编者按】农村寄递物流是乡村振兴的重要支撑。本报记者日前专访了交通运输部副部长王启航。</p>
<p><strong>记者：</strong>目前农村快递的覆盖情况如何？</p>
<p><strong>王部长：</strong>全国已有95%的建制村实现快递服务直达。</p>
<p>浙江丽水市松阳县一处村级寄递物流综合服务站。新华社记者 徐振宇摄（资料图片）</p>
<p><strong>记者：</strong>下一步的重点是什么？</p>
<p><strong>王：</strong>重点是冷链。今年要新建产地冷藏设施1200个。</p>
<p><strong>记者：</strong>快递会涨价吗？</p><p><strong>王：</strong>不会。</p>
<p>《 人民日报 》（ 2024年06月12日 02 版）</p></div></body></html>"""


def test_a_state_papers_interview_labelled_by_surname_and_office(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "renmin.html", STATE_PAPER)))
    assert prepared.article.publisher == "人民网"  # not "人民网－人民日报"
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [("王启航", "全国已有95%的建制村实现快递服务直达。"),
                    ("王启航", "重点是冷链。今年要新建产地冷藏设施1200个。"), ("王启航", "不会。")]
    text = "\n".join(p.text for p in prepared.passages)
    assert "徐振宇摄" not in text and "02 版" not in text


ADDRESSED = """<html><head><title>„Wir leben seit Jahren vom Ersparten“ | ZEITSTROM</title>
<meta name="description" content="Die Hydrologin Henrike Vollmer-Asante erklärt, warum Brandenburg austrocknet.">
<meta property="og:site_name" content="ZEITSTROM"></head><body><article>
<h1>„Wir leben seit Jahren vom Ersparten“</h1>
<p><strong>Frau Vollmer-Asante, ist das Grundwasserproblem nach dem nassen Winter erledigt?</strong></p>
<p>Leider nein. Der Boden hat das meiste Wasser gar nicht durchgelassen.</p>
<p><strong>Wer muss zuerst verzichten?</strong></p><p>Die Landwirtschaft, fürchte ich.</p>
<p><strong>Und was tun Sie selbst?</strong></p><p>Ich gieße meinen Garten nur noch mit Regenwasser.</p>
</article></body></html>"""


def test_bold_questions_addressing_the_guest_named_in_full_only_by_the_teaser(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "zeitstrom.html", ADDRESSED)))
    assert [p.speaker for p in answers_of(prepared)] == ["Henrike Vollmer-Asante"] * 3


EMBEDDED = """<html><head><title>“We build the loop ourselves” | The Bellwether Review</title></head><body><article>
<h1>“We build the loop ourselves”</h1><p>Ingrid Solvang runs Hylla Cycle in Mo i Rana.</p>
<h4>01 / What do you take in?</h4>
<p>We take in end-of-life packs, mostly from buses and ferries.</p>
<blockquote class="twitter-tweet"><p lang="en">Toured @HyllaCycle in Mo i Rana today. Impressive.</p>
&mdash; Kari Berg (@kariberg) <a href="https://twitter.com/kariberg/status/1">March 1, 2024</a></blockquote>
<p>Last year that was 1,900 tonnes.</p>
<h4>02 / Did you turn down an offer?</h4><p>Yes. A big one.</p>
<h4>03 / Why?</h4><p>Because we would have lost the plant in Mo.</p>
</article></body></html>"""


def test_an_embedded_post_inside_an_answer_is_no_part_of_it(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "medium.html", EMBEDDED)))
    answers = answers_of(prepared)
    assert answers[0].text == ("We take in end-of-life packs, mostly from buses and ferries.\n\n"
                               "Last year that was 1,900 tonnes.")
    assert not any("Toured" in p.text or "@kariberg" in p.text for p in prepared.passages)
