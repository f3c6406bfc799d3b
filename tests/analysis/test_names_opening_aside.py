"""A name opening a sentence, then an aside that describes a person.

Texts written for these tests (issue 16): at a sentence's start a capital proves
nothing, so a name with an unlisted first name ("Jeb Bush", "Duffy Waldorf") was
dropped unless a cue around it said what it was. An aside such as ", the former
governor," or ", who ..." is such a cue: it describes a person.
"""

from __future__ import annotations

import pytest

from reader.analysis.names import find_names

_BEFORE = "The ferry vote was held on Tuesday after a long night of debate. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Jeb Pell, the former harbour commissioner, voted against the plan.",
        "Jeb Pell, a retired ferry pilot, voted against the plan.",
        "Jeb Pell, who ran the port for a decade, voted against the plan.",
        "Jeb Pell, a member of the Harbour Trust's board, voted against the plan.",
    ],
)
def test_a_name_described_as_a_person_is_found(sentence: str) -> None:
    found = [(e.text, e.label) for e in find_names(_BEFORE + sentence)]
    assert ("Jeb Pell", "PER") in found


def test_an_aside_that_describes_no_person_leaves_the_name_alone() -> None:
    # the aside's head is "bank", or "parent": no person, so nothing makes the
    # opening words a person
    for sentence in (
        "Harbour Trust, the regional bank, voted against the plan.",
        "Harbour Trust, the parent of Pell Ferries, voted against the plan.",
    ):
        found = [(e.text, e.label) for e in find_names(_BEFORE + sentence)]
        assert ("Harbour Trust", "PER") not in found
