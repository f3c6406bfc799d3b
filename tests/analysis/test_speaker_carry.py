"""A quote takes the speaker of the paragraph before only when it may (issue 16).

Texts written for these tests: a short quotation inside a paragraph's own prose is
speech with an unknown speaker, not a word of whoever spoke last in the paragraph
before; one that opens its paragraph, one whose sentence names that speaker again, and
one a colon introduces keep the speaker carried over.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_a_quote_inside_a_paragraph_s_prose_takes_no_speaker_from_before() -> None:
    text = (
        '"They have run out of ideas," said Ruth Ostrander, the council leader.\n\n'
        'Harbour workers are crying "betrayal" over the new schedule and threatening '
        "to strike."
    )
    assert [(q.kind, q.speaker) for q in analyze(text).quotes][1] == ("quote", None)


def test_a_quote_that_opens_its_paragraph_still_takes_the_speaker_before() -> None:
    text = (
        '"They have run out of ideas," said Ruth Ostrander, the council leader.\n\n'
        '"And they know it."'
    )
    assert _speakers(text) == ["Ruth Ostrander", "Ruth Ostrander"]


def test_a_quote_whose_sentence_names_the_speaker_again_keeps_it() -> None:
    text = (
        '"They have run out of ideas," said Ruth Ostrander, the council leader.\n\n'
        'With that Ostrander walked off the stage with a dismissive "goodbye, then."'
    )
    assert _speakers(text) == ["Ruth Ostrander", "Ruth Ostrander"]


def test_a_paragraph_a_colon_introduces_keeps_the_speaker_before() -> None:
    text = (
        "According to Ruth Ostrander, writing in the Chronicle Herald:\n\n"
        'The port authority "has spent more on consultants than on dredging" since 2019.'
    )
    assert _speakers(text) == ["Ruth Ostrander"]


def test_a_speaker_left_unknown_has_no_span() -> None:
    # A quote that may not take the speaker before it shows none, and no empty place.
    from reader.analysis import analyze

    for quote in analyze('B/«\n0"+').quotes:
        assert quote.speaker is None
        assert quote.speaker_start is None or quote.speaker_start < quote.speaker_end
