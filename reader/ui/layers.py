"""Span layers drawn over the article text, and how overlapping layers combine.

Each layer is a sorted set of spans of ``Article.text``. To draw one display line the
painter cuts it at every layer boundary and gives each piece one style built from
all the layers covering it, so overlaps stay readable: a quote tints the background,
a name sets a bold foreground colour, an annotation blends its tag colour into the
background and underlines, the focus and the selection tint on top of whatever is
there. Colours come from the app's theme (``ThemePalette.from_theme``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual.color import Color

from reader.ui.contrast import readable
from reader.ui.span_index import Mark, SpanIndex
from reader.ui.story_marks import NAME_LABELS as NAME_LABELS  # the legend's tests read it here

# How much of the warning colour tints a quote. Light enough that a tag's tint (0.4 of
# its colour) never looks like a quote, even after a 256-colour terminal rounds both.
QUOTE_TINT = 0.12
# The theme variable through which the app tells the painter how many colours the terminal
# has (rich's name for it: "standard" is 16 colours).
COLOUR_SYSTEM_VARIABLE = "newsreader-colour-system"
# With 16 colours, tints cannot be blended: each highlight gets one of the terminal's own
# named colours, chosen so that no two kinds share one.
STANDARD_NAMES = {
    "PER": "bright_cyan",
    "ORG": "bright_magenta",
    "LOC": "bright_green",
    "MISC": "bright_yellow",
}
STANDARD_QUOTE = "bright_black"


class ThemePalette(NamedTuple):
    """The colours of every layer, resolved from theme variables."""

    background: Color
    foreground: Color
    quote: Color
    focus: Color
    speaker: Color
    selection: Color
    search: Color
    search_current: Color
    names: dict[str, Color]
    header: Color
    muted: Color
    standard: bool = False  # only the terminal's 16 named colours (see STANDARD_NAMES)

    @classmethod
    def from_theme(cls, variables: Mapping[str, str], background: Color) -> ThemePalette:
        def colour(name: str, fallback: str) -> Color:
            try:
                return Color.parse(variables.get(name, fallback))
            except Exception:
                return Color.parse(fallback)

        foreground = colour("foreground", "#e0e0e0")
        return cls(
            background=background,
            foreground=foreground,
            quote=background.blend(colour("warning", "#fea62b"), QUOTE_TINT),
            focus=colour("primary", "#0178d4"),
            speaker=colour("accent", "#fea62b"),
            selection=colour("primary", "#0178d4"),
            search=colour("success", "#4ebf71"),
            search_current=colour("error", "#b93c5b"),
            # A theme names its own name colours; the text-* fallbacks of other themes
            # may sit close together (people and organisations did in a 256-colour terminal).
            names={
                "PER": colour("name-person", variables.get("text-primary", "#57a5e2")),
                "ORG": colour("name-organisation", variables.get("text-success", "#8ad4a1")),
                "LOC": colour("name-place", variables.get("text-error", "#d17e92")),
                "MISC": colour("name-other", variables.get("text-accent", "#ffc473")),
            },
            header=colour("text-accent", "#ffc473"),
            muted=background.blend(foreground, 0.6),
            standard=variables.get(COLOUR_SYSTEM_VARIABLE) == "standard",
        )


class Cover(NamedTuple):
    """Which layers cover one piece of a line: the key of a composed style.

    A named tuple, as the palette above: built and hashed for every piece painted, and
    a dataclass here ran the code generator at import (the first frame's, #18)."""

    quote: bool = False
    name: str | None = None
    annotation: str | None = None  # tag colour
    focus: bool = False
    speaker: bool = False
    search: int = 0  # 0 none, 1 match, 2 current match
    selected: bool = False
    caret: bool = False


@dataclass(slots=True)
class Layers:
    """Everything drawn over the text besides the text itself."""

    quotes: SpanIndex = field(default_factory=SpanIndex)
    names: SpanIndex = field(default_factory=SpanIndex)  # value: PER/ORG/LOC/MISC
    annotations: SpanIndex = field(default_factory=SpanIndex)  # value: colour
    search: SpanIndex = field(default_factory=SpanIndex)
    current_match: Mark | None = None
    focus: Mark | None = None
    speaker: Mark | None = None
    selection: Mark | None = None
    caret: Mark | None = None  # the character at the end of the selection that w/W move


def marks_grown(old: Layers, new: Layers) -> tuple[int, int] | None:
    """The text range where the quote and name marks of ``new`` differ from ``old``'s
    (empty: nowhere), when only that range is known to (a block of a long story's
    analysis, see SpanIndex.changed_from); None otherwise."""
    quotes, names = new.quotes.changed_from(old.quotes), new.names.changed_from(old.names)
    if quotes is None or names is None:
        return None
    spans = [span for span in (quotes, names) if span[0] < span[1]]
    if not spans:
        return (0, 0)
    return min(start for start, _ in spans), max(end for _, end in spans)


def moved_text(old: Layers, new: Layers) -> tuple[int, int] | None:
    """The text range that the marks of one place (focus, speaker, selection, caret)
    left or reached, when only those moved between two sets of layers (empty: nothing
    moved); None when another layer differs: then everything may."""
    if (
        old.quotes is not new.quotes
        or old.names is not new.names
        or old.annotations is not new.annotations
        or old.search is not new.search
        or old.current_match != new.current_match
    ):
        return None
    moved = [
        mark
        for before, after in (
            (old.focus, new.focus),
            (old.speaker, new.speaker),
            (old.selection, new.selection),
            (old.caret, new.caret),
        )
        if before != after
        for mark in (before, after)
        if mark is not None
    ]
    if not moved:
        return (0, 0)
    return min(mark.start for mark in moved), max(mark.end for mark in moved)


class Painter:
    """Turns a display line plus layers into styled segments (styles cached per cover)."""

    def __init__(self, palette: ThemePalette) -> None:
        self.palette = palette
        self._styles: dict[Cover, Style] = {}
        self._margins: dict[str, Style] = {}
        background = palette.background.rich_color
        self.plain = Style(color=palette.foreground.rich_color, bgcolor=background)
        self.bar = Style(color=palette.focus.rich_color, bgcolor=background)

    def margin(self, colour: str) -> Style:
        """The margin mark of an annotation, in its tag colour."""
        style = self._margins.get(colour)
        if style is None:
            tint = _parse(colour, self.palette.speaker) if colour else self.palette.speaker
            style = Style(color=tint.rich_color, bgcolor=self.palette.background.rich_color)
            self._margins[colour] = style
        return style

    def style(self, cover: Cover) -> Style:
        style = self._styles.get(cover)
        if style is None:
            style = self._styles[cover] = self._compose(cover)
        return style

    def _compose(self, cover: Cover) -> Style:
        if self.palette.standard:
            return self.plain + _compose_standard(cover)
        palette = self.palette
        background = palette.background
        foreground = palette.foreground
        bold = underline = False
        if cover.quote:
            background = palette.quote
        if cover.annotation:
            background = background.blend(_parse(cover.annotation, palette.speaker), 0.4)
            underline = True
        if cover.focus:
            background = background.blend(palette.focus, 0.45)
        if cover.name:
            foreground = palette.names.get(cover.name, foreground)
            bold = True
        if cover.speaker:
            background, foreground, bold = palette.speaker, palette.background, True
        if cover.search:
            background = palette.search_current if cover.search == 2 else palette.search
            foreground = background.get_contrast_text(1.0)
        if cover.selected:
            background = palette.selection
            foreground = background.get_contrast_text(1.0)
        foreground = readable(foreground, background)
        return Style(
            color=foreground.rich_color,
            bgcolor=background.rich_color,
            bold=bold,
            underline=underline,
            # A block cursor, as a terminal draws one: the selection's colours swapped.
            reverse=cover.caret or None,
        )

    def paint(self, shown: str, start: int, layers: Layers) -> list[Segment]:
        """Segments for the characters ``shown`` that sit at ``start`` in the text."""
        end = start + len(shown)
        quotes = layers.quotes.overlapping(start, end)
        names = layers.names.overlapping(start, end)
        notes = layers.annotations.overlapping(start, end)
        matches = layers.search.overlapping(start, end)
        singles = [
            mark
            for mark in (
                layers.focus,
                layers.speaker,
                layers.selection,
                layers.caret,
                layers.current_match,
            )
            if mark is not None and mark.start < end and mark.end > start
        ]
        if not (quotes or names or notes or matches or singles):
            return [Segment(shown, self.style(Cover()))]
        cuts = {start, end}
        for mark in (*quotes, *names, *notes, *matches, *singles):
            cuts.add(min(max(mark.start, start), end))
            cuts.add(min(max(mark.end, start), end))
        ordered = sorted(cuts)
        segments: list[Segment] = []
        for piece_start, piece_end in pairwise(ordered):
            cover = Cover(
                quote=_covers(quotes, piece_start),
                name=_value_at(names, piece_start),
                annotation=_value_at(notes, piece_start),
                focus=_within(layers.focus, piece_start),
                speaker=_within(layers.speaker, piece_start),
                search=2
                if _within(layers.current_match, piece_start)
                else int(_covers(matches, piece_start)),
                selected=_within(layers.selection, piece_start),
                caret=_within(layers.caret, piece_start),
            )
            text = shown[piece_start - start : piece_end - start]
            segments.append(Segment(text, self.style(cover)))
        return segments


def _compose_standard(cover: Cover) -> Style:
    """A cover's style in 16 named colours, which the terminal's own palette draws.

    Later layers win, as in the blended styles: a selection over a quote shows as the
    selection. Contrast is the terminal palette's business, so each background comes
    with the black or white text that palette is designed around.
    """
    style = Style()
    if cover.quote:
        style += Style(bgcolor=STANDARD_QUOTE, color="bright_white")
    if cover.annotation:
        tint = _parse(cover.annotation, Color(255, 255, 0)).rich_color
        standard = tint.downgrade(ColorSystem.STANDARD)
        style += Style(bgcolor=standard, color="black", underline=True)
    if cover.focus:
        style += Style(bgcolor="blue", color="bright_white")
    if cover.name:
        # On a coloured background a name keeps only its bold: a bright name colour on
        # yellow or cyan would be unreadable in most terminal palettes.
        plain_ground = not (cover.annotation or cover.focus)
        colour = STANDARD_NAMES.get(cover.name) if plain_ground else None
        style += Style(color=colour, bold=True)
    if cover.speaker:
        style += Style(bgcolor="yellow", color="black", bold=True)
    if cover.search:
        style += Style(bgcolor="red" if cover.search == 2 else "green", color="black")
    if cover.selected:
        style += Style(bgcolor="white", color="black")
    if cover.caret:
        style += Style(reverse=True)
    return style


def _parse(colour: str, fallback: Color) -> Color:
    try:
        return Color.parse(colour)
    except Exception:
        return fallback


def _covers(marks: list[Mark], offset: int) -> bool:
    return any(mark.start <= offset < mark.end for mark in marks)


def _value_at(marks: list[Mark], offset: int) -> str | None:
    # The innermost (latest starting) mark wins, so a nested name shows its own label.
    found = None
    for mark in marks:
        if mark.start <= offset < mark.end:
            found = mark.value
    return found


def _within(mark: Mark | None, offset: int) -> bool:
    return mark is not None and mark.start <= offset < mark.end
