"""The app's two themes: ink (dark) and paper (light).

Each names the highlight colours the reader draws names in; their contrast with the
text is checked in tests/ui/test_highlight_colours.py (WCAG 4.5:1).
"""

from __future__ import annotations

import os
from collections.abc import Container
from pathlib import Path

from textual.theme import Theme

SETTINGS_FILE = "ui.json"  # in the config folder: what the reader chose in the app (theme)

INK = Theme(
    name="newsreader-ink",
    primary="#6FA8DC",
    secondary="#9AA7B8",
    accent="#E9B35F",
    warning="#E0A84E",
    error="#E06C75",
    success="#8FBF7F",
    foreground="#E6E1D6",
    background="#15171C",
    surface="#1B1E24",
    panel="#252932",
    dark=True,
    variables={
        "block-cursor-background": "#2E4A66",
        "block-cursor-foreground": "#F4F1EA",
        "block-cursor-text-style": "none",
        "block-cursor-blurred-background": "#262C36",
        "block-cursor-blurred-foreground": "#E6E1D6",
        "footer-key-foreground": "#E9B35F",
        "input-selection-background": "#6FA8DC 35%",
        "name-person": "#8CC4FF",
        "name-organisation": "#D7A6F5",
        "name-place": "#F2A38F",
        "name-other": "#D9D27A",
    },
)

PAPER = Theme(
    name="newsreader-paper",
    primary="#2D5F8B",
    secondary="#5A6B7D",
    accent="#A8551A",
    warning="#A8551A",
    error="#B3261E",
    success="#3B7A3B",
    foreground="#2B2A27",
    background="#F7F3EA",
    surface="#F1ECE1",
    panel="#E4DDCF",
    dark=False,
    variables={
        "block-cursor-background": "#CFDDEA",
        "block-cursor-foreground": "#1E1D1B",
        "block-cursor-text-style": "none",
        "block-cursor-blurred-background": "#E4DDCF",
        "block-cursor-blurred-foreground": "#2B2A27",
        "footer-key-foreground": "#A8551A",
        "name-person": "#1D4E89",
        "name-organisation": "#6B2F8A",
        "name-place": "#8A1F1F",
        "name-other": "#4F5A00",
    },
)


def saved_theme(config: Path, available: Container[str]) -> str | None:
    """The theme the reader chose last time, if it is one of ``available``."""
    try:
        text = (config / SETTINGS_FILE).read_text("utf-8")
    except (OSError, ValueError):
        return None  # first run, or a file we cannot read: the default theme will do
    import json  # only with a file to read: json's import is ~1.5 ms of start-up

    try:
        saved = json.loads(text)
    except ValueError:
        return None
    theme = saved.get("theme") if isinstance(saved, dict) else None
    return theme if isinstance(theme, str) and theme in available else None


def save_theme(config: Path, name: str) -> None:
    """Keep theme ``name`` for next time (written whole, then renamed into place);
    raises OSError when it cannot be written."""
    import json

    path = config / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".json.partial")
    partial.write_text(json.dumps({"theme": name}), encoding="utf-8")
    os.replace(partial, path)
