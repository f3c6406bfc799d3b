"""Stories that could not be read, told as warnings: one each, or one summary for many."""

from __future__ import annotations

from textual.app import App

MAX_SEPARATE_WARNINGS = 3


def report_skipped(app: App[None], errors: list[str]) -> None:
    """One warning per unreadable file; a messy folder gets one summary, not a flood."""
    if len(errors) <= MAX_SEPARATE_WARNINGS:
        for error in errors:
            app.notify(error, title="Story skipped", severity="warning", markup=False)
        return
    shown = "\n".join(errors[:MAX_SEPARATE_WARNINGS])
    more = len(errors) - MAX_SEPARATE_WARNINGS
    app.notify(
        f"{shown}\n…and {more} more.",
        title=f"{len(errors)} files skipped",
        severity="warning",
        timeout=15,
        markup=False,
    )
