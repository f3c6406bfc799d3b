"""``analyze(text)``: quotes with their speakers, and names grouped by entity."""

from __future__ import annotations

from reader.analysis.collection_pause import collection_paused
from reader.analysis.quotes import mark_quotes
from reader.analysis.speaker_check import settle_speakers
from reader.analysis.speaker_names import NameSpans
from reader.analysis.speakers import attribute
from reader.analysis.text_units import first_above, paragraphs
from reader.model import Analysis, Entity, EntityGroup, Quote


def analyze(text: object, *, ner: str = "builtin") -> Analysis:
    """Find who said what in ``text``. Pure: no I/O, no shared state; linear time."""
    # Typed ``object``: compiled, a ``str`` parameter would refuse bytes with mypyc's
    # terse message before the clear one below.
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs a str, not {type(text).__name__}")
    with collection_paused():
        paras = paragraphs(text)
        entities, groups = _names(text, ner)
        # Speakers are joined to the names found, by span.
        names = NameSpans(text, entities, groups)
        quotes = attribute(text, mark_quotes(text, paras), paras, names)
        settle_speakers(text, quotes, names)
        _count_quotes(entities, groups, quotes)
        return Analysis(quotes=quotes, entities=entities, groups=groups)


def _names(text: str, ner: str) -> tuple[list[Entity], list[EntityGroup]]:
    try:
        from reader.analysis import entities as names
    except ImportError:  # the names stage is optional; quotes work without it
        return [], []
    # An unusable backend raises the names stage's own error, which says how to fix it.
    found = names.find_entities(text, backend=ner)
    return found, names.group_entities(text, found)


def _count_quotes(entities: list[Entity], groups: list[EntityGroup], quotes: list[Quote]) -> None:
    """Credit each quote to the entity that says it.

    The name mention that attributes the quote decides when the names stage found it;
    otherwise the speaker's name is matched to a group's name, or to its last word when
    only one group ends in it ("Clinton" may be Hillary or Bill).
    """
    if not groups:
        return
    # Compiled, every attribute read on the model's classes is a generic attribute call:
    # only the starts are read up front (the entities come sorted and non-overlapping),
    # and the name tables are made only if a speaker needs them.
    starts = [entity.start for entity in entities]
    names: tuple[dict[str, EntityGroup], dict[str, list[EntityGroup]]] | None = None
    for quote in quotes:
        speaker = quote.speaker
        if not speaker or quote.kind != "quote":
            continue
        group = _group_at(entities, starts, groups, quote.speaker_start, quote.speaker_end)
        if group is None:
            if names is None:
                names = _group_names(groups)
            by_name, by_last = names
            key = speaker.casefold()
            same_last = by_last.get(key.split()[-1], [])
            group = by_name.get(key) or (same_last[0] if len(same_last) == 1 else None)
        if group is not None:
            group.quote_count += 1


def _group_names(
    groups: list[EntityGroup],
) -> tuple[dict[str, EntityGroup], dict[str, list[EntityGroup]]]:
    """The groups by folded name (the first of each), and by the name's last word.

    Folded with casefold(), not lower(): compiled, lower() ignores the Greek final sigma
    ("ΣΗΜΙΤΗΣ" -> "σημιτησ") while a name written "Σημιτης" keeps its "ς", so a speaker
    in capitals missed the group of the same name; casefold() folds both to "σ" (and
    "ß" to "ss"), compiled or not."""
    by_name: dict[str, EntityGroup] = {}
    by_last: dict[str, list[EntityGroup]] = {}
    for each in groups:
        name = each.name.casefold()
        by_name.setdefault(name, each)
        words = name.split()
        if words:
            by_last.setdefault(words[-1], []).append(each)
    return by_name, by_last


def _group_at(
    entities: list[Entity],
    starts: list[int],
    groups: list[EntityGroup],
    start: int | None,
    end: int | None,
) -> EntityGroup | None:
    """The group of the mention overlapping ``start``..``end``, if any (a group's
    number is its place in ``groups``)."""
    if start is None or end is None:
        return None
    # The mention starting last at or before ``start``, then the one after it.
    i = first_above(starts, start) - 1
    for k in range(max(i, 0), min(i + 2, len(entities))):
        entity = entities[k]
        if entity.start < end and start < entity.end:
            number = entity.group
            return groups[number] if number is not None else None
    return None
