"""Words read around quotes: what attribution reads must not depend on how it is read."""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.text_units import (
    first_above,
    first_not_below,
    paragraphs,
    reads_whole,
    tokens,
    tokens_near,
)
from reader.analysis.vocabulary import ABBREVIATIONS_WITH_MONTHS as ABBREVIATIONS

_PIECES = st.sampled_from([*"ab Z.,'’-\n", "U.S. ", "Sen. ", "so-called ", "Moscow's ", "  "])


@st.composite
def paragraph_with_quotes(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A text and sorted, disjoint quote spans inside it."""
    text = "".join(draw(st.lists(_PIECES, min_size=1, max_size=60)))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=6)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    return text, spans


def _words(text: str, spans: list[tuple[int, int]], radius: int) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.text) for t in tokens_near(text, 0, len(text), spans, radius)]


@settings(max_examples=400, deadline=None)
@given(paragraph_with_quotes(), st.integers(0, 40), st.integers(1, 200))
def test_a_paragraph_read_whole_reads_the_same_with_a_wider_radius(
    case: tuple[str, list[tuple[int, int]]], radius: int, more: int
) -> None:
    # Attribution reuses such a paragraph's words for its wider read ("X said" reports).
    text, spans = case
    if reads_whole(0, len(text), spans, radius):
        assert _words(text, spans, radius) == _words(text, spans, radius + more)


@settings(max_examples=200, deadline=None)
@given(paragraph_with_quotes())
def test_a_large_radius_reads_every_paragraph_whole(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    text, spans = case
    assert reads_whole(0, len(text), spans, len(text))
    tokens = tokens_near(text, 0, len(text), spans, len(text))
    assert not any(t.start == t.end for t in tokens), "a skipped stretch left a gap token"


# The token pattern as plainly written: the pattern in use is arranged for speed and
# must split every text the same way.
_ABBREVIATION = "|".join(
    sorted((re.escape(a.capitalize()) for a in ABBREVIATIONS if "." not in a), key=len)[::-1]
)
_PLAIN_TOKEN = re.compile(
    rf"(?:[^\W\d_]\.){{2,}}|(?:{_ABBREVIATION})\.(?!\w)|[A-Z]\.(?![\w.])"
    r"|[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]"
)
_TOKEN_TEXT = st.lists(
    st.sampled_from(
        [*"aAbZSxé5İ_.'’-,(”$ \n\t", "Sen", "Gov", "Calif", "Jr", "Mrs", "U", "e", "g", "Gens", "٣"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_TOKEN_TEXT, st.integers(0, 10))
def test_words_split_as_the_plain_token_pattern_does(text: str, start: int) -> None:
    start = min(start, len(text))
    plain = [(m.start(), m.end(), m.group()) for m in _PLAIN_TOKEN.finditer(text, start, len(text))]
    words = tokens(text, start, len(text))
    assert [(t.start, t.end, t.text) for t in words] == plain
    assert all(t.lower == t.text.lower() for t in words)


def _plain_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans as plainly written: blank lines part a hard-wrapped text (one
    with a blank line and no line over 120 characters), every line break any other."""
    blank_line = r"\n[ \t\r\f\v]*\n"
    wrapped = re.search(blank_line, text) is not None and all(
        len(line) <= 120 for line in text.split("\n")
    )
    cuts = [(m.start(), m.end()) for m in re.finditer(blank_line if wrapped else r"\n", text)]
    if wrapped:
        cuts = sorted(cuts + _short_line_ends(text, cuts))
    spans, start = [], 0
    for stop, after in [*cuts, (len(text), len(text))]:
        piece = text[start:stop]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append((start + lead, start + lead + len(piece.strip())))
        start = after
    return spans


def _short_line_ends(text: str, blank_cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The line breaks of a hard-wrapped text that end a paragraph of their own: the
    line ends a sentence, and the next line's first word would have fitted on it
    within the text's median line length."""
    lines = text.split("\n")
    lengths = sorted(len(line) for line in lines[:-1] if line)
    width = lengths[len(lengths) // 2] if lengths else 0
    in_blank = {k for start, end in blank_cuts for k in range(start, end)}
    cuts, at = [], 0
    for n, line in enumerate(lines[:-1]):
        at += len(line)  # the line break after this line
        kept = line.rstrip(" \t\r")
        next_word = re.match(r"\S*", lines[n + 1]).group()  # type: ignore[union-attr]
        if (
            at not in in_blank
            and kept[-1:] in set(".!?:\"”’'")
            and kept
            and len(kept) + 1 + len(next_word) < width
        ):
            cuts.append((at, at + 1))
        at += 1
    return cuts


_PARAGRAPH_TEXT = st.lists(
    st.sampled_from(
        [
            *("word ", "x" * 70, "y" * 121, "\n", "\n\n", " \n ", "\t", "\r\n", "\v\f", "\x1c"),
            *("end. ", "“said.” ", "z" * 40),  # sentence ends, for a short last line
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PARAGRAPH_TEXT)
def test_paragraphs_split_as_plainly_written(text: str) -> None:
    assert paragraphs(text) == _plain_paragraphs(text)


def _paragraph_texts(text: str) -> list[str]:
    return [text[start:end] for start, end in paragraphs(text)]


def test_a_hard_wrapped_story_joins_its_short_lines_into_paragraphs() -> None:
    wrapped = "The council met on Monday\nand voted.\n\nIt adjourned\nat noon."
    assert _paragraph_texts(wrapped) == [
        "The council met on Monday\nand voted.",
        "It adjourned\nat noon.",
    ]


def test_one_long_line_anywhere_makes_every_line_a_paragraph() -> None:
    for long_line in ("x" * 121, "y" * 300):
        for text in (
            f"{long_line}\nshort\n\nend",
            f"start\nshort\n\n{long_line}",
            f"start\n{long_line}\n\nend",
        ):
            assert len(_paragraph_texts(text)) == 3, text
    at_the_limit = f"{'x' * 120}\nshort\n\nend"
    assert _paragraph_texts(at_the_limit) == [f"{'x' * 120}\nshort", "end"]


@given(
    st.lists(st.integers(-5, 30)).map(sorted),
    st.integers(-8, 33),
    st.integers(0, 40),
)
def test_offset_searches_agree_with_bisect(values: list[int], x: int, lo: int) -> None:
    lo = min(lo, len(values))
    assert first_not_below(values, x, lo) == bisect.bisect_left(values, x, lo)
    assert first_above(values, x, lo) == bisect.bisect_right(values, x, lo)


def test_a_short_line_ending_a_sentence_ends_its_paragraph_in_a_hard_wrapped_story() -> None:
    # One line break between paragraphs, as the story had, kept by the scan: the last
    # line stops well short of the wrapping width before the next line's first word.
    wrapped = (
        '"We will rebuild the pier," Mayor Lena Ortiz said on Monday at the harbour, "and we\n'
        'will do it before the summer crowds arrive in the town."\n'
        '"I have heard that before," Councillor Ray Hale said at the same meeting of the\n'
        "council, which ran late into the evening.\n\nIt adjourned at noon."
    )
    assert _paragraph_texts(wrapped) == [
        '"We will rebuild the pier," Mayor Lena Ortiz said on Monday at the harbour, "and we\n'
        'will do it before the summer crowds arrive in the town."',
        '"I have heard that before," Councillor Ray Hale said at the same meeting of the\n'
        "council, which ran late into the evening.",
        "It adjourned at noon.",
    ]
