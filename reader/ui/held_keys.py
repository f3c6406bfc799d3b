"""Key actions held until a story's analysis lands, then run in the order pressed.

`n` pressed as a story opens should reach the first quote, and `y` should copy it with
its speaker: before the analysis lands, neither is known. Such keys are held here; a
note says why after a moment; the analysis (or its failure) runs them.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

NOTE_DELAY = 0.2  # seconds a held key waits before the note says why
NOTE = "Finding quotes… (your keys act once they are found)"


class HeldKeys:
    def __init__(self, owner: Widget, say: Callable[[str], None]) -> None:
        self._owner = owner
        self._say = say
        self._actions: list[Callable[[], None]] = []
        self._note: Timer | None = None

    def __bool__(self) -> bool:
        return bool(self._actions)

    def hold(self, action: Callable[[], None]) -> None:
        self._actions.append(action)
        if self._note is None:
            self._note = self._owner.set_timer(NOTE_DELAY, self._show_note)

    def _show_note(self) -> None:
        self._note = None
        if self._actions:
            self._say(NOTE)

    def drop(self) -> None:
        """Forget the held keys (they were pressed for a story no longer shown)."""
        self._actions = []
        if self._note is not None:
            self._note.stop()
            self._note = None

    def run(self) -> None:
        actions = self._actions
        self.drop()
        for action in actions:
            action()
