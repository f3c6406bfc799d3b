"""What every key does where the reader is: the sections of the help screen and the palette.

Built from the live bindings of the screen (so a user keymap shows), the keys of the
focus chain first, then those of the other panes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


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


def section_title(node: DOMNode, within: DOMNode | None = None) -> str:
    """A pane's name: its declared group title, else the border title of the pane it is in
    (``within``: the pane of a part not mounted yet, which has no ancestors to ask)."""
    if isinstance(node, App | Screen):
        return "Everywhere"
    if node.BINDING_GROUP_TITLE:
        return node.BINDING_GROUP_TITLE
    for ancestor in node.ancestors_with_self:
        if isinstance(ancestor, Widget) and ancestor.border_title:
            return str(ancestor.border_title)
    return type(node).__name__ if within is None else section_title(within)


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
            if binding.id is not None and binding.id in keymap:
                for key in keymap[binding.id].split(","):
                    by_key[key.strip()] = binding.with_key(key.strip())
            else:
                by_key[binding.key] = binding
    return list(by_key.values())


def _add(
    sections: dict[str, KeySection],
    namespace: DOMNode,
    binding: Binding,
    *,
    enabled: bool,
    focused: bool,
    within: DOMNode | None = None,
) -> None:
    if binding.system or not binding.description:
        return
    title = section_title(namespace, within)
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
        # A pane's parts mounted when first shown (the search bar...) have keys all the same.
        unbuilt: list[Widget] = getattr(pane, "unbuilt_parts", list)()
        for node in [pane, *pane.query("*"), *unbuilt]:
            if node in chain:
                continue
            within = pane if node in unbuilt else None
            for binding in project_bindings(node, keymap):
                # A pane hides what makes no sense right now ("Clear filter" with no filter).
                if node.check_action(binding.action, ()) is False:
                    continue
                _add(sections, node, binding, enabled=True, focused=False, within=within)
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


def current_key(screen: Screen, binding_id: str) -> str:
    """The key that runs ``binding_id`` on ``screen`` now, as a user's keymap set it: for
    hints written into a dialog, which must not name a key that no longer works."""
    for key, active in screen.active_bindings.items():
        if active.binding.id == binding_id:
            return key
    return "(no key)"
