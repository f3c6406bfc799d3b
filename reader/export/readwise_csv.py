"""CSV with Readwise's import columns, plus Tags, Speaker and an Orphaned flag."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from reader.citation import clean_quote
from reader.export.common import group_by_story, parse_timestamp
from reader.model import Annotation, Article
from reader.safe_text import clean

COLUMNS = (
    "Highlight",
    "Title",
    "Author",
    "URL",
    "Note",
    "Location",
    "Date",
    "Tags",
    "Speaker",
    "Orphaned",
)


def _date(value: str) -> str:
    moment = parse_timestamp(value)
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else value


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...),
# +cmd|..., -2+3, @SUM(...)); tab and line breaks can hide such a start.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: str | int) -> str | int:
    """A cell no spreadsheet runs or terminal obeys: control characters removed, and a
    leading ``'`` before a formula start (OWASP's advice for CSV injection)."""
    if not isinstance(value, str):
        return value
    cell = clean(value)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def export_csv(annotations: list[Annotation], articles: Mapping[str, Article]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for story in group_by_story(annotations, articles):
        reference = story.reference
        for annotation in story.annotations:
            writer.writerow(
                map(
                    safe_cell,
                    (
                        clean_quote(annotation.selector.exact),
                        reference.title,
                        reference.author or reference.site or reference.agency or "",
                        reference.url or "",
                        annotation.note,
                        # Readwise orders highlights by Location: the passage's character offset.
                        annotation.selector.start,
                        _date(annotation.created),
                        ", ".join(annotation.tags),
                        annotation.speaker or "",
                        "yes" if annotation.orphan else "",
                    ),
                )
            )
    return out.getvalue()
