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


def annotation_to_record(annotation: Annotation) -> dict[str, Any]:
    """The JSON-ready dict stored for ``annotation`` (a new dict each call)."""
    selector = annotation.selector
    record: dict[str, Any] = {
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
    if annotation.reworded is not None:  # absent otherwise: older readers see the same record
        record["reworded"] = annotation.reworded
    return record


def annotation_from_record(record: Any, where: str = "annotation") -> Annotation:
    """Rebuild an Annotation, or raise StoreError naming the record and what is wrong.

    ``where`` starts the message ("annotation 3" in a backup); the record's id is added
    when it has one. Fields a record from an older version may lack get their defaults.
    """
    if not isinstance(record, dict):
        raise StoreError(f"{where}: expected an object, not {_kind(record)}")
    if isinstance(record.get("id"), str) and record["id"]:
        where = f"{where} (id {record['id']})"
    fields = _Fields(record, where)
    raw_selector = record.get("selector")
    if not isinstance(raw_selector, dict):
        raise fields.fail("selector", "an object with exact, prefix, suffix, start and end")
    spot = _Fields(raw_selector, f"{where}, selector")
    start, end = spot.number("start"), spot.number("end")
    if end < start:
        raise StoreError(f"{where}, selector: 'end' ({end}) is before 'start' ({start})")
    tags = record.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise fields.fail("tags", "a list of strings")
    orphan = record.get("orphan", False)
    if not isinstance(orphan, bool):
        raise fields.fail("orphan", "true or false")
    created = fields.text("created")
    return Annotation(
        id=fields.text("id"),
        article_id=fields.text("article_id"),
        source=fields.text("source"),
        title=fields.text("title", default="", required=False),
        created=created,
        updated=fields.text("updated", default=created),
        selector=Selector(
            exact=spot.text("exact"),
            prefix=spot.text("prefix", default="", required=False),
            suffix=spot.text("suffix", default="", required=False),
            start=start,
            end=end,
        ),
        tags=list(tags),
        note=fields.text("note", default="", required=False),
        colour=fields.optional_text("colour"),
        speaker=fields.optional_text("speaker"),
        orphan=orphan,
        reworded=fields.optional_text("reworded"),
    )


def _kind(value: object) -> str:
    return {list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


class _Fields:
    """Typed access to one record's fields, failing with the record and the field's name."""

    def __init__(self, record: dict[str, Any], where: str) -> None:
        self.record = record
        self.where = where

    def fail(self, name: str, wanted: str) -> StoreError:
        return StoreError(f"{self.where}: {name!r} must be {wanted}")

    def text(self, name: str, *, default: str | None = None, required: bool = True) -> str:
        value = self.record.get(name, default)
        if not isinstance(value, str) or (required and not value):
            raise self.fail(name, "a non-empty string" if required else "a string")
        return value

    def optional_text(self, name: str) -> str | None:
        value = self.record.get(name)
        if value is not None and not isinstance(value, str):
            raise self.fail(name, "a string or null")
        return value

    def number(self, name: str) -> int:
        value = self.record.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(name, "a whole number, 0 or more")
        return value
