"""A LibreTranslate server's HTTP API: `GET /languages`, `POST /translate` (q, source, target, format, api_key).

Our language codes are "zh", "zh-Hant", "de" and "en"; LibreTranslate names Chinese "zh" (or "zh-Hans")
and traditional Chinese "zt" (or "zh-Hant") depending on its version, so the codes are mapped from what
the server's own `/languages` says.
"""

from __future__ import annotations

import threading

import httpx

ENGINE = "libretranslate"
SERVER_CODES = {"zh": ("zh", "zh-Hans", "zh-CN"), "zh-Hant": ("zt", "zh-Hant", "zh-TW"), "de": ("de",), "en": ("en",)}


class TranslationError(Exception):
    """The server could not translate (down, slow, refused, rate-limited, or an unexpected answer)."""


class LibreTranslate:
    """A client for one server; thread-safe (one pooled httpx.Client)."""

    def __init__(self, url: str, api_key: str | None = None, timeout: float = 3.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.url = url.rstrip("/")
        self.api_key = api_key or None
        self._client = httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 2.0)), transport=transport,
                                    limits=httpx.Limits(max_connections=8, max_keepalive_connections=4))
        self._codes: dict[str, str] | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def _call(self, method: str, path: str, **kwargs: object) -> object:
        try:
            response = self._client.request(method, f"{self.url}{path}", **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            raise TranslationError(f"{type(exc).__name__}") from None
        if response.status_code != 200:
            raise TranslationError(f"HTTP {response.status_code}")
        try:
            return response.json()
        except ValueError:
            raise TranslationError("not JSON") from None

    def codes(self) -> dict[str, str]:
        """Our language code -> the server's, for the languages the server offers (asked once)."""
        with self._lock:
            if self._codes is None:
                data = self._call("GET", "/languages")
                items = data if isinstance(data, list) else []
                offered = {str(item.get("code")) for item in items if isinstance(item, dict)}
                if not offered:
                    raise TranslationError("no languages")
                self._codes = {ours: next(c for c in theirs if c in offered)
                               for ours, theirs in SERVER_CODES.items() if any(c in offered for c in theirs)}
            return self._codes

    def translate(self, text: str, source: str, target: str) -> str:
        """`text` from our language `source` into `target` (plain text, not HTML)."""
        codes = self.codes()
        if source not in codes or target not in codes:
            raise TranslationError(f"{source}->{target} not offered")
        body = {"q": text, "source": codes[source], "target": codes[target], "format": "text"}
        if self.api_key:
            body["api_key"] = self.api_key
        data = self._call("POST", "/translate", json=body)
        result = data.get("translatedText") if isinstance(data, dict) else None
        if not isinstance(result, str) or not result.strip():
            raise TranslationError("no translatedText")
        return result
