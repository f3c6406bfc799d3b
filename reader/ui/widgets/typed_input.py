"""A text box whose backspace keeps its place among the keys typed around it."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TypedInput(Input):
    """An Input that deletes where the typed letters are: in its own key handler.

    Textual's Input deletes through a binding, which acts only once the key has bubbled
    up to the app, after the letters queued behind it: "ab⌫c" typed into a busy app gave
    "a" instead of "ac".
    """

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "backspace":
            event.stop()
            event.prevent_default()
            self.action_delete_left()
            return
        await super()._on_key(event)
