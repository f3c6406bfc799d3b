"""Keys in the big lists of the real `newsreader` (tmux): the library and the people panel.

Issue #15: a 100,000-item feed froze each filter keystroke, a story with 100,000 names
froze on `i`. Each key is timed from `send-keys` to the changed screen, sent as soon as
the input shows (its indexing, analysis and ranking still running), next to the same
keys on the 2 KB sample in the same run. `--against PATH` times another install's
`newsreader` too (say, main's), so a before/after table comes from one run.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from benchmarks import probe
from benchmarks.bench_responsive import SAMPLE, _names_story
from benchmarks.bench_responsive import _feed as _feed_text
from benchmarks.bench_startup import Tmux
from benchmarks.probe import Launch, percentile

KEY_TIMEOUT = 20.0
FILTER_KEYS = ["/", "h", "a", "r", "b", "BSpace", "BSpace", "BSpace", "7"]
# Keys in the people panel: moves of the highlight (seen in the screen's colours) and
# jumps to the ends of the list.
PANEL_KEYS = list("jjkGgjjk")
ANALYSED = re.compile(r"\d+ quotes · \d+ people")
LANDING_KEYS_FOR = 60.0  # seconds of keys in the panel while the analysis lands, at most
FILTERED = re.compile(r"[\d,]+ of [\d,]+")  # the library's border once a filter is applied


def _keys(tmux: Tmux, scratch: Path, path: Path, ready: str, keys: list[str]) -> list[float]:
    launch = Launch(tmux, [str(path)], scratch)
    try:
        launch.wait_for(lambda screen: ready in screen, timeout=600)
        return [launch.key_latency(key, timeout=KEY_TIMEOUT, styled=True) for key in keys]
    finally:
        launch.close()


def _feed(tmux: Tmux, scratch: Path, path: Path) -> tuple[list[float], list[float]]:
    """Filter keystrokes as soon as the list shows, then escape (clear) once settled."""
    launch = Launch(tmux, [str(path)], scratch)
    try:
        launch.wait_for(lambda screen: "Story" in screen, timeout=600)
        typing = [launch.key_latency(key, timeout=KEY_TIMEOUT) for key in FILTER_KEYS]
        launch.wait_for(lambda screen: bool(FILTERED.search(screen)), timeout=600)
        clearing = [launch.key_latency("Escape", timeout=KEY_TIMEOUT)]
        clearing += [launch.key_latency(key, timeout=KEY_TIMEOUT, styled=True) for key in "jk"]
        return typing, clearing
    finally:
        launch.close()


def _names(tmux: Tmux, scratch: Path, path: Path) -> tuple[list[float], list[float], list[float]]:
    """`i` at first text; keys in the people panel while the analysis is still landing
    (for a minute at most); the same keys once it has landed."""
    for state in scratch.glob("annotations.reading.json*"):
        state.unlink()  # each run opens the story at its top, its counts in the status line
    launch = Launch(tmux, [str(path)], scratch)
    try:
        launch.wait_for(lambda screen: "said Anna" in screen, timeout=600)
        opening = [launch.key_latency("i", timeout=KEY_TIMEOUT)]
        arriving: list[float] = []
        until = time.perf_counter() + LANDING_KEYS_FOR
        while not ANALYSED.search(launch.screen()) and time.perf_counter() < until:
            key = PANEL_KEYS[len(arriving) % len(PANEL_KEYS)]
            arriving.append(launch.key_latency(key, timeout=KEY_TIMEOUT, styled=True))
        launch.wait_for(lambda screen: bool(ANALYSED.search(screen)), timeout=600)
        # The keys go on where they stopped: a j right after G would have nothing to move.
        turn = len(arriving) % len(PANEL_KEYS)
        keys = PANEL_KEYS[turn:] + PANEL_KEYS[:turn]
        after = [launch.key_latency(key, timeout=KEY_TIMEOUT, styled=True) for key in keys]
        return opening, arriving, after
    finally:
        launch.close()


def _ms(values: list[float]) -> str:
    if not values:
        return "-"
    worst, p99 = max(values) * 1e3, percentile(values, 0.99) * 1e3
    return f"{worst:.0f} / {p99:.0f} / {median(values) * 1e3:.0f} ms"


def measure(tmux: Tmux, scratch: Path, runs: int, scale: float) -> list[tuple[str, str]]:
    items = int(100_000 * scale)
    feed = scratch / "feed.rss"
    feed.write_text(_feed_text(items), encoding="utf-8")
    names = scratch / "names.txt"
    names.write_text(_names_story(items), encoding="utf-8")
    sample, typing, clearing, opening, arriving, after = [], [], [], [], [], []
    for _ in range(runs):
        sample += _keys(tmux, scratch, SAMPLE, "Russia on Tuesday", ["j", "k"] * 4)
        keys, cleared = _feed(tmux, scratch, feed)
        typing += keys
        clearing += cleared
        first, landing, later = _names(tmux, scratch, names)
        opening += first
        arriving += landing
        after += later
    return [
        ("2 KB sample: j/k (baseline)", _ms(sample)),
        (f"{items:,}-item feed: filter keystrokes", _ms(typing)),
        (f"{items:,}-item feed: escape (clear), j/k", _ms(clearing)),
        (f"story with {items:,} names: i at first text", _ms(opening)),
        (f"{items:,} names: panel keys as analysis lands", _ms(arriving)),
        (f"{items:,} names: panel keys once analysed", _ms(after)),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = the issue's 100,000")
    parser.add_argument("--against", type=Path, help="another install's newsreader to time")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("bench_lists: needs tmux", file=sys.stderr)
        return 2
    builds = [("this", probe.NEWSREADER)]
    if args.against:
        builds.append((str(args.against), str(args.against)))
    tables = []
    tmux = Tmux()
    try:
        with tempfile.TemporaryDirectory(prefix="newsreader-lists-") as name:
            for label, command in builds:
                probe.NEWSREADER = command  # Launch reads it for each start
                tables.append((label, measure(tmux, Path(name), args.runs, args.scale)))
    finally:
        probe.NEWSREADER = builds[0][1]
        tmux.close()
    heads = " ".join(f"{label[-26:]:>26}" for label, _table in tables)
    print(f"{'measure (key: worst / p99 / median)':48} {heads}")
    for row, (measure_name, _value) in enumerate(tables[0][1]):
        values = " ".join(f"{table[row][1]:>26}" for _label, table in tables)
        print(f"{measure_name:48} {values}")
    print(f"{args.runs} runs each; keys timed from send-keys to the changed screen (target 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
