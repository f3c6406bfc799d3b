"""A plain-text story's paragraphs read as offsets (the body past its header blocks) are
the paragraphs read block by block, whatever the text: a huge story takes the first way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Span
from reader.sources import parse_text
from reader.sources.header import parse_header
from reader.sources.layout import blocks, head_blocks, plain_paragraphs
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
