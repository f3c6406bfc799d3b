"""Where the reader is in a story: the focused unit, the selection, and which end of it moves.

A plain object over :class:`~reader.ui.units.Units` (no Textual): ``ArticleView`` asks it
to move and draws what it holds, so every rule of focus and selection is tested without
a screen. Offsets are ``Article.text`` indices, end-exclusive, as everywhere.

The selection works as vim's visual mode does: ``v`` selects the focused sentence or quote,
moving the focus (``j``, ``n`` ...) extends it, ``w``/``W`` move one end of it a word on or
back, and ``o`` switches which end that is. A mouse drag makes the same selection.
"""

from __future__ import annotations

from reader.model import Quote, Span
from reader.ui.units import Unit, Units


class ReadingCursor:
    """The focus and the selection in one story."""

    def __init__(self, units: Units) -> None:
        self.units = units
        self.focus: Unit | None = None
        self.selection: Span | None = None
        self.moves_start = False  # w/W move the selection's start (after o), else its end
        self.by_mouse = False  # the selection is a drag the screen still shows as its own
        # Where a keyboard selection grows from: focus moves extend the selection to cover
        # both this and the new focus.
        self._anchor: Span | None = None

    def reset(self, units: Units) -> None:
        """A new story: nothing focused, nothing selected."""
        self.units = units
        self.focus = None
        self._drop_selection()

    def _drop_selection(self) -> None:
        self.selection = self._anchor = None
        self.moves_start = self.by_mouse = False

    # -- what tag, copy and the screen ask ---------------------------------------------------

    @property
    def focus_span(self) -> Span | None:
        return self.focus.span if self.focus is not None else None

    @property
    def target(self) -> Span | None:
        """What tag and copy act on: the selection if any, else the focus."""
        return self.selection or self.focus_span

    @property
    def focused_quote(self) -> Quote | None:
        """The quote in focus, or the quote holding the focused sentence or name."""
        focus = self.focus
        if focus is None:
            return None
        if focus.quote is not None:
            return focus.quote
        holder = self.units.quote_at(focus.span.start)
        if holder is not None and holder.span.end >= focus.span.end:
            return holder.quote
        return None

    @property
    def speaker(self) -> Span | None:
        """Where the focused quote names its speaker (marked on screen)."""
        quote = self.focus.quote if self.focus is not None else None
        if quote is None or quote.speaker_start is None or quote.speaker_end is None:
            return None
        return Span(quote.speaker_start, quote.speaker_end)

    @property
    def caret(self) -> Span | None:
        """The character at the selection's moving end (drawn as a block cursor)."""
        selection = self.selection
        if selection is None or not len(selection):
            return None
        if self.moves_start:
            return Span(selection.start, selection.start + 1)
        return Span(selection.end - 1, selection.end)

    def describe(self) -> str:
        """What the status bar says: the selection's size, else the focused unit."""
        selection = self.selection
        if selection is not None:
            text = self.units.text[selection.start : selection.end]
            said = f"Selection · {len(text.split())} words · {len(selection)} characters"
            return said + " · w/W move its start" if self.moves_start else said
        if self.focus is not None:
            return self.units.describe(self.focus)
        return ""

    # -- focus ---------------------------------------------------------------------------

    def put_focus(self, unit: Unit) -> None:
        """Focus ``unit``; a keyboard selection grows to cover it."""
        self.focus = unit
        if self._anchor is not None:
            self.selection = Span(
                min(self._anchor.start, unit.span.start), max(self._anchor.end, unit.span.end)
            )

    def click(self, unit: Unit) -> None:
        """A click focuses ``unit`` and ends a keyboard selection (the screen ends a drag)."""
        if not self.by_mouse:
            self._drop_selection()
        self.put_focus(unit)

    def refind_focus(self) -> None:
        """A new analysis: the focused quote or name may be gone, or be another span now."""
        unit = self.focus
        if unit is None:
            return
        start = unit.span.start
        units = self.units
        if unit.kind == "quote":
            self.focus = units.quote_at(start) or units.sentence_at(start)
        elif unit.kind == "person":
            found = units.next_person(start - 1)
            self.focus = (
                found if found is not None and found.span == unit.span else units.sentence_at(start)
            )
        # Sentences and paragraphs do not depend on the analysis.

    def origin(self, forward: bool, focus_visible: bool, top: int, bottom: int) -> int:
        """Where a move to the next or previous unit starts: the focus when it is on
        screen, else the edge of the screen the move goes away from."""
        if focus_visible and self.focus is not None:
            return self.focus.span.start
        return top - 1 if forward else bottom + 1

    def nothing_found(self, what: str, forward: bool) -> str:
        """Why a move to the next or previous ``what`` went nowhere."""
        if what == "quote" and not self.units.quotes:
            return "No quotes found in this story"
        if what == "person" and not self.units.people:
            return "No people found in this story"
        return f"No {what} {'after' if forward else 'before'} this one"

    # -- selection -----------------------------------------------------------------------

    def select(self) -> bool:
        """Select the focused unit; moves extend it from there. False: nothing focused."""
        if self.focus is None:
            return False
        self._drop_selection()
        self.selection = self._anchor = self.focus.span
        return True

    def select_by_mouse(self, span: Span | None) -> None:
        """What a drag covers now (None: the screen dropped its selection)."""
        if span is not None:
            self._drop_selection()
            self.selection, self.by_mouse = span, True
        elif self.by_mouse:
            self._drop_selection()

    def clear_selection(self) -> bool:
        """Drop the selection; False if there was none."""
        if self.selection is None:
            return False
        self._drop_selection()
        return True

    def other_end(self) -> bool:
        """Switch the end ``w`` and ``W`` move; False without a selection."""
        if self.selection is None:
            return False
        self._own()
        self.moves_start = not self.moves_start
        return True

    def word_on(self) -> int | None:
        """Move the moving end one word on; the offset it reached, or None if it cannot."""
        return self._move_word(forward=True)

    def word_back(self) -> int | None:
        """Move the moving end one word back; the offset it reached, or None if it cannot."""
        return self._move_word(forward=False)

    def _move_word(self, forward: bool) -> int | None:
        selection = self.selection
        paragraphs = self.units.paragraphs
        if selection is None or not paragraphs:
            return None
        units = self.units
        start, end = selection.start, selection.end
        # Either end stops at the other: a selection keeps at least one word.
        if self.moves_start:
            if forward:
                start_at = units.word_start_after(start, end)
            else:
                start_at = units.word_start_before(start, paragraphs[0].start)
            if start_at is None:
                return None
            start = start_at
            reached = start
        else:
            if forward:
                end_at = units.word_end_after(end)
                if end_at is not None and end_at > paragraphs[-1].end:
                    end_at = None
            else:
                end_at = units.word_end_before(end, start)
            if end_at is None:
                return None
            end = end_at
            reached = end
        self._own()
        self.selection = self._anchor = Span(start, end)
        return reached

    def _own(self) -> None:
        """Keys take over a drag: from now on it is a keyboard selection."""
        self.by_mouse = False
        self._anchor = self.selection
