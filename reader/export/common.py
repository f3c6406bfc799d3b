"""Shared pieces of every export format: the error type, timestamps, story grouping."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from reader.citation import Reference, reference_for_annotation
from reader.model import Annotation, Article


class ExportError(ValueError):
    """An export or import that cannot be done; the message is one sentence for the user."""


@dataclass(slots=True)
class Story:
    """The annotations of one story, in text order, with what we know about the story."""

    article_id: str
    reference: Reference
    annotations: list[Annotation] = field(default_factory=list)


def parse_timestamp(value: str) -> datetime | None:
    """An ISO 8601 timestamp as an aware UTC datetime; naive ones are taken as UTC."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def iso_utc(value: str) -> str:
    """'2026-11-28T10:00:00Z' for any ISO 8601 timestamp; other text passes unchanged."""
    moment = parse_timestamp(value)
    if moment is None:
        return value
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def group_by_story(
    annotations: Iterable[Annotation], articles: Mapping[str, Article]
) -> list[Story]:
    """Stories oldest first (undated last, then by title), annotations in text order."""
    stories: dict[str, Story] = {}
    for annotation in annotations:
        story = stories.get(annotation.article_id)
        if story is None:
            reference = reference_for_annotation(annotation, articles.get(annotation.article_id))
            story = stories[annotation.article_id] = Story(annotation.article_id, reference)
        story.annotations.append(annotation)
    for story in stories.values():
        story.annotations.sort(key=lambda item: (item.orphan, item.selector.start, item.created))
    return sorted(
        stories.values(),
        key=lambda story: (
            story.reference.published is None,
            story.reference.published or "",
            story.reference.title.casefold(),
        ),
    )
