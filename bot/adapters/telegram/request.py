"""A python-telegram-bot request backend on aiohttp: the Bot API calls at a quarter of httpx's CPU cost.

PTB's default HTTPXRequest spends ~3-5 ms of CPU on each Bot API call in httpx/httpcore/anyio
bookkeeping (a scan of the connection pool with socket checks per request, anyio attribute lookups,
and, without sniffio installed, a failed import per call); at a few hundred calls a second that is the
bot's whole CPU. `AiohttpRequest` makes the same requests (form-encoded parameters, multipart when
files are attached, PTB's User-Agent, proxies from the environment as httpx, certifi's CA bundle)
with aiohttp's C-accelerated client (~1 ms a call, most of it PTB's own (de)serialisation), and
reports failures like HTTPXRequest: timeouts as TimedOut, other transport errors as NetworkError.
"""

from __future__ import annotations

import binascii
import logging
import re
import ssl
import urllib.request
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _percent(value: str) -> bytes:
    """Every byte of `value` (UTF-8) percent-encoded: one C call instead of urlencode's Python loop
    over each byte (0.03 ms instead of 0.4 ms for a 3 kB answer); a form decoder reads it the same.
    Lone surrogates (a user's text can carry them; UTF-8 cannot) are sent as U+FFFD."""
    try:
        raw = value.encode()
    except UnicodeEncodeError:
        raw = re.sub("[\ud800-\udfff]", "\ufffd", value).encode()
    return b"%" + binascii.hexlify(raw, b"%") if raw else b""


def form_encode(fields: dict[str, str]) -> bytes:
    """An application/x-www-form-urlencoded body for `fields` (PTB's JSON-encoded parameters)."""
    return b"&".join(_percent(k) + b"=" + _percent(v) for k, v in fields.items())


@lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    """certifi's CA bundle when installed (as httpx uses), else the system's (made once: ~20 ms)."""
    try:
        import certifi
    except ImportError:  # pragma: no cover - certifi comes with httpx
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=certifi.where())


@lru_cache(maxsize=64)
def _proxy(scheme: str, host: str) -> str | None:
    """The proxy the environment names for this scheme and host (HTTPS_PROXY, NO_PROXY …), as httpx
    would use it; looked up once per host (aiohttp's own trust_env costs a thread hop per request)."""
    if urllib.request.proxy_bypass(host):
        return None
    return urllib.request.getproxies().get(scheme)


def _value(given: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(given, DefaultValue) else given


class AiohttpRequest(BaseRequest):
    """BaseRequest over one aiohttp ClientSession (opened by `initialize`, closed by `shutdown`).

    Timeouts as HTTPXRequest: `connect_timeout` to open a connection, `read_timeout` between bytes of
    the response, `pool_timeout` waiting for a free connection (counted with the connect timeout).
    aiohttp has no write timeout of its own: a request as a whole is bounded by the sum of the four."""

    __slots__ = ("_connect_timeout", "_media_write_timeout", "_pool_size", "_pool_timeout", "_read_timeout",
                 "_session", "_write_timeout")

    def __init__(self, connection_pool_size: int = 64, read_timeout: float | None = 5.0,
                 write_timeout: float | None = 5.0, connect_timeout: float | None = 5.0,
                 pool_timeout: float | None = 1.0, media_write_timeout: float | None = 20.0) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ssl=_ssl_context())
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT},
                                                  cookie_jar=aiohttp.DummyCookieJar())  # the Bot API sets none

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def _timeout(self, read: float | None, write: float | None, connect: float | None,
                 pool: float | None) -> aiohttp.ClientTimeout:
        parts = (read, write, connect, pool)
        return aiohttp.ClientTimeout(
            total=None if None in parts else sum(p for p in parts if p is not None),
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect, sock_read=read,
        )

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        fields = request_data.json_parameters if request_data else {}
        timeout = self._timeout(
            _value(read_timeout, self._read_timeout),
            _value(write_timeout, self._media_write_timeout if files else self._write_timeout),
            _value(connect_timeout, self._connect_timeout), _value(pool_timeout, self._pool_timeout))
        data: Any = None
        headers: dict[str, str] | None = None
        if files:
            form = aiohttp.FormData(quote_fields=False)
            for name, value in fields.items():
                form.add_field(name, value)
            for name, part in files.items():
                filename, content, *mimetype = part if isinstance(part, tuple) else (name, part)
                form.add_field(name, content, filename=filename, content_type=mimetype[0] if mimetype else None)
            data = form
        elif fields:
            data, headers = form_encode(fields), FORM
        try:
            parts = urlsplit(url)
            async with session.request(method, url, data=data, headers=headers, timeout=timeout,
                                       proxy=_proxy(parts.scheme, parts.hostname or "")) as res:
                payload = await res.read()
        except TimeoutError as err:  # aiohttp.ServerTimeoutError too
            raise TimedOut from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{err.__class__.__name__}: {err}") from err
        if log.isEnabledFor(logging.DEBUG):
            log.debug('Bot API %s: %d', url.rsplit("/", 1)[-1], res.status)  # the method, never the token
        return res.status, payload
