"""What `y` copies, without a screen: the speaker goes with a quote and with any part of
it, never with a passage outside it."""

from __future__ import annotations

from reader.model import Article, Quote, Span
from reader.services.copy_text import text_to_copy

TEXT = (
    "Valley towns ration water\n\nThe towns will ration tap water from Friday.\n\n"
    '"Every litre counts this summer," the mayor, Lena Brandt, said.\n'
)
ARTICLE = Article(id="a1", text=TEXT, title="Valley towns ration water", source="Valley Gazette")
START = TEXT.index('"Every')
END = TEXT.index('summer,"') + len('summer,"')
QUOTE = Quote(START, END, TEXT[START:END], speaker="Lena Brandt", role="mayor")


def test_a_whole_quote_is_copied_with_its_speaker() -> None:
    copied = text_to_copy(ARTICLE, quote=QUOTE, span=QUOTE.span, annotation=None, style="plain")
    assert copied is not None
    text, what = copied
    assert what == "quote"
    assert "Every litre counts this summer" in text and "Lena Brandt" in text


def test_part_of_a_quote_keeps_the_speaker_and_marks_the_cut() -> None:
    words = TEXT.index("counts")
    part = Span(words, words + len("counts this summer"))
    copied = text_to_copy(ARTICLE, quote=QUOTE, span=part, annotation=None, style="plain")
    assert copied is not None
    text, what = copied
    assert what == "part of a quote"
    cited = "(Valley towns ration water, Valley Gazette)"
    assert text == f"“…counts this summer” — Lena Brandt, mayor {cited}"


def test_a_passage_outside_the_quote_has_no_speaker() -> None:
    passage = Span(TEXT.index("The towns"), TEXT.index("Friday.") + len("Friday."))
    copied = text_to_copy(ARTICLE, quote=None, span=passage, annotation=None, style="plain")
    assert copied is not None
    text, what = copied
    assert what == "passage"
    assert "The towns will ration tap water from Friday." in text
    assert "Lena Brandt" not in text


def test_a_selection_running_past_the_quote_is_a_passage_not_the_speakers_words() -> None:
    wider = Span(START, len(TEXT) - 1)
    copied = text_to_copy(ARTICLE, quote=QUOTE, span=wider, annotation=None, style="plain")
    assert copied is not None and copied[1] == "passage"


def test_nothing_focused_copies_nothing() -> None:
    empty = Span(3, 3)
    assert text_to_copy(ARTICLE, quote=None, span=None, annotation=None, style="plain") is None
    assert text_to_copy(ARTICLE, quote=None, span=empty, annotation=None, style="plain") is None
