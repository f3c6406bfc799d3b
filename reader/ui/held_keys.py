"""Key actions held until a story's analysis lands, then run in the order pressed.

`n` pressed as a story opens should reach the first quote, and `y` should copy it with
its speaker: before the analysis lands, neither is known. Such keys are held here; a
note says why after a moment; the analysis (or its failure) runs them. The keys typed
after a held one wait too (in reader/ui/key_order.py), since they may be meant for what
it opens (`t`, then the tag); escape cancels them all.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from reader.ui.key_order import KeysInOrder, KeysInOrderApp

NOTE_DELAY = 0.2  # seconds a held key waits before the note says why
NOTE = "Finding quotes… (your keys act once they are found; esc cancels them)"
CANCELLED = "Keys cancelled"


class HeldKeys:
    def __init__(self, owner: Widget, say: Callable[[str], None], note: str = NOTE) -> None:
        self._owner = owner
        self._say = say
        self._note_text = note
        self._actions: list[Callable[[], None]] = []
        self._note: Timer | None = None

    def __bool__(self) -> bool:
        return bool(self._actions)

    def _key_queue(self) -> KeysInOrder | None:
        app = self._owner.app
        return app.keys_in_order if isinstance(app, KeysInOrderApp) else None

    def hold(self, action: Callable[[], None]) -> None:
        if not self._actions and (keys := self._key_queue()) is not None:
            keys.pause(self._cancel)
        self._actions.append(action)
        if self._note is None:
            self._note = self._owner.set_timer(NOTE_DELAY, self._show_note)

    def _show_note(self) -> None:
        self._note = None
        if self._actions:
            self._say(self._note_text)

    def _cancel(self) -> None:
        self.drop()
        self._say(CANCELLED)

    def drop(self) -> None:
        """Forget the held keys (they were pressed for a story no longer shown)."""
        if self._actions and (keys := self._key_queue()) is not None:
            keys.resume()
        self._actions = []
        if self._note is not None:
            self._note.stop()
            self._note = None

    def run(self) -> None:
        actions = self._actions
        self.drop()
        for action in actions:
            action()
