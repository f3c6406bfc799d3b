"""Keys in the big lists of the real `newsreader` (tmux): the library and the people panel.

Issue #15: a 100,000-item feed froze each filter keystroke, a story with 100,000 names
froze on `i`. Each key is timed from `send-keys` to the changed screen, sent as soon as
the input shows (its indexing, analysis and ranking still running), next to the same
keys on the 2 KB sample in the same run. `--against PATH` times another install's
`newsreader` too (say, main's), so a before/after table comes from one run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from statistics import median

from benchmarks import probe
from benchmarks.bench_responsive import SAMPLE, _feed, _names_story
from benchmarks.bench_startup import Tmux
from benchmarks.probe import Launch

KEY_TIMEOUT = 20.0
FILTER_KEYS = ["/", "h", "a", "r", "b", "BSpace", "BSpace", "BSpace", "7"]


def _keys(tmux: Tmux, scratch: Path, path: Path, ready: str, keys: list[str]) -> list[float]:
    launch = Launch(tmux, [str(path)], scratch)
    try:
        launch.wait_for(lambda screen: ready in screen, timeout=600)
        return [launch.key_latency(key, timeout=KEY_TIMEOUT) for key in keys]
    finally:
        launch.close()


def _panel(tmux: Tmux, scratch: Path, path: Path) -> tuple[float, list[float]]:
    """`i` on the names story, then j/G/g in the panel once it lists people."""
    launch = Launch(tmux, [str(path)], scratch)
    try:
        launch.wait_for(lambda screen: "said Anna" in screen, timeout=600)
        opened = launch.key_latency("i", timeout=KEY_TIMEOUT)
        launch.wait_for(lambda screen: "mention" in screen, timeout=600)
        return opened, [launch.key_latency(key, timeout=KEY_TIMEOUT) for key in "jjGgj"]
    finally:
        launch.close()


def _ms(values: list[float]) -> str:
    return f"{max(values) * 1e3:.0f} / {median(values) * 1e3:.0f} ms"


def measure(tmux: Tmux, scratch: Path, runs: int, scale: float) -> list[tuple[str, str]]:
    items = int(100_000 * scale)
    feed = scratch / "feed.rss"
    feed.write_text(_feed(items), encoding="utf-8")
    names = scratch / "names.txt"
    names.write_text(_names_story(items), encoding="utf-8")
    sample, typing, opened, panel = [], [], [], []
    for _ in range(runs):
        sample += _keys(tmux, scratch, SAMPLE, "Russia on Tuesday", ["j", "k"] * 4)
        typing += _keys(tmux, scratch, feed, "Story", FILTER_KEYS)
        first, moves = _panel(tmux, scratch, names)
        opened.append(first)
        panel += moves
    return [
        ("2 KB sample: j/k (baseline)", _ms(sample)),
        (f"{items:,}-item feed: filter keystrokes", _ms(typing)),
        (f"story with {items:,} names: i", _ms(opened)),
        (f"story with {items:,} names: j/G/g in the panel", _ms(panel)),
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
    heads = " ".join(f"{label[-24:]:>24}" for label, _table in tables)
    print(f"{'measure (worst / median key)':48} {heads}")
    for row, (measure_name, _value) in enumerate(tables[0][1]):
        values = " ".join(f"{table[row][1]:>24}" for _label, table in tables)
        print(f"{measure_name:48} {values}")
    print(f"{args.runs} runs each; keys timed from send-keys to the changed screen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
