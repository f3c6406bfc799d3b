"""The cyclic collector's pause is shared by the analysis, the store and the library load:
overlapping pauses in several threads never leave it off, nor turn it on under another."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from reader.collection_pause import collection_paused, enable_collection


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    """Each test starts with the collector on, and leaves it as the suite had it (an app
    under test turns it off until its first frame)."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_overlapping_pauses_end_with_the_collector_as_it_was() -> None:
    first_in, second_done, first_may_end = threading.Event(), threading.Event(), threading.Event()

    def long_work() -> None:  # an analysis that began first and ends last
        with collection_paused():
            first_in.set()
            first_may_end.wait(5)

    worker = threading.Thread(target=long_work)
    worker.start()
    first_in.wait(5)
    with collection_paused():  # a database opening meanwhile
        assert not gc.isenabled()
    second_done.set()
    assert not gc.isenabled(), "the first pause still runs: the collector stays off"
    first_may_end.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_pause_leaves_an_off_collector_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_after_an_error() -> None:
    try:
        with collection_paused():
            raise ValueError("a bad story")
    except ValueError:
        pass
    assert gc.isenabled()


def test_the_collector_turned_on_during_a_pause_comes_on_when_the_pause_ends() -> None:
    # The app turns the collector on after its first frame, maybe while a big library is
    # still loading inside a pause: the load must go on without full passes.
    gc.disable()
    inside, may_end = threading.Event(), threading.Event()
    seen: list[bool] = []

    def load() -> None:
        with collection_paused():
            inside.set()
            may_end.wait(5)
            seen.append(gc.isenabled())

    worker = threading.Thread(target=load)
    worker.start()
    inside.wait(5)
    enable_collection()
    assert not gc.isenabled(), "turned on under a running load"
    may_end.set()
    worker.join(5)
    assert seen == [False]
    assert gc.isenabled(), "on once the load ended"


def test_the_collector_turned_on_with_no_pause_is_on_at_once() -> None:
    gc.disable()
    enable_collection()
    assert gc.isenabled()
