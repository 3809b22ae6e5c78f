"""Get an article's bytes: a web page over HTTP(S) (bounded in time, redirects and size) or a local file."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import httpx

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(20.0, connect=10.0)  # per connect / read
TOTAL_SECONDS = 60.0  # a whole download, however slowly the server sends
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
LOCAL_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
USER_AGENT = "interview-bot/0.1 (+article import)"


class FetchError(Exception):
    """The input could not be read: the message says why, in one line."""


@dataclass
class Source:
    """Raw input: its text, what kind of text it is, and where it came from."""

    text: str
    kind: str  # "html" | "markdown" | "text"
    location: str  # what the user gave
    url: str | None  # the URL after redirects (None for local files)


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _decode(data: bytes, charset: str | None) -> str:
    for enc in (charset, "utf-8", "gb18030"):
        if not enc:
            continue
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def fetch_url(url: str, *, max_bytes: int = MAX_BYTES, timeout: httpx.Timeout | float = TIMEOUT,
              client: httpx.Client | None = None) -> Source:
    """Download a web page; FetchError for network errors, 4xx/5xx, non-HTML content or too much data."""
    own = client is None
    client = client or httpx.Client(
        follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5"},
    )
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                reason = resp.reason_phrase or "error"
                raise FetchError(f"{url}: the server answered {resp.status_code} {reason}")
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and ctype not in HTML_TYPES + TEXT_TYPES:
                raise FetchError(f"{url}: not a web page (content type {ctype})")
            length = resp.headers.get("content-length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: too large ({int(length)} bytes; the limit is {max_bytes})")
            chunks: list[bytes] = []
            size = 0
            deadline = time.monotonic() + TOTAL_SECONDS
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: too large (more than {max_bytes} bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: timed out (still downloading after {TOTAL_SECONDS} s)")
                chunks.append(chunk)
            data = b"".join(chunks)
            kind = "html" if ctype in HTML_TYPES or not ctype else ("markdown" if "markdown" in ctype else "text")
            return Source(_decode(data, resp.charset_encoding), kind, url, str(resp.url))
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
    finally:
        if own:
            client.close()


def read_file(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Source:
    """Read a local .txt, .md or .html file."""
    p = Path(path).expanduser()
    kind = LOCAL_SUFFIXES.get(p.suffix.lower())
    if kind is None:
        raise FetchError(f"{path}: unsupported file type (use .txt, .md or .html)")
    if not p.is_file():
        raise FetchError(f"{path}: no such file")
    if p.stat().st_size > max_bytes:
        raise FetchError(f"{path}: too large ({p.stat().st_size} bytes; the limit is {max_bytes})")
    return Source(_decode(p.read_bytes(), None), kind, str(path), None)


def load(location: str, *, max_bytes: int = MAX_BYTES) -> Source:
    """A URL or a local file path -> Source."""
    if is_url(location):
        return fetch_url(location, max_bytes=max_bytes)
    if "://" in location:
        raise FetchError(f"{location}: only http:// and https:// addresses can be fetched")
    return read_file(location, max_bytes=max_bytes)
