"""The `?` screen: every key that works where you are, then the keys of the other panes."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.key_sections import KeySection
from reader.ui.keys import HELP_KEYS, bindings


class KeyTable(Static):
    """One section as three columns: keys, what they do, and a sentence that wraps."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-table--key",
        "key-table--description",
        "key-table--help",
        "key-table--disabled",
    }

    def __init__(self, section: KeySection, key_width: int, description_width: int) -> None:
        super().__init__(classes="help-keys")
        self.show_ids = False
        self.section = section
        self.key_width = key_width
        self.description_width = description_width

    def render(self) -> Table:
        key_style = self.get_component_rich_style("key-table--key")
        description_style = self.get_component_rich_style("key-table--description")
        help_style = self.get_component_rich_style("key-table--help")
        disabled_style = self.get_component_rich_style("key-table--disabled")
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column(width=self.key_width, no_wrap=True)
        table.add_column(width=self.description_width, no_wrap=True)
        table.add_column(ratio=1)
        for entry in self.section.entries:
            if self.show_ids:
                extra = entry.id or "(fixed)"
            else:
                extra = entry.help if entry.help.rstrip(".") != entry.description else ""
            table.add_row(
                Text(" ".join(entry.keys), key_style if entry.enabled else disabled_style),
                Text(entry.description, description_style if entry.enabled else disabled_style),
                Text(extra, help_style),
            )
        return table


class HelpScreen(ModalScreen[None]):
    """Keys grouped by pane; built from the live bindings, so it never goes stale."""

    CSS_PATH = Path(__file__).with_name("help.tcss")
    BINDINGS = bindings(HELP_KEYS)

    def __init__(self, sections: list[KeySection], keymap_path: Path | None = None) -> None:
        super().__init__()
        self.sections = sections
        self.keymap_path = keymap_path

    def compose(self) -> ComposeResult:
        entries = [entry for section in self.sections for entry in section.entries]
        key_width = max((len(" ".join(entry.keys)) for entry in entries), default=1)
        description_width = max((len(entry.description) for entry in entries), default=1)
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "i key names · escape to close"
            with VerticalScroll(id="help-body"):
                for section in self.sections:
                    note = "" if section.focused else " (press tab to go there)"
                    yield Static(f"{section.title}{note}", classes="help-heading", markup=False)
                    yield KeyTable(section, key_width, description_width)
                if self.keymap_path is not None:
                    yield Static(
                        f'To change a key, put lines such as  library.filter = "f"  in '
                        f"{self.keymap_path} (press i for every name).",
                        classes="help-note",
                        markup=False,
                    )

    def _body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_toggle_ids(self) -> None:
        for table in self.query(KeyTable):
            table.show_ids = not table.show_ids
            table.refresh()

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
