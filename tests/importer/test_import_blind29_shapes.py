"""Shapes from the twenty-eighth and twenty-ninth blind rounds (documents written by someone who never saw the
importer): a Q&A site's answer holding an interview ("Q 是我，A 是郑老板"), a video call's transcript with its
notices and chat, a podcast's transcript under a quoted header, a news page's gallery and its `publishdate`,
and a radio transcript's photo caption set apart by its class."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, masthead, write

ZHIHU = """<html><head><title>县城独立书店还能活下去吗？ - 知途</title></head><body><div class="RichText">
<p>谢邀。这个问题我有点发言权。</p>
<p>我在出版发行这一行做了九年，跑了十七家独立书店。让我印象最深的，是青溪县城里一家叫「半亩书房」的店，老板叫郑晓禾，一个人撑了十三年。</p>
<p>下面是我和她的采访整理，征得了本人同意，有删节。Q 是我，A 是郑老板。</p>
<p><b>Q：半亩书房开了多少年了？</b></p>
<p>A：2011 年开的，到今年第十三年了。</p>
<p><b>Q：现在书店每个月流水大概多少？</b></p>
<p>A：好的月份八万左右，淡季四万多一点。</p>
<p><b>Q：疫情那几年是怎么过来的？</b></p>
<p>A：2020 年最难，三个月没开门，欠了供应商十一万。</p>
<p>（说到这里她停了很久。——知远注）</p>
<p>后来是老顾客们一起预存了会员卡，才撑过来。</p>
<p><b>Q：接下来有什么打算？</b></p>
<p>A：想把二楼改成一个小自习室，按月收费。</p>
<p>采访完回杭州的路上，我一直在想她说的那句话。</p>
</div></body></html>"""


def test_an_answer_that_holds_an_interview_and_says_who_the_letters_are(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "zhihu.html", ZHIHU)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [
        ("郑晓禾", "2011 年开的，到今年第十三年了。"), ("郑晓禾", "好的月份八万左右，淡季四万多一点。"),
        ("郑晓禾", "2020 年最难，三个月没开门，欠了供应商十一万。\n\n后来是老顾客们一起预存了会员卡，才撑过来。"),
        ("郑晓禾", "想把二楼改成一个小自习室，按月收费。")]  # (not "谢邀"; the writer's note and afterword are
    # no part of an answer)


CALL = """KonferenzPlus – Transkript
==========================

Meeting-Titel:      Werkstattgespräch „Hitzeschutz in der Pflege“
Datum:              18.06.2024
Meeting-ID:         845 2210 9937
Host:               Jan Weber

--------------------------------------------------

[10:00:02] Jan Weber hat das Meeting betreten
[10:00:05] Aufzeichnung wurde gestartet von Jan Weber
[10:01:30] 41 weitere Teilnehmende sind dem Meeting beigetreten
[10:02:15] Moderation (Jan Weber): Frau Köhler, wie viele Menschen sterben an Hitze?
[10:03:20] Dr. Sabine Köhler: Die ehrliche Antwort ist: Wir wissen es nicht genau.
[10:05:50] Chat von Anna M. an Alle: 31 Grad nachts kann ich bestätigen.
[10:06:10] Moderation (Jan Weber): Warum sind Heimbewohner so gefährdet?
[10:06:20] Dr. Sabine Köhler: Ältere Menschen haben weniger Durstgefühl.
[10:07:00] Dr. Sabine Köhler hat die Bildschirmfreigabe gestartet
[10:07:30] Moderation (Jan Weber): Was kostet ein Hitzeschutzplan?
[10:07:45] Dr. Sabine Köhler: Vor allem Zeit. Die Technik ist das kleinere Problem.
[10:08:00] Transkription wurde von Jan Weber pausiert
[10:49:33] Jan Weber hat das Meeting für alle beendet

--------------------------------------------------
Ende des Transkripts
Exportiert am 18.06.2024 um 11:03 mit KonferenzPlus 5.17.2 (Windows)
"""


def test_a_video_calls_notices_and_chat_are_nobodys_answer(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "call.txt", CALL)))
    assert masthead(prepared)[0] == "Werkstattgespräch „Hitzeschutz in der Pflege“"
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [("Dr. Sabine Köhler", "Die ehrliche Antwort ist: Wir wissen es nicht genau."),
                    ("Dr. Sabine Köhler", "Ältere Menschen haben weniger Durstgefühl."),
                    ("Dr. Sabine Köhler", "Vor allem Zeit. Die Technik ist das kleinere Problem.")]
    shown = " ".join(p.text for p in prepared.passages)
    assert "Meeting" not in shown and "Chat von" not in shown and "Exportiert" not in shown


def test_call_notices_are_told_from_sentences_about_meetings() -> None:
    assert chrome.classify("Chat von Lukas Brandt (Technik) an Alle: Guten Morgen!", in_answer=True) == "call notice"
    assert chrome.classify("From Ann Lee to Everyone: thanks!") == "call notice"
    assert chrome.classify("Then half the board left the meeting.", in_answer=True) is None
    assert chrome.classify("2/4 入口处的“净菜档”，下班时段排起长队。") == "caption"  # a gallery's second picture
    assert chrome.classify("24/7 erreichbar sein, das geht nicht.", in_answer=True) is None
    assert chrome.classify("1/3 of our members pay the full price.", in_answer=True) is None


PODCAST = """# 慢车道 Vol.47｜在屋顶养蜂的人

> 本期嘉宾：沈一禾，杭州城市养蜂人
> 主播：周澈、林小满
> 上线时间：2024-04-12
> 时长：58分钟

## 逐字稿

> 说明：本逐字稿由 AI 转写、志愿者校对，可能存在错漏，一切以音频为准。

[00:01:05] 周澈：欢迎一禾！你是怎么开始养蜂的？

[00:01:20] 沈一禾：我之前写了七年后端代码，医生说我得找点离开屏幕的事情做。

[00:02:40] 林小满：那第一箱蜂放在哪里？

[00:02:50] 沈一禾：就在我自己家楼顶，结果一放就放了七年。

[00:04:10] 周澈：城市里的蜂蜜和乡下的有什么不一样？

[00:04:30] 沈一禾：城市里的蜜源更杂，行道树、公园、阳台上的花都有。
"""


def test_a_podcasts_quoted_header_and_the_show_named_before_the_episode(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "vol47.md", PODCAST)))
    assert masthead(prepared)[1:] == ("慢车道", "2024-04-12")
    assert prepared.cast.interviewees == ["沈一禾"] and sorted(prepared.cast.interviewers) == ["周澈", "林小满"]
    assert not any("以音频为准" in p.text or "主播" in p.text for p in prepared.passages)


NEWS = """<html><head><title>专访｜耐盐水稻 - 华讯网</title><meta name="publishdate" content="2024-06-18" /></head>
<body><article><h1>专访｜耐盐水稻</h1><p>【记者】耐盐水稻现在种了多大面积？</p><p>【张明远】去年推广了六十万亩。</p>
<p>【记者】农民收入增加多少？</p><p>【张明远】每亩大约多挣四百元。</p><p>【记者】下一步呢？</p><p>【张明远】往盐碱更重的地方试。</p>
<div class="credit-caption"><div class="caption"><p>试验田里的耐盐水稻，摄于六月初。</p></div>
<span class="credit">王浩 摄</span></div></article></body></html>"""


def test_a_pages_publishdate_and_a_caption_set_apart_by_its_class(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "news.html", NEWS)))
    assert prepared.article.published == "2024-06-18"
    assert not any("试验田" in p.text for p in prepared.passages)


TRANSLATED = """> * 原文地址：[Interview with Larry Wall](https://example.org/larry-wall)
> * 译文出自：[开源翻译组](https://github.com/example/translations)
> * 本文永久链接：[https://github.com/example/translations/blob/master/larry-wall.md](https://github.com/example/translations/blob/master/larry-wall.md)

# 对话 Larry Wall

**LV：你的语言学背景对设计 Perl 有影响吗？**

LW：我在人们是如何使用语言上想了很多。如果你想宰了 Blerfee，最后死的可能是一头牛（LCTT 译注：杀鸡用牛刀？）。

> “在 Perl 6 中，我们试图让电脑更准确的了解我们。”

在 Perl 6 上，我们找了许多方法，使得电脑对你所说的话能更准确的理解。

**LV：为什么 Perl 6 花了15年？**

LW：这必须要非常小心地平衡。刚开始会有许多好的想法，但并不是说那些全是好的想法。

**LV：Perl 6 适合作为第一门语言吗？**

LW：我们认为将 Perl 6 作为第一门语言来学习是可行的。
"""


def test_a_translators_note_in_a_sentence_a_reworded_pull_quote_and_the_translations_own_link(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "larry.md", TRANSLATED)))
    said = [p.text for p in answers_of(prepared)]
    assert said[0] == ("我在人们是如何使用语言上想了很多。如果你想宰了 Blerfee，最后死的可能是一头牛。\n\n"
                       "在 Perl 6 上，我们找了许多方法，使得电脑对你所说的话能更准确的理解。")
    assert prepared.article.url == "https://github.com/example/translations/blob/master/larry-wall.md"
    assert prepared.article.publisher == "开源翻译组"  # (not "github": a repository's host publishes nothing)


def test_readers_responses_under_their_heading_are_left_out(tmp_path: Path) -> None:
    qa = "".join(f"<h4>{q}</h4><p>{a}</p>" for q, a in [
        ("Why a tool library?", "Because I bought a tile saw for $280 and used it for two days."),
        ("How big is the collection now?", "About 3,400 tools as of last month's inventory."),
        ("What is next?", "A second location in Hazelwood, hopefully by the fall.")])
    page = (f"<html><head><title>The tool library | Medium</title></head><body><div><div><h1>The tool library</h1>"
            f"{qa}</div><div><div><h2>Responses (12)</h2><div><p>What are your thoughts?</p></div>"
            f"<div><p><a href='/@m'>Marcelo Tinker</a></p><pre><span>We started a tool library in Dayton after reading "
            f"this.</span></pre></div></div></div></body></html>")
    prepared = read_article(str(write(tmp_path, "medium.html", page)))
    assert len(answers_of(prepared)) == 3
    assert not any("Dayton" in p.text or "thoughts" in p.text for p in prepared.passages)
