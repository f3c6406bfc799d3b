"""The subscriptions file: the sources a reader follows, one a line, editable by hand.

Like newsboat's urls file: a source (a feed or page address, a file, a folder), then
optional tags, separated by spaces; a tag with spaces is quoted (``"long reads"``); a
tag that starts with ``~`` is the source's title. Lines that start with ``#`` are
comments and, like blank lines, survive every edit the commands make.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.export.files import write_atomically
from reader.safe_text import clean_line
from reader.sources.kinds import is_url

FILE_NAME = "subscriptions"
TITLE_MARK = "~"
# A hand-edited file is small; anything far larger is not ours to load whole.
MAX_FILE_BYTES = 8 * 1024 * 1024

HEADER = (
    "# newsreader subscriptions: one source a line (a feed or page address, a file or a\n"
    '# folder), then optional tags; quote a tag with spaces ("long reads"); a tag that\n'
    '# starts with ~ is the title ("~Morning paper"). Lines starting with # are comments.\n'
)


class SubscriptionError(Exception):
    """A subscriptions file or request that cannot be honoured: one line for the user."""


@dataclass(slots=True, frozen=True)
class Subscription:
    source: str
    tags: tuple[str, ...] = ()
    title: str | None = None

    def line(self) -> str:
        words = [self.source, *self.tags]
        if self.title:
            words.append(TITLE_MARK + self.title)
        return " ".join(_quoted(word) for word in words)


def _quoted(word: str) -> str:
    # Only quote when needed, so the file stays as plain as a person would write it.
    if word and not any(c.isspace() or c in "\"'\\#" for c in word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_line(line: str) -> Subscription | None:
    """The subscription on one line of the file, or None for a blank or comment line."""
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return None
    try:
        words = shlex.split(stripped, posix=True)
    except ValueError:  # an unclosed quote: keep the words as they are written
        words = stripped.split()
    source, *rest = words
    title = None
    tags: list[str] = []
    for word in rest:
        if word.startswith(TITLE_MARK) and len(word) > 1:
            title = clean_line(word[1:]) or None
        elif cleaned := clean_line(word):
            tags.append(cleaned)
    return Subscription(source=source, tags=tuple(dict.fromkeys(tags)), title=title)


def normalise_source(source: str, *, must_exist: bool = True) -> str:
    """How a source is written in the file: an address as given, a path made absolute
    (so it means the same thing from any folder the reader is started in)."""
    if is_url(source):
        return source.strip()
    if source.lower().startswith("file://"):
        from urllib.parse import unquote, urlsplit

        source = unquote(urlsplit(source).path)
    path = Path(source).expanduser()
    if must_exist and not path.exists():
        raise SubscriptionError(f"{source}: no such file or folder")
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


class SubscriptionsFile:
    """The file in the config dir; every change rewrites it atomically."""

    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / FILE_NAME

    def _lines(self) -> list[str]:
        try:
            with open(self.path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return []
        except OSError as error:
            raise SubscriptionError(f"{self.path}: {error.strerror or error}") from None
        if len(data) > MAX_FILE_BYTES:
            raise SubscriptionError(f"{self.path}: larger than {MAX_FILE_BYTES >> 20} MB")
        return data.decode("utf-8", errors="replace").splitlines()

    def read(self) -> list[Subscription]:
        found = (parse_line(line) for line in self._lines())
        return [subscription for subscription in found if subscription is not None]

    def _write(self, lines: list[str]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, "".join(line + "\n" for line in lines))
        except OSError as error:
            raise SubscriptionError(f"{self.path}: {error.strerror or error}") from None

    def add(self, subscriptions: Iterable[Subscription]) -> tuple[list[Subscription], int]:
        """Append the new ones; a source already there keeps its line (and gains any new
        tags). Returns (added, how many were already there)."""
        lines = self._lines() or HEADER.splitlines()
        at_line = {
            parsed.source: at
            for at, line in enumerate(lines)
            if (parsed := parse_line(line)) is not None
        }
        added: list[Subscription] = []
        known = 0
        for subscription in subscriptions:
            at = at_line.get(subscription.source)
            if at is None:
                at_line[subscription.source] = len(lines)
                lines.append(subscription.line())
                added.append(subscription)
                continue
            known += 1
            old = parse_line(lines[at])
            assert old is not None
            merged = Subscription(
                source=old.source,
                tags=tuple(dict.fromkeys((*old.tags, *subscription.tags))),
                title=old.title or subscription.title,
            )
            if merged != old:
                lines[at] = merged.line()
        self._write(lines)
        return added, known

    def remove(self, source: str) -> Subscription:
        """Drop the line of ``source`` (as written, or the path it names)."""
        lines = self._lines()
        wanted = {source.strip()}
        if not is_url(source):
            wanted.add(normalise_source(source, must_exist=False))
        for at, line in enumerate(lines):
            parsed = parse_line(line)
            if parsed is not None and parsed.source in wanted:
                del lines[at]
                self._write(lines)
                return parsed
        raise SubscriptionError(f"{source}: not subscribed")
