"""JSON Lines read one line at a time, never holding more than a cap of one line.

A line is read with a bounded ``readline``: a line longer than the cap is passed over
in fixed-size pieces and reported, so a 1 GB line costs one cap of memory, not 1 GB.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024
# How much of an over-long line is read at a time while looking for its end.
_SKIP_PIECE = 1024 * 1024
_BOM = b"\xef\xbb\xbf"


@dataclass(slots=True, frozen=True)
class Line:
    """One line of input: its bytes, or None when it was longer than the cap."""

    number: int
    data: bytes | None
    size: int  # bytes taken from the input, line break included


def read_lines(handle: BinaryIO, max_bytes: int = DEFAULT_MAX_LINE_BYTES) -> Iterator[Line]:
    """Yield every line that is not blank, in order, each at most ``max_bytes`` long."""
    number = 0
    while True:
        data = handle.readline(max_bytes + 1)
        if not data:
            return
        number += 1
        if number == 1 and data.startswith(_BOM):
            data = data[len(_BOM) :]
        if len(data) > max_bytes and not data.endswith(b"\n"):
            size = len(data)
            del data  # the piece read so far goes now, before the rest is read past
            yield Line(number, None, size + _skip_rest_of_line(handle))
            continue
        if data.isspace():
            continue
        yield Line(number, data, len(data))


def _skip_rest_of_line(handle: BinaryIO) -> int:
    skipped = 0
    while True:
        piece = handle.readline(_SKIP_PIECE)
        skipped += len(piece)
        if not piece or piece.endswith(b"\n"):
            return skipped
