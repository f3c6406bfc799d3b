"""CSV with Readwise's import columns, plus Tags, Speaker and an Orphaned flag."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from reader.citation import clean_quote
from reader.export.common import group_by_story, parse_timestamp
from reader.model import Annotation, Article

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


def export_csv(annotations: list[Annotation], articles: Mapping[str, Article]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for story in group_by_story(annotations, articles):
        reference = story.reference
        for annotation in story.annotations:
            writer.writerow(
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
                )
            )
    return out.getvalue()
