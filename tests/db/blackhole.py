"""Databases that do not answer, for tests (127.0.0.1, ephemeral ports, plain threads).

    with SilentServer() as silent:       # accepts connections and never says a word (a black-holed host,
        url = silent.url()               # or a paused database container: the kernel still accepts)
    with FreezingProxy(host, port) as proxy:
        url = proxy.url(real_url)        # forwards to the real server ...
        proxy.freeze()                   # ... until frozen: open connections and new ones then hang
"""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType

from sqlalchemy.engine import make_url


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Listener:
    def __init__(self) -> None:
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(128)
        self.port: int = self._server.getsockname()[1]
        self._open: list[socket.socket] = []
        self._closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True, name=type(self).__name__).start()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            self._open.append(client)
            self.accepted(client)

    def accepted(self, client: socket.socket) -> None:
        """Called for each connection accepted."""

    def url(self, base: str = "postgresql+psycopg://bot:secret-pw@127.0.0.1/bot") -> str:
        """`base` (a database URL) pointed at this listener."""
        return make_url(base).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    def close(self) -> None:
        self._closed.set()
        with contextlib.suppress(OSError):
            self._server.close()
        for s in self._open:
            with contextlib.suppress(OSError):
                s.close()

    def __enter__(self) -> _Listener:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


class SilentServer(_Listener):
    """Accepts every connection and never answers."""

    def __enter__(self) -> SilentServer:
        return self


class FreezingProxy(_Listener):
    """A TCP proxy to host:port that, once frozen, forwards nothing more (reads and drops what clients
    send, as a paused server's kernel would buffer it) and leaves new connections unanswered."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.frozen = threading.Event()
        super().__init__()

    def __enter__(self) -> FreezingProxy:
        return self

    def freeze(self) -> None:
        self.frozen.set()

    def accepted(self, client: socket.socket) -> None:
        if self.frozen.is_set():
            return  # accepted by the kernel, never answered
        upstream = socket.create_connection(self.target, timeout=5)
        upstream.settimeout(None)
        self._open.append(upstream)
        for a, b in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if not self.frozen.is_set():
                    sink.sendall(data)
