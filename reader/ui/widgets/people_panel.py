"""The people of the open story, most quoted first; ``enter`` jumps to their first quote."""

from __future__ import annotations

import heapq

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Analysis
from reader.ui.keys import PEOPLE_PANEL_KEYS, bindings

MAX_LISTED = 200  # people shown in the panel, most quoted first (Textual: ~0.1 ms each)


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
        self._filled = False
        self._total = 0
        self._analysis = Analysis()

    def on_mount(self) -> None:
        if self.display:
            self._fill()

    def set_people(self, analysis: Analysis) -> None:
        """The story's people, listed when the panel is next shown."""
        self._analysis = analysis
        self._filled = False
        if self.is_mounted and self.display:
            self._fill()

    def _rank(self, analysis: Analysis) -> None:
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
        self._total = len(people)
        # Most quoted first; a list of 100,000 names is not read, so only the head is kept.
        people = heapq.nsmallest(
            MAX_LISTED, people, key=lambda person: (-person[0], -person[1], person[2])
        )
        self._names = [name for _count, _mentions, name in people]
        self._people = people

    def fill(self) -> None:
        """Build the list, if the people changed since it was built.

        Called when the panel is shown: a story with 100,000 names must not pay for a
        list nobody opened, each time a block of its analysis lands.
        """
        if not self._filled:
            self._fill()

    def _fill(self) -> None:
        self._rank(self._analysis)
        people = self._people
        self._filled = True
        options = []
        for count, mentions, name in people:
            label = Text(name, style="bold")
            said = f"quoted {count}×" if count else "not quoted"
            label.append(
                f"\n  {said} · {mentions} mention{'s' if mentions != 1 else ''}", style="dim"
            )
            options.append(Option(label))
        if not people:
            options.append(Option(Text("No people found yet.", style="dim"), disabled=True))
        elif self._total > len(people):
            more = f"… and {self._total - len(people):,} more, mentioned less often"
            options.append(Option(Text(more, style="dim"), disabled=True))
        self.set_options(options)  # one update, not one per person
        self.border_subtitle = f"{self._total}"

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._names):
            self.post_message(self.Picked(self._names[event.option_index]))

    def action_close(self) -> None:
        self.post_message(self.Closed())
