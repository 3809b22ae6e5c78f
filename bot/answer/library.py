"""The Library: one corpus's articles and passages, its index, and the ranker over them (plain data)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answer.reply import ArticleRef
from corpus.loader import bundled_ids
from corpus.models import Article, Passage
from retrieval.bm25 import BM25Index
from retrieval.ranking import Ranker
from retrieval.terms import index_terms


class Library:
    """Articles by id, passages in reading order (with their tokens), the BM25 index over them, and the
    Ranker that answers questions from them. Version links are made symmetric on construction."""

    def __init__(self, articles: Sequence[Article], passages: list[Passage], index: BM25Index) -> None:
        self.articles = {a.id: a for a in articles}
        self.passages = passages
        self.by_id = {p.id: p for p in passages}
        self.index = index
        self._position = {p.id: i for i, p in enumerate(passages)}
        link_back(passages, self.by_id)
        self.ranker = Ranker(passages, {a.id: a.language for a in articles}, index)

    @classmethod
    def build(cls, articles: Sequence[Article], passages: list[Passage]) -> Library:
        """Index passages in memory (tokenizing those without tokens)."""
        languages = {a.id: a.language for a in articles}
        for p in passages:
            if not p.tokens:
                p.tokens = index_terms(p, languages.get(p.article_id, "zh"))
        return cls(articles, passages, BM25Index.build([p.tokens for p in passages]))

    def ref(self, article_id: str) -> ArticleRef:
        """What a reply shows of an article."""
        a = self.articles[article_id]
        return ArticleRef(a.id, a.title, a.publisher, a.published, a.language, a.url)

    def added_interviewees(self) -> list[str]:
        """Who the articles added to the bundled ones interview (for "the interviews cover …")."""
        bundled = bundled_ids()
        names = [n for a in self.articles.values() if a.id not in bundled for n in a.interviewees]
        return list(dict.fromkeys(names))

    def refs(self) -> list[ArticleRef]:
        """Every article, in reading order."""
        return [self.ref(a) for a in self.articles]

    def context(self, passage_id: str, radius: int = 1) -> list[Passage]:
        """The passage with its neighbours in the same article (for "full passage / context")."""
        i = self._position.get(passage_id)
        if i is None:
            return []
        p = self.passages[i]
        lo, hi = max(0, i - radius), min(len(self.passages), i + radius + 1)
        return [q for q in self.passages[lo:hi] if q.article_id == p.article_id]

    def versions_of(self, p: Passage) -> list[Passage]:
        """The passage's other versions that are in this library."""
        return [self.by_id[v] for v in p.versions if v in self.by_id]

    def warm_up(self) -> None:
        """Load everything answering loads on first need (for long-running bots, before users arrive)."""
        from retrieval.query import warm_up

        warm_up()
        self.ranker.warm_up()


def link_back(passages: Sequence[Passage], by_id: dict[str, Passage]) -> None:
    """Make version links symmetric (a re-synced bundled passage may have lost its link to an import)."""
    for p in passages:
        for v in p.versions:
            other = by_id.get(v)
            if other is not None and other.article_id != p.article_id and p.id not in other.versions:
                other.versions.append(p.id)
