"""Shapes from the fortieth blind round (Word and PDF files written by someone who never saw the importer): an
archive's oral-history record in Chinese ("采访人：… 受访人：…" over "问：/答：" turns, the interviewer and the one
interviewed once each by name, "陈：" once, a title ending in "…教授访谈记录"), and a club magazine's draft whose
file properties give a draft's title ("Interview Kallweit ENTWURF") over bold questions."""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument

from bot.importer import names
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

RECORD = """# 口述校史：林秀芬教授访谈记录

**采访人：**王海涛（档案馆馆员）　　**受访人：**林秀芬（外国语学院退休教授）

**时间：**2024年11月8日 下午2:30—4:10

**地点：**外国语学院二楼会议室

**记录方式：**录音、笔记（录音编号：KS-2024-017）

**问：**林老师您好，能先谈谈您是怎么走上翻译这条路的吗？

**答：**我是1958年考进外语系的。那时候学俄语的人多，我偏偏选了法语，家里人都不理解。

**问：**当时的学习条件怎么样？

**答：**很艰苦。一个班只有一本词典，大家轮流用，晚上还要排队。

**王海涛：**您印象最深的老师是谁？

**林秀芬：**是沈慕贤先生。她要求我们每天背一页课文，背不出来就不许吃午饭。

**问：**您毕业后就留校了吗？

**答：**对。

1962年毕业就留下来当助教了，一教就是四十年。

**王海涛：**您怎么看待翻译和教学的关系？

**林：**我一直觉得，教学是根本，翻译是功课。不会教的人，翻译也做不长久。

**问：**最后想对年轻的译者说些什么？

**答：**多读原文，少看译本。字典要翻烂，心要放静。
"""


def test_an_oral_history_record_credits_every_answer_to_the_one_interviewed(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "record.md", RECORD)))
    assert list(prepared.cast.interviewees) == ["林秀芬"]
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["林秀芬"] * 6
    assert any(p.text.startswith("是沈慕贤先生") for p in answers)  # (under "林秀芬：", once)
    assert any(p.text.startswith("我一直觉得，教学是根本") for p in answers)  # (under "林：", once)
    assert prepared.article.published == "2024-11-08"  # (the record's time: the interview's date)
    assert not any(p.text.startswith(("地点", "记录方式", "时间")) for p in prepared.passages)  # the record's fields


IMPRINT = """# Zehn Jahre Bürgerbus

Seit zehn Jahren fährt der Bürgerbus durch Lindenhain. Wir sprachen mit Renate Vollmer, der Vorsitzenden des Vereins.

**Frage:** Wie hat alles angefangen?

**Vollmer:** Mit einem Zettel am Schwarzen Brett. Drei Leute haben sich gemeldet, heute sind wir vierundzwanzig.

**Frage:** Wer fährt mit?

**Vollmer:** Zu zwei Dritteln Seniorinnen und Senioren, morgens auch Schulkinder.

Herausgeber: Gemeinde Lindenhain, Rathausplatz 1, 79999 Lindenhain · www.lindenhain.de

**Frage:** Was wünschen Sie sich?

**Vollmer:** Einen zweiten Bus. Und mehr Fahrerinnen, ehrlich gesagt.

Fahrtzeiten Mo–Fr 7.30–18.00 Uhr · Fahrerinnen und Fahrer gesucht: Telefon 07600 555-214

Herausgeber: Gemeinde Lindenhain, Rathausplatz 1, 79999 Lindenhain · www.lindenhain.de

Verantwortlich: Bürgermeisterin Petra Aschenbrenner
"""


def test_a_newsletters_imprint_is_no_speaker(tmp_path: Path) -> None:  # (at every page's foot, between answers)
    prepared = read_article(str(write(tmp_path, "buergerbus.md", IMPRINT)))
    assert list(prepared.cast.interviewees) == ["Renate Vollmer"]
    assert {p.speaker for p in answers_of(prepared)} == {"Renate Vollmer"}
    assert not any("555-214" in p.text for p in prepared.passages)  # a notice with a number to call: no passage


def test_the_words_for_an_interview_in_a_title_name_no_one() -> None:
    assert names.from_titles(["Oral History Interview: Margaret Okonkwo-Reyes (Class of 1979)"]) == []
    assert names.from_titles(["Interview Kallweit ENTWURF"]) == []
    assert names.from_titles(["口述校史：陈蕴秋教授访谈记录"], "陈蕴秋说") == ["陈蕴秋"]  # (not "记录")


def test_a_drafts_file_title_names_no_one(tmp_path: Path) -> None:
    doc = WordDocument()
    doc.core_properties.title = "Interview Kallweit ENTWURF"
    doc.add_paragraph("Vierzig Jahre mit dem Kreidewagen", style="Title")
    doc.add_paragraph("Seit 1985 kümmert sich Herbert Kallweit um die Plätze des TSV. Wir haben ihn im Vereinsheim "
                      "getroffen.").runs[0].bold = True
    for question, answer in [("Herr Kallweit, wie sind Sie Platzwart geworden?", "Weil sich sonst keiner gemeldet hat."
                              " Ich dachte, das ist für ein, zwei Jahre."),
                             ("Was gehört alles zu der Aufgabe?", "Mähen, Kreiden, Bewässern, im Herbst das Laub."),
                             ("Und neben dem Beruf?", "Ich war bis 2016 bei den Stadtwerken, im Schichtdienst."),
                             ("Was wünschen Sie sich zum Abschied?", "Einen Kunstrasen. Dann hat mein Nachfolger es "
                              "leichter als ich.")]:
        doc.add_paragraph().add_run(question).bold = True
        doc.add_paragraph(answer)
    doc.save(tmp_path / "kallweit.docx")
    prepared = read_article(str(tmp_path / "kallweit.docx"))
    assert prepared.article.title == "Vierzig Jahre mit dem Kreidewagen"
    assert list(prepared.cast.interviewees) == ["Herbert Kallweit"]
    assert [p.speaker for p in answers_of(prepared)] == ["Herbert Kallweit"] * 4
