"""The people of the open story, most quoted first; ``enter`` jumps to their first quote."""

from __future__ import annotations

import heapq
import time
from collections.abc import Generator, Iterator, Sequence
from operator import attrgetter, indexOf
from typing import NamedTuple

from textual import events, on, work
from textual.content import Content
from textual.message import Message
from textual.timer import Timer

from reader.model import Analysis
from reader.services.library_search import drain
from reader.ui.keys import PEOPLE_PANEL_KEYS, bindings
from reader.ui.slices import run_in_slices
from reader.ui.widgets.virtual_list import VirtualList

RANK_AT_ONCE = 2_000  # people ranked on the spot; a longer list a slice at a time
SORT_CHUNK = 5_000  # people sorted in one call (a few milliseconds)
# While a long story's analysis is still landing, its people are ranked again at most
# this often (the blocks in between are merged: only the latest is ranked); the last
# block is ranked as soon as it lands.
RERANK_EVERY = 1.0
MAKE_WAY = 0.05  # seconds a ranking rests after a key in the panel, while it is answered


class PersonRow(NamedTuple):
    """One person of the story as the panel lists them (a tuple of a string and numbers:
    cheap to make by the 100,000, and the cycle collector stops tracking it)."""

    name: str
    quoted: int
    mentions: int

    def lines(self) -> list[Content]:
        said = f"quoted {self.quoted}×" if self.quoted else "not quoted"
        plural = "s" if self.mentions != 1 else ""
        return [
            Content.styled(self.name, "bold"),
            Content.styled(f"  {said} · {self.mentions} mention{plural}", "dim"),
        ]


def _order(person: PersonRow) -> tuple[int, int, str]:
    return (-person.quoted, -person.mentions, person.name)


def rank_steps(analysis: Analysis) -> Generator[None, None, list[PersonRow]]:
    """The story's people, most quoted first, then most mentioned, then by name.

    A generator that yields every few thousand people, and sorts a chunk at a time
    before merging, so that run a slice at a time it never holds up the UI for long.
    """
    quoted: dict[str, int] = {}
    for count, quote in enumerate(analysis.quotes):
        if quote.kind == "quote" and quote.speaker:
            quoted[quote.speaker] = quoted.get(quote.speaker, 0) + 1
        if count % SORT_CHUNK == 0:
            yield
    people: list[PersonRow] = []
    for count, group in enumerate(analysis.groups):
        if group.label == "PER":
            said = group.quote_count or quoted.get(group.name, 0)
            people.append(PersonRow(group.name, said, len(group.mentions)))
        if count % SORT_CHUNK == 0:
            yield
    known = {person.name for person in people}
    # A speaker the analysis quoted but did not list as a group still belongs here.
    people += [PersonRow(name, count, 0) for name, count in quoted.items() if name not in known]
    if len(people) <= SORT_CHUNK:
        return sorted(people, key=_order)
    chunks = []
    for at in range(0, len(people), SORT_CHUNK):
        chunks.append(sorted(people[at : at + SORT_CHUNK], key=_order))
        yield
    ranked = []
    for count, person in enumerate(heapq.merge(*chunks, key=_order)):
        ranked.append(person)
        if count % SORT_CHUNK == 0:
            yield
    return ranked


def rank_people(analysis: Analysis) -> list[PersonRow]:
    return drain(rank_steps(analysis))


class PeopleRows:
    """The ranked people as rows of the virtual list (two lines each)."""

    def __init__(self, people: Sequence[PersonRow]) -> None:
        self.people = people

    def __len__(self) -> int:
        return len(self.people)

    def heights(self, width: int) -> list[int]:
        return [2] * len(self.people)

    def lines(self, index: int, width: int) -> list[Content]:
        return [line.truncate(width, ellipsis=True) for line in self.people[index].lines()]


class PeoplePanel(VirtualList):
    """A side list of the people named in the story with how often each is quoted."""

    DEFAULT_CSS = """
    PeoplePanel {
        display: none;
        width: 34;
        height: 1fr;
        border: none;
        border-left: round $panel-lighten-2;
        border-top: round $panel-lighten-2;
        border-title-color: $text-muted;
        & > .virtual-list--row {
            padding: 0 1;
        }
        &:focus {
            border-left: round $accent;
            border-top: round $accent;
            border-title-color: $text-accent;
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
        super().__init__(id=id, empty="No people found yet.")
        self._title()
        self._people: list[PersonRow] = []
        self._filled = False
        self._analysis = Analysis()
        self._story = 0  # which story the people are of: rankings of an earlier one are late
        self._ranking = False
        self._complete = True  # the analysis holds the whole story
        self._ranked_at = 0.0  # when the last ranking of this story ended (monotonic)
        self._waiting: Timer | None = None  # to rank the blocks landed since, later
        self._last_key = 0.0  # when a key last reached the panel (perf_counter)

    def on_mount(self) -> None:
        if self.display:
            self._fill()

    @property
    def names(self) -> list[str]:
        """The people listed, in list order."""
        return [person.name for person in self._people]

    def set_people(self, analysis: Analysis, complete: bool = True) -> None:
        """The story's people, listed when the panel is next shown.

        A long story's analysis comes block by block, each a fuller ``analysis``
        (``complete`` once it is the whole story); an empty one starts another story
        (what was being ranked for the last one is dropped).
        """
        if not analysis.groups and not analysis.quotes:
            self._story += 1
            self.workers.cancel_group(self, "people-panel")
            self._ranking = False
            self._ranked_at = 0.0
            if self._waiting is not None:
                self._waiting.stop()
                self._waiting = None
            self._people = []
        self._analysis = analysis
        self._complete = complete
        self._filled = False
        if self.is_mounted and self.display:
            self._fill()

    def fill(self) -> None:
        """Build the list, if the people changed since it was built.

        Called when the panel is shown: a story with 100,000 names must not pay for a
        list nobody opened, each time a block of its analysis lands.
        """
        if not self._filled:
            self._fill()

    def _fill(self) -> None:
        self._filled = True
        analysis = self._analysis
        if len(analysis.groups) + len(analysis.quotes) <= RANK_AT_ONCE:
            self._show_rows(rank_people(analysis))
            self._ranked_at = time.monotonic()
            return
        if not self._people:  # else the list shown stays until the new one is ready
            self.set_empty_text("Counting the people…")
            self._show_rows([])
        # One ranking at a time: blocks landing faster than it runs would otherwise
        # cancel each ranking before it ends, and the list would never show. Nor one
        # per block: 100,000 people ranked again for each block kept the UI busy (and
        # the collector) for as long as the analysis ran.
        if self._waiting is not None and self._complete:
            self._waiting.stop()  # the whole story is in: no reason to wait
            self._waiting = None
        if self._ranking or self._waiting is not None:
            self._note_ranking()
            return
        wait = self._ranked_at + RERANK_EVERY - time.monotonic()
        if self._people and not self._complete and wait > 0:
            self._waiting = self.set_timer(wait, self._rank_latest)
            self._note_ranking()
            return
        self._ranking = True
        self._note_ranking()
        self._rank_sliced(analysis, self._story)

    def _rank_latest(self) -> None:
        self._waiting = None
        if self.display and not self._ranking:
            self._fill()
        else:
            self._filled = False  # ranked when the panel is shown again

    def _note_ranking(self) -> None:
        """Say in the border that the list shown is about to change."""
        self._title(f"{len(self._people):,} · ranking…")

    @work(
        group="people-panel",
        exit_on_error=False,
        description="rank the story's people",  # not the repr of the whole analysis
    )
    async def _rank_sliced(self, analysis: Analysis, story: int) -> None:
        steps = rank_steps(analysis)
        people: list[PersonRow] = []

        def run() -> Iterator[None]:
            people.extend((yield from steps))

        await run_in_slices(run(), rest=self._rest_after_key)
        if story != self._story:
            return  # another story is open now
        self._ranking = False
        self._ranked_at = time.monotonic()
        self._show_rows(people)
        if analysis is not self._analysis and self.display:
            self._fill()  # more of the analysis landed meanwhile: rank that too (later)

    def _rest_after_key(self) -> float:
        """Seconds the ranking keeps off the loop: a key pressed in the panel a moment
        ago is being answered and drawn, and each of its turns of the loop would
        otherwise wait for a slice of the ranking."""
        return self._last_key + MAKE_WAY - time.perf_counter()

    def on_key(self, _event: events.Key) -> None:
        self._last_key = time.perf_counter()  # the key goes on to the bindings as before

    def _show_rows(self, people: list[PersonRow]) -> None:
        if people:
            self.set_empty_text("No people found yet.")
        # A new block of the analysis re-ranks the list: the highlighted person stays
        # highlighted, and the person the reader was looking at stays on the same line of
        # the panel instead of the list jumping under the reader's eyes.
        at = self.highlighted
        kept = self._people[at].name if at is not None and at < len(self._people) else None
        anchor = self._anchor()
        self._people = people
        place = _place_of(people, kept) if kept else None
        if place is None and self.has_focus:
            place = 0
        self.set_rows(PeopleRows(people), highlighted=place)
        self._title(f"{len(people):,}")
        if anchor is not None:
            name, line = anchor
            row = place if name == kept else _place_of(people, name)
            if row is not None:
                start, _height = self._row_span(row)
                self.scroll_to(y=max(0, start - line), animate=False, immediate=True)

    def _anchor(self) -> tuple[str, int] | None:
        """The person to keep in place as the list is replaced, and how many lines below
        the top of the panel they are: the highlighted one if on screen, else the first
        one on screen."""
        if not self._people or not self.is_mounted or not self.size.height:
            return None
        self._layout()
        top = round(self.scroll_y)
        shown = range(top, top + self.scrollable_content_region.height)
        at = self.highlighted
        if at is None or at >= len(self._people) or self._row_span(at)[0] not in shown:
            at = self.row_at_line(top)
        if at is None or at >= len(self._people):
            return None
        return self._people[at].name, self._row_span(at)[0] - top

    def _title(self, note: str = "") -> None:
        """The border's title: how many people are listed, and whether a ranking of more
        of the story is under way."""
        # Textual pads a title on the side of a corner only: this border has none on the
        # right, so the space before the rule is the title's own.
        self.border_title = f"People · {note} " if note else "People "

    def on_unmount(self) -> None:
        if self._waiting is not None:
            self._waiting.stop()

    @on(VirtualList.Selected)
    def _picked(self, event: VirtualList.Selected) -> None:
        event.stop()
        if 0 <= event.index < len(self._people):
            self.post_message(self.Picked(self._people[event.index].name))

    def action_close(self) -> None:
        self.post_message(self.Closed())


def _place_of(people: list[PersonRow], name: str) -> int | None:
    """Where ``name`` is in ``people`` (looked for in C: 100,000 people at each ranking)."""
    try:
        return indexOf(map(attrgetter("name"), people), name)
    except ValueError:
        return None
