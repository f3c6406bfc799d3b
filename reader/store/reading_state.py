"""What the reader has read, where they were in each story, and the last session.

Kept beside the annotation database (``annotations.reading.json`` next to
``annotations.json``) with the same durability: a plain TinyDB JSON file, a
journal line per change, one writer at a time (a second newsreader keeps its
changes in memory). The reader's moves come from the UI thread: a change is made in
memory there and handed to a thread of its own (reader/store/write_behind.py), which
writes it to the journal within moments, the latest place of a story winning, and the
store's syncer thread fdatasyncs it a moment later. A key never waits for the disk;
``flush`` (made by ``close`` and before a forced exit) waits for the writes, after
which killing newsreader loses nothing; a power cut can lose the last moments of
reading positions.

Stories are named by :func:`reading_key`: their web address, else their file,
else their id, so a story whose text was corrected keeps its place.
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.model import Article
from reader.store.durable import DurableTables
from reader.store.errors import StoreError
from reader.store.lock import WriterLock, holder_pid
from reader.store.write_behind import WriteBehind

STORIES = "stories"
SESSION = "session"
_SESSION_ID = 1
PANES = ("library", "reader")


def reading_state_path(db: Path) -> Path:
    """The reading state of the annotation database ``db``: ``<stem>.reading.json`` beside it."""
    return db.with_name(f"{db.stem}.reading.json")


def one_holder_of_both(db: Path) -> bool:
    """Whether the same other newsreader holds the annotation database ``db`` and its
    reading state: the usual second window, which then gets one notice for both."""
    pid = holder_pid(db)
    return pid is not None and pid == holder_pid(reading_state_path(db))


def reading_key(article: Article) -> str:
    """What names a story in the reading state, stable when its text changes."""
    if article.url:
        return article.url
    if article.path and article.path.lower().endswith((".rss", ".atom", ".xml", ".rdf")):
        return f"{article.path}#{article.id}"  # an item without a link, in a feed file
    return article.path or article.id


@dataclass(slots=True, frozen=True)
class Session:
    """Where the reader was when newsreader last closed (or last moved)."""

    story: str  # a reading_key
    offset: int | None = None  # the focused sentence's start in the story's text
    pane: str = "reader"  # one of PANES
    copy_style: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "offset": self.offset,
            "pane": self.pane,
            "copy_style": self.copy_style,
        }

    @classmethod
    def from_record(cls, doc: dict[str, Any]) -> Session | None:
        story, offset, pane, style = (doc.get(k) for k in ("story", "offset", "pane", "copy_style"))
        if not isinstance(story, str) or not story:
            return None
        return cls(
            story=story,
            offset=offset if _is_offset(offset) else None,
            pane=pane if pane in PANES else "reader",
            copy_style=style if isinstance(style, str) else None,
        )


@dataclass(slots=True)
class _Story:
    doc_id: int
    read: bool
    offset: int | None


def _is_offset(value: object) -> bool:
    return type(value) is int and value >= 0


class ReadingState:
    """Read marks, reading positions and the session, safe to use from any thread."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        on_write_error: Callable[[str], None] | None = None,
    ) -> None:
        """``on_write_error(text)``: called once, from the writer's thread, if the disk
        refuses a change; the state goes on in memory (read-only) after that."""
        self.path = Path(path)
        self.read_only = read_only
        self._on_write_error = on_write_error
        self.notice: str | None = None
        self.held_elsewhere = False  # another newsreader has it open
        self._lock = threading.RLock()
        self._writer: WriterLock | None = None
        if not read_only:
            self._take_writer_lock()
        try:
            self._tables = DurableTables(self.path, writable=not self.read_only)
        except OSError as error:
            self._release()
            raise StoreError(f"could not open {self.path}: {error.strerror}") from None
        except StoreError:
            self._release()
            raise
        report = self._tables.report
        if report.moved_aside is not None:
            self.notice = (
                f"The reading state was damaged ({report.corrupt_reason}); it was kept as "
                f"{report.moved_aside} and started afresh."
            )
        self._stories: dict[str, _Story] = {}
        self._session: Session | None = None
        self._next_id = 1
        self._load()
        self._behind = WriteBehind(self._tables, self._write_failed)

    def _take_writer_lock(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = WriterLock.try_acquire(self.path)
        except OSError as error:
            self.read_only = True
            why = "is not writable" if error.errno in (errno.EACCES, errno.EROFS) else "failed"
            self.notice = f"Reading positions will not be saved: {self.path} {why}."
            return
        if self._writer is None:
            self.read_only = True
            self.held_elsewhere = True
            self.notice = (
                "Another newsreader is open: what you read here is not remembered after "
                "you close this one."
            )

    def _release(self) -> None:
        if self._writer is not None:
            self._writer.release()
            self._writer = None

    def _load(self) -> None:
        loaded = self._tables.take_loaded()
        for doc_id, doc in loaded.get(STORIES, {}).items():
            if not isinstance(doc, dict) or not isinstance(doc.get("key"), str):
                continue  # left in the file for a human; never shown half-read
            offset = doc.get("offset")
            self._stories[doc["key"]] = _Story(
                doc_id, doc.get("read") is True, offset if _is_offset(offset) else None
            )
        self._next_id = max(self._tables.ids(STORIES), default=0) + 1
        session = loaded.get(SESSION, {}).get(_SESSION_ID)
        if isinstance(session, dict):
            self._session = Session.from_record(session)

    # -- reading -------------------------------------------------------------------

    def is_read(self, key: str) -> bool:
        with self._lock:
            story = self._stories.get(key)
            return story is not None and story.read

    def position(self, key: str) -> int | None:
        """Where the focus was in the story (an offset into its text), if anywhere."""
        with self._lock:
            story = self._stories.get(key)
            return None if story is None else story.offset

    def read_keys(self) -> frozenset[str]:
        """The keys of every story marked read, as they are now."""
        with self._lock:
            return frozenset(key for key, story in self._stories.items() if story.read)

    def unread(self, keys: list[str]) -> int:
        with self._lock:
            return sum(1 for key in keys if not self.is_read(key))

    @property
    def session(self) -> Session | None:
        with self._lock:
            return self._session

    # -- changes -------------------------------------------------------------------

    def set_read(self, key: str, read: bool = True) -> bool:
        """Mark a story read (or unread again); True if that changed anything."""
        with self._lock:
            story = self._stories.get(key)
            if story is not None and story.read == read:
                return False
            self._save_story(key, read, story.offset if story else None)
            return True

    def set_position(self, key: str, offset: int | None) -> None:
        """Remember where the focus is in a story; moving in it also makes it read."""
        with self._lock:
            story = self._stories.get(key)
            if story is not None and story.offset == offset and story.read:
                return
            self._save_story(key, True, offset)

    def save_session(self, session: Session) -> None:
        with self._lock:
            if session == self._session:
                return
            self._session = session
            self._commit([(SESSION, _SESSION_ID, session.record())])

    def _save_story(self, key: str, read: bool, offset: int | None) -> None:
        story = self._stories.get(key)
        if story is None:
            story = self._stories[key] = _Story(self._next_id, read, offset)
            self._next_id += 1
        story.read, story.offset = read, offset
        self._commit([(STORIES, story.doc_id, {"key": key, "read": read, "offset": offset})])

    def _commit(self, changes: list[tuple[str, int, dict[str, Any] | None]]) -> None:
        # Read-only (another newsreader writes): the change lives in memory for this session.
        if not self.read_only:
            self._behind.put(changes)

    def _write_failed(self, error: str) -> None:
        """In the writer's thread: the disk refused a change."""
        self.read_only = True
        if self._on_write_error is not None:
            self._on_write_error(f"could not save {self.path}: {error}")

    # -- closing -------------------------------------------------------------------

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every change so far is written to the journal (a kill loses none
        of it); False if ``timeout`` seconds passed first."""
        return self._behind.flush(timeout)

    def sync(self) -> None:
        """Wait until every change so far is on the disk."""
        self._behind.flush()
        if not self.read_only:
            self._tables.sync()

    def close(self) -> None:
        """Write what is left, fold the journal into the file and let another
        newsreader write."""
        # Not under _lock: the UI thread reads the state while the last lines are written.
        self._behind.close()
        with self._lock:
            try:
                self._tables.close()
            finally:
                self._release()

    def __enter__(self) -> ReadingState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
