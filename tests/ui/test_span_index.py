"""A long story's layers joined from its blocks' layers: the same answers as one index of
all the marks, without copying a block's marks again for every block after it."""

from __future__ import annotations

import sys
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ui.span_index import Mark, SpanIndex

# Marks of a few blocks: each block's marks start after every mark of the block before
# starts, and may end far past the next block's start (a quote over a block's end).
BLOCK = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 120)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(BLOCK, max_size=6), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60))))
def test_joined_blocks_find_what_one_index_of_all_their_marks_finds(
    blocks: list[list[tuple[int, int]]], queries: list[tuple[int, int]]
) -> None:
    parts, everything, base = [], [], 0
    for number, block in enumerate(blocks):
        marks = [
            Mark(base + offset, base + offset + length, str(number)) for offset, length in block
        ]
        parts.append(SpanIndex(marks))
        everything += marks
        base += 50
    joined, whole = SpanIndex.joined(parts), SpanIndex(everything)
    assert joined.marks == whole.marks and len(joined) == len(whole)
    assert bool(joined) == bool(whole) and joined.extent == whole.extent
    for start, length in [(0, 1000), *queries]:
        assert joined.overlapping(start, start + length) == whole.overlapping(start, start + length)


def test_joining_a_long_storys_blocks_copies_none_of_their_marks() -> None:
    # 200 blocks of 1,000 names, joined as the 200th lands: each mark copied again (with
    # its start and its running end) was 1.4 s of a 49 MB story's analysis thread.
    parts = [
        SpanIndex(Mark(n * 10_000 + k * 5, n * 10_000 + k * 5 + 3) for k in range(1_000))
        for n in range(200)
    ]
    tracemalloc.start()
    try:
        joined = SpanIndex.joined(parts)
        allocated, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(joined) == 200_000
    assert allocated < 64 * 1024  # a few hundred bytes a block, not 8 a mark


def test_an_index_of_many_marks_is_built_without_a_python_step_per_mark() -> None:
    # A 49 MB story's name layer is built from 127,000 names on the analysis thread:
    # a Python key function per mark was most of that thread's work per block.
    marks = [Mark(n * 7 % 50_000, n * 7 % 50_000 + 1 + n % 3, "PER") for n in range(10_000)]
    marks += [Mark(5, 5), Mark(9, 3)]  # empty and backwards: dropped
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        index = SpanIndex(marks)
    finally:
        sys.setprofile(None)
    assert calls < 200  # a handful, whatever the collector runs meanwhile; 30,000 before
    assert index.marks == sorted(
        (mark for mark in marks if mark.end > mark.start), key=lambda mark: (mark.start, mark.end)
    )
