"""Where a story came from, as one short line for the reader's header.

A web address keeps its site and as much of its end as fits; a path is shown
from the current folder or the home folder when it is under one, and keeps its
end (the file's name) when it is too long. Widths are terminal cells.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from rich.cells import cell_len, get_character_cell_size

from reader.safe_text import visible

ELLIPSIS = "…"
# Below this many cells for the end of an address, its site alone says more.
_MIN_TAIL = 8


def where_from(url: str | None, path: str | None, width: int) -> str:
    """The story's address, else its path, in at most ``width`` cells ("" for neither)."""
    if url:
        text = _printable(url)
        return _fit(text, width, head=_site(text))
    if path:
        return _fit(_printable(short_path(path)), width)
    return ""


def short_path(path: str) -> str:
    """``path`` from the current folder, else from home (``~/``), else as it is."""
    target = Path(path)
    bases: list[tuple[Path, str]] = []
    with suppress(OSError):  # the current folder may have been removed
        bases.append((Path.cwd(), ""))
    with suppress(RuntimeError):  # no home folder known
        bases.append((Path.home(), "~/"))
    for base, prefix in bases:
        if target.is_relative_to(base) and target != base:
            return prefix + str(target.relative_to(base))
    return path


def _printable(text: str) -> str:
    # Control characters shown as escapes (the file can still be found by its name);
    # other invisible characters would make the cell count lie.
    text = visible(text)
    return text if text.isprintable() else "".join(c if c.isprintable() else "\ufffd" for c in text)


def _site(url: str) -> str:
    """``https://example.org/`` of an address (empty when it has no path)."""
    host_start = url.find("//")
    slash = url.find("/", host_start + 2 if host_start >= 0 else 0)
    return url[: slash + 1] if slash >= 0 else ""


def _fit(text: str, width: int, head: str = "") -> str:
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    if head:
        room = width - cell_len(head) - cell_len(ELLIPSIS)
        if room >= _MIN_TAIL:
            return head + ELLIPSIS + _last_cells(text[len(head) :], room)
        return _first_cells(text, width - 1) + ELLIPSIS  # the site says the most
    return ELLIPSIS + _last_cells(text, width - 1)


def _last_cells(text: str, cells: int) -> str:
    used = 0
    start = len(text)
    while start > 0:
        size = get_character_cell_size(text[start - 1])
        if used + size > cells:
            break
        used += size
        start -= 1
    return text[start:]


def _first_cells(text: str, cells: int) -> str:
    used = 0
    for end, char in enumerate(text):
        used += get_character_cell_size(char)
        if used > cells:
            return text[:end]
    return text
