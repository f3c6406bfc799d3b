"""Objects the UI is done with are freed on a thread of their own."""

from __future__ import annotations

import threading
import time

from reader.ui.let_go import LetGo


class Freed:
    """Says which thread freed it."""

    def __init__(self, record: list[str]) -> None:
        self.record = record

    def __del__(self) -> None:
        self.record.append(threading.current_thread().name)


def test_what_is_handed_over_is_freed_on_its_own_thread_once_the_caller_lets_go() -> None:
    freed: list[str] = []
    letting_go = LetGo(linger=0.05)
    kept = Freed(freed)
    letting_go.hand_over(kept, [kept] * 3)
    del kept  # the caller's last reference: nothing is freed here
    assert freed == []
    deadline = time.monotonic() + 10
    while not freed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert freed == ["let-go"]


def test_objects_handed_over_later_are_held_no_longer_than_the_linger() -> None:
    freed: list[str] = []
    letting_go = LetGo(linger=0.05)
    for _ in range(3):
        letting_go.hand_over(Freed(freed))
    deadline = time.monotonic() + 10
    while len(freed) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert freed == ["let-go"] * 3
