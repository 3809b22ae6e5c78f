"""Shapes from the forty-second blind round (web pages written by someone who never saw the importer): a podcast
page's transcript under "**Name** (00:12:31) words" with show notes that name "Unser Sponsor:", a university's Q&A
whose guest only its teaser names ("Dr Amara Oyelaran-Finch explains …"), and a paper's interview headlined by the
guest's office and surname ("Revierförsterin Haslach: …") whose teaser names her in full."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

PODCAST = """<html><head><title>Folge 62: Können Brücken müde werden? – Tiefenschärfe</title></head><body><article>
<h1>Folge 62: Können Brücken müde werden?</h1>
<h2>Shownotes</h2>
<p>In dieser Folge sprechen Yasemin und Malte mit der Bauingenieurin Ilka Brandstätter über alte Brücken.</p>
<ul><li>Unser Sponsor: Lindwerk Versicherung – mit dem Code TIEFE gibt es zehn Prozent Rabatt im ersten Jahr</li>
<li>Glossar: Was ist eine Zustandsnote?</li></ul>
<h2>Transkript</h2>
<p><b>Yasemin Korkmaz</b> (00:00:00) Hallo und willkommen zu Tiefenschärfe. Heute geht es um Brücken.</p>
<p><b>Malte Gerdsen</b> (00:00:08) Wir haben Ilka Brandstätter zu Gast. Ilka, können Brücken müde werden?</p>
<p><b>Ilka Brandstätter</b> (00:00:26) Ja.</p>
<p>Also nicht so, wie wir müde werden, aber der Fachbegriff heißt tatsächlich Ermüdung.</p>
<p><b>Yasemin Korkmaz</b> (00:02:05) Wie oft werden Brücken geprüft?</p>
<p><b>Ilka Brandstätter</b> (00:02:11) Alle sechs Jahre gibt es eine Hauptprüfung, dazwischen eine einfache.</p>
<p><b>Malte Gerdsen</b> (00:05:40) Und wie prüft ihr?</p>
<p><b>Ilka Brandstätter</b> (00:05:44) Wir klopfen den Beton mit dem Hammer ab und hören, ob es hohl klingt.</p>
<p><b>Yasemin Korkmaz</b> (00:17:10) Danke, Ilka!</p>
<p><b>Ilka Brandstätter</b> (00:17:14) Sehr gern, danke euch.</p>
</article></body></html>"""


def test_names_with_a_timestamp_before_their_words(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "folge62.html", PODCAST)))
    assert list(prepared.cast.interviewees) == ["Ilka Brandstätter"]  # (not "Unser Sponsor" of the show notes)
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Ilka Brandstätter"] * 3  # (her thanks join the answer before)
    assert answers[0].text.startswith("Ja.") and "Ermüdung" in answers[0].text
    assert not any("(00:" in p.text for p in answers)


UNIVERSITY = """<html><head><title>Q&amp;A: Why our sleep researchers are following 600 night-shift nurses</title>
<meta name="description" content="Dr Amara Oyelaran-Finch explains a new three-year study into night shifts.">
</head><body><article><h1>Q&amp;A: Why our sleep researchers are following 600 night-shift nurses</h1>
<p class="lead">Dr Amara Oyelaran-Finch explains a new three-year study into how rotating night shifts affect
nurses.</p>
<h2>What is the study trying to find out?</h2>
<p>At its simplest, we want to know what years of night work do to sleep and metabolism.</p>
<h2>Why nurses?</h2>
<p>Nurses are one of the largest groups of night workers, and they rotate rather than stay on nights.</p>
<h2>What will participants have to do?</h2>
<p>Yes, it is light-touch: a sleep diary, a wrist monitor and a finger-prick sample at work.</p>
<h2>Why does this matter to you personally?</h2>
<p>My mother was a midwife who worked nights for most of my childhood.</p>
</article></body></html>"""


def test_a_qa_whose_guest_only_the_teaser_names_with_a_title(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "qa.html", UNIVERSITY)))
    assert list(prepared.cast.interviewees) == ["Amara Oyelaran-Finch"]
    assert {p.speaker for p in answers_of(prepared)} == {"Amara Oyelaran-Finch"}


PAPER = """<html><head><title>Revierförsterin Haslach: „Den Wald, den wir pflanzen, sehen wir nie erwachsen“</title>
</head><body><article><h1>Revierförsterin Haslach: „Den Wald, den wir pflanzen, sehen wir nie erwachsen“</h1>
<p class="teaser">Nach drei Dürresommern ist kaum noch Fichte übrig. Revierförsterin Friederike Haslach über
Aufforstung und Wildverbiss.</p>
<p><strong>LZ: Frau Haslach, wie viel Fichte steht noch in Ihrem Revier?</strong></p>
<p><strong>Haslach:</strong> Erschreckend wenig. Vor sechs Jahren waren es 40 Prozent, heute vielleicht fünf.</p>
<p><strong>LZ: Hätte man das verhindern können?</strong></p>
<p><strong>Haslach:</strong> Im Nachhinein ist man immer klüger.</p>
<p><strong>LZ: Was pflanzen Sie jetzt?</strong></p>
<p><strong>Haslach:</strong> Eine Mischung, und zwar bewusst keine einzelne neue Baumart.</p>
</article></body></html>"""


def test_a_headline_with_the_guests_office_and_surname(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "wald.html", PAPER)))
    assert list(prepared.cast.interviewees) == ["Friederike Haslach"]


def test_a_given_name_in_a_title_is_no_role() -> None:
    from bot.importer import names

    assert names.from_titles(["Revierförsterin Haslach: „Den Wald sehen wir nie erwachsen“"],
                             "Revierförsterin Friederike Haslach über Aufforstung.") == ["Friederike Haslach"]
    assert names.from_titles(["Anna Schmidt: „Ich bleibe“"], "Anna Maria Schmidt über ihren Hof.") != ["Maria Schmidt"]
