"""Transcript labels: ``KELLER: "..."`` opening a paragraph names who speaks in it.

Texts written for these tests (issue 16): an upper-case surname label grows into the
fullest name the story gives that person; an upper-case label that is no person
("WARNING:", "MODERATOR:") gives no speaker and lends none from the paragraph before.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_upper_case_surname_label_is_the_full_name() -> None:
    text = (
        "Governor Ann Keller and Mayor Rob Dunn met at a forum hosted by Joan Ortiz.\n\n"
        'KELLER: "Our roads are a disgrace and we will fix them this year."\n\n'
        'DUNN: "The city has already repaved forty kilometres of them."'
    )
    assert _speakers(text) == ["Ann Keller", "Rob Dunn"]


def test_label_that_is_no_person_lends_no_speaker() -> None:
    for label in ("WARNING", "MODERATOR", "EDITOR'S NOTE"):
        text = (
            "Governor Ann Keller spoke at the hall on Friday.\n\n"
            f'{label}: "Our roads are a disgrace and we will fix them this year."'
        )
        assert _speakers(text) == [None], label


def test_upper_case_full_name_label_is_the_story_name() -> None:
    text = (
        "The panel was chaired by Delphine Arsenault of the county board.\n\n"
        'DELPHINE ARSENAULT: "We will take questions from the floor after the break."'
    )
    assert _speakers(text) == ["Delphine Arsenault"]
