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


PTT = """ 作者  cha_ling (茶鈴)                                          看板  Gossiping
 標題  [新聞] 阿里山茶農：茶是看天吃飯
 時間  Sun Mar 10 21:14:33 2024
───────────────────────────────────────
1.媒體來源:
島嶼週報

2.記者署名:
記者邱明蓉／嘉義報導

3.完整新聞標題:
專訪／阿里山第三代茶農莊雅婷：「茶是看天吃飯」

4.完整新聞內文:

33歲的莊雅婷原本在新竹當工程師，2019年回到山上接手祖父的茶園。

問：當初為什麼決定回來？

答：2018年底我阿公中風，我爸一個人顧不來，
那年冬茶差點採不完。

問：一年大概產多少茶？

答：好的年份，春茶大概1,800斤，冬茶1,200斤左右。

問：缺工的問題嚴重嗎？

答：很嚴重。採茶季需要大概二十個採茶工。

更多島嶼週報報導
►返鄉青年調查：三成兩年內再度離鄉
►颱風季前夕 茶農搶收夏茶

5.完整新聞連結 (或短網址):
https://www.islandweekly.example/news/20240310-alishan

6.備註:
阿里山茶喝過一次就回不去了

--
※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 111.248.107.52 (臺灣)
※ 文章網址: https://www.ptt.cc/bbs/Gossiping/M.1710076473.A.3F2.html
推 wulong88: 阿里山茶真的貴但值得                                   03/10 21:20
"""


def test_a_board_post_with_two_fields_a_line_and_a_news_form(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "post.txt", PTT)))
    assert masthead(prepared) == ("專訪／阿里山第三代茶農莊雅婷：「茶是看天吃飯」", "島嶼週報", "2024-03-10")
    assert prepared.article.url == "https://www.ptt.cc/bbs/Gossiping/M.1710076473.A.3F2.html"
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [("莊雅婷", "2018年底我阿公中風，我爸一個人顧不來，那年冬茶差點採不完。"),
                    ("莊雅婷", "好的年份，春茶大概1,800斤，冬茶1,200斤左右。"),
                    ("莊雅婷", "很嚴重。採茶季需要大概二十個採茶工。")]  # (not the related links, nor the remarks)
    assert not any("回不去" in p.text or "返鄉青年" in p.text for p in prepared.passages)


def _comment(cid: str, user: str | None, text: str, children: str = "") -> str:
    author = f'<a href="https://old.reddit.com/user/{user}" class="author">{user}</a>' if user else "<em>[deleted]</em>"
    body = f'<div class="usertext-body"><div class="md"><p>{text}</p></div></div>' if user else ""
    return (f'<div class="thing comment" id="thing_{cid}"><div class="entry"><p class="tagline">{author}</p>{body}'
            f'</div><div class="child">{children}</div></div>')


AMA = ("<html><head><title>I'm Dr. Priya Castellane. I spent 14 months as the only doctor in Antarctica. AMA!"
       "</title></head><body><div class='sitetable'><div class='thing link'><p class='tagline'>"
       "<a href='https://old.reddit.com/user/PolarDocPriya' class='author'>PolarDocPriya</a></p>"
       "<div class='usertext-body'><div class='md'><p>Hi Reddit! I was the station doctor at Halvorsen Station.</p>"
       "</div></div></div></div><div class='commentarea'>"
       + _comment("c1", "penguinfan", "What was the worst emergency?",
                  _comment("c2", "PolarDocPriya", "An appendicitis in week 19, operated with the electrician."))
       + _comment("c3", None, "", _comment("c4", "PolarDocPriya", "Nobody was hurt. The extinguisher was refilled."))
       + _comment("c5", "icewind", "What did you eat?",
                  _comment("c6", "PolarDocPriya", "Fresh food ran out after six weeks, then frozen fish."))
       + "</div></body></html>")


def test_a_thread_host_named_in_the_title_and_an_answer_to_a_deleted_comment(tmp_path: Path) -> None:
    said = [(p.speaker, p.text) for p in answers_of(read_article(str(write(tmp_path, "ama.html", AMA))))]
    assert ("Priya Castellane", "Nobody was hurt. The extinguisher was refilled.") in said
    assert {s for s, _ in said} == {"Priya Castellane"} and len(said) == 3


def test_an_italic_question_under_a_photo_is_a_question(tmp_path: Path) -> None:
    qa = [("How did you end up on the mountain?", "By accident, mostly. The district cut my job."),
          ("What does a normal day look like?", "I am up at 5:30 and scan the horizon before coffee."),
          ("Do you ever get lonely?", "Less than people think. Hikers come up on most weekends."),
          ("Will you go back next year?", "If my knees will have me.")]
    body = "".join(f"<p><em>{q}</em></p><p>{a}</p>" for q, a in qa)
    page = (f"<html><head><title>Nineteen summers on a lookout</title></head><body><article><h1>Nineteen summers on a "
            f"lookout</h1><p>Every June since 2006, Delia Marchetti has hiked to Baldcrest Lookout.</p><figure>"
            f"<img src='cab.jpg'><figcaption>The cab at dawn.</figcaption></figure>{body}</article></body></html>")
    said = [(p.question, p.text) for p in answers_of(read_article(str(write(tmp_path, "lookout.html", page))))]
    assert said == qa


NOTE = """# Interview Hauke Ketelsen – Reetdachdecker

#interview #handwerk

%% Audio: Aufnahmen/2024-11-07_Ketelsen.wav – Backup auf NAS %%

## Frage 1: Wie sind Sie zum Reetdach gekommen?

**Hauke Ketelsen:** Über meinen Großvater, der hat den Betrieb 1961 gegründet.

## Frage 2: Was kostet ein Reetdach?

**Hauke Ketelsen:** Im Moment liegen wir bei 180 bis 220 Euro pro Quadratmeter.

*Nachfrage:* Das ist deutlich mehr als ein Ziegeldach, oder?

**Hauke Ketelsen:** Auf den ersten Blick ja, ungefähr das Doppelte.

> [!todo] Frage 3 fehlt
> Akustisch unbrauchbar – Traktor im Hintergrund. Per Mail nachfragen.

## Frage 4: Finden Sie genug Nachwuchs?

**Hauke Ketelsen:** Nein. Wir hatten dieses Jahr genau eine Bewerbung.

- [ ] Zitate bis 20.11. freigeben lassen
"""


def test_questions_as_headings_over_labelled_answers_and_a_follow_up_asked_once(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "note.md", NOTE)))
    said = [(p.question, p.text) for p in answers_of(prepared)]
    assert said == [
        ("Frage 1: Wie sind Sie zum Reetdach gekommen?", "Über meinen Großvater, der hat den Betrieb 1961 gegründet."),
        ("Frage 2: Was kostet ein Reetdach?", "Im Moment liegen wir bei 180 bis 220 Euro pro Quadratmeter."),
        ("Das ist deutlich mehr als ein Ziegeldach, oder?", "Auf den ersten Blick ja, ungefähr das Doppelte."),
        ("Frage 4: Finden Sie genug Nachwuchs?", "Nein. Wir hatten dieses Jahr genau eine Bewerbung.")]
    shown = " ".join(p.text for p in prepared.passages)
    assert "Audio" not in shown and "Traktor" not in shown and "freigeben" not in shown  # the writer's own notes


PRESS = """<html><head><title>ASAP Sports Transcripts - Basketball - 2024 - CONFERENCE TOURNAMENT - Renee Calloway
</title></head><body><table><tr><td><img src="/logo.gif" alt="ASAP sports"><p>Archive by Sport</p><p>Baseball</p>
<p>Basketball</p><p>Boxing</p><p>Football</p><p>Golf</p><p>Hockey</p></td><td>
<h1>CONFERENCE TOURNAMENT</h1><p>March 9, 2024</p>
<p>THE MODERATOR: We're joined by head coach Renee Calloway. Coach, an opening statement.</p>
<p>RENEE CALLOWAY: Well, first of all, hats off to Ridgeview Tech. They made us earn every possession.</p>
<p>Q. You went to the 2-3 zone to start the third quarter. What was the thinking there?</p>
<p>RENEE CALLOWAY: We weren't guarding the ball screen well at all in the first half.</p>
<p>Q. What's the latest on Jada Price?</p>
<p>RENEE CALLOWAY: It's a left ankle sprain. She's getting X-rays tonight just to be safe.</p>
<p>Q. How do you prepare for Sunday?</p>
<p>RENEE CALLOWAY: We'll have a walk-through tomorrow at 3:00 and film at 7:00.</p>
<p>FastScripts Transcript by ASAP Sports</p></td></tr></table>
<p>Copyright &copy; 2024 ASAP Sports, Inc. All rights reserved.</p></body></html>"""


def test_a_press_conference_reporters_asking_q_and_the_site_its_marks_name(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "press.html", PRESS)))
    said = [(p.question, p.text) for p in answers_of(prepared)]
    assert said[1:] == [
        ("You went to the 2-3 zone to start the third quarter. What was the thinking there?",
         "We weren't guarding the ball screen well at all in the first half."),
        ("What's the latest on Jada Price?", "It's a left ankle sprain. She's getting X-rays tonight just to be safe."),
        ("How do you prepare for Sunday?", "We'll have a walk-through tomorrow at 3:00 and film at 7:00.")]
    assert {p.speaker for p in answers_of(prepared)} == {"Renee Calloway"}
    assert prepared.article.publisher == "ASAP Sports"  # (not the coach at the title's end, nor "Sport" of a menu)
    assert not any(p.text in ("Baseball", "Archive by Sport") for p in prepared.passages)  # the site's menu


def test_a_transcription_credit_is_chrome_a_sentence_about_a_transcript_is_not() -> None:
    from bot.importer import chrome

    assert chrome.classify("FastScripts Transcript by ASAP Sports") == "credit"
    assert chrome.classify("Transcription by Otter.ai", in_answer=True) == "credit"
    assert chrome.classify("The transcript by Reuters was wrong, and we appealed it.", in_answer=True) is None


def test_an_audience_question_asked_once_and_its_answer_are_turns_of_their_own(tmp_path: Path) -> None:
    text = ("# Storage engines\n\nPL: Welcome. Mirela, can you show us the new engine first?\n\n"
            "MV: Sure. It keeps every page compressed.\n\nQ - Does it work on small devices too?\n\n"
            "A - It does, we test it on a board with two hundred megabytes.\n\nPL: Hakon, how does yours differ?\n\n"
            "HB: We keep everything in memory and write a log.\n\nPL: What was the hardest bug this year?\n\n"
            "MV: A torn write on one file system.\n\nHB: A clock that ran backwards.\n")
    said = [(p.question, p.text) for p in answers_of(read_article(str(write(tmp_path, "panel.md", text))))]
    assert ("Does it work on small devices too?", "It does, we test it on a board with two hundred megabytes.") in said
    assert not any("small devices" in t for _, t in said)  # (the question is no part of an answer)
