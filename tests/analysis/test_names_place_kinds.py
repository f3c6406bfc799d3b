"""A name no list knows is read by the noun that says what it is.

Texts written for these tests (issue 16): "the town of Kelvarra", "Drummond province",
"the nearby Ostrel mountains" are places; "the general manager of Radovic" is a
business; "the Harbour Gulls" after "the" is a team. Each name is invented, so only
the words around it can decide.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _label(text: str, name: str) -> str | None:
    labels = [e.label for e in analyze(text).entities if e.text == name]
    return labels[0] if labels else None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rebels took control of the mountain town of Kelvarra on Friday.", "Kelvarra"),
        ("The factory is in Corvane, in the north of Drummond province.", "Drummond"),
        ("Gunfire echoed in the nearby Ostrel mountains all night.", "Ostrel"),
        ("Officials counted the votes in the village of Saltreth by hand.", "Saltreth"),
        ("Fans packed the Belvane stadium for the final.", "Belvane"),
    ],
)
def test_a_place_noun_beside_an_unknown_name_makes_it_a_place(text: str, name: str) -> None:
    assert _label(text, name) == "LOC"


def test_a_manager_of_an_unknown_name_makes_it_a_business() -> None:
    text = "Orla Finch was named general manager of Radovic on Monday after a long search."
    assert _label(text, "Radovic") == "ORG"


def test_a_plural_name_after_the_is_a_team() -> None:
    text = "The Pilots beat the Harbour Gulls 4-2 on Saturday night."
    assert _label(text, "Harbour Gulls") == "ORG"


def test_a_person_whose_surname_ends_in_s_stays_a_person() -> None:
    text = "Last year Tamsin Roberts won the title at Kelvarra in the rain."
    assert _label(text, "Tamsin Roberts") == "PER"
