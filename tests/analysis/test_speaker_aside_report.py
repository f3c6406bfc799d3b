"""An aside just before a quotation reports it, whatever verb a later clause has.

Text written for this test (issue 16): in 'Pike, a top aide said, "..." between her and
Hale, and since 2008 she has often told ...' the aide speaks the quotation; before, the
"she" of the later clause was read as its speaker and resolved to Pike.
"""

from __future__ import annotations

from reader.analysis import analyze


def test_an_aside_before_the_quotation_speaks_it() -> None:
    text = (
        "The debate is on Monday.\n\n"
        'Pike, a top aide said, "is very confident, very confident in the contrast" '
        "between her and Hale, and since 2008 she has often told Hale's team that she "
        "only lost one debate."
    )
    quotes = [q for q in analyze(text).quotes if q.kind == "quote"]
    assert [q.speaker for q in quotes] == ["a top aide"]


def test_a_pronoun_just_after_the_quotation_still_speaks() -> None:
    text = (
        "Tom Hale, the ferry captain, said that the crossing will stay, and that "
        'the island has "a ferry it can count on for twenty years," he said.'
    )
    quotes = [q for q in analyze(text).quotes if q.kind == "quote"]
    assert [q.speaker for q in quotes] == ["Tom Hale"]
