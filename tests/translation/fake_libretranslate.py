"""A LibreTranslate server on 127.0.0.1 speaking its API (`GET /languages`, `POST /translate`), able to be
slow, fail with 500 or refuse with 429; it counts the requests it gets. `answer` replaces what it
translates to (e.g. text full of markup characters, or a very long translation)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LANGUAGES = [{"code": "en", "name": "English"}, {"code": "de", "name": "German"},
             {"code": "zh", "name": "Chinese"}, {"code": "zt", "name": "Chinese (traditional)"}]


@dataclass
class FakeLibreTranslate:
    url: str = ""
    delay: float = 0.0  # seconds before each /translate answer
    status: int = 200  # 500, 429 … for /translate
    api_key: str | None = None  # required when set (403 otherwise)
    requests: list[dict] = field(default_factory=list)  # the /translate bodies received
    answer: Callable[[str, str], str] | None = None  # (text, target) -> translatedText; default: `translated`

    @staticmethod
    def translated(text: str, target: str) -> str:
        """What this server answers: recognisably a translation of `text` into `target`."""
        return f"[{target}] {text[:60]}"


def _handler(fake: FakeLibreTranslate) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up waiting
                self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.rstrip("/") == "/languages":
                self._send(200, LANGUAGES)
            else:
                self._send(404, {"error": "not found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            fake.requests.append(body)
            if fake.delay:
                time.sleep(fake.delay)
            if self.path.rstrip("/") != "/translate":
                self._send(404, {"error": "not found"})
            elif fake.api_key and body.get("api_key") != fake.api_key:
                self._send(403, {"error": "Invalid API key"})
            elif fake.status != 200:
                self._send(fake.status, {"error": "Slowdown: 1 per 1 second" if fake.status == 429 else "boom"})
            else:
                make = fake.answer or fake.translated
                self._send(200, {"translatedText": make(str(body.get("q", "")), str(body.get("target")))})

    return Handler


@contextmanager
def serve(**options: object) -> Iterator[FakeLibreTranslate]:
    fake = FakeLibreTranslate(**options)  # type: ignore[arg-type]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
