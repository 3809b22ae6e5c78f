"""Get an article's bytes: a web page over HTTP(S) (bounded in time, redirects and size) or a local file.

Web pages come only from public addresses. The importer resolves each host itself, refuses it when any of
its addresses is not public (loopback, private, link-local, shared, multicast, unspecified, …) and then
connects to the very address it checked: on the first request and on every redirect, so that neither a
redirect nor a DNS answer that changes between the check and the connection (rebinding) reaches an internal
service. The refusal comes before any connection, so it reads the same whether a port is open, closed or
filtered. `allow_private` (the local CLI's `--allow-private`; chat never sets it) lifts the check.

One deadline (`total_seconds`) covers the name lookup, connecting, TLS, the headers and the body: every
socket operation waits at most until then, and when it passes the fetch's sockets are shut down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from bot.importer import office
from bot.importer.public_web import CheckedTransport, Fetch, FetchError, NotPublic, Resolver, system_resolver

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(20.0, connect=10.0)  # per connect / read
TOTAL_SECONDS = 60.0  # a whole fetch (lookup, connect, headers, body), however slowly the server sends
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown", "text/vtt", "application/x-subrip", "text/srt",
              "text/asciidoc", "text/x-asciidoc")
LOCAL_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                  ".srt": "text", ".vtt": "text",  # (subtitles: their cues read as running text)
                  ".adoc": "asciidoc", ".asciidoc": "asciidoc"}
DOCUMENT_SUFFIXES = {".docx": office.DOCX_TYPE, ".pdf": office.PDF_TYPES[0]}  # files read as their programs show them
DOCUMENT_TYPES = (office.DOCX_TYPE, *office.PDF_TYPES)
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,application/pdf;q=0.4,*/*;q=0.1"
USER_AGENT = "interview-bot/0.1 (+article import)"

@dataclass
class Source:
    """Raw input: its text, what kind of text it is, and where it came from."""

    text: str
    kind: str  # "html" | "markdown" | "text"
    location: str  # what the user gave
    url: str | None  # the URL after redirects (None for local files)
    furniture: tuple[str, ...] = ()  # a printed file's page heads and feet, read apart from its text (a PDF's)


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{2,40})""", re.I)


def _decode(data: bytes, charset: str | None) -> str:
    """The text of a page or file: in the charset the server gives, else UTF-8 if it is that (a page saved
    as UTF-8 may keep its old declaration), else the one the page declares (`<meta charset>`, a Word
    export's "windows-1252"), else GB18030."""
    declared = META_CHARSET.search(data[:4096])
    for enc in (charset, "utf-8", declared.group(1).decode("ascii") if declared else None, "gb18030"):
        if not enc:
            continue
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def fetch_url(url: str, *, max_bytes: int = MAX_BYTES, timeout: httpx.Timeout | float = TIMEOUT,
              total_seconds: float = TOTAL_SECONDS, allow_private: bool = False,
              resolver: Resolver | None = None) -> Source:
    """Download a web page from a public address (any address with `allow_private`) within `total_seconds`
    in all; FetchError for an address that is not public, network errors, 4xx/5xx, non-HTML content, too
    much data or too much time. `resolver` (host -> addresses) replaces the system's, e.g. in tests."""
    fetch = Fetch(total_seconds, allow_private, resolver or system_resolver)
    client = httpx.Client(
        transport=CheckedTransport(fetch), follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
        trust_env=False,  # no proxy from the environment: the address checked is the address reached
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
    )
    try:
        with fetch.watchdog(), client, client.stream("GET", url) as resp:
            return _read(url, resp, max_bytes, fetch)
    except NotPublic as exc:
        first = httpx.URL(url)
        origin = (first.raw_host.decode("ascii"), first.port or (443 if first.scheme == "https" else 80))
        where = "" if (exc.host, exc.port) == origin else f"redirected to {exc.host}: "
        raise NotPublic(f"{url}: {where}this address is not public", exc.host, exc.port) from None
    except FetchError:
        raise
    except httpx.InvalidURL:
        raise FetchError(f"{url}: not a valid web address") from None
    except httpx.HTTPError as exc:
        raise _failure(url, exc, fetch) from None


def _read(url: str, resp: httpx.Response, max_bytes: int, fetch: Fetch) -> Source:
    if resp.status_code >= 400:
        reason = resp.reason_phrase or "error"
        raise FetchError(f"{url}: the server answered {resp.status_code} {reason}")
    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
    suffix = Path(urlsplit(url).path).suffix.lower()
    if ctype == "application/octet-stream" and LOCAL_SUFFIXES.get(suffix, "html") != "html":
        ctype = "text/plain"  # a .md, .adoc or .vtt file a server does not know the type of: text, as its name says
    if ctype == "application/octet-stream" and suffix in DOCUMENT_SUFFIXES:
        ctype = DOCUMENT_SUFFIXES[suffix]  # a .docx or .pdf file served as bytes: what its name says
    if ctype and ctype not in HTML_TYPES + TEXT_TYPES + DOCUMENT_TYPES:
        raise FetchError(f"{url}: not a web page (content type {ctype})")
    length = resp.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"{url}: too large ({int(length)} bytes; the limit is {max_bytes})")
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: too large (more than {max_bytes} bytes)")
        chunks.append(chunk)
        if fetch.over():
            break
    if fetch.over():  # also when the deadline cut the connection and the body only seemed to end
        raise _timed_out(url, fetch)
    if ctype in DOCUMENT_TYPES:
        return document_source(b"".join(chunks), ctype, url, str(resp.url))
    kind = "html" if ctype in HTML_TYPES or not ctype else ("markdown" if "markdown" in ctype else "text")
    if kind == "text" and ("asciidoc" in ctype or urlsplit(url).path.lower().endswith((".adoc", ".asciidoc"))):
        kind = "asciidoc"
    return Source(_decode(b"".join(chunks), resp.charset_encoding), kind, url, str(resp.url))


def _timed_out(url: str, fetch: Fetch) -> FetchError:
    return FetchError(f"{url}: timed out (no complete answer within {fetch.total_seconds:g} s)")


def _failure(url: str, exc: httpx.HTTPError, fetch: Fetch) -> FetchError:
    """What went wrong, without the socket error: a failed connection reads the same whatever the cause."""
    if fetch.over():
        return _timed_out(url, fetch)
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(f"{url}: too many redirects (more than {MAX_REDIRECTS})")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError(f"{url}: only http:// and https:// addresses can be fetched")
    if isinstance(exc, httpx.TimeoutException) and not isinstance(exc, httpx.ConnectTimeout):
        return FetchError(f"{url}: timed out (the server stopped sending)")
    return FetchError(f"{url}: could not be fetched")


def document_source(data: bytes, ctype: str, location: str, url: str | None) -> Source:
    """A Word document as HTML, a PDF as text (bot.importer.office)."""
    if ctype == office.DOCX_TYPE:
        return Source(office.docx_html(data, location), "html", location, url, office.docx_heads(data))
    printed = office.pdf_text(data, location)
    return Source(printed.text, "text", location, url, printed.furniture)


def read_file(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Source:
    """Read a local .txt, .md, .html, .adoc, .srt, .vtt, .docx or .pdf file."""
    p = Path(path).expanduser()
    suffix = p.suffix.lower()
    kind = LOCAL_SUFFIXES.get(suffix)
    if kind is None and suffix not in DOCUMENT_SUFFIXES:
        raise FetchError(f"{path}: unsupported file type (use .txt, .md, .html, .adoc, .srt, .vtt, .docx or .pdf)")
    if not p.is_file():
        raise FetchError(f"{path}: no such file")
    if p.stat().st_size > max_bytes:
        raise FetchError(f"{path}: too large ({p.stat().st_size} bytes; the limit is {max_bytes})")
    if kind is None:
        return document_source(p.read_bytes(), DOCUMENT_SUFFIXES[suffix], str(path), None)
    return Source(_decode(p.read_bytes(), None), kind, str(path), None)


def load(location: str, *, max_bytes: int = MAX_BYTES, allow_private: bool = False,
         resolver: Resolver | None = None) -> Source:
    """A URL (public addresses only, unless `allow_private`) or a local file path -> Source."""
    if is_url(location):
        return fetch_url(location, max_bytes=max_bytes, allow_private=allow_private, resolver=resolver)
    if "://" in location:
        raise FetchError(f"{location}: only http:// and https:// addresses can be fetched")
    return read_file(location, max_bytes=max_bytes)
