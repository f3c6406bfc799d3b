"""Tables kept in memory and on disk: each commit is a line appended to a journal.

Documents are held as their JSON bytes, so memory stays close to the file's size
and compaction writes them out without encoding them again. Reads never touch
the disk. A commit appends one line to the active journal, so its cost does not
grow with the database. ``commit(wait=True)`` fdatasyncs the line before it
returns; ``commit(wait=False)`` returns once the line is written (the kernel has
it: killing the process, even with SIGKILL, loses nothing) and a syncer thread
fdatasyncs it a moment later, one fsync for every line written meanwhile (group
commit); ``sync()`` waits until every line written so far is on the disk.
Compaction folds the journals into a fresh snapshot (temp file, fsync,
os.replace, directory fsync) in the background once the journal is large, and
always on close; after a clean close only the plain TinyDB file remains.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.store import files
from reader.store.errors import StoreError
from reader.store.files import Doc, encode_json
from reader.store.journal import EncodedOp, JournalContents, encode_ops, header_line, read_journal
from reader.store.snapshot import (
    BatchDigest,
    CorruptSnapshot,
    Digest,
    Encoded,
    Snapshot,
    keep_whole,
    read_snapshot,
    snapshot_chunks,
)

# Compact in the background once the journal outgrows both this and the snapshot.
COMPACT_AFTER_BYTES = 8 * 1024 * 1024
_READ_RETRIES = 20

# A change handed to commit: (table, doc_id, document or None to delete it).
Change = tuple[str, int, Doc | None]


@dataclass(slots=True)
class LoadReport:
    """What opening found, for the store to turn into a notice."""

    moved_aside: Path | None = None  # the damaged snapshot, kept under this name
    corrupt_reason: str | None = None
    damaged_lines: int = 0
    damaged_journals: list[int] = field(default_factory=list)


class DurableTables:
    """``table -> doc_id -> document`` with durable commits."""

    def __init__(
        self,
        path: Path,
        *,
        writable: bool,
        digest: Digest = keep_whole,
        batch_digest: BatchDigest | None = None,
    ) -> None:
        self.path = path
        self._digest = digest
        self._batch_digest = batch_digest
        self.writable = writable
        self.report = LoadReport()
        self.background_error: str | None = None
        # What `digest` kept of each document while opening; see take_loaded().
        self._loaded: dict[str, dict[int, Any]] = {}
        self._tables: Encoded = {}
        self._lock = threading.Lock()  # guards the tables and the active journal
        self._compacting = threading.Lock()  # one compaction at a time
        self._worker: threading.Thread | None = None
        self._journal_fd: int | None = None
        self._journal_size = 0
        self._journal_good_size = 0  # bytes known to end on a complete line
        self._snapshot_size = 0
        self._next_seq = 1
        self._unfolded_on_disk = False  # journals from an earlier session still to fold
        self._closed = False
        # Group commit: lines written and lines known to be on the disk, counted.
        self._written = 0
        self._synced = 0
        self._sync_error: str | None = None
        self._synced_changed = threading.Condition(self._lock)
        self._syncer: threading.Thread | None = None
        self._name_unsynced = False  # the journal's new name is not on the disk yet
        if writable:
            self._load_for_writing()
        else:
            self._load_for_reading()

    # -- opening -------------------------------------------------------------------

    def _load_for_writing(self) -> None:
        for temp in files.leftover_temp_files(self.path):
            with contextlib.suppress(OSError):
                temp.unlink()  # a compaction that a crash interrupted; the journal has it all
        try:
            snapshot = read_snapshot(self.path, self._digest, self._batch_digest)
        except CorruptSnapshot as error:
            self.report.corrupt_reason = str(error)
            self.report.moved_aside = self._move_aside()
            # Journals belong to the damaged snapshot's history; replaying them onto an
            # empty database still recovers every change made since it was last written.
            snapshot = Snapshot(folded=-1)
        self._adopt(snapshot)
        journals = files.list_journals(self.path)
        for seq, path in journals:
            if seq <= snapshot.folded:
                with contextlib.suppress(OSError):
                    path.unlink()  # already inside the snapshot: a crash hit mid-compaction
                continue
            self._replay(seq, read_journal(path))
            self._unfolded_on_disk = True
        self._next_seq = max([0, snapshot.folded, *(seq for seq, _ in journals)]) + 1

    def _load_for_reading(self) -> None:
        # A writer may compact while we read: the snapshot is replaced and old journals
        # deleted. Retry until the snapshot we read and the journals after it form one
        # unbroken history.
        last_error: Exception | None = None
        for _ in range(_READ_RETRIES):
            try:
                snapshot = read_snapshot(self.path, self._digest, self._batch_digest)
            except CorruptSnapshot as error:
                self.report.corrupt_reason = str(error)
                # Still the same damaged file at the end of the read: nothing changed.
                snapshot = Snapshot(folded=-1, inode=error.inode)
            self.report.damaged_lines = 0
            self._adopt(snapshot)
            try:
                expected = max(snapshot.folded, 0) + 1
                for seq, path in files.list_journals(self.path):
                    if seq <= snapshot.folded:
                        continue
                    if seq != expected:
                        raise FileNotFoundError(path)
                    self._replay(seq, read_journal(path))
                    expected += 1
                if snapshot.inode != _inode(self.path):
                    raise FileNotFoundError(self.path)
                return
            except FileNotFoundError as error:
                last_error = error
                time.sleep(0.01)
        raise StoreError(
            f"{self.path} kept changing while it was being read ({last_error}); try again"
        )

    def _adopt(self, snapshot: Snapshot) -> None:
        self._tables = snapshot.encoded
        self._loaded = snapshot.digests
        self._snapshot_size = snapshot.size

    def _replay(self, seq: int, contents: JournalContents) -> None:
        for ops in contents.transactions:
            for table, doc_id, doc in ops:
                encoded = self._tables.setdefault(table, {})
                loaded = self._loaded.setdefault(table, {})
                if doc is None:
                    encoded.pop(doc_id, None)
                    loaded.pop(doc_id, None)
                else:
                    encoded[doc_id] = encode_json(doc)
                    loaded[doc_id] = self._digest(table, doc)
        if contents.damaged:
            self.report.damaged_lines += contents.damaged
            self.report.damaged_journals.append(seq)

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        stem = self.path.name.removesuffix(".json")
        for attempt in range(1000):
            extra = f"-{attempt}" if attempt else ""
            target = self.path.with_name(f"{stem}.corrupt-{stamp}{extra}.json")
            if not target.exists():
                break
        try:
            os.replace(self.path, target)
            files.fsync_dir(self.path.parent)
        except OSError as error:
            raise StoreError(
                f"{self.path} is damaged and could not be moved aside to {target.name}: "
                f"{error.strerror}"
            ) from None
        return target

    def take_loaded(self) -> dict[str, dict[int, Any]]:
        """What ``digest`` kept of each document while opening, handed over once."""
        loaded, self._loaded = self._loaded, {}
        return loaded

    # -- reading -------------------------------------------------------------------

    def get(self, table: str, doc_id: int) -> Doc | None:
        raw = self._tables.get(table, {}).get(doc_id)
        return None if raw is None else json.loads(raw)

    def ids(self, table: str) -> list[int]:
        return list(self._tables.get(table, {}))

    # -- writing -------------------------------------------------------------------

    def commit(self, changes: list[Change], *, wait: bool = True) -> None:
        """Write ``changes`` to the journal, then make them visible; raises StoreError and
        changes nothing if they cannot be written. With ``wait`` they are on the disk
        (fdatasync'd) when it returns; without, a background fdatasync follows."""
        if not self.writable:
            raise StoreError(f"{self.path} is open read-only; the change was not saved")
        if self._closed:
            raise StoreError(f"{self.path} is closed; the change was not saved")
        ops: list[EncodedOp] = [
            (table, doc_id, None if doc is None else encode_json(doc))
            for table, doc_id, doc in changes
        ]
        line = encode_ops(ops)
        with self._lock:
            self._append(line, wait)
            for table, doc_id, raw in ops:
                documents = self._tables.setdefault(table, {})
                if raw is None:
                    documents.pop(doc_id, None)
                else:
                    documents[doc_id] = raw
            due = self._journal_size > max(COMPACT_AFTER_BYTES, self._snapshot_size)
        if due:
            self.compact_in_background()

    def _append(self, line: bytes, wait: bool) -> None:
        try:
            if self._journal_fd is None:
                self._open_journal(wait)
            assert self._journal_fd is not None
            if self._journal_size != self._journal_good_size:
                # An earlier failed write left part of a line that could not be cut
                # off; end it so this line is read on its own.
                line = b"\n" + line
            files.write_all(self._journal_fd, line)
            if wait:
                os.fdatasync(self._journal_fd)
                if self._name_unsynced:
                    files.fsync_dir(self.path.parent)
                    self._name_unsynced = False
        except OSError as error:
            self._cut_back_after_failure()
            raise _write_error(self.path, error) from None
        self._journal_size += len(line)
        self._journal_good_size = self._journal_size
        self._written += 1
        if wait:
            # The journal's earlier lines went to the disk with this one; older journals
            # were synced when compaction closed them.
            self._synced = self._written
            self._synced_changed.notify_all()
        else:
            self._wake_syncer()

    # -- group commit ----------------------------------------------------------------

    def _wake_syncer(self) -> None:
        """Under ``_lock``: have the syncer thread fdatasync what is written."""
        if self._syncer is None or not self._syncer.is_alive():
            self._syncer = threading.Thread(target=self._sync_loop, name="store-sync", daemon=True)
            self._syncer.start()
        self._synced_changed.notify_all()

    def _sync_loop(self) -> None:
        while True:
            with self._lock:
                while self._synced >= self._written and not self._closed:
                    self._synced_changed.wait()
                if self._closed:
                    return
                target = self._written
                fd = None if self._journal_fd is None else os.dup(self._journal_fd)
                name, self._name_unsynced = self._name_unsynced, False
            # The fsync runs without the lock, so commits go on writing meanwhile; the
            # duplicate stays valid if compaction closes the journal in between.
            error: str | None = None
            if fd is not None:
                try:
                    os.fdatasync(fd)
                    if name:
                        files.fsync_dir(self.path.parent)
                        name = False
                except OSError as failure:
                    error = failure.strerror or str(failure)
                finally:
                    os.close(fd)
            with self._lock:
                self._name_unsynced = self._name_unsynced or name  # tried again next time
                self._sync_error = error
                self._synced = max(self._synced, target)
                self._synced_changed.notify_all()

    def sync(self) -> None:
        """Return once every line written so far is on the disk; StoreError if the disk
        refused (the changes are kept in memory and in the kernel, and retried)."""
        with self._lock:
            target = self._written
            if self._synced < target:
                self._wake_syncer()
            while self._synced < target and not self._closed:
                self._synced_changed.wait()
            error = self._sync_error
        if error is not None:
            raise StoreError(f"could not write {self.path} to the disk: {error}")

    def _open_journal(self, sync: bool) -> None:
        """A new journal; ``sync``: its header and its name on the disk before this returns.

        A commit that does not wait (the reading state's, made on the UI thread at the
        first j of a session) leaves both to the syncer thread, with its own line: the two
        fsyncs here held that key 0.1 to 0.25 s on a busy disk.
        """
        path = files.journal_path(self.path, self._next_seq)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            header = header_line()
            files.write_all(fd, header)
            if sync:
                os.fdatasync(fd)
                files.fsync_dir(self.path.parent)  # the new name must survive a power cut too
        except OSError:
            os.close(fd)
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        self._journal_fd = fd
        self._journal_size = self._journal_good_size = len(header)
        self._next_seq += 1
        self._name_unsynced = not sync

    def _cut_back_after_failure(self) -> None:
        if self._journal_fd is None:
            return
        try:
            self._journal_size = os.fstat(self._journal_fd).st_size
            os.ftruncate(self._journal_fd, self._journal_good_size)
            self._journal_size = self._journal_good_size
        except OSError:
            pass  # the next append starts with a newline instead

    # -- compaction ----------------------------------------------------------------

    def needs_compaction(self) -> bool:
        return self._journal_fd is not None or self._unfolded_on_disk

    def compact(self) -> None:
        """Fold every journal into a fresh snapshot; raises StoreError if it cannot be written."""
        if not self.writable:
            return
        with self._compacting:
            with self._lock:
                if not self.needs_compaction():
                    return
                frozen = {name: dict(documents) for name, documents in self._tables.items()}
                # Later commits go to a new journal; everything up to here is in `frozen`.
                fold_upto = self._next_seq - 1
                if self._journal_fd is not None:
                    if self._synced < self._written:
                        # The lines not yet synced must not wait for the new snapshot.
                        with contextlib.suppress(OSError):
                            os.fdatasync(self._journal_fd)
                    os.close(self._journal_fd)
                    self._journal_fd = None
                self._unfolded_on_disk = True
            try:
                size = files.replace_atomically(self.path, snapshot_chunks(frozen, fold_upto))
            except OSError as error:
                raise StoreError(
                    f"could not merge the journal into {self.path} ({error.strerror}); "
                    "nothing is lost, the journal beside it keeps every change"
                ) from None
            with self._lock:
                self._snapshot_size = size
                self._unfolded_on_disk = False
            self._remove_folded_journals(fold_upto)

    def _remove_folded_journals(self, fold_upto: int) -> None:
        for seq, path in files.list_journals(self.path):
            if seq > fold_upto:
                continue
            with contextlib.suppress(OSError):
                if seq in self.report.damaged_journals:
                    # Keep the damaged file for a human to look at.
                    kept = path.with_name(f"{path.name}.damaged")
                    if kept.exists():  # an earlier damaged journal of the same number
                        kept = path.with_name(f"{path.name}.{time.time_ns()}.damaged")
                    path.rename(kept)
                else:
                    path.unlink()

    def compact_in_background(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            return
        self._worker = threading.Thread(
            target=self._compact_quietly, name="store-compaction", daemon=True
        )
        self._worker.start()

    def _compact_quietly(self) -> None:
        try:
            self.compact()
            self.background_error = None
        except StoreError as error:
            self.background_error = str(error)

    def close(self) -> None:
        """Wait for a running compaction, fold what is left, release the journal."""
        if self._closed:
            return
        worker = self._worker
        if worker is not None:
            worker.join()
        try:
            self.compact()
        finally:
            with self._lock:
                self._closed = True
                self._synced_changed.notify_all()  # the syncer ends; sync() waits no more
                if self._journal_fd is not None:
                    os.close(self._journal_fd)
                    self._journal_fd = None


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


def _write_error(path: Path, error: OSError) -> StoreError:
    if error.errno == errno.ENOSPC:
        why = "the disk is full"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = "the folder is not writable"
    else:
        why = error.strerror or str(error)
    return StoreError(
        f"could not save to {path}: {why}; nothing already saved was lost, try again "
        "once that is fixed"
    )
