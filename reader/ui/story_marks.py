"""The marks a story's analysis and its annotations put on its text (no Textual here).

Pure functions: a worker thread may build a long story's layers while the UI thread
only swaps them in, and a key press never rebuilds them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reader.model import Analysis, Annotation
from reader.ui.span_index import Mark, SpanIndex

NAME_LABELS = ("PER", "ORG", "LOC", "MISC")  # entity labels drawn as names


def analysis_layers(analysis: Analysis) -> tuple[SpanIndex, SpanIndex]:
    """The quote layer and the name layer (each name's value: its label)."""
    quotes = SpanIndex(Mark(q.start, q.end) for q in analysis.quotes if q.kind == "quote")
    names = SpanIndex(
        Mark(e.start, e.end, e.label) for e in analysis.entities if e.label in NAME_LABELS
    )
    return quotes, names


class LayerParts:
    """The quote and name layers of a story analysed block by block (analysis_process.py),
    each block's marks built once as it lands and joined to the others' in text order."""

    def __init__(self) -> None:
        self._parts: dict[int, tuple[SpanIndex, SpanIndex]] = {}
        self._last: tuple[int, int] | None = None  # the serials of the layers made last

    def add(self, start: int, part: Analysis) -> tuple[SpanIndex, SpanIndex]:
        """The layers of the block at ``start`` added: the story's layers so far, which
        say that they differ from the ones before only where this block's marks are."""
        replaced = self._parts.get(start, (SpanIndex(), SpanIndex()))
        layers = self._parts[start] = analysis_layers(part)
        ordered = [self._parts[key] for key in sorted(self._parts)]
        quotes = SpanIndex.joined([quote_layer for quote_layer, _ in ordered])
        names = SpanIndex.joined([name_layer for _, name_layer in ordered])
        spans = [span for layer in (*layers, *replaced) if (span := layer.extent) is not None]
        if self._last is not None:
            low = min((low for low, _ in spans), default=start)
            high = max((high for _, high in spans), default=start)
            quotes.grew(self._last[0], low, high)
            names.grew(self._last[1], low, high)
        self._last = (quotes.serial, names.serial)
        return quotes, names


def annotation_marks(
    annotations: Iterable[Annotation], colours: Mapping[str, str], article_id: str | None
) -> SpanIndex:
    """Tagged passages of the story ``article_id`` in their colour: the annotation's own,
    else its first tag's. Orphans have no place in the text; other stories' are skipped."""
    marks = []
    for note in annotations:
        if note.orphan or (article_id is not None and note.article_id != article_id):
            continue
        colour = note.colour or next((colours[tag] for tag in note.tags if tag in colours), None)
        marks.append(Mark(note.selector.start, note.selector.end, colour or ""))
    return SpanIndex(marks)
