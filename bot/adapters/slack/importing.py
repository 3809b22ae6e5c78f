"""Slack extension: `/ask add URL …` imports interviews, for users on ADMIN_USERS ("slack:<user id>").

Imports run on the app's own ImportQueue (a few threads, a short queue, "busy" beyond it): the handler
returns at once, freeing Bolt's worker for other requests, and the report is sent to the command's
response_url when the import is done.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from bot.adapters.slack.render import clip
from bot.importer.chat import ImportQueue, import_urls, is_admin, urls_in
from bot.importer.chat import text as say

if TYPE_CHECKING:
    from bot.runtime.context import AppContext

log = logging.getLogger(__name__)

MAX_TEXT = 3000


def add(*, text: str, command: dict[str, Any], respond: Callable[..., Any], client: Any = None,
        ctx: AppContext, imports: ImportQueue) -> Future[str] | None:
    """`/ask add URL …`: queue the import of the pages (administrators only); the report, visible only to
    the asker, follows when it is done. Returns the queued import (None when none was queued)."""
    lang = command.get("locale")
    if not is_admin(ctx.settings.admins(), "slack", command.get("user_id")):
        respond(text=say("refused", lang), response_type="ephemeral")
        return None
    urls = urls_in(text)
    if not urls:
        respond(text=say("usage", lang, command="/ask add"), response_type="ephemeral")
        return None
    job = imports.submit(import_urls, urls, ctx.engine, lang)
    if job is None:
        respond(text=say("busy", lang), response_type="ephemeral")
        return None
    job.add_done_callback(functools.partial(_report, ctx=ctx, respond=respond, lang=lang))
    return job


def _report(job: Future[str], *, ctx: AppContext, respond: Callable[..., Any], lang: str | None) -> None:
    """Send the import's report (called on the import's thread when it is done)."""
    try:
        try:
            report = job.result()
        except Exception:
            log.exception("import from Slack failed")
            respond(text=say("error", lang), response_type="ephemeral")
            return
        ctx.refresh()  # this process answers from the new articles at once (others within the refresh interval)
        respond(text=clip(report, MAX_TEXT), response_type="ephemeral", unfurl_links=False)
    except Exception:  # the report is best effort: the import itself is done
        log.warning("could not send the import report", exc_info=True)


def subcommands() -> dict[str, Callable[..., Any]]:
    """`/ask add …`, with this app's own import queue."""
    return {"add": functools.partial(add, imports=ImportQueue())}
