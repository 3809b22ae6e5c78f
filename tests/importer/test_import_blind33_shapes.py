"""Shapes from the thirty-third blind round (documents written by someone who never saw the importer): a Sunday
paper's interview continued behind its paywall (the main-text extractor falls back to one that keeps no bold),
under a headline naming the guest by his office and surname, with a long cookie banner; and an interview held in a
messaging app, its chat exported as text under a desk's header."""

from __future__ import annotations

from pathlib import Path

from bot.importer import metadata
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, masthead, write

QA = [("Herr Albrecht, im Juli ist an drei Abenden der Wasserdruck eingebrochen. Wie knapp war es wirklich?",
       "Knapper, als wir es damals öffentlich gesagt haben, das gebe ich heute offen zu."),
      ("Zur falschen Zeit heißt: abends um sieben?",
       "Zwischen halb sieben und halb zehn, ja. Da kommen die Leute nach Hause, da laufen die Rasensprenger."),
      ("Hat sich jemand an das Verbot gehalten?",
       "Erstaunlich viele. Am Tag nach der Verfügung ging die Abendspitze um fast ein Fünftel zurück."),
      ("Was kostet das, und wer bezahlt es?",
       "Rund 140 Millionen Euro in zehn Jahren. Bezahlen werden es am Ende die Kundinnen und Kunden."),
      ("Zum Schluss, Herr Albrecht: Wird Norddeutschland das Wasser ausgehen?",
       "Nicht in dem Sinn, dass die Hähne trocken bleiben. Was uns ausgehen kann, ist die Selbstverständlichkeit.")]
COOKIES = ("Wir und unsere 142 Partner verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren, "
           "Werbung auszuspielen und die Nutzung unserer Website zu analysieren. Ihre Einwilligung können Sie "
           "jederzeit unter „Datenschutz-Einstellungen“ im Seitenfuß widerrufen.")


def sunday_paper(cookies: str = COOKIES) -> str:
    def qa(pairs: list[tuple[str, str]]) -> str:
        return "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in pairs)
    return ("<html lang='de'><head><title>Wasserverbund-Chef Albrecht: „Wir werden über Wasser streiten müssen“ | "
            "Hanse Sonntag</title><meta property='og:site_name' content='Hanse Sonntag'></head><body>"
            f"<div id='cmp-banner' class='cmp'><p>{cookies}</p><button>Alle akzeptieren</button></div>"
            "<main><article><h1>„Wir werden über Wasser streiten müssen“</h1>"
            "<p class='article__teaser'>Drei Tage ohne Druck in der Leitung und ein Poolverbot: Konrad Albrecht, "
            "Vorstand des Wasserverbunds Geest-Marsch, über heiße Sommer und teures Wasser.</p>"
            f"<div class='article__body'>{qa(QA[:2])}</div>"
            "<div class='paywall-box'><p>Weiterlesen mit HS+</p></div>"
            f"<div class='article__body paywalled'>{qa(QA[2:])}"
            "<aside class='infobox infobox--person'><p>Konrad Albrecht, 58, ist Diplom-Ingenieur für "
            "Siedlungswasserwirtschaft und leitet seit 2017 den Wasserverbund Geest-Marsch, der rund 410.000 Menschen "
            "mit Trinkwasser versorgt.</p></aside></div></article></main></body></html>")


def test_bold_questions_of_an_interview_continued_behind_a_paywall(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "wasser.html", sunday_paper())))
    assert [(p.speaker, p.text) for p in answers_of(prepared)] == [("Konrad Albrecht", a) for _, a in QA]
    assert not any("Cookies" in p.text for p in prepared.passages)


def test_a_headline_that_names_the_guest_by_office_takes_the_name_the_text_gives() -> None:
    from bot.importer.names import from_titles

    text = "Konrad Albrecht, Vorstand des Wasserverbunds, über heiße Sommer. Herr Albrecht, wie knapp war es?"
    assert from_titles(["Wasserverbund-Chef Albrecht: „Wir werden streiten müssen“"], text) == ["Konrad Albrecht"]
    sister = "Thanks, Mateo. His sister Ana Ferreira started the project with him."
    assert from_titles(["Mateo Ferreira: keeping the lights on"], sister) == ["Mateo Ferreira"]


def test_an_intro_about_cookies_stays(tmp_path: Path) -> None:
    intro = ("Anna Berg backt seit dreißig Jahren Cookies nach dem Rezept ihrer Großmutter, und ihre Kundschaft "
             "gibt ihr dafür gern die Einwilligung, jeden Samstag anzustehen; ein Gespräch über Butter, Zucker, "
             "Geduld und darüber, warum sie nie eine zweite Filiale eröffnen wollte, obwohl die Bank es ihr riet.")
    page = sunday_paper().replace("<p class='article__teaser'>", f"<p>{intro}</p><p class='article__teaser'>")
    assert any(intro in p.text for p in read_article(str(write(tmp_path, "kekse.html", page))).passages)


CHAT = """The Coastline Review | web desk copy, do not edit above the line
Headline: The batteries were the easy part: Graham Pellow on taking the ferries electric
Standfirst: The managing director of Fenwick Bay Ferries on grid queues and cold-water range.
Interview: Tom Whitlock
Runs: 16/03/2024 online, Saturday edition p. 14
Link: https://www.coastlinereview.co.uk/interviews/2024/03/graham-pellow

------------------------------------------------------------------
12/03/2024, 13:41 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.
12/03/2024, 13:41 - Dee Marchetti (FBF comms) created group "Pellow x Coastline Review"
12/03/2024, 13:43 - Dee Marchetti (FBF comms): Hi both! Graham is free till about 15:00.
12/03/2024, 13:47 - Tom Whitlock: Why were you the ones to go electric first?
12/03/2024, 13:52 - Graham Pellow: Honestly, because we're small enough that nobody could stop us.
When you run two boats on a four-mile crossing you know every litre of fuel by name.
12/03/2024, 13:53 - Graham Pellow: The big operators have longer routes and shareholders.
12/03/2024, 13:55 - Tom Whitlock: How much did the conversion cost?
12/03/2024, 14:01 - Graham Pellow: All in, £6.4 million for both boats including the shore chargers.
Payback: we think nine years, if electricity prices behave.
12/03/2024, 14:05 - Tom Whitlock: What was the hardest part?
12/03/2024, 14:06 - Graham Pellow: <Media omitted>
12/03/2024, 14:07 - Dee Marchetti (FBF comms): I can transcribe it for you Tom, give me 5 mins
12/03/2024, 14:13 - Graham Pellow: The grid connection. We waited three years for the cable.
12/03/2024, 14:15 - Tom Whitlock: What would your grandfather make of it?
12/03/2024, 14:16 - Graham Pellow: He'd ask what it cost, and then he'd tell me I'd been robbed.
12/03/2024, 14:17 - Dee Marchetti (FBF comms): Thanks Tom! Could you let us know when it's running?
12/03/2024, 15:40 - Tom Whitlock: This message was deleted
12/03/2024, 16:02 - Dee Marchetti (FBF comms) left
------------------------------------------------------------------
"""


def test_an_interview_held_in_a_messaging_app_and_exported_as_text(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "chat.txt", CHAT)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [("Graham Pellow", "Honestly, because we're small enough that nobody could stop us.\n\nWhen you run "
                     "two boats on a four-mile crossing you know every litre of fuel by name.\n\nThe big operators "
                     "have longer routes and shareholders."),
                    ("Graham Pellow", "All in, £6.4 million for both boats including the shore chargers.\n\n"
                     "Payback: we think nine years, if electricity prices behave."),
                    ("Graham Pellow", "The grid connection. We waited three years for the cable."),
                    ("Graham Pellow", "He'd ask what it cost, and then he'd tell me I'd been robbed.")]
    assert not any(s in p.text for p in prepared.passages for s in ("12/03/2024", "encrypted", "transcribe", "Media"))
    assert masthead(prepared) == ("The batteries were the easy part: Graham Pellow on taking the ferries electric",
                                  "The Coastline Review", "2024-03-16")
    assert prepared.article.url == "https://www.coastlinereview.co.uk/interviews/2024/03/graham-pellow"


def test_a_date_with_slashes_where_only_one_order_can_be() -> None:
    assert [metadata.iso_date(d) for d in ("16/03/2024", "3/16/2024", "03/04/2024")] == ["2024-03-16", "2024-03-16",
                                                                                          None]


def telegram_post(n: int, day: str, text: str, signed: str | None = None, shown: str | None = "远山夜话",
                  photo: bool = False) -> str:
    return (f'<div class="message default clearfix" id="message{n}"><div class="body">'
            f'<div class="pull_right date details" title="{day} 20:{n % 60:02d}:00 UTC+08:00">20:{n % 60:02d}</div>'
            + (f'<div class="from_name">{shown}</div>' if shown else "")
            + ('<div class="media_wrap clearfix"><a class="photo_wrap" href="photos/p.jpg"></a></div>' if photo else "")
            + f'<div class="text">{text}</div>'
            + (f'<div class="signature details">{signed}</div>' if signed else "")
            + '<span class="reactions"><span class="reaction"><span class="emoji">👍</span>'
              '<span class="count">41</span></span></span></div></div>')


def test_a_channels_interview_in_its_exported_history(tmp_path: Path) -> None:
    qa = [("为什么偏偏是灯塔？", ["其实一开始我没想拍灯塔，我想拍的是“等”。", "灯塔只是一个地方。"]),
          ("片子里几乎没有旁白，这是一开始就定下的吗？", ["对。", "加上解说之后，片子一下子变成了科普节目。"]),
          ("拍了三年，钱从哪里来？", ["确实算不过来，我自己到现在也是亏的。"]),
          ("下一部片子想拍什么？", ["还是海，不过这次想上岸。"])]
    posts = [telegram_post(1, "07.03.2024", "【预告】下周四晚八点，导演沈亦舟做客本频道文字访谈。", "林澈"),
             '<div class="message service"><div class="body details">14 March 2024</div></div>',
             telegram_post(2, "14.03.2024", "【文字访谈】沈亦舟：我在灯塔上守了三年<br><br>沈亦舟，导演。", "林澈"),
             telegram_post(3, "14.03.2024", "沈亦舟在灯塔的值班室里。图／受访者提供", "林澈", None, photo=True)]
    n = 4
    for q, answer in qa:
        posts.append(telegram_post(n, "14.03.2024", q, "林澈"))
        for k, said in enumerate(answer):
            posts.append(telegram_post(n + 1 + k, "14.03.2024", said, "沈亦舟", None if k else "远山夜话"))
        n += 1 + len(answer)
    posts.append(telegram_post(n, "15.03.2024", "【周五书单】本周编辑部在读：《海岛志》。"))
    page = ('<html><head><title>Exported Data</title></head><body><div class="page_wrap"><div class="page_header">'
            '<div class="content"><div class="text bold">远山夜话</div></div></div><div class="page_body chat_page">'
            f'<div class="history">{"".join(posts)}</div></div></div></body></html>')
    prepared = read_article(str(write(tmp_path, "messages.html", page)))
    assert [(p.speaker, p.text) for p in answers_of(prepared)] == [("沈亦舟", "\n\n".join(a)) for _, a in qa]
    assert masthead(prepared) == ("沈亦舟：我在灯塔上守了三年", "远山夜话", "2024-03-14")
    assert not any(s in p.text for p in prepared.passages for s in ("预告", "值班室", "书单", "👍"))


MKDOCS = """---
title: "Kranich im Einsatz: Das Vermessungsamt Lindenau"
date:
  created: 2024-03-12
  updated: 2024-03-18
authors:
  - jpfefferle
---

# „Wir wollten nie wieder Kacheln von Hand schneiden“

<!-- Gespräch am 27.02.2024 per Videocall, Freigabe am 08.03.2024 -->

Für unsere Reihe haben Jonas Pfefferle und Miriam Adeyemi aus dem Kernteam mit Annegret Wolfsohn gesprochen.

!!! note "Zur Person"

    Dr. Annegret Wolfsohn leitet seit 2019 das Sachgebiet Geoinformation.

--8<-- "snippets/reihe-kranich-im-einsatz.md"

## Teil 1: Vom Schuhkarton zur Pipeline { #teil-1 }

#### Wie ist das Amt auf Kranich gestoßen?

Ehrlich gesagt über einen Praktikanten.

#### Was hat vorher nicht funktioniert?

Wir hatten eine Sammlung von Skripten, die über fünfzehn Jahre gewachsen war.

## Teil 2: Im Gespräch { #teil-2 }

**Miriam:** Habt ihr jemals über einen Cloud-Dienst nachgedacht?

**Annegret:** Nein.

Für uns war das nie eine echte Option, die Geobasisdaten unterliegen strengen Regeln.

**Jonas:** Wie kam es zu deinem ersten Pull Request?

**Annegret:** Aus purer Ungeduld, wenn ich ehrlich bin. Jede Kachel wurde jedes Mal komplett neu umgerechnet.

!!! tip "Aus dem Kernteam"

    Am Thema Förderverein arbeiten wir gerade.

**Miriam:** Papierkarte oder Bildschirm?

**Annegret:** Papierkarte, ganz klar. Ich plane jede Wanderung immer noch auf einem gefalteten Blatt.

*[IT]: Informationstechnik
"""


def test_a_documentation_sites_interview_with_two_who_ask_and_its_markdown_extensions(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "lindenau.md", MKDOCS)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert {who for who, _ in said} == {"Annegret Wolfsohn"} and len(said) == 5
    assert said[0][1] == "Ehrlich gesagt über einen Praktikanten." and said[2][1].startswith("Nein.\n\nFür uns")
    assert not any(s in p.text for p in prepared.passages for s in ("27.02.2024", "--8<--", "{ #", "!!!", "*[IT]"))
    assert not any("Förderverein" in t for _, t in said)  # the team's box: narrative
    assert prepared.article.published == "2024-03-12"
    assert {v.name: v.role for v in prepared.cast.voices.values()}["Miriam Adeyemi"] == "interviewer"


# Round 34 and a third set of real interviews (from public repositories, kept out of the repository) led to these.

def test_answers_folded_in_toggles_that_a_reader_opens(tmp_path: Path) -> None:
    qa = [("How did you end up doing sound for games?", "By accident. A friend needed footsteps for a tiny game."),
          ("Do you still record your own sounds?", "Most of them. Libraries sound like libraries."),
          ("What is in your bag?", "A recorder, two microphones and far too many batteries."),
          ("How do you price a project?", "By the week, with a cap, and I say the cap out loud on the first call."),
          ("What are you listening to now?", "Faroese folk music and a recording of a cathedral organ."),
          ("What would you tell a beginner?", "Record everything near you for a year before you buy anything.")]
    toggles = "".join(
        f'<div class="notion-selectable notion-toggle-block"><div style="font-weight: 600;">{q}</div>'
        f'<div class="notion-toggle-children" style="display: none;"><div class="notion-text-block">{a}</div></div>'
        '</div>' for q, a in qa)
    page = ('<html><head><title>Sound is half the room: a conversation with Delphine Arkwright</title>'
            '<meta property="og:site_name" content="Notion">'
            '<meta property="og:url" content="https://pinewick.notion.site/Sound-is-half-the-room-6f2a"></head><body>'
            '<div class="notion-topbar"><div role="button" style="display: none;">Duplicate</div></div>'
            '<div class="notion-page-content"><div class="notion-text-block">🌲 In this interview, Pinewick Studio '
            f'talks to the sound designer Delphine Arkwright.</div>{toggles}</div></body></html>')
    prepared = read_article(str(write(tmp_path, "notion.html", page)))
    assert [p.text for p in answers_of(prepared)] == [a for _, a in qa]
    assert prepared.article.publisher == "Pinewick" and not any("Duplicate" in p.text for p in prepared.passages)


ADOC = """= Meet Michael Simons
Vlad Mihalcea
:awestruct-tags: [ "Discussions", "Interview" ]
:awestruct-layout: blog-post
---

In this post, I'd like you to meet https://example.org/ms[Michael Simons], a long-time Hibernate user.

image::MichaelSimons.jpg["Michael Simons", align="center"]

. *Hi, Michael. Would you like to introduce yourself?*
+
My name is Michael Simons, and I live in Aachen, Germany.
+
I run our local JUG, the http://www.euregjug.eu/[Euregio JUG].

. *Which frameworks did you use for the JUG's site?*
+
I chose the following:

* Spring Boot as the application container
** Spring Framework and MVC

. *What would you like to see in Hibernate next?*
+
Better support for records.
"""


def test_an_asciidoc_spotlight_with_numbered_bold_questions(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "meet.adoc", ADOC)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert [who for who, _ in said] == ["Michael Simons"] * 3
    assert said[0][1] == ("My name is Michael Simons, and I live in Aachen, Germany.\n\n"
                          "I run our local JUG, the Euregio JUG.")
    assert prepared.article.title == "Meet Michael Simons" and prepared.cast.voices
    assert not any(s in p.text for p in prepared.passages for s in (":awestruct", "+\n", "https://example.org"))


def test_a_short_reply_that_repeats_what_was_put_to_the_guest_is_an_answer(tmp_path: Path) -> None:
    turns = [("MSM", "When you came over from 13 to 12, why did you pick this group?"),
             ("Condon", "Well I'm much more involved in hardware, the analog and the digital problems."),
             ("MSM", "This was switching systems."), ("Condon", "Switching systems."),
             ("MSM", "I never thought of this area as being particularly hardware."),
             ("Condon", "No, it's not. In fact the only guy who was doing it was Sandy."),
             ("MSM", "Right."), ("Condon", "Yeah."), ("MSM", "And the C machine?"),
             ("Condon", "It's not clear what RISC is.")]
    text = "Joe Condon interviewed by MSM, 1989\n\n" + "\n\n".join(f"{w}:\t{s}" for w, s in turns)
    said = [p.text for p in answers_of(read_article(str(write(tmp_path, "condon.txt", text))))]
    assert "Switching systems." in said and "Yeah." not in said


def test_a_layout_files_name_is_no_title_and_a_copyright_line_with_a_sentence_after_it(tmp_path: Path) -> None:
    page = ("<html><head><title>SL_0424_p34-36_Interview_Vance_v6.indd</title></head><body><div id='page-container'>"
            + "".join(f"<p><b>{q}</b></p><p>{a}</p>" for q, a in [
                ("Why did you stay?", "Because the mill was proud and very tired, and I liked both."),
                ("What changed first?", "The gas contract. It ran out in the worst possible month."),
                ("What comes next?", "Recycled fibre, about a third of the upholstery yarns by next year.")])
            + "<p>© 2024 Spindle &amp; Loom. Reprinted for the Northern Worsted Spinners’ Association.</p>"
            "</div></body></html>")
    prepared = read_article(str(write(tmp_path, "vance.html", page)))
    assert prepared.found.get("title") == "file name" and prepared.article.publisher == "Spindle & Loom"


def test_a_government_portals_live_interview_its_url_meta_and_photo_captions(tmp_path: Path) -> None:
    turns = "".join(f"<p>[10:0{n}:16] <strong>{w}：</strong>{s}</p>" for n, (w, s) in enumerate([
        ("主持人", "王局长，今年公交线网优化的重点是什么？"), ("王振峰", "重点是打通微循环，新开二十条社区公交。"),
        ("主持人", "老旧小区停车难怎么解决？"), ("王振峰", "今年新增六千个停车位，优先安排在老旧小区周边。"),
        ("主持人", "地铁2号线什么时候通车？"), ("王振峰", "对。年底前具备通车条件。")]))
    page = ("<html><head><title>畅通城市微循环_在线访谈_澜城市人民政府门户网站</title>"
            "<meta name='SiteName' content='澜城市人民政府门户网站'><meta name='PubDate' content='2024-05-16 11:42'>"
            "<meta name='Url' content='http://www.lancheng.gov.cn/hdjl/zxft/202405/t20240516_1187342.html'></head>"
            f"<body><div class='article'><h1>畅通城市微循环</h1><p>图为交通运输局局长王振峰做客在线访谈。</p>{turns}"
            "<p>请文明上网，理性发言。您的留言经审核后方可显示。</p></div></body></html>")
    prepared = read_article(str(write(tmp_path, "fangtan.html", page)))
    assert prepared.article.url == "http://www.lancheng.gov.cn/hdjl/zxft/202405/t20240516_1187342.html"
    assert not any(s in p.text for p in prepared.passages for s in ("图为", "文明上网"))


def test_a_title_naming_the_guest_with_a_nickname_in_brackets() -> None:
    from bot.importer.names import from_titles

    text = "Our first keynoter is **VM (Vicky) Brasseur**. VM (Vicky) Brasseur is a free software advocate."
    assert from_titles(["Meet our Keynoters: VM (Vicky) Brasseur"], text) == ["VM Brasseur"]


def test_a_second_guest_the_intro_names_speaking_once_and_a_platforms_disclaimer(tmp_path: Path) -> None:
    turns = [("硅基前哨", "融资进展如何？"), ("周砚秋", "我们刚完成了A轮融资，资金主要投入灵巧手研发。"),
             ("硅基前哨", "灵巧手的难点在哪里？"), ("刘川", "这个我来回答吧，传感器本身不是最难的。"),
             ("硅基前哨", "成本降了多少？"), ("周砚秋", "两年里降了一半以上。"),
             ("硅基前哨", "下一步做什么？"), ("周砚秋", "先把工厂里的三个场景做透。")]
    page = ("<html><head><title>对话周砚秋：灵巧手的难点不在手上_量子潮</title></head><body><article>"
            "<h1>对话周砚秋：灵巧手的难点不在手上</h1><p>近日，「硅基前哨」与周砚秋进行了一次长谈，深空智元联合创始人兼CTO"
            "刘川也参与了其中一部分讨论。</p>" + "".join(f"<p><strong>{w}：</strong>{s}</p>" for w, s in turns)
            + "<p>该文观点仅代表作者本人，量子潮平台仅提供信息存储空间服务。</p></article></body></html>")
    prepared = read_article(str(write(tmp_path, "dialogue.html", page)))
    assert [p.speaker for p in answers_of(prepared)] == ["周砚秋", "刘川", "周砚秋", "周砚秋"]
    assert not any("仅代表作者本人" in p.text or p.text.startswith("刘川：") for p in prepared.passages)


def test_a_markdown_link_or_image_wrapped_over_two_lines_shows_its_words(tmp_path: Path) -> None:
    text = ("# Sebastian Kügler im Interview\n\n![(c) by Sebastian\nKügler](http://wiki.example.org/images/Sebas.jpg)"
            "\n\nDas Interview ist entstanden in Zusammenarbeit mit [Radio\nTux](http://radiotux.example/), die den "
            "ersten Teil geführt haben.\n\n" + "\n\n".join(f"**{q}**\n\n{a}" for q, a in [
                ("Was ist neu in KDE 4.1?", "Vor allem Plasma, das jetzt endlich stabil läuft, und ein neuer "
                 "Dateimanager, auf den viele lange gewartet haben."),
                ("Wann erscheint es?", "Ende Juli, wenn nichts dazwischenkommt. Wir testen gerade die letzten Pakete "
                 "und sammeln Rückmeldungen aus der Community."),
                ("Worauf freust du dich?", "Auf [Dolphin, den neuen\nDateimanager](http://dolphin.example/), weil er "
                 "endlich so funktioniert, wie ich mir das seit Jahren vorstelle.")]))
    passages = read_article(str(write(tmp_path, "kuegler.md", text))).passages
    assert not any("](" in p.text or "![" in p.text for p in passages)
    assert any(" ".join(p.text.split()).startswith("Auf Dolphin, den neuen Dateimanager, weil") for p in passages)


def test_a_guest_quoting_a_question_inside_the_answer_keeps_the_answer_whole(tmp_path: Path) -> None:
    text = ("采访者：今天是 2011 年 8 月 23 日。我们正在与 Hal Abelson 教授进行访谈。\n\n"
            "采访者：请多给我一些关于当时文化的信息吧。那时候是什么样的？\n\n"
            "ABELSON：嗯，对我来说，这真的很奇怪。\n\n我记得我去那边看了，因为我有一些朋友在 ESG 里。\n\n"
            "“所以你们在这里做什么？”\n\n“哪些事情是可以独立做的呢？”\n\n我就记得我当时笑惨了。\n\n"
            "MIT 就是这样。也有不太好的部分。\n\n采访者：请再多跟我讲讲你和 Seymour Papert 共事的经历吧。"
            "那是种怎样的体验？\n\n"
            "ABELSON：嗯，Seymour 是非常了不起的人。\n\n采访者：后来呢？\n\nABELSON：后来我就一直在那里。\n")
    said = [p.text for p in answers_of(read_article(str(write(tmp_path, "abelson.txt", text))))]
    assert said[0].endswith("我就记得我当时笑惨了。\n\nMIT 就是这样。也有不太好的部分。")


def test_a_first_subtitle_that_someone_says_is_no_title(tmp_path: Path) -> None:
    cues = ["采访者：今天是 2011 年 8 月 23 日。", "我是 Chris Boebel。", "我们正在与 Hal Abelson 教授进行访谈。",
            "采访者：您是怎么来到 MIT 的？", "ABELSON：一连串的随机事件。", "我先在数学系。", "采访者：后来呢？",
            "ABELSON：后来我转向了计算。", "采访者：谢谢您。", "ABELSON：不客气。"]
    vtt = "WEBVTT\n\n" + "\n\n".join(f"00:00:{2 * n:02d}.000 --> 00:00:{2 * n + 2:02d}.000\n{c}"
                                      for n, c in enumerate(cues)) + "\n"
    from bot.importer.extract import extract
    from bot.importer.fetch import load

    assert extract(load(str(write(tmp_path, "abelson.vtt", vtt)))).meta.title is None


# Round 35.

EPAPER_QA = [
    ("MZ: Frau Landrätin, wie oft sind Sie im\nvergangenen Monat mit dem Bus gefahren?",
     "Elfmal, ich habe nachgezählt, weil ich\nahnte, dass Sie das fragen würden."),
    ("Ein Jahr Rufbus liegt hinter Ihnen.\n\nWie fällt Ihre Bilanz aus?",
     "Besser als befürchtet, schlechter als\nerhofft. Wir hatten rund 212 000 Fahrten."),
    ("MZ: Das heißt konkret?", "Wir stocken ab Juli von 18 auf 26 Fahr-\nzeuge auf, vor allem am Nachmittag."),
    ("Kritiker sagen, der Rufbus sei ein teures\nTaxi. Was entgegnen Sie?",
     "Dass sie die Zahlen nicht kennen. Ein\nBus, der leer fährt, ist teurer."),
    ("Wer bezahlt das alles?", "Zu einem Drittel das Land, den Rest\nder Kreis, also wir alle."),
    ("Reicht das Geld auf Dauer?", "Nein. Wer soll das auf Dauer bezahlen?\n\nOhne neue Förderung nicht,\ndas sage "
     "ich in Mainz sehr deutlich."),
    ("Was hat Sie überrascht?", "Wie geduldig die Menschen sind, wenn\nman ihnen ehrlich sagt, was geht."),
    ("Und was hat Sie geärgert?", "Die Beschwerden über die App, zu\nRecht übrigens. Wir bessern nach."),
    ("MZ: Fahren Sie morgen mit dem Bus?", "Morgen nicht, da habe ich um sieben Uhr\neinen Termin in Mainz."),
]
FOOT = "Seite 5 | Mittwoch, 6. März 2024 | Mittelrhein-Zeitung"
EPAPER = ("Mittelrhein-Zeitung vom 06.03.2024, Seite 5 / Region\n\nAuf dem Land fährt die Verkehrswende\nBus\n\n"
          "Der Landkreis hat vor einem Jahr ein\nRufbus-System eingeführt. Mit Landrätin\nSabine Korte sprach Jens "
          "Aldag.\n\n" + "\n\n".join(f"{q}\n\n{a}" + (f"\n\n{FOOT}" if n in (3, 8) else "")
                                      for n, (q, a) in enumerate(EPAPER_QA)) + "\n")


def test_a_papers_initials_over_some_questions_and_the_guest_named_in_its_credit(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "epaper.txt", EPAPER)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert {who for who, _ in said} == {"Sabine Korte"} and said[0][1].startswith("Elfmal")
    assert not any(s in t for _, t in said for s in ("Wie fällt Ihre Bilanz aus?", "Was entgegnen Sie?",
                                                     "liegt hinter Ihnen"))
    assert any("Wer soll das auf Dauer bezahlen?" in t for _, t in said)  # the guest's own question
    assert {v.name: v.role for v in prepared.cast.voices.values()}.get("MZ") == "interviewer"


def test_a_kicker_then_the_guest_on_a_topic_names_the_guest() -> None:
    from bot.importer.names import from_titles

    title = "Counting every tree: Marisol Tennant on the slow science of forest plots"
    assert from_titles([title], "Marisol, welcome.") == ["Marisol Tennant"]


def test_two_hosts_linked_in_the_byline_ask_and_the_guest_answers(tmp_path: Path) -> None:
    turns = [("Nadia Ferreira-Holt", "I'm Nadia, and welcome to The Understory."), ("Ben Oduya", "And I'm Ben."),
             ("Nadia Ferreira-Holt", "Marisol, how many forest plots are there?"),
             ("Marisol Tennant", "Forty-one circles across the county, each measured every five years."),
             ("Ben Oduya", "Huh."), ("Nadia Ferreira-Holt", "And what happens if you skip a year?"),
             ("Marisol Tennant", "Then the trees keep growing and we lose the line we have drawn since 1987."),
             ("Ben Oduya", "Or five."), ("Nadia Ferreira-Holt", "Who does the measuring?"),
             ("Marisol Tennant", "Volunteers, mostly retired teachers, and two students in the summer.")]
    page = ("<html><head><title>Counting every tree: Marisol Tennant on the slow science of forest plots</title>"
            "</head><body><article><h1>Counting every tree</h1><h4 class='author-name'><a href='/author/nadia/'>Nadia "
            "Ferreira-Holt</a>, <a href='/author/ben/'>Ben Oduya</a></h4>"
            + "".join(f"<p><strong>{w}</strong> [00:0{n}:00]</p><p>{s}</p>" for n, (w, s) in enumerate(turns))
            + "</article></body></html>")
    prepared = read_article(str(write(tmp_path, "episode.html", page)))
    assert {p.speaker for p in answers_of(prepared)} == {"Marisol Tennant"}


def test_a_guests_full_name_once_among_the_surname_and_title(tmp_path: Path) -> None:
    lines = [("主持人", "张教授，城市为什么一下雨就积水？"), ("张教授", "主要是排水管网的设计标准偏低。"),
             ("主持人", "海绵城市能解决吗？"), ("张教授", "能解决小雨，大雨还得靠整个排涝系统。"),
             ("主持人", "地下车库是不是最危险的地方？"), ("张立群", "对。地下空间是我们这些年最担心的。"),
             ("主持人", "普通人该怎么自救？"), ("张教授", "不要开车涉水，水没过车轮一半就别往前开了。")]
    text = ("本期请到江州理工大学张立群教授，聊聊城市内涝。\n\n"
            + "\n\n".join(f"0{n}:00 {w}：{s}" for n, (w, s) in enumerate(lines)))
    said = [(p.speaker, p.text) for p in answers_of(read_article(str(write(tmp_path, "video.txt", text))))]
    assert len(said) == 4 and said[2][1].startswith("对。") and {w for w, _ in said} == {said[0][0]}


# Round 36.

def test_an_interview_set_as_a_description_list_in_a_box(tmp_path: Path) -> None:
    qa = [("1. What does a typical day look like for you?", "There isn’t one, which is the honest answer."),
          ("2. What did you learn here that you still use?", "How to listen in an orchestra."),
          ("3. Is it true you still play the cello?", "Yes. Not well, and not as often as I should."),
          ("Coffee or tea?", "Coffee, black, from a thermos that has been to both poles.")]
    items = "".join(f"<dt>{q}</dt><dd><p>{a}</p></dd>" for q, a in qa)
    page = ("<html><head><title>Listening to the ice | Crestmoor Magazine</title></head><body><main><article>"
            "<h1>Listening to the ice</h1><p>Wren Halvorsen records the sound of glaciers. “The ice is telling us "
            "everything,” she says.</p><aside class='sidebar sidebar--boxed'><h3>4 Questions for Dr. Halvorsen</h3>"
            f"<dl class='five-questions__list'>{items}</dl></aside></article></main></body></html>")
    prepared = read_article(str(write(tmp_path, "profile.html", page)))
    assert [(p.speaker, p.text) for p in answers_of(prepared)] == [("Wren Halvorsen", a) for _, a in qa]


def test_a_note_platforms_account_publishes_and_a_nickname_with_the_full_name_in_brackets(tmp_path: Path) -> None:
    qa = [("你学竹编多少年了？", "我十四岁跟我外公学的，到现在快三十年了。"),
          ("最难的是什么？", "劈篾。篾要劈得匀，一天练下来手上全是口子。"),
          ("现在还有人买吗？", "有，年轻人买得比以前还多。"), ("收徒弟吗？", "收，但要能坐得住。")]
    body = "".join(f"<p>🙋‍♀️问：{q}</p><p>🙋答：{a}</p>" for q, a in qa)
    page = ("<html><head><title>采访｜做了三十年竹编的沈师傅 - 小红书</title>"
            "<meta name='og:xhs:note_author' content='阿芜的慢生活'></head><body><div class='note-container'>"
            "<div class='author-container'><span class='username'>阿芜的慢生活</span></div>"
            "<div id='detail-title'>采访｜做了三十年竹编的沈师傅</div>"
            "<div id='detail-desc'><p>今天采访的是做竹编的沈师傅"
            f"（沈文亮），他在村口的院子里编了快三十年。</p>{body}<p>#采访 #手艺人</p></div>"
            "<div class='date'>编辑于 2024-03-02 IP属地：浙江</div></div></body></html>")
    prepared = read_article(str(write(tmp_path, "note.html", page)))
    assert prepared.article.publisher == "阿芜的慢生活"
    assert {p.speaker for p in answers_of(prepared)} == {"沈文亮"}


def test_a_clubs_newsletter_is_published_by_the_club_its_running_head_names(tmp_path: Path) -> None:
    head = "RUDERVEREIN WELLENBRECHER e.V. · Mitteilungen 2/2023"
    pages = [[("WB:", "Herr Hollerbach, seit wann rudern Sie hier?"),
              ("Erwin Hollerbach:", "Seit 1951. Damals war das Bootshaus noch eine Baracke am Mühlenwehr.")],
             [("WB:", "Was hat sich am meisten verändert?"),
              ("Hollerbach:", "Die Boote. Früher waren sie aus Holz und schwer wie ein Sack Zement.")],
             [("WB:", "Rudern Sie noch selbst?"), ("Hollerbach:", "Jeden Sonntag, im Doppelzweier mit meinem Enkel.")]]
    text = f"{head}\n\n„Das Wasser war immer da“\n\nMit unserem ältesten Mitglied sprach Katrin Mewes.\n\n" + "".join(
        "\n\n".join(f"{w} {s}" for w, s in page) + f"\n\n                          — {n} —\n\n{head}\n\n"
        for n, page in enumerate(pages, start=6))
    prepared = read_article(str(write(tmp_path, "heft.txt", text)))
    assert prepared.article.publisher == "Ruderverein Wellenbrecher e.V."


def test_a_municipal_newsletters_masthead_in_capitals_over_its_issue(tmp_path: Path) -> None:
    text = ("AMTSBLATT DER GEMEINDE HOLZKIRCHEN AM BACH\nMitteilungsblatt für Holzkirchen, Oberried und Sandhof\n"
            "Jahrgang 41 | Nummer 9 | Freitag, 3. Mai 2024\n\nAus dem Rathaus\n\nIm Gespräch: der neue "
            "Feuerwehrkommandant Daniel Krause\n\n" + "\n\n".join(f"? {q}\n\n! {a}" for q, a in [
                ("Herr Krause, wie kamen Sie zur Feuerwehr?", "Über meinen Vater, der war dreißig Jahre dabei."),
                ("Was ändert sich jetzt?", "Wir bilden mehr Atemschutzgeräteträger aus, das ist die größte Lücke."),
                ("Suchen Sie Nachwuchs?", "Ja. Jeden Dienstag ab 19 Uhr im Gerätehaus, einfach vorbeikommen.")])
            + "\n\n(tk)\n")
    assert read_article(str(write(tmp_path, "amtsblatt.txt", text))).article.publisher == \
        "Amtsblatt der Gemeinde Holzkirchen am Bach"


def test_questions_marked_with_a_question_mark_and_answers_with_an_exclamation_mark(tmp_path: Path) -> None:
    qa = [("Herr Krause, wie kamen Sie zur Feuerwehr?", "Über meinen Vater, der war dreißig Jahre dabei."),
          ("Was ändert sich jetzt?", "Wir bilden mehr Atemschutzgeräteträger aus."),
          ("Suchen Sie Nachwuchs?", "Ja. Jeden Dienstag ab 19 Uhr im Gerätehaus.")]
    text = ("Aus dem Rathaus\n\nKindergarten Sonnenschein: Anmeldung für September\nDie Anmeldungen werden bis 31. Mai "
            "entgegengenommen.\n\nIm Gespräch: der neue Feuerwehrkommandant Daniel Krause\n\n"
            + "\n\n".join(f"? {q}\n\n! {a}" for q, a in qa) + "\n\n(tk)\n")
    said = [(p.speaker, p.question, p.text) for p in answers_of(read_article(str(write(tmp_path, "blatt.txt", text))))]
    assert [(q, a) for _, q, a in said] == qa and len({who for who, _, _ in said}) == 1


# Round 39.

def test_a_radio_transcripts_station_and_online_address_in_its_head(tmp_path: Path) -> None:
    turns = [("Moderator", "Herr Kühn, wie geht es den Bienen nach dem warmen Winter?"),
             ("Kühn", "Nicht gut. Sie sind zu früh ausgeflogen und haben ihre Vorräte aufgebraucht."),
             ("Moderator", "Kann man ihnen noch helfen?"), ("Kühn", "Ja, mit Futterteig, aber nur vorsichtig."),
             ("Moderator", "Was raten Sie Hobbyimkern?"), ("Kühn", "Jetzt jeden Stock wiegen, nicht erst im April.")]
    text = ("RADIO LAHNWELLE 94,3 – ABSCHRIFT\n" + "=" * 40 + "\n\nSendung:            Lahnwelle am Morgen\n"
            "Datum:              Dienstag, 12. März 2024, 07:40 Uhr\nModeration:         Tobias Rehm\n"
            "Gesprächspartner:   Matthias Kühn, Vorsitzender des Kreisimkervereins\n\n"
            "Diese Abschrift online: https://www.radio-lahnwelle.example/abschrift/2024-03-12-kuehn\n\n"
            + "-" * 40 + "\n\n" + "\n\n".join(f"{w}: {s}" for w, s in turns) + "\n\nEs gilt das gesprochene Wort.\n")
    prepared = read_article(str(write(tmp_path, "abschrift.txt", text)))
    assert prepared.article.publisher == "Radio Lahnwelle"
    assert prepared.article.url == "https://www.radio-lahnwelle.example/abschrift/2024-03-12-kuehn"


def test_a_wechat_articles_head_line_as_a_backup_keeps_it(tmp_path: Path) -> None:
    qa = [("你在山里住了多久？", "快十年了，一开始只是想躲清静。"), ("最难的是什么？", "冬天。路一封，什么都运不进。"),
          ("会一直住下去吗？", "对。至少等孩子上小学之前不会走。")]
    text = ("# 在山里种茶的人\n\n原创 小满 山野手记 2024-06-02 08:00 浙江\n\n点击蓝字关注我们\n\n"
            + "\n\n".join(f"**Q：{q}**\n\nA：{a}" for q, a in qa) + "\n\nEND\n")
    prepared = read_article(str(write(tmp_path, "wechat.md", text)))
    assert prepared.article.publisher == "山野手记" and prepared.article.published == "2024-06-02"
    assert not any("原创" in p.text for p in prepared.passages)
