"""The one exception every loader raises for a file it cannot turn into a story."""

from __future__ import annotations


def printable(location: object) -> str:
    """A path or address safe to print anywhere.

    A file name that is not valid UTF-8 reaches Python with lone surrogates,
    which a strict UTF-8 stream (or a JSON writer) refuses; they become U+FFFD.
    """
    text = str(location)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class SourceError(Exception):
    """A file or folder that cannot be read as a story.

    ``str(error)`` is one human line that starts with the path, e.g.
    ``"photos/cat.jpg: not a text file"``, ready for stderr or a notification.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{printable(path)}: {reason}")
