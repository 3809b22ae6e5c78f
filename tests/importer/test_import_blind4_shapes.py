"""Shapes from the fourth blind round (pages written by someone who never saw the importer): the site's name
agreed between `<title>` and the page's own marks, the guest named only in `<title>`, appeal boxes."""

from __future__ import annotations

from bot.importer import metadata, names
from bot.importer.extract import without_notes


def page(title: str, head: str = "", body: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


def test_the_site_is_the_title_part_the_page_marks_as_itself() -> None:
    cn = page("对话制瓷人周墨：“泥会记得手的温度”_河岸新闻网",
              '<meta property="og:title" content="制瓷人周墨：窑火之外">',
              '<a href="/" class="logo"><img src="logo.png" alt="河岸新闻网"></a><p>正文。</p>'
              "<p>版权所有 © 河岸新闻网 未经授权禁止转载</p>")
    assert metadata.from_html(cn, None).publisher == "河岸新闻网"
    en = page("Ep. 12 &ndash; Bees on the Roof (Transcript) | Moss &amp; Meter Podcast",
              body='<span class="brand-name">Moss &amp; Meter</span><h1>Episode 12: Bees on the Roof</h1>'
                   "<p>&copy; 2024 Moss &amp; Meter Media.</p>")
    assert metadata.from_html(en, None).publisher == "Moss & Meter"


def test_a_title_part_no_mark_confirms_is_not_taken_for_the_site() -> None:
    html = page("Why we garden, and why we stopped | Notes from the allotment",
                '<meta property="og:title" content="Digging in">', "<p>© 2024 Someone Else entirely.</p>")
    assert metadata.from_html(html, None).publisher is None
    guest_first = page("Jane Doe on rivers | Ferry Weekly", '<meta property="og:title" content="Currents">',
                       "<p>Photos © 2024 Jane Doe</p>")  # her copyright: she is no site
    assert metadata.from_html(guest_first, None).publisher is None


def test_a_guest_named_only_in_the_title_element_names_the_answers() -> None:
    html = page("Halden’s Rosalind Achterberg on the river ferries | Ferry Weekly",
                '<meta property="og:title" content="“We run on tide tables, not timetables”">',
                "<h1>“We run on tide tables, not timetables”</h1>")
    meta = metadata.from_html(html, None)
    assert meta.title == "“We run on tide tables, not timetables”"
    assert names.from_titles([meta.title, *meta.other_titles], "Rosalind Achterberg runs the ferries.") == [
        "Rosalind Achterberg"]  # the person, without the company's possessive
    zh = ["在海邊開一間舊書店：林靜說，「書有自己的路」", "專訪潮間書店林靜：書有自己的路"]
    assert names.from_titles(zh, "從出版社辭職後，林靜在海邊開了書店。") == ["林靜"]


def test_donation_and_newsletter_boxes_inside_the_article_are_left_out() -> None:
    html = ("<html><body><article><p>Erste Antwort.</p>"
            '<div class="spendenbox"><p>Jetzt helfen</p><p>Schon 10 Euro finanzieren ein Heft.</p></div>'
            '<aside class="newsletter-signup"><p>Jeden Freitag in Ihrem Postfach.</p></aside>'
            "<p>Zweite Antwort.</p></article></body></html>")
    out = without_notes(html)
    assert "Erste Antwort." in out and "Zweite Antwort." in out
    assert "Schon 10 Euro" not in out and "Postfach" not in out
    kept = '<html><body><div class="entry-content"><p>Antwort über Spenden.</p></div></body></html>'
    assert "Antwort über Spenden." in without_notes(kept)


def test_an_article_id_never_holds_an_ip_address() -> None:
    from bot.importer.prepare import make_id

    assert make_id("河岸新闻网", "对话周墨", "de9c102eab", url="http://127.0.0.1:8080/a.html") == "article-de9c102e"
    assert make_id(None, "Bees on the roof", "de9c102eab", url="http://[::1]/a") == "article-bees-on-roof"
    assert make_id(None, None, "de9c102eab", url="https://news.example.org/a") == "news-example-de9c102e"


def test_a_speaker_labelled_in_capitals_is_named_as_the_page_writes_the_name() -> None:
    from bot.importer.cast import _as_written

    assert _as_written("TOMÁS ELLERBY", ["Welcome, I'm Tomás Ellerby."]) == "Tomás Ellerby"
    assert _as_written("INGRID HALVORSEN-ACHEBE", ["nothing"]) == "Ingrid Halvorsen-Achebe"
    assert _as_written("RICHARD M. STALLMAN", []) == "Richard M. Stallman"
    for kept in ("RMS", "OS", "FSFW", "Gomez", "隋少龙"):  # initials and written names stay as they are
        assert _as_written(kept, ["rms os fsfw", "OS FSFW"]) == kept
