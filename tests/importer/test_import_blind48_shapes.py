"""Shapes from the forty-eighth round (six real interviews kept as Markdown or text in public repositories: a feed
archive's Chinese reposts with their HTML inside, a family's oral-history transcript in Pandoc Markdown, a
university seminar page, a painter's Hugo post, a podcast transcript; tried before any rule was written for them, the
documents are not kept here): front matter after a blank line; a publication in 《》 as the one who asks; photo
captions closed by a news agency's credit or by the thing they show named again in brackets; a repost's "【原文刊於
…】" line and the list of the account's other articles under it; a guest labelled by the nickname the intro gives
("陶建容（花名风天）") and the reporter's first question greeting him; a site's address on its own line; Pandoc's
inline footnotes inside the answers."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

REPOST = "\n---\ntitle: '117 _ 「烏克蘭早已成為戰爭的發源地」：明鏡週刊對話兩位作家'\nauthor: Matters\n" \
         "date: Tue, 01 Mar 2022 08:51:10 GMT\n---\n\n" + "".join([
             '<div><figure class="image"><img src="https://assets.example/a.jpeg"><figcaption><span>',
             "兩位作家穆勒（左）與亞歷塞維奇。（圖：維基百科）</span></figcaption></figure>",
             "<p>德國《明鏡》週刊專訪兩位女性作家：赫塔·穆勒及亞歷塞維奇，請她們談談對戰爭的看法。</p>",
             "<h2>「烏克蘭早已成為戰爭的發源地」</h2><p>《明鏡》：妳們認為俄羅斯會入侵烏克蘭嗎？</p>",
             "<p>亞歷塞維奇：我不是政治人物，但我的母親是烏克蘭人。</p>",
             "<p>穆勒：沒有普京，就不會有分離主義者，他已經把烏克蘭切得支離破碎。</p>",
             '<figure class="image"><img src="https://assets.example/b.jpeg"><figcaption><span>',
             "一名烏克蘭男子，安慰著4歲女兒（美聯社）</span></figcaption></figure>",
             "<p>《明鏡》：妳們想到可能的入侵行動時，有什麼感受？</p><p>穆勒：恐懼、絕望、無助。</p>",
             "<p>《明鏡》：將普京稱為獨裁者是否正確？</p><p>穆勒：他不是獨裁者，還能是什麼？</p>",
             "<p>亞歷塞維奇：不是所有的事情都可以用普京解釋。</p><p>《明鏡》：妳認為自己會在流亡中度過餘生嗎？</p>",
             "<p>亞歷塞維奇：不，我想住在祖國。我們都將能返回祖國。</p>",
             '<p>【原文刊於<a href="https://www.example.world/article/4206080">《世界走走》：「烏克蘭早已成為戰爭的發源地」',
             "</a>】</p><hr>",
             '<p>1.<a href="https://matters.example/1">長榮海運29年前另一樁海上意外</a></p><p>…</p>',
             '<p>100.<a href="https://matters.example/100"> 女性賦權時代的反英雄：從「女版賈伯斯」到「女巫」？</a></p>',
             '<p>101.<a href="https://matters.example/101">一個異男女性主義者的婚姻自白</a></p>',
             '<p>102.<a href="https://matters.example/102">華燈初上後的台北街頭</a></p></div>\n'])


def test_a_repost_with_its_front_matter_after_a_blank_line_and_the_outlet_asking(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "repost.md", REPOST)))
    title = "117 _ 「烏克蘭早已成為戰爭的發源地」：明鏡週刊對話兩位作家"
    assert prepared.article.title == title  # (not the file's name)
    assert prepared.article.published == "2022-03-01"
    answers = answers_of(prepared)
    her = "穆勒"  # (the label as it is: a family name the intro also gives a father or a son would be another's)
    assert [p.speaker for p in answers] == ["亞歷塞維奇", her, her, her, "亞歷塞維奇", "亞歷塞維奇"]
    assert answers[1].text == "沒有普京，就不會有分離主義者，他已經把烏克蘭切得支離破碎。"  # (no caption after it)
    assert answers[-1].text == "不，我想住在祖國。我們都將能返回祖國。"  # (nor the source line and the list)
    assert prepared.cast.interviewers == ["《明鏡》"]
    told = " ".join(p.text for p in prepared.passages)
    assert "美聯社" not in told and "長榮海運" not in told and "原文刊於" not in told and "女性賦權" not in told


def test_source_lines_and_agency_credits() -> None:
    assert chrome.classify("Dieser Beitrag erschien zuerst auf Telepolis.") == "source"
    assert chrome.classify("This interview was originally published in The Guardian.") == "source"
    assert chrome.classify("Der Text erschien zuerst im Merkur, später als Buch.", in_answer=True) is None
    assert chrome.classify("【原文刊於《世界走走》：「烏克蘭早已成為戰爭的發源地」】", in_answer=True) == "copyright"
    assert chrome.is_caption("2022年2月1日，普京對烏克蘭情勢發表談話（AP）")
    assert not chrome.is_caption("The boy on the tank in 1986. It was everywhere, credited to the agency (Reuters)")
    assert not chrome.is_caption("他叫我明年再来（他已经八十岁了）")


NICKNAME = """---
title: '伏羲GDC分享：AI反外挂的实践经验'
date: Tue, 27 Jul 2021 00:00:00 GMT
---

在游戏开发者大会上，来自伏羲实验室的陶建容（花名风天）分享了实践经验。<br>
<br>
<div align="center"><img src="https://x.cn/1.jpg"></div><div align="center"><font size="2"><font color="#808080">\
全球游戏开发者大会（Game Developers Conference）</font></font></div><br>
记者：风天老师，您好，请您先简单介绍下您演讲的这部分内容？<br>
<br>
风天：你好，今年是我第二次在GDC演讲，主题是用AI对抗外挂。<br>
<br>
记者：AI反外挂和传统反外挂有什么区别？<br>
<br>
风天：我们采集玩家在游戏中的行为数据，让AI去挖掘外挂和真人之间的差异。<br>
<br>
<div align="center"><img src="https://x.cn/2.jpg"></div><div align="center"><font size="2"><font color="#808080">\
玩家行为序列对比图（Bot vs Human）</font></font></div><br>
基于这样的数据观察，我们把玩家行为表征成向量，再做聚类。<br>
<br>
记者：接入需要多久？<br>
<br>
风天：最快三天即可完成接入。欢迎大家加入伏羲，一起用人工智能点亮游戏未来！<br>
<br>
伏羲官网 http://fuxi.example.com<br>
"""


def test_a_guest_labelled_by_the_nickname_the_intro_gives(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "fuxi.md", NICKNAME)))
    answers = answers_of(prepared)
    assert {p.speaker for p in answers} == {"陶建容"}  # (the intro's "陶建容（花名风天）")
    assert "风天老师" not in prepared.cast.interviewers  # (the reporter greets the guest: no byline)
    assert answers[1].text.endswith("再做聚类。") and "对比图" not in answers[1].text
    told = " ".join(p.text for p in prepared.passages)
    assert "Game Developers Conference" not in told and "fuxi.example.com" not in told


TRANSCRIPT = """# Teil 1 _Anekdoten_ (54:55 Minuten)

Es sitzen im Raum um einen Tisch mit Fotos Käthe Klausch und ihre Nichte Ruth Gleichmann.

## 0:00

Ruth
:\tWo hat die Oma gewohnt?

Käthe
:\tIn Hidas^[Hidas, deutsch _Hidasch_, 2000-Einwohner-Nachbardorf von Bonyhad, <https://de.wikipedia.org/wiki/Hidas>], \
und später in Bonyhad.

Ruth
:\tUnd wann ist sie geboren?

Käthe
:\tSie ist 1897 geboren^[Laut Taufbuch am 3. Mai.], und 1920 hat sie geheiratet.

Ruth
:\tUnd der Opa?

Käthe
:\tDer ist geboren 1892, am 16. Juli. Jeder hat sich gefürchtet vor dem.
"""


def test_pandoc_inline_footnotes_stay_out_of_the_quotes(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "mitschrift.md", TRANSCRIPT)))
    answers = answers_of(prepared)
    assert [p.text for p in answers] == ["In Hidas, und später in Bonyhad.",
                                         "Sie ist 1897 geboren, und 1920 hat sie geheiratet.",
                                         "Der ist geboren 1892, am 16. Juli. Jeder hat sich gefürchtet vor dem."]


SEMINAR = """*[Zur Ausarbeitung](index.md)*

Interview mit Bernd Keller, Geschäftsführer der Beispiel GmbH und
Mitbegründer des Vereins, vom 15.05.2018:

**Finn**: Wann bist du das erste Mal mit Software in Kontakt gekommen?
**Keller**: Mein Papa hat mir ein BASIC-Buch geschenkt. Im Kaufhaus habe ich das erste Programm eingetippt.

**Finn**: Und freie Software?
**Keller**: Erst im Studium, über einen Freund, der Linux auf Disketten hatte.

**Finn**: Was rätst du Studierenden?
**Keller**: Macht bei einem Projekt mit, egal wie klein der erste Beitrag ist.
"""


def test_the_date_the_line_over_the_interview_gives(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "seminar.md", SEMINAR)))
    assert prepared.article.published == "2018-05-15"  # (nothing else dates the text)
    assert [p.speaker for p in answers_of(prepared)] == ["Bernd Keller"] * 3
