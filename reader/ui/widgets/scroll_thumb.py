"""Where a scroll bar's thumb is drawn, to tell when a growing scroll range moves it.

A huge story's lines are wrapped in the background and its scroll range grows a few
times a second. Each update redrew the scroll bar and every widget along the rows it
crosses (7 to 40 ms a frame on a busy machine), while the thumb stayed where it was:
a million rows and a thousand rows both draw it at the top, one cell long.
"""

from __future__ import annotations

from math import ceil

EIGHTHS = 8  # the thumb's ends are drawn in eighths of a cell, and it is a cell at least


class ScrollThumb:
    def __init__(self) -> None:
        self._drawn: tuple[int, int] | None = None

    def moved(self, top: float, shown: int, rows: int) -> bool:
        """Whether a bar ``shown`` cells tall over ``rows`` rows scrolled to ``top`` draws
        its thumb anywhere else than when this last said so."""
        if rows <= shown:
            thumb = (-1, -1)  # no thumb: the whole text fits
        else:  # as Textual's ScrollBarRender places it
            length = max(1.0, shown * shown / rows)
            start = int((shown - length) * top / (rows - shown) * EIGHTHS)
            thumb = (start, start + ceil(length * EIGHTHS))
        if thumb == self._drawn:
            return False
        self._drawn = thumb
        return True
