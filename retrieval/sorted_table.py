"""A sorted `key<TAB>value` file read in place: a look-up bisects the memory-mapped bytes, nothing is parsed
up front and only the pages a look-up touches are read (a question looks up a dozen of 10,000s of keys).

The file's lines after its `#` header are sorted by key (UTF-8 byte order, which is code point order, as
Python's `sorted` gives) and keys are unique; keys hold no tab or newline."""

from __future__ import annotations

import mmap
from collections.abc import Iterator
from pathlib import Path


class SortedTable:
    def __init__(self, path: Path) -> None:
        with path.open("rb") as f:
            self.data: mmap.mmap | bytes = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if path.stat().st_size \
                else b""
        data = self.data
        self.first = 0
        while data[self.first:self.first + 1] == b"#":  # the header
            self.first = data.find(b"\n", self.first) + 1 or len(data)

    def get(self, key: str) -> str | None:
        """The value of `key`, or None."""
        want = key.encode("utf-8")
        if not want or b"\t" in want or b"\n" in want:
            return None
        data, lo, hi = self.data, self.first, len(self.data)
        while lo < hi:  # lo and hi are line starts; find the first line whose key is >= want
            mid = (lo + hi) // 2
            start = max(data.rfind(b"\n", lo, mid) + 1, lo)
            tab = data.find(b"\t", start)
            if data[start:tab] < want:
                lo = data.find(b"\n", tab) + 1 or len(data)
            else:
                hi = start
        if lo < len(data):
            tab = data.find(b"\t", lo)
            if data[lo:tab] == want:
                end = data.find(b"\n", tab)
                return bytes(data[tab + 1:end if end >= 0 else len(data)]).decode("utf-8")
        return None

    def items(self) -> Iterator[tuple[str, str]]:
        """Every (key, value), in order."""
        text = bytes(self.data[self.first:]).decode("utf-8")
        for line in text.split("\n"):
            key, tab, value = line.partition("\t")
            if tab:
                yield key, value
