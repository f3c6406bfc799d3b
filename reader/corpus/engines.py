"""Where batches are analysed: here, in a process pool, or on a Dask cluster.

Every engine takes batches in input order and gives back each batch with its outcomes
in that same order, whatever order the workers finish in, so the output is the same
byte for byte on one core, on all cores or on a cluster. Only a few batches are in
flight at once (a window), so memory does not grow with the input.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import deque
from collections.abc import Generator, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from reader.corpus.batch import (
    BatchResult,
    Counts,
    Options,
    Payload,
    Problem,
    analyze_batch,
    block_lines,
)

# The pool's modules are imported by the pool: a run on one core (one story, one batch)
# never starts one, and multiprocessing with concurrent.futures costs ~10 ms to import.
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor


class EngineError(Exception):
    """An engine cannot run (Dask missing, scheduler unreachable): one line, status 2."""


class Batch(NamedTuple):
    """Documents that go to a worker together, and where they came from."""

    payload: Payload  # a block of JSON Lines, or story headers
    source: str  # where a block came from, for messages ("docs.jsonl")
    first_line: int  # the line number of a block's first line
    labels: Sequence[str] | None  # where each story came from; None for a block
    size: int  # bytes of input the batch took, for the progress display

    def label(self, index: int) -> str:
        """Where the document at ``index`` (a Problem's) came from: "docs.jsonl:12"."""
        if self.labels is not None:
            return self.labels[index]
        return f"{self.source}:{self.first_line + index}"

    def indexes(self) -> list[int]:
        """The index of each document in the batch (a block's blank lines have none)."""
        if isinstance(self.payload, bytes):
            return [index for index, _ in block_lines(self.payload)]
        return list(range(len(self.payload)))


class Engine(Protocol):
    def run(self, batches: Iterable[Batch]) -> Generator[tuple[Batch, BatchResult], None, None]: ...

    def close(self) -> None: ...


def lost_batch(batch: Batch, why: str) -> BatchResult:
    """The result of a batch whose worker was lost: each document says it was not analysed."""
    problems = tuple(Problem(index, f"not analysed: {why}", False) for index in batch.indexes())
    return BatchResult(b"", 0, Counts(), problems)


class SerialEngine:
    """Analyses each batch in this process: no start-up cost, one core."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def run(self, batches: Iterable[Batch]) -> Generator[tuple[Batch, BatchResult], None, None]:
        for batch in batches:
            yield batch, analyze_batch(batch.payload, self.options)

    def close(self) -> None:
        pass


def _worker_setup() -> None:
    # Ctrl-C reaches every process of the terminal's group: the main process stops the
    # workers, which must not print a KeyboardInterrupt traceback of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker never writes records: it must not hold the reader's end of stdout open
    # (`analyze ... | head` would wait for it).
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


# A batch in flight: its future (None once given up; already done for a batch analysed
# here) and how often its pool was restarted.
_InFlight = tuple[Batch, "Future[BatchResult] | None", int]
# While a Dask cluster starts, batches analysed here wait behind its: a few windows at most.
LOCAL_WINDOWS = 4


class PoolEngine:
    """A pool of ``jobs`` worker processes, each analysing whole batches.

    The workers are forked from this process once it has imported and warmed the
    analysis: each starts in a few milliseconds, ready for its first batch, and shares
    the word lists' memory with this process and its siblings. This process only hands
    out batches and writes records: analysing here as well would keep its interpreter
    lock from the pool's own threads, which pass the batches on, and the workers would
    wait for them.
    """

    def __init__(self, options: Options, jobs: int) -> None:
        self.options = options
        self.jobs = jobs
        self.window = 2 * jobs
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if _can_fork() else "forkserver"
        if method == "forkserver":
            # A worker forked from a small clean server that has warmed the analysis once
            # (a second start of the pool, or a system without fork).
            from reader.corpus.forkserver import POOL_PRELOAD, start_forkserver

            start_forkserver(POOL_PRELOAD)
        context = multiprocessing.get_context(method)
        pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_worker_setup)
        _widen_pipes(pool)
        if method == "fork":
            # The first task forks every worker at once. Forked with Ctrl-C ignored,
            # a worker ignores it from its first instruction on, not from its setup.
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                pool.submit(int)
            finally:
                signal.signal(signal.SIGINT, previous)
        return pool

    def run(self, batches: Iterable[Batch]) -> Generator[tuple[Batch, BatchResult], None, None]:
        pending: deque[_InFlight] = deque()
        for batch in batches:
            pending.append((batch, self._submit(batch), 0))
            while len(pending) >= self.window:
                yield self._next(pending)
        while pending:
            yield self._next(pending)

    def _submit(self, batch: Batch) -> Future[BatchResult]:
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._pool.submit(analyze_batch, batch.payload, self.options)
        except BrokenProcessPool as error:  # answered, restarted and resent by _next
            future: Future[BatchResult] = Future()
            future.set_exception(error)
            return future

    def _next(self, pending: deque[_InFlight]) -> tuple[Batch, BatchResult]:
        from concurrent.futures.process import BrokenProcessPool

        batch, future, restarts = pending.popleft()
        if future is None:
            return batch, lost_batch(batch, "its worker process stopped")
        try:
            return batch, future.result()
        except BrokenProcessPool:
            pass
        # A worker died (killed, out of memory) and the pool with it: every unfinished
        # batch goes once more to a new pool; one lost twice is reported, not retried.
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()
        entries = [(batch, future, restarts), *pending]
        pending.clear()
        for entry_batch, entry_future, entry_restarts in entries:
            if entry_future is not None and _succeeded(entry_future):
                pending.append((entry_batch, entry_future, entry_restarts))
            elif entry_restarts:
                pending.append((entry_batch, None, entry_restarts))
            else:
                pending.append((entry_batch, self._submit(entry_batch), 1))
        return self._next(pending)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


# A batch's records (some 2.5 times its input) and the next batches fit in a pipe this
# large, where the 64 KB a pipe holds by default made every trip wait: a worker could not
# finish sending its records, nor read its next batch, until this process's pool threads
# were scheduled to take or give the rest. 1 MB is what Linux lets any user ask for.
PIPE_BYTES = 1024 * 1024


def _widen_pipes(pool: ProcessPoolExecutor) -> None:
    """Let the pool's two pipes hold whole batches; measured: workers idle 4x less."""
    try:
        import fcntl

        set_size: int = fcntl.F_SETPIPE_SZ  # Linux only
        # The executor's own queues (private, but in every version since 3.8): the
        # batches go out through the first, the records come back through the second.
        pipes = (pool._call_queue._reader, pool._result_queue._reader)  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return
    for pipe in pipes:
        # A lower limit set by the system: the default size works, only slower.
        with contextlib.suppress(OSError):
            fcntl.fcntl(pipe.fileno(), set_size, PIPE_BYTES)


def done(result: BatchResult) -> Future[BatchResult]:
    """A batch analysed in this process, as a future already done."""
    from concurrent.futures import Future

    future: Future[BatchResult] = Future()
    future.set_result(result)
    return future


def _can_fork() -> bool:
    """Whether workers can be forked from this process: on Linux, with no other thread.

    A thread could hold a lock (of stderr, of the allocator) at the moment of the fork,
    and the worker would wait for it forever. Threads are counted by the kernel, so
    that those a native library started (a name finder's thread pool) count too.
    macOS's system libraries break in forked children, and Windows has no fork.
    """
    if sys.platform != "linux":
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _succeeded(future: Future[BatchResult]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None
