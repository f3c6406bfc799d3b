"""The footer of keys, rebuilt only when the keys it shows change.

Textual's footer builds its key widgets again (mounted, styled, laid out) on every
change of the screen's bindings: each focus move and each check of an action's state.
Under load that cost ~100 ms of the UI thread, and a story's highlights, arriving just
after its text had moved the focus, waited for it. Most of those changes leave the
footer as it was (the focus moved inside the reader; the analysis landed), so this one
compares what it would show with what it shows, and rebuilds only on a difference.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# What one key of the footer shows: key, its display, description, action, enabled,
# tooltip, and the title of its group (grouped keys share one label).
ShownKey = tuple[str, str, str, str, bool, str, str]


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[ShownKey, ...] | None = None
        self._check_asked = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return  # as Textual's: shown again once the terminal has the focus
        if self.is_attached and screen is self.screen and not self._check_asked:
            # A focus move and a state check in one turn make one look, after the refresh.
            self._check_asked = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._check_asked = False
        if not self.is_attached:
            return
        shown = self.shown_keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def compose(self) -> ComposeResult:
        # Textual binds each key's ``compact`` to the footer's: at its mount the key turns
        # compact on (its own default) and the binding turns it off again, each a restyle
        # of the key, 2 x 20 keys on every rebuild (a third of a focus move's time). Each
        # key gets its value and class before it mounts instead: this footer's compactness
        # never changes once it is built. The command palette's key is not bound and stays
        # compact (FooterKey's default), as Textual draws it.
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                compact = self.compact if widget._reactive_connect else True
                widget._reactive_connect = None  # the binding data_bind just made, if any
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def shown_keys(self) -> tuple[ShownKey, ...]:
        """Every key the footer would show now, in order (the command palette's included)."""
        app = self.app
        return tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip,
                binding.group.description if binding.group is not None else "",
            )
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        )
