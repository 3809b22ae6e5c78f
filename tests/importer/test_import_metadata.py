"""Title, publisher, date and link: from what the document says about itself, never a body paragraph,
a file name or an IP address."""

from __future__ import annotations

from bot.importer.metadata import (
    Meta,
    from_front_matter,
    from_html,
    from_markdown,
    front_matter,
    iso_date,
    site_of,
    split_title,
)


def test_dates() -> None:
    assert iso_date("2024-06-21T10:00:00+02:00") == "2024-06-21"
    assert iso_date("Veröffentlicht am 3. März 2025") == "2025-03-03"
    assert iso_date("2024年11月18日 星期一") == "2024-11-18" and iso_date("July 24, 2024") == "2024-07-24"
    assert iso_date("no date here") is None


def test_the_registrable_name_of_a_web_address() -> None:
    assert site_of("https://www.donganews.cn/tech/1.html") == "donganews"
    assert site_of("https://news.bbc.co.uk/x") == "bbc"
    assert site_of("http://127.0.0.1:8000/page") is None and site_of("http://localhost/x") is None


def test_site_name_from_the_html_title() -> None:
    assert split_title("Ten Questions with Ines Caldera | Kerning Notes", "Ten Questions with Ines Caldera") == (
        "Ten Questions with Ines Caldera", "Kerning Notes")
    assert split_title("Pixelwerk.de – Artikel", "Aino Virtanen im Interview")[1] == "Pixelwerk.de"


def test_yaml_and_pelican_headers() -> None:
    front, body = front_matter("---\ntitle: A talk\nauthors: 'Colin McGregor'\npublished: '2008-01-23 23:46:57'\n"
                               "podcast:\n  file: a.mp3\ncanonical_url: https://x.example/a\n---\nText.")
    meta = Meta()
    from_front_matter(meta, front)
    assert (meta.title, meta.authors, meta.published, meta.url, meta.publisher) == (
        "A talk", ["Colin McGregor"], "2008-01-23", "https://x.example/a", None)  # a mapping is no publisher
    assert body == "Text."
    front, body = front_matter("Title: Interview mit Prof. Sander\nDate: 2018-06-14 12:00\nSlug: x\n\nDie Finanzierung "
                               "…")
    assert front["title"] == "Interview mit Prof. Sander" and body.startswith("Die Finanzierung")


def test_markdown_title_and_wechat_account() -> None:
    meta = Meta()
    text = "# Info\nInterviewee: Germain\n\n# 专访：中美关系\n\n[**返回列表页**](/gzh/三联生活周刊)\n"
    from_markdown(meta, text, None)
    assert (meta.title, meta.publisher) == ("专访：中美关系", "三联生活周刊")


def test_html_metadata_and_byline() -> None:
    page = ("<html lang='de'><head><title>Pixelwerk.de &ndash; Artikel</title></head><body><h1>Aino im Interview</h1>"
            "<div>Von Tobias Kern · Veröffentlicht am 3. März 2025 · Lesezeit 7 Minuten</div><p>Text</p></body></html>")
    meta = from_html(page, "http://127.0.0.1:8080/aino")
    assert (meta.title, meta.publisher, meta.published, meta.url) == (
        "Aino im Interview", "Pixelwerk", "2025-03-03", None)  # a private machine's address is no reader's link
    assert meta.authors == ["Tobias Kern"] and meta.language == "de"
    assert from_html(page, "https://pixelwerk.de/aino").url == "https://pixelwerk.de/aino"
