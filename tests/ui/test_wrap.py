"""Wrapping keeps every character where it was: offsets, widths, wide characters, long words."""

from __future__ import annotations

import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.model import Span
from reader.span_table import SpanTable
from reader.ui.line_index import SEPARATOR, LineIndex
from reader.ui.wrap import (
    display_text,
    paragraph_spans,
    wrap_chunk,
    wrap_paragraph,
    wrap_pieces,
)


def shown(text: str, lines: list[tuple[int, int]]) -> list[str]:
    return [display_text(text, start, end) for start, end in lines]


def rows(index: LineIndex) -> list[tuple[int, int, int]]:
    """Each row of ``index``: its text's start and end, and its paragraph (or SEPARATOR)."""
    return [(*index.span(row), index.paragraph(row)) for row in range(len(index))]


def text_lines(index: LineIndex) -> list[tuple[int, int]]:
    return [(start, end) for start, end, number in rows(index) if number != SEPARATOR]


def assert_faithful(text: str, lines: list[tuple[int, int]], width: int) -> None:
    """Lines cover every non-space character once, in order, and fit the width."""
    previous_end = 0
    for start, end in lines:
        assert start >= previous_end
        assert not text[previous_end:start].strip(), "a character fell between two lines"
        assert cell_len(display_text(text, start, end)) <= width
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    assert not text[previous_end:].strip()


def test_words_wrap_at_spaces_and_line_breaks_read_as_spaces() -> None:
    text = "Russia on Tuesday said high-level\ntalks with the United States"
    lines = wrap_paragraph(text, 0, len(text), 20)
    assert shown(text, lines) == [
        "Russia on Tuesday",
        "said high-level",
        "talks with the",
        "United States",
    ]
    assert_faithful(text, lines, 20)


def test_hard_line_break_in_a_line_is_shown_as_a_space() -> None:
    text = "one\ntwo three"
    assert shown(text, wrap_paragraph(text, 0, len(text), 40)) == ["one two three"]


def test_leading_whitespace_is_skipped_by_offset_not_deleted() -> None:
    text = "xx\n   indented words here"
    start = 3
    lines = wrap_paragraph(text, start, len(text), 40)
    assert lines == [(6, len(text))]
    assert text[lines[0][0] : lines[0][1]] == "indented words here"


def test_a_word_longer_than_the_line_is_cut_and_offsets_stay_contiguous() -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis"
    text = f"A {word} case"
    lines = wrap_paragraph(text, 0, len(text), 10)
    assert_faithful(text, lines, 10)
    pieces = shown(text, lines)
    # The word is cut by width; its tail shares a line with the next word.
    assert pieces == ["A", "Pneumonoul", "tramicrosc", "opicsilico", "volcanocon", "iosis case"]
    assert "".join(pieces[1:]).removesuffix(" case") == word
    assert lines[1][0] == 2 and text[lines[-1][0] : lines[-1][1]] == "iosis case"


def test_a_long_word_with_wide_characters_is_cut_by_cells() -> None:
    word = "中文" * 9  # 18 characters, 36 cells
    text = f"x {word} y"
    lines = wrap_paragraph(text, 0, len(text), 7)
    assert_faithful(text, lines, 7)
    pieces = shown(text, lines)
    assert pieces[1:6] == ["中文中", "文中文", "中文中", "文中文", "中文中"]
    assert "".join(pieces).replace(" ", "") == "x" + word + "y"


def test_cjk_characters_take_two_cells_each() -> None:
    text = "北京时间周二 上午 俄罗斯外交部副部长 表示 会谈将显示华盛顿的诚意"
    lines = wrap_paragraph(text, 0, len(text), 12)
    assert_faithful(text, lines, 12)
    assert max(cell_len(line) for line in shown(text, lines)) <= 12
    # 俄罗斯外交部副部长 is 9 characters = 18 cells: broken by cells, not by characters.
    long_word = "俄罗斯外交部副部长"
    pieces = [text[start:end] for start, end in lines]
    assert "".join(pieces).replace(" ", "").count(long_word) == 1
    assert "俄罗斯外交部" in pieces


def test_emoji_widths_and_offsets() -> None:
    text = "Reaction 👍👍👍 from the 🇺🇳 delegates was warm"
    lines = wrap_paragraph(text, 0, len(text), 10)
    assert_faithful(text, lines, 10)
    # Three thumbs are six cells: " from" would make eleven, so it goes to the next line.
    assert shown(text, lines)[:3] == ["Reaction", "👍👍👍", "from the"]


def test_typographic_punctuation_counts_one_cell() -> None:
    # Em dashes and curly quotes are single cells: the fast path must keep them there.
    text = "Geneva — where “talks” ended — in a new bid"
    lines = wrap_paragraph(text, 0, len(text), 16)
    assert shown(text, lines) == ["Geneva — where", "“talks” ended —", "in a new bid"]


def test_paragraphs_split_at_blank_lines_when_the_loader_gave_none() -> None:
    text = "Title\n\n  First para\nstill first.\n \nSecond.\n\n\n"
    spans = paragraph_spans(text, 7)
    assert [text[span.start : span.end] for span in spans] == [
        "First para\nstill first.",
        "Second.",
    ]


def test_line_index_built_in_chunks_equals_one_pass() -> None:
    text = "\n\n".join(f"Paragraph {n} " + "word " * (n * 7 % 23 + 1) for n in range(40))
    paragraphs = paragraph_spans(text)
    whole = wrap_chunk(text, paragraphs, 17, 0, len(paragraphs))
    index = LineIndex(17, paragraphs)
    for first in range(0, 40, 7):
        index.absorb(wrap_chunk(text, paragraphs, 17, first, min(40, first + 7)))
    assert index.complete
    assert rows(index) == rows(whole)
    # A blank separator line between paragraphs, none before the first.
    assert index.paragraph(0) == 0
    assert [number for _, _, number in rows(index)].count(SEPARATOR) == 39
    # Every offset maps to the line that shows it.
    for offset in range(len(text)):
        if text[offset].isspace():
            continue
        line = index.line_of(offset)
        assert line is not None
        start, end = index.span(line)
        assert start <= offset < end


def test_chunks_out_of_order_are_refused() -> None:
    text = "a\n\nb\n\nc"
    paragraphs = paragraph_spans(text)
    index = LineIndex(10, paragraphs)
    try:
        index.absorb(wrap_chunk(text, paragraphs, 10, 1, 2))
    except ValueError:
        pass
    else:  # pragma: no cover - the assertion below explains the failure
        raise AssertionError("a chunk starting at paragraph 1 was accepted first")


words = st.text(alphabet=st.sampled_from(list("abcdefgh—“”é中文👍 \n\t")), min_size=0, max_size=200)


@settings(max_examples=200, deadline=None)
@given(text=words, width=st.integers(min_value=2, max_value=30))
def test_any_text_wraps_faithfully(text: str, width: int) -> None:
    lines = wrap_paragraph(text, 0, len(text), width)
    assert_faithful(text, lines, width)


@settings(max_examples=50, deadline=None)
@given(text=words, width=st.integers(min_value=2, max_value=30))
def test_wrapping_a_paragraph_inside_a_bigger_text_only_shifts_offsets(
    text: str, width: int
) -> None:
    prefix = "Header line\n\n"
    alone = wrap_paragraph(text, 0, len(text), width)
    inside = wrap_paragraph(prefix + text + "\n\ntail", len(prefix), len(prefix) + len(text), width)
    assert inside == [(start + len(prefix), end + len(prefix)) for start, end in alone]


@settings(max_examples=100, deadline=None)
@given(
    parts=st.lists(st.text(alphabet=st.sampled_from(list("ab é—中 \t")), max_size=40), max_size=8),
    width=st.integers(min_value=1, max_value=30),
)
def test_a_chunk_has_the_lines_of_its_paragraphs_wrapped_one_by_one(
    parts: list[str], width: int
) -> None:
    # A chunk takes shortcuts (a paragraph that fits is its own line); the lines must be
    # the ones each paragraph gets alone.
    text = "\n\n".join(parts)
    paragraphs = paragraph_spans(text)
    chunk = wrap_chunk(text, paragraphs, width, 0, len(paragraphs))
    expected: list[tuple[int, int]] = []
    for span in paragraphs:
        expected += wrap_paragraph(text, span.start, span.end, width) or [(span.start, span.start)]
    assert text_lines(chunk) == expected


def test_span_helpers_agree_with_model() -> None:
    assert paragraph_spans("only one") == [Span(0, 8)]


def test_an_enormous_paragraph_is_wrapped_in_pieces_without_blank_lines() -> None:
    text = "Intro.\n\n" + "word " * 5_000 + "\n\n" + "中文" * 4_000
    paragraphs = paragraph_spans(text)
    pieces, owners = wrap_pieces(text, paragraphs, limit=1_000)
    assert owners is not None
    assert owners[0] == 0 and owners[-1] == 2
    assert max(len(piece) for piece in pieces) <= 1_000
    # The pieces hold every character of the story but the spaces where they were cut.
    joined = "".join(text[piece.start : piece.end] for piece in pieces)
    assert joined.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    # Cuts fall on spaces in the word paragraph, anywhere in the one without spaces.
    words = [piece for piece, owner in zip(pieces, owners, strict=True) if owner == 1]
    assert all(text[piece.end - 4 : piece.end] == "word" for piece in words)
    chunk = wrap_chunk(text, pieces, 30, 0, len(pieces), owners)
    # Only between real paragraphs.
    assert [number for _, _, number in rows(chunk)].count(SEPARATOR) == 2
    assert_faithful(text, text_lines(chunk), 30)


def test_ordinary_paragraphs_are_not_cut() -> None:
    text = "One.\n\nTwo."
    paragraphs = paragraph_spans(text)
    pieces, owners = wrap_pieces(text, paragraphs)
    assert pieces is paragraphs and owners is None


PARAGRAPH_TEXT = st.lists(
    st.sampled_from(["A", "b.", " ", "word", "\u00e9t\u00e9", "\u6f22", "\t", "x" * 12, "\n"]),
    min_size=0,
    max_size=6,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(PARAGRAPH_TEXT, min_size=1, max_size=30),
    st.integers(min_value=1, max_value=16),
    st.data(),
)
def test_a_story_kept_as_offsets_wraps_as_a_list_of_spans_does(
    paragraphs: list[str], width: int, data: st.DataObject
) -> None:
    # Runs of one-line paragraphs take a shortcut of array operations (a million "A b."
    # paragraphs): the lines, separators and first lines must be the ones wrapped one
    # paragraph at a time.
    text = "\n\n".join(paragraphs)
    spans = paragraph_spans(text)
    if not spans:
        return
    first = data.draw(st.integers(min_value=0, max_value=len(spans) - 1))
    stop = data.draw(st.integers(min_value=first + 1, max_value=len(spans)))
    table = SpanTable.of(spans)
    plain, compact = (
        wrap_chunk(text, spans, width, first, stop),
        wrap_chunk(text, table, width, first, stop),
    )
    assert compact.first_paragraph == plain.first_paragraph == first
    assert compact.wrapped_paragraphs == plain.wrapped_paragraphs == stop
    assert rows(compact) == rows(plain)
    for number in range(first, stop):
        offset = spans[number].start
        assert compact.line_of(offset) == plain.line_of(offset)


def test_one_line_paragraphs_kept_as_offsets_are_a_line_each_after_a_blank_one() -> None:
    text = "A b.\n\nC d.\n\nE f."
    table = SpanTable.of(paragraph_spans(text))
    chunk = wrap_chunk(text, table, 10, 0, 3)
    assert shown(text, [(start, end) for start, end, _ in rows(chunk)]) == [
        "A b.", "", "C d.", "", "E f."
    ]  # fmt: skip
    assert [number for _, _, number in rows(chunk)] == [0, SEPARATOR, 1, SEPARATOR, 2]
    assert [chunk.line_of(offset) for offset in (0, 6, 12)] == [0, 2, 4]
    later = wrap_chunk(text, table, 10, 1, 3)
    assert [number for _, _, number in rows(later)] == [SEPARATOR, 1, SEPARATOR, 2]
    assert [later.line_of(offset) for offset in (6, 12)] == [1, 3]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(PARAGRAPH_TEXT, min_size=1, max_size=30),
    st.integers(min_value=1, max_value=16),
    st.lists(st.integers(min_value=1, max_value=30), max_size=6),
    st.booleans(),
)
def test_rows_of_an_index_built_in_chunks_are_each_paragraphs_lines_and_a_blank_row(
    paragraphs: list[str], width: int, cuts: list[int], compact: bool
) -> None:
    # The blank rows and the one-line paragraphs' lines are not kept (line_index.py):
    # every row must still be the one a row-by-row list would have, and every character
    # found on the row that shows it.
    text = "\n\n".join(paragraphs)
    spans = paragraph_spans(text)
    if not spans:
        return
    table = SpanTable.of(spans) if compact else spans
    expected: list[tuple[int, int, int]] = []
    for number, span in enumerate(spans):
        if number:
            expected.append((span.start, span.start, SEPARATOR))
        lines = wrap_paragraph(text, span.start, span.end, width) or [(span.start, span.start)]
        expected += [(start, end, number) for start, end in lines]
    index = LineIndex(width, table)
    for stop in [*sorted({cut for cut in cuts if cut < len(spans)}), len(spans)]:
        if stop > index.wrapped_paragraphs:
            index.absorb(wrap_chunk(text, table, width, index.wrapped_paragraphs, stop))
    assert index.complete
    assert rows(index) == expected
    for span in spans:
        for offset in range(span.start, span.end):
            if text[offset].isspace():
                continue
            row = index.line_of(offset)
            assert row is not None
            start, end, number = expected[row]
            assert number != SEPARATOR and start <= offset < end


def test_one_line_paragraphs_cost_the_index_two_integers_each() -> None:
    # A million "A b." paragraphs kept three integers for each of two million rows (24 MB,
    # four times the story's text); a paragraph that is one line keeps only its place.
    count = 50_000
    text = "A b.\n\n" * count
    table = SpanTable.of(paragraph_spans(text), len(text))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        index = LineIndex(40, table)
        for first in range(0, count, 1_000):
            index.absorb(wrap_chunk(text, table, 40, first, first + 1_000))
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert index.complete and len(index) == 2 * count - 1
    assert index.span(len(index) - 1) == (len(text) - 6, len(text) - 2)
    assert kept <= 8.5 * count
