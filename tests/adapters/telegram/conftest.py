"""Fixtures for the Telegram tests: the fake Bot API server and the real Application polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.adapters.telegram import fake_api


@pytest.fixture
async def fake(library: Any) -> AsyncIterator[fake_api.FakeBotAPI]:
    """The fake Bot API server. Afterwards, every test checks what the bot sent: nothing was refused
    (HTML that would not parse, over the limits, bad buttons) and every blockquote is verbatim."""
    server = fake_api.FakeBotAPI()
    await server.start()
    yield server
    await server.stop()
    assert not server.errors, f"the Bot API refused: {server.errors}"
    passages = [p.text for p in library.passages]
    for params in server.called("sendMessage") + server.called("editMessageText"):
        fake_api.assert_verbatim(params["text"], passages)
    for params in server.called("answerInlineQuery"):
        for result in params["results"]:
            fake_api.assert_verbatim(result["input_message_content"]["message_text"], passages)
    for params in server.called("answerGuestQuery"):
        fake_api.assert_verbatim(params["result"]["input_message_content"]["message_text"], passages)


@pytest.fixture
async def bot(fake: fake_api.FakeBotAPI, library) -> AsyncIterator[Any]:
    """The real Application, long-polling the fake server."""
    app = fake_api.make_app(fake, library)
    await fake_api.start_polling(app)
    yield app
    await fake_api.stop(app)


@pytest.fixture(scope="session")
def question(library: Any) -> str:
    """A Chinese question the corpus answers with more than one page."""
    return fake_api.question_for(library, "zh", more=True)
