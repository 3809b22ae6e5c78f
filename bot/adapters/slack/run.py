"""`interview-bot slack`: run the Slack app (Socket Mode with SLACK_APP_TOKEN, otherwise HTTP)."""

from __future__ import annotations

import click

from bot.adapters.slack.application import DEFAULT_EXTENSIONS, build_app, check_settings
from bot.adapters.slack.daily import SlackPoster
from bot.adapters.slack.server import serve_http, serve_socket_mode
from bot.runtime.context import open_context
from bot.runtime.logs import configure_logging
from bot.runtime.settings import get_settings
from bot.runtime.shutdown import install


@click.command("slack")
@click.option("--host", default=None, help="HTTP mode: address to listen on (SLACK_HOST, default 0.0.0.0).")
@click.option("--port", type=int, default=None, help="HTTP mode: port (SLACK_PORT, default 3000).")
def slack(host: str | None, port: int | None) -> None:
    """Run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP at /slack/events."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_json)  # with the redaction of secrets
    check_settings(settings)
    stop = install()
    ctx = open_context(settings, platform="slack")
    try:
        ctx.start(stop)
        ctx.library.current.warm_up()  # the first question of the day does not wait for the dictionaries
        try:
            app = build_app(ctx, DEFAULT_EXTENSIONS)
        except Exception as exc:  # Bolt checks the token with auth.test at construction
            raise click.ClickException(f"could not start the Slack app: {type(exc).__name__}: "
                                       f"{str(exc).splitlines()[0] if str(exc) else ''}") from None
        poster = SlackPoster(app.client, ctx).start()  # the daily quote
        try:
            if settings.slack_app_token is not None and settings.slack_app_token.get_secret_value():
                serve_socket_mode(app, settings.slack_app_token.get_secret_value(), ctx.health, stop)
            else:
                serve_http(app, host or settings.slack_host, port if port is not None else settings.slack_port,
                           ctx.health, stop)
        finally:
            poster.stop()
    finally:
        ctx.close()
