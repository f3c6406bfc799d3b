"""Where each key of the footer goes: the keys a screen shows, laid out in one line of cells.

Drawn as Textual's footer draws them (its widgets' padding and margins, margins between
neighbours collapsed to the larger), so the footer looks the same; this module knows
nothing of colours: each run of cells names its part (key, description...) and the
key it belongs to, and the footer widget styles the parts with its component classes.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import Binding
    from textual.screen import Screen


# Named tuples, not dataclasses: this module is imported for the first frame, and the
# three dataclasses took ~5 ms to build.
class ShownKey(NamedTuple):
    """One key of the footer, and what clicking it does."""

    key: str  # what a click presses (the binding's first key)
    key_display: str  # how the key is written (a user keymap's key, the app's display)
    description: str  # empty for the keys of a group: the group's title says it once
    action: str
    enabled: bool
    tooltip: str
    group: int = -1  # the keys of one binding group share a number (and a title)
    group_title: str = ""
    group_compact: bool = False


class Shown(NamedTuple):
    """Everything the footer shows: compared whole to decide whether to draw again."""

    keys: tuple[ShownKey, ...]
    palette: ShownKey | None  # the command palette's key, at the right


# Parts of the line (component classes of the footer, see key_footer.py).
GAP = "gap"
KEY = "key"
DESCRIPTION = "description"
PADDING = "padding"  # a key's own blank cells, which hover and its background cover
LABEL = "label"
DIVIDER = "divider"


class Run(NamedTuple):
    text: str
    part: str
    owner: int  # index of the key in Shown.keys, len(keys) for the palette's, -1 for none


def shown_keys(screen: Screen, app: App, show_palette: bool = True) -> Shown:
    """The screen's keys as Textual's footer picks them: one per action, the keys of a
    binding group together under its title, the command palette's apart."""
    active = screen.active_bindings
    per_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
    for _node, binding, enabled, tooltip in active.values():
        if binding.show:
            per_action[binding.action].append((binding, enabled, tooltip))
    keys: list[ShownKey] = []
    firsts = [entries[0] for entries in per_action.values()]
    for number, (group, members) in enumerate(groupby(firsts, lambda entry: entry[0].group)):
        grouped = list(members)
        together = group is not None and len(grouped) > 1
        for binding, enabled, tooltip in grouped:
            key = _shown(app, binding, enabled, tooltip)
            if together:
                assert group is not None
                key = key._replace(
                    description="",
                    tooltip=tooltip or binding.description,
                    group=number,
                    group_title=group.description,
                    group_compact=group.compact,
                )
            keys.append(key)
    palette = None
    if show_palette and app.ENABLE_COMMAND_PALETTE:
        entry = active.get(app.COMMAND_PALETTE_BINDING)
        if entry is not None:
            _node, binding, enabled, _tooltip = entry
            palette = _shown(app, binding, enabled, binding.tooltip or binding.description)
    return Shown(tuple(keys), palette)


def _shown(app: App, binding: Binding, enabled: bool, tooltip: str) -> ShownKey:
    display = app.get_key_display(binding)
    return ShownKey(binding.key, display, binding.description, binding.action, enabled, tooltip)


def _key_runs(key: ShownKey, owner: int, compact: bool) -> list[Run]:
    """A key's own cells. Without a description it is its key alone, unpadded."""
    if not key.description:
        return [Run(key.key_display, KEY, owner)]
    if compact:
        return [Run(key.key_display, KEY, owner), Run(" " + key.description, DESCRIPTION, owner)]
    return [
        Run(f" {key.key_display} ", KEY, owner),
        Run(key.description + " ", DESCRIPTION, owner),
    ]


def _boxes(shown: Shown, compact: bool) -> list[tuple[int, list[Run], int]]:
    """The footer's row of boxes (a key, a group of keys, a group's title), each as
    (left margin, cells, right margin)."""
    boxes: list[tuple[int, list[Run], int]] = []
    keys = shown.keys
    index = 0
    while index < len(keys):
        key = keys[index]
        if key.group < 0:
            boxes.append((0, _key_runs(key, index, compact), 1 if compact else 0))
            index += 1
            continue
        members = [index]
        while index + len(members) < len(keys) and keys[index + len(members)].group == key.group:
            members.append(index + len(members))
        # Keys in a group: a cell either side of each (collapsed between them), or none
        # in a compact group, which has a cell of its own before its first key instead.
        runs: list[Run] = [Run(" ", GAP, -1)] if key.group_compact else []
        for place, member in enumerate(members):
            if not key.group_compact and place == 0:
                runs.append(Run(" ", GAP, -1))
            runs.append(Run(keys[member].key_display, KEY, member))
            if not key.group_compact:
                runs.append(Run(" ", GAP, -1))
        boxes.append((0, runs, 1 if key.group_compact else 0))
        boxes.append((0, [Run(key.group_title, LABEL, -1)], 0 if compact else 1))
        index += len(members)
    return boxes


def layout_keys(shown: Shown, compact: bool) -> list[Run]:
    """The keys' part of the line, left to right (unclipped)."""
    runs: list[Run] = []
    right = 0
    for number, (left, cells, next_right) in enumerate(_boxes(shown, compact)):
        gap = left if number == 0 else max(right, left)
        if gap:
            runs.append(Run(" " * gap, GAP, -1))
        runs.extend(cells)
        right = next_right
    if right:
        runs.append(Run(" " * right, GAP, -1))
    return runs


def layout_palette(shown: Shown, compact: bool) -> list[Run]:
    """The command palette's key at the right: a divider, the key (compact), a cell of
    its own after it, or in a compact footer a cell of margin (as every compact key)."""
    key = shown.palette
    if key is None:
        return []
    owner = len(shown.keys)
    runs = [Run("▏", DIVIDER, owner), *_key_runs(key, owner, compact=True)]
    runs.append(Run(" ", GAP, -1) if compact else Run(" ", PADDING, owner))
    return runs


def width_of(runs: list[Run]) -> int:
    return sum(cell_len(run.text) for run in runs)
