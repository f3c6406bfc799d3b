"""Read-only word tables kept as one string of sorted lines, searched by halving.

The name finder's big tables (35,000 places, 20,000 first names, 7,500 sure names)
were dicts: loading them from the cache made ~70,000 str objects and hashed each, about
25 ms of every process's first analysis, to look up the few hundred words one story
holds. Kept as one string, a table loads as one object. A word asked for is found by a
binary search over the lines (~20 steps, each a find in C) and remembered, so asking
for it again is one dict lookup, as it was.

Each line is one character of code, then the key: ``"3Paris\\n"``. The code is a
place's strength or the index of a label. The lines are sorted by key; nothing in a
table is trusted beyond what a search needs: a code out of range reads as absent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

LINE_END: Final = "\n"
ZERO: Final = ord("0")  # codes are written from "0" up: never a line end
# Words remembered per table before starting afresh: a process that reads story after
# story keeps a few megabytes at most, not every word it was ever asked.
REMEMBERED: Final = 50_000


def encode(pairs: Iterable[tuple[str, int]]) -> str:
    """The lines of a table from (key, code) pairs; keys with a line end cannot be kept."""
    lines = [f"{chr(ZERO + code)}{key}" for key, code in sorted(pairs) if LINE_END not in key]
    return LINE_END.join(lines) + LINE_END if lines else ""


class SortedLines:
    """A table of small codes by key: 0 for a key that is not there."""

    def __init__(self, lines: str, top: int) -> None:
        self._lines = lines
        self._top = top  # codes above it are damage, read as 0
        self._seen: dict[str, int] = {}

    def code(self, key: str) -> int:
        seen = self._seen.get(key)
        if seen is not None:
            return seen
        found = self._search(key)
        if len(self._seen) >= REMEMBERED:
            self._seen.clear()
        self._seen[key] = found
        return found

    def _search(self, key: str) -> int:
        lines = self._lines
        low, high = 0, len(lines)  # both always at a line's start (or the end)
        while low < high:
            middle = (low + high) // 2
            before = lines.rfind(LINE_END, low, middle)
            start = low if before < 0 else before + 1
            end = lines.find(LINE_END, start)
            if end < 0:
                end = len(lines)
            word = lines[start + 1 : end]
            if word < key:
                low = end + 1
            elif word > key:
                high = start
            else:
                code = ord(lines[start]) - ZERO
                return code if 0 < code <= self._top else 0
        return 0


class CodeTable:
    """Place strengths by name: ``get(name, 0)``, ``name in table``, ``table[name]``."""

    def __init__(self, lines: str, top: int) -> None:
        self._table = SortedLines(lines, top)

    def get(self, key: str, default: int = 0) -> int:
        code = self._table.code(key)
        return code if code else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._table.code(key) > 0

    def __getitem__(self, key: str) -> int:
        code = self._table.code(key)
        if not code:
            raise KeyError(key)
        return code


class LabelTable:
    """Labels by name ("Sergei" -> "male", "Moscow" -> "LOC"), stored as codes."""

    def __init__(self, lines: str, labels: tuple[str, ...]) -> None:
        self._table = SortedLines(lines, len(labels))
        self._labels = labels

    def get(self, key: str) -> str | None:
        code = self._table.code(key)
        return self._labels[code - 1] if code else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._table.code(key) > 0

    def __getitem__(self, key: str) -> str:
        code = self._table.code(key)
        if not code:
            raise KeyError(key)
        return self._labels[code - 1]


def encode_labels(table: dict[str, str]) -> tuple[tuple[str, ...], str]:
    """A label table's labels and lines, ready to store."""
    labels = tuple(sorted(set(table.values())))
    index = {label: number + 1 for number, label in enumerate(labels)}
    return labels, encode((key, index[label]) for key, label in table.items())


def label_table(stored: object) -> LabelTable | None:
    """The table ``encode_labels`` stored, or None when ``stored`` is not one."""
    if not isinstance(stored, tuple) or len(stored) != 2:
        return None
    labels, lines = stored
    if not isinstance(labels, tuple) or not isinstance(lines, str) or len(labels) > 60:
        return None
    if not all(type(label) is str for label in labels):
        return None
    return LabelTable(lines, labels)
