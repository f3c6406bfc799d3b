"""Keys typed in a burst act in order, each where the key before it left the focus.

Pilot's ``press`` waits for the app between keys, which a quick typist (or tmux's
send-keys) does not: these tests post the whole burst at once, as the terminal does.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

import reader.analysis
from reader.ui.app import NewsReaderApp
from reader.ui.screens.tag_dialog import TagDialog
from reader.ui.widgets.annotations_panel import AnnotationsPanel
from tests.ui.test_responsive import held_analysis
from tests.ui.test_tagging_data import DROUGHT_QUOTE, SIZE, fixed_analysis, settle

NAMED = {"/": "slash", "\t": "tab", "\r": "enter"}


__all__ = ["held_analysis"]  # a fixture of these tests too


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


async def burst(pilot: Pilot, typed: str, *, analysis_out: bool = False) -> None:
    """Every key of ``typed`` reaches the app before it has handled the first; then the
    app settles (``analysis_out``: all but the analysis, which is held)."""
    for char in typed:
        pilot.app.post_message(events.Key(NAMED.get(char, char), char))
    if not analysis_out:
        await settle(pilot)
        return
    for _ in range(len(typed) + 3):
        await pilot.pause(0.02)


def the_quote_is_tagged_water(app: NewsReaderApp) -> None:
    assert not isinstance(app.screen, TagDialog)  # the dialog took the tag and closed
    [annotation] = app.annotations.story_annotations
    assert annotation.tags == ["water"]
    assert annotation.selector.exact == DROUGHT_QUOTE


async def test_a_filter_typed_in_a_burst_gets_every_letter(make_app, library_dir) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "/drau")
        box = app.query_one("#library-filter", Input)
        assert box.value == "drau"
        assert app.focused is box
        # `a` (annotations) and `d` were not taken as commands by the list
        assert not any(panel.display for panel in app.query(AnnotationsPanel))


async def test_a_tag_typed_in_a_burst_lands_on_the_quote(make_app, library_dir) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, "ntwater\r")
        the_quote_is_tagged_water(app)


async def test_a_tag_typed_before_the_analysis_waits_for_its_dialog(
    make_app, library_dir, held_analysis
) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # `n` and `t` are held for the analysis: the tag typed after them must wait too,
        # not act as commands on the story (`a` annotations panel, `w`...).
        await burst(pilot, "ntwater\r", analysis_out=True)
        assert not any(panel.display for panel in app.query(AnnotationsPanel))
        assert not app.annotations.story_annotations
        held_analysis.set()
        await settle(pilot)
        the_quote_is_tagged_water(app)


async def test_escape_cancels_the_keys_held_for_the_analysis(
    make_app, library_dir, held_analysis
) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "ntwa", analysis_out=True)
        app.post_message(events.Key("escape", "\x1b"))
        await pilot.pause()
        assert "Keys cancelled" in app.main.status_bar.message
        held_analysis.set()
        await settle(pilot)
        assert app.screen is app.main  # no tag dialog once the analysis lands
        assert not app.annotations.story_annotations
        assert not any(panel.display for panel in app.query(AnnotationsPanel))
        assert app.main.article_view.focus_span is None  # `n` was cancelled too
        await pilot.press("n")  # and keys act again
        assert app.main.article_view.focus_span is not None
