"""``analyze(text)``: quotes with their speakers, and names grouped by entity."""

from __future__ import annotations

from reader.analysis.quotes import mark_quotes
from reader.analysis.speaker_check import settle_speakers
from reader.analysis.speaker_names import NameSpans
from reader.analysis.speakers import attribute
from reader.analysis.text_units import first_above, paragraphs
from reader.collection_pause import collection_paused
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
    """Credit each quote to the entity that says it, joined by where names stand.

    The name mention that attributes the quote decides when the names stage found one
    there; otherwise the mention of the speaker's fullest name nearest before it ("Mitt
    Romney" for a quote "Romney said"), or after it. Failing that, a name
    ("King") whose last word ends one person's name only, or a definite phrase ("the
    council") the last word of one organisation's name only. Anything else ("each
    state" beside "Sunshine State") is credited to no one.
    """
    if not groups:
        return
    # Compiled, every attribute read on the model's classes is a generic attribute call:
    # only the starts are read up front (the entities come sorted and non-overlapping),
    # and the mentions by their text are gathered only if a speaker needs them.
    starts = [entity.start for entity in entities]
    spelled: dict[str, list[int]] | None = None
    heads: dict[tuple[str, str], list[EntityGroup]] | None = None
    for quote in quotes:
        speaker = quote.speaker
        if not speaker or quote.kind != "quote":
            continue
        group = _group_at(entities, starts, groups, quote.speaker_start, quote.speaker_end)
        if group is None:
            if spelled is None:
                spelled = _mentions_by_text(entities)
            at = quote.speaker_start if quote.speaker_start is not None else quote.start
            group = _group_spelled(entities, groups, spelled.get(speaker), at)
            if group is None:
                if heads is None:
                    heads = _groups_by_last_word(groups)
                group = _group_by_head(speaker, heads)
        if group is not None:
            group.quote_count += 1


def _groups_by_last_word(groups: list[EntityGroup]) -> dict[tuple[str, str], list[EntityGroup]]:
    """The groups by label and the folded last word of their name.

    Folded with casefold(), not lower(): compiled, lower() ignores the Greek final sigma
    ("ΣΗΜΙΤΗΣ" -> "σημιτησ") while a name written "Σημιτης" keeps its "ς"; casefold()
    folds both to "σ" (and "ß" to "ss"), compiled or not."""
    found: dict[tuple[str, str], list[EntityGroup]] = {}
    for each in groups:
        words = each.name.casefold().split()
        if words:
            found.setdefault((each.label, words[-1]), []).append(each)
    return found


def _group_by_head(
    speaker: str, heads: dict[tuple[str, str], list[EntityGroup]]
) -> EntityGroup | None:
    """The one person a name's last word names ("King", "Eswar Prasad" beside "Prasad"),
    or the one organisation "the <noun>" names."""
    words = speaker.split()
    if words and all(word[:1].isupper() for word in words):
        key = ("PER", words[-1].casefold())
    elif len(words) == 2 and words[0].lower() == "the" and words[1].islower():
        key = ("ORG", words[1].casefold())
    else:
        return None
    same = heads.get(key)
    return same[0] if same is not None and len(same) == 1 else None


def _mentions_by_text(entities: list[Entity]) -> dict[str, list[int]]:
    """The numbers of the mentions that belong to a group, by their text, in order."""
    found: dict[str, list[int]] = {}
    for n, entity in enumerate(entities):
        if entity.group is not None:
            found.setdefault(entity.text, []).append(n)
    return found


def _group_spelled(
    entities: list[Entity], groups: list[EntityGroup], mentions: list[int] | None, at: int
) -> EntityGroup | None:
    """The group of the mention nearest before ``at`` among ``mentions``, else the first
    after it."""
    if not mentions:
        return None
    chosen = mentions[0]
    for n in mentions:
        if entities[n].start > at:
            break
        chosen = n
    number = entities[chosen].group
    return groups[number] if number is not None and 0 <= number < len(groups) else None


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
