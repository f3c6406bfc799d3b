"""The app's analysis, run in a process of its own that is kept warm between stories.

The analysis is compiled with mypyc, and compiled code keeps the GIL until it returns:
run on one of the app's threads, a long story froze every key for seconds. Here it
runs in one worker process (``ProcessPoolExecutor``, spawn: no forked copy of the
app's threads or terminal), started when the first story opens and kept for the next.

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
import time
from collections.abc import Generator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from reader.cache.codec import Columns, Part, from_columns, to_columns
from reader.model import Analysis, Entity, EntityGroup, Quote

# A story longer than this is analysed block by block. Half a megabyte: the worker's
# peak for a block of a million one-line paragraphs is 36 MiB instead of 49 MiB, and
# each block that lands costs the app's thread half the interpreter time.
BLOCK_CHARS = 500_000
CONTEXT_CHARS = 4_000  # read before each block, for who "he" and "the minister" are
PARENT_POLL_SECONDS = 0.2  # how often the worker checks that the app is still there


class AnalysisCrashed(Exception):
    """The worker process died (killed, out of memory, a crash in compiled code)."""


# -- blocks ----------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Block:
    start: int
    end: int


def blocks(text: str, size: int = BLOCK_CHARS) -> list[Block]:
    """``text`` cut at paragraph breaks (else line breaks) into blocks of about ``size``."""
    found: list[Block] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n\n", start + size // 2, start + size)
        if cut >= 0:
            end = cut + 2
        else:
            cut = text.rfind("\n", start + size // 2, start + size)
            end = cut + 1 if cut >= 0 else start + size
        found.append(Block(start, end))
        start = end
    found.append(Block(start, len(text)))
    return found


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
        from reader.analysis.speaker_names import NameSpans

        quotes, entities, groups = list(self._quotes), list(self._entities), list(self._groups)
        if not counted:
            for group in groups:
                group.quote_count = 0
        # Counted over the whole story (a block's quote may be said by someone named
        # only in the block before it); while blocks still come, each quote once.
        count_quotes(NameSpans(self._text, entities, groups), quotes[counted:])
        return Analysis(quotes=quotes, entities=entities, groups=groups)

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


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(0)  # the app is gone, however it ended: so is its worker


def _worker_started(parent: int) -> None:
    import signal

    # Ctrl+C in the terminal is the app's to handle; the app ends this process itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _yield_to_the_app()


WORKER_NICENESS = 10  # added to the worker's scheduling niceness (Unix): see below


def _yield_to_the_app() -> None:
    """Let the app (and the terminal drawing it) take a core first whenever they need one.

    A huge story keeps this process busy for seconds. On two cores it shared the second
    with the app's threads, the terminal and everything else at the same priority, and a
    key waited for its turn behind the analysis. Niced, it still gets every idle cycle
    (the analysis takes as long on an idle machine) but gives way at once to a key.
    """
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)


def _warm_up(ner: str) -> int:
    """Load the analyzer and its tables, so the first story is analysed at full speed."""
    from reader.analysis import analyze

    analyze('"We are ready," said Ann Lee in Paris.\n', ner=ner)
    return os.getpid()


def _analyse_block(text: str, offset: int, keep_from: int, ner: str) -> Columns:
    """Analyse a block read with some paragraphs before it (``text`` up to ``keep_from``)
    so that "he said" at its top still finds who "he" is; only what starts in the block
    itself is kept."""
    from reader.analysis import analyze

    found = analyze(text, ner=ner)
    kept = without_context(text, found, keep_from) if keep_from else found
    return to_columns(text, kept, offset)


def without_context(text: str, analysis: Analysis, keep_from: int) -> Analysis:
    """``analysis`` of ``text`` without the quotes and names that start before
    ``keep_from``."""
    from reader.analysis.pipeline import count_quotes
    from reader.analysis.speaker_names import NameSpans

    quotes = [quote for quote in analysis.quotes if quote.start >= keep_from]
    entities = [entity for entity in analysis.entities if entity.start >= keep_from]
    kept = {id(entity) for entity in entities}
    groups: list[EntityGroup] = []
    number: dict[int, int] = {}
    for group in analysis.groups:
        mentions = [mention for mention in group.mentions if id(mention) in kept]
        if mentions:
            number[group.id] = len(groups)
            groups.append(EntityGroup(len(groups), group.name, group.label, mentions, 0))
    for entity in entities:
        entity.group = number.get(entity.group) if entity.group is not None else None
    # the quotes in the block, counted as analyze does
    count_quotes(NameSpans(text, entities, groups), quotes)
    return Analysis(quotes=quotes, entities=entities, groups=groups)


class AnalysisProcess:
    """One warm worker process; ``analyse`` yields the story's analysis block by block."""

    def __init__(self, ner: str = "builtin") -> None:
        self.ner = ner
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._closed = False

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise AnalysisCrashed("the app is closing")
            if self._executor is None:
                import multiprocessing

                _start_resource_tracker()

                self._executor = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_started,
                    initargs=(os.getpid(),),
                )
                self._executor.submit(_warm_up, self.ner)
            return self._executor

    def start(self) -> None:
        """Start the worker now (it then loads the analyzer while the app draws)."""
        self._pool()

    def worker_pids(self) -> list[int]:
        executor = self._executor
        processes = getattr(executor, "_processes", None) or {}
        return [process.pid for process in list(processes.values()) if process.pid]

    def analyse(
        self, text: str, visible: int = 0
    ) -> Generator[tuple[Block, Columns, bool], None, None]:
        """Each block of ``text`` (the one holding ``visible`` first) with its result, and
        whether it is the last to come.

        Raises AnalysisCrashed if the worker dies; the next call starts a new one.
        Stopping the iteration early cancels the blocks not yet started.
        """
        order = visible_first(blocks(text), visible)
        futures: list[Future[Columns]] = []
        try:
            pool = self._pool()
            for block in order:
                start = context_start(text, block.start)
                part = text[start : block.end]
                futures.append(
                    pool.submit(_analyse_block, part, start, block.start - start, self.ner)
                )
            for number, (block, future) in enumerate(zip(order, futures, strict=True), 1):
                yield block, self._result(future), number == len(order)
        except BrokenProcessPool as error:
            self._discard()
            raise AnalysisCrashed("the analysis process stopped unexpectedly") from error
        except RuntimeError as error:  # submitted after shutdown
            raise AnalysisCrashed(str(error)) from error
        finally:
            for future in futures:
                future.cancel()

    def _result(self, future: Future[Columns]) -> Columns:
        # Waits in steps, so a shutdown never leaves this thread waiting for good.
        while True:
            if self._closed:
                raise AnalysisCrashed("the app is closing")
            with contextlib.suppress(TimeoutError):
                return future.result(timeout=PARENT_POLL_SECONDS)

    def _discard(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            _stop(executor)

    def shutdown(self) -> None:
        """End the worker now, without waiting for the block it is on."""
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is not None:
            _stop(executor)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real stderr.

    It hands ``sys.stderr.fileno()`` to its process; inside the app that is Textual's
    capture, whose file number is -1, and the launch fails ("bad value(s) in
    fds_to_keep"). The terminal's own stderr is what the tracker should have anyway.
    """
    import sys
    from multiprocessing import resource_tracker

    captured = sys.stderr
    try:
        usable = captured is not None and captured.fileno() >= 0
    except (OSError, ValueError, AttributeError):
        usable = False
    if not usable and sys.__stderr__ is not None:
        sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def _stop(executor: ProcessPoolExecutor) -> None:
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()


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
