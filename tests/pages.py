"""Fixtures for the import tests (a pytest plugin of tests/conftest.py): a web server on 127.0.0.1 with
interview pages and broken answers, and a database already holding the bundled corpus (built once,
copied for every test)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy.engine import Engine

from bot.answer.library import Library
from bot.db.engine import open_database
from bot.db.library_store import open_library, sync
from bot.importer.public_web import trusted_for_tests
from bot.runtime.settings import Settings, get_settings

PAGES = Path(__file__).resolve().parent / "importer" / "pages"
HUGE = 6 * 1024 * 1024  # above the 5 MB import limit


class PageHandler(BaseHTTPRequestHandler):
    """Interview pages, redirects, errors, a huge page, files that are not web pages, and the files a test
    puts in `files`."""

    protocol_version = "HTTP/1.1"
    pages: ClassVar[dict[str, str]] = {
        "/interviews/mira-castellanos": "en-interview.html",
        "/zh/lin-xiaolan": "zh-interview.html",
        "/de/hanna-keller": "de-interview.html",
        "/de/hanna-keller-en": "en-translation.html",
        "/conversations/priya-raman": "en-bold-questions.html",
    }
    files: ClassVar[dict[str, tuple[bytes, str]]] = {}  # path -> (body, content type): what a test serves
    requests: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading (size limit)
            self.close_connection = True

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.requests.append(path)
        if path in self.pages:
            self._send(200, (PAGES / self.pages[path]).read_bytes())
        elif path in self.files:
            self._send(200, self.files[path][0], ctype=self.files[path][1])
        elif path == "/old/mira":
            self._send(301, headers={"Location": "/interviews/mira-castellanos"})
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        elif path == "/redirect":  # /redirect?to=URL: a page that sends the importer elsewhere
            self._send(302, headers={"Location": parse_qs(urlsplit(self.path).query).get("to", ["/"])[0]})
        elif path == "/huge":
            self._send(200, b"<html><body><p>" + b"x" * HUGE + b"</p></body></html>")
        elif path == "/huge-stream":  # no Content-Length: the limit must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.close_connection = True
            self.end_headers()
            chunk = b"<p>" + b"y" * 65536 + b"</p>\n"
            try:
                for _ in range(HUGE // len(chunk) + 2):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", ctype="application/pdf")
        elif path == "/logo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, ctype="image/png")
        elif path == "/broken":
            self._send(500, b"<h1>Internal Server Error</h1>")
        elif path == "/empty":
            self._send(200, b"<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
        else:
            self._send(404, b"<h1>Not Found</h1>")


@dataclass
class PageServer:
    url: str

    def __call__(self, path: str) -> str:
        return f"{self.url}{path}"


@pytest.fixture(scope="session")
def pages() -> Iterator[PageServer]:
    """The page server on an ephemeral loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PageHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    with trusted_for_tests("127.0.0.1", server.server_port):  # the one non-public place imports may reach
        yield PageServer(f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    server.server_close()


@dataclass
class PrivateServer(PageServer):
    requests: list[str]


@pytest.fixture
def private_pages() -> Iterator[PrivateServer]:
    """Another server of the same pages on 127.0.0.1, one the importer is not told to trust (what an
    internal service looks like to `/add`); its requests are listed in `.requests`."""
    handler = type("PrivatePageHandler", (PageHandler,), {"requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield PrivateServer(f"http://127.0.0.1:{server.server_port}", handler.requests)
    server.shutdown()
    server.server_close()


class TrickleHandler(BaseHTTPRequestHandler):
    """A server that never finishes an answer: /headers sends its headers a byte at a time, /body its
    body a byte at a time (after complete headers), /silent nothing at all. It stops when `stopped` is set."""

    protocol_version = "HTTP/1.1"
    interval: ClassVar[float] = 0.5
    stopped: ClassVar[threading.Event]

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        try:
            if self.path.startswith("/headers"):
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            elif self.path.startswith("/body"):
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>")
            while not self.stopped.wait(self.interval):
                if not self.path.startswith("/silent"):
                    self.wfile.write(b"a")
                    self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


@pytest.fixture
def trickling() -> Iterator[PageServer]:
    """A never-finishing server on 127.0.0.1 (TrickleHandler): paths /headers, /body, /silent."""
    handler = type("Trickle", (TrickleHandler,), {"stopped": threading.Event()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield PageServer(f"http://127.0.0.1:{server.server_port}")
    handler.stopped.set()
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the bundled corpus (indexing it takes seconds: done once)."""
    path = tmp_path_factory.mktemp("seed") / "seed.sqlite3"
    engine = open_database(f"sqlite:///{path}")
    sync(engine)
    engine.dispose()
    return path


@pytest.fixture
def db(seeded_db: Path) -> Iterator[Settings]:
    """This test's database (a copy of the seeded one, where get_settings() looks) and its settings."""
    settings = get_settings()
    target = Path(settings.db_url.removeprefix("sqlite:///"))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(seeded_db, target)
    yield settings


@pytest.fixture
def engine(db: Settings) -> Iterator[Engine]:
    """This test's database, opened (the bundled corpus is in it already)."""
    engine = open_database(db.db_url)
    yield engine
    engine.dispose()


def open_db_library(settings: Settings, rebuild: bool = False) -> Library:
    """The Library of the settings' database, as a bot loads it."""
    return open_library(settings.db_url, settings.data_dir, rebuild=rebuild)
