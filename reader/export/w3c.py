"""W3C Web Annotations (JSON-LD): the interchange format of Hypothesis and friends.

Our record maps one to one: tags and the note are TextualBody items (purposes tagging
and commenting), the speaker is a TextualBody with purpose identifying, and the target
carries both a TextQuoteSelector and a TextPositionSelector. Positions count code
points, as the model requires. An orphan (no longer found in the current text) keeps
its selectors and is marked with one extra term, defined in its own @context.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from reader.export.common import iso_utc
from reader.model import Annotation, Article

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ORPHAN_TERM = "orphan"
ORPHAN_CONTEXT: list[Any] = [CONTEXT, {ORPHAN_TERM: "urn:newsreader:orphan"}]


def annotation_iri(annotation_id: str) -> str:
    try:
        return uuid.UUID(annotation_id).urn
    except ValueError:
        return f"urn:newsreader:annotation:{quote(annotation_id, safe='')}"


def source_iri(annotation: Annotation, article: Article | None = None) -> str:
    """The story as an IRI: its web address, a file: URI, or an id-based URN."""
    if article is not None and article.url:
        return article.url
    source = annotation.source
    if source.lower().startswith(("http://", "https://", "file:")):
        return source
    if PurePosixPath(source).is_absolute():
        return PurePosixPath(source).as_uri()
    if PureWindowsPath(source).is_absolute():
        return PureWindowsPath(source).as_uri()
    return f"urn:newsreader:article:{quote(annotation.article_id, safe='')}"


def _motivation(annotation: Annotation) -> str:
    if annotation.note.strip():
        return "commenting"
    if annotation.tags:
        return "tagging"
    return "highlighting"


def _bodies(annotation: Annotation) -> list[dict[str, str]]:
    bodies = [
        {"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in annotation.tags
    ]
    if annotation.note.strip():
        bodies.append(
            {
                "type": "TextualBody",
                "value": annotation.note,
                "format": "text/plain",
                "purpose": "commenting",
            }
        )
    if annotation.speaker:
        bodies.append(
            {"type": "TextualBody", "value": annotation.speaker, "purpose": "identifying"}
        )
    return bodies


def to_web_annotation(annotation: Annotation, article: Article | None = None) -> dict[str, Any]:
    selector = annotation.selector
    quote_selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": selector.exact}
    if selector.prefix:
        quote_selector["prefix"] = selector.prefix
    if selector.suffix:
        quote_selector["suffix"] = selector.suffix
    item: dict[str, Any] = {
        "@context": ORPHAN_CONTEXT if annotation.orphan else CONTEXT,
        "id": annotation_iri(annotation.id),
        "type": "Annotation",
        "motivation": _motivation(annotation),
        "created": iso_utc(annotation.created),
        "modified": iso_utc(annotation.updated),
    }
    bodies = _bodies(annotation)
    if bodies:
        item["body"] = bodies
    item["target"] = {
        "source": source_iri(annotation, article),
        "selector": [
            quote_selector,
            {"type": "TextPositionSelector", "start": selector.start, "end": selector.end},
        ],
    }
    if annotation.orphan:
        item[ORPHAN_TERM] = True
    return item


def export_w3c(annotations: list[Annotation], articles: Mapping[str, Article]) -> str:
    items = [to_web_annotation(item, articles.get(item.article_id)) for item in annotations]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
