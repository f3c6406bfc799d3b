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
# Before the panel lists its first people j/k/g/G have nothing to move, and a key that
# changes nothing would be timed until something else changed on the screen (the next
# block's highlights, seconds later): `i` (hide, show the panel) is sent instead.
LANDING_KEYS_FOR = 30.0  # seconds of keys in the panel while the analysis lands, at most
FILTERED = re.compile(r"[\d,]+ of [\d,]+")  # the library's border once a filter is applied


def _keys(tmux: Tmux, scratch: Path, path: Path, ready: str, keys: list[str]) -> list[float]:
    launch = Launch(tmux, [str(path)], _home(scratch))
    try:
        launch.wait_for(lambda screen: ready in screen, timeout=600)
        return [launch.key_latency(key, timeout=KEY_TIMEOUT, styled=True) for key in keys]
    finally:
        launch.close()


def _feed(tmux: Tmux, scratch: Path, path: Path) -> tuple[list[float], list[float]]:
    """Filter keystrokes as soon as the list shows, then escape (clear) once settled."""
    launch = Launch(tmux, [str(path)], _home(scratch))
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
    launch = Launch(tmux, [str(path)], _home(scratch))
    try:
        launch.wait_for(lambda screen: "said Anna" in screen, timeout=600)
        opening = [launch.key_latency("i", timeout=KEY_TIMEOUT)]
        arriving: list[float] = []
        until = time.perf_counter() + LANDING_KEYS_FOR
        moved, shown = 0, True  # panel keys sent so far; whether the panel is open
        while time.perf_counter() < until:
            screen = launch.screen()
            if ANALYSED.search(screen):
                break
            if shown and " mention" in screen:  # a person's row: "quoted 1× · 1 mention"
                key = PANEL_KEYS[moved % len(PANEL_KEYS)]
                moved += 1
            else:
                key, shown = "i", not shown
            arriving.append(launch.key_latency(key, timeout=KEY_TIMEOUT, styled=True))
        if not shown:
            launch.key_latency("i", timeout=KEY_TIMEOUT)  # the panel open again
        try:
            launch.wait_for(lambda screen: bool(ANALYSED.search(screen)), timeout=300)
        except TimeoutError:  # the counts never came back to the status line
            print("bench_lists: the analysis never showed as done", file=sys.stderr)
            return opening, arriving, []
        # The keys go on where they stopped: a j right after G would have nothing to move.
        turn = moved % len(PANEL_KEYS)
        keys = PANEL_KEYS[turn:] + PANEL_KEYS[:turn]
        after = [launch.key_latency(key, timeout=KEY_TIMEOUT, styled=True) for key in keys]
        return opening, arriving, after
    finally:
        launch.close()


def _home(scratch: Path) -> Path:
    """A home, database and cache of its own for each launch: no launch reopens the
    story, the pane or the reading state another one left."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=scratch))
    return home


def _ms(values: list[float]) -> str:
    if not values:
        return "-"
    worst, p99 = max(values) * 1e3, percentile(values, 0.99) * 1e3
    return f"{worst:.0f} / {p99:.0f} / {median(values) * 1e3:.0f} ms"


MEASURES = [
    "2 KB sample: j/k (baseline)",
    "{items}-item feed: filter keystrokes",
    "{items}-item feed: escape (clear), j/k",
    "story with {items} names: i at first text",
    "{items} names: panel keys as analysis lands",
    "{items} names: panel keys once analysed",
]


def measure_once(
    tmux: Tmux, scratch: Path, feed: Path, names: Path, only: str | None = None
) -> list[list[float]]:
    """One run of every measure, in the order of MEASURES (``only``: "names" or "feed",
    the sample's baseline and that input alone, the others left empty)."""
    sample = _keys(tmux, scratch, SAMPLE, "Russia on Tuesday", ["j", "k"] * 4)
    typing, clearing = ([], []) if only == "names" else _feed(tmux, scratch, feed)
    opening, arriving, after = ([], [], []) if only == "feed" else _names(tmux, scratch, names)
    return [sample, typing, clearing, opening, arriving, after]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = the issue's 100,000")
    parser.add_argument("--against", type=Path, help="another install's newsreader to time")
    parser.add_argument(
        "--only",
        choices=["names", "feed"],
        help="only the story with many names, or only the big feed (and the baseline)",
    )
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("bench_lists: needs tmux", file=sys.stderr)
        return 2
    builds = [("this", probe.NEWSREADER)]
    if args.against:
        builds.append((str(args.against), str(args.against)))
    items = int(100_000 * args.scale)
    # The builds take turns run by run, so a machine getting busier favours neither.
    found: dict[str, list[list[float]]] = {label: [[] for _ in MEASURES] for label, _ in builds}
    tmux = Tmux()
    try:
        with tempfile.TemporaryDirectory(prefix="newsreader-lists-") as name:
            scratch = Path(name)
            feed = scratch / "feed.rss"
            feed.write_text(_feed_text(items), encoding="utf-8")
            names = scratch / "names.txt"
            names.write_text(_names_story(items), encoding="utf-8")
            for _ in range(args.runs):
                for label, command in builds:
                    probe.NEWSREADER = command  # Launch reads it for each start
                    measured = measure_once(tmux, scratch, feed, names, args.only)
                    for row, values in enumerate(measured):
                        found[label][row] += values
    finally:
        probe.NEWSREADER = builds[0][1]
        tmux.close()
    heads = " ".join(f"{label[-26:]:>26}" for label, _command in builds)
    print(f"{'measure (key: worst / p99 / median)':48} {heads}")
    for row, measure_name in enumerate(MEASURES):
        values = " ".join(f"{_ms(found[label][row]):>26}" for label, _command in builds)
        print(f"{measure_name.format(items=f'{items:,}'):48} {values}")
    print(f"{args.runs} runs each; keys timed from send-keys to the changed screen (target 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
