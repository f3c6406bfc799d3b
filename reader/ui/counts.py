"""Counts in words, singular for one: "1 paragraph", "3 paragraphs", "1 person"."""

from __future__ import annotations

# Plurals that are not the word plus "s".
_IRREGULAR = {"person": "people"}


def counted(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    return f"{count} {_IRREGULAR.get(word, word + 's')}"
