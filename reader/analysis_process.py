"""The app's analysis, run in a process of its own that is kept warm between stories.

The analysis is compiled with mypyc, and compiled code keeps the GIL until it returns:
run on one of the app's threads, a long story froze every key for seconds. Here it
runs in one worker process (a fresh interpreter, reader/analysis_worker.py: no forked
copy of the app's threads or terminal), started when the first story opens and kept for
the next.

A long story is cut at paragraph breaks into blocks analysed one by one, the block on
screen first, so its highlights come back block by block and the worker never holds a
whole huge story's working set. Each block is read with a few paragraphs before it, so
"she said" at its top still finds who "she" is; names are joined across blocks.
Results travel as the flat columns of reader/cache/codec.py, the same ones the analysis
cache keeps.

The worker never outlives the app: it watches its parent and leaves when the parent
is gone (however the app ended), and ``shutdown_analysis_process`` ends it from the
app's exit path. No Textual here: the UI uses this module, not the other way round.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.cache.codec import Columns, Part, from_columns
from reader.model import Analysis, Entity, EntityGroup, Quote

if TYPE_CHECKING:
    from reader.analysis.speaker_names import NameSpans

# A story longer than this is analysed block by block. Half a megabyte: the worker's
# peak for a block of a million one-line paragraphs is 36 MiB instead of 49 MiB, and
# each block that lands costs the app's thread half the interpreter time.
BLOCK_CHARS = 500_000
# ... and of at most this many paragraphs: the worker's working set grows with the
# paragraphs too, and a block of 83,000 one-line ones ("A b.") took it 11 MiB over its
# tables where one of ordinary paragraphs of the same size takes 2,000 paragraphs.
BLOCK_PARAGRAPHS = 50_000
# Quotes credited to their speakers per call of the compiled count, which holds the
# interpreter lock throughout: ~1-2 ms of a key's wait at most, instead of the whole
# story's count (~130 ms for a 49 MB story's last block).
COUNT_BATCH = 2_048
CONTEXT_CHARS = 4_000  # read before each block, for who "he" and "the minister" are
PARENT_POLL_SECONDS = 0.2  # how often a thread waiting on the worker checks for the app's exit


class AnalysisCrashed(Exception):
    """The worker process died (killed, out of memory, a crash in compiled code)."""


# -- blocks ----------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Block:
    start: int
    end: int


def blocks(text: str, size: int = BLOCK_CHARS, paragraphs: int = BLOCK_PARAGRAPHS) -> list[Block]:
    """``text`` cut at paragraph breaks (else line breaks) into blocks of about ``size``
    characters, smaller where that many would hold more than ``paragraphs`` paragraphs."""
    found: list[Block] = []
    start = 0
    while len(text) - start > (step := _block_size(text, start, size, paragraphs)):
        cut = text.rfind("\n\n", start + step // 2, start + step)
        if cut >= 0:
            end = cut + 2
        else:
            cut = text.rfind("\n", start + step // 2, start + step)
            end = cut + 1 if cut >= 0 else start + step
        found.append(Block(start, end))
        start = end
    found.append(Block(start, len(text)))
    return found


def _block_size(text: str, start: int, size: int, paragraphs: int) -> int:
    """``size``, halved until a block of that many characters from ``start`` holds at
    most ``paragraphs`` paragraph breaks (counting is C speed: no Python per paragraph)."""
    while size > 2 * CONTEXT_CHARS and text.count("\n\n", start, start + size) > paragraphs:
        size //= 2
    return size


def context_start(text: str, start: int) -> int:
    """Where reading starts for the block at ``start``: a few paragraphs before it."""
    if start <= 0:
        return 0
    cut = text.rfind("\n\n", 0, max(0, start - CONTEXT_CHARS))
    return cut + 2 if cut >= 0 else 0


def visible_first(found: list[Block], offset: int) -> list[Block]:
    """The block holding ``offset``, then the ones after it, then the ones before."""
    at = next((n for n, block in enumerate(found) if block.end > offset), len(found) - 1)
    return found[at:] + found[:at][::-1]


class Merger:
    """Block results joined into one ``Analysis`` in text order.

    Each block was analysed alone, so one person has a group per block: groups of
    different blocks with the same name and label are folded into one (never two
    groups of the same block, which the analysis kept apart on purpose).

    Blocks that land in text order (a story read from its top) are folded in as they
    come; only a block landing before one already folded makes the next ``analysis``
    fold them all again. Folding everything for every block cost a 10 MB story ~0.3 s
    of interpreter time that the UI thread had to wait for.

    The quotes are credited to their speakers (``count_quotes``, compiled: it keeps the
    interpreter lock until it returns) against one index of the story's names that
    grows with each block, and the whole story's quotes are counted again at the end a
    few thousand at a time. An index made anew for every block held the lock ~12 ms a
    block at the end of a 49 MB story, and the last count ~130 ms in one go, and a key
    pressed meanwhile waited for both.
    """

    def __init__(self) -> None:
        # Each block's columns, kept for a fold from scratch; its objects only until they
        # are folded (the folded story holds copies of its names): a 49 MB story's names
        # were held twice for as long as it was open.
        self._columns: dict[int, Columns] = {}
        self.parts: dict[int, Analysis] = {}
        # The story the parts are of: kept across a fold from scratch, which reads the
        # parts' columns (and the quotes' speakers) against it again.
        self._text = ""
        self._start_folding()

    def _start_folding(self) -> None:
        self._folded: list[int] = []  # starts of the parts folded so far, in text order
        self._quotes: list[Quote] = []
        self._entities: list[Entity] = []
        self._groups: list[EntityGroup] = []
        self._earlier: dict[tuple[str, str], EntityGroup] = {}  # from blocks folded already
        self._names: NameSpans | None = None  # the folded names, grown with each block

    def add(self, text: str, start: int, columns: Columns) -> Analysis:
        """The analysis of the block starting at ``start``; returns it (its highlights
        are drawn from it)."""
        self._text = text
        self._columns[start] = columns
        part = self.parts[start] = from_columns(text, columns)
        return part

    @classmethod
    def of(cls, text: str, parts: list[Part]) -> Analysis:
        """The story's analysis from all its parts at once (as the cache keeps them)."""
        merger = cls()
        for start, columns in parts:
            merger.add(text, start, columns)
        return merger.analysis()

    def analysis(self, complete: bool = True) -> Analysis:
        """The story so far. ``complete`` False (more blocks to come): the quotes of the
        blocks folded before are not counted for their speakers again, only the new ones."""
        if len(self._columns) == 1:
            return next(iter(self.parts.values()))
        folded = set(self._folded)
        new = sorted(start for start in self._columns if start not in folded)
        if new and self._folded and new[0] < self._folded[-1]:
            self._start_folding()  # a block before those folded: fold them all afresh
            new = sorted(self._columns)
        counted = len(self._quotes) if self._folded and not complete else 0
        for start in new:
            self._fold(start)
        from reader.analysis.pipeline import count_quotes

        quotes, entities, groups = list(self._quotes), list(self._entities), list(self._groups)
        if not counted:
            for group in groups:
                group.quote_count = 0
        # Counted over the whole story (a block's quote may be said by someone named
        # only in the block before it); while blocks still come, each quote once.
        names = self._grown_names()
        for first in range(counted, len(quotes), COUNT_BATCH):
            count_quotes(names, quotes[first : first + COUNT_BATCH])
        return Analysis(quotes=quotes, entities=entities, groups=groups)

    def _grown_names(self) -> NameSpans:
        """The names folded so far, as a fresh ``NameSpans`` of them would hold them: the
        entities and groups are the folder's own lists, of which it has seen a part."""
        from reader.analysis.speaker_names import NameSpans

        names = self._names
        if names is None or names.entities is not self._entities:
            names = self._names = NameSpans(self._text, self._entities, self._groups)
        else:
            names.starts.extend(entity.start for entity in self._entities[len(names.starts) :])
        # What a count remembers (mentions joined to names, the surnames) was worked out
        # with fewer names: worked out again, as a new index would.
        names.joined = {}
        names._surnames = None
        return names

    def _fold(self, start: int) -> None:
        part = self.parts.pop(start, None) or from_columns(self._text, self._columns[start])
        groups, earlier = self._groups, self._earlier
        self._quotes += part.quotes
        mine: dict[int, EntityGroup] = {}
        added: dict[tuple[str, str], EntityGroup] = {}
        for group in part.groups:
            key = (group.name, group.label)
            kept = earlier.get(key)
            if kept is None:
                kept = EntityGroup(len(groups), group.name, group.label, [], 0)
                groups.append(kept)
                added.setdefault(key, kept)
            mine[group.id] = kept
        entities = self._entities
        for entity in part.entities:
            kept = mine.get(entity.group) if entity.group is not None else None
            copy = Entity(entity.start, entity.end, entity.text, entity.label, None)
            if kept is not None:
                copy.group = kept.id
                kept.mentions.append(copy)
            entities.append(copy)
        for key, kept in added.items():
            earlier.setdefault(key, kept)
        self._folded.append(start)


# -- the worker process ----------------------------------------------------------------


class _Worker:
    """The worker process and its two pipes: one request at a time, then its answer.

    Never more than one request is out: the worker reads a whole request before it
    analyses it, and the app reads each answer before it sends again, so neither side
    ever waits on a full pipe that the other is not reading. A request whose answer
    nobody waits for any more (a story closed mid-block) is read and dropped by the next
    one to send.
    """

    def __init__(self, ner: str) -> None:
        import subprocess
        import sys
        from multiprocessing.connection import Connection

        from reader.analysis_worker import BOOT

        worker_reads, app_writes = os.pipe()
        app_reads, worker_writes = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", BOOT, str(worker_reads), str(worker_writes),
                 str(os.getpid()), ner, *sys.path],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,  # a stray print must not land on the app's screen
                pass_fds=(worker_reads, worker_writes),
            )  # fmt: skip
        except BaseException:
            for fd in (app_writes, app_reads):
                os.close(fd)
            raise
        finally:
            os.close(worker_reads)
            os.close(worker_writes)
        self._requests = Connection(app_writes, readable=False)
        self._answers = Connection(app_reads, writable=False)
        self._turn = threading.Condition()
        self._out: object | None = None  # the request being answered, if any
        self._dropped = False  # nobody waits for that answer any more
        self.broken = False

    def ask(self, text: str, offset: int, keep_from: int, closed: threading.Event) -> object:
        """Send a request once the worker is free; a ticket to ``answer`` it with."""
        ticket = object()
        with self._turn:
            while self._out is not None:
                if self._dropped:
                    self._receive(closed)  # the closed story's answer, read and let go
                    self._out, self._dropped = None, False
                    break
                self._turn.wait(PARENT_POLL_SECONDS)
                if closed.is_set() or self.broken:
                    raise AnalysisCrashed("the app is closing")
            self._out = ticket
        try:
            self._requests.send((text, offset, keep_from))
        except OSError as error:
            self.broken = True
            raise AnalysisCrashed("the analysis process stopped unexpectedly") from error
        return ticket

    def answer(self, ticket: object, closed: threading.Event) -> Columns:
        """The answer to ``ticket``'s request (the worker's error raised here)."""
        done, value = self._receive(closed)
        with self._turn:
            if self._out is ticket:
                self._out = None
                self._turn.notify_all()
        if not done:
            raise value  # type: ignore[misc]  # an exception the worker raised
        return value  # type: ignore[return-value]

    def drop(self, ticket: object) -> None:
        """Nobody will wait for ``ticket``'s answer: the next request reads it first."""
        with self._turn:
            if self._out is ticket:
                self._dropped = True
                self._turn.notify_all()

    def _receive(self, closed: threading.Event) -> tuple[bool, object]:
        # Waits in steps, so a shutdown never leaves this thread waiting for good.
        try:
            while not self._answers.poll(PARENT_POLL_SECONDS):
                if closed.is_set():
                    raise AnalysisCrashed("the app is closing")
            answer: tuple[bool, object] = self._answers.recv()
            return answer
        except (EOFError, OSError) as error:
            self.broken = True
            raise AnalysisCrashed("the analysis process stopped unexpectedly") from error

    def stop(self) -> None:
        """End the process now, without waiting for the block it is on."""
        self.broken = True
        with contextlib.suppress(OSError):
            self.process.terminate()
        # Reaped on a thread of its own: a worker that takes a moment to go must not
        # keep the app's exit waiting, nor stay a zombie while the app runs on.
        threading.Thread(target=self._reap, daemon=True).start()

    def _reap(self) -> None:
        with contextlib.suppress(Exception):
            self.process.wait(timeout=5)


@dataclass(slots=True, frozen=True)
class _Pending:
    """A block sent to a worker, its answer not read yet."""

    worker: _Worker
    ticket: object


class AnalysisProcess:
    """One warm worker process; ``analyse`` yields the story's analysis block by block."""

    def __init__(self, ner: str = "builtin") -> None:
        self.ner = ner
        self._lock = threading.Lock()
        self._worker: _Worker | None = None
        self._closing = threading.Event()

    @property
    def _closed(self) -> bool:
        return self._closing.is_set()

    def _started(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise AnalysisCrashed("the app is closing")
            if self._worker is None or self._worker.broken:
                if self._worker is not None:
                    self._worker.stop()
                self._worker = _Worker(self.ner)  # it loads the analyzer as it starts
            return self._worker

    def start(self) -> None:
        """Start the worker now (it then loads the analyzer while the app draws)."""
        self._started()

    def worker_pids(self) -> list[int]:
        worker = self._worker
        return [worker.process.pid] if worker is not None and not worker.broken else []

    def analyse(
        self, text: str, visible: int = 0
    ) -> Generator[tuple[Block, Columns, bool], None, None]:
        """Each block of ``text`` (the one holding ``visible`` first) with its result, and
        whether it is the last to come.

        Raises AnalysisCrashed if the worker dies; the next call starts a new one.
        Stopping the iteration early leaves the blocks not yet sent unsent.
        """
        order = visible_first(blocks(text), visible)
        worker = self._started()
        pending: _Pending | None = None
        try:
            pending = self._send(worker, text, order[0])
            for number, block in enumerate(order, 1):
                assert pending is not None
                columns = self._result(pending)
                pending = None
                # The next block goes out before this one is handed over, so the worker
                # analyses it while the app draws this one's highlights. Each block is
                # sliced only when sent: slicing them all at once held a second copy of
                # the whole story until its last block came back.
                if number < len(order):
                    pending = self._send(worker, text, order[number])
                yield block, columns, number == len(order)
        finally:
            if pending is not None:
                pending.worker.drop(pending.ticket)

    def _send(self, worker: _Worker, text: str, block: Block) -> _Pending:
        start = context_start(text, block.start)
        ticket = worker.ask(text[start : block.end], start, block.start - start, self._closing)
        return _Pending(worker, ticket)

    def _result(self, pending: _Pending) -> Columns:
        return pending.worker.answer(pending.ticket, self._closing)

    def shutdown(self) -> None:
        """End the worker now, without waiting for the block it is on."""
        with self._lock:
            self._closing.set()
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()


_shared: AnalysisProcess | None = None
_shared_lock = threading.Lock()


def analysis_process(ner: str = "builtin") -> AnalysisProcess:
    """The app's one analysis process (made on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None or _shared.ner != ner or _shared._closed:
            _shared = AnalysisProcess(ner)
        return _shared


def shutdown_analysis_process() -> None:
    """End the analysis process, if one was started: called on the app's way out."""
    global _shared
    with _shared_lock:
        shared, _shared = _shared, None
    if shared is not None:
        shared.shutdown()
