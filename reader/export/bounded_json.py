"""JSON that cannot hurt the reader: numbers of bounded length, nesting cut off per item.

Python's parser raises RecursionError on deeply nested input and refuses integers over
4,300 digits only after reading them, and either stops a whole backup. Here a number
longer than any annotation needs is refused as it is read, and when an item is too
deep the document is split into its top-level items without parsing them (an
iterative scan), so each item is parsed, and refused, on its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

MAX_DIGITS = 30  # offsets and versions are small; a longer number is damage or an attack
# A string (escapes included) or one structural character.
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{},:]', re.DOTALL)


class TooLong(ValueError):
    """A number with more digits than MAX_DIGITS."""


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise TooLong(f"a number with {len(digits.lstrip('-')):,} digits (at most {MAX_DIGITS})")
    return int(digits)


def loads(text: str) -> Any:
    """json.loads with bounded numbers; raises ValueError (JSONDecodeError, TooLong) or
    RecursionError."""
    return json.loads(text, parse_int=_whole_number)


def problem(error: Exception) -> str:
    """The reason ``loads`` failed, as a phrase."""
    if isinstance(error, RecursionError):
        return "nested too deeply to be an annotation"
    if isinstance(error, json.JSONDecodeError):
        return f"not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
    return str(error)


@dataclass(slots=True)
class Item:
    """One top-level member of an array or object, not parsed yet."""

    key: str | None  # an object member's name
    text: str


def items(text: str) -> tuple[str, list[Item]]:
    """The kind ("[" or "{") of the container ``text`` holds and its members, unparsed.

    Only the outer container's commas and colons are looked at, so no item is ever
    parsed here, however deep. Damage inside an item shows when the item is parsed.
    """
    start = len(text) - len(text.lstrip())
    opener = text[start : start + 1]
    if opener not in ("[", "{"):
        return "", []
    found: list[Item] = []
    depth = 0
    key: str | None = None
    begin = start + 1
    for token in _TOKEN.finditer(text, start):
        mark = token.group()
        if mark in ("[", "{"):
            depth += 1
        elif mark in ("]", "}"):
            depth -= 1
            if depth == 0:
                _add(found, key, text[begin : token.start()])
                return opener, found
        elif depth == 1 and mark == ",":
            _add(found, key, text[begin : token.start()])
            key, begin = None, token.end()
        elif depth == 1 and mark == ":":
            key, begin = _name(text[begin : token.start()]), token.end()
    _add(found, key, text[begin:])  # unclosed: the last item's parse says what is wrong
    return opener, found


def _add(found: list[Item], key: str | None, text: str) -> None:
    if text.strip() or key is not None:
        found.append(Item(key, text))


def _name(text: str) -> str | None:
    try:
        name = json.loads(text)
    except ValueError:
        return None
    return name if isinstance(name, str) else None
