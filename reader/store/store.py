"""AnnotationStore: the annotations of every story, durable, fast, safe to share."""

from __future__ import annotations

import errno
import os
import threading
from collections import Counter
from itertools import chain, repeat
from operator import attrgetter
from pathlib import Path
from types import TracebackType
from typing import Any

from reader.collection_pause import collection_paused
from reader.model import Annotation
from reader.safe_text import clean_annotation
from reader.store.durable import Change, DurableTables
from reader.store.errors import StoreError
from reader.store.fast_digest import Facts, annotation_rows, make_facts
from reader.store.lock import WriterLock, holder_pid
from reader.store.records import annotation_from_record, annotation_to_record

ANNOTATIONS = "annotations"
TAG_COLOURS = "tag_colours"


_ID, _ARTICLE_ID, _TAGS = attrgetter("id"), attrgetter("article_id"), attrgetter("tags")


class AnnotationStore:
    """Annotations kept in a TinyDB JSON file with a write-ahead journal beside it.

    Every method is safe to call from any thread. A save returns once its journal line
    is written (~0.1 ms): from then on no crash of newsreader, SIGKILL included, loses
    it. A thread of the store fdatasyncs the journal right after (one fsync for the
    saves made meanwhile), and ``sync()`` waits for that, so a caller that promises
    "saved" across a power cut calls it before saying so. A save raises StoreError,
    and changes nothing, when it cannot be written.
    If another process already has the database open, this one opens it read-only:
    ``read_only`` is then True and ``notice`` says so in a sentence for the UI.
    ``notice`` also reports a damaged file that was moved aside, and its new name.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = _through_links(Path(path))
        self.read_only = read_only
        self.notice: str | None = None
        self.held_elsewhere = False  # another newsreader has it open
        self._lock = threading.RLock()
        self._writer: WriterLock | None = None
        notices: list[str] = []
        if not read_only:
            self._take_writer_lock(notices)
        with collection_paused():
            self._open(notices)
        if not self.read_only and self._tables.needs_compaction():
            self._tables.compact_in_background()  # journals left by a crash

    def _open(self, notices: list[str]) -> None:
        try:
            self._tables = DurableTables(
                self.path, writable=not self.read_only, digest=_digest, batch_digest=_batch_digest
            )
        except StoreError:
            self._release_writer_lock()
            raise
        except OSError as error:
            self._release_writer_lock()
            raise StoreError(
                f"could not open the annotation database {self.path}: {error.strerror}"
            ) from None
        notices.extend(self._load_notices())
        self._doc_ids: dict[str, int] = {}
        self._by_article: dict[str, dict[str, None]] = {}
        self._tag_counts: Counter[str] = Counter()
        self._facts: dict[int, Facts] = {}
        self._colours: dict[str, tuple[int, str]] = {}  # tag -> (doc_id, colour)
        self.unreadable = 0  # records skipped because they could not be read
        self._next_doc_id = 1
        skipped = self._build_indexes()
        if skipped:
            notices.append(
                f"{skipped} annotation record(s) in {self.path} could not be read; they are "
                "kept in the file but not shown."
            )
        self.notice = " ".join(notices) or None

    # -- opening -------------------------------------------------------------------

    def _take_writer_lock(self, notices: list[str]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(self.path.parent, os.W_OK | os.X_OK):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            self._writer = WriterLock.try_acquire(self.path)
        except OSError as error:
            self.read_only = True
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                why = f"the folder {self.path.parent} is not writable"
            else:  # a file system without locks, a path through a file, ...
                why = f"{self.path} could not be locked for writing"
            notices.append(
                f"Annotations are read-only because {why} ({error.strerror}): new ones will "
                "not be saved."
            )
            return
        if self._writer is None:
            self.read_only = True
            self.held_elsewhere = True
            pid = holder_pid(self.path)
            who = f"Another newsreader (process {pid})" if pid else "Another newsreader"
            notices.append(
                f"{who} has {self.path} open, so annotations are read-only here: new ones "
                "will not be saved. Close the other one to tag in this window."
            )

    def _release_writer_lock(self) -> None:
        if self._writer is not None:
            self._writer.release()
            self._writer = None

    def _load_notices(self) -> list[str]:
        report = self._tables.report
        notices = []
        if report.moved_aside is not None:
            notices.append(
                f"The annotation database was damaged ({report.corrupt_reason}); it was "
                f"kept as {report.moved_aside} and a new one was started."
            )
        elif report.corrupt_reason is not None:
            notices.append(
                f"The annotation database {self.path} is damaged ({report.corrupt_reason}); "
                "it is left where it is (opened read-only), showing what its journal holds."
            )
        if report.damaged_lines:
            notices.append(
                f"{report.damaged_lines} damaged line(s) in the journal beside {self.path} "
                "were skipped; the journal is kept with a .damaged ending."
            )
        return notices

    def _build_indexes(self) -> int:
        loaded = self._tables.take_loaded()
        annotations: dict[int, Facts | None] = loaded.get(ANNOTATIONS, {})
        if not self._index_all_good(annotations):
            self._index_one_by_one(annotations)
        self._next_doc_id = max(self._tables.ids(ANNOTATIONS), default=0) + 1
        for doc_id, tag_colour in loaded.get(TAG_COLOURS, {}).items():
            if tag_colour is not None:
                self._colours[tag_colour[0]] = (doc_id, tag_colour[1])
        return len(annotations) - len(self._facts)

    def _index_all_good(self, annotations: dict[int, Facts | None]) -> bool:
        """Index every record at once, as long as each is readable and its id unique (a
        database newsreader wrote): the maps are built by C loops, only the grouping by
        story in Python. False, and nothing indexed, otherwise."""
        every = list(annotations.values())
        if None in every:
            return False
        ids = list(map(_ID, every))
        doc_ids = dict(zip(ids, annotations, strict=True))
        if len(doc_ids) != len(ids):
            return False
        self._doc_ids = doc_ids
        self._facts = annotations  # type: ignore[assignment]  # no None in it
        by_article = self._by_article
        for annotation_id, article_id in zip(ids, map(_ARTICLE_ID, every), strict=True):
            article = by_article.get(article_id)
            if article is None:
                article = by_article[article_id] = {}
            article[annotation_id] = None
        self._tag_counts.update(chain.from_iterable(map(_TAGS, every)))
        return True

    def _index_one_by_one(self, annotations: dict[int, Facts | None]) -> None:
        all_tags: list[str] = []
        # Locals, not attributes: this loop runs once per annotation on every open.
        doc_ids, by_fact, by_article = self._doc_ids, self._facts, self._by_article
        for doc_id, facts in annotations.items():
            if facts is None or facts.id in doc_ids:
                continue  # left in the file untouched, for a human to repair
            annotation_id = facts.id
            doc_ids[annotation_id] = doc_id
            by_fact[doc_id] = facts
            article = by_article.get(facts.article_id)
            if article is None:
                article = by_article[facts.article_id] = {}
            article[annotation_id] = None
            if facts.tags:
                all_tags.extend(facts.tags)
        self._tag_counts.update(all_tags)

    def _index(self, doc_id: int, facts: Facts) -> None:
        self._doc_ids[facts.id] = doc_id
        self._facts[doc_id] = facts
        self._by_article.setdefault(facts.article_id, {})[facts.id] = None
        self._tag_counts.update(facts.tags)

    def _unindex(self, doc_id: int) -> None:
        facts = self._facts.pop(doc_id)
        del self._doc_ids[facts.id]
        ids = self._by_article[facts.article_id]
        del ids[facts.id]
        if not ids:
            del self._by_article[facts.article_id]
        self._tag_counts.subtract(facts.tags)
        for tag in facts.tags:
            if self._tag_counts[tag] <= 0:
                del self._tag_counts[tag]

    # -- changes -------------------------------------------------------------------

    def add(self, annotation: Annotation) -> None:
        """Save a new annotation; StoreError if its id is taken or it cannot be saved."""
        self.add_many([annotation])

    def add_many(self, annotations: list[Annotation]) -> None:
        """Save several new annotations at once: all of them are saved, or none."""
        docs = [_checked_record(annotation) for annotation in annotations]
        with self._lock:
            ids = [doc["id"] for doc in docs]
            taken = [i for i in ids if i in self._doc_ids]
            if taken or len(set(ids)) != len(ids):
                raise StoreError(f"an annotation with id {(taken or ids)[0]} already exists")
            first = self._next_doc_id
            ops: list[Change] = [(ANNOTATIONS, first + n, doc) for n, doc in enumerate(docs)]
            self._tables.commit(ops, wait=False)
            self._next_doc_id = first + len(docs)
            for doc_id, doc in zip(range(first, first + len(docs)), docs, strict=True):
                self._index(doc_id, _facts_of(doc))

    def update(self, annotation: Annotation) -> None:
        """Replace the saved annotation with the same id; StoreError if there is none."""
        doc = _checked_record(annotation)
        with self._lock:
            doc_id = self._doc_ids.get(annotation.id)
            if doc_id is None:
                raise StoreError(f"there is no annotation {annotation.id} to update")
            self._tables.commit([(ANNOTATIONS, doc_id, doc)], wait=False)
            self._unindex(doc_id)
            self._index(doc_id, _facts_of(doc))

    def remove(self, annotation_id: str) -> Annotation | None:
        """Delete an annotation and return it (for undo), or None if there was none."""
        with self._lock:
            doc_id = self._doc_ids.get(annotation_id)
            if doc_id is None:
                return None
            old = self._tables.get(ANNOTATIONS, doc_id)
            self._tables.commit([(ANNOTATIONS, doc_id, None)], wait=False)
            self._unindex(doc_id)
            return self._readable(old)

    def set_tag_colour(self, tag: str, colour: str) -> None:
        """Remember the colour chosen for ``tag`` (any colour name Rich understands)."""
        if not tag or not isinstance(tag, str) or not isinstance(colour, str) or not colour:
            raise StoreError("a tag colour needs a tag and a colour name")
        with self._lock:
            if tag in self._colours:
                doc_id = self._colours[tag][0]
            else:
                doc_id = max(self._tables.ids(TAG_COLOURS), default=0) + 1
            self._tables.commit([(TAG_COLOURS, doc_id, {"tag": tag, "colour": colour})], wait=False)
            self._colours[tag] = (doc_id, colour)

    # -- queries -------------------------------------------------------------------

    def _readable(self, doc: dict[str, Any] | None) -> Annotation | None:
        if doc is None:
            return None
        try:
            # A record may come from an imported or hand-edited file: cleaned like any text.
            return clean_annotation(annotation_from_record(doc))
        except StoreError:
            self.unreadable += 1  # kept in the file as it is; never shown half-read
            return None

    def get(self, annotation_id: str) -> Annotation | None:
        with self._lock:
            doc_id = self._doc_ids.get(annotation_id)
            if doc_id is None:
                return None
            return self._readable(self._tables.get(ANNOTATIONS, doc_id))

    def for_article(self, article_id: str) -> list[Annotation]:
        """The story's annotations in reading order."""
        with self._lock:
            doc_ids = [self._doc_ids[i] for i in self._by_article.get(article_id, ())]
            docs = [self._tables.get(ANNOTATIONS, doc_id) for doc_id in doc_ids]
        found = [a for a in map(self._readable, docs) if a is not None]
        found.sort(key=lambda a: (a.selector.start, a.selector.end, a.created))
        return found

    def all(self) -> list[Annotation]:
        """Every readable annotation, grouped by story, in reading order within each."""
        with self._lock:
            article_ids = list(self._by_article)
        return [a for article_id in article_ids for a in self.for_article(article_id)]

    def sources_by_article(self) -> dict[str, str]:
        """Where each annotated story came from (path or URL), without reading any record."""
        with self._lock:
            return {
                article_id: self._facts[self._doc_ids[next(reversed(ids))]].source
                for article_id, ids in self._by_article.items()
            }

    def tags(self) -> list[str]:
        """Tags in use, most used first (ties in alphabetical order)."""
        with self._lock:
            counts = list(self._tag_counts.items())
        counts.sort(key=lambda item: (-item[1], item[0].casefold(), item[0]))
        return [tag for tag, _ in counts]

    def tag_colours(self) -> dict[str, str]:
        with self._lock:
            return {tag: colour for tag, (_, colour) in self._colours.items()}

    def counts_by_article(self) -> dict[str, int]:
        with self._lock:
            return {article_id: len(ids) for article_id, ids in self._by_article.items()}

    def __len__(self) -> int:
        with self._lock:
            return len(self._doc_ids)

    def sync(self) -> None:
        """Wait until every save made so far is on the disk (fdatasync'd); StoreError if
        the disk refused it."""
        self._tables.sync()

    @property
    def background_error(self) -> str | None:
        """Why the last background compaction failed (nothing is lost), if it did."""
        return self._tables.background_error

    # -- closing -------------------------------------------------------------------

    def compact(self) -> None:
        """Fold the journal into the JSON file now (close does this too)."""
        self._tables.compact()  # has its own locking; saves go on meanwhile

    def close(self) -> None:
        """Leave a plain TinyDB JSON file behind and let another instance write."""
        with self._lock:
            try:
                self._tables.close()
            finally:
                self._release_writer_lock()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _through_links(path: Path) -> Path:
    """The file a symlinked database path points at (which need not exist yet).

    Saving replaces the database file; done at the link it would replace the link with
    a regular file and leave the file it pointed at behind, silently. Working on the
    target instead keeps the link, and its journals and lock sit beside the file.
    """
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _checked_record(annotation: Annotation) -> dict[str, Any]:
    if not isinstance(annotation, Annotation):
        raise StoreError(f"only annotations can be saved, not {type(annotation).__name__}")
    record = annotation_to_record(annotation)
    annotation_from_record(record)  # raises StoreError naming a badly typed field
    return record


def _facts_of(doc: dict[str, Any]) -> Facts:
    """The facts of a record this store has just checked and saved."""
    return make_facts(doc["id"], doc["article_id"], doc["source"], tuple(doc["tags"]))


def _digest(table: str, doc: dict[str, Any]) -> Any:
    """What opening keeps of each stored document: just what the indexes need."""
    if table == ANNOTATIONS:
        return _facts(doc)
    if table == TAG_COLOURS:
        tag, colour = doc.get("tag"), doc.get("colour")
        return (tag, colour) if isinstance(tag, str) and isinstance(colour, str) else None
    return None


def _batch_digest(table: str, array: bytes, count: int) -> list[Any] | None:
    """``_digest`` of a batch of records at once (see reader/store/fast_digest.py)."""
    if table != ANNOTATIONS:
        return None
    return annotation_rows(array, count)


def _facts(doc: dict[str, Any]) -> Facts | None:
    """The facts, or None for a record too broken to index (checked fully when read)."""
    # `type(...) is` rather than isinstance: this runs once per record on every open.
    annotation_id, article_id, tags = doc.get("id"), doc.get("article_id"), doc.get("tags")
    if type(annotation_id) is not str or type(article_id) is not str or type(tags) is not list:
        return None
    source = doc.get("source")
    if type(source) is not str:
        return None
    if type(doc.get("selector")) is not dict:
        return None
    if not all(map(isinstance, tags, repeat(str))):
        return None
    return make_facts(annotation_id, article_id, source, tuple(tags))
