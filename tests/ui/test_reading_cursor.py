"""The reader's focus and selection as a plain object: no screen, no Pilot."""

from __future__ import annotations

import subprocess
import sys

from reader.model import Analysis, Entity, EntityGroup, Quote, Span
from reader.ui.reading_cursor import ReadingCursor
from reader.ui.units import Units
from reader.ui.wrap import paragraph_spans

TEXT = (
    "Title line\n\n"
    "Three towns in the upper valley will ration tap water from Friday.\n\n"
    '"Every litre counts," the mayor, Lena Brandt, said.'
)
SENTENCE = "Three towns in the upper valley will ration tap water from Friday."


def cursor(analysis: Analysis | None = None) -> ReadingCursor:
    return ReadingCursor(Units(TEXT, paragraph_spans(TEXT, TEXT.index("Three")), analysis))


def chosen(span: Span | None) -> str:
    assert span is not None, "nothing selected"
    return TEXT[span.start : span.end]


def selecting_the_sentence() -> ReadingCursor:
    reading = cursor()
    unit = reading.units.first_sentence()
    assert unit is not None
    reading.put_focus(unit)
    assert reading.select()
    return reading


def test_v_selects_the_focused_sentence_and_moves_extend_it() -> None:
    reading = cursor()
    assert not reading.select()  # nothing focused: nothing to select
    first = reading.units.first_sentence()
    assert first is not None
    reading.put_focus(first)
    assert reading.select()
    assert chosen(reading.selection) == SENTENCE
    assert reading.target == reading.selection
    after = reading.units.next_sentence(first.span.start)
    assert after is not None
    reading.put_focus(after)
    assert chosen(reading.selection).startswith(SENTENCE)
    assert chosen(reading.selection).endswith("said.")


def test_both_ends_move_by_word_to_select_a_phrase_inside_a_sentence() -> None:
    reading = selecting_the_sentence()
    assert reading.describe() == "Selection · 12 words · 66 characters"
    assert chosen(reading.caret) == "."  # the block cursor sits where w/W act
    assert reading.other_end()
    assert reading.describe().endswith("· w/W move its start")
    assert chosen(reading.caret) == "T"
    for _ in range(3):
        assert reading.word_on() is not None
    assert chosen(reading.selection) == "the upper valley will ration tap water from Friday."
    assert reading.word_back() == TEXT.index("in the upper")  # the start goes back a word
    assert reading.word_on() == TEXT.index("the upper")
    assert reading.other_end()
    for _ in range(6):
        assert reading.word_back() is not None
    assert chosen(reading.selection) == "the upper valley"
    assert reading.describe() == "Selection · 3 words · 16 characters"
    assert chosen(reading.target) == "the upper valley"


def test_an_end_stops_at_the_other_and_at_the_story() -> None:
    reading = selecting_the_sentence()
    for _ in range(11):
        assert reading.word_back() is not None
    assert chosen(reading.selection) == "Three"
    assert reading.word_back() is None  # a selection keeps its last word
    reading.other_end()
    assert reading.word_on() is None
    assert reading.word_back() is None  # not into the title before the body
    assert chosen(reading.selection) == "Three"
    reading.other_end()
    while reading.word_on() is not None:
        pass
    assert TEXT[: reading.selection.end if reading.selection else 0].endswith("said.")


def test_keys_take_over_a_drag_and_the_screen_letting_go_then_changes_nothing() -> None:
    reading = cursor()
    drag = Span(TEXT.index("upper"), TEXT.index(" will"))
    reading.select_by_mouse(drag)
    assert reading.by_mouse and chosen(reading.target) == "upper valley"
    reading.select_by_mouse(None)  # a click elsewhere: the drag is gone
    assert reading.selection is None
    reading.select_by_mouse(drag)
    assert reading.other_end() and not reading.by_mouse
    assert reading.word_back() is not None
    assert chosen(reading.selection) == "the upper valley"
    reading.select_by_mouse(None)  # the screen dropping its drag keeps the keys' selection
    assert chosen(reading.selection) == "the upper valley"
    # Moves extend it from there, as after v.
    last = reading.units.last_sentence()
    assert last is not None
    reading.put_focus(last)
    assert chosen(reading.selection).startswith("the upper valley") and chosen(
        reading.selection
    ).endswith("said.")


def test_a_click_ends_a_keyboard_selection_and_escape_any() -> None:
    reading = selecting_the_sentence()
    last = reading.units.last_sentence()
    assert last is not None
    reading.click(last)
    assert reading.selection is None and reading.target == last.span
    assert not reading.clear_selection()
    reading.select_by_mouse(Span(0, 5))
    assert reading.clear_selection() and reading.selection is None and not reading.by_mouse
    assert not reading.other_end()  # no selection: o is left to the app


def quote_analysis() -> Analysis:
    start = TEXT.index('"Every')
    end = TEXT.index(" the mayor")
    name = TEXT.index("Lena Brandt")
    return Analysis(
        quotes=[Quote(start, end, TEXT[start:end], "Lena Brandt", name, name + 11)],
        entities=[Entity(name, name + 11, "Lena Brandt", "PER", 0)],
        groups=[EntityGroup(0, "Lena Brandt", "PER", quote_count=1)],
    )


def test_the_focused_quote_its_speaker_and_a_new_analysis() -> None:
    reading = cursor(quote_analysis())
    quote = reading.units.next_quote(0)
    assert quote is not None
    reading.put_focus(quote)
    assert reading.focused_quote is quote.quote
    assert chosen(reading.speaker) == "Lena Brandt"
    # The analysis is redone and finds no quote: the focus falls back to the sentence.
    reading.units.set_analysis(Analysis())
    reading.refind_focus()
    assert reading.focus is not None and reading.focus.kind == "sentence"
    assert chosen(reading.focus_span).startswith('"Every litre counts," the mayor')
    assert reading.speaker is None and reading.focused_quote is None


def test_moves_start_at_a_visible_focus_else_at_the_screen_edge() -> None:
    reading = cursor()
    assert reading.origin(True, False, top=40, bottom=90) == 39
    assert reading.origin(False, False, top=40, bottom=90) == 91
    first = reading.units.first_sentence()
    assert first is not None
    reading.put_focus(first)
    assert reading.origin(True, True, top=40, bottom=90) == first.span.start
    assert reading.nothing_found("quote", True) == "No quotes found in this story"
    assert reading.nothing_found("sentence", False) == "No sentence before this one"


def test_the_models_need_no_textual() -> None:
    probe = (
        "import sys, reader.ui.reading_cursor, reader.ui.search_model, reader.ui.story_marks; "
        "print('textual' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.stdout.strip() == "False", run.stderr
