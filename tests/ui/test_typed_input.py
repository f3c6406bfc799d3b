"""Keys typed faster than the app answers land in the order typed, backspace included, in
every text box: the reader's search, the tag dialog's tags and note."""

from __future__ import annotations

from textual import events
from textual.app import App

from reader.ui.screens.tag_dialog import TagDialog
from reader.ui.widgets.search_bar import SearchBar
from tests.ui.test_tagging_data import settle, until


def queued(app: App[None], keys: str) -> None:
    """Every key queued at once ("<" is backspace), as a fast typist's keys reach a busy app."""
    for key in keys:
        if key == "<":
            app.post_message(events.Key("backspace", None))
        else:
            app.post_message(events.Key(key, key))


async def test_a_backspace_typed_between_letters_deletes_where_it_was_typed(
    make_app, library_dir
) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j", "slash")
        search = app.main.query_one(SearchBar).input
        assert search.has_focus
        queued(app, "wat<<ell")
        await until(pilot, lambda: len(search.value) >= 4)
        assert search.value == "well"

        await pilot.press("escape", "t")
        dialog = app.screen
        assert isinstance(dialog, TagDialog) and dialog.tag_input.has_focus
        before = dialog.tag_input.value
        queued(app, "ecoo<nomy")
        await until(pilot, lambda: len(dialog.tag_input.value) >= len(before) + 7)
        assert dialog.tag_input.value == before + "economy"
