"""Our own JSON backup: every field of every annotation, restorable by `newsreader import`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reader.export import bounded_json
from reader.export.common import ExportError
from reader.model import Annotation
from reader.store.errors import StoreError
from reader.store.records import annotation_from_record, annotation_to_record

FORMAT_NAME = "newsreader-annotations"
VERSION = 1


def export_json(annotations: list[Annotation]) -> str:
    # No export timestamp: the same annotations give the same file, so backups diff cleanly.
    document = {
        "format": FORMAT_NAME,
        "version": VERSION,
        "annotations": [annotation_to_record(annotation) for annotation in annotations],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def from_record(record: Any, where: str) -> Annotation:
    """The store's reading of one backup record, plus what a file must hold: real Unicode."""
    try:
        annotation = annotation_from_record(record, where)
    except StoreError as error:
        raise ExportError(str(error)) from None
    label = f"{where} (id {annotation.id})"
    selector = annotation.selector
    for name, value in (
        ("id", annotation.id),
        ("article_id", annotation.article_id),
        ("source", annotation.source),
        ("title", annotation.title),
        ("note", annotation.note),
        ("colour", annotation.colour),
        ("speaker", annotation.speaker),
        ("reworded", annotation.reworded),
        ("exact", selector.exact),
        ("prefix", selector.prefix),
        ("suffix", selector.suffix),
        *(("tags", tag) for tag in annotation.tags),
    ):
        _check_unicode(label, name, value)
    return annotation


def _check_unicode(where: str, name: str, value: str | None) -> None:
    # JSON escapes can spell half a surrogate pair, which no file can store later.
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ExportError(
            f"{where}: {name!r} must be valid Unicode text (it holds a broken \\u escape)"
        ) from None


@dataclass(slots=True)
class Backup:
    """What a backup file holds: the annotations read, and one line per record that was not."""

    annotations: list[Annotation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _looks_like_web_annotations(items: list[Any]) -> bool:
    return any(
        isinstance(item, dict) and ("@context" in item or "target" in item) for item in items
    )


def import_json(data: str) -> list[Annotation]:
    """Annotations from a backup; ExportError at the first thing wrong (all or nothing)."""
    backup = read_backup(data)
    if backup.problems:
        raise ExportError(backup.problems[0])
    return backup.annotations


def read_backup(data: str) -> Backup:
    """Every readable annotation of a backup made by `newsreader export --format json`.

    A record that cannot be read (a wrong field, a number thousands of digits long,
    nesting thousands deep) is one line in ``problems`` and the others are still read.
    ExportError, one line, when the file as a whole is not a backup.
    """
    try:
        document = bounded_json.loads(data)
    except json.JSONDecodeError as error:
        raise ExportError(
            f"not a JSON file (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except (RecursionError, bounded_json.TooLong):
        return _read_item_by_item(data)
    items = _annotation_list(document)
    backup = Backup()
    for number, item in enumerate(items, 1):
        _add(backup, item, number)
    return backup


def _annotation_list(document: Any) -> list[Any]:
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
    return items


def _read_item_by_item(data: str) -> Backup:
    """A backup with a monstrous value somewhere: its records parsed one at a time."""
    kind, members = bounded_json.items(data)
    if kind == "{":
        head: dict[str, Any] = {"annotations": []}
        listed: list[bounded_json.Item] | None = None
        for member in members:
            if member.key == "annotations":
                inner_kind, listed = bounded_json.items(member.text)
                if inner_kind != "[":
                    raise ExportError("not a newsreader backup: 'annotations' must be a list")
            elif member.key in ("format", "version", "@context"):
                try:
                    head[member.key] = bounded_json.loads(member.text)
                except (ValueError, RecursionError) as error:
                    raise ExportError(f"{member.key}: {bounded_json.problem(error)}") from None
        _annotation_list(head)  # the same checks of format and version
        members = listed or []
    elif kind != "[":
        raise ExportError("not a newsreader backup: expected a JSON object or list")
    backup = Backup()
    for number, member in enumerate(members, 1):
        try:
            item = bounded_json.loads(member.text)
        except (ValueError, RecursionError) as error:
            backup.problems.append(f"annotation {number}: {bounded_json.problem(error)}")
        else:
            _add(backup, item, number)
    return backup


def _add(backup: Backup, item: Any, number: int) -> None:
    try:
        backup.annotations.append(from_record(item, f"annotation {number}"))
    except ExportError as error:
        backup.problems.append(str(error))


_W3C_HINT = (
    "this is a W3C Web Annotation export, which lacks story ids and titles; "
    "import reads backups made with `newsreader export --format json`"
)
