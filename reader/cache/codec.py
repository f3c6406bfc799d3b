"""An Analysis as compact bytes and back: marshal of plain tuples.

marshal is the fastest codec in the standard library and safe to load from our own cache
dir (it builds only plain values, never runs code). Every value read back is checked for
its shape, so a damaged or foreign file raises ValueError instead of building a wrong
Analysis: a wrong speaker is worse than none.
"""

from __future__ import annotations

import marshal
from typing import Any

from reader.model import Analysis, Entity, EntityGroup, Quote

# Bumped when the layout below changes; part of every cache key.
FORMAT = 1
# The fields written below, per class: a field added to the model and not here would be
# lost from every cached analysis (tests/test_analysis_cache.py compares these).
FIELDS = {
    "Quote": (
        "start",
        "end",
        "text",
        "speaker",
        "speaker_start",
        "speaker_end",
        "cue",
        "kind",
        "role",
        "confidence",
    ),
    "Entity": ("start", "end", "text", "label", "group"),
    "EntityGroup": ("id", "name", "label", "mentions", "quote_count"),
    "Analysis": ("quotes", "entities", "groups"),
}


def encode(analysis: Analysis) -> bytes:
    at = {id(entity): index for index, entity in enumerate(analysis.entities)}
    quotes = tuple(
        (
            q.start,
            q.end,
            q.text,
            q.speaker,
            q.speaker_start,
            q.speaker_end,
            q.cue,
            q.kind,
            q.role,
            q.confidence,
        )
        for q in analysis.quotes
    )
    entities = tuple((e.start, e.end, e.text, e.label, e.group) for e in analysis.entities)
    groups = tuple(
        (
            g.id,
            g.name,
            g.label,
            # Mentions are the same objects as in ``entities``: kept as indices so they
            # stay shared after loading (a mention outside the list is kept whole).
            tuple(at.get(id(m), (m.start, m.end, m.text, m.label, m.group)) for m in g.mentions),
            g.quote_count,
        )
        for g in analysis.groups
    )
    return marshal.dumps((FORMAT, quotes, entities, groups))


def _int(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("expected an int")
    return value


def _str(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("expected a str")
    return value


def _opt_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _index(value: int, size: int) -> int:
    if not 0 <= value < size:
        raise ValueError("a mention outside the entities")
    return value


def _entity(row: Any) -> Entity:
    start, end, text, label, group = row
    return Entity(_int(start), _int(end), _str(text), _str(label), _opt_int(group))


def decode(data: bytes) -> Analysis:
    """The Analysis in ``data``; ValueError for anything that is not one."""
    try:
        form, quote_rows, entity_rows, group_rows = marshal.loads(data)
        if form != FORMAT:
            raise ValueError("another format")
        quotes = []
        for start, end, text, speaker, s_start, s_end, cue, kind, role, confidence in quote_rows:
            if type(confidence) not in (int, float):
                raise ValueError("expected a number")
            quotes.append(
                Quote(
                    _int(start),
                    _int(end),
                    _str(text),
                    _opt_str(speaker),
                    _opt_int(s_start),
                    _opt_int(s_end),
                    _opt_str(cue),
                    _str(kind),
                    _opt_str(role),
                    float(confidence),
                )
            )
        entities = [_entity(row) for row in entity_rows]
        groups = []
        for group_id, name, label, mention_rows, quote_count in group_rows:
            mentions = [
                entities[_index(row, len(entities))] if type(row) is int else _entity(row)
                for row in mention_rows
            ]
            groups.append(
                EntityGroup(_int(group_id), _str(name), _str(label), mentions, _int(quote_count))
            )
    except (EOFError, TypeError, IndexError, ValueError) as error:
        raise ValueError(f"not a cached analysis ({error})") from None
    return Analysis(quotes=quotes, entities=entities, groups=groups)
