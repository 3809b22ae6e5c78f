"""A plain text interview as people type one: its title on a line of its own over the text, labels in capitals
with an apostrophe in the name ("SEÁN O'BRIEN:"), or no labels at all under a title that says it is an
interview."""

from __future__ import annotations

from pathlib import Path

from bot.importer import labels
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

HARBOUR = """Harbour Lights: An Interview with Seán O'Brien

The Cork fisherman talks about fifty years at sea.

INTERVIEWER: When did you first go out on a boat?

SEÁN O'BRIEN: I was nine. My father took me out past the lighthouse and I was sick the whole way back.

INTERVIEWER: And you still went back?

SEÁN O’BRIEN: Every summer after that. You get used to the sickness, you never get used to the cold.
"""


def test_a_name_with_an_apostrophe_is_a_label(tmp_path: Path) -> None:
    answers = answers_of(read_article(str(write(tmp_path, "harbour.txt", HARBOUR))))
    assert [(p.speaker, p.text[:12]) for p in answers] == [("Seán O'Brien", "I was nine. "),
                                                           ("Seán O'Brien", "Every summer")]


def test_a_name_in_capitals_is_written_as_a_name(tmp_path: Path) -> None:
    text = HARBOUR.replace("Harbour Lights: An Interview with Seán O'Brien", "Harbour Lights").replace("'", "’")
    text += "\nINTERVIEWER: And MARY-KATE D’ARCY?\n\nMARY-KATE D’ARCY: I ran the co-op for thirty years, love.\n"
    speakers = {p.speaker for p in answers_of(read_article(str(write(tmp_path, "harbour.txt", text))))}
    assert speakers == {"Seán O’Brien", "Mary-Kate D’Arcy"}


def test_a_contraction_is_no_label() -> None:
    assert labels.is_label("SEÁN O'BRIEN") and labels.is_label("D’Angelo Russo")
    assert not labels.is_label("Let's Talk") and not labels.is_label("Here’s Why")


def test_a_line_standing_alone_at_the_top_is_the_title(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "harbour.txt", HARBOUR)))
    assert prepared.article.title == "Harbour Lights: An Interview with Seán O'Brien"
    assert not any(p.text.startswith("Harbour Lights") for p in prepared.passages)


def test_a_first_line_that_is_said_or_runs_on_is_no_title(tmp_path: Path) -> None:
    said = ("Jonas Reuter: Heute spreche ich mit der Hebamme Mara Lind\n\nJonas Reuter: Wie kamen Sie dazu?\n\n"
            "Mara Lind: Durch Zufall, über eine Freundin, die damals in der Klinik gearbeitet hat.\n")
    header = ("Millbrook Mills Memory Project\nTranscript, tape 3\n\nQ: Where were you born?\n\n"
              "A: In Ohio, on a farm outside Millbrook, the youngest of seven children.\n")
    dated = ("Freitag, 12. April 2024\n\nF: Wie geht es dem Laden?\n\n"
             "A: Gut, danke der Nachfrage, die Leute kommen wieder öfter vorbei als im Winter.\n")
    more = "\n\nF: Und sonst?\n\nA: Wir machen weiter, solange die Knie es erlauben, und dann sehen wir weiter.\n" * 2
    for name, text in (("said.txt", said), ("header.txt", header), ("dated.txt", dated)):
        prepared = read_article(str(write(tmp_path, name, text + more)))
        assert prepared.found.get("title") == "file name", name


def test_unlabelled_questions_under_a_title_that_says_interview(tmp_path: Path) -> None:
    turns = [("Frau Hartmann, wie geht es dem Wald?", "Schlecht. Die Fichte ist hier praktisch verschwunden."),
             ("Was pflanzen Sie jetzt?", "Eiche, Elsbeere und Douglasie, dazu etwas Tanne."),
             ("Wie reagieren die Besitzer?", "Sehr unterschiedlich, manche sind froh, manche sind wütend."),
             ("Was kostet das?", "Viel Geld, und das meiste davon zahlen die Besitzer selbst."),
             ("Und die Jäger?", "Die sind wichtig, ohne sie frisst das Rehwild jede junge Eiche."),
             ("Was wünschen Sie sich?", "Geduld, und ein paar nasse Sommer hintereinander.")]
    body = "\n\n".join(f"{q}\n\n{a}" for q, a in turns)
    prepared = read_article(str(write(tmp_path, "wald.txt", f"Im Gespräch: Försterin Ines Hartmann\n\n{body}\n")))
    assert prepared.article.title == "Im Gespräch: Försterin Ines Hartmann"
    assert [(p.speaker, p.text) for p in answers_of(prepared)] == [("Ines Hartmann", a) for _, a in turns]
