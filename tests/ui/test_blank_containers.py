"""The main screen's plain containers are blank (Textual's BLANK: their lines are not
styled one by one for the first frame, issue #18), which is right only while their
children cover them whole: then nothing of theirs shows but the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget

from tests.ui.test_tagging_data import settle


def covered(container: Widget) -> bool:
    """Every cell of ``container`` is under one of its displayed children."""
    shown = [child.region for child in container.children if child.display]
    area = container.region
    return all(
        any(region.contains(x, y) for region in shown)
        for y in range(area.y, area.bottom)
        for x in range(area.x, area.right)
    )


@pytest.mark.parametrize("size", [(120, 36), (70, 30)])
@pytest.mark.parametrize("panel", ["", "i"])
async def test_the_blank_containers_are_covered_by_their_children(
    make_app, library_dir: Path, size: tuple[int, int], panel: str
) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if panel:
            await pilot.press(panel)
            await settle(pilot)
        screen = app.main
        view = screen.article_view
        blanks = [screen, screen.query_one("#panes"), view, view.query_one("#article-row")]
        for container in blanks:
            assert type(container).BLANK, container
            assert container.region.area, container
            assert covered(container), container
        assert Region(0, 0, *size) == screen.region
