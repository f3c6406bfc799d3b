"""``analyze(text)``: quotes with their speakers, and names grouped by entity."""

from __future__ import annotations

from reader.analysis.quotes import mark_quotes
from reader.analysis.speakers import attribute
from reader.analysis.text_units import paragraphs
from reader.model import Analysis, Entity, EntityGroup, Quote


def analyze(text: str, *, ner: str = "builtin") -> Analysis:
    """Find who said what in ``text``. Pure: no I/O, no shared state; linear time."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs a str, not {type(text).__name__}")
    paras = paragraphs(text)
    quotes = attribute(text, mark_quotes(text, paras), paras)
    entities, groups = _names(text, ner)
    _count_quotes(groups, quotes)
    return Analysis(quotes=quotes, entities=entities, groups=groups)


def _names(text: str, ner: str) -> tuple[list[Entity], list[EntityGroup]]:
    try:
        from reader.analysis import entities as names
    except ImportError:  # the names stage is optional; quotes work without it
        return [], []
    # An unusable backend raises the names stage's own error, which says how to fix it.
    found = names.find_entities(text, backend=ner)
    return found, names.group_entities(text, found)


def _count_quotes(groups: list[EntityGroup], quotes: list[Quote]) -> None:
    """Credit each quote to the group whose name matches its speaker."""
    if not groups:
        return
    by_name: dict[str, EntityGroup] = {}
    by_last: dict[str, EntityGroup] = {}
    for group in groups:
        if group.label not in ("PER", "ORG", "LOC", "MISC"):
            continue
        by_name.setdefault(group.name.lower(), group)
        words = group.name.split()
        if words:
            by_last.setdefault(words[-1].lower(), group)
    for quote in quotes:
        if not quote.speaker or quote.kind != "quote":
            continue
        key = quote.speaker.lower()
        group = by_name.get(key) or by_last.get(key.split()[-1])
        if group is not None:
            group.quote_count += 1
