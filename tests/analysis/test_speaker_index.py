"""The fullest form of a speaker's name: which longer forms of it count, and which wins."""

from __future__ import annotations

import pytest

from reader.analysis.speaker_index import SpeakerIndex


@pytest.mark.parametrize(
    ("text", "name", "fullest"),
    [
        ("Sergei Ryabkov spoke first. Ryabkov said no.", "Ryabkov", "Sergei Ryabkov"),
        ("Sergei Ryabkov's aide left. Ryabkov said no.", "Ryabkov", "Sergei Ryabkov"),
        (
            "Maria O'Neill-Brown arrived. O'Neill-Brown said so.",
            "O'Neill-Brown",
            "Maria O'Neill-Brown",
        ),
        ("Ana Ruiz-Lopez arrived. Ruiz said so.", "Ruiz", "Ana Ruiz"),
        # a surname inside a longer word is not the surname
        ("Jonathan Smithson arrived. Smith said so.", "Smith", "Smith"),
        ("Jonathan McSmith arrived. Smith said so.", "Smith", "Smith"),
        # names that do not open with a capital A-Z are searched for too
        ("Karl Øster arrived. Øster said so.", "Øster", "Karl Øster"),
        ("Karl Øster arrived. Øster's view held.", "Øster's", "Karl Øster"),
        # a full stop ends the sentence, and the name: "Minsk." is not a first name
        ("They met in Minsk. Ryabkov said no.", "Ryabkov", "Ryabkov"),
    ],
)
def test_fullest_form(text: str, name: str, fullest: str) -> None:
    assert SpeakerIndex(text).fullest(name, text.rindex(name.split()[-1])) == fullest


def test_the_nearest_form_before_the_mention_wins() -> None:
    text = "Anna Lee came. Bruce Lee came. Lee said yes. Carl Lee came."
    index = SpeakerIndex(text)
    assert index.fullest("Lee", text.index("Lee said")) == "Bruce Lee"
    assert index.fullest("Lee", 0) == "Anna Lee"


def test_a_form_far_beyond_the_search_window_is_not_used() -> None:
    text = "Sergei Ryabkov spoke. " + "x " * 50_000 + "Ryabkov said no."
    assert SpeakerIndex(text).fullest("Ryabkov", text.rindex("Ryabkov")) == "Ryabkov"
