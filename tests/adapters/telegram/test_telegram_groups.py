"""Group rules: /ask, a mention of the bot and a reply to the bot are answered; other chatter is not."""

from __future__ import annotations

from bot.answer import answerer
from tests.adapters.telegram.fake_api import BOT, assert_verbatim, bot_message, chat, message


def passages(library) -> list[str]:
    return [p.text for p in library.passages]


async def answered(fake, update: dict, count: int) -> dict:
    """Push `update`; return the `count`-th sendMessage (the one answering it)."""
    await fake.push(update)
    sent = await fake.wait_for("sendMessage", count)
    return sent[-1]


async def test_ask_command_in_group_answers_as_a_reply(fake, bot, library, question) -> None:
    update = message(f"/ask {question}", kind="supergroup")
    sent = await answered(fake, update, 1)
    assert sent["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert assert_verbatim(sent["text"], passages(library)) == len(answerer.answer(library, question).quotes)


async def test_ask_addressed_with_bot_name(fake, bot, library, question) -> None:
    sent = await answered(fake, message(f"/ask@{BOT['username']} {question}", kind="group"), 1)
    assert assert_verbatim(sent["text"], passages(library)) >= 1


async def test_mention_and_reply_are_answered_chatter_is_ignored(fake, bot, library, question) -> None:
    chatter = [
        message("hello everyone, lunch at noon?", kind="supergroup"),
        message(question, kind="supergroup"),  # a question, but not addressed to the bot
        message(f"@someone_else {question}", kind="supergroup"),
        message(f"/ask@OtherBot {question}", kind="supergroup"),
        message("/unknown@OtherBot", kind="supergroup"),
        message("a reply to a person", kind="supergroup",
                reply_to={**bot_message(), "from": {"id": 7, "is_bot": False, "first_name": "Bo"}}),
    ]
    for update in chatter:
        await fake.push(update)
    mention = message(f"@{BOT['username']} {question}", kind="supergroup")
    reply = message(question, kind="supergroup", reply_to=bot_message())
    await fake.push(mention)
    await fake.push(reply)
    first, second = await fake.wait_for("sendMessage", 2)
    assert first["reply_parameters"]["message_id"] == mention["message"]["message_id"]
    assert second["reply_parameters"]["message_id"] == reply["message"]["message_id"]
    for sent in (first, second):
        assert assert_verbatim(sent["text"], passages(library)) >= 1
    # the marker: once /sources is answered, everything before it has been processed
    await fake.push(message("/sources", kind="supergroup"))
    await fake.wait_for("sendMessage", 3)
    assert len(fake.called("sendMessage")) == 3
    assert not fake.errors


async def test_bare_mention_and_empty_ask_get_usage(fake, bot) -> None:
    await fake.push(message(f"@{BOT['username']}", kind="supergroup"))
    await fake.push(message("/ask", kind="supergroup"))
    first, second = await fake.wait_for("sendMessage", 2)
    assert "/ask" in first["text"] and "/ask" in second["text"]


async def test_unknown_command_addressed_to_the_bot_is_explained(fake, bot) -> None:
    await fake.push(message(f"/frobnicate@{BOT['username']}", kind="supergroup"))
    (sent,) = await fake.wait_for("sendMessage")
    assert "/help" in sent["text"]


async def test_commands_and_mentions_without_entities(fake, bot, library, question) -> None:
    await fake.push(message(f"/ask {question}", kind="supergroup", entities=False))
    await fake.push(message(f"@{BOT['username'].lower()} {question}", kind="group", entities=False))
    await fake.push(message(f"/ask@OtherBot {question}", kind="supergroup", entities=False))
    await fake.push(message("/whatever", kind="supergroup", entities=False))
    await fake.push(message("/sources", entities=False))
    replies = await fake.wait_for("sendMessage", 3)
    # chats are answered concurrently: the group's replies come in order, the private chat's at any point
    asked, mentioned = [r for r in replies if r["chat_id"] == chat("group")["id"]]
    (sources,) = [r for r in replies if r["chat_id"] == chat("private")["id"]]
    for sent in (asked, mentioned):
        assert assert_verbatim(sent["text"], passages(library)) == len(answerer.answer(library, question).quotes)
    assert "<a href=" in sources["text"] and "<blockquote" not in sources["text"]
    assert len(fake.called("sendMessage")) == 3
