"""Shapes from the twenty-fourth blind round (documents written by someone who never saw the importer): a video
interview's .srt subtitles (speakers named in brackets once, a dash for each change after that, the channel over
the title in the first cue), a Google Docs page published to the web (names in bold by a style class on lines of
their own, the Title-style paragraph, a record table, a citation line), a podcast app's transcript export (its
header of fields, "主持人小满：" then "小满：", an ad break, show notes under 【…】), a club's post whose answer
mentions data protection, and a university's page whose logo shortens its name."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, masthead, write

SUBTITLES = "\r\n".join([
    "1", "00:00:00,000 --> 00:00:04,000", "WISSEN KOMPAKT", "Wozu träumen wir? – Interview mit Dr. Ole Brandt", "",
    "2", "00:00:04,100 --> 00:00:07,000", "[Moderator] Willkommen bei Wissen kompakt.", "",
    "3", "00:00:07,100 --> 00:00:10,000", "Herr Brandt, wozu träumen wir?", "",
    "4", "00:00:10,100 --> 00:00:14,000", "- [Dr. Ole Brandt] Das weiß niemand genau,", "aber wir haben Hinweise.", "",
    "5", "00:00:14,100 --> 00:00:18,000", "Träume sortieren, was wir am Tag erlebt haben.", "",
    "6", "00:00:18,100 --> 00:00:21,000", "EINBLENDUNG: Dr. Ole Brandt, Schlafforscher", "",
    "7", "00:00:21,100 --> 00:00:24,000", "- Träumen alle Menschen?", "- Ja.", "",
    "8", "00:00:24,100 --> 00:00:28,000", "- Auch wer sich nie erinnert?", "- Auch der. [lacht]", "",
    "9", "00:00:28,100 --> 00:00:31,000", "- Danke, Herr Brandt.", "",
])


def test_subtitles_that_name_two_speakers_in_brackets_then_mark_each_change_with_a_dash(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "traeume.srt", SUBTITLES)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert {who for who, _ in said} == {"Dr. Ole Brandt"}
    texts = [t for _, t in said]
    assert texts[0].startswith("Das weiß niemand genau, aber wir haben Hinweise.")
    assert "Träume sortieren" in texts[0] and "EINBLENDUNG" not in " ".join(texts)  # an on-screen caption
    assert "Ja." in texts and any(t.startswith("Auch der.") for t in texts)  # a dash: the other one speaks
    assert not any("Träumen alle Menschen" in t or "Auch wer sich" in t for t in texts)  # the host's questions
    title, publisher, _ = masthead(prepared)
    assert (title, publisher) == ("Wozu träumen wir? – Interview mit Dr. Ole Brandt", "Wissen kompakt")  # (as said)


DOCS_PAGE = """<html><head><title>Meyer_Anna_OH_2022 (FINAL)</title>
<style type="text/css">.c3{padding-top:12pt}.c7{color:#000000;font-weight:700;font-size:11pt}.c1{font-size:11pt}
.title{font-size:26pt}</style></head><body><div class="doc-content">
<div><p class="c6"><span class="c4">Elm County Historical Society · Voices of Elm County</span></p></div>
<p class="c2 title"><span class="c15">Oral History Interview with Anna Meyer</span></p>
<table><tr><td><p>Narrator</p></td><td><p>Anna Meyer (b. 1941)</p></td></tr>
<tr><td><p>Interviewer</p></td><td><p>Sam Ortiz</p></td></tr>
<tr><td><p>Date of interview</p></td><td><p>May 2, 2022</p></td></tr>
<tr><td><p>Place</p></td><td><p>Elm Falls, Ohio</p></td></tr></table>
<p class="c3"><span class="c7">Sam Ortiz</span></p><p class="c2"><span class="c1">Where did you grow up?</span></p>
<p class="c3"><span class="c7">Anna Meyer</span></p>
<p class="c2"><span class="c1">On a dairy farm outside Elm Falls.</span></p>
<p class="c3"><span class="c7">Ortiz</span></p><p class="c2"><span class="c1">What did you do after school?</span></p>
<p class="c3"><span class="c7">Meyer</span></p>
<p class="c2"><span class="c1">I drove the milk truck for my father.</span></p>
<p class="c3"><span class="c7">Tom Meyer</span></p>
<p class="c2"><span class="c1">She still drives it in her dreams.</span></p>
<p class="c3"><span class="c7">Meyer</span></p><p class="c2"><span class="c1">That is true, Tom.</span></p>
<p class="c3"><span class="c7">Ortiz</span></p><p class="c2"><span class="c1">And the creamery?</span></p>
<p class="c3"><span class="c7">Meyer</span></p><p class="c2"><span class="c1">It closed in 1979, and I cried.</span></p>
<p class="c2"><span class="c1">For research use. Please cite as: Meyer, Anna. Interview by Sam Ortiz,
May 2, 2022.</span></p>
</div></body></html>"""


def test_a_google_docs_page_with_names_in_bold_by_a_style_class(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "meyer.html", DOCS_PAGE)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert ("Anna Meyer", "I drove the milk truck for my father.") in said  # "Meyer": Anna Meyer, named in full
    assert ("Tom Meyer", "She still drives it in her dreams.") in said  # heard once: his own voice
    assert ("Anna Meyer", "It closed in 1979, and I cried.") in said
    assert not any("What did you do" in t for _, t in said)
    title, publisher, _ = masthead(prepared)
    assert (title, publisher) == ("Oral History Interview with Anna Meyer", "Elm County Historical Society")
    everything = " ".join(p.text for p in prepared.passages)
    for chrome in ("Date of interview", "Narrator", "Please cite as"):  # the record's table, the citation
        assert chrome not in everything


EXPORT = """慢慢聊 | EP12 在城里种菜的人：和周禾聊阳台上的三十种蔬菜
节目：慢慢聊
发布时间：2024-04-02
时长：00:48:10
收听地址：https://podcasts.example/episode/12
------------------------------------------------------------

【节目简介】
这一期我们请来了在阳台上种了三十种蔬菜的周禾。

【时间轴】
00:01:05 开场
00:20:10 广告时间
00:22:00 阳台能种什么

【BGM】
片头：《Morning》- 小河乐队

【互动】
欢迎在评论区聊聊：你在阳台上种过什么？
商务合作：hello@manmanliao.example

==================== 文字稿 ====================

主持人小溪：欢迎收听《慢慢聊》，我是小溪。周禾你好，你为什么开始在阳台种菜？
嘉宾 周禾：因为疫情那年买不到菜，我就在阳台撒了一把小白菜籽。
小溪：第一年收成怎么样？
周禾：很差，一半都被虫吃了。
—— 广告时间 ——
小溪：本期节目由「绿芽种子」支持播出，输入口令“MANMAN”立减十元。
—— 广告结束 ——
小溪：现在你种了多少种？
周禾：三十种，番茄最好种。
"""


def test_a_podcast_apps_transcript_export(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "ep12.txt", EXPORT)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert [who for who, _ in said] == ["周禾"] * 3  # "嘉宾 周禾：" and "周禾：": one guest
    voices = {v.label: v.role for v in prepared.cast.voices.values()}
    assert "广告时间" not in voices and voices.get("小溪") == "interviewer"  # "主持人小溪：" and "小溪：": one host
    assert masthead(prepared) == ("在城里种菜的人：和周禾聊阳台上的三十种蔬菜", "慢慢聊", "2024-04-02")
    assert prepared.article.url == "https://podcasts.example/episode/12"
    everything = " ".join(p.text for p in prepared.passages)
    for chrome in ("片头", "欢迎在评论区", "商务合作", "00:20:10"):  # the show notes' music, calls, timeline
        assert chrome not in everything


CLUB = """<html><head><title>50 Jahre am Steg – Interview mit Hanne Roth | RC Weser</title>
<meta property="og:site_name" content="RC Weser"></head><body><article>
<h1>50 Jahre am Steg – Interview mit Hanne Roth</h1>
<p>F: Hanne, was hat sich im Jugendtraining verändert?</p>
<p>A: Die Kinder sind nicht anders, aber die Eltern.</p>
<p>Und natürlich die Bürokratie. Führungszeugnis, Datenschutz, Schwimmnachweis
– ich sitze länger am Schreibtisch als im Boot.</p>
<p>F: Danke, Hanne!</p>
<p>A: Ich danke dir.</p>
<p><em>Das Gespräch führte Jonas Peters.</em> Der Ruderclub gratuliert Hanne herzlich zum Jubiläum!</p>
</article></body></html>"""


def test_an_answer_may_mention_data_protection_and_a_credit_ends_the_interview(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "club.html", CLUB)))
    texts = [p.text for p in answers_of(prepared)]
    assert any("Datenschutz, Schwimmnachweis" in t for t in texts)  # an answer's words, no cookie banner
    assert not any("Das Gespräch führte" in t or "gratuliert" in t for t in texts)


UNIVERSITY = """<html><head><title>Q&amp;A: Ada Lin on peat | Calder Today | Calder University</title>
<link rel="canonical" href="https://today.calder.example/news/qa-ada-lin"></head><body>
<header><a href="/" class="logo"><img src="/logo.svg" alt="Calder"></a></header><article>
<h1>Q&amp;A: Ada Lin on peat</h1>
<h4>Why study peat?</h4><div class="answer"><p>Because it holds more carbon than all the world's forests together,
and when it dries out, that carbon goes into the air within a few summers.</p></div>
<h4>What is next?</h4><div class="answer"><p>A survey of twelve bogs in the uplands, with students from three
departments and a drone that maps how wet the surface is every week.</p></div>
<h4>Any advice for students?</h4><div class="answer"><p>Wear boots, and ask the farmers first: they know where the
ground gives way long before any map does.</p></div>
</article></body></html>"""


def test_a_university_site_named_in_full(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "qa.html", UNIVERSITY)))
    assert prepared.article.publisher == "Calder University"  # not the logo's "Calder"
