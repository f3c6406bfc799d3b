"""The key registry: every binding of reader/ui comes from reader/ui/keys.py, and any can be
rebound in keymap.toml, the dialogs' and the panes' keys as well as the app's."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import Notify
from textual.widgets import Input, Static

import reader.analysis
import reader.ui
from reader.ui.keys import GROUPS, SCOPES, registered_ids
from reader.ui.screens.tag_dialog import TagDialog
from reader.ui.widgets.search_bar import SearchBar
from tests.ui.test_key_footer import footer_keys
from tests.ui.test_tagging_data import SIZE, fixed_analysis, settle


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _our_classes_with_bindings() -> list[type[DOMNode]]:
    for module in pkgutil.walk_packages(reader.ui.__path__, "reader.ui."):
        importlib.import_module(module.name)
    return sorted(
        {
            cls
            for cls in _subclasses(DOMNode)
            if cls.__module__.startswith("reader.") and cls.__dict__.get("BINDINGS")
        },
        key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
    )


def test_every_binding_of_every_class_is_in_the_registry() -> None:
    classes = _our_classes_with_bindings()
    # The app, its screens, the panes and the dialogs: the walk found them all.
    names = {cls.__name__ for cls in classes}
    assert {"NewsReaderApp", "ArticleView", "TagDialog", "AnnotationsPanel", "HelpScreen"} <= names
    registry = {
        (action.id, key.strip()): action
        for group in GROUPS
        for action in group.actions
        for key in action.keys.split(",")
    }
    bound: set[str] = set()
    for cls in classes:
        for binding in Binding.make_bindings(cls.__dict__["BINDINGS"]):
            where = f"{cls.__qualname__} binds {binding.key!r} to {binding.action!r}"
            assert binding.id, f"{where} without an id: define it in reader/ui/keys.py"
            action = registry.get((binding.id, binding.key))
            assert action is not None, f"{where} as {binding.id!r}, which keys.py does not"
            assert action.action == binding.action, where
            bound.add(binding.id)
    assert bound == registered_ids(), "every key of the registry is bound by some class"


def test_every_action_has_an_id_a_scope_and_help() -> None:
    ids = [action.id for group in GROUPS for action in group.actions]
    assert len(ids) == len(set(ids)), "an id names one action"
    assert set(ids) == registered_ids()
    for group in GROUPS:
        assert group.scope in SCOPES, f"{group.scope!r} is not a scope in keys.SCOPES"
        for action in group.actions:
            assert action.description and action.help.strip(), action.id
            assert "." in action.id and " " not in action.id, action.id


def test_a_key_means_one_thing_in_a_scope() -> None:
    seen: dict[tuple[str, str], str] = {}
    for group in GROUPS:
        for action in group.actions:
            for key in action.keys.split(","):
                other = seen.setdefault((group.scope, key), action.id)
                assert other == action.id, f"{key} is both {other} and {action.id}"


def write_keymap(locations, text: str) -> None:
    locations.config.mkdir(parents=True, exist_ok=True)
    (locations.config / "keymap.toml").write_text(text, encoding="utf-8")


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


async def test_a_dialog_and_a_pane_key_can_be_rebound(make_app, library_dir, locations):
    write_keymap(locations, '"tag_dialog.note" = "ctrl+o"\n"search.close" = "ctrl+g"\n')
    notes: list[Notify] = []
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE, message_hook=notes.append) as pilot:
        await settle(pilot)
        # Both names are known, though neither dialog nor search box is open at start.
        assert not [n for n in notes if isinstance(n, Notify)]

        await pilot.press("j", "t")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert dialog.tag_input.has_focus
        hint = str(dialog.query_one("#tag-hint", Static).content)
        assert "ctrl+o note" in hint and "ctrl+e" not in hint  # the dialog names the new key
        assert dialog.note_input.placeholder == "optional (ctrl+o)"
        await pilot.press("ctrl+e")  # the old key no longer moves to the note
        assert dialog.tag_input.has_focus
        await pilot.press("ctrl+o")
        assert dialog.note_input.has_focus
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("slash", "w", "a")
        bar = app.main.query_one(SearchBar)
        assert bar.display and isinstance(app.focused, Input)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert not bar.display


async def test_a_key_of_the_main_screen_can_be_rebound(make_app, library_dir, locations):
    write_keymap(locations, '"reading.sort" = "S"\n"copy.copy" = "ctrl+y"\n')
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")  # the old key no longer sorts
        assert app.reading.sort == "date"
        await pilot.press("S")
        assert app.reading.sort == "source"
        footer = " ".join(f"{key.key_display} {key.description}" for key in footer_keys(app))
        assert "^y Copy" in footer and "y Copy" not in footer.replace("^y Copy", "")
