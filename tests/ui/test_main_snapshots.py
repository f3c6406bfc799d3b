"""SVG snapshots of the main screen and the help screen at 120x36 on the bundled samples.

These pictures include the reader pane, so a change to the article view's drawing or
to the analysis shows up here too: look at the diff, then `--snapshot-update`.
"""

from __future__ import annotations

from textual.pilot import Pilot

SIZE = (120, 36)


async def loaded(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def help_open(pilot: Pilot) -> None:
    await loaded(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


def test_main_screen(snap_compare, make_app, samples_copy) -> None:
    assert snap_compare(make_app(samples_copy), terminal_size=SIZE, run_before=loaded)


def test_help_screen(snap_compare, make_app, samples_copy) -> None:
    assert snap_compare(make_app(samples_copy), terminal_size=SIZE, run_before=help_open)
