"""Two named people who speak together: "A and B wrote".

Texts written for these tests (issue 16): a pair of people that is the whole subject
of a speech verb speaks the quote, after it or before it; a pair that is no subject of
its own ("The mayor met A and B said") and a name beside an organisation ("Acme Foods
and Tom Hale said") leave the quote unknown, as does a list of three.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_pair_after_the_quote() -> None:
    text = (
        "The council debated the budget for hours on Tuesday night.\n\n"
        '"We cannot keep patching roads with gravel," Martha Quill and Dennis Oyelaran '
        'wrote in a joint letter to residents. "The county has known this for years."'
    )
    assert _speakers(text) == ["Martha Quill and Dennis Oyelaran"] * 2


def test_pair_before_the_quote() -> None:
    text = (
        "The two engineers published their findings on Monday.\n\n"
        'Martha Quill and Dennis Oyelaran wrote that the plan "will not survive its first '
        'winter."\n\n'
        "Martha Quill and Dennis Oyelaran, who run the county survey, said in a statement: "
        '"We cannot keep patching roads with gravel."'
    )
    pair = "Martha Quill and Dennis Oyelaran"
    assert _speakers(text) == [pair, pair]


def test_pair_inside_another_clause_is_unknown() -> None:
    text = (
        "The council debated the budget for hours on Tuesday night.\n\n"
        'The mayor met Martha Quill and Dennis Oyelaran said the roads "are a disgrace '
        'and nobody will fix them."'
    )
    assert _speakers(text) == [None]


def test_organisation_beside_a_person_is_unknown() -> None:
    text = (
        "The council debated the budget for hours on Tuesday night.\n\n"
        '"We cannot keep patching roads with gravel," Acme Paving Corp. and Dennis '
        "Oyelaran said in a joint letter to residents."
    )
    assert _speakers(text) == [None]


def test_list_of_three_is_unknown() -> None:
    text = (
        "The council debated the budget for hours on Tuesday night.\n\n"
        '"We cannot keep patching roads with gravel," Martha Quill, Dennis Oyelaran and '
        "Tom Hale said in a joint letter to residents."
    )
    assert _speakers(text) == [None]
