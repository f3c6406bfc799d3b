"""Annotations out of the database, in four formats, and our own backups back in.

- ``markdown``: one section per story, quotes as blocks, #tags and notes (Obsidian, Logseq)
- ``json``:     every field of every annotation; ``import_records`` restores it
- ``csv``:      Readwise's import columns plus Tags, Speaker and Orphaned
- ``w3c``:      W3C Web Annotations as a JSON-LD list

Orphaned annotations are exported in every format, marked as such. Nothing here
touches the database or imports Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from reader.export.common import ExportError
from reader.model import Annotation, Article

if TYPE_CHECKING:
    from reader.export.records import Backup

FORMATS: tuple[str, ...] = ("markdown", "json", "csv", "w3c")
SUFFIXES: dict[str, str] = {"markdown": ".md", "json": ".json", "csv": ".csv", "w3c": ".jsonld"}

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "ExportError",
    "export_annotations",
    "export_to_folder",
    "import_records",
    "read_backup",
]


def export_annotations(
    annotations: list[Annotation], articles: Mapping[str, Article], fmt: str
) -> str:
    """The annotations as one document; ``articles`` (by id) may lack some stories.

    The human-facing formats (Markdown, CSV) get cleaned annotations (reader.safe_text):
    the store and imports already give clean ones, but a format's own escaping (a
    Markdown tag loses its punctuation) must never meet an escape sequence it would break
    into innocent-looking words. The JSON formats keep every field as it is, so a backup
    restores exactly, with control characters written as ``\\u`` escapes.
    """
    from reader.safe_text import clean_annotation, json_for_terminal

    if fmt == "markdown":
        from reader.export.markdown import export_markdown

        return export_markdown(list(map(clean_annotation, annotations)), articles)
    if fmt == "csv":
        from reader.export.readwise_csv import export_csv

        return export_csv(list(map(clean_annotation, annotations)), articles)
    if fmt == "json":
        from reader.export.records import export_json

        return json_for_terminal(export_json(annotations))
    if fmt == "w3c":
        from reader.export.w3c import export_w3c

        return json_for_terminal(export_w3c(annotations, articles))
    raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def import_records(data: str) -> list[Annotation]:
    """Annotations from a JSON backup, their text cleaned of control characters and
    escape sequences; raises ExportError with a one-line reason."""
    from reader.export.records import import_json
    from reader.safe_text import clean_annotation

    restored = []
    for number, annotation in enumerate(import_json(data), 1):
        cleaned = clean_annotation(annotation)
        if not cleaned.selector.exact:
            raise ExportError(
                f"annotation {number} (id {annotation.id}): the passage holds nothing "
                "but control characters"
            )
        restored.append(cleaned)
    return restored


def read_backup(data: str) -> Backup:
    """A JSON backup's readable annotations and one line per record that is not;
    ExportError, one line, when the file as a whole is not a backup."""
    from reader.export.records import read_backup as read

    return read(data)


def export_to_folder(
    annotations: list[Annotation],
    articles: Mapping[str, Article],
    fmt: str,
    folder: Path | None = None,
) -> Path:
    """Export into a new dated file (``newsreader-annotations-2026-11-28.md``) and return
    its path; the folder defaults to the user's Documents. Raises ExportError, one line."""
    from reader.export.files import default_folder, save_new_file

    text = export_annotations(annotations, articles, fmt)
    target = folder if folder is not None else default_folder()
    try:
        return save_new_file(text, target, "newsreader-annotations", SUFFIXES[fmt])
    except OSError as error:
        raise ExportError(f"cannot write to {target}: {error.strerror or error}") from None
