"""The garbage collector sits out an analysis and comes back as it was."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.analysis import analyze

LONG_STORY = (
    Path(__file__).resolve().parents[2]
    / "sample_articles"
    / "holmsea-coastal-erosion-long-report.txt"
).read_text(encoding="utf-8")


@pytest.fixture
def collections() -> Iterator[list[int]]:
    started: list[int] = []

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    was_enabled = gc.isenabled()
    gc.enable()
    gc.callbacks.append(record)
    yield started
    gc.callbacks.remove(record)
    if not was_enabled:
        gc.disable()


def test_no_collection_runs_during_a_long_analysis(collections: list[int]) -> None:
    result = analyze(LONG_STORY)
    assert len(result.quotes) > 100  # thousands of objects were made: dozens of collections
    # at most the one the allocations add up to, run once the collector is back on
    assert len(collections) <= 1
    assert gc.isenabled()


def test_an_analysis_leaves_nothing_for_the_collector_to_free() -> None:
    # Paused, the collector frees nothing: whatever an analysis leaves in reference
    # cycles stays in memory until a later collection, which then walks all of it.
    analyze(LONG_STORY)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        analyze(LONG_STORY)
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_a_collector_turned_off_by_the_caller_stays_off(collections: list[int]) -> None:
    gc.disable()
    analyze("“We will stay,” she said.")
    assert not gc.isenabled()


def test_the_collector_returns_only_when_the_last_of_many_threads_ends(
    collections: list[int],
) -> None:
    failures: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(3):
                analyze(LONG_STORY)
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert gc.isenabled()
