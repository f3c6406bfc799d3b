"""The virtual list on its own: huge lists, keys, rows of several lines, rules, clicks."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content

from reader.ui.widgets.story_rows import wrap_points
from reader.ui.widgets.virtual_list import SameHeights, VirtualList

SIZE = (40, 12)


class Numbers:
    """Row n says "Row n"; every third row has a second line."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.drawn: set[int] = set()

    def __len__(self) -> int:
        return self.count

    def heights(self, width: int) -> Sequence[int]:
        return [2 if n % 3 == 0 else 1 for n in range(self.count)]

    def lines(self, index: int, width: int) -> Sequence[Content]:
        self.drawn.add(index)
        first = Content(f"Row {index}")
        return [first, Content("  (third)")] if index % 3 == 0 else [first]


class Keyed(VirtualList):
    BINDINGS = [  # noqa: RUF012 (a test widget; the app's lists bind from the registry)
        Binding("down", "cursor_down"),
        Binding("up", "cursor_up"),
        Binding("home", "first"),
        Binding("end", "last"),
        Binding("pagedown", "page_down"),
        Binding("pageup", "page_up"),
        Binding("enter", "select"),
    ]


class ListApp(App[None]):
    def __init__(self, rows: Numbers, separators: bool = False) -> None:
        super().__init__()
        self.rows = rows
        self.separators = separators
        self.picked: list[int] = []

    def compose(self) -> ComposeResult:
        yield Keyed(separators=self.separators, empty="Nothing here.")

    def on_mount(self) -> None:
        listing = self.query_one(Keyed)
        listing.set_rows(self.rows, highlighted=0)
        listing.focus()

    def on_virtual_list_selected(self, message: VirtualList.Selected) -> None:
        self.picked.append(message.index)


def screen_lines(listing: VirtualList) -> list[str]:
    return [listing.render_line(y).text.rstrip() for y in range(listing.size.height)]


async def test_a_hundred_thousand_rows_draw_only_what_is_on_screen() -> None:
    rows = Numbers(100_000)
    app = ListApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        listing = app.query_one(Keyed)
        assert listing.virtual_size.height == 100_000 + 100_000 // 3 + 1
        assert len(rows.drawn) < 20
        await pilot.press("end")
        assert listing.highlighted == 99_999
        assert screen_lines(listing)[-2:] == ["Row 99999", "  (third)"]
        assert len(rows.drawn) < 40


async def test_keys_move_the_highlight_and_enter_picks_it() -> None:
    app = ListApp(Numbers(50))
    async with app.run_test(size=SIZE) as pilot:
        listing = app.query_one(Keyed)
        await pilot.press("down", "down")
        assert listing.highlighted == 2
        await pilot.press("up", "up", "up")  # stops at the top
        assert listing.highlighted == 0
        await pilot.press("pagedown")
        assert 6 <= listing.highlighted <= 9  # about a screen (12 lines) further
        assert f"Row {listing.highlighted}" in screen_lines(listing)
        await pilot.press("pageup", "end", "down")  # stops at the end
        assert listing.highlighted == 49
        await pilot.press("home", "enter")
        assert app.picked == [0]


async def test_rows_of_two_lines_and_rules_between_rows_but_not_after_the_last() -> None:
    app = ListApp(Numbers(4), separators=True)
    async with app.run_test(size=SIZE) as pilot:
        listing = app.query_one(Keyed)
        await pilot.pause()
        lines = screen_lines(listing)
        rule = "─" * 40
        assert lines[:9] == [
            "Row 0", "  (third)", rule, "Row 1", rule, "Row 2", rule, "Row 3", "  (third)",
        ]  # fmt: skip
        assert lines[9:] == ["", "", ""]


async def test_a_click_highlights_and_picks_the_row_under_it() -> None:
    app = ListApp(Numbers(10))
    async with app.run_test(size=SIZE) as pilot:
        listing = app.query_one(Keyed)
        await pilot.click(Keyed, offset=(2, 3))  # "Row 2" (row 0 takes two lines)
        assert listing.highlighted == 2
        assert app.picked == [2]


async def test_an_empty_list_says_so_and_keys_do_nothing() -> None:
    app = ListApp(Numbers(0))
    async with app.run_test(size=SIZE) as pilot:
        listing = app.query_one(Keyed)
        await pilot.press("down", "end", "enter")
        assert listing.highlighted is None
        assert app.picked == []
        assert screen_lines(listing)[0] == "Nothing here."


def test_wrapping_breaks_between_words_and_cuts_words_longer_than_a_line() -> None:
    text = "Harbour Council Delays Vote on Ferry Fares"
    points = wrap_points(text, 20)
    lines = [text[a:b].rstrip() for a, b in zip([0, *points], [*points, len(text)], strict=True)]
    assert lines == ["Harbour Council", "Delays Vote on Ferry", "Fares"]
    assert wrap_points("short", 20) == []
    assert wrap_points("x" * 25, 10) == [10, 20]
    assert wrap_points("日本語の記事", 6) == [3]  # two cells a character


async def test_a_frame_asks_the_styles_a_few_times_whatever_the_rows_on_screen(
    monkeypatch,
) -> None:
    """Styles are looked up once a frame, not once a line or row: those lookups were
    most of what a list cost to draw (the people panel's first frame after `i`)."""
    app = ListApp(Numbers(1_000), separators=True)
    async with app.run_test(size=(40, 40)) as pilot:
        listing = app.query_one(Keyed)
        await pilot.pause()
        asked: list[tuple[str, ...]] = []
        for name in ("get_visual_style", "get_component_styles"):
            real = getattr(listing, name)

            def counted(*names: str, real=real, **options) -> object:
                asked.append(names)
                return real(*names, **options)

            monkeypatch.setattr(listing, name, counted)
        listing._strips.clear()  # every row drawn afresh
        listing._styles_cache.clear()
        lines = listing.render_lines(listing.size.region)
        assert len(lines) == 40
        assert sum("Row" in line.text for line in lines) > 10
        assert len(asked) <= 5


class Pairs:
    """A million rows of two lines each, told as the same height for every row."""

    def __len__(self) -> int:
        return 1_000_000

    def heights(self, width: int) -> Sequence[int]:
        return SameHeights(2, len(self))

    def lines(self, index: int, width: int) -> Sequence[Content]:
        return [Content(f"Pair {index}"), Content("  second line")]


async def test_rows_of_one_height_are_laid_out_without_a_line_count_per_row() -> None:
    """The people panel's rows: laid out as a range, not summed row by row (100,000
    people at each ranking and each time the panel is shown), and drawn the same."""
    app = ListApp(Pairs(), separators=True)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        listing = app.query_one(Keyed)
        assert isinstance(listing._ends, range)
        assert listing.virtual_size.height == 3 * 1_000_000 - 1
        assert listing.row_at_line(3 * 999_999) == 999_999
        assert listing.row_at_line(3 * 999_999 - 1) == 999_998  # the rule above it
        await pilot.press("end")
        assert listing.highlighted == 999_999
        lines = screen_lines(listing)
        assert lines[-2:] == ["Pair 999999", "  second line"]
        assert lines[-3] == "─" * len(lines[-3])
