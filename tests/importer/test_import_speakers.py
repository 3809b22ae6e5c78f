"""Speaker labels and who is who: labels wherever pages put them, roles from evidence, names written out."""

from __future__ import annotations

import json

import pytest

from bot.importer import labels, markup
from bot.importer.cast import Cast, decide
from bot.importer.metadata import Meta
from bot.importer.names import expand_initials, from_teaser, from_title, full_name, same_person
from corpus.loader import CORPUS_DIR, MANIFEST

MANIFEST_ARTICLES = json.loads(MANIFEST.read_text(encoding="utf-8"))["articles"]


def cast_of(text: str, **meta: object) -> Cast:
    paras = markup.paragraphs(text)
    return decide(paras, labels.find_marks(paras), Meta(**meta), "en", text)  # type: ignore[arg-type]


def roles(cast: Cast) -> dict[str, tuple[str, str]]:
    return {label: (v.name, v.role) for label, v in cast.voices.items()}


@pytest.mark.parametrize("meta", MANIFEST_ARTICLES, ids=lambda m: m["id"])
def test_the_bundled_articles_read_as_their_manifest_says(meta: dict) -> None:
    raw = (CORPUS_DIR / meta["file"]).read_text(encoding="utf-8")
    found = cast_of(raw, title=meta["title"], publisher=meta["publisher"])
    assert {label: v.role for label, v in found.voices.items()} == {
        label: s["role"] for label, s in meta["speakers"].items()}


@pytest.mark.parametrize(("line", "label"), [
    ("Q: Why?", "Q"), ("**Jane Doe:** Hi", "Jane Doe"), ("**Jane Doe**: Hi", "Jane Doe"), ("问：为什么？", "问"),
    ("**CM: Could you explain?**", "CM"), ("Dana Whitfield [00:00:04]", "Dana Whitfield"),
    ("Lenny Rachitsky (00:02):", "Lenny Rachitsky"), ("[00:00:00] Stefan", "Stefan"), ("0:02:04.8 **Tim** Hi", "Tim"),
    ("He said: it rains", None), ("Note: read this", None), ("Name: **bold** words", None), ("10:30", None),
])
def test_a_label_at_the_start_of_a_paragraph(line: str, label: str | None) -> None:
    found = labels._start(line)
    assert (found[0] if found else None) == label


def test_labels_in_the_middle_of_a_line_and_at_its_end() -> None:
    text = ("**怎么做到的？** **采访者：** 咱们怎么做到的？ **隋少龙：**\n你看这个挖掘机。\n\n"
            "三联生活周刊：为什么？**达巍****：\n因为。")
    paras = markup.paragraphs(text)
    assert [m.name for m in labels.find_marks(paras)] == ["采访者", "隋少龙", "三联生活周刊", "达巍"]


def test_the_one_who_asks_is_the_interviewer_when_both_are_names() -> None:
    raw = "\n\n".join(["**Lena Roth:** Where did it start?", "**Omar Haddad:** In a garage in 2011, with no money.",
                       "**Lena Roth:** Was it hard?", "**Omar Haddad:** Very. We had no money at all for years.",
                       "**Lena Roth:** And today?", "**Omar Haddad:** Today we employ 300 people in four cities."])
    assert roles(cast_of(raw)) == {"Lena Roth": ("Lena Roth", "interviewer"),
                                   "Omar Haddad": ("Omar Haddad", "interviewee")}


def test_initials_after_full_names_are_the_same_speakers() -> None:
    raw = ("**FSFW Dresden**: *Wie kam es dazu?*\n\n**Prof. Oliver Sander**: Aus der Anwendung heraus.\n\n"
           "**FSFW**: *Und dann?*\n\n**OS**: Dann haben wir bezahlt.\n\n**FSFW**: *Hat es geklappt?*\n\n**OS**: Ja, gut"
           ".")
    found = cast_of(raw, title="Interview mit Prof. Sander")
    assert roles(found) == {"FSFW": ("FSFW Dresden", "interviewer"), "OS": ("Prof. Oliver Sander", "interviewee")}
    assert found.aliases["Prof. Oliver Sander"] == "OS" and found.aliases["FSFW Dresden"] == "FSFW"


def test_initials_from_the_byline_and_the_title() -> None:
    raw = ("**CM: Why free?**\n\nRMS: Because freedom matters to every user.\n\n**CM: And GPLv3?**\n\n"
           "RMS: It closes loopholes that were used against users.")
    found = cast_of(raw, title="Interview with Richard M. Stallman", authors=["Colin McGregor"])
    assert roles(found) == {"CM": ("Colin McGregor", "interviewer"), "RMS": ("Richard M. Stallman", "interviewee")}


def test_generic_labels_take_the_names_from_title_and_byline() -> None:
    raw = "问：为什么？\n\n答：因为便宜，而且好用。\n\n问：然后呢？\n\n答：然后就卖完了，一个不剩。\n"
    found = cast_of(raw, title="专访气候学家林婉清：夏天会更长", authors=["陈柏宇"], publisher="岛屿周刊")
    assert roles(found) == {"问": ("陈柏宇", "interviewer"), "答": ("林婉清", "interviewee")}


def test_two_hosts_and_a_guest_and_a_break_marker() -> None:
    raw = "\n\n".join([
        "**Adam:** Welcome back to the show, I'm your host Adam. Today we're joined by Tim Hockin.",
        "**Jerod:** Tim, what is Kubernetes?", "**Intermission:** [01:12]",
        "**Tim Hockin:** It is a system for running containers on many machines, built at Google.",
        "**Adam:** Why open source?",
        "**Tim Hockin:** Because the community makes it better than we could alone, and faster.",
        "**Jerod:** Right.", "**Tim Hockin:** And because customers asked for it, honestly, again and again.",
        "**Intermission:** [02:30]"])
    found = cast_of(raw)
    assert {label: v.role for label, v in found.voices.items()} == {
        "Adam": "interviewer", "Jerod": "interviewer", "Tim Hockin": "interviewee"}
    assert found.ignored["Intermission"] == "marks time, says nothing"


def test_an_unnamed_voice_is_nobody_to_quote() -> None:
    raw = "\n\n".join(["Host (00:01):\nWhat did you build?", "Ana Lima (00:05):\nA bakery with six ovens and a van.",
                       "Speaker 3 (00:09):\nIs that right?", "Host (00:11):\nAnd next?",
                       "Ana Lima (00:15):\nA second shop, next spring in the old town.", "Speaker 3 (00:20):\nWow."])
    found = cast_of(raw)
    assert found.voices["Speaker 3"].role == "other" and found.interviewees == ["Ana Lima"]


def test_names() -> None:
    assert from_title("“Batteries” — an interview with Mira Castellanos") == ["Mira Castellanos"]
    assert from_title("Aino Virtanen im Interview: „Ruhe“") == ["Aino Virtanen"]
    assert from_title("专访清华教授：中美关系") == []  # an office, not a name
    assert from_title("Daniel Stenberg") == ["Daniel Stenberg"]
    assert from_teaser("近日，妙鸭产品负责人张月光接受了多家媒体的群访。") == ["张月光"]
    assert from_teaser("Wir sprachen mit Prof. Oliver Sander über Geld.") == ["Prof. Oliver Sander"]
    assert full_name("Keller", "Hanna Keller betreut Bienen. Frau Keller sagt …") == "Hanna Keller"
    assert full_name("Keller", "Frau Keller sagt …") == "Keller"
    assert expand_initials("OS", ["Tim Hockin", "Prof. Oliver Sander"]) == "Prof. Oliver Sander"
    assert same_person("OS", "Oliver Sander") and same_person("Prof. Oliver Sander", "Oliver Sander")
    assert not same_person("Tim Hockin", "Aparna Sinha") and not same_person("Gomez", "Dai Yusen")
