"""The importer fetches only public addresses (checked after DNS, on every redirect, connected to the address
it checked) unless told `allow_private`, and every fetch ends within its overall time bound."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from bot.importer.fetch import FetchError, fetch_url, load
from tests.pages import PageServer, PrivateServer

MIRA = "/interviews/mira-castellanos"


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A port on 127.0.0.1 that listens (an internal service) but never accepts: a connection would wait
    in its backlog, where the test can see it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock
    sock.close()


def connected(sock: socket.socket) -> bool:
    sock.settimeout(0.2)
    try:
        conn, _ = sock.accept()
    except TimeoutError:
        return False
    conn.close()
    return True


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens here once closed


NOT_PUBLIC = ["127.0.0.1", "127.8.9.10", "10.0.0.7", "172.16.3.4", "172.31.255.254", "192.168.1.1",
              "169.254.169.254", "0.0.0.0", "100.64.0.1", "192.0.2.1", "198.18.0.1", "224.0.0.1", "239.1.2.3",
              "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
              "ff0e::1", "fec0::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "2002:a00:1::1",
              "2001:db8::1"]
PUBLIC = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "2a00:1450:4001::200e",
          "64:ff9b::808:808"]


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_non_public_addresses(address: str) -> None:
    from bot.importer.public_web import is_public

    assert not is_public(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses(address: str) -> None:
    from bot.importer.public_web import is_public

    assert is_public(address)


def test_non_public_targets_are_refused_before_connecting_all_alike(listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    urls = [
        f"http://127.0.0.1:{port}/metrics",  # open (the metrics port)
        f"http://127.0.0.1:{closed_port()}/metrics",  # closed: refused
        "http://10.255.255.1:9100/metrics",  # nobody answers: would time out
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata (link-local)
        f"http://[::1]:{port}/", "http://[fe80::1]/", "http://0.0.0.0/", "http://192.168.0.1/",
        "http://172.16.0.1/", "http://[fc00::1]/", "http://224.0.0.1/", "https://127.0.0.1/",
        "http://2130706433/",  # 127.0.0.1 as one number
    ]
    for url in urls:
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetch_url(url, timeout=3)
        assert str(caught.value) == f"{url}: this address is not public"  # the same, whatever the port does
        assert time.monotonic() - started < 1, url
    assert not connected(listener)


def test_a_public_looking_name_resolving_to_a_private_address_is_refused(listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    asked: list[str] = []

    def resolver(host: str) -> list[str]:
        asked.append(host)
        return {"interviews.example.com": ["127.0.0.1"], "mixed.example.com": ["93.184.216.34", "10.1.2.3"],
                "v6.example.com": ["fe80::1"]}[host]

    for host in ("interviews.example.com", "mixed.example.com", "v6.example.com"):
        url = f"http://{host}:{port}/metrics"
        with pytest.raises(FetchError) as caught:
            fetch_url(url, resolver=resolver, timeout=3)
        assert str(caught.value) == f"{url}: this address is not public"
    assert asked == ["interviews.example.com", "mixed.example.com", "v6.example.com"]
    assert not connected(listener)


def test_connects_to_the_address_it_checked(pages: PageServer) -> None:
    """The name is resolved once, by the importer, and the connection goes to that address (a second
    lookup, as DNS rebinding would answer it, is never made)."""
    port = int(pages.url.rsplit(":", 1)[1])
    answers = iter([["127.0.0.1"], ["10.0.0.1"], ["169.254.169.254"]])
    asked: list[str] = []

    def rebinding(host: str) -> list[str]:
        asked.append(host)
        return next(answers)

    source = fetch_url(f"http://rebind.example:{port}{MIRA}", resolver=rebinding)
    assert "Mira Castellanos" in source.text
    assert asked == ["rebind.example"]
    assert source.url == f"http://rebind.example:{port}{MIRA}"


def test_a_redirect_to_an_internal_address_is_refused(pages: PageServer, private_pages: PrivateServer) -> None:
    url = pages(f"/redirect?to={private_pages(MIRA)}")
    with pytest.raises(FetchError) as caught:
        fetch_url(url)
    assert str(caught.value) == f"{url}: redirected to 127.0.0.1: this address is not public"
    assert private_pages.requests == []
    metadata = pages("/redirect?to=http://metadata.internal.example/latest/")
    with pytest.raises(FetchError) as caught:
        fetch_url(metadata, resolver=lambda host: ["169.254.169.254"])
    assert str(caught.value) == f"{metadata}: redirected to metadata.internal.example: this address is not public"


def test_allow_private_reaches_a_private_server(private_pages: PrivateServer) -> None:
    with pytest.raises(FetchError, match="this address is not public"):
        load(private_pages(MIRA))
    assert private_pages.requests == []
    source = load(private_pages("/old/mira"), allow_private=True)
    assert "Mira Castellanos" in source.text and source.url == private_pages(MIRA)
    assert private_pages.requests == ["/old/mira", MIRA]


def test_failures_to_connect_do_not_tell_ports_apart() -> None:
    """Reachable addresses that fail: one message, without the socket error (no port-scanning detail)."""
    reset = socket.socket()
    reset.bind(("127.0.0.1", 0))
    reset.listen()

    def hang_up() -> None:
        conn, _ = reset.accept()
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        conn.close()  # RST

    threading.Thread(target=hang_up, daemon=True).start()
    try:
        for url in (f"http://127.0.0.1:{closed_port()}/x", f"http://127.0.0.1:{reset.getsockname()[1]}/x"):
            with pytest.raises(FetchError) as caught:
                fetch_url(url, timeout=2, allow_private=True)
            assert str(caught.value) == f"{url}: could not be fetched"
    finally:
        reset.close()
    with pytest.raises(FetchError) as caught:
        fetch_url("http://no-such-host.invalid/x", timeout=2)
    assert str(caught.value) == "http://no-such-host.invalid/x: could not be fetched"


@pytest.mark.parametrize("path", ["/headers", "/body", "/silent"])
def test_a_server_that_never_finishes_is_given_up_within_the_bound(trickling: PageServer, path: str) -> None:
    """Headers a byte a second (each read is quick, so per-read timeouts never fire), a body likewise,
    or nothing at all: the overall bound covers connecting, the headers and the body."""
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch_url(trickling(path), allow_private=True, total_seconds=2)
    elapsed = time.monotonic() - started
    assert str(caught.value) == f"{trickling(path)}: timed out (no complete answer within 2 s)"
    assert 1.5 < elapsed < 3.5


def test_a_slow_name_lookup_is_within_the_bound() -> None:
    def slow(host: str) -> list[str]:
        time.sleep(10)
        return ["93.184.216.34"]

    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url("http://slow-dns.example/x", resolver=slow, total_seconds=1)
    assert time.monotonic() - started < 2.5


def test_production_defaults_are_strict() -> None:
    import inspect

    from bot.importer import fetch, pipeline

    for fn in (fetch.fetch_url, fetch.load, pipeline.read_article, pipeline.import_article):
        assert inspect.signature(fn).parameters["allow_private"].default is False, fn.__name__
