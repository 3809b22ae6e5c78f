"""Shapes from the twentieth blind round (documents written by someone who never saw the importer): a German
committee hearing's record (long labels with the speaker's party or institution, the room's interjections),
a portal's re-post of an account's interview (names in lenticular brackets, a question between them set only
in bold), and a podcast page whose transcript plays a neighbour's clip once."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

CHAIR = "Vorsitzende Dr. Henrike Valentin (SPD)"
KREIENBRINK = "Sachverständiger Prof. Dr. Matthias Kreienbrink (Technische Hochschule Wildau)"
HABERMALZ = "Sachverständiger Torsten Habermalz (Verkehrsbetrieb Prignitz-Ruppin GmbH)"
HEARING = "\n\n".join([
    "Ausschuss für Infrastruktur und Landesplanung", "Wortprotokoll der 54. Sitzung (öffentlich)",
    "Datum: 14. März 2024\nOrt: Potsdam, Haus des Landtages\nBeginn: 10:02 Uhr\nSchluss: 12:51 Uhr",
    f"{CHAIR}: Ich eröffne die Sitzung. Herr Prof. Kreienbrink, Sie haben das Wort.",
    f"{KREIENBRINK}: Der Rufbus kostet pro Fahrgast rund 14 Euro, der Linienbus auf dem Land rund 9 Euro.",
    f"{CHAIR}: Danke. Herr Habermalz, bitte.",
    f"{HABERMALZ}: Uns fehlen 23 Fahrerinnen und Fahrer. Ohne Führerscheinförderung geht es nicht.",
    "Abg. Jens-Uwe Pohlmann (CDU): Wie viel kostet eine verbindliche Taktgarantie?",
    f"{CHAIR}: Herr Prof. Kreienbrink.",
    f"{KREIENBRINK}: Rund 41 Millionen Euro im Jahr, wenn man sie landesweit einführt.",
    "(Zuruf Abg. Karsten Wendisch (AfD): Und wer soll das bezahlen?)",
    "(Vereinzelt Heiterkeit)",
    f"{CHAIR}: Herr Habermalz.",
    f"{HABERMALZ}: Wir bräuchten dafür zwölf neue Busse.",
])


def test_a_committee_hearings_record(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "protokoll.txt", HEARING)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [
        ("Prof. Dr. Matthias Kreienbrink",
         "Der Rufbus kostet pro Fahrgast rund 14 Euro, der Linienbus auf dem Land rund 9 Euro."),
        ("Torsten Habermalz", "Uns fehlen 23 Fahrerinnen und Fahrer. Ohne Führerscheinförderung geht es nicht."),
        ("Prof. Dr. Matthias Kreienbrink", "Rund 41 Millionen Euro im Jahr, wenn man sie landesweit einführt."),
        ("Torsten Habermalz", "Wir bräuchten dafür zwölf neue Busse.")]  # the room's interjections in none
    roles = {v.name: v.role for v in prepared.cast.voices.values()}
    assert roles["Dr. Henrike Valentin"] == roles["Jens-Uwe Pohlmann"] == "interviewer"


REPOST = """<html><head><title>回乡办了8年乡村书屋，她说：“孩子们读的不是书，是出路”_书屋_孩子_岩脚村</title>
<meta property="og:title" content="回乡办了8年乡村书屋，她说：“孩子们读的不是书，是出路”"></head><body>
<article class="article"><h1>回乡办了8年乡村书屋，她说：“孩子们读的不是书，是出路”</h1>
<p><span>来源：公众号「山间书房」</span></p>
<p>2016年，林雪岚辞职回到老家岩脚村，把一间废弃的粮仓改成了“萤火书屋”。</p>
<p><strong>【记者】当初为什么决定辞职回村？</strong></p>
<p><strong>【林雪岚】</strong>说起来很简单，是因为我侄女。</p>
<p><strong>——家里人支持吗？</strong></p>
<h3><strong>【林雪岚】</strong></h3>
<p>不支持。</p><p>我妈哭了两次。</p>
<p><strong>【记者】书屋的启动资金从哪里来？</strong></p>
<p><strong>【林雪岚】</strong>一部分是我自己的积蓄，大概六万。</p>
<p><strong>【记者】孩子们最喜欢读什么？</strong></p>
<p><strong>【林雪岚】</strong>漫画和科普。</p>
<p><strong>——书屋会一直开下去吗？</strong></p>
<p><strong>【林雪岚】</strong>会。</p>
</article></body></html>"""


def test_a_portals_repost_with_names_in_lenticular_brackets(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "sohu.html", REPOST)))
    assert prepared.article.publisher == "山间书房"  # the account, not the portal's keywords after "_"
    said = [(p.speaker, p.question, p.text) for p in answers_of(prepared)]
    assert said == [("林雪岚", "当初为什么决定辞职回村？", "说起来很简单，是因为我侄女。"),
                    ("林雪岚", "——家里人支持吗？", "不支持。\n\n我妈哭了两次。"),
                    ("林雪岚", "书屋的启动资金从哪里来？", "一部分是我自己的积蓄，大概六万。"),
                    ("林雪岚", "孩子们最喜欢读什么？", "漫画和科普。"), ("林雪岚", "——书屋会一直开下去吗？", "会。")]


def _turn(name: str, text: str) -> str:
    return f'<p class="speaker"><strong>{name}:</strong></p><p class="text">{text}</p>'


FEATURE = ("""<html><head><title>Die Stadtimkerin | Leipziger Gespräche | MDR KULTUR</title>
<meta property="og:site_name" content="ARD Audiothek"></head><body><main><h1>Die Stadtimkerin</h1>
<p>Verfügbar bis 12.05.2029</p><p>Produktion: MDR KULTUR 2024</p><h2>Zum Nachlesen: das Transkript</h2>"""
           + _turn("TOBIAS SCHEERER", "Frau Aschenbrenner, wie viele Völker haben Sie?")
           + _turn("FRIEDERIKE ASCHENBRENNER", "Vierzehn, verteilt auf drei Dächer.")
           + _turn("TOBIAS SCHEERER", "Wir haben vor der Aufnahme einen Ihrer Nachbarn getroffen.")
           + '<p class="cue"><em>[Einspieler]</em></p>'
           + _turn("HARALD MEINHOLD", "Am Anfang hatten hier einige Angst, wegen der Kinder.")
           + _turn("TOBIAS SCHEERER", "Freut Sie so ein Lob?")
           + _turn("FRIEDERIKE ASCHENBRENNER", "Sehr. Herr Meinhold war am Anfang selbst einer der Skeptiker.")
           + _turn("TOBIAS SCHEERER", "Was kostet Ihr Honig?")
           + _turn("FRIEDERIKE ASCHENBRENNER", "Acht Euro das Glas.")
           + "</main></body></html>")


def test_a_neighbours_clip_heard_once_is_his(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "folge.html", FEATURE)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert ("Harald Meinhold", "Am Anfang hatten hier einige Angst, wegen der Kinder.") in said  # not hers
    assert [who for who, _ in said].count("Friederike Aschenbrenner") == 3
    text = "\n".join(p.text for p in prepared.passages)
    assert "Verfügbar bis" not in text and "Produktion:" not in text
