"""The people panel's list: every person listed, and a new block of analysis keeps the highlight."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reader.model import Analysis, EntityGroup
from reader.services.story_people import StoryPeople
from reader.ui.widgets import people_panel
from reader.ui.widgets.people_panel import PeoplePanel, rank_people


class PanelApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PeoplePanel(id="people")


def border_line(panel: PeoplePanel) -> str:
    """The panel's top border as the screen shows it: its title and count."""
    region = panel.region
    strips = panel.screen._compositor.render_strips()
    return strips[region.y].crop(region.x, region.right).text


def analysis(quoted: dict[str, int]) -> Analysis:
    groups = [
        EntityGroup(n, name, "PER", [], count) for n, (name, count) in enumerate(quoted.items())
    ]
    return Analysis(groups=groups)


async def test_a_new_analysis_block_keeps_the_highlighted_person() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(PeoplePanel)
        panel.display = True
        panel.focus()
        panel.set_people(analysis({"Ann Lee": 3, "Bo Chan": 2, "Cy Dorn": 1}))
        await pilot.press("j", "j")
        assert panel.names[panel.highlighted] == "Cy Dorn"
        # More of the story analysed: Cy Dorn is now the most quoted.
        panel.set_people(analysis({"Ann Lee": 3, "Bo Chan": 2, "Cy Dorn": 5, "Di Ek": 0}))
        await pilot.pause()
        assert panel.names == ["Cy Dorn", "Ann Lee", "Bo Chan", "Di Ek"]
        assert panel.highlighted == 0
        assert border_line(panel).startswith("╭─ People · 4 ──")


def test_ranking_in_chunks_orders_as_one_sort_would() -> None:
    quoted = {f"Person {n:05}": (n * 7919) % 13 for n in range(12_000)}
    ranked = [person.name for person in rank_people(analysis(quoted))]
    expected = sorted(quoted, key=lambda name: (-quoted[name], name))
    assert ranked == expected


async def test_keys_move_the_highlight_while_a_long_analysis_lands_block_by_block(
    monkeypatch,
) -> None:
    ranked: list[int] = []
    update = StoryPeople.update

    def counted(self: StoryPeople, analysis: Analysis):
        ranked.append(len(analysis.groups))
        return update(self, analysis)

    monkeypatch.setattr(StoryPeople, "update", counted)
    monkeypatch.setattr(people_panel, "RERANK_EVERY", 60.0)  # no re-rank before the end
    # Each block adds people quoted less than those before: the order of the people
    # already listed never changes, so each j must land one row further down.
    total, blocks = 12_000, 6
    quoted = {f"Person {n:05}": total - n for n in range(total)}
    part = lambda block: dict(list(quoted.items())[: total * block // blocks])  # noqa: E731
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(PeoplePanel)
        panel.display = True
        panel.focus()
        panel.set_people(analysis(part(1)), complete=False)
        await until(pilot, lambda: panel.option_count > 0)
        assert panel.highlighted == 0
        for block in range(2, blocks):
            panel.set_people(analysis(part(block)), complete=False)
            await pilot.press("j")
            assert panel.highlighted == block - 1
            await pilot.pause()
            assert f"People · {total // blocks:,} · ranking… " in border_line(panel)
        panel.set_people(analysis(quoted), complete=True)
        await pilot.press("j")
        await until(pilot, lambda: f"People · {total:,} ──" in border_line(panel))
        assert ranked == [total // blocks, total]  # the blocks between were never ranked
        assert panel.highlighted == blocks - 1
        assert panel.names == list(quoted)


def line_of(panel: PeoplePanel, name: str) -> int | None:
    """The screen line of the panel that shows ``name`` (None: not on screen)."""
    region = panel.region
    strips = panel.screen._compositor.render_strips()
    for y in range(region.y, region.bottom):
        if strips[y].crop(region.x, region.right).text.strip(" │") == name:
            return y
    return None


async def test_a_new_block_keeps_the_highlighted_person_on_the_same_line_of_the_panel(
    monkeypatch,
) -> None:
    monkeypatch.setattr(people_panel, "RERANK_EVERY", 0.0)
    total = people_panel.RANK_AT_ONCE + 1_000  # ranked a slice at a time
    first = {f"Person {n:05}": total - n for n in range(total)}
    app = PanelApp()
    async with app.run_test(size=(60, 24)) as pilot:
        panel = app.query_one(PeoplePanel)
        panel.display = True
        panel.focus()
        panel.set_people(analysis(first), complete=False)
        await until(pilot, lambda: panel.option_count == total)
        # Down two pages, then back up a few rows: the highlight is in the middle of the
        # panel, where scrolling only as far as needed to show it would move it.
        await pilot.press("pagedown", "pagedown", "k", "k", "k")
        await pilot.pause()
        chosen = panel.names[panel.highlighted]
        assert chosen not in ("Person 00000", panel.names[-1])
        line = line_of(panel, chosen)
        assert line is not None
        # The next block brings 40 people quoted more than anyone: they go first, and
        # every person already listed moves 40 rows down the list.
        first_quoted = {f"Newcomer {n:02}": total + 100 - n for n in range(40)}
        panel.set_people(analysis(first_quoted | first), complete=False)
        await until(pilot, lambda: panel.option_count == total + 40)
        await pilot.pause()
        assert panel.names[:2] == ["Newcomer 00", "Newcomer 01"]
        assert panel.names[panel.highlighted] == chosen
        assert line_of(panel, chosen) == line
        assert f"People · {total + 40:,} ──" in border_line(panel)
        await pilot.press("j")
        assert panel.names[panel.highlighted] == panel.names[panel.names.index(chosen) + 1]


async def until(pilot, condition, tries: int = 500) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("condition never became true")


async def test_a_growing_analysis_lists_its_people_in_order_with_the_reader_kept_in_place(
    monkeypatch,
) -> None:
    """A long story's analysis lands as fuller analyses of the same quotes and name groups
    (more of them, and new counts for some found before): the panel places only those,
    and shows what ranking the whole story would, with the highlighted person on the
    line the reader was looking at."""
    monkeypatch.setattr(people_panel, "RERANK_EVERY", 0.0)
    total = people_panel.RANK_AT_ONCE + 1_000  # ranked a slice at a time
    groups = [EntityGroup(n, f"Person {n:05}", "PER", [], total - n) for n in range(total)]
    app = PanelApp()
    async with app.run_test(size=(60, 24)) as pilot:
        panel = app.query_one(PeoplePanel)
        panel.display = True
        panel.focus()
        panel.set_people(Analysis(groups=list(groups)), complete=False)
        await until(pilot, lambda: panel.option_count == total)
        await pilot.press("pagedown", "pagedown", "k", "k", "k")
        await pilot.pause()
        chosen = panel.names[panel.highlighted]
        line = line_of(panel, chosen)
        assert line is not None
        # The next block: 40 people quoted more than anyone, and the chosen person
        # quoted 30 times more than before (30 rows up the list).
        groups += [
            EntityGroup(total + n, f"Newcomer {n:02}", "PER", [], 2 * total) for n in range(40)
        ]
        mover = groups[int(chosen.split()[1])]
        mover.quote_count += 30
        panel.set_people(Analysis(groups=list(groups)), complete=True)
        await until(pilot, lambda: panel.option_count == total + 40)
        await pilot.pause()
        expected = [g.name for g in sorted(groups, key=lambda g: (-g.quote_count, g.name))]
        assert panel.names == expected
        assert panel.names[panel.highlighted] == chosen
        assert line_of(panel, chosen) == line
        await pilot.press("j")
        assert panel.names[panel.highlighted] == expected[expected.index(chosen) + 1]
