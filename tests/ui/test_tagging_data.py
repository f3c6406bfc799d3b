"""Shared steps for the tagging tests: a fixed analysis, settling, seeding the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from reader.model import Analysis, Annotation, Quote
from reader.sources import load
from reader.store import AnnotationStore, make_selector

SIZE = (120, 36)
DROUGHT_QUOTE = '"Every litre counts this summer,"'
FIRST_SENTENCE = "Three towns in the upper valley will ration tap water from Friday."


def fixed_analysis(text: str, **_options: object) -> Analysis:
    """The drought story's one quote, said by the mayor; nothing for other stories."""
    at = text.find(DROUGHT_QUOTE)
    if at == -1:
        return Analysis()
    end = at + len(DROUGHT_QUOTE)
    speaker_at = text.find("Lena Brandt")
    quote = Quote(
        start=at,
        end=end,
        text=text[at + 1 : end - 1],
        speaker="Lena Brandt",
        speaker_start=speaker_at,
        speaker_end=speaker_at + len("Lena Brandt"),
        cue="said",
    )
    return Analysis(quotes=[quote])


async def settle(pilot: Pilot) -> None:
    """Let the library, the analysis and every queued store call finish."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def until(pilot: Pilot, condition: Callable[[], bool], tries: int = 100) -> None:
    """Let the app run until ``condition`` holds (the palette searches in its own task)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never became true")


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*["space" if char == " " else char for char in text])


async def fill(pilot: Pilot, text: str) -> None:
    """Put ``text`` in the focused text box at once (typing key by key is slow in tests)."""
    box = pilot.app.focused
    assert isinstance(box, Input), f"{box} is not a text box"
    box.insert_text_at_cursor(text)
    await pilot.pause()


def seed(db: Path, story: Path, passage: str, tags: list[str], note: str = "") -> Annotation:
    """Save an annotation on ``passage`` of ``story`` straight into the database."""
    article = load(story)
    start = article.text.index(passage)
    annotation = Annotation(
        id=f"seed-{len(passage)}-{'-'.join(tags)}",
        article_id=article.id,
        source=article.location,
        title=article.title,
        created="2026-01-02T03:04:05Z",
        updated="2026-01-02T03:04:05Z",
        selector=make_selector(article.text, start, start + len(passage)),
        tags=tags,
        note=note,
    )
    with AnnotationStore(db) as store:
        store.add(annotation)
    return annotation


def notes(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def drawn_marks(app) -> list[tuple[int, int, str]]:
    """The annotation highlights the reader draws: (start, end, colour)."""
    layer = app.main.article_view.text_widget.span_layers.annotations
    return [(mark.start, mark.end, mark.value) for mark in layer.marks]
