"""The one exception every loader raises for a file it cannot turn into a story."""

from __future__ import annotations

from reader.safe_text import clean_line, visible


def printable(location: object) -> str:
    """A path or address safe to print anywhere: control characters shown as ``\\x1b``
    escapes, and lone surrogates (a file name that is not UTF-8) as U+FFFD."""
    return visible(location)


class SourceError(Exception):
    """A file or folder that cannot be read as a story.

    ``str(error)`` is one human line that starts with the path, e.g.
    ``"photos/cat.jpg: not a text file"``, ready for stderr or a notification. The
    reason may quote a server (an HTTP reason phrase): it is cleaned like any strange text.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = clean_line(reason)
        super().__init__(f"{printable(path)}: {self.reason}")
