"""Command palette (ctrl+p): every action of the app and of its panes, by description.

The list is read from the same bindings the footer and help screen use
(:func:`reader.ui.key_sections.key_sections`), so a key added to any pane appears here too.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.widget import Widget

from reader.ui.key_sections import KeyEntry, key_sections


@dataclass(slots=True, frozen=True)
class PaletteCommand:
    title: str
    help: str
    run: Callable[[], Coroutine[Any, Any, None]]


async def _run_entry(entry: KeyEntry) -> None:
    """Run an action as its key would: in its pane, with that pane focused."""
    namespace: DOMNode = entry.namespace
    if isinstance(namespace, Widget) and namespace.parent is None:
        return  # a part never shown yet (the search bar, the people panel): nothing to act on
    if isinstance(namespace, Widget) and not namespace.has_focus_within:
        target = namespace if namespace.focusable else _first_focusable(namespace)
        if target is not None:
            target.focus()
    await namespace.app.run_action(entry.action, namespace)


def _first_focusable(widget: Widget) -> Widget | None:
    for child in widget.query("*"):
        if isinstance(child, Widget) and child.focusable:
            return child
    return None


def palette_commands(screen: Any) -> list[PaletteCommand]:
    """Commands for ``screen``: the app's and each pane's actions, one per action."""
    panes = list(getattr(screen, "panes", []))
    keymap = getattr(screen.app, "keymap", None)  # the user's rebinding, when the app has one
    commands: list[PaletteCommand] = []
    seen: set[tuple[int, str]] = set()
    for section in key_sections(screen, panes, keymap):
        for entry in section.entries:
            if entry.action == "command_palette" or not entry.enabled:
                continue
            marker = (id(entry.namespace), entry.action)
            if marker in seen:
                continue
            seen.add(marker)
            keys = " ".join(entry.keys)
            where = "" if section.title == "Everywhere" else f"{section.title} · "
            title = f"{where}{entry.description}"
            help_text = f"{entry.help} (key: {keys})" if entry.help else f"key: {keys}"
            commands.append(PaletteCommand(title, help_text, partial(_run_entry, entry)))
    return commands


class NewsReaderCommands(Provider):
    """Offers every action with a description; ranked by Textual's fuzzy matcher."""

    async def discover(self) -> Hits:
        for command in palette_commands(self.screen):
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in palette_commands(self.screen):
            score = max(matcher.match(command.title), matcher.match(command.help) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
