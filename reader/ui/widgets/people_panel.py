"""The people of the open story, most quoted first; ``enter`` jumps to their first quote."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Analysis
from reader.ui.keys import PEOPLE_PANEL_KEYS, bindings


class PeoplePanel(OptionList):
    """A side list of the people named in the story with how often each is quoted."""

    DEFAULT_CSS = """
    PeoplePanel {
        display: none;
        width: 34;
        height: 1fr;
        border: none;
        border-left: vkey $panel-lighten-2;
        border-title-color: $text-accent;
        &:focus {
            border: none;
            border-left: vkey $accent;
        }
    }
    """

    BINDINGS = bindings(PEOPLE_PANEL_KEYS)

    class Picked(Message):
        """A person was chosen: jump to their first quote (or first mention)."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    class Closed(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "People"
        self._names: list[str] = []
        self._people: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self._fill()

    def set_people(self, analysis: Analysis) -> None:
        quoted: dict[str, int] = {}
        for quote in analysis.quotes:
            if quote.kind == "quote" and quote.speaker:
                quoted[quote.speaker] = quoted.get(quote.speaker, 0) + 1
        people = [
            (group.quote_count or quoted.get(group.name, 0), len(group.mentions), group.name)
            for group in analysis.groups
            if group.label == "PER"
        ]
        known = {name for _count, _mentions, name in people}
        # A speaker the analysis quoted but did not list as a group still belongs here.
        people += [(count, 0, name) for name, count in quoted.items() if name not in known]
        people.sort(key=lambda person: (-person[0], -person[1], person[2]))
        self._names = [name for _count, _mentions, name in people]
        self._people = people
        if self.is_mounted:
            self._fill()

    def _fill(self) -> None:
        people = self._people
        self.clear_options()
        for count, mentions, name in people:
            label = Text(name, style="bold")
            said = f"quoted {count}×" if count else "not quoted"
            label.append(
                f"\n  {said} · {mentions} mention{'s' if mentions != 1 else ''}", style="dim"
            )
            self.add_option(Option(label))
        if not people:
            self.add_option(Option(Text("No people found yet.", style="dim"), disabled=True))
        self.border_subtitle = f"{len(people)}"

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._names):
            self.post_message(self.Picked(self._names[event.option_index]))

    def action_close(self) -> None:
        self.post_message(self.Closed())
