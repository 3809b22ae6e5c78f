"""Shapes from the twenty-seventh and twenty-eighth blind rounds and a second set of real interviews (documents
written by someone who never saw the importer): a podcast's transcript under `**00:00:02 Stefan**` lines, a film's
WebVTT captions with voices (`<v Dana Whitfield>`), a saved page whose questions are headings the main-text
extractor drops, and answers that talk about memberships and sales under questions marked only as headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importer import names
from bot.importer.fetch import TEXT_TYPES
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, masthead, write

TURNS = [("Stefan", "Wie lange dauert die Wanderung heute eigentlich?"),
         ("Thomas", "Etwa vier Stunden, wenn das Wetter hält. Wir gehen zwölf Kilometer bis zu den Seehundbänken."),
         ("Stefan", "Und was passiert, wenn die Flut kommt?"),
         ("Thomas", "Dann sind wir längst zurück. Ich habe die Gezeitentabelle immer dabei, das ist Pflicht."),
         ("Stefan", "Wie bist du Wattführer geworden?"),
         ("Thomas", "Über einen Lehrgang beim Nationalpark. Der hat ein Jahr gedauert und kostet rund 800 Euro.")]


@pytest.mark.parametrize("label", ["**00:00:{t:02d} {n}**", "**{n} 00:00:{t:02d}**", "**[00:00:{t:02d}] {n}**",
                                   "**{n}** 00:00:{t:02d}", "**[00:00:{t:02d}] {n}:**"])
def test_a_timestamp_and_a_name_in_bold_on_a_line_of_their_own(tmp_path: Path, label: str) -> None:
    lines = ["# Wattwanderung mit Thomas Lehmann", "", "Ein Gespräch im Watt mit unserem Guide Thomas Lehmann.", ""]
    for k, (name, said) in enumerate(TURNS):
        lines += [label.format(t=k * 7, n=name), "", said, ""]
    said = [(p.speaker, p.text) for p in answers_of(read_article(str(write(tmp_path, "watt.md", "\n".join(lines)))))]
    assert said == [("Thomas Lehmann", t) for n, t in TURNS if n == "Thomas"]  # (not "Thomas 00")


def test_a_full_name_is_not_read_into_a_sentences_words() -> None:
    text = "Mit dabei sind meine Kinder Juna und Aurelius. Oder Aurelius? Und Juna lacht. Stefan Wintermeyer fragt."
    assert names.full_name("Juna", text) == "Juna"  # not "Kinder Juna", "Und Juna"
    assert names.full_name("Aurelius", text) == "Aurelius"
    assert names.full_name("Stefan", text) == "Stefan Wintermeyer"
    assert names.full_name("Smith", "We spoke to John Smith. John Smith said so.") == "John Smith"
    assert "Oder Aurelius" not in names.people_in(text) and "Kinder Juna" not in names.people_in(text)


VTT = """WEBVTT
Kind: captions
Language: en

NOTE
Hollow Pine Films - "Nineteen Summers on Garnet Ridge" (festival cut)

STYLE
::cue(v[voice="Interviewer"]) { color: #ffd54f; }

title-1
00:00:00.000 --> 00:00:05.800 line:75% align:center
<c.title>HOLLOW PINE FILMS presents</c>
<c.title>NINETEEN SUMMERS ON GARNET RIDGE</c>

1
00:00:11.000 --> 00:00:16.400
[music]

2
00:00:19.900 --> 00:00:23.100
<v Interviewer>So how did you end up
on Garnet Ridge in the first place?

3
00:00:23.800 --> 00:00:26.000
<v Dana Whitfield>[laughs] Honestly, it was a classified ad.

4
00:00:26.000 --> 00:00:29.000
I was twenty-six, waiting tables in Missoula.

5
00:00:29.500 --> 00:00:31.000
<v Interviewer>And the first fire you called in?

6
00:00:31.500 --> 00:00:34.000
<v Dana Whitfield>My ninth day. A single lightning strike &amp; a snag.

7
00:00:35.000 --> 00:00:36.000
<v Interviewer>Do you miss people up there?

8
00:00:36.500 --> 00:00:39.000
<v Dana Whitfield>What I miss is fresh fruit, not people.

credits-1
00:04:27.000 --> 00:04:32.000 align:center
<c.title>Directed by Marcus Ojo</c>

NOTE end of file
"""


def test_webvtt_voices_are_the_speakers_and_the_credits_nobodys_words(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "lookout.vtt", VTT)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [("Dana Whitfield", "[laughs] Honestly, it was a classified ad. I was twenty-six, waiting tables "
                                       "in Missoula."),
                    ("Dana Whitfield", "My ninth day. A single lightning strike & a snag."),
                    ("Dana Whitfield", "What I miss is fresh fruit, not people.")]
    assert masthead(prepared)[:2] == ("Nineteen Summers on Garnet Ridge", "Hollow Pine Films")
    assert prepared.article.language == "en"
    shown = " ".join(p.text for p in prepared.passages)
    assert "Directed by" not in shown and "cue" not in shown and "festival cut" not in shown


def test_subtitles_served_as_such_are_read() -> None:
    assert {"text/vtt", "application/x-subrip"} <= set(TEXT_TYPES)


QUESTIONS = ["Let’s start with the obvious one. Why a tool library?", "How big is the collection now?",
             "What does a membership cost?", "What’s the most borrowed item?"]
ANSWERS = ["Because I bought a tile saw for $280, used it for two days, and then it sat in my basement.",
           "About 3,400 tools. We started with 212, almost all from one estate sale and a retired carpenter.",
           "It’s a sliding scale from $20 to $60 a year, and you pick where you land. Nobody checks.",
           "The carpet cleaner, by a mile. We have four of them and there’s a waiting list every spring."]


def _saved_page(heading: str) -> str:
    """A page saved from a blogging platform: no article element, deep div soup, questions as headings."""
    body = "".join(f"<{heading} class='rb rc'>{q}</{heading}><p class='pw-post-body-paragraph'>{a}</p>"
                   for q, a in zip(QUESTIONS, ANSWERS, strict=True))
    soup = "<div><div><div><span>8 min read</span></div><div><button><p>Listen</p></button></div></div></div>"
    return (f"<html><head><title>The Woman Who Built a Tool Library | by Priya Raman | Medium</title></head><body>"
            f"<div class='a'><div class='b'>{soup}<h1>The Woman Who Built a Tool Library</h1>"
            f"<p><em>In 2016, Lena Marchetti signed a lease on a shuttered laundromat and filled it with donated "
            f"drills.</em></p>{body}</div></div></body></html>")


@pytest.mark.parametrize("heading", ["h3", "h4"])
def test_questions_as_headings_the_extractor_drops_and_answers_about_sales(tmp_path: Path, heading: str) -> None:
    prepared = read_article(str(write(tmp_path, "saved.html", _saved_page(heading))))
    said = [(p.question, p.text) for p in answers_of(prepared)]
    assert said == list(zip(QUESTIONS, ANSWERS, strict=True))  # (none dropped: "membership", "estate sale")
