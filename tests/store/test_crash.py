"""Kill a writer with SIGKILL at random moments: every acknowledged change survives.

The writer is a forked child (it starts in a millisecond, so hundreds of kills take
seconds). It reports each change before it starts ("i") and once the store has
acknowledged it ("a"); after the kill the database must hold every acknowledged
change, plus at most the one in flight. A save returns before its fsync (the store's
thread makes it), which a SIGKILL cannot undo; on odd rounds the writer also waits
for the fsync (``sync()``, as the app does before its notice), and only those rounds
simulate a power cut that tears the journal's last line.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path

import pytest
import tinydb

from reader.store import AnnotationStore
from reader.store.files import list_journals
from tests.store.helpers import make_annotation

ITERATIONS = 200
STRESS_ITERATIONS = 3000


def _writer(db: Path, pipe: int, seed: int) -> None:
    """Add, update and remove annotations forever, reporting each step on ``pipe``."""
    rng = random.Random(seed)
    store = AnnotationStore(db)
    if seed % 2:
        _waiting_for_the_disk(store)
    live = [annotation.id for annotation in store.all()]
    os.write(pipe, b"ready\n")
    serial = 0
    while True:
        serial += 1
        roll = rng.random()
        if live and roll < (0.5 if len(live) > 80 else 0.2):
            victim = live.pop(rng.randrange(len(live)))
            os.write(pipe, f"i r {victim}\n".encode())
            store.remove(victim)
            os.write(pipe, f"a r {victim}\n".encode())
        elif live and roll < 0.6:
            changed = store.get(rng.choice(live))
            assert changed is not None
            changed.note = f"edit {seed}-{serial}"
            os.write(pipe, f"i u {changed.id} {changed.note}\n".encode())
            store.update(changed)
            os.write(pipe, f"a u {changed.id} {changed.note}\n".encode())
        else:
            new_id = f"{seed}-{serial}"
            os.write(pipe, f"i a {new_id}\n".encode())
            store.add(make_annotation(f"story-{serial % 9}", annotation_id=new_id))
            os.write(pipe, f"a a {new_id}\n".encode())
            live.append(new_id)
        if rng.random() < 0.02:
            store.compact()  # so that kills also land mid-compaction


def _waiting_for_the_disk(store: AnnotationStore) -> None:
    """Each save of ``store`` returns once it is fsync'd."""
    for name in ("add", "update", "remove"):
        save = getattr(store, name)

        def synced(*args: object, _save=save) -> object:
            result = _save(*args)
            store.sync()
            return result

        setattr(store, name, synced)


def _run_and_kill(db: Path, seed: int, rng: random.Random) -> list[list[str]]:
    """Fork a writer, kill it at a random moment, return the steps it reported."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            _writer(db, write_end, seed)
        finally:
            os._exit(1)
    os.close(write_end)
    received = b""
    if rng.random() < 0.1:
        time.sleep(rng.uniform(0.0, 0.005))  # often while it is still opening the database
    else:
        # Let it get a random number of changes acknowledged (however slow fsync is on
        # this disk), then kill it a random moment later: mid-write, mid-fsync,
        # mid-compaction.
        wanted = rng.randint(0, 12)
        deadline = time.monotonic() + 30
        while received.count(b"\na ") < wanted and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], 1.0)
            if ready:
                received += os.read(read_end, 65536)
        time.sleep(rng.uniform(0.0, 0.004))
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status), "the writer stopped before it was killed"
    with os.fdopen(read_end, "rb") as pipe:
        received += pipe.read()
    return [line.split(" ", 3) for line in received.decode().splitlines() if line != "ready"]


def _tear_unacknowledged_line(db: Path, in_flight: list[str], rng: random.Random) -> int:
    """Cut the journal's last line short, as a power cut could, if it is the unacknowledged one.

    Only bytes never acknowledged can be lost that way (acknowledged ones were
    fsync'd), so only the line of the change in flight is torn. Returns 1 if torn.
    """
    journals = list_journals(db)
    if not journals:
        return 0
    path = journals[-1][1]
    data = path.read_bytes()
    line_start = data.rfind(b"\n", 0, len(data) - 1) + 1
    # What only the change in flight wrote: a new id, or an edit's unique note.
    mark = f'"id":"{in_flight[2]}"' if in_flight[1] == "a" else f'"note":"{in_flight[3]}"'
    if mark.encode() not in data[line_start:]:
        return 0  # the change in flight never reached the journal
    with open(path, "r+b") as handle:
        handle.truncate(rng.randrange(line_start, len(data)))
    return 1


def _crash_loop(tmp_path: Path, iterations: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small enough that background compactions happen, and get killed, all the time.
    monkeypatch.setattr("reader.store.durable.COMPACT_AFTER_BYTES", 4_000)
    db = tmp_path / "annotations.json"
    rng = random.Random(20261128)
    notes: dict[str, str] = {}  # acknowledged live annotations -> their note
    acknowledged = torn = 0
    for iteration in range(iterations):
        steps = _run_and_kill(db, iteration, rng)
        in_flight = steps[-1] if steps and steps[-1][0] == "i" else None
        synced = iteration % 2 == 1  # the writer waited for each fsync (see _writer)
        if synced and in_flight is not None and in_flight[1] != "r" and rng.random() < 0.5:
            torn += _tear_unacknowledged_line(db, in_flight, rng)
        for step in steps:
            if step[0] != "a":
                continue
            acknowledged += 1
            if step[1] == "r":
                del notes[step[2]]
            elif step[1] == "u":
                notes[step[2]] = step[3]
            else:
                notes[step[2]] = ""
        # Alternate: half the time the next writer starts from what the crash left.
        read_only = iteration % 2 == 1
        with AnnotationStore(db, read_only=read_only) as store:
            assert store.notice is None, f"iteration {iteration}: {store.notice}"
            found = {annotation.id: annotation.note for annotation in store.all()}
        _check(iteration, notes, found, in_flight)
        notes = found  # what the in-flight change left is the state from now on
    assert acknowledged > iterations, "the writer hardly ever got a change acknowledged"
    assert torn > 0, "no power cut was simulated"
    with AnnotationStore(db):
        pass
    with tinydb.TinyDB(db) as plain:
        assert {doc["id"] for doc in plain.table("annotations")} == set(notes)


def _check(
    iteration: int, notes: dict[str, str], found: dict[str, str], in_flight: list[str] | None
) -> None:
    kind, target = (in_flight[1], in_flight[2]) if in_flight else ("", "")
    for annotation_id, note in notes.items():
        if kind == "r" and annotation_id == target:
            continue  # removed or not: both are fine for a change never acknowledged
        assert annotation_id in found, f"iteration {iteration}: lost {annotation_id}"
        allowed = {note, in_flight[3]} if kind == "u" and annotation_id == target else {note}
        assert found[annotation_id] in allowed, f"iteration {iteration}: lost an edit"
    unexpected = set(found) - set(notes) - ({target} if kind == "a" else set())
    assert not unexpected, f"iteration {iteration}: never-saved annotations {unexpected}"


def test_sigkill_at_random_moments_loses_nothing_acknowledged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _crash_loop(tmp_path, ITERATIONS, monkeypatch)


@pytest.mark.stress
@pytest.mark.timeout(3600)
@pytest.mark.skipif(not os.environ.get("NEWSREADER_STRESS"), reason="make stress runs this")
def test_sigkill_stress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _crash_loop(tmp_path, STRESS_ITERATIONS, monkeypatch)
