"""Opening a large database fast: what the indexes need of 500 annotations in one call.

msgspec decodes a batch of annotation records straight into typed rows, skipping the
fields the indexes do not need (the selector is only checked to be an object) and
checking every type as it goes; that is about three times faster than parsing whole
documents with the json module and then looking at them. Any record that does not fit
(a damaged or hand-edited one) makes the batch return None, and the caller then reads
that batch one document at a time as before, so a broken record is still found and
reported on its own. Without msgspec every batch takes that slower way.
"""

from __future__ import annotations

from typing import Any

try:
    import msgspec
except ImportError:  # pragma: no cover - a dependency; this keeps a bare checkout working
    msgspec = None  # type: ignore[assignment]


if msgspec is not None:

    class _Row(msgspec.Struct):
        id: str
        article_id: str
        source: str
        tags: list[str]
        selector: msgspec.Raw

    _DECODER: Any = msgspec.json.Decoder(list[_Row])
    _ERRORS: tuple[type[Exception], ...] = (msgspec.DecodeError, msgspec.ValidationError)


def annotation_rows(array: str, count: int) -> list[Any] | None:
    """Rows with ``id``, ``article_id``, ``source`` and ``tags`` for the ``count``
    records in the JSON array ``array``, or None when any of them does not fit."""
    if msgspec is None:
        return None
    try:
        rows = _DECODER.decode(array)
    except _ERRORS:
        return None
    if len(rows) != count:
        return None  # a line held more or less than one record
    for row in rows:
        if memoryview(row.selector)[:1] != b"{":
            return None
    return rows
