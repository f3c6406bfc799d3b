"""Names in a story: find them, and group the mentions of each one.

``find_entities`` never raises on any text: whatever a backend does, the result
is sorted, non-overlapping, in range, and labelled PER, ORG, LOC or MISC (a
backend that crashes on a text is logged and yields no names). Only asking for
a backend that cannot be used raises ``BackendError``, with a sentence that says
how to fix it.
"""

from __future__ import annotations

from operator import attrgetter

from reader.analysis.backends import BackendError, get_backend, tidy
from reader.analysis.names_grouping import group_mentions
from reader.model import Entity, EntityGroup

__all__ = ["BackendError", "find_entities", "group_entities", "likely_gender"]


def find_entities(text: str, *, backend: str = "builtin") -> list[Entity]:
    """Names of people (PER), organisations (ORG), places (LOC) and the rest (MISC)."""
    finder = get_backend(backend)
    if not isinstance(text, str) or not text:
        return []
    try:
        found = finder.find(text)
    except Exception:  # a third-party model must not take the reader down with it
        # Imported here: logging costs a first analysis ~3 ms, and it is only for failures.
        import logging

        logging.getLogger(__name__).exception(
            "the %s name finder failed; showing no names", finder.name
        )
        return []
    return found if getattr(finder, "trusted", False) else tidy(text, found)


def group_entities(text: str, entities: list[Entity]) -> list[EntityGroup]:
    """Join mentions of one entity, named by its fullest form; sets each ``Entity.group``.

    ``text`` is the document the entities came from; quote counts stay 0 here
    (the analysis pipeline fills them in).
    """
    # The text is read only just before lone surnames, for "Mr." and "Mrs.".
    return group_mentions(sorted(entities, key=attrgetter("start")), text)


def likely_gender(name: str) -> str | None:
    """'female' for "Wendy Sherman", 'male' for "Sergei Ryabkov", else None.

    From the first name's usual gender in gender-guesser's dictionary; a name used
    for both, or unknown, gives None. Meant for matching "she said" to a speaker.
    """
    from reader.analysis.gazetteer import first_names

    words = name.split()
    gender = first_names().get(words[0].title()) if words else None
    return gender if gender in ("male", "female") else None
