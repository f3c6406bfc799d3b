"""The first batches of a Dask run, analysed by a copy of this process while Dask starts.

A local cluster is up some 0.6 s after the command starts: this process imports Dask
(0.3 s) before it can start a scheduler and the workers. That import takes one core;
the other would wait. A process forked just before it, holding the first batches in
its copy of memory, analyses them on that core meanwhile and hands back their results
through a pipe, in order, once it has them all. It is forked while this process has
one thread (a thread could hold a lock at the fork and leave the copy waiting on it
forever), so the batches go with the fork: nothing is sent to it.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Sequence
from concurrent.futures import Future
from multiprocessing.connection import Connection, Pipe

from reader.corpus.batch import BatchResult, Options, analyze_batch
from reader.corpus.engines import Batch

# About the work the other core would go without while Dask is imported and a cluster
# starts: ~0.5 s, four 512 KB batches. Measured on 2 cores, 20 MB: best 2.50 s with
# 2 MB, 2.60 s with 3 MB and 4 MB (the workers wait for the core it holds), 2.63 s with
# 1.5 MB, 2.65 s with 1 MB.
HEAD_START_BYTES = 2 * 1024 * 1024
# Batches are cut at their last line break, a little short of the size they asked for:
# the head start is full once it holds this much, not one more whole batch later.
HEAD_START_FULL_BYTES = HEAD_START_BYTES * 7 // 8


class HeadStart:
    """Batches analysed by a forked process; each result is a future, filled in order."""

    def __init__(self, batches: Sequence[Batch], options: Options) -> None:
        self.batches = list(batches)
        self.options = options
        self.futures: list[Future[BatchResult]] = [_Received(self) for _ in self.batches]
        self._received = 0
        receiver, sender = Pipe(duplex=False)
        self._pid = os.fork()
        if self._pid == 0:
            _analyse(self.batches, options, receiver, sender)  # never returns
        sender.close()
        self._receiver: Connection | None = receiver

    def busy(self) -> bool:
        """Whether the copy is still analysing (it sends nothing until it is done)."""
        try:
            return self._receiver is not None and not self._receiver.poll()
        except OSError:
            return False

    def receive(self, until: Future[BatchResult]) -> None:
        """Results in order until ``until``'s has come (or, the copy gone, is made here)."""
        while not until.done():
            future = self.futures[self._received]
            batch = self.batches[self._received]
            try:
                if self._receiver is None:
                    raise EOFError
                result: BatchResult = self._receiver.recv()
            except (EOFError, OSError):  # killed (out of memory): the rest is analysed here
                self._stop()
                result = analyze_batch(batch.payload, self.options)
            future.set_result(result)
            self._received += 1

    def close(self) -> None:
        """Stop the copy, whatever it was doing; it never outlives the run."""
        self._stop()

    def _stop(self) -> None:
        if self._receiver is not None:
            self._receiver.close()
            self._receiver = None
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = 0


class _Received(Future[BatchResult]):
    """A head-start batch's result: read from the pipe when it is first asked for."""

    def __init__(self, head: HeadStart) -> None:
        super().__init__()
        self._head = head

    def result(self, timeout: float | None = None) -> BatchResult:
        self._head.receive(self)
        return super().result(timeout)


def _analyse(
    batches: list[Batch], options: Options, receiver: Connection, sender: Connection
) -> None:
    """The forked copy: analyse each batch, send its result, and leave without clean-up."""
    try:
        receiver.close()
        # Ctrl-C reaches every process in the terminal's group: this process's parent
        # stops it; a traceback of its own would only clutter the terminal.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)  # it never writes records: stdout's reader must not wait for it
        os.close(devnull)
        # All analysed before any is sent: the parent reads none until its cluster is
        # up, and a result (~1.3 MB) does not fit in a pipe, so sending each as it is
        # made would leave this process waiting for the parent instead of analysing.
        results = [analyze_batch(batch.payload, options) for batch in batches]
        for result in results:
            sender.send(result)
    finally:
        # Its copies of this process's open files and buffers are the parent's to close.
        os._exit(0)
