"""The plain facts behind tagging: timestamps, labels, speakers, re-placing, undo steps.

No Textual here: the mixin and the panels share these, and tests call them directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Literal, NamedTuple

from reader.model import Analysis, Annotation, Article, Span


def now_utc() -> str:
    """The time as UTC ISO 8601, to the second: 2026-11-28T18:30:05Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def hashtags(tags: Sequence[str]) -> str:
    """'#economy #housing'; with a multi-word tag, commas keep each tag whole:
    '#economy, #local government'."""
    separator = ", " if any(" " in tag for tag in tags) else " "
    return separator.join(f"#{tag}" for tag in tags) or "a note"


def count_label(count: int) -> str:
    """What the library shows after a story's date: how many passages are tagged."""
    return f"✎ {count}" if count else ""


def speaker_of(span: Span, analysis: Analysis | None) -> str | None:
    """Who speaks the passage: it lies inside a detected quote, or holds exactly one."""
    if analysis is None:
        return None
    inside = [q for q in analysis.quotes if q.start <= span.start and span.end <= q.end]
    held = [q for q in analysis.quotes if span.start <= q.start and q.end <= span.end]
    for quotes in (inside, held if len(held) == 1 else []):
        for quote in quotes:
            if quote.kind == "quote" and quote.speaker:
                return quote.speaker
    return None


def placed_on(annotation: Annotation, article: Article) -> Annotation:
    """``annotation`` found again in ``article``'s current text (the same object if unmoved).

    The store's re-anchoring decides where (and flags changed wording); an annotation
    saved under an older version of the story (another id, same place) moves to this one.
    """
    from reader.store import reanchor_annotation

    moved = reanchor_annotation(annotation, article.text)
    if moved.article_id != article.id:
        moved = replace(moved, article_id=article.id, title=article.title)
    return moved


class UndoStep(NamedTuple):
    """How to take a change back: remove what was tagged, restore what was edited/removed."""

    kind: Literal["tagged", "edited", "removed"]
    annotation: Annotation  # the one added, or the state to restore


def span_length(annotation: Annotation) -> int:
    return annotation.selector.end - annotation.selector.start
