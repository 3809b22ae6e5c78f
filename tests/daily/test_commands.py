"""The platform-neutral subscription commands: what a user typing /subscribe gets back."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from bot.answer.library import Library
from bot.daily import commands, subscriptions
from tests.daily.conftest import at


@pytest.mark.parametrize("zone", ["localtime", "Factory", "EST5EDT"])
def test_subscribe_refuses_zones_that_are_not_places_and_names_one_that_is(engine: Engine, library: Library,
                                                                           zone: str) -> None:
    reply = commands.subscribe(engine, ("09:00", "UTC"), library, "telegram", "c1", ["08:30", zone], user=None,
                               lang="en", now=at("2026-11-22T00:00"))
    assert zone in reply and "Europe/Berlin" in reply and "Usage" in reply
    assert subscriptions.current(engine, "telegram", "c1").subscription is None


def test_subscribe_takes_an_area_location_zone(engine: Engine, library: Library) -> None:
    reply = commands.subscribe(engine, ("09:00", "UTC"), library, "telegram", "c1", ["08:30", "america/new_york"],
                               user=None, lang="en", now=at("2026-11-22T00:00"))
    assert "America/New_York" in reply
    st = subscriptions.current(engine, "telegram", "c1")
    assert st.subscription is not None and st.subscription.timezone == "America/New_York"


OFFERED = commands.TRANSLATE_TO


@pytest.mark.parametrize(("args", "rest", "target"), [
    (["09:00", "translate=en"], ["09:00"], "en"),
    (["translate=ZH-hant", "Europe/Berlin"], ["Europe/Berlin"], "zh-Hant"),
    (["translation=de"], [], "de"),
    (["translate=en", "translate=off"], [], None),
    (["language=de"], ["language=de"], None),
])
def test_translate_is_taken_out_of_the_arguments(args: list[str], rest: list[str], target: str | None) -> None:
    assert commands.split_translation(args, OFFERED) == (rest, target)


@pytest.mark.parametrize("value", ["fr", "", "english", "zh-Hans-CN"])
def test_translate_refuses_what_is_not_offered(value: str) -> None:
    with pytest.raises(commands.BadTranslation):
        commands.split_translation([f"translate={value}"], OFFERED)
    with pytest.raises(commands.BadTranslation):  # a language not configured (TRANSLATE_LANGUAGES)
        commands.split_translation(["translate=zh"], ["en", "de"])


def test_subscribe_with_a_translation_is_stored_shown_and_cleared(engine: Engine, library: Library) -> None:
    now = at("2026-11-22T00:00")

    def subscribe(*args: str, lang: str = "en", offered: tuple[str, ...] = OFFERED) -> str:
        return commands.subscribe(engine, ("09:00", "UTC"), library, "slack", "c1", list(args), user=None,
                                  lang=lang, now=now, translations=offered)

    reply = subscribe("09:00", "Europe/Berlin", "translate=en", "language=zh")
    assert "Europe/Berlin" in reply and "language=zh" in reply
    assert reply.endswith("With a machine translation (LibreTranslate): English.")
    sub = subscriptions.current(engine, "slack", "c1").subscription
    assert sub is not None and (sub.translate_to, sub.language) == ("en", "zh")
    assert commands.show(engine, "slack", "c1", lang="de", now=now).endswith(
        "Mit maschineller Übersetzung (LibreTranslate): Englisch.")
    refused = subscribe("09:00", "translate=fr", lang="de")
    assert "'fr'" in refused and "zh, zh-Hant, de, en" in refused and "translate=off" in refused
    assert subscriptions.current(engine, "slack", "c1").subscription.translate_to == "en"  # type: ignore[union-attr]
    assert "not set up" in subscribe("translate=en", offered=())
    assert "translation" not in subscribe("10:00").lower()  # a new /subscribe without it: no translation
    assert subscriptions.current(engine, "slack", "c1").subscription.translate_to is None  # type: ignore[union-attr]
    assert "translation" not in commands.show(engine, "slack", "c1", lang="en", now=now).lower()
    assert "Subscribed" in subscribe("translate=off", offered=())  # switching it off is always fine
