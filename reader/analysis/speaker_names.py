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
        # Speaker mentions joined to a name by where they start, when the name finder
        # found none at the mention itself: "Vickers" at 900 took the fullest form of
        # the mention "Kevin Vickers" (its number in ``entities``); "the minister" is
        # the "Navdeep Bains" named with that title a paragraph before.
        self.joined: dict[int, int] = {}

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

    def join(self, at: int, entity: Entity) -> None:
        """Join the speaker mention starting at ``at`` to ``entity``, one of the names."""
        i = first_above(self.starts, entity.start) - 1
        if i >= 0 and self.entities[i] is entity:
            self.joined[at] = i

    def group_at(self, start: int | None, end: int | None) -> EntityGroup | None:
        """The group of the speaker mention at ``start..end``: the name found there (any
        name overlapping it), else the one the mention was joined to."""
        if start is None or end is None:
            return None
        # The name starting last at or before ``start``, then the one after it.
        i = first_above(self.starts, start) - 1
        for k in range(max(i, 0), min(i + 2, len(self.entities))):
            entity = self.entities[k]
            if entity.start < end and start < entity.end:
                return self._group_of(entity)
        k = self.joined.get(start, -1)
        return self._group_of(self.entities[k]) if k >= 0 else None

    def _group_of(self, entity: Entity) -> EntityGroup | None:
        number = entity.group
        if number is None or not 0 <= number < len(self.groups):
            return None
        return self.groups[number]

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
    # The first word ("Mrs Pettifer"), and the noun that ends a plain phrase: "his
    # wife", "the congresswoman" name no first name, and their head tells the gender.
    heads = words[:1] + words[-1:] if len(words) > 1 and words[-1].islower() else words[:1]
    for word in heads:
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
