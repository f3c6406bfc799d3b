"""The people panel's list: every person listed, and a new block of analysis keeps the highlight."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reader.model import Analysis, EntityGroup
from reader.ui.widgets.people_panel import PeoplePanel, rank_people


class PanelApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PeoplePanel(id="people")


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
        assert panel.border_subtitle == "4"


def test_ranking_in_chunks_orders_as_one_sort_would() -> None:
    quoted = {f"Person {n:05}": (n * 7919) % 13 for n in range(12_000)}
    ranked = [person.name for person in rank_people(analysis(quoted))]
    expected = sorted(quoted, key=lambda name: (-quoted[name], name))
    assert ranked == expected
