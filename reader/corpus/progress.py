"""Documents done, documents per second and time left, on stderr when it is a terminal.

Nothing at all is drawn when stderr is a file or a pipe, so logs and scripts see only
the problem lines. The estimate follows bytes of input, which is known up front for
JSON Lines files and stdin redirected from a file.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


class Progress:
    def __init__(self, total_bytes: int | None, show: bool | None = None) -> None:
        if show is None:
            show = sys.stderr.isatty()
        self._bar: Any = None
        self._task: Any = None
        self._documents = 0
        if show:
            self._bar, self._task = _make_bar(total_bytes)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, documents: int, size: int) -> None:
        if self._bar is not None:
            self._documents += documents
            self._bar.update(self._task, advance=size, documents=self._documents)

    def print(self, line: str) -> bool:
        """Show ``line`` above the bar; False when there is no bar to print above."""
        if self._bar is None:
            return False
        self._bar.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)
        return True


def _make_bar(total_bytes: int | None) -> tuple[Any, Any]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress
    from rich.text import Text

    class DocumentRate(ProgressColumn):
        def render(self, task: Any) -> Text:
            elapsed = task.elapsed or 0.0
            rate = task.fields["documents"] / elapsed if elapsed > 0 else 0.0
            return Text(f"{rate:,.0f} docs/s")

    bar = RichProgress(
        TextColumn("{task.fields[documents]:,} documents"),
        DocumentRate(),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
    )
    task = bar.add_task("analyze", total=total_bytes, documents=0)
    return bar, task
