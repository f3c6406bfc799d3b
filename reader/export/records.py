"""Our own JSON backup: every field of every annotation, restorable by `newsreader import`."""

from __future__ import annotations

import json
from typing import Any

from reader.export.common import ExportError
from reader.model import Annotation, Selector

FORMAT_NAME = "newsreader-annotations"
VERSION = 1


def to_record(annotation: Annotation) -> dict[str, Any]:
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


def export_json(annotations: list[Annotation]) -> str:
    # No export timestamp: the same annotations give the same file, so backups diff cleanly.
    document = {
        "format": FORMAT_NAME,
        "version": VERSION,
        "annotations": [to_record(annotation) for annotation in annotations],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class _Fields:
    """Typed access to one record's fields, failing with the record's number and field."""

    def __init__(self, record: dict[str, Any], where: str) -> None:
        self.record = record
        self.where = where

    def fail(self, name: str, wanted: str) -> ExportError:
        return ExportError(f"{self.where}: {name!r} must be {wanted}")

    def text(self, name: str, *, default: str | None = None, required: bool = True) -> str:
        value = self.record.get(name, default)
        if not isinstance(value, str) or (required and not value):
            raise self.fail(name, "a non-empty string" if required else "a string")
        return self.unicode(name, value)

    def unicode(self, name: str, value: str) -> str:
        # JSON escapes can spell half a surrogate pair, which no file can store later.
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise self.fail(name, "valid Unicode text (it holds a broken \\u escape)") from None
        return value

    def optional_text(self, name: str) -> str | None:
        value = self.record.get(name)
        if value is not None and not isinstance(value, str):
            raise self.fail(name, "a string or null")
        return None if value is None else self.unicode(name, value)

    def number(self, name: str) -> int:
        value = self.record.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(name, "a whole number, 0 or more")
        return value


def from_record(record: Any, where: str) -> Annotation:
    if not isinstance(record, dict):
        raise ExportError(f"{where}: expected an object")
    if isinstance(record.get("id"), str) and record["id"]:
        where = f"{where} (id {record['id']})"
    fields = _Fields(record, where)
    raw_selector = record.get("selector")
    if not isinstance(raw_selector, dict):
        raise fields.fail("selector", "an object with exact, prefix, suffix, start and end")
    spot = _Fields(raw_selector, f"{where}, selector")
    start, end = spot.number("start"), spot.number("end")
    if end < start:
        raise ExportError(f"{where}, selector: 'end' ({end}) is before 'start' ({start})")
    tags = record.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise fields.fail("tags", "a list of strings")
    for tag in tags:
        fields.unicode("tags", tag)
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
    )


def _looks_like_web_annotations(items: list[Any]) -> bool:
    return any(
        isinstance(item, dict) and ("@context" in item or "target" in item) for item in items
    )


def import_json(data: str) -> list[Annotation]:
    """Annotations from a backup made by `newsreader export --format json`."""
    try:
        document = json.loads(data)
    except json.JSONDecodeError as error:
        raise ExportError(
            f"not a JSON file (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    if isinstance(document, dict):
        if document.get("format") != FORMAT_NAME:
            if "@context" in document:
                raise ExportError(_W3C_HINT)
            raise ExportError(f'not a newsreader backup: no "format": "{FORMAT_NAME}" field')
        version = document.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise ExportError(
                f"backup version {version!r} is newer than this newsreader reads ({VERSION}); "
                "upgrade newsreader"
            )
        items = document.get("annotations")
        if not isinstance(items, list):
            raise ExportError("not a newsreader backup: 'annotations' must be a list")
    elif isinstance(document, list):
        items = document
    else:
        raise ExportError("not a newsreader backup: expected a JSON object or list")
    if _looks_like_web_annotations(items):
        raise ExportError(_W3C_HINT)
    return [from_record(item, f"annotation {number}") for number, item in enumerate(items, 1)]


_W3C_HINT = (
    "this is a W3C Web Annotation export, which lacks story ids and titles; "
    "import reads backups made with `newsreader export --format json`"
)
