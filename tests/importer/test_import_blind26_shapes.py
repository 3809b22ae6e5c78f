"""Shapes from the twenty-sixth blind round (documents written by someone who never saw the importer): a conference
transcript whose speakers are set apart by a class (`<span class="speaker">`) with questions from the floor and the
chat, a TV transcript in capitals with a clip of someone heard once ("MAYOR PAUL ESTABROOK, FORT CALDER:"), a
community spotlight in Markdown ("## About Priya", a co-maintainer's remark quoted inside an answer) and a journal's
interview titled "…：林秀鳳教授訪談錄"."""

from __future__ import annotations

from pathlib import Path

from bot.importer.names import from_title
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

FIRESIDE = """<html><head><title>Fireside chat: trust in AI products | Northwind Summit</title></head><body><article>
<h1>Fireside chat: trust in AI products</h1>
<p><span class="speaker">Priya Raman-Okafor</span> Welcome. With me are Tomasz Wielgosz and Annabel Ng.</p>
<p><span class="speaker">Priya</span> Tomasz, when did trust become the real problem?</p>
<p><span class="speaker">Tomasz Wielgosz</span> With a support ticket from a florist whose rent was miscategorised.</p>
<p><span class="speaker">Priya</span> Annabel, what may the model touch at all?</p>
<p><span class="speaker">Annabel Ng</span> We wrote down everything it would never do, before the first prompt.</p>
<p><span class="speaker">Audience member:</span> Is any of this realistic for a team of four engineers?</p>
<p><span class="speaker">Tomasz</span> More realistic than for us, honestly: you can read every wrong answer.</p>
<p><span class="speaker">Q (from the chat):</span> Annabel, what about clinicians who trust it too much?</p>
<p><span class="speaker">Annabel</span> That keeps me up at night. We made the sign-off slightly slower on purpose.</p>
</article></body></html>"""


def test_speakers_set_apart_by_a_class_and_questions_from_the_floor(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "fireside.html", FIRESIDE)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert ("Tomasz Wielgosz", "More realistic than for us, honestly: you can read every wrong answer.") in said
    assert ("Annabel Ng", "That keeps me up at night. We made the sign-off slightly slower on purpose.") in said
    assert not any("team of four" in t or "trust it too much" in t for _, t in said)  # the floor's and the chat's


TV = """<html><head><title>Algae bloom: what went wrong? | WCTV</title></head><body><article>
<h1>Algae bloom: what went wrong?</h1>
<p>Fort Calder has been under a do-not-drink advisory for nine days.</p>
<p><strong>REPORTER JANE DOE:</strong> Dr. Okonjo, what happened at the reservoir?</p>
<p><strong>DR. SAMUEL OKONJO:</strong> A warm spring and a lot of fertiliser run-off fed one of the largest blooms.</p>
<p><strong>DOE:</strong> City officials say this caught them by surprise.</p>
<p>(BEGIN VIDEO CLIP)</p>
<p><strong>MAYOR PAUL ESTABROOK, FORT CALDER:</strong> Nobody at the state had any indication this was coming.</p>
<p>(END VIDEO CLIP)</p>
<p><strong>DOE:</strong> Was it a surprise?</p>
<p><strong>OKONJO:</strong> Not to anyone who reads the monitoring data, no.</p>
<p><strong>DOE:</strong> When can people drink the water again?</p>
<p><strong>OKONJO:</strong> Two clean tests in a row, a week apart. So not before the end of the month.</p>
</article></body></html>"""


def test_a_clip_of_someone_heard_once_in_a_transcript_in_capitals(tmp_path: Path) -> None:
    said = [(p.speaker, p.text) for p in answers_of(read_article(str(write(tmp_path, "tv.html", TV))))]
    assert ("Mayor Paul Estabrook", "Nobody at the state had any indication this was coming.") in said
    assert ("Dr. Samuel Okonjo", "Not to anyone who reads the monitoring data, no.") in said


SPOTLIGHT = """# Community Spotlight: Priya Raman

## About Priya

| | |
|---|---|
| **Based in** | Pune, India |
| **Maintainer since** | 2020 |

## The interview

#### Q: How did you first find Tessellate?

Honestly, by being annoyed at it. Our map tiles took four seconds to load.

#### Q: Were there surprises along the way?

Oh, plenty. The worst one was a race condition that only showed up on ARM.

> **Tomasz Wielgosz** (@twielgosz), co-maintainer: For the record, I reviewed that PR at two in the morning.

We fixed it with a single lock in the end.

#### Q: What is next?

Tiered storage, if all goes well this year.
"""


def test_a_section_about_someone_names_no_speaker_and_a_quoted_remark_is_not_the_guests(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "spotlight.md", SPOTLIGHT)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert {who for who, _ in said} == {"Priya Raman"}  # not "About Priya"
    assert not any("For the record" in t for _, t in said)  # Tomasz's remark, not Priya's words
    assert any(t.endswith("We fixed it with a single lock in the end.") for _, t in said)  # her answer goes on


def test_a_chinese_title_naming_the_one_interviewed_before_the_word_for_interview() -> None:
    assert from_title("在茶園裡聽見女人的聲音：林秀鳳教授訪談錄") == ["林秀鳳"]


def test_a_reports_contents_lines_running_foot_and_imprint_date() -> None:
    from bot.importer import chrome
    from bot.importer.metadata import Meta, from_markdown
    from bot.importer.transcript import running_head

    assert chrome.classify("Vorwort des Kuratoriums . . . . . . . . 3 Das Jahr in Zahlen . . . . . . 4") == "contents"
    assert chrome.classify("Wie . . . war das? Nun . . . ja, schwierig.") is None  # an answer's pauses
    assert running_head(["Stiftung Lindenhof · Jahresbericht 2023"] * 3) == "Stiftung Lindenhof"
    meta = Meta()
    from_markdown(meta, "Ein Text.\n\nImpressum\n\nHerausgeberin: Stiftung Lindenhof\nErscheinungsdatum: 6. Mai 2024\n",
                  None)
    assert meta.published == "2024-05-06"
