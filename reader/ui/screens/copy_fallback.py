"""When no clipboard takes the text: show it, so it can be selected by hand, or save it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from reader.safe_text import clean
from reader.ui.key_sections import current_key
from reader.ui.keys import COPY_FALLBACK_KEYS, bindings


class CopyFallbackScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    CopyFallbackScreen { align: center middle; }
    CopyFallbackScreen > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 80%;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    CopyFallbackScreen TextArea { height: 12; margin: 1 0; }
    CopyFallbackScreen Horizontal { height: auto; align-horizontal: right; }
    CopyFallbackScreen Button { margin-left: 2; }
    """
    BINDINGS = bindings(COPY_FALLBACK_KEYS)

    def __init__(self, text: str, reason: str) -> None:
        super().__init__()
        self.text = text
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(clean(self.reason), markup=False)
            yield TextArea(self.text, read_only=True, soft_wrap=True, id="copy-text")
            with Horizontal():
                yield Button("Save to a file", id="save", variant="primary")
                yield Button("Close", id="close")

    def on_mount(self) -> None:
        # The buttons name the keys as they are now, a user's keymap included.
        for button in self.query(Button):
            key = current_key(self, f"copy_fallback.{button.id}")
            button.label = f"{button.label} ({key})"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss()

    def action_save(self) -> None:
        from reader.export.files import default_folder, save_new_file

        try:
            path = save_new_file(self.text, default_folder(), "newsreader-copy", ".txt")
        except OSError as error:
            self.app.notify(f"Could not save: {error.strerror or error}", severity="error")
            return
        self.app.notify(f"Saved to {path}")
        self.dismiss()
