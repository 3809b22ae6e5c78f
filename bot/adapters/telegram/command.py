"""`interview-bot telegram`: the settings first, then the bot, loaded for the way it runs.

A bot that polls never serves a webhook, so python-telegram-bot is imported without tornado, its webhook
server (2.8 MB of the process's memory); with TELEGRAM_WEBHOOK_URL set it is imported whole."""

from __future__ import annotations

import click

from bot.adapters.lean_imports import skip_webhook_server
from bot.runtime.settings import Settings, get_settings


def leave_out_unused(settings: Settings) -> None:
    """Before python-telegram-bot is imported: what this way of running never uses stays out."""
    if not settings.telegram_webhook_url:
        skip_webhook_server()


@click.command()
def telegram() -> None:
    """Run the Telegram bot (long polling; webhook when TELEGRAM_WEBHOOK_URL is set)."""
    settings = get_settings()
    leave_out_unused(settings)
    from bot.adapters.telegram.run import serve

    serve(settings)
