"""Page chrome is recognised by its shape, with a reason; an interviewee's own words are never taken for it."""

from __future__ import annotations

import pytest

from bot.importer.chrome import classify, leading_caption, section_heading, trailing_chrome
from bot.importer.markup import Para, paragraphs, visible


@pytest.mark.parametrize(("text", "reason"), [
    ("责任编辑 / 马俊 版面编辑 / 黄静", "credit"), ("Foto: Kuusi Games / Presse", "credit"),
    ("Das Interview führten carsten, cookie, norman und wolf.", "credit"),
    ("This interview has been edited and condensed for clarity.", "credit"),
    ("以下为隋少龙采访正文（略有删减），采访者为程志。", "credit"),
    ("This episode is brought to you by WorkOS.", "sponsor"), ("Sponsor: Lantern Notes", "sponsor"),
    ("© 2025 Civic Signal Media. All rights reserved.", "copyright"),
    ("本文为原创内容，版权归「三联生活周刊」所有。", "copyright"),
    ("（本文首发于东岸新闻网，转载请联系授权）", "copyright"),
    ("Listen on Apple Podcasts · Spotify · Pocket Casts · RSS", "follow"), ("扫码关注申城财经观察公众号", "follow"),
    ("You have 2 free articles remaining this month.", "paywall"),
    ("Wir verwenden Cookies und ähnliche Technologien.", "cookies"),
    ("[laughter]", "marker"), ("(Intro music: Electric guitar)", "marker"), ("Interviews · Issue 58", "menu"),
    ("By Ruth Okonkwo · June 21, 2024 · 9 min read", "byline"),
])
def test_chrome_lines(text: str, reason: str) -> None:
    assert classify(text) == reason


@pytest.mark.parametrize("text", [
    "Our newsletter grew to 10,000 readers, which surprised us more than anyone.",
    "We had to become members of the association before they would even talk to us.",
    "我们的公众号最早只有三个人在做，后来才慢慢扩大团队。",
    "I'm not going to pretend it's free: it is a subsidy, and the city pays for it.",
])
def test_an_answer_about_such_things_stays_an_answer(text: str) -> None:
    assert classify(text, in_answer=True) is None


def test_captions_after_images() -> None:
    after = Para("Aino Virtanen in ihrem Studio in Tampere", after_image=True)
    assert classify(after.text, after) == "caption"
    sentence = "Ein ganz normaler Satz aus dem Interview, der weitergeht und endet."
    assert classify(sentence, Para(sentence, after_image=True)) is None
    assert leading_caption("（隋少龙在讲解技术细节）首先，我们在驾驶舱加上传感器。") == (
        "（隋少龙在讲解技术细节）", "首先，我们在驾驶舱加上传感器。")
    caption, rest = leading_caption("当地时间2024年11月6日，美国纽约的广告牌。（图｜视觉中国）这一届大选被称为最撕裂的"
                                    "一届。")
    assert caption.endswith("（图｜视觉中国）") and rest == "这一届大选被称为最撕裂的一届。"


def test_a_credit_glued_to_the_end_of_an_answer_is_cut_off() -> None:
    assert trailing_chrome("这不就出来开挖掘机了。（笑）*文章为作者独立观点，仅供参考。") == (
        "这不就出来开挖掘机了。（笑）", "文章为作者独立观点，仅供参考。")
    said = "Please come and share with us what problems you are trying to solve."
    assert trailing_chrome(said) == (said, "")


def test_chrome_sections() -> None:
    assert section_heading("Related articles") == "section" and section_heading("延伸阅读") == "section"
    assert section_heading("4 thoughts on “Ten Questions with Ines Caldera”") == "to-end"
    assert section_heading("精选留言") == "to-end" and section_heading("Why the buses went fare-free") is None


def test_markup_is_removed_and_wrapped_lines_rejoined() -> None:
    text = ('<img src="a.jpg" alt="x">\n\nZ.&nbsp;B. ein <a href="/x">Link</a> und\nein Umbruch.\n\n'
            "![](https://mmbiz.qpic.cn/a.png\n&from;=appmsg)约翰\n·霍普金斯大学\n\nTitle\n=====\n\n1. __Tell us about y"
            "ourself.__\n"
            "    I live in New York.\n\n<!--break-->\n=IMAGE=stallman.jpg=Richard=\n")
    paras = paragraphs(text)
    assert [(p.kind, visible(p.text), p.after_image) for p in paras] == [
        ("para", "Z. B. ein Link und ein Umbruch.", True), ("para", "约翰·霍普金斯大学", True),
        ("heading", "Title", False),
        ("item", "1. Tell us about yourself.", False), ("para", "I live in New York.", False)]
