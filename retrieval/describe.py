"""Answering "who/what is X": the passages whose own text introduces or describes X.

Such a question has one concept that matters, X, so BM25 over the whole question finds passages that
merely mention X (every answer of an interviewee carries their name). Here a passage qualifies when its
text (not its speaker label) names X, and passages are ranked by how much they read like a description:
the sentence naming X holds role or definition words (创始人, CEO, 公司, founder, Gründer, "是"), an
editor's introduction before an interviewee's remark, a passage early in its article before a late one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

import numpy as np

from corpus.models import Passage
from corpus.segment import sentence_spans
from retrieval.generality import zipf
from retrieval.grouping import Hit, group_versions
from retrieval.query import Query
from retrieval.tokenize import HAN, alias_map, alias_names, tokenize, tokens

MIN_FOUND = 0.5  # share of the entity's concepts (idf-weighted) a passage's text must name
KIND_FACTOR = {"narrative": 1.3, "bullet": 1.1}  # the editor's voice introduces people and companies
DESCRIPTORS = {
    "zh": "是 为 创始人 联合创始人 创办 创立 成立 公司 企业 首席执行官 CEO 主持 主持人 主理人 合伙人 管理合伙人 "
          "投资人 投资 基金 作者 教授 研究员 担任 董事会 节目 播客 平台 独角兽 估值 出生 毕业 前 现任 负责人 实验室 "
          "论文 模型 产品",
    "en": "is was founder co-founder ceo company startup firm host podcast partner investor fund author professor "
          "researcher born former lab paper model product",
    "de": "ist war Gründer Mitgründer Chef Unternehmen Firma Start-up Moderator Partner Investor Autor Professor "
          "Forscher geboren ehemaliger Labor Modell Produkt",
}
BARE = re.compile(r"^[\sA-Za-z0-9ÄÖÜäöüß.\-+·・'’]{1,40}$")  # a Latin-script name (Han names: the alias table)
MAX_CONCEPTS = 3  # "Aidan Gomez", "Cohere for AI", "the stochastic parrot paper"; more is a question, not a name
NAME_ZIPF = 4.0  # a word rarer than this in everyday language can be a name (Gomez, Cohere, 量子位; not 技术, model)


@cache
def names() -> frozenset[str]:
    """The index terms of the names in the alias table (戈麦斯 for "Aidan Gomez", 戴雨森 for "Dai Yusen")."""
    return frozenset(alias_map().values()) | alias_names()


@cache
def descriptor_terms() -> frozenset[str]:
    """The index terms of role and definition words, in every language (they match any article)."""
    return frozenset(t for lang, words in DESCRIPTORS.items() for w in words.split() for t in tokenize(w, lang))


def bare(question: str) -> str:
    return question.strip().rstrip("?？!！.。 ")


def is_bare_name(question: str) -> bool:
    """Whether a question could be only a name ("Aidan Gomez?", "martin kon", "戴雨森"): a name of the alias
    table, or two or three words of a Latin-script name (Describer.names_phrase then checks the corpus)."""
    text = bare(question)
    if text in alias_names():
        return True
    return bool(text) and BARE.match(text) is not None and 2 <= len(text.split()) <= 3


def names_something(entity: Query) -> bool:
    """Whether the words asked about read as a name: few of them, one at least a known name, a word with
    digits or capitals inside (20VC, GPT-4, OpenAI), or a word rare in everyday language."""
    if not entity.concepts or len(entity.concepts) > MAX_CONCEPTS:
        return False
    known = names()
    for t in tokens(entity.text, entity.language):
        surface = entity.text[t.start:t.end]
        if t.part:
            continue
        if t.term in known or any(ch.isdigit() for ch in surface) or any(ch.isupper() for ch in surface[1:]):
            return True
        if zipf(t.term if HAN.match(t.term) else surface, entity.language) < NAME_ZIPF:
            return True
    return False


class Describer:
    """Finds the passages that describe an entity, for one corpus (what it tokenizes is kept)."""

    def __init__(self, passages: Sequence[Passage], languages: dict[str, str]) -> None:
        self.passages = passages
        self.languages = languages
        self.by_id = {p.id: p for p in passages}
        self._sentences: dict[int, list[frozenset[str]]] = {}
        self._rank_in_article: dict[int, int] | None = None

    def names_phrase(self, question: str, holding: Sequence[int] | np.ndarray) -> bool:
        """Whether the question, read as a name, is written as such in one of the passages `holding` its terms."""
        text = bare(question)
        if text in alias_names():
            return True
        phrase = " ".join(text.lower().split())
        return any(phrase in " ".join(self.passages[d].text.lower().split()) for d in holding[:200])

    def sentences(self, doc: int) -> list[frozenset[str]]:
        """The index terms of each sentence of a passage's text, then of the interview question it answers
        (shown with it), never of its speaker label."""
        known = self._sentences.get(doc)
        if known is None:
            p = self.passages[doc]
            lang = self.languages.get(p.article_id, "zh")
            spans = sentence_spans(p.text) or [(0, len(p.text))]
            known = [frozenset(tokenize(p.text[s:e], lang)) for s, e in spans]
            if p.question:
                known.append(frozenset(tokenize(p.question, lang)))
            self._sentences[doc] = known
        return known

    def rank_in_article(self, doc: int) -> int:
        """How many passages of its article come before this one."""
        if self._rank_in_article is None:
            seen: dict[str, int] = {}
            ranks = {}
            for i, p in enumerate(self.passages):
                ranks[i] = seen.get(p.article_id, 0)
                seen[p.article_id] = ranks[i] + 1
            self._rank_in_article = ranks
        return self._rank_in_article[doc]

    def describe(self, entity: Query, weights: list[tuple[frozenset[str], float]], candidates: Sequence[int],
                 language: str, want: int) -> list[Hit]:
        """The best `want` passages among `candidates` that describe the entity (concepts `weights`), versions
        grouped and shown in `language` where there is one; [] when no passage's text names it."""
        written = entity.own | names()  # the entity as written, or a form of a known name; no translations
        weights = [(c & written, w) for c, w in weights if c & written]
        total = sum(w for _, w in weights)
        if not total:
            return []
        descriptors = descriptor_terms()
        scored: list[tuple[Passage, float]] = []
        for doc in candidates:
            sentences = self.sentences(doc)
            named = frozenset().union(*sentences)
            found = sum(w for concept, w in weights if not concept.isdisjoint(named)) / total
            if found < MIN_FOUND:
                continue
            mentions = [s for s in sentences if any(not c.isdisjoint(s) for c, _ in weights)]
            first = mentions[0]
            hits = len((first - entity.own) & descriptors)
            others = sum(len((s - entity.own) & descriptors) for s in mentions[1:])
            score = found * (1.0 + hits + 0.3 * min(others, 5)) * (1.0 + 0.2 * min(len(mentions), 5))
            score *= KIND_FACTOR.get(self.passages[doc].kind, 1.0)
            score *= 1.0 + 1.0 / (1.0 + math.sqrt(self.rank_in_article(doc)))
            scored.append((self.passages[doc], score))
        scored.sort(key=lambda item: -item[1])
        by_score = {p.id: s for p, s in scored}
        return group_versions(scored, self.by_id, score_of=lambda p: by_score.get(p.id, 0.0),
                              language_of=lambda p: self.languages.get(p.article_id, ""), language=language,
                              want=want)
