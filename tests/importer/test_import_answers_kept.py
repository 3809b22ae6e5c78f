"""Answers the importer's rules must leave alone, found by a review of the rules written for rounds 17-21: a
one-off label naming who answers under "A:", a director's role in brackets, answer sentences that read like
a call's notice, an embargo, a to-do note, a photo's caption or the writer's words about someone, a nickname
followed by a verb, a date at an answer's start; and sentence ends after "I." and "No."."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from corpus.segment import sentence_spans
from tests.importer.documents import answers_of, write

NAMED_FIRST = """# Ice and Patience

By Lena Ortiz

We met at the station in late autumn.

**Q (Lena Ortiz):** How long have you been coming here?

**A (Maren Holloway):** Eleven winters now. The first one nearly broke me.

**Q:** What keeps you coming back?

**A:** The quiet. You cannot buy that anywhere.

**Q:** And the cold?

**A:** You get used to it, more or less.

**Q:** Would you recommend it?

**A:** Only to people who like their own company.
"""

DIRECTOR = """# Presseheft: Das stille Haus

Ein Gespräch mit der Regisseurin Maren Ade über ihren neuen Film.

**Frage:** Wie kam es zu dem Film?

**Maren Ade (Regie):** Ich habe lange nach einem Haus gesucht, das erzählen kann.

**Frage:** Wie haben Sie die Besetzung gefunden?

**Maren Ade (Regie):** Über ein langes Casting, fast ein Jahr.

**Frage:** Was war beim Dreh am schwierigsten?

**Maren Ade (Regie):** Das Wetter. Wir hatten drei Wochen Regen.
"""

NOTICE_LIKE = """# The Quiet Rebellion: An Interview with Maren Holloway

Maren Holloway chaired the co-op board for a decade. We spoke in her kitchen.

**Q:** What happened at the vote?

**Maren Holloway:** It was chaos. I read out the numbers and nobody said a word.

Then half the board left the meeting.

**Q:** What about the embargo on new members?

**Maren Holloway:** Embargo is the wrong word for it, we simply had no room.

**Q:** How do you stay organised?

**Maren Holloway:** To-do lists, mostly, and a very patient husband.

**Q:** Any regrets?

**Maren Holloway:** None at all. I would do it again tomorrow.
"""

LAUGH = """# 纪录片导演韩露：我只是喜欢拍

韩露拍了三部关于海岛的纪录片。

**问：**你平时怎么工作？

**韩露：**我基本上每天都在岛上走，见到什么就拍什么。

那时候我天天扛着机器出去拍摄（笑）

**问：**为什么选海岛？

**韩露：**因为我在海边长大，对海有感情。

**问：**下一部呢？

**韩露：**还没想好，先休息一下。
"""

PHOTO_AFTER = """# Hands in the Soil: A Conversation with Agnes Tolliver

Agnes Tolliver farms sixty acres in the hills above Marlow.

**Q:** How did you start?

**Agnes Tolliver:** My grandfather left me the land and a broken tractor.

I have been fixing that tractor ever since.

![](tractor.jpg)

Photo: Jonas Petrie

**Q:** What is hardest?

**Agnes Tolliver:** The weather, every single year, without fail.

**Q:** And the best part?

**Agnes Tolliver:** The mornings. Nothing beats the mornings up here.
"""

NEIGHBOUR = """# 王芳：在村里开书屋的十年

王芳在岩脚村开了一间书屋。

**记者：**为什么开书屋？

**王芳：**因为村里的孩子没有书看。我小时候也没有。

**记者：**一开始顺利吗？

**王芳：**很难。没有人相信一个书屋能坚持下来。

那时候隔壁的王阿姨每天来帮我看店，一分钱都不要。

后来孩子越来越多，周末的时候屋里都坐不下。

现在我最大的心愿，就是再开一间。
"""

NICKNAME = """# 菜市场里的三十年

我第一次见到梁姨是在菜市场。她正在给一位老人称菜。

梁姨说，她在这里卖了三十年菜。

**问：**您每天几点起床？

**梁姨：**四点。要去批发市场进菜，晚了就没有好菜了。

**问：**累吗？

**梁姨：**累啊，但是习惯了。

**问：**孩子们支持吗？

**梁姨：**他们早就劝我别干了，我不听。
"""

DATE_IN_ANSWER = """# „Die Mauer war plötzlich offen“

Ein Gespräch mit dem Fotografen Jens Oltmanns über die Nacht, die alles änderte.

**Herr Oltmanns, erinnern Sie sich an den Tag?**

Natürlich, 9. November 1989 – das vergisst man nicht. Ich stand mit der Kamera an der Bornholmer Straße.

**Was haben Sie fotografiert?**

Gesichter. Nur Gesichter, die ganze Nacht.

**Haben Sie die Bilder noch?**

Alle. Sie liegen im Keller in drei Kisten.
"""

BRACKETED_ROLES = """# 养蜂人林雪岚：山里的日子

作者：周野

林雪岚在山里养了十年蜂。我们在她的蜂场见到了她。

【问】你为什么回到山里养蜂？

【答】因为我父亲病了，家里的蜂没人照看。我本来只打算回来一年，后来就留下来了。

【问】第一年最难的是什么？

【答】是冬天。蜂群一个接一个地死，我完全不知道该怎么办。

【问】现在呢？

【答】现在好多了，我们有四百箱蜂，还带了几个徒弟。
"""



def _said(tmp_path: Path, name: str, text: str) -> list[tuple[str | None, str]]:
    return [(p.speaker, p.text) for p in answers_of(read_article(str(write(tmp_path, name, text))))]


def test_a_one_off_label_that_names_who_answers_first_names_every_answer(tmp_path: Path) -> None:
    assert {who for who, _ in _said(tmp_path, "r.md", NAMED_FIRST)} == {"Maren Holloway"}


def test_a_directors_role_in_brackets_is_no_crew(tmp_path: Path) -> None:
    assert [who for who, _ in _said(tmp_path, "d.md", DIRECTOR)] == ["Maren Ade"] * 3


def test_answer_sentences_that_read_like_chrome_stay(tmp_path: Path) -> None:
    said = "\n".join(text for _, text in _said(tmp_path, "e.md", NOTICE_LIKE))
    for sentence in ("Then half the board left the meeting.", "Embargo is the wrong word for it",
                     "To-do lists, mostly"):
        assert sentence in said, sentence
    assert "拍摄（笑）" in "\n".join(text for _, text in _said(tmp_path, "c.md", LAUGH))
    assert "I have been fixing that tractor ever since." in "\n".join(
        text for _, text in _said(tmp_path, "p.md", PHOTO_AFTER))  # an answer's sentence over a photo's credit
    assert "王阿姨每天来帮我看店" in "\n".join(
        text for _, text in _said(tmp_path, "g.md", NEIGHBOUR))  # another 王 in her last answer ends nothing


def test_a_nickname_followed_by_a_verb_is_no_full_name(tmp_path: Path) -> None:
    assert {who for who, _ in _said(tmp_path, "k.md", NICKNAME)} == {"梁姨"}  # not "梁姨说"


def test_a_date_at_an_answers_start_is_no_dateline(tmp_path: Path) -> None:
    assert read_article(str(write(tmp_path, "dt.md", DATE_IN_ANSWER))).article.published is None


def test_generic_labels_in_lenticular_brackets(tmp_path: Path) -> None:
    said = _said(tmp_path, "q.md", BRACKETED_ROLES)
    assert [who for who, _ in said] == ["林雪岚"] * 3 and not any("【" in text for _, text in said)


def test_i_and_no_end_sentences() -> None:
    text = "So was I. Then we left. No. I never did."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["So was I.", "Then we left.", "No.", "I never did."]
