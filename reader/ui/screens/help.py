"""The `?` screen: every key that works where you are, then the keys of the other panes."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import HELP_KEYS, KeySection, bindings


def section_content(section: KeySection, width: int) -> Content:
    lines: list[Content] = []
    for entry in section.entries:
        keys = " ".join(entry.keys).rjust(width)
        key_style = "bold $text-accent" if entry.enabled else "$text-disabled"
        line = Content.assemble(
            Content.styled(keys, key_style),
            "  ",
            Content.styled(entry.description, "bold" if entry.enabled else "$text-disabled"),
        )
        if entry.help and entry.help.rstrip(".") != entry.description:
            line = line.append(Content.styled(f"  {entry.help}", "$text-muted"))
        lines.append(line)
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Keys grouped by pane; built from the live bindings, so it never goes stale."""

    CSS_PATH = Path(__file__).with_name("help.tcss")
    BINDINGS = bindings(HELP_KEYS)

    def __init__(self, sections: list[KeySection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        width = max((len(" ".join(e.keys)) for s in self.sections for e in s.entries), default=1)
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "escape to close"
            with VerticalScroll(id="help-body"):
                for section in self.sections:
                    note = "" if section.focused else " (press tab to go there)"
                    yield Static(
                        Content.styled(f"{section.title}{note}", "bold underline $text-primary"),
                        classes="help-heading",
                    )
                    yield Static(section_content(section, width), classes="help-keys")

    def _body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_close(self) -> None:
        self.dismiss()

    def action_scroll_down(self) -> None:
        self._body().scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self._body().scroll_up(animate=False)

    def action_scroll_home(self) -> None:
        self._body().scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self._body().scroll_end(animate=False)

    def action_page_down(self) -> None:
        self._body().scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self._body().scroll_page_up(animate=False)
