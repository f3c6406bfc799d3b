"""Where batches are analysed: here, in a process pool, or on a Dask cluster.

Every engine takes batches in input order and gives back each batch with its outcomes
in that same order, whatever order the workers finish in, so the output is the same
byte for byte on one core, on all cores or on a cluster. Only a few batches are in
flight at once (a window), so memory does not grow with the input.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, NamedTuple, Protocol

from reader.corpus.batch import Document, Options, Outcome, analyze_batch


class EngineError(Exception):
    """An engine cannot start (Dask missing, scheduler unreachable): one line, status 2."""


class Batch(NamedTuple):
    labels: list[str]  # where each document came from, for messages ("docs.jsonl:12")
    documents: list[Document]
    size: int  # bytes of input the batch took, for the progress display


class Engine(Protocol):
    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Outcome]]]: ...

    def close(self) -> None: ...


def lost_batch(batch: Batch, why: str) -> list[Outcome]:
    """Outcomes for a batch whose worker was lost: each document says it was not analysed."""
    return [Outcome(None, f"not analysed: {why}") for _ in batch.documents]


class SerialEngine:
    """Analyses each batch in this process: no start-up cost, one core."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Outcome]]]:
        for batch in batches:
            yield batch, analyze_batch(batch.documents, self.options)

    def close(self) -> None:
        pass


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the main process stops the pool, and a
    # worker must not print its own KeyboardInterrupt traceback on the way.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# A batch in a pool: its future (None once given up) and how often its pool was restarted.
_InFlight = tuple[Batch, "Future[list[Outcome]] | None", int]


class PoolEngine:
    """A pool of worker processes, each analysing whole batches."""

    def __init__(self, options: Options, jobs: int) -> None:
        self.options = options
        self.jobs = jobs
        self.window = 2 * jobs
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # forkserver: a worker is forked from a small clean server that has imported the
        # analysis once, never from this process with its threads and open files.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["reader.corpus.batch", "reader.corpus.warm"])
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_ignore_interrupts)

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Outcome]]]:
        pending: deque[_InFlight] = deque()
        for batch in batches:
            pending.append((batch, self._submit(batch), 0))
            while len(pending) >= self.window:
                yield self._next(pending)
        while pending:
            yield self._next(pending)

    def _submit(self, batch: Batch) -> Future[list[Outcome]]:
        try:
            return self._pool.submit(analyze_batch, batch.documents, self.options)
        except BrokenProcessPool as error:  # answered, restarted and resent by _next
            future: Future[list[Outcome]] = Future()
            future.set_exception(error)
            return future

    def _next(self, pending: deque[_InFlight]) -> tuple[Batch, list[Outcome]]:
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


def _succeeded(future: Future[list[Outcome]]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


class DaskEngine:
    """The same batches as tasks on a Dask distributed cluster, gathered in order."""

    def __init__(self, options: Options, address: str, jobs: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("--scheduler needs Dask: pip install 'newsreader[dask]'") from None
        # Dask reports every closed connection at shutdown; only real errors should show.
        logging.getLogger("distributed").setLevel(logging.ERROR)
        self.options = options
        self._cluster: Any = None
        try:
            if address == "local":
                import dask

                # Workers forked from a server that has imported Dask once start in a
                # fraction of the time (and CPU) of fresh interpreters that each import it.
                dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})
                _preload_in_forkserver(["distributed", "reader.corpus.batch", "reader.corpus.warm"])
                self._cluster = LocalCluster(
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
            else:
                _probe(address)
                self._client = Client(address, timeout="10s")
                self._client.wait_for_workers(1, timeout=30)
        except Exception as error:
            self.close()
            where = "a local Dask cluster" if address == "local" else address
            raise EngineError(f"cannot use {where}: {error}") from None
        threads = sum(self._client.nthreads().values())
        self.window = 2 * max(1, threads)

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Outcome]]]:
        pending: deque[tuple[Batch, Any]] = deque()
        try:
            for batch in batches:
                pending.append((batch, self._submit(batch)))
                while len(pending) >= self.window:
                    yield self._next(pending)
            while pending:
                yield self._next(pending)
        finally:
            self._client.cancel([future for _, future in pending])

    def _submit(self, batch: Batch) -> Any:
        # pure=False: a batch's key would otherwise be a hash of all its text.
        return self._client.submit(analyze_batch, batch.documents, self.options, pure=False)

    def _next(self, pending: deque[tuple[Batch, Any]]) -> tuple[Batch, list[Outcome]]:
        batch, future = pending.popleft()
        try:
            return batch, future.result()
        except Exception as error:  # a worker lost more often than Dask retries
            return batch, lost_batch(batch, f"the Dask task failed ({type(error).__name__})")

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()


def _probe(address: str) -> None:
    """Fail at once when nothing listens at a TCP address, instead of retrying for seconds."""
    import socket

    from distributed.comm import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme != "tcp":
            return
        host, port = parse_host_port(location)
    except ValueError:
        raise OSError("not a scheduler address like tcp://HOST:8786") from None
    try:
        socket.create_connection((host, port), timeout=5).close()
    except ConnectionRefusedError:
        raise OSError("nothing is listening there (is `dask scheduler` running?)") from None


def _preload_in_forkserver(modules: list[str]) -> None:
    """Modules the forkserver imports before it forks Dask's local worker processes.

    Dask picks its own list the first time it asks for its multiprocessing context;
    asking first and then setting ours (before the server starts) makes the workers
    start with the analysis loaded, not only Dask.
    """
    from distributed.utils import get_mp_context

    get_mp_context().set_forkserver_preload(modules)
