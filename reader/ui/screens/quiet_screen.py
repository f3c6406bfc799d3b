"""Textual's Screen without the repaints and layouts that change nothing on screen.

Each one here cost the keys pressed just after start-up or a focus move: a whole-screen
frame or layout of the main screen (two panes, a long story) for nothing new to show.
"""

from __future__ import annotations

from typing import Any, Generic, Self

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen, ScreenResultType
from textual.widget import Widget


class QuietScreen(Screen[ScreenResultType], Generic[ScreenResultType]):
    # Screen's own repaints the whole screen on every focus move: a full frame (every
    # widget's lines composed again) for a change that restyles only the widgets it
    # touches, which repaint themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    # The screen's virtual size is set by its first layout, and Widget's reactive then
    # asks for another layout and a frame of the whole screen: drawn again, with nothing
    # moved, just after the first. A screen that does not scroll has no use for either:
    # its size changes come with a Resize, which lays it out.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resumed = False  # see _on_screen_resume
        self._drawn_whole = False  # see refresh

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles the whole screen as it resumes. On the first resume every
        # widget here was styled moments ago, as it mounted, with this same stylesheet
        # (each focus and class change since restyled what it touched): once more cost
        # the first frame ~5 ms. Screen's own handler runs next and does the rest: on the
        # first resume it lays the screen out, which draws all of it, then asks for all
        # of it to be drawn again (see refresh).
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
            self._drawn_whole = self.is_attached and self._size != self.app.size
            self.call_next(self._end_of_resume)

    def _end_of_resume(self) -> None:
        self._drawn_whole = False

    def refresh(self, *regions: Any, **options: Any) -> Self:
        if self._drawn_whole and not regions and not options:
            self._drawn_whole = False  # the first resume's repaint of what it just drew
            return self
        return super().refresh(*regions, **options)

    def _screen_resized(self, size: Size) -> None:
        # Textual lays the whole screen out again on each Resize, to the size it has too:
        # start-up brings three just after the first frame, full layouts that found
        # nothing to move, in the way of the first key. A layout asked for meanwhile
        # runs all the same, with the next refresh.
        if size == self._compositor.size:
            return
        super()._screen_resized(size)
