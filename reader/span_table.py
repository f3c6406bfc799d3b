"""A long list of spans kept as two arrays of integers: a story's paragraphs.

A story of a million one-line paragraphs held a million ``Span`` objects (about 64
bytes each with the list's pointer) for as long as it was open, and their allocation
left the process's heap fragmented long after; two arrays of offsets hold the same in
8 bytes a span. ``SpanTable`` reads like a list of ``Span`` (indexing, slicing, ``len``,
iteration, ``bisect`` with ``key=``): each span is made when it is asked for.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from reader.model import Span

# 32-bit offsets for any story up to 2 GiB of characters (stories are read up to 50 MB,
# reader.sources.decoding); 64-bit ones past that.
_SMALL = "i"
_LARGE = "q"
_SMALL_LIMIT = 2**31 - 1


def offset_array(largest: int) -> array:
    """An empty array wide enough for offsets up to ``largest``."""
    return array(_SMALL if largest <= _SMALL_LIMIT else _LARGE)


class SpanTable(Sequence[Span]):
    """Spans in two parallel arrays: ``starts[n]`` and ``ends[n]`` are span ``n``."""

    __slots__ = ("ends", "starts")

    def __init__(self, starts: array, ends: array) -> None:
        if len(starts) != len(ends):
            raise ValueError("a span table needs as many ends as starts")
        self.starts = starts
        self.ends = ends

    @classmethod
    def of(cls, spans: Iterable[Span], largest: int = 0) -> SpanTable:
        starts, ends = offset_array(largest), offset_array(largest)
        for span in spans:
            starts.append(span.start)
            ends.append(span.end)
        return cls(starts, ends)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> SpanTable: ...

    def __getitem__(self, index: int | slice) -> Span | SpanTable:
        if isinstance(index, slice):
            return SpanTable(self.starts[index], self.ends[index])
        return Span(self.starts[index], self.ends[index])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanTable):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(map(Span.__eq__, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable arrays, compared by value

    def __repr__(self) -> str:
        shown = ", ".join(f"({span.start}, {span.end})" for span in self[:3])
        more = ", ..." if len(self) > 3 else ""
        return f"SpanTable([{shown}{more}], {len(self)} spans)"
