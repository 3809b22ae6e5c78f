"""Start-up validation of the Telegram settings: one clear line naming the bad setting."""

from __future__ import annotations

import pytest

from bot.adapters.telegram.run import SECRET, check, webhook_secret
from bot.runtime.settings import ConfigError, load_settings
from tests.adapters.telegram.fake_api import TOKEN


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "TELEGRAM_BOT_TOKEN"),
        ({"telegram_bot_token": "   "}, "TELEGRAM_BOT_TOKEN"),
        ({"telegram_bot_token": "12/34"}, "TELEGRAM_BOT_TOKEN"),
        ({"telegram_bot_token": TOKEN, "telegram_webhook_url": "bot.example.com"}, "TELEGRAM_WEBHOOK_URL"),
        ({"telegram_bot_token": TOKEN, "telegram_webhook_url": "https://bot.example.com/tg",
          "telegram_webhook_secret": "with space"}, "TELEGRAM_WEBHOOK_SECRET"),
        ({"telegram_bot_token": TOKEN, "telegram_webhook_port": 0}, "TELEGRAM_WEBHOOK_PORT"),
    ],
)
def test_bad_settings_are_named(env: dict, named: str) -> None:
    with pytest.raises(ConfigError) as err:
        check(load_settings(**env))
    message = str(err.value)
    assert named in message and "\n" not in message
    assert TOKEN not in message


def test_api_url_must_be_http() -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_API_URL"):
        load_settings(telegram_bot_token=TOKEN, telegram_api_url="api.telegram.org")


def test_webhook_secret_is_given_or_derived_from_the_token() -> None:
    given = load_settings(telegram_bot_token=TOKEN, telegram_webhook_secret="abc_DEF-1")
    assert webhook_secret(given) == "abc_DEF-1"
    derived = webhook_secret(load_settings(telegram_bot_token=TOKEN))
    assert SECRET.fullmatch(derived) and TOKEN not in derived
    assert derived == webhook_secret(load_settings(telegram_bot_token=TOKEN))  # the same in every replica
    assert derived != webhook_secret(load_settings(telegram_bot_token=TOKEN + "x"))
