"""The user's keymap.toml: applied at start; a bad file, an unknown name or two actions
on one key said once each, in a notice that names the file."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from reader.ui.keys import KeymapError, load_keymap, registered_ids

KEYMAP_FILE = "keymap.toml"  # in the config folder: `binding id = "keys"` lines


class UserKeymap:
    def __init__(self, app: App[None], config: Path) -> None:
        self._app = app
        self.path = config / KEYMAP_FILE
        self.keys: dict[str, str] = {}  # binding id -> its keys, as the file has them
        self._reported_clashes: set[frozenset[str]] = set()

    def apply(self) -> None:
        if not self.path.exists():
            return  # the usual case: no need to load the TOML reader
        try:
            self.keys = load_keymap(self.path)
        except KeymapError as error:
            self._app.notify(str(error), title="Keymap ignored", severity="error", markup=False)
            return
        if self.keys:
            self._app.set_keymap(self.keys)
            self._app.call_after_refresh(self._check_ids)

    def _check_ids(self) -> None:
        unknown = sorted(set(self.keys) - registered_ids())
        if unknown:
            self._app.notify(
                f"{self.path}: no key is called {', '.join(unknown)} "
                "(press ? then i to see the names)",
                title="Keymap",
                severity="warning",
                markup=False,
            )

    def clashed(self, clashed_bindings: set[Binding]) -> None:
        """Textual found two actions on one key (see App.handle_bindings_clash)."""
        ids = frozenset(binding.id or binding.action for binding in clashed_bindings)
        if ids in self._reported_clashes:
            return  # Textual reports a clash on every key press
        self._reported_clashes.add(ids)
        self._app.notify(
            f"{self.path}: {', '.join(sorted(ids))} share a key; the first one wins.",
            title="Keymap",
            severity="warning",
            markup=False,
        )
