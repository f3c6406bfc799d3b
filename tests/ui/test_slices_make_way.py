"""Long work in slices (reader/ui/slices.py) makes way for keys: after a key reaches the
app, no slice of the library's indexing or search, nor of the people panel's ranking,
runs until the key's answer is on the screen. Each turn of the loop a key takes (its
queues on the way up, the repaint) used to wait for a slice of every job running."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

import pytest
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from reader.ui import key_order, slices
from reader.ui.key_order import KeysInOrderApp
from reader.ui.widgets import library as library_module
from reader.ui.widgets import people_panel
from reader.ui.widgets.library import Library
from reader.ui.widgets.people_panel import PeoplePanel
from tests.ui.test_library_big import BigFeedApp, settled, typed
from tests.ui.test_people_panel_list import analysis

Log = list[tuple[str, object]]


def record(monkeypatch: pytest.MonkeyPatch, app: KeysInOrderApp[None], log: Log, shown) -> None:
    """Into ``log``: each key the app takes, each step of sliced work, and each repaint
    with ``shown()`` (what the screen says the keys did) at that moment."""
    # However slow the machine running the tests: the order is tested, not the limit.
    monkeypatch.setattr(key_order, "ANSWERED_WITHIN", 30.0)
    take = app.keys_in_order.take

    async def taken(key) -> None:
        log.append(("key", key.character))
        await take(key)

    monkeypatch.setattr(app.keys_in_order, "take", taken)
    real = slices.run_in_slices

    async def counted(steps: Iterator[object], *args, **kwargs) -> None:
        def each() -> Iterator[object]:
            for step in steps:
                log.append(("step", None))
                yield step

        await real(each(), *args, **kwargs)

    monkeypatch.setattr(library_module, "run_in_slices", counted)
    monkeypatch.setattr(people_panel, "run_in_slices", counted)
    screen = app.screen
    refresh = screen._compositor_refresh

    def painted() -> None:
        refresh()
        log.append(("paint", shown()))

    monkeypatch.setattr(screen, "_compositor_refresh", painted)


def steps_before_answers(log: Log, answered: Callable[[object, int], bool]) -> list[int]:
    """For each key, the steps of sliced work run between the app taking it and the
    first repaint that shows its answer (``answered(shown, nth key)``; keys answered
    by one repaint count once)."""
    counts: list[int] = []
    keys = 0
    waiting: int | None = None
    for kind, value in log:
        if kind == "key":
            keys += 1
            if waiting is None:
                waiting = 0
        elif kind == "step" and waiting is not None:
            waiting += 1
        elif kind == "paint" and waiting is not None and answered(value, keys):
            counts.append(waiting)
            waiting = None
    return counts


async def test_a_filter_keystroke_is_drawn_before_the_next_slice_of_library_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = BigFeedApp()
    async with app.run_test(size=(60, 30)) as pilot:
        library = app.query_one(Library)
        await pilot.press("slash")
        log: Log = []
        record(monkeypatch, app, log, lambda: library.filter_text)
        query = "fares 4"
        for key in query:
            typed(app, key)
            await pilot.pause(0.03)  # the indexing (or the last key's search) goes on
        await settled(app, pilot)
        assert library.filter_text == query
    answers = steps_before_answers(log, lambda text, keys: text.startswith(query[:keys]))
    assert answers == [0] * len(answers)
    assert len(answers) >= len(query) // 2
    # The slices were there to make way for: work before and between the keys.
    assert sum(kind == "step" for kind, _ in log) > 100


class Counter(Static, can_focus=True):
    """Has the focus, as the story does when `i` is typed: its key bubbles up to the app."""

    BINDINGS: ClassVar = [("x", "count", "Count")]

    class Counted(Message):
        pass

    def action_count(self) -> None:
        self.post_message(self.Counted())


class RankingApp(KeysInOrderApp[None]):
    """A people panel ranking a long list while a key elsewhere in the app is answered
    (`i`, say, which opens the panel and starts its ranking)."""

    def __init__(self) -> None:
        super().__init__()
        self.counted = 0

    def compose(self) -> ComposeResult:
        yield Counter("0", id="count")
        yield PeoplePanel(id="people")

    def on_counter_counted(self) -> None:
        self.counted += 1
        self.query_one(Counter).update(str(self.counted))


async def test_a_key_elsewhere_is_drawn_before_the_next_slice_of_the_people_ranking(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    total = people_panel.RANK_AT_ONCE * 20  # ranked a slice at a time
    app = RankingApp()
    async with app.run_test() as pilot:
        panel = app.query_one(PeoplePanel)
        panel.display = True
        app.query_one(Counter).focus()
        log: Log = []
        record(monkeypatch, app, log, lambda: app.counted)
        panel.set_people(analysis({f"Person {n:05}": n % 7 for n in range(total)}))
        for _ in range(10):
            typed(app, "x")
            await pilot.pause(0.02)
        for _ in range(500):
            if panel.option_count == total:
                break
            await pilot.pause(0.01)
        assert panel.option_count == total
    answers = steps_before_answers(log, lambda counted, keys: counted >= keys)
    assert answers == [0] * len(answers)
    assert len(answers) >= 5
    assert sum(kind == "step" for kind, _ in log) > 50
