"""Which pane holds the focus, kept as a class of the main screen (see main.tcss).

On a narrow screen only that pane shows; a wide one shows every pane whatever the class
says. A class change restyles the screen and every widget in it (~10 ms and more under
load, each time tab moves between the panes), so on a wide screen the class is changed
without a restyle: the switch to narrow restyles the screen anyway, with the class as it
is by then.
"""

from __future__ import annotations

from typing import Any

from textual.dom import DOMNode
from textual.screen import Screen

PANE_CLASSES = ("-pane-library", "-pane-reader", "-pane-annotations")
_PANE_OF_ID = {"library": "-pane-library", "reader": "-pane-reader"}
NARROW = "-narrow"  # the main screen's class below its breakpoint


def pane_class(widget: DOMNode | None) -> str | None:
    """The class of the pane ``widget`` is in, or None outside the panes."""
    node = widget
    while node is not None:
        if node.id == "annotations":
            return "-pane-annotations"
        if pane := _PANE_OF_ID.get(node.id or ""):
            return pane
        node = node.parent
    return None


def mark_focused_pane(screen: Screen[Any], widget: DOMNode | None) -> None:
    """Give ``screen`` the class of the pane that now holds the focus."""
    pane = pane_class(widget)
    if pane is None or screen.has_class(pane):
        return
    screen.remove_class(*PANE_CLASSES, update=False)
    screen.add_class(pane, update=screen.has_class(NARROW))
