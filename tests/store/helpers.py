"""Shared helpers for the store tests: annotations that look like real ones."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import reader.store.durable as durable
from reader.model import Annotation, Selector
from reader.store import AnnotationStore, files

ROOT = Path(__file__).resolve().parents[2]

STORY = (
    "The minister said the budget would be balanced by 2027. "
    '"We will not raise taxes on working families," she told reporters on Tuesday. '
    "Critics said the numbers did not add up."
)


def make_annotation(
    article: str = "story-1",
    *,
    tags: list[str] | None = None,
    note: str = "",
    start: int = 56,
    end: int = 103,
    annotation_id: str | None = None,
) -> Annotation:
    return Annotation(
        id=annotation_id or str(uuid.uuid4()),
        article_id=article,
        source=f"/news/{article}.txt",
        title=f"Story {article}",
        created="2026-11-28T17:00:00+00:00",
        updated="2026-11-28T17:00:00+00:00",
        selector=Selector(
            exact=STORY[start:end],
            prefix=STORY[max(0, start - 32) : start],
            suffix=STORY[end : end + 32],
            start=start,
            end=end,
        ),
        tags=list(tags if tags is not None else ["claim"]),
        note=note,
        colour=None,
        speaker="the minister",
    )


def die(store: AnnotationStore) -> None:
    """Let go of a store the way a killed process would: no final compaction, no close.

    A background compaction already running is let finish first: in a real crash it
    dies with the process, while here it would race the next instance for the same
    temporary file (the SIGKILL test covers compactions cut short).
    """
    worker = store._tables._worker
    if worker is not None:
        worker.join()
    store._release_writer_lock()


@contextmanager
def other_process(script: str, *args: str) -> Iterator[subprocess.Popen[str]]:
    """Another process (another newsreader, as the store sees it) running ``script``
    until its stdin closes, which is how each test lets it go."""
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            assert process.stdin is not None
            process.stdin.close()
        process.wait(timeout=30)


class HeldDisk:
    """Journal writes wait until the test lets them go (5 s at most, then noted)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.callers: list[str] = []
        self.timed_out = False
        real = files.write_all

        def held(fd: int, data: bytes) -> None:
            self.callers.append(threading.current_thread().name)
            self.entered.set()
            if not self.gate.wait(5):
                self.timed_out = True
            real(fd, data)

        monkeypatch.setattr(durable.files, "write_all", held)
