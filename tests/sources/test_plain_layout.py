"""A plain-text story's paragraphs read as offsets (the body past its header blocks) are
the paragraphs read block by block, whatever the text: a huge story takes the first way."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Span
from reader.sources import parse_text
from reader.sources.header import parse_header
from reader.sources.layout import (
    MEASURED_AT_ONCE,
    _lines_wrap_width,
    blocks,
    head_blocks,
    plain_paragraphs,
)
from reader.span_table import SpanTable

# Lines, blank lines, whitespace-only lines, indented lines, finished and unfinished
# sentences, header-like lines: what decides where a block and a paragraph end.
PIECES = st.sampled_from(
    ["a", "Word", " ", "  ", "\t", "\n", "\n\n", "\n \n", ".", '."', "By Ann Lee", "July 1, 2021",
     "Source: AP", "\u2028", "\x0c", "\u3000", "X" * 70, "short."]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=300).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=20))
def test_paragraphs_past_the_head_blocks_are_those_of_all_blocks(text: str, limit: int) -> None:
    everything = blocks(text)
    head, tail = head_blocks(text, limit)
    assert head == everything[:limit]
    assert list(plain_paragraphs(text, head, tail)) == list(plain_paragraphs(text, everything))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_a_story_reads_as_when_every_block_was_read_whole(text: str) -> None:
    article = parse_text(text)
    header = parse_header(article.text, blocks(article.text))
    expected = plain_paragraphs(article.text, header.body)
    assert list(article.paragraphs) == list(expected)
    assert (article.byline, article.published, article.source) == (
        header.byline,
        header.published,
        header.source,
    )


def test_a_story_of_many_one_line_paragraphs_keeps_them_as_offsets() -> None:
    text = "Tiny\n\n" + "A b.\n\n" * 50_000
    article = parse_text(text)
    assert isinstance(article.paragraphs, SpanTable)
    assert len(article.paragraphs) == 50_000
    assert article.paragraphs[0] == Span(6, 10)
    assert article.paragraphs[-1] == Span(len(text) - 6, len(text) - 2)
    assert {text[span.start : span.end] for span in article.paragraphs} == {"A b."}


class _Lines:
    """Line offsets as ``BodyLines`` holds them (``starts``, ``ends`` and a length)."""

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self.starts, self.ends = starts, ends

    def __len__(self) -> int:
        return len(self.starts)


def _lines(lengths: list[int], kind: type[array[int]] = array) -> _Lines:
    starts, ends, at = kind("i"), kind("i"), 0
    for length in lengths:
        starts.append(at)
        ends.append(at + length)
        at += length + 1
    return _Lines(starts, ends)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=400), max_size=200))
def test_the_wrap_column_is_the_length_nine_tenths_of_the_way_up(lengths: list[int]) -> None:
    found = _lines_wrap_width(_lines(lengths))  # type: ignore[arg-type]
    if not lengths or sum(lengths) / len(lengths) > 160:
        assert found is None
    else:
        assert found == sorted(lengths)[len(lengths) * 9 // 10]


class _Watched(array):
    """An array that notes the most of it read by one call: a slice, or all of it."""

    most = 0

    def __iter__(self) -> Iterator[int]:
        _Watched.most = max(_Watched.most, len(self))
        return super().__iter__()

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            part = array(self.typecode, super().__getitem__(index))
            _Watched.most = max(_Watched.most, len(part))
            return part
        return super().__getitem__(index)


def test_a_million_lines_are_measured_a_part_at_a_time() -> None:
    """The story is read on a thread beside the UI, and a call into C holds the
    interpreter lock until it returns: sorting a million line lengths at once held the
    first key pressed after the story showed for ~100 ms."""
    lines = _lines([4] * 1_000_000, _Watched)
    _Watched.most = 0
    assert _lines_wrap_width(lines) == 4  # type: ignore[arg-type]
    assert 0 < _Watched.most <= MEASURED_AT_ONCE < 1_000_000
