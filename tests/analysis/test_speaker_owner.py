"""Words owned by a possessive name, and "as X put it", name who said a quotation.

Texts written for these tests (issue 16): "in Baird's words", "Petrie's claim that
... "..."" and "..., as the port authority's memo put it" give the owner of the words
or the one who put it so; the subject of a sentence that only reports on a claim
("Fact-checkers seized on ...") says nothing of it; a speech verb before the claim
("Ng said Petrie's claim that ... was "...""): the one who said it speaks.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_the_owner_of_a_claim_says_the_quotation_in_it() -> None:
    text = (
        "Fact-checkers seized on Gordon Petrie’s claim that the ferry had lost "
        "“two million dollars every single winter” since the new terminal opened."
    )
    assert _speakers(text) == ["Gordon Petrie"]


def test_in_a_name_s_words_names_the_speaker() -> None:
    text = (
        "The plan passed because, in Rhona Baird’s words, “nobody in this room "
        "could find a better one before the winter.”"
    )
    assert _speakers(text) == ["Rhona Baird"]


def test_a_speech_verb_before_the_claim_keeps_its_own_subject() -> None:
    text = (
        "Council clerk Amy Ng said Thursday that Gordon Petrie’s claim that the terminal "
        "was sold is “simply not true, and he knows it.”"
    )
    assert _speakers(text) == ["Amy Ng"]


def test_as_a_source_put_it_after_the_quotation() -> None:
    text = (
        "Every new berth must meet “a safe standard of mooring for vessels above "
        "forty tonnes,” as a port authority memo put it."
    )
    assert _speakers(text) == ["a port authority memo"]
