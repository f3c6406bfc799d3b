"""Nouns that end like adverbs: "the family said", "the assembly said", "a close ally".

Texts written for these tests (issue 16): a word ending in "-ly" was read as an adverb
between a speaker and the verb ("Trump reportedly said") and skipped, and a phrase
ending in one was refused as cut ("the company quickly"). Nouns that can speak are no
adverbs: "the family" and "Hale's family" say what they said in a statement, while an
adverb is still skipped.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_the_family_said() -> None:
    text = '"We are heartbroken by the loss of our son," the family said in a statement.'
    assert _speakers(text) == ["the family"]


def test_possessive_family_before_and_after() -> None:
    text = (
        '"We are heartbroken by the loss of our son," Hale\'s family said in a statement.\n\n'
        "Hale's family has called on police to release the videos \"as a matter of the "
        'greater good and transparency."'
    )
    assert _speakers(text) == ["Hale's family", "Hale's family"]


def test_the_assembly_said() -> None:
    text = '"We will vote against the budget on every reading," the assembly said.'
    assert _speakers(text) == ["the assembly"]


def test_adverb_is_still_skipped() -> None:
    text = (
        "Mayor Ann Hale spent the week in talks with the province.\n\n"
        '"We will vote against the budget on every reading," Hale reportedly said.'
    )
    assert _speakers(text) == ["Ann Hale"]
