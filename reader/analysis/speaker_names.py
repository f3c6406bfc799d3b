"""The name finder's names, looked up by span: which name a speaker mention is.

Speakers are joined to names by where they stand in the text, not by matching their
strings again: the mention "Lindqvist" at offset 9,120 is the PER name found there,
and its group is named "Hannah Lindqvist". Gender for pronouns comes from the first
name, an honorific or a role noun written next to the name.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.text_units import first_above
from reader.model import Entity, EntityGroup

# Honorifics and role nouns that say whether "he" or "she" can refer to a person.
_MALE_WORDS: Final = frozenset(
    [
        "mr",
        "mr.",
        "sir",
        "lord",
        "king",
        "prince",
        "father",
        "brother",
        "son",
        "husband",
        "man",
        "chairman",
        "spokesman",
        "congressman",
        "businessman",
        "councilman",
        "alderman",
        "sheikh",
        "emir",
        "sultan",
        "duke",
        "baron",
        "count",
        "monsieur",
        "herr",
        "senor",
        "signor",
    ]
)
_FEMALE_WORDS: Final = frozenset(
    [
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "dame",
        "lady",
        "queen",
        "princess",
        "mother",
        "sister",
        "daughter",
        "wife",
        "woman",
        "chairwoman",
        "spokeswoman",
        "congresswoman",
        "businesswoman",
        "councilwoman",
        "alderwoman",
        "duchess",
        "baroness",
        "countess",
        "madame",
        "mme",
        "frau",
        "senora",
        "signora",
    ]
)


class NameSpans:
    """The entities of one article, sorted and non-overlapping, with their groups."""

    def __init__(self, text: str, entities: list[Entity], groups: list[EntityGroup]) -> None:
        self.text = text
        self.entities = entities
        self.groups = groups
        self.starts = [entity.start for entity in entities]
        self._surnames: set[str] | None = None

    def at(self, start: int, end: int) -> Entity | None:
        """The name that holds the last character of ``start..end``: a mention's head.

        "the Vermont senator" holds the place "Vermont", but not at its end, so a
        nominal phrase is never taken for the place it names.
        """
        if end <= start or not self.entities:
            return None
        i = first_above(self.starts, end - 1) - 1
        if i < 0:
            return None
        entity = self.entities[i]
        return entity if entity.start < end and end - 1 < entity.end else None

    def is_surname(self, word: str) -> bool:
        """Whether ``word`` is the last word of a person's name found in the story."""
        if self._surnames is None:
            self._surnames = {
                group.name.split()[-1].casefold()
                for group in self.groups
                if group.label == "PER" and " " in group.name
            }
        return word.casefold() in self._surnames

    def group_name(self, entity: Entity) -> str | None:
        number = entity.group
        if number is None or not 0 <= number < len(self.groups):
            return None
        return self.groups[number].name


def gender_of(text: str, start: int, end: int, role: str | None) -> str | None:
    """'male', 'female' or None for the person named at ``start..end``.

    Read from a role noun ("chairwoman"), an honorific just before the name ("Mrs
    Pettifer"), or the first name's usual gender.
    """
    for word in (role or "").lower().split():
        if word in _MALE_WORDS:
            return "male"
        if word in _FEMALE_WORDS:
            return "female"
    before = text[max(0, start - 12) : start].split()
    if before:
        word = before[-1].lower()
        if word in _MALE_WORDS:
            return "male"
        if word in _FEMALE_WORDS:
            return "female"
    words = text[start:end].split()
    for word in words[:1]:
        lowered = word.lower()
        if lowered in _MALE_WORDS:
            return "male"
        if lowered in _FEMALE_WORDS:
            return "female"
    if len(words) < 2:
        return None
    from reader.analysis.gazetteer import first_names

    gender = first_names().get(words[0])
    return gender if gender in ("male", "female") else None


def pronoun_gender(pronoun: str) -> str | None:
    word = pronoun.lower()
    return "male" if word == "he" else "female" if word == "she" else None
