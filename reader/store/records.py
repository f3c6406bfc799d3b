"""Annotation <-> JSON record, one field per field, plus the schema version.

A record is what the database file holds for one annotation. Its keys are the
dataclass field names, so a record is the W3C Web Annotation model under other
names: ``selector`` is a TextQuoteSelector (exact/prefix/suffix) plus a
TextPositionSelector (start/end), ``tags`` are tagging bodies, ``note`` the
commenting body.
"""

from __future__ import annotations

from typing import Any

from reader.model import Annotation, Selector
from reader.store.errors import StoreError

# Bump when a record or the file layout changes in a way an older reader would
# misread; older files are upgraded on open, newer ones refused.
SCHEMA_VERSION = 1

_TEXT_FIELDS = ("id", "article_id", "source", "title", "created", "updated")
_OPTIONAL_TEXT_FIELDS = ("colour", "speaker")
_SELECTOR_TEXT = ("exact", "prefix", "suffix")
_SELECTOR_INTS = ("start", "end")


def annotation_to_record(annotation: Annotation) -> dict[str, Any]:
    """The JSON-ready dict stored for ``annotation`` (a new dict each call)."""
    selector = annotation.selector
    return {
        "id": annotation.id,
        "article_id": annotation.article_id,
        "source": annotation.source,
        "title": annotation.title,
        "created": annotation.created,
        "updated": annotation.updated,
        "selector": {
            "exact": selector.exact,
            "prefix": selector.prefix,
            "suffix": selector.suffix,
            "start": selector.start,
            "end": selector.end,
        },
        "tags": list(annotation.tags),
        "note": annotation.note,
        "colour": annotation.colour,
        "speaker": annotation.speaker,
        "orphan": annotation.orphan,
    }


def annotation_from_record(record: Any) -> Annotation:
    """Rebuild an Annotation, or raise StoreError naming what is wrong with the record."""
    if not isinstance(record, dict):
        raise StoreError(f"an annotation record is a {type(record).__name__}, not an object")
    given_id = record.get("id")
    label = given_id if isinstance(given_id, str) else "without an id"
    for name in _TEXT_FIELDS:
        _expect(record, name, str, label)
    for name in _OPTIONAL_TEXT_FIELDS:
        if record.get(name) is not None:
            _expect(record, name, str, label)
    selector = _expect(record, "selector", dict, label)
    for name in _SELECTOR_TEXT:
        _expect(selector, name, str, label, where="selector ")
    for name in _SELECTOR_INTS:
        value = _expect(selector, name, int, label, where="selector ")
        if isinstance(value, bool) or value < 0:
            raise StoreError(f"annotation {label}: selector {name} must be a non-negative integer")
    tags = record.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise StoreError(f"annotation {label}: tags must be a list of strings")
    note = record.get("note", "")
    if not isinstance(note, str):
        raise StoreError(f"annotation {label}: note must be text")
    return Annotation(
        id=record["id"],
        article_id=record["article_id"],
        source=record["source"],
        title=record["title"],
        created=record["created"],
        updated=record["updated"],
        selector=Selector(
            exact=selector["exact"],
            prefix=selector["prefix"],
            suffix=selector["suffix"],
            start=selector["start"],
            end=selector["end"],
        ),
        tags=list(tags),
        note=note,
        colour=record.get("colour"),
        speaker=record.get("speaker"),
        orphan=bool(record.get("orphan", False)),
    )


def _expect(record: dict[str, Any], name: str, kind: type, label: str, where: str = "") -> Any:
    value = record.get(name)
    if not isinstance(value, kind):
        wanted = {str: "text", int: "an integer", dict: "an object"}[kind]
        raise StoreError(f"annotation {label}: {where}{name} is missing or not {wanted}")
    return value
