"""One registry of the app's key actions: footer, help screen and command palette read it.

Each entry has a stable id (so a user keymap can rebind it with ``App.set_keymap``),
the keys, the action it runs, a short description for the footer and palette, and a
sentence for the help screen. Widgets turn their group into ``BINDINGS`` with
:func:`bindings`; nothing else defines keys for the shell, so the three views never
disagree about what a key does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


@dataclass(slots=True, frozen=True)
class KeyAction:
    id: str
    keys: str  # comma-separated Textual key names: "down,j"
    action: str
    description: str  # short: footer label and palette title
    help: str  # one sentence for the help screen and the palette
    show: bool = True  # shown in the footer
    priority: bool = False
    key_display: str | None = None

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.help,
            id=self.id,
        )


def bindings(actions: tuple[KeyAction, ...]) -> list[Binding]:
    return [action.binding() for action in actions]


APP_KEYS: tuple[KeyAction, ...] = (
    KeyAction("app.help", "question_mark", "help", "Help", "List every key for where you are."),
    KeyAction("app.quit", "q", "quit", "Quit", "Close newsreader."),
    KeyAction(
        "app.command_palette",
        "ctrl+p",
        "command_palette",
        "Commands",
        "Search every command by name and run it.",
        show=False,
        priority=True,
    ),
)

MAIN_SCREEN_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "main.switch_pane",
        "tab",
        "switch_pane",
        "Switch pane",
        "Move between the library and the reader.",
    ),
    KeyAction(
        "main.switch_pane_back",
        "shift+tab",
        "switch_pane",
        "Switch pane",
        "Move between the library and the reader.",
        show=False,
    ),
    KeyAction(
        "main.maximize",
        "z",
        "toggle_maximize",
        "Maximize",
        "Give the focused pane the whole screen, or bring the other panes back.",
        show=False,
    ),
)

LIBRARY_LIST_KEYS: tuple[KeyAction, ...] = (
    KeyAction("library.open", "enter", "open", "Open", "Open the highlighted story in the reader."),
    KeyAction(
        "library.next",
        "down,j",
        "cursor_down",
        "Next story",
        "Highlight the next story.",
        show=False,
    ),
    KeyAction(
        "library.previous",
        "up,k",
        "cursor_up",
        "Previous story",
        "Highlight the previous story.",
        show=False,
    ),
    KeyAction(
        "library.first", "g,home", "first", "First story", "Jump to the first story.", show=False
    ),
    KeyAction("library.last", "G,end", "last", "Last story", "Jump to the last story.", show=False),
    KeyAction(
        "library.page_down",
        "pagedown",
        "page_down",
        "Page down",
        "Move a page down the list.",
        show=False,
    ),
    KeyAction(
        "library.page_up", "pageup", "page_up", "Page up", "Move a page up the list.", show=False
    ),
)

LIBRARY_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "library.filter",
        "slash",
        "filter",
        "Filter",
        "Type to show only stories whose title, source or author match.",
    ),
    KeyAction(
        "library.clear_filter",
        "escape",
        "clear_filter",
        "Clear filter",
        "Show every story again.",
        show=False,
    ),
    KeyAction(
        "library.reload",
        "r",
        "reload",
        "Reload",
        "Read the story again from its file or web address (a whole feed).",
    ),
)

ORIGIN_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "story.reload",
        "r",
        "reload_story",
        "Reload story",
        "Read the story in the reader again from its file or web address.",
        show=False,
    ),
    KeyAction(
        "story.open_in_browser",
        "o",
        "open_in_browser",
        "Open in browser",
        "Open the story's web address in your web browser.",
        show=False,
    ),
)

COPY_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "copy.copy",
        "y",
        "copy",
        "Copy",
        "Copy the focused annotation, quote or selection with its speaker and a citation.",
    ),
    KeyAction(
        "copy.copy_all",
        "Y",
        "copy_all",
        "Copy all",
        "Copy every annotation of this story, each with its citation.",
        show=False,
    ),
    KeyAction(
        "copy.cycle_style",
        "c",
        "cycle_copy_style",
        "Copy format",
        "Switch what y and Y copy: plain text, Markdown, or the citation only.",
        show=False,
    ),
)

ANNOTATION_KEYS: tuple[KeyAction, ...] = (
    KeyAction(
        "annotations.tag",
        "t",
        "tag",
        "Tag",
        "Tag the focused passage or the selection: tags, a note, colours.",
    ),
    KeyAction(
        "annotations.tag_again",
        "T",
        "tag_again",
        "Tag again",
        "Put the last tags used on the focused passage, without the dialog.",
        show=False,
    ),
    KeyAction(
        "annotations.edit",
        "e",
        "edit_annotation",
        "Edit annotation",
        "Change the tags, note or colours of the annotation at the focus.",
        show=False,
    ),
    KeyAction(
        "annotations.remove",
        "x",
        "remove_annotation",
        "Remove annotation",
        "Remove the annotation at the focus (u brings it back).",
        show=False,
    ),
    KeyAction(
        "annotations.undo",
        "u",
        "undo_annotation",
        "Undo",
        "Undo the last tag, edit or removal.",
        show=False,
    ),
    KeyAction(
        "annotations.next",
        "a",
        "next_annotation",
        "Next annotation",
        "Focus the next tagged passage.",
        show=False,
    ),
    KeyAction(
        "annotations.previous",
        "A",
        "previous_annotation",
        "Previous annotation",
        "Focus the previous tagged passage.",
        show=False,
    ),
    KeyAction(
        "annotations.panel",
        "m",
        "toggle_annotations",
        "Annotations",
        "Show or hide this story's annotations; enter jumps to one.",
        show=False,
    ),
    KeyAction(
        "annotations.tags_view",
        "number_sign",
        "show_tags",
        "Tags view",
        "Every tag of the library and its passages; enter opens one.",
        show=False,
        key_display="#",
    ),
)

HELP_KEYS: tuple[KeyAction, ...] = (
    KeyAction("help.close", "escape,q,question_mark", "close", "Close", "Back to reading."),
    KeyAction("help.down", "down,j", "scroll_down", "Scroll down", "Scroll a line.", show=False),
    KeyAction("help.up", "up,k", "scroll_up", "Scroll up", "Scroll a line up.", show=False),
    KeyAction("help.top", "g,home", "scroll_home", "Top", "Back to the first key.", show=False),
    KeyAction("help.end", "G,end", "scroll_end", "Bottom", "On to the last key.", show=False),
    KeyAction(
        "help.page_down", "pagedown,space", "page_down", "Page down", "Scroll a page.", show=False
    ),
    KeyAction("help.page_up", "pageup,b", "page_up", "Page up", "Scroll a page back.", show=False),
    KeyAction(
        "help.ids", "i", "toggle_ids", "Key names", "Show the names a keymap file uses instead."
    ),
)


@dataclass(slots=True)
class KeyEntry:
    """One action as the help screen and the palette show it."""

    namespace: DOMNode
    action: str
    keys: list[str]  # as displayed: "j", "↓"
    description: str
    help: str
    enabled: bool = True
    id: str | None = None  # what a keymap file names to change the key


@dataclass(slots=True)
class KeySection:
    title: str
    entries: list[KeyEntry] = field(default_factory=list)
    focused: bool = False  # part of the focus chain: these keys work right now


def section_title(node: DOMNode) -> str:
    """A pane's name: its declared group title, else the border title of the pane it is in."""
    if isinstance(node, App | Screen):
        return "Everywhere"
    if node.BINDING_GROUP_TITLE:
        return node.BINDING_GROUP_TITLE
    for ancestor in node.ancestors_with_self:
        if isinstance(ancestor, Widget) and ancestor.border_title:
            return str(ancestor.border_title)
    return type(node).__name__


def _is_project_node(node: DOMNode) -> bool:
    return type(node).__module__.startswith("reader.")


def project_bindings(node: DOMNode, keymap: Mapping[str, str] | None = None) -> list[Binding]:
    """Bindings that newsreader's own classes declare for ``node`` (subclass wins per key).

    Textual's base widgets add generic bindings ("Scroll Up"); for a pane without focus
    only the project's own keys say what the pane is for. ``keymap`` (binding id to keys)
    is the user's rebinding, applied as Textual applies it to focused widgets.
    """
    keymap = keymap or {}
    by_key: dict[str, Binding] = {}
    for cls in reversed(type(node).__mro__):
        if not cls.__module__.startswith("reader."):
            continue
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            if binding.id in keymap:
                for key in keymap[binding.id].split(","):
                    by_key[key.strip()] = binding.with_key(key.strip())
            else:
                by_key[binding.key] = binding
    return list(by_key.values())


class KeymapError(Exception):
    """The keymap file cannot be used; ``str(error)`` is one line naming it."""


def load_keymap(path: Path) -> dict[str, str]:
    """Read ``id = "keys"`` lines (TOML) from ``path``; no file means no changes."""
    import tomllib

    try:
        with path.open("rb") as file:
            table = tomllib.load(file)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(f"{path}: {error}") from error
    wrong = [key for key, value in table.items() if not isinstance(value, str) or not value]
    if wrong:
        raise KeymapError(f'{path}: {wrong[0]} must be keys in quotes, e.g. "j,down"')
    return dict(table)


def known_binding_ids(nodes: list[DOMNode]) -> set[str]:
    return {binding.id for node in nodes for binding in project_bindings(node) if binding.id}


def _add(
    sections: dict[str, KeySection],
    namespace: DOMNode,
    binding: Binding,
    *,
    enabled: bool,
    focused: bool,
) -> None:
    if binding.system or not binding.description:
        return
    title = section_title(namespace)
    section = sections.setdefault(title, KeySection(title, focused=focused))
    key = namespace.app.get_key_display(binding)
    for entry in section.entries:
        if entry.action == binding.action and entry.namespace is namespace:
            if key not in entry.keys:
                entry.keys.append(key)
            return
    section.entries.append(
        KeyEntry(
            namespace,
            binding.action,
            [key],
            binding.description,
            binding.tooltip,
            enabled,
            binding.id,
        )
    )


def key_sections(
    screen: Screen, panes: list[Widget], keymap: Mapping[str, str] | None = None
) -> list[KeySection]:
    """What every key does on ``screen``: the focus chain first, then the other panes.

    Our own widgets show the keys they declare (the generic "Scroll Left" a list inherits
    from Textual means nothing to a reader); Textual's widgets, such as a text box, show
    all of theirs, since those are the keys that edit text.
    """
    sections: dict[str, KeySection] = {}
    declared: dict[DOMNode, list[str]] = {}

    def declared_actions(node: DOMNode) -> list[str]:
        if node not in declared:
            declared[node] = [binding.action for binding in project_bindings(node)]
        return declared[node]

    for active in screen.active_bindings.values():
        node = active.node
        generic = _is_project_node(node) and not isinstance(node, App | Screen)
        if generic and active.binding.action not in declared_actions(node):
            continue
        _add(sections, node, active.binding, enabled=active.enabled, focused=True)
    chain = set(screen.focused.ancestors_with_self) if screen.focused else set()
    for pane in panes:
        for node in [pane, *pane.query("*")]:
            if node in chain:
                continue
            for binding in project_bindings(node, keymap):
                # A pane hides what makes no sense right now ("Clear filter" with no filter).
                if node.check_action(binding.action, ()) is False:
                    continue
                _add(sections, node, binding, enabled=True, focused=False)
    for section in sections.values():
        # Declared order reads best ("Next" before "Previous"); Textual's own keys go last.
        first_seen: dict[DOMNode, int] = {}
        for entry in section.entries:
            first_seen.setdefault(entry.namespace, len(first_seen))
        section.entries.sort(
            key=lambda entry: (
                first_seen[entry.namespace],
                *_declared_position(entry, declared_actions),
            )
        )
    # The app-wide section comes after the focused pane: its keys are what the reader came for.
    ordered = sorted(sections.values(), key=lambda s: (not s.focused, s.title == "Everywhere"))
    return [section for section in ordered if section.entries]


def _declared_position(
    entry: KeyEntry, declared_actions: Callable[[DOMNode], list[str]]
) -> tuple[int, int]:
    actions = declared_actions(entry.namespace)
    if entry.action in actions:
        return (0, actions.index(entry.action))
    return (1, 0)
