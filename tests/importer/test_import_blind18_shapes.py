"""Shapes from the eighteenth blind round (documents written by someone who never saw the importer): a Word
"Save as Web Page" export (windows-1252, source lines wrapped mid-sentence, a letterhead, reviewer comments), a
radio transcript laid out as a table with a time column, a Q/A page where one answer names another speaker in
brackets, and an interview kept as an outline in a knowledge-base note (wikilinks, block ids, callouts)."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome
from bot.importer.pipeline import read_article
from corpus.segment import sentence_spans
from tests.importer.documents import answers_of, masthead, write

WORD_TURNS = [("Herr Oberländer, wie voll sind Ihre Auftragsbücher im Moment?",
               "Wir sind bis Ende Oktober ausgelastet, im Abbund sogar bis in den Dezember hinein."),
              ("Wie lange warten Sie derzeit auf eine Baugenehmigung?",
               "Beim Landkreis Northeim im Schnitt 7,5 Monate.[KM1] Vor fünf Jahren waren es knapp vier."),
              ("Was tun Sie gegen den Nachwuchsmangel?",
               "Wir gehen in die Schulen, und zwar selbst, nicht mit Broschüren.")]


def _wrapped(text: str) -> str:
    """Text as Word writes it into its HTML: source lines broken every few words (CRLF)."""
    words = text.split()
    return "\r\n".join(" ".join(words[i:i + 4]) for i in range(0, len(words), 4))


WORD_EXPORT = ("""<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15"><title>Entwurf 3</title></head>
<body lang=DE><div class=WordSection1>
<p class=MsoNormal><b><span style='font-size:9.0pt'>Fachverband Holzbau Südniedersachsen e.V.</span></b>
<span style='font-size:9.0pt'> Mitgliederinformation 03/2024 Stand: 13.03.2024</span></p>
<p class=MsoNormal><b>SPERRFRIST: Donnerstag, 14. März 2024, 10:00 Uhr</b></p>
<h1>„Der Holzbau braucht keine Förderung, sondern Tempo“</h1>
<p class=MsoNormal>Göttingen, 14. März 2024 – Zimmerermeister Matthias Oberländer führt die Oberländer Holzbau
GmbH in Northeim.</p>
<p class=MsoNormal>Abb. 1: Matthias Oberländer in der neuen Abbundhalle in Northeim.</p>
""" + "".join(f"<p class=MsoNormal><b><span>Frage:\r\n</span></b><b><span>{_wrapped(q)}</span></b><o:p></o:p></p>\r\n"
              f"<p class=MsoNormal><span>{_wrapped(a)}</span><o:p></o:p></p>\r\n" for q, a in WORD_TURNS)
               + """<p class=MsoNormal><b><span>Frage: </span></b><b><span>Herr Oberländer, vielen Dank für das
Gespräch.</span></b></p>
<table class=MsoTableGrid><tr><td><p class=MsoNormal><b>Zur Person</b> Matthias Oberländer (52) ist
Zimmerermeister und führt den Betrieb seit 2004.</p></td></tr></table>
<p class=MsoNormal>Abdruck honorarfrei – Belegexemplar an die Geschäftsstelle erbeten.</p>
<div style='mso-element:comment-list'><p class=MsoCommentText>[KM1] Zahl bitte noch mal mit Herrn Oberländer
abgleichen.</p></div></div></body></html>""")


def test_a_word_export(tmp_path: Path) -> None:
    path = tmp_path / "interview.htm"
    path.write_bytes(WORD_EXPORT.encode("windows-1252"))
    prepared = read_article(str(path))
    assert masthead(prepared) == (
        "„Der Holzbau braucht keine Förderung, sondern Tempo“", "Fachverband Holzbau Südniedersachsen e.V.",
        "2024-03-14")  # the letterhead's organisation, the dateline's day (not the draft's "Stand")
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Matthias Oberländer"] * 3
    assert [p.question for p in answers] == [q for q, _ in WORD_TURNS]
    assert answers[0].text == WORD_TURNS[0][1]  # one line, as the page shows it
    assert not any("Zur Person" in p.text for p in answers)  # the box under the closing thanks: no answer
    text = "\n".join(p.text for p in prepared.passages)
    for chrome_text in ("SPERRFRIST", "Abb. 1", "Abdruck honorarfrei", "abgleichen", "Stand:"):
        assert chrome_text not in text, chrome_text


RADIO_ROWS = [("00:00:14", "Jonas Brettschneider", "Frau Oberhäuser, ist das Problem nach dem nassen Winter erledigt?"),
              ("00:00:21", "Marlene Oberhäuser", "Leider nein. Ein nasser Winter füllt keinen Grundwasserspeicher."),
              ("00:00:44", "", "An unseren 212 Messstellen liegen 61 Prozent unter dem Mittel."),
              ("00:01:05", "Brettschneider", "Welche Regionen sind am stärksten betroffen?"),
              ("00:01:09", "Oberhäuser", "Vor allem der Buntsandstein im Raum Korbach."),
              ("00:01:38", "Brettschneider", "Was heißt das für die Gemeinden?"),
              ("00:01:44", "Oberhäuser", "Kleine Wasserversorger müssen Brunnen abschalten."),
              ("00:02:27", "Brettschneider", "Sind Verbote für die Gartenbewässerung sinnvoll?"),
              ("00:02:31", "Oberhäuser", "Ja. Nicht wegen der Gesamtmenge, sondern wegen der Spitzen.")]
RADIO = ("<html><head><title>Grundwasser in Nordhessen | Zeitfragen | WRK Kultur</title>"
         "<meta property='og:site_name' content='WRK Kultur'></head><body><article>"
         "<h1>Grundwasser in Nordhessen</h1><p>Darüber hat Jonas Brettschneider mit der Hydrologin Dr. Marlene "
         "Oberhäuser gesprochen. Sie leitet eine Arbeitsgruppe an der Hochschule Edertal.</p>"
         "<h2>Das Gespräch zum Nachlesen</h2><table><thead><tr><th>Zeit</th><th>Sprecher</th><th>Text</th></tr>"
         "</thead><tbody>" + "".join(f"<tr><td>{t}</td><td>{s}</td><td>{x}</td></tr>" for t, s, x in RADIO_ROWS)
         + "</tbody></table></article></body></html>")


def test_a_transcript_table_with_a_time_column(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "radio.html", RADIO)))
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Marlene Oberhäuser"] * 4
    assert answers[0].text == ("Leider nein. Ein nasser Winter füllt keinen Grundwasserspeicher.\n\n"
                               "An unseren 212 Messstellen liegen 61 Prozent unter dem Mittel.")  # the row going on
    assert not any("00:0" in p.text for p in prepared.passages)
    intro = [p.text for p in prepared.passages if p.kind == "narrative"]
    assert any(t.startswith("Darüber hat") and "Dr. Marlene Oberhäuser gesprochen." in t for t in intro)


ZHIHU = """<html><head><title>对话《归潮》制作人林晓岚：三个人、四年 - 知乎</title>
<meta property="og:site_name" content="知乎专栏"></head><body><article><h1>对话《归潮》制作人林晓岚：三个人、四年</h1>
<p>《归潮》是今年春天最让人意外的独立游戏之一。</p>
<p><b>Q：</b>灵感是从哪里来的？</p><p><b>A：</b>是在舟山的一个渔村里想到的。</p>
<p><b>Q：</b>钱从哪里来？</p><p><b>A：</b>前两年完全是我们三个人的积蓄。</p>
<p><b>Q：</b>美术风格是怎么定下来的？</p><p><b>A（韩露）：</b>这个我来说吧。我们试过三套风格。</p>
<p><b>A：</b>其实最早是我坚持要写实风格的，被韩露否掉了。</p>
<p><b>Q：</b>首周卖了多少？</p><p><b>A：</b>首周卖了 6.8 万份。</p>
</article></body></html>"""


def test_one_answer_names_another_speaker_in_brackets(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "zhihu.html", ZHIHU)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [("林晓岚", "是在舟山的一个渔村里想到的。"), ("林晓岚", "前两年完全是我们三个人的积蓄。"),
                    ("韩露", "这个我来说吧。我们试过三套风格。"),
                    ("林晓岚", "其实最早是我坚持要写实风格的，被韩露否掉了。"),  # after 韩露's one answer, "A" is
                    ("林晓岚", "首周卖了 6.8 万份。")]  # 林晓岚 again


NOTE = """---
aliases:
  - Okafor interview
interviewee: "[[Dana Okafor]]"
interviewer: "[[Priya Raman]]"
publication: "[[The Coastline Review]]"
published: 2024-06-04
---

# Dana Okafor — "The grid was never the hard part"

> [!note] Context
> Zoom call with [[Dana Okafor]], co-founder of [[Tidewater Solar Cooperative]]. [[Marcus Lindqvist]], the \
co-op's treasurer, joined for the last ten minutes.

## Transcript

- **Why a co-op and not just a company?** ^q01
	- Because nobody would lend us money as a company. ^a1b2c3
	- A co-op let us raise the money from the people on the [[Alder Street cannery|cannery]] roof.
- Did the pandemic slow you down? #followup
	- No.
	- 📝 *Note to self: she said "not really" first.*
- **What happens when a member moves away?** ^q06
	- **Dana:** Marcus should take that one, he wrote the rules.
	- **Marcus:** They don't lose anything. The co-op buys the share back within 90 days. ^m1buy0
	- **Marcus:** We keep a reserve for buybacks equal to 6 percent of member equity.
- **Would you do it again?**
	- In a heartbeat.

> [!quote] Pull quote (used in print)
> The hard part is governance.

```dataview
TABLE interviewee FROM #interview
```
"""


def test_an_interview_kept_as_an_outline_in_a_note(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "note.md", NOTE)))
    assert prepared.article.publisher == "The Coastline Review"  # not "[[The Coastline Review]]"
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said[0] == ("Dana Okafor", "Because nobody would lend us money as a company.\n\n"
                                      "A co-op let us raise the money from the people on the cannery roof.")
    assert ("Dana Okafor", "No.") in said
    assert any(who == "Marcus Lindqvist" and text.startswith("They don't lose anything.") for who, text in said)
    assert said[-1] == ("Dana Okafor", "In a heartbeat.")
    text = "\n".join(p.text for p in prepared.passages)
    for chrome_text in ("^a1b2c3", "[[", "Note to self", "Pull quote", "dataview", "TABLE interviewee"):
        assert chrome_text not in text, chrome_text


def test_a_sentence_that_says_ich_bin_schon_dabei_is_no_follow_prompt() -> None:
    assert chrome.classify("我已經在看樓了。") is None  # "在看" in a sentence, not WeChat's "在看" button
    assert chrome.classify("点个在看") == "follow"


def test_a_title_or_an_initial_ends_no_sentence() -> None:
    text = "Darüber sprach er mit Dr. Marlene Oberhäuser. Die Gemeinde z. B. las J. R. R. Tolkien. Ende."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Darüber sprach er mit Dr. Marlene Oberhäuser.", "Die Gemeinde z. B. las J. R. R. Tolkien.", "Ende."]
