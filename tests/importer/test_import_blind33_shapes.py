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
