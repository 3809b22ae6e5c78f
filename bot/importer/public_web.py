"""Connections to public addresses only, for the importer: every host resolved by us, every address
checked (`is_public`), the connection made to the address checked (on every redirect too), and one
deadline over the lookup, connecting, TLS, the headers and the body (a socket cut when it passes).

httpx has no public hook for this: a small transport over an httpcore pool with a checking network
backend does it (`checked_transport`).
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import httpcore
import httpx

Resolver = Callable[[str], Sequence[str]]  # host name -> its IP addresses


class FetchError(Exception):
    """The input could not be read: the message says why, in one line."""


class NotPublic(FetchError):
    """A web address (or one a redirect leads to) is not a public one."""

    def __init__(self, message: str, host: str, port: int | None = None) -> None:
        super().__init__(message)
        self.host = host
        self.port = port


# -- which addresses may be fetched -------------------------------------------------------------------
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public(address: str) -> bool:
    """Whether an IP address is a public unicast one: not loopback, private, link-local, shared (100.64/10),
    documentation, reserved, multicast or unspecified. IPv6 forms of an IPv4 address (mapped, NAT64, 6to4)
    are judged by that IPv4 address."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public(str(ip.ipv4_mapped))
        if ip in NAT64:
            return is_public(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
        if ip.sixtofour is not None and not is_public(str(ip.sixtofour)):
            return False
        if ip.is_site_local:
            return False
    return ip.is_global and not ip.is_multicast and not ip.is_reserved


_trusted: set[tuple[str, int]] = set()  # (address, port) pairs reachable without allow_private: tests only


@contextlib.contextmanager
def trusted_for_tests(address: str, port: int) -> Iterator[None]:
    """Let fetches reach this one non-public address and port without `allow_private`, for the duration:
    for a test's page server on 127.0.0.1 (nothing in the application calls it)."""
    key = (str(ipaddress.ip_address(address)), port)
    _trusted.add(key)
    try:
        yield
    finally:
        _trusted.discard(key)


def system_resolver(host: str) -> list[str]:
    """The host's addresses, as the system's resolver gives them."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# -- one fetch: its deadline, its checked connections --------------------------------------------------
class Fetch:
    """One fetch's rules: the address check and the deadline (with the sockets to cut when it passes)."""

    def __init__(self, total_seconds: float, allow_private: bool, resolver: Resolver) -> None:
        self.total_seconds = total_seconds
        self.deadline = time.monotonic() + total_seconds
        self.allow_private = allow_private
        self.resolver = resolver
        self._expired = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def over(self) -> bool:
        return self._expired.is_set() or time.monotonic() >= self.deadline

    def bound(self, timeout: float | None, error: type[Exception]) -> float:
        """An operation's timeout, cut to what is left of the deadline (`error` when nothing is)."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise error("the fetch's deadline has passed")
        return left if timeout is None else min(timeout, left)

    @contextlib.contextmanager
    def watchdog(self) -> Iterator[None]:
        """While the fetch runs: at the deadline, shut its sockets down (this ends any blocked operation)."""
        timer = threading.Timer(max(0.0, self.deadline - time.monotonic()), self._expire)
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self._expired.set()
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self._expired.is_set():
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def addresses(self, host: str, port: int) -> list[str]:
        """The host's addresses, every one checked (NotPublic before any connection)."""
        try:
            found = [str(ipaddress.ip_address(host))]  # an IP address: nothing to look up
        except ValueError:
            found = self._lookup(host)
        if not self.allow_private:
            for address in found:
                if not is_public(address) and (str(ipaddress.ip_address(address)), port) not in _trusted:
                    raise NotPublic(f"{host}: this address is not public", host, port)
        return found

    def _lookup(self, host: str) -> list[str]:
        """resolver(host), within the deadline (getaddrinfo has no timeout of its own: it runs aside)."""
        result: list[Sequence[str] | BaseException] = []

        def run() -> None:
            try:
                result.append(self.resolver(host))
            except Exception as exc:
                result.append(exc)

        thread = threading.Thread(target=run, name="import-lookup", daemon=True)
        thread.start()
        thread.join(max(0.0, self.deadline - time.monotonic()))
        if not result:
            raise httpcore.ConnectTimeout(f"looking up {host} took too long")
        found = result[0]
        if isinstance(found, BaseException) or not found:
            raise httpcore.ConnectError(f"{host} has no address")
        return [str(a) for a in found]


class _BoundedStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake ends by the fetch's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, fetch: Fetch) -> None:
        self._stream = stream
        self._fetch = fetch

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._fetch.bound(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._fetch.bound(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        bound = self._fetch.bound(timeout, httpcore.ConnectTimeout)
        return _BoundedStream(self._stream.start_tls(ssl_context, server_hostname, bound), self._fetch)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _CheckedBackend(httpcore.NetworkBackend):
    """Connections only to addresses the fetch has checked, and to exactly those (the name is not looked
    up again by the socket layer)."""

    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._tcp = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        failure: Exception = httpcore.ConnectError(f"{host}: no address")
        for address in self._fetch.addresses(host, port):
            try:
                stream = self._tcp.connect_tcp(address, port, self._fetch.bound(timeout, httpcore.ConnectTimeout),
                                               local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            self._fetch.watch(stream.get_extra_info("socket"))
            return _BoundedStream(stream, self._fetch)
        raise failure

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("no Unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


# httpcore's exceptions as httpx's (most specific first), as httpx's own transport maps them
_HTTPX_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout), (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout), (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.ConnectError, httpx.ConnectError), (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError), (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError), (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.TimeoutException, httpx.TimeoutException), (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for core, mapped in _HTTPX_ERRORS:
            if isinstance(exc, core):
                raise mapped(str(exc)) from exc
        raise


class _Body(httpx.SyncByteStream):
    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._response.iter_stream()

    def close(self) -> None:
        self._response.close()


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()


class CheckedTransport(httpx.BaseTransport):
    """httpx's transport on an httpcore pool that connects through _CheckedBackend."""

    def __init__(self, fetch: Fetch) -> None:
        self._pool = httpcore.ConnectionPool(ssl_context=_ssl_context(), max_connections=2,
                                             network_backend=_CheckedBackend(fetch))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        url = httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host, port=request.url.port,
                           target=request.url.raw_path)
        core = httpcore.Request(method=request.method, url=url, headers=request.headers.raw,
                                content=request.stream, extensions=request.extensions)
        with _as_httpx_errors():
            response = self._pool.handle_request(core)
        return httpx.Response(status_code=response.status, headers=response.headers, stream=_Body(response),
                              extensions=response.extensions)

    def close(self) -> None:
        self._pool.close()


# -- fetching -------------------------------------------------------------------------------------------
