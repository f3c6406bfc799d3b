"""SpanTable reads like the list of spans it holds."""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

import pytest

from reader.model import Span
from reader.span_table import SpanTable

SPANS = [Span(0, 4), Span(6, 10), Span(12, 20), Span(25, 26)]


def test_indexing_slicing_and_iterating_read_as_the_list() -> None:
    table = SpanTable.of(SPANS)
    assert len(table) == 4 and table
    assert table[0] == SPANS[0] and table[-1] == SPANS[-1]
    assert list(table) == SPANS
    assert list(table[1:3]) == SPANS[1:3]
    assert table == SPANS and table == SpanTable.of(SPANS)
    assert table != SPANS[:3]
    with pytest.raises(IndexError):
        table[4]


def test_bisect_by_start_finds_the_span_holding_an_offset() -> None:
    table = SpanTable.of(SPANS)
    holding = [bisect_right(table, at, key=attrgetter("start")) - 1 for at in (0, 7, 24, 99)]
    assert holding == [0, 1, 2, 3]


def test_an_empty_table_is_false_and_offsets_past_32_bits_still_fit() -> None:
    assert not SpanTable.of([])
    far = SpanTable.of([Span(2**33, 2**33 + 5)], largest=2**33 + 5)
    assert far[0] == Span(2**33, 2**33 + 5)
    with pytest.raises(ValueError):
        SpanTable(SpanTable.of(SPANS).starts, SpanTable.of(SPANS[:2]).ends)
