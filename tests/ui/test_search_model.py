"""The reader's search as a plain object: what matches, which is current, where n goes on."""

from __future__ import annotations

from reader.model import Span
from reader.ui.search_model import SearchMatches
from reader.ui.units import Units
from reader.ui.wrap import paragraph_spans

TEXT = "Harbour news\n\nThe harbour opens. HARBOUR fees rise.\n\nThe harbour closes."
PARAGRAPHS = paragraph_spans(TEXT, TEXT.index("The"))


def test_matches_any_case_in_the_body_only() -> None:
    matches = SearchMatches()
    matches.find_in_story(TEXT, PARAGRAPHS, "harbour")
    assert [TEXT[s.start : s.end] for s in matches.spans] == ["harbour", "HARBOUR", "harbour"]
    assert matches.describe() == "Match 1/3 for “harbour”"
    matches.find_in_story(TEXT, [], "harbour")  # a story without a body
    assert not matches and matches.describe() == "Search"


def test_next_match_goes_on_from_the_current_one_while_the_focus_holds_it() -> None:
    matches = SearchMatches()
    matches.find_in_story(TEXT, PARAGRAPHS, "harbour")
    units = Units(TEXT, PARAGRAPHS)
    matches.current = 1
    second = matches.spans[1]
    holding = units.sentence_at(second.start)
    elsewhere = units.last_sentence()
    assert holding is not None and elsewhere is not None
    assert matches.origin(holding, True, top=0) == second.start
    assert matches.origin(None, False, top=0) == second.start
    # The focus moved away: next goes on from the focus on screen, else the screen's top.
    assert matches.origin(elsewhere, True, top=0) == elsewhere.span.start
    assert matches.origin(elsewhere, False, top=30) == 29
    assert matches.after(matches.origin(elsewhere, True, top=0)) == 2
    assert matches.after(matches.spans[2].start) == 0  # past the last: round to the first
    assert matches.spans[0] == Span(TEXT.index("harbour opens"), TEXT.index(" opens"))
