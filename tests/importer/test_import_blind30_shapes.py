"""Shapes from the thirtieth blind round (documents written by someone who never saw the importer): readers'
questions signed with their name and town, a support box between answers, an association newsletter from a PDF
whose questions are only set apart by their "?", a radio programme whose guest is labelled by name and title,
and a podcast's transcript where the host's "嗯。" interrupts the guest."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, masthead, write


def test_readers_questions_signed_with_name_and_town_and_a_support_box(tmp_path: Path) -> None:
    qa = [("What is your favourite building? Tom, Leeds", "It changes every week, which tells you something."),
          ("What went wrong with the library budget? </strong><strong>Priya, Bradford",
           "Two things, and only one of them was our fault."),
          ("Do architecture schools teach the right things? Femi, London", "No. They teach them in the wrong order."),
          ("What is the worst thing you have designed? Gareth, Swansea", "A car park in Rotherham, 1997.")]
    items = [f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in qa]
    box = ("<div class='dcr-support-box'><p>We have no shareholders and no billionaire owner.</p>"
           "<p><strong>Support our journalism</strong></p><p>Remind me in July</p></div>")
    page = (f"<html><head><title>Imogen Thackeray: you ask the questions | Albion Herald</title></head><body>"
            f"<article><h1>Imogen Thackeray: you ask the questions</h1><p>The architect answers your questions.</p>"
            f"{''.join(items[:2])}{box}{''.join(items[2:])}</article></body></html>")
    prepared = read_article(str(write(tmp_path, "qa.html", page)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [("Imogen Thackeray", a) for _, a in qa]
    assert not any("shareholders" in p.text or "Remind me" in p.text for p in prepared.passages)


NEWSLETTER = """Mitteilungsblatt 3/2024 · Seite 12

IM GESPRÄCH

„Die Hornisse wartet nicht auf unsere Satzung“

Dr. Renate Wießner über die Asiatische Hornisse. Dr. Renate Wießner ist Tierärztin aus Schwandorf. Mit ihr
sprach Markus Eibl.

Frage: Frau Dr. Wießner, wann haben Sie zum ersten Mal eine Asiatische Hornisse gesehen?

Am 14. September 2023, an einem Bienenstand in Burglengenfeld. Ein Imkerkollege hatte mich angerufen.

Wie viele Nachweise gibt es inzwischen?

Bis Ende April hatten wir 37 bestätigte Meldungen, davon neun Nester.

Was sollen Mitglieder tun, wenn sie ein Nest entdecken?

Auf keinen Fall selbst entfernen. Die Nester hängen oft in 15 oder 20 Metern Höhe.

Wie gefährlich ist die Hornisse für Menschen?

Nicht gefährlicher als unsere heimische Hornisse, solange man die Nester in Ruhe lässt.

Und für die Bienen?

Das ist die eigentliche Sorge. In Frankreich verlieren manche Imker ein Drittel ihrer Völker.

Wie sahen die Verluste im Winter aus?

Durchwachsen, aber besser als befürchtet. Im Schnitt haben wir 14 Prozent verloren.
"""


def test_questions_set_apart_only_by_their_question_mark_under_a_kicker_in_capitals(tmp_path: Path) -> None:
    said = [(p.speaker, p.text) for p in answers_of(read_article(str(write(tmp_path, "blatt.txt", NEWSLETTER))))]
    assert len(said) == 6 and {who for who, _ in said} == {"Renate Wießner"}
    assert said[4] == ("Renate Wießner", "Das ist die eigentliche Sorge. In Frankreich verlieren manche Imker ein "
                                         "Drittel ihrer Völker.")


RADIO = """<html><head><title>城市有道 - 街市仲有冇明天？ - 節目重溫 - 維港電台</title>
<meta property="og:title" content="城市有道 - 街市仲有冇明天？"></head><body><article><h1>街市仲有冇明天？</h1>
<p>主持：今日請嚟陳慧文教授，同我哋傾吓街市。陳教授，你研究街市幾耐？</p>
<p>陳慧文教授：差唔多十五年啦。嗰陣我成日朝早六點就去，同啲魚檔、菜檔嘅老闆一齊開檔。</p>
<p>主持：點解街市咁重要？</p>
<p>陳慧文教授：因為街市唔止係買嘢，係一個社區嘅客廳，啲街坊喺度交換消息。</p>
<p>主持：而家啲後生仲會去街市嗎？</p>
<p>陳教授：少咗好多，佢哋多數喺網上買嘢，或者去超市。</p>
<p>主持：政府可以點做？</p>
<p>陳教授：最緊要係唔好再拆，同埋俾檔主有長啲嘅租約。</p>
</article></body></html>"""


def test_a_guest_labelled_by_name_and_title_then_by_title_and_a_programmes_name_before_the_episode(
        tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "radio.html", RADIO)))
    assert {p.speaker for p in answers_of(prepared)} == {"陳慧文"} and len(answers_of(prepared)) == 4
    assert masthead(prepared)[0] == "街市仲有冇明天？"


def test_the_guest_goes_on_after_the_hosts_hm(tmp_path: Path) -> None:
    first, then = "对。现在咖啡和饮品占了营收的六成左右，书只占三成多。", "但我跟自己约定过，咖啡吧台永远不能比书架大。"
    text = (f"# 小城书店的十年\n\n程一舟：你是怎么开始卖咖啡的？\n\n鲁雁秋：{first}\n\n程一舟：嗯。\n\n{then}\n\n"
            "程一舟：很多人觉得县城的人不看书，是吗？\n\n鲁雁秋：这是偏见，我们的读书会每次都满。\n\n"
            "程一舟：下一步呢？\n\n鲁雁秋：想在隔壁镇再开一家小的。\n")
    said = [p.text for p in answers_of(read_article(str(write(tmp_path, "shop.md", text))))]
    assert said[0] == f"{first}\n\n{then}"


def test_a_legend_that_writes_the_role_before_the_name_and_a_voice_in_brackets(tmp_path: Path) -> None:
    turns = [("I", "Wo sind Sie aufgewachsen?"), ("Z", "In der Mühlgasse 7, direkt am Kanal, mit vier Geschwistern."),
             ("I", "Was hat Ihr Vater gemacht?"), ("Z", "Er war Färber in der Spinnerei, wie sein Vater auch."),
             ("I", "Wo haben Sie Ihren Mann kennengelernt?"), ("Z", "Beim Tanz im Adler, 1955."),
             ("H", "Es war im Rössle, nicht im Adler."), ("Z", "Er hat recht, es war im Rössle.")]
    text = ("# Zeitzeugengespräch Gertrud Hahn\n\n*Legende: I = Interviewerin Petra Lang, Z = Zeitzeugin Gertrud "
            "Hahn.* Zeitweise war auch ihr Ehemann anwesend (H = Heinrich Hahn).\n\n"
            + "\n\n".join(f"{who}: {words}" for who, words in turns))
    prepared = read_article(str(write(tmp_path, "hahn.md", text)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said[0] == ("Gertrud Hahn", "In der Mühlgasse 7, direkt am Kanal, mit vier Geschwistern.")
    assert ("Heinrich Hahn", "Es war im Rössle, nicht im Adler.") in said
    assert prepared.cast.interviewers == ["Petra Lang"]


def test_a_role_before_the_name_once_then_the_given_name(tmp_path: Path) -> None:
    text = ("# 茶園裡的三年\n\n主持人 阿哲：歡迎來賓林雅婷！妳以前在做什麼？\n\n"
            "來賓 林雅婷：我在信義區一間廣告公司做了七年的平面設計。\n\n阿哲：為什麼回鹿谷？\n\n"
            "雅婷：2019 年春天阿公中風，茶園沒人顧。\n\n阿哲：轉有機難嗎？\n\n雅婷：轉型期要三年，產量掉了快四成。\n")
    prepared = read_article(str(write(tmp_path, "tea.md", text)))
    assert {p.speaker for p in answers_of(prepared)} == {"林雅婷"} and len(answers_of(prepared)) == 3


EPAPER = """Lahntal-Bote  ·  Hinterländer Ausgabe
E-Paper  ·  Freitag, 12. April 2024  ·  Seite 15  ·  Lokales Gladenbach
------------------------------------------------------------------------

„Um drei Uhr morgens war die Welt noch in Ordnung“

Bäckermeister Reinhard Wolff schließt nach 41 Jahren seine Backstube.

Von Anna Schmidt

**Herr Wolff, wann sind Sie heute aufgestanden?**

Um halb drei, wie jeden Tag seit 1983. Der Teig wartet nicht.

**Warum hören Sie auf?**

Weil es keinen Nachfolger gibt. Mein Sohn ist Ingenieur in Stuttgart.

========================================================================
Lahntal-Bote  ·  Freitag, 12. April 2024  ·  Seite 16  ·  Lokales
========================================================================

**Was werden Sie vermissen?**

Den Geruch morgens um vier, wenn die ersten Brötchen aus dem Ofen kommen.

Dieser Artikel online:
https://www.lahntal-bote.example/lokales/baeckerei-wolff-interview.html
"""


def test_an_epapers_page_heads_name_the_paper_and_are_no_title(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "epaper.txt", EPAPER)))
    assert masthead(prepared)[:2] == ("„Um drei Uhr morgens war die Welt noch in Ordnung“", "Lahntal-Bote")
    assert prepared.article.url == "https://www.lahntal-bote.example/lokales/baeckerei-wolff-interview.html"
    assert len(answers_of(prepared)) == 3


def test_readers_questions_signed_on_the_next_line_and_an_expert_named_as_answering(tmp_path: Path) -> None:
    qa = [("Will a heat pump keep my Victorian terrace warm?", "Margaret, Swindon", "Yes, in most cases."),
          ("My neighbour's heat pump is noisy. Will mine be?", "Dev, Leicester", "Your neighbour's is quite typical."),
          ("Do you have one yourself?", "Kwame, Luton", "I do. We put an air-source pump in three years ago.")]
    body = "".join(f"<p><b>{q}</b></p><p><i>– {who}</i></p><p>{a}</p>" for q, who, a in qa)
    page = ("<html><head><title>Heat pumps: Your questions answered - WBC News</title></head><body><article>"
            "<h1>Heat pumps: Your questions answered</h1><p>We asked you to send in your questions. Dr Imogen "
            "Thackeray, a building-energy engineer in Sheffield, answers them.</p>" + body + "</article></body></html>")
    said = [(p.speaker, p.question, p.text) for p in answers_of(read_article(str(write(tmp_path, "wbc.html", page))))]
    assert said == [("Dr Imogen Thackeray", q, a) for q, _, a in qa]


HK_PRINT = """東港日報

首頁 > 港聞 > 專訪

專訪霓虹燈師傅陳家豪：「燈可以拆，手藝不能拆」

記者 李敏

在油麻地一幢工業大廈的十二樓，陳家豪的工作枱上擺着一排排彎成字樣的玻璃管的燈。

問：你是怎樣入行的？
陳家豪：我十六歲中三畢業就出來做學徒，跟的是深水埗一位姓梁的師傅。

問：一支霓虹燈管是怎樣做出來的？
答：先按設計圖把字樣一比一畫在石棉布上，然後用火槍把玻璃管燒軟。

問：生意受影響嗎？
答：很大。2000年前後，我一個月可以接十幾單招牌，現在一年都未必有十單。

問：有徒弟嗎？
答：有兩個，都是大學畢業生。

© 2024 東港日報有限公司 版權所有 不得轉載
"""


def test_a_papers_print_interview_named_once_then_answering_as_da(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "neon.txt", HK_PRINT)))
    assert masthead(prepared)[:2] == ("專訪霓虹燈師傅陳家豪：「燈可以拆，手藝不能拆」", "東港日報")
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said[0] == ("陳家豪", "我十六歲中三畢業就出來做學徒，跟的是深水埗一位姓梁的師傅。")
    assert {who for who, _ in said} == {"陳家豪"} and len(said) == 4


def test_a_newsletter_that_sat_down_with_its_guest(tmp_path: Path) -> None:
    text = ("---\ntitle: \"Issue #47: The cargo bike co-op\"\ndate: 2024-09-26\n---\n\nHi friends,\n\nThis week I sat "
            "down (well, stood, in a very draughty railway arch) with **Tomasz Wieczorek**, who co-founded Harbourside "
            "Cargo.\n\n" + "\n\n".join(f"> **Q:** {q}\n\n{a}" for q, a in [
                ("Why a co-op?", "Because none of us wanted a boss, honestly."),
                ("How do you decide things?", "One member, one vote. It's slower, but nobody quits."),
                ("Would you take venture capital?", "Never. They would want the exit, and we want the arch.")]))
    assert {p.speaker for p in answers_of(read_article(str(write(tmp_path, "issue.md", text))))} == {"Tomasz Wieczorek"}


def test_two_interviews_under_headings_that_name_each_guest_a_photo_between(tmp_path: Path) -> None:
    def part(qa: list[tuple[str, str]]) -> str:
        return "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in qa)
    page = ("<html><head><title>Moor statt Weide | Universität Lahnfeld</title></head><body><article>"
            "<h1>Moor statt Weide</h1><p>Zwei Forschende berichten über die Wiedervernässung.</p>"
            "<h2>Interview: Prof. Dr. Carla Wendt</h2>"
            + part([("Was hat Sie überrascht?", "Wie schnell die Torfmoose zurückkamen."),
                    ("Wie messen Sie das?", "Mit Hauben, die wir jede Woche über den Boden setzen.")])
            + "<figure><img src='moor.jpg'><figcaption>Das Bärenmoor im Mai.</figcaption></figure>"
            "<h2>Interview: Lukas Brenninger</h2>"
            + part([("Wie sieht Ihr Alltag im Moor aus?", "Gummistiefel, Messkoffer und viel Geduld."),
                    ("Was kommt als Nächstes?", "Wir wollen die Flächen zehn Jahre lang begleiten.")])
            + "</article></body></html>")
    said = [(p.speaker, p.text) for p in answers_of(read_article(str(write(tmp_path, "moor.html", page))))]
    assert [who for who, _ in said] == ["Carla Wendt", "Carla Wendt", "Lukas Brenninger", "Lukas Brenninger"]


MANUSCRIPT = """Deutschlandfunk Kultur – Zeitfragen – Feature
„Die letzten Glockengießer“

Sprecherin:
In einer Halle am Stadtrand von Sinn wird seit 1590 Bronze gegossen.

O-Ton Henrike Aschauer:
Man riecht das, bevor man irgendwas sieht. Lehm, Pferdemist, Kälberhaare.

Sprecherin:
Henrike Aschauer führt die Gießerei in der siebten Generation.

O-Ton 2 Aschauer:
Ich bin die siebte Generation. Mein Vater hat nie gefragt, ob ich will.

Regie: Glocke schlägt, blenden

Autorin:
Wer prüft, ob eine Glocke gut ist?

O-Ton Malte Grunwald:
Eine Glocke muss klingen, bevor sie aufgehängt wird. Das prüfe ich mit der Stimmgabel.

Autorin:
Und wenn sie falsch klingt?

O-Ton 3 Aschauer:
Dann wird sie eingeschmolzen. Das passiert vielleicht einmal in zehn Jahren.

O-Ton 2 Grunwald:
Heute schaffen wir bis zu sechs Tonnen in einem Guss.
"""


def test_a_radio_manuscripts_numbered_sound_bites_are_one_voice(tmp_path: Path) -> None:
    said = [(p.speaker, p.text) for p in answers_of(read_article(str(write(tmp_path, "glocken.txt", MANUSCRIPT))))]
    assert ("Henrike Aschauer", "Ich bin die siebte Generation. Mein Vater hat nie gefragt, ob ich will.") in said
    assert ("Malte Grunwald", "Heute schaffen wir bis zu sechs Tonnen in einem Guss.") in said
    assert not any("Glocke schlägt" in t for _, t in said)
