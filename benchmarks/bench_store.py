"""What a save costs as the annotation database grows, next to plain TinyDB inserts.

`--annotations N` fills a database with N annotations (in batches, then closed so
the file is compacted), reopens it and times single saves; it prints one JSON
line. With no arguments it does that for 1k, 10k and 100k annotations and prints a
table beside plain TinyDB (JSONStorage) inserts into a file of the same size.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from reader.locations import bundled_samples
from reader.model import Annotation, Selector
from reader.store import AnnotationStore, annotation_to_record, make_selector, reanchor

SIZES = (1_000, 10_000, 100_000)
# Plain TinyDB rewrites the whole file per insert, so fewer inserts are timed as it grows.
PLAIN_INSERTS = {1_000: 50, 10_000: 20, 100_000: 5}
_TAGS = ["claim", "check", "quote", "budget", "police", "follow-up", "source", "numbers"]
_WORDS_TEXT = (
    "the minister said budget would be balanced council vote critics numbers did not "
    "add up officials told reporters on Tuesday that repairs start in May mayor "
    "patient"
)
_WORDS = _WORDS_TEXT.split()


def sample_annotation(rng: random.Random, serial: int) -> Annotation:
    exact = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 30)))
    start = rng.randint(0, 20_000)
    return Annotation(
        id=str(uuid.UUID(int=rng.getrandbits(128))),
        article_id=f"article-{serial % max(1, serial // 20 + 1)}",
        source=f"/home/reader/news/article-{serial % 500}.txt",
        title="Council approves bridge repairs after a long delay",
        created="2026-11-28T17:00:00+00:00",
        updated="2026-11-28T17:00:00+00:00",
        selector=Selector(
            exact=exact,
            prefix=" ".join(rng.choice(_WORDS) for _ in range(6))[:32],
            suffix=" ".join(rng.choice(_WORDS) for _ in range(6))[:32],
            start=start,
            end=start + len(exact),
        ),
        tags=rng.sample(_TAGS, rng.randint(1, 3)),
        note="call the press office" if serial % 5 == 0 else "",
        speaker="the minister" if serial % 3 == 0 else None,
    )


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure_store(count: int, saves: int, folder: Path) -> dict[str, float | int]:
    rng = random.Random(count)
    db = folder / f"store-{count}.json"
    began = time.perf_counter()
    with AnnotationStore(db) as store:
        for first in range(0, count, 1_000):
            batch = range(first, min(count, first + 1_000))
            store.add_many([sample_annotation(rng, n) for n in batch])
    fill_s = time.perf_counter() - began

    began = time.perf_counter()
    store = AnnotationStore(db)
    open_ms = (time.perf_counter() - began) * 1000
    latencies = []
    for n in range(saves):
        annotation = sample_annotation(rng, count + n)
        began = time.perf_counter()
        store.add(annotation)
        latencies.append((time.perf_counter() - began) * 1000)
    # The same saves, each waiting for its fsync as the UI's store worker does before it
    # says "saved" (what a save cost when every save fsync'd before it returned).
    durable = []
    for n in range(saves):
        annotation = sample_annotation(rng, count + saves + 100_000 + n)
        began = time.perf_counter()
        store.add(annotation)
        store.sync()
        durable.append((time.perf_counter() - began) * 1000)

    # Saves while the journal is folded into the JSON file in the background.
    compaction = threading.Thread(target=store.compact)
    compaction.start()
    during = []
    n = 0
    while compaction.is_alive() or len(during) < 20:
        n += 1
        annotation = sample_annotation(rng, count + saves + n)
        began = time.perf_counter()
        store.add(annotation)
        during.append((time.perf_counter() - began) * 1000)
    compaction.join()

    began = time.perf_counter()
    store.close()
    close_ms = (time.perf_counter() - began) * 1000
    return {
        "annotations": count,
        "saves": saves,
        "save_p50_ms": round(statistics.median(latencies), 3),
        "save_p99_ms": round(_percentile(latencies, 0.99), 3),
        "synced_save_p50_ms": round(statistics.median(durable), 3),
        "save_p99_during_compaction_ms": round(_percentile(during, 0.99), 3),
        "open_ms": round(open_ms, 1),
        "close_ms": round(close_ms, 1),
        "file_mb": round(db.stat().st_size / 1024 / 1024, 1),
        "fill_s": round(fill_s, 2),
    }


def measure_plain_tinydb(count: int, inserts: int, folder: Path) -> dict[str, float | int]:
    import tinydb

    rng = random.Random(count)
    db = folder / f"plain-{count}.json"
    with tinydb.TinyDB(db) as plain:
        plain.table("annotations").insert_multiple(
            annotation_to_record(sample_annotation(rng, n)) for n in range(count)
        )
    began = time.perf_counter()
    plain = tinydb.TinyDB(db)
    table = plain.table("annotations")
    len(table)  # TinyDB reads the file on first use
    open_ms = (time.perf_counter() - began) * 1000
    latencies = []
    for n in range(inserts):
        record = annotation_to_record(sample_annotation(rng, count + n))
        began = time.perf_counter()
        table.insert(record)
        latencies.append((time.perf_counter() - began) * 1000)
    plain.close()
    return {
        "annotations": count,
        "saves": inserts,
        "save_p50_ms": round(statistics.median(latencies), 3),
        "save_p99_ms": round(_percentile(latencies, 0.99), 3),
        "open_ms": round(open_ms, 1),
    }


def _table(sizes: tuple[int, ...], saves: int) -> None:
    print(
        f"{'annotations':>11}  {'store':<12} {'saves':>5} {'save p50 ms':>11} "
        f"{'save p99 ms':>11} {'p99 compacting':>14} {'open ms':>8} {'close ms':>8} {'MB':>5} "
        f"{'saved+fsync p50':>15}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-store-") as name:
        folder = Path(name)
        for count in sizes:
            ours = measure_store(count, saves, folder)
            plain = measure_plain_tinydb(count, PLAIN_INSERTS.get(count, 5), folder)
            print(
                f"{count:>11,}  {'newsreader':<12} {ours['saves']:>5} {ours['save_p50_ms']:>11.2f} "
                f"{ours['save_p99_ms']:>11.2f} {ours['save_p99_during_compaction_ms']:>14.2f} "
                f"{ours['open_ms']:>8.0f} {ours['close_ms']:>8.0f} {ours['file_mb']:>5.1f} "
                f"{ours['synced_save_p50_ms']:>15.2f}",
                flush=True,
            )
            print(
                f"{count:>11,}  {'plain TinyDB':<12} {plain['saves']:>5} "
                f"{plain['save_p50_ms']:>11.2f} {plain['save_p99_ms']:>11.2f} {'':>14} "
                f"{plain['open_ms']:>8.0f}",
                flush=True,
            )
    print(
        "Each save is one annotation; it returns once its journal line is written (a "
        "SIGKILL then loses nothing) and a store thread fsyncs it at once, one fsync for "
        "the saves made meanwhile; 'saved+fsync' waits for that fsync too, as the app does "
        "before its 'saved' notice. Plain TinyDB rewrites the "
        "whole file per insert, so only a few inserts are timed at the larger sizes "
        f"({', '.join(f'{n:,}: {k}' for n, k in PLAIN_INSERTS.items())}); its p99 over so "
        "few inserts is close to its maximum. 'p99 compacting' is for saves made while the "
        "whole file is rewritten in the background (a rare event: when the journal outgrows "
        "the file); the rewrite's fsync keeps the disk busy."
    )


def _typo(passage: str) -> str:
    """Two letters swapped and one dropped, as a corrected or re-fetched story might differ."""
    middle = len(passage) // 2
    swapped = passage[: middle - 1] + passage[middle] + passage[middle - 1] + passage[middle + 1 :]
    return swapped[:5] + swapped[6:]


def _reanchor_table(passages: int = 30) -> None:
    """What re-anchoring one annotation costs in the longest bundled story."""
    story = max(bundled_samples().glob("*.*"), key=lambda p: p.stat().st_size)
    text = story.read_text(encoding="utf-8")
    rng = random.Random(7)
    spans = []
    while len(spans) < passages:
        start = rng.randrange(0, len(text) - 200)
        start = text.index(" ", start) + 1
        end = text.index(" ", start + rng.randint(40, 160))
        if "\n\n" not in text[start:end] and text.count(text[start:end]) == 1:
            spans.append((start, end))
    cases = {
        "unchanged (position)": lambda s, e: text,
        "text added above (exact search)": lambda s, e: "UPDATE: new figures.\n\n" + text,
        "passage edited (fuzzy search)": lambda s, e: text[:s] + _typo(text[s:e]) + text[e:],
        "passage deleted (orphan)": lambda s, e: text[:s] + text[e:],
    }
    print(f"\nre-anchoring in {story.name} ({len(text):,} characters), {passages} passages")
    print(f"{'case':<34} {'median ms':>9} {'max ms':>8} {'found':>6} {'orphans':>8}")
    for label, edit in cases.items():
        times, found = [], 0
        for start, end in spans:
            selector = make_selector(text, start, end)
            edited = edit(start, end)
            began = time.perf_counter()
            result = reanchor(selector, edited)
            times.append((time.perf_counter() - began) * 1000)
            found += result is not None
        print(
            f"{label:<34} {statistics.median(times):>9.2f} {max(times):>8.2f} "
            f"{found:>6} {passages - found:>8}"
        )


def _fill(db: Path, count: int) -> None:
    rng = random.Random(count)
    with AnnotationStore(db) as store:
        for first in range(0, count, 1_000):
            batch = range(first, min(count, first + 1_000))
            store.add_many([sample_annotation(rng, n) for n in batch])


def _best_open_ms(db: Path, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        store = AnnotationStore(db, read_only=True)
        best = min(best, (time.perf_counter() - began) * 1000)
        store.close()
    return best


def _parse_ms(parse: Callable[[str], object], arrays: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        for array in arrays:
            parse(array)
        best = min(best, (time.perf_counter() - began) * 1000)
    return best


def _codec_table(count: int = 100_000, runs: int = 3) -> None:
    """Opening a database of ``count`` annotations: the json module (before) against
    msgspec (now), measured in the same run, alternating, best of ``runs``; and what
    each codec costs to parse the same records, orjson among them."""
    import reader.store.store as store_module
    from reader.store.fast_digest import annotation_rows

    with tempfile.TemporaryDirectory(prefix="bench-open-") as name:
        db = Path(name) / "annotations.json"
        _fill(db, count)
        lines = db.read_text(encoding="utf-8").splitlines()
        records = [line[line.index('":') + 2 :].rstrip(",") for line in lines[2 : count + 2]]
        arrays = ["[" + ",".join(records[at : at + 500]) + "]" for at in range(0, count, 500)]
        opens: dict[str, float] = {"json (before)": float("inf"), "msgspec (now)": float("inf")}
        for _ in range(runs):
            store_module.annotation_rows = lambda array, count: None  # type: ignore[assignment]
            opens["json (before)"] = min(opens["json (before)"], _best_open_ms(db, 1))
            store_module.annotation_rows = annotation_rows
            opens["msgspec (now)"] = min(opens["msgspec (now)"], _best_open_ms(db, 1))
        parsers: dict[str, Callable[[str], object]] = {"json": json.loads}
        with contextlib.suppress(ImportError):
            import orjson

            parsers["orjson"] = orjson.loads
        parsers["msgspec (index fields)"] = lambda array: annotation_rows(array, 500)
        print(
            f"\nopening {count:,} annotations ({db.stat().st_size / 2**20:.0f} MB), best of {runs}"
        )
        print(f"{'reader':<24} {'open ms':>8}")
        for label, ms in opens.items():
            print(f"{label:<24} {ms:>8.0f}")
        print(f"\nparsing the same {count:,} records in batches of 500, best of {runs}")
        print(f"{'codec':<24} {'ms':>8}")
        for label, parse in parsers.items():
            print(f"{label:<24} {_parse_ms(parse, arrays, runs):>8.0f}")


def _fsync_floor_ms(folder: Path, appends: int = 100) -> float:
    """p50 of appending one line and fdatasync'ing it: the least a durable save costs."""
    path = folder / "fsync-probe"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    times = []
    try:
        for _ in range(appends):
            began = time.perf_counter()
            os.write(fd, b"x" * 600 + b"\n")
            os.fdatasync(fd)
            times.append((time.perf_counter() - began) * 1000)
    finally:
        os.close(fd)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--annotations", type=int, help="fill with this many and print JSON")
    parser.add_argument("--saves", type=int, default=200, help="single saves to time")
    args = parser.parse_args(argv)
    if args.annotations is None:
        _table(SIZES, args.saves)
        _codec_table()
        with tempfile.TemporaryDirectory(prefix="bench-fsync-") as name:
            floor = _fsync_floor_ms(Path(name))
        print(f"\nthis disk: appending a line and fdatasync'ing it, p50 {floor:.2f} ms")
        _reanchor_table()
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-store-") as name:
        print(json.dumps(measure_store(args.annotations, args.saves, Path(name))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
