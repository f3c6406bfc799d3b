"""The people of the open story, most quoted first; ``enter`` jumps to their first quote."""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter, indexOf

from textual import events, on, work
from textual.content import Content
from textual.message import Message
from textual.timer import Timer

from reader.model import Analysis
from reader.services.library_search import drain
from reader.services.story_people import Ranked, StoryPeople
from reader.ui.keys import PEOPLE_PANEL_KEYS, bindings
from reader.ui.slices import run_in_slices, while_keys_answered
from reader.ui.widgets.virtual_list import SameHeights, VirtualList

RANK_AT_ONCE = 2_000  # people ranked on the spot; a longer list a slice at a time
# While a long story's analysis is still landing, its people are ranked again at most
# this often (the blocks in between are merged: only the latest is ranked); the last
# block is ranked as soon as it lands.
RERANK_EVERY = 1.0
MAKE_WAY = 0.05  # seconds a ranking rests after a key in the panel, while it is answered
_NAME = attrgetter("name")


def person_lines(person: Ranked) -> list[Content]:
    quoted, mentions = person.quoted, person.mentions
    said = f"quoted {quoted}×" if quoted else "not quoted"
    plural = "s" if mentions != 1 else ""
    return [
        Content.styled(person.name, "bold"),
        Content.styled(f"  {said} · {mentions} mention{plural}", "dim"),
    ]


def rank_people(analysis: Analysis) -> list[Ranked]:
    """The story's people, most quoted first, then most mentioned, then by name."""
    people = StoryPeople()
    drain(people.update(analysis))
    return people.ranked


class PeopleRows:
    """The ranked people as rows of the virtual list (two lines each)."""

    def __init__(self, people: Sequence[Ranked]) -> None:
        self.people = people

    def __len__(self) -> int:
        return len(self.people)

    def heights(self, width: int) -> SameHeights:
        return SameHeights(2, len(self.people))

    def lines(self, index: int, width: int) -> list[Content]:
        return [line.truncate(width, ellipsis=True) for line in person_lines(self.people[index])]


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
        self._people: list[Ranked] = []  # as shown
        self._ranks = StoryPeople()  # the story's people as its analysis lands
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
            self._ranks = StoryPeople()
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
            drain(self._ranks.update(analysis))
            self._show_rows(self._ranks.ranked)
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
        self._rank_sliced(analysis, self._story, self._ranks)

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
    async def _rank_sliced(self, analysis: Analysis, story: int, ranks: StoryPeople) -> None:
        # Only the people this analysis adds or changes since the last one are placed.
        keys = while_keys_answered(self.app)
        await run_in_slices(
            ranks.update(analysis), rest=lambda: max(keys(), self._rest_after_key())
        )
        if story != self._story:
            return  # another story is open now
        self._ranking = False
        self._ranked_at = time.monotonic()
        self._show_rows(ranks.ranked)
        if analysis is not self._analysis and self.display:
            self._fill()  # more of the analysis landed meanwhile: rank that too (later)

    def _rest_after_key(self) -> float:
        """Seconds the ranking keeps off the loop: a key pressed in the panel a moment
        ago is being answered and drawn, and each of its turns of the loop would
        otherwise wait for a slice of the ranking (any key the app is answering counts
        too: `i` opens the panel and starts the ranking)."""
        return self._last_key + MAKE_WAY - time.perf_counter()

    def on_key(self, _event: events.Key) -> None:
        self._last_key = time.perf_counter()  # the key goes on to the bindings as before

    def _show_rows(self, people: list[Ranked]) -> None:
        if people:
            self.set_empty_text("No people found yet.")
        # A new block of the analysis re-ranks the list: the highlighted person stays
        # highlighted, and the person the reader was looking at stays on the same line of
        # the panel instead of the list jumping under the reader's eyes.
        at = self.highlighted
        kept = self._people[at] if at is not None and at < len(self._people) else None
        anchor = self._anchor()
        self._people = people
        place = self._row_of(people, kept) if kept else None
        if place is None and self.has_focus:
            place = 0
        self.set_rows(PeopleRows(people), highlighted=place)
        self._title(f"{len(people):,}")
        if anchor is not None:
            person, line = anchor
            row = place if person is kept else self._row_of(people, person)
            if row is not None:
                start, _height = self._row_span(row)
                self.scroll_to(y=max(0, start - line), animate=False, immediate=True)

    def _row_of(self, people: list[Ranked], person: Ranked) -> int | None:
        """The row of ``person`` (as an earlier ranking listed them) in ``people``: where
        their rank now is, found by bisection (100,000 people at each ranking)."""
        now = self._ranks.rank_of(person.place)
        if now is not None and now.name == person.name:
            row = bisect_left(people, now)
            if row < len(people) and people[row] == now:
                return row
        # An analysis that is not the last one grown (its places are new): by name, in C.
        try:
            return indexOf(map(_NAME, people), person.name)
        except ValueError:
            return None

    def _anchor(self) -> tuple[Ranked, int] | None:
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
        return self._people[at], self._row_span(at)[0] - top

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
