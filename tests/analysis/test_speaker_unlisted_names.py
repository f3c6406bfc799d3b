"""Names the name finder misses or misreads, kept when their own speech verb is strong.

Texts written for these tests (issue 16): a name the name finder reads as a place the
gazetteer does not know ("As Politico reported") speaks like any name it missed; a
surname alone before "went on to say" is as sure as before "said"; a town the gazetteer
knows still says nothing, and "went on" without "to say" is no strong verb.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_unknown_place_with_its_own_speech_verb() -> None:
    text = (
        "The county has picked the winner in every race since 1956, according to a new "
        "article in Politico.\n\n"
        'As Politico reported, "if the primary were held on this evening, the governor '
        'would win, and handily."'
    )
    assert _speakers(text) == ["Politico"]


def test_known_town_says_nothing() -> None:
    text = (
        "The festival drew crowds to Red Deer on Saturday, according to a report in the "
        "local paper.\n\n"
        'As Red Deer reported, "we have never seen so many visitors in a single weekend."'
    )
    assert _speakers(text) == [None]


def test_went_on_to_say() -> None:
    text = (
        "The former guard has written a book about his years on the detail.\n\n"
        'Bryne went on to say, "From the bottom of my heart, I know this to be true."'
    )
    assert _speakers(text) == ["Bryne"]
