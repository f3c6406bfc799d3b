"""The analysis worker's own side: what runs in the process reader/analysis_process.py
starts, and nothing of the app.

The process is a plain interpreter started with two pipes, not a multiprocessing one:
multiprocessing's spawn starts a resource tracker beside it (a third interpreter,
13 MiB resident for as long as the app runs, to clean up the semaphores of its queues),
and its pool kept every block of a story sliced in the app until the block was done (a
second copy of the whole text). Requests and answers go one at a time over the pipes
(``multiprocessing.connection``, pickled and length-prefixed), so no lock or semaphore
is shared between the processes.

A request is ``(text, offset, keep_from)``; its answer is ``(True, columns)`` or
``(False, error)``.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from multiprocessing.connection import Connection

from reader.cache.codec import Columns, to_columns
from reader.model import Analysis, EntityGroup

PARENT_POLL_SECONDS = 0.2  # how often the worker checks that the app is still there
WORKER_NICENESS = 10  # added to the worker's scheduling niceness (Unix): see below

# How the app starts this process: ``python -c BOOT REQUESTS ANSWERS PARENT NER PATH...``.
# The app's import path is the worker's (as multiprocessing's spawn gives it), so a
# checkout run through PYTHONPATH or a test tree analyses with its own code. SIGINT is
# ignored first of all: Ctrl+C in the terminal is the app's to handle.
BOOT = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); sys.path[:] = sys.argv[5:]; "
    "from reader.analysis_worker import main; main(*sys.argv[1:5])"
)


def main(requests: str, answers: str, parent: str, ner: str) -> None:
    """Answer requests until the app closes its end of the pipe (or is gone)."""
    threading.Thread(target=_watch_parent, args=(int(parent),), daemon=True).start()
    _yield_to_the_app()
    inbox = Connection(int(requests), writable=False)
    outbox = Connection(int(answers), readable=False)
    _warm_up(ner)
    while True:
        try:
            text, offset, keep_from = inbox.recv()
        except (EOFError, OSError):
            return  # the app closed its end: nothing more will come
        try:
            answer: tuple[bool, object] = (True, _analyse_block(text, offset, keep_from, ner))
        except Exception as error:  # the app shows it; this process stays for the next story
            answer = (False, error)
        del text
        try:
            _send(outbox, answer)
        except OSError:
            return


def _send(outbox: Connection, answer: tuple[bool, object]) -> None:
    done, value = answer
    if not done:
        # The app reads the error back as it was raised; one that cannot make the trip
        # (an exception class with its own arguments) goes as its name and message.
        import pickle

        try:
            pickle.loads(pickle.dumps(value))
        except Exception:
            value = RuntimeError(f"{type(value).__name__}: {value}")
    outbox.send((done, value))


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(0)  # the app is gone, however it ended: so is its worker


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


def _warm_up(ner: str) -> None:
    """Load the analyzer and its tables, so the first story is analysed at full speed."""
    from reader.analysis import analyze

    analyze('"We are ready," said Ann Lee in Paris.\n', ner=ner)


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
