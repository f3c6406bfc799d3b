"""The one exception every loader raises for a file it cannot turn into a story."""

from __future__ import annotations


class SourceError(Exception):
    """A file or folder that cannot be read as a story.

    ``str(error)`` is one human line that starts with the path, e.g.
    ``"photos/cat.jpg: not a text file"``, ready for stderr or a notification.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
