"""The interface language of a Slack user where no text tells it (opening the Messages or Home tab): their
Slack locale from users.info (`include_locale`, scope users:read), remembered for an hour. Any failure
gives English, remembered as well, so a workspace that refuses the call is not asked on every click."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from bot.answer.texts import ui_language

log = logging.getLogger(__name__)


class Locales:
    """user id -> zh, de or en (bounded, thread-safe: Bolt runs listeners on a pool of threads)."""

    def __init__(self, size: int = 10_000, ttl: float = 3600.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.size, self.ttl, self.clock = size, ttl, clock
        self._known: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()

    def language(self, client: Any, user: str | None) -> str:
        """The user's interface language (English when Slack does not say)."""
        if not user:
            return "en"
        with self._lock:
            known = self._known.get(user)
            if known is not None and self.clock() - known[0] < self.ttl:
                return known[1]
        lang = self._ask(client, user)
        with self._lock:
            self._known[user] = (self.clock(), lang)
            self._known.move_to_end(user)
            while len(self._known) > self.size:
                self._known.popitem(last=False)
        return lang

    @staticmethod
    def _ask(client: Any, user: str) -> str:
        try:
            resp = client.users_info(user=user, include_locale=True)
        except Exception as exc:  # SlackApiError (missing_scope, …) or the network: English, and go on
            log.info("users.info failed (%s): interface in English", error_code(exc))
            return "en"
        return ui_language(str((resp.get("user") or {}).get("locale") or "en"))


def error_code(exc: Exception) -> str:
    """Slack's error code for a SlackApiError, else the exception's type."""
    response = getattr(exc, "response", None)
    return str(response.get("error") or type(exc).__name__) if response is not None else type(exc).__name__
