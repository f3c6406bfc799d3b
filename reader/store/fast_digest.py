"""Opening a large database fast: what the indexes need of 500 annotations in one call.

msgspec decodes a batch of annotation records straight into the indexes' ``Facts``,
skipping the fields the indexes do not need (the selector is only checked to be an
object) and checking every type as it goes; that is about three times faster than
parsing whole documents with the json module and then looking at them, and no Python
code runs per record but the interning of its source. Any record that does not fit (a
damaged or hand-edited one) makes the batch return None, and the caller then reads
that batch one document at a time, so a broken record is still found and reported on
its own. Without msgspec every batch takes that slower way.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

try:
    import msgspec
except ImportError:  # pragma: no cover - a dependency; this keeps a bare checkout working
    msgspec = None  # type: ignore[assignment]

# A few tag lists recur across many annotations: one tuple each, so that the cyclic
# collector, back on after an open, has not 100,000s of new tuples to walk (tens of ms).
_SHARED_TAGS: dict[tuple[str, ...], tuple[str, ...]] = {}
_SHARED_TAGS_MAX = 4096
_DECODER: Any = None
_ERRORS: tuple[type[Exception], ...] = ()

# mypy reads the dataclass: msgspec's Struct has the same fields and constructor.
if msgspec is not None and not TYPE_CHECKING:

    class _Object(msgspec.Struct, gc=False):
        """Any JSON object: its fields are skipped unread, only its kind is checked."""

    class Facts(msgspec.Struct, gc=False):
        """What the indexes need to know about one stored annotation (never changed
        once made; untracked by the cyclic collector: it holds only strings)."""

        id: str
        article_id: str
        source: str
        tags: tuple[str, ...]
        selector: _Object

    _AN_OBJECT: Any = _Object()
    _DECODER = msgspec.json.Decoder(list[Facts])
    _ERRORS = (msgspec.DecodeError, msgspec.ValidationError)
else:

    @dataclass(slots=True, eq=False)
    class Facts:
        """What the indexes need to know about one stored annotation."""

        id: str
        article_id: str
        source: str
        tags: tuple[str, ...]
        selector: Any

    _AN_OBJECT = None


def make_facts(annotation_id: str, article_id: str, source: str, tags: tuple[str, ...]) -> Facts:
    # Interned: a story's many annotations share one copy of its path or URL.
    return Facts(annotation_id, article_id, sys.intern(source), tags, _AN_OBJECT)


def annotation_rows(array: str, count: int) -> list[Facts] | None:
    """The ``Facts`` of the ``count`` records in the JSON array ``array``, or None when
    any of them does not fit."""
    if _DECODER is None:
        return None
    try:
        rows: list[Facts] = _DECODER.decode(array)
    except _ERRORS:
        return None
    if len(rows) != count:
        return None  # a line held more or less than one record
    intern = sys.intern
    if len(_SHARED_TAGS) > _SHARED_TAGS_MAX:
        _SHARED_TAGS.clear()
    shared = _SHARED_TAGS.setdefault
    for row in rows:
        row.source = intern(row.source)
        row.tags = shared(row.tags, row.tags)
    return rows
