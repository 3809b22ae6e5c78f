"""jieba's segmentation (HMM off) over a memory-mapped trie of its dictionary: ready in a millisecond.

rjieba builds jieba's dictionary on import (about 0.1 s and 30 MB): the right tool for indexing, where it
segments four times faster, but most of a one-shot `ask` and a bot's memory. This segmenter gives the same
words: the dictionary (jieba's dict.txt with the user words, a re-added word's frequency replacing the old
one as jieba-rs does) is written once per machine to a marisa trie and an array of log probabilities in
`retrieval.lemmas.cache_dir()`, then mapped; a run is cut along jieba's best route (the same sums in the
same order, the same tie-breaks). tests/perf/test_segmenter.py checks it against rjieba and jieba.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import math
import mmap
import struct
import sys
from array import array
from pathlib import Path

from retrieval.atomic import replacing
from retrieval.lemmas import cache_dir

intern = sys.intern

FORMAT = b"IBHAN1"
HEAD = struct.Struct("<6sxxdI")  # magic, log(total), longest word (characters)

Span = tuple[str, int, int]


def jieba_dictionary() -> Path:
    """jieba's main dictionary (the one rjieba embeds)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def fingerprint(words: list[tuple[str, int | None]]) -> str:
    source = jieba_dictionary()
    stat = source.stat()
    digest = hashlib.sha1(FORMAT + f"{source}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    digest.update(repr(words).encode("utf-8"))
    return digest.hexdigest()[:16]


def write(words: list[tuple[str, int | None]], base: Path) -> None:
    """Write the trie (`base`.trie) and its log probabilities (`base`.logp) of jieba's dictionary with `words`."""
    import marisa_trie

    freq: dict[str, int] = {}
    total = 0
    with jieba_dictionary().open(encoding="utf-8") as lines:
        for line in lines:
            word, _, rest = line.strip().partition(" ")
            if word:
                count = int(rest.split(" ", 1)[0])
                total += count  # as jieba sums it (a word listed twice counts twice in the total)
                freq[word] = count
    for word, given in words:
        if given is None:
            raise ValueError(f"user word {word!r} has no frequency")  # jieba would suggest one: not supported
        total += given - freq.get(word, 0)
        freq[word] = given
    kept = [w for w, f in freq.items() if f > 0]  # a word of frequency 0 is never a word of the route
    trie = marisa_trie.Trie(kept)
    log_total = math.log(total)
    logp = array("d", bytes(8 * len(trie)))
    for word in kept:
        logp[trie.key_id(word)] = math.log(freq[word]) - log_total
    for suffix, data in ((".trie", trie.tobytes()),
                         (".logp", HEAD.pack(FORMAT, log_total, max(map(len, kept))) + logp.tobytes())):
        with replacing(base.with_suffix(suffix)) as tmp:
            Path(tmp).write_bytes(data)


class TrieSegmenter:
    """Cuts Han runs as jieba does with HMM off: `seg(run)` -> [(word, start, end)]."""

    def __init__(self, base: Path) -> None:
        import marisa_trie

        self.trie = marisa_trie.Trie()
        self.trie.mmap(str(base.with_suffix(".trie")))
        with base.with_suffix(".logp").open("rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        magic, self.log_total, self.longest = HEAD.unpack_from(self._map, 0)
        if magic != FORMAT or (len(self._map) - HEAD.size) != 8 * len(self.trie):
            raise ValueError(f"{base} is not a dictionary of this format")
        self.logp = memoryview(self._map)[HEAD.size:].cast("d")

    def __call__(self, run: str) -> list[Span]:
        n = len(run)
        prefixes, logp, longest, alone = self.trie.iter_prefixes_with_ids, self.logp, self.longest, -self.log_total
        score = [0.0] * (n + 1)
        end = list(range(1, n + 2))
        for k in range(n - 1, -1, -1):
            best: tuple[float, int] | None = None
            for word, key in prefixes(run[k:k + longest]):
                x = k + len(word)
                candidate = (logp[key] + score[x], x)
                if best is None or candidate > best:  # jieba: max((score, last index)): the longer word on a tie
                    best = candidate
            if best is None:  # no word starts here: the character alone, as jieba counts it (frequency 1)
                best = (alone + score[k + 1], k + 1)
            score[k], end[k] = best
        out: list[Span] = []
        x = 0
        while x < n:
            y = end[x]
            out.append((intern(run[x:y]), x, y))  # one string a word, however often a bot's caches hold it
            x = y
        return out

    def cut(self, text: str) -> list[str]:
        """The words of newline-separated runs, the newlines included (as rjieba's cut gives them)."""
        out: list[str] = []
        for i, run in enumerate(text.split("\n")):
            if i:
                out.append("\n")
            out.extend(w for w, _, _ in self(run))
        return out


def open_segmenter(words: list[tuple[str, int | None]]) -> TrieSegmenter:
    """The trie segmenter for jieba's dictionary with `words` (written on first use on this machine)."""
    base = cache_dir() / f"han-{fingerprint(words)}"
    if not base.with_suffix(".logp").exists() or not base.with_suffix(".trie").exists():
        write(words, base)
        for old in base.parent.glob("han-*.*"):  # those of other dictionaries
            if old.name.rsplit(".", 1)[0] != base.name:
                with contextlib.suppress(OSError):
                    old.unlink()
    try:
        return TrieSegmenter(base)
    except (RuntimeError, ValueError):  # a damaged file (marisa says RuntimeError): written again, once
        write(words, base)
        return TrieSegmenter(base)
