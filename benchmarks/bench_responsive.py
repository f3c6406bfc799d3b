"""Responsiveness of the real `newsreader` process: lexicons, analysis, keys, huge inputs.

Every number is a whole process (tmux or a shell command), start-up included, the best
of several runs, next to a baseline measured in the same run (issues #18 and #15).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_startup import Tmux
from benchmarks.bench_view import generated_story
from benchmarks.probe import NEWSREADER, Launch, percentile, sentence_changed, whole_process
from reader.locations import bundled_samples

SAMPLE = bundled_samples() / "moscow-us-strategic-stability.txt"
SAMPLE_PHRASE = "Russia on Tuesday"
HIGHLIGHTED = re.compile(r"\d+ quotes · \d+ people")
KEY_TIMEOUT = 20.0  # a key not answered by then counts as this long (a frozen app)
TWO_LINES = '"We are ready," said John Smith in Paris.\nHe left.\n'

FIRST_AND_LATER = """
import sys, time
from reader.analysis import analyze
text = open(sys.argv[1], encoding="utf-8").read()
began = time.perf_counter(); analyze(text); first = time.perf_counter() - began
later = []
for _ in range(5):
    began = time.perf_counter(); analyze(text); later.append(time.perf_counter() - began)
print(first, min(later))
"""
REGEX_PASS = r"""
import re, sys
print(len(re.findall(r"\w+|[^\w\s]", open(sys.argv[1], encoding="utf-8").read())))
"""

Row = tuple[str, str, str, str, str]  # measure, value, baseline, ratio, target


def _best(runs: int, measure: Callable[[], float]) -> float:
    return min(measure() for _ in range(runs))


def analysis_rows(scratch: Path, runs: int, big_mb: float) -> list[Row]:
    env = {"NEWSREADER_CACHE": str(scratch / "cache"), "PATH": "/usr/bin:/bin"}
    if os.environ.get("PYTHONPATH"):  # A/B against another checkout's build
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    two = scratch / "two.txt"
    two.write_text(TWO_LINES, encoding="utf-8")
    subprocess.run([NEWSREADER, "analyze", str(two)], env=env, check=True, capture_output=True)
    pairs = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", FIRST_AND_LATER, str(SAMPLE)],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        first, later = map(float, done.stdout.split())
        pairs.append((first - later, first, later))
    extra, first, later = min(pairs)
    version = _best(runs, lambda: whole_process([NEWSREADER, "--version"], env))
    analyze = _best(runs, lambda: whole_process([NEWSREADER, "analyze", str(two)], env))
    big = scratch / "big.txt"
    big.write_text(generated_story(big_mb).text, encoding="utf-8")
    regex = _best(2, lambda: whole_process([sys.executable, "-c", REGEX_PASS, str(big)], env))
    whole = _best(2, lambda: whole_process([NEWSREADER, "analyze", str(big)], env))
    return [
        ("first analyze() - later one (sample)", f"{extra * 1e3:.1f} ms",
         f"{later * 1e3:.1f} ms", f"{first / later:.1f}x", "<= +30 ms"),
        ("`analyze` two-line story vs --version", f"{analyze * 1e3:.0f} ms",
         f"{version * 1e3:.0f} ms", f"{analyze / version:.2f}x", "<= 4x"),
        (f"`analyze` {big_mb} MB vs one regex pass", f"{whole:.2f} s",
         f"{regex:.2f} s", f"{whole / regex:.2f}x", "<= 3x"),
    ]  # fmt: skip


def _first_text_and_highlights(tmux: Tmux, scratch: Path, path: Path, phrase: str, keys: int = 20):
    """When the text shows, when its highlights do, and j/k latencies once they have."""
    # A story opened before reopens at its sentence, and the status line then describes
    # that sentence instead of the counts this waits for: start each run unread.
    for state in scratch.glob("annotations.reading.json*"):
        state.unlink()
    launch = Launch(tmux, [str(path)], scratch)
    try:
        text = launch.wait_for(lambda screen: phrase in screen)
        lit = launch.wait_for(lambda screen: bool(HIGHLIGHTED.search(screen)), timeout=300)
        latencies = [
            launch.key_latency("jk"[step % 2], KEY_TIMEOUT, answered=sentence_changed)
            for step in range(keys)
        ]
        return text, lit, latencies
    finally:
        launch.close()


def _unseen_sample(folder: Path, run: int) -> Path:
    """The sample with a last line of its own: a story the analysis cache has not seen."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"unseen-{run}.txt"
    text = SAMPLE.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n\nRun {run} of the bench.\n", encoding="utf-8")
    return path


def unseen_rows(tmux: Tmux, scratch: Path, runs: int) -> list[Row]:
    """Highlights of a story never analysed before: with the lexicons kept from an earlier
    launch (the usual case), and on a first launch ever (an empty cache folder)."""
    unseen, first_ever = [], []
    for run in range(runs):
        story = _unseen_sample(scratch / "unseen", run)
        text, lit, _keys = _first_text_and_highlights(tmux, scratch, story, SAMPLE_PHRASE, 0)
        unseen.append(lit - text)
        fresh = scratch / f"first-launch-{run}"  # its own cache folder, empty
        fresh.mkdir()
        # Bytecode stays warm, as after any install: only the cache folder is new.
        (scratch / "bytecode").mkdir(exist_ok=True)
        (fresh / "bytecode").symlink_to(scratch / "bytecode", target_is_directory=True)
        text, lit, _keys = _first_text_and_highlights(tmux, fresh, story, SAMPLE_PHRASE, 0)
        first_ever.append(lit - text)
    return [
        ("highlights after an unseen story's first text", f"{min(unseen) * 1e3:.0f} ms",
         "", "", "<= 300 ms"),
        ("  the same on a first launch (empty cache)", f"{min(first_ever) * 1e3:.0f} ms",
         "", "", ""),
    ]  # fmt: skip


def story_rows(tmux: Tmux, scratch: Path, runs: int, megabytes: float) -> list[Row]:
    samples = [
        _first_text_and_highlights(tmux, scratch, SAMPLE, SAMPLE_PHRASE) for _ in range(runs)
    ]
    sample_text = min(text for text, _lit, _keys in samples)
    sample_lit = min(lit - text for text, lit, _keys in samples)
    sample_keys = percentile([key for _text, _lit, keys in samples for key in keys], 0.99)
    story = generated_story(megabytes)
    big = scratch / "story.txt"
    big.write_text(story.text, encoding="utf-8")
    last = re.findall(r"Paragraph (\d+) opens", story.text)[-1]
    firsts, ends, latencies, peaks = [], [], [], []
    for _ in range(max(1, runs // 2)):
        launch = Launch(tmux, [str(big)], scratch)
        try:
            firsts.append(launch.wait_for(lambda screen: "Paragraph 0 opens" in screen))
            sent = launch.send("G")
            seen = launch.wait_for(lambda screen, last=last: f"Paragraph {last} " in screen)
            ends.append(launch.began + seen - sent)
            launch.send("g")
            # The status says "paragraph 1/" beside a sentence, "Paragraph 1/" alone.
            launch.wait_for(
                lambda screen: "Sentence 1/" in screen and "paragraph 1/" in screen.lower()
            )
            # Keys while the analysis runs (until the highlights land; 40 keys, 60 s at most).
            budget = time.perf_counter() + 60
            for step in range(40):
                if HIGHLIGHTED.search(launch.screen()) or time.perf_counter() > budget:
                    break
                key = "j" if step % 2 == 0 else "k"
                latencies.append(launch.key_latency(key, KEY_TIMEOUT, answered=sentence_changed))
                launch.sample_memory()
            peaks.append(launch.peak_mib)
        finally:
            launch.close()
    size = f"{megabytes:g} MB"
    return [
        ("highlights after the sample's first text", f"{sample_lit * 1e3:.0f} ms",
         "", "", "<= 300 ms"),
        (f"{size} story: first text vs 2 KB sample", f"{min(firsts) * 1e3:.0f} ms",
         f"{sample_text * 1e3:.0f} ms", f"{min(firsts) / sample_text:.2f}x", "<= 1.2x"),
        (f"{size} story: G at first text -> last paragraph", f"{min(ends) * 1e3:.0f} ms",
         "", "", "<= 500 ms"),
        (f"{size} story: key -> repaint p99 while analysed",
         f"{percentile(latencies, 0.99) * 1e3:.0f} ms",
         f"sample {sample_keys * 1e3:.0f} ms", f"{percentile(latencies, 0.99) / sample_keys:.2f}x",
         "<= 50 ms"),
        (f"{size} story: all processes, peak", f"{max(peaks):.0f} MiB", "", "", "<= 300 MiB"),
    ]  # fmt: skip


def _feed(items: int) -> str:
    entries = "".join(
        f"<item><title>Story {n} about harbour fares {n % 97}</title>"
        f"<link>https://example.com/{n}</link><description>Body {n}.</description></item>"
        for n in range(items)
    )
    channel = f"<channel><title>Big</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def _names_story(names: int) -> str:
    letters = "bcdfghjklmnpqrstvwxz"

    def surname(n: int) -> str:
        word = ""
        for _ in range(4):
            n, digit = divmod(n, len(letters))
            word += letters[digit] + "aeiou"[digit % 5]
        return word.capitalize()

    lines = [f'"Yes," said Anna {surname(n)} on Monday.' for n in range(names)]
    return "Many Names\n\n" + "\n\n".join(lines) + "\n"


def _stall(
    tmux: Tmux, scratch: Path, args: list[str], ready: str, keys: list[str], going: float = 0.0
):
    """The slowest of ``keys`` once ``ready`` shows, then of j and k alternately for
    ``going`` seconds more (a huge story is analysed for a minute: keys are timed while
    it is), and the peak memory of all processes meanwhile."""
    launch = Launch(tmux, args, scratch)
    try:
        launch.wait_for(lambda screen: ready in screen, timeout=600)
        until = time.perf_counter() + going
        latencies = []
        # j and k are answered when the status line names the new sentence.
        for key in keys:
            answered = sentence_changed if key in "jk" else None
            latencies.append(launch.key_latency(key, KEY_TIMEOUT, answered=answered))
            launch.sample_memory()
        while time.perf_counter() < until:
            key = "jk"[len(latencies) % 2]
            latencies.append(launch.key_latency(key, KEY_TIMEOUT, answered=sentence_changed))
            launch.sample_memory()
        if going:
            _until_memory_settles(launch)
        return max(latencies), launch.peak_mib
    finally:
        launch.close()


def _until_memory_settles(launch: Launch, quiet: float = 8.0, limit: float = 180.0) -> None:
    """Sample memory until the peak has not grown for ``quiet`` seconds: a big story is
    read, wrapped and analysed for a while after its first keys, and its memory counts
    once all of that is done."""
    deadline = time.perf_counter() + limit
    peak, since = launch.peak_mib, time.perf_counter()
    while time.perf_counter() - since < quiet and time.perf_counter() < deadline:
        time.sleep(0.25)
        launch.sample_memory()
        if launch.peak_mib > peak + 1:
            peak, since = launch.peak_mib, time.perf_counter()


STALLS = ("feed", "names", "huge", "tiny")


def stall_rows(
    tmux: Tmux, scratch: Path, scale: float, which: tuple[str, ...] = STALLS, going: float = 0.0
) -> list[Row]:
    rows: list[Row] = []
    if "feed" in which:
        rows += _feed_rows(tmux, scratch, scale)
    if "names" in which:
        rows += _names_rows(tmux, scratch, scale)
    # Measured in the same run as the stories it is compared with.
    floor = _two_line_mib(tmux, scratch) if {"huge", "tiny"} & set(which) else 0.0
    if "huge" in which:
        rows += _huge_rows(tmux, scratch, scale, going, floor)
    if "tiny" in which:
        rows += _tiny_rows(tmux, scratch, scale, going, floor)
    return rows


def _feed_rows(tmux: Tmux, scratch: Path, scale: float) -> list[Row]:
    rows: list[Row] = []
    items = int(100_000 * scale)
    feed = scratch / "big-feed.rss"
    feed.write_text(_feed(items), encoding="utf-8")
    worst, mib = _stall(tmux, scratch, [str(feed)], "Story", ["/", "h", "a", "r", "b", "7"])
    rows.append((f"{items:,}-item feed: filter keystroke, worst", f"{worst * 1e3:.0f} ms",
                 f"{mib:.0f} MiB", "", "<= 100 ms"))  # fmt: skip
    return rows


def _names_rows(tmux: Tmux, scratch: Path, scale: float) -> list[Row]:
    rows: list[Row] = []
    names = int(100_000 * scale)
    story = scratch / "names.txt"
    story.write_text(_names_story(names), encoding="utf-8")
    size = story.stat().st_size / 2**20
    keys = ["j", "k"] * 4 + ["i"]
    worst, mib = _stall(tmux, scratch, [str(story)], "said Anna", keys)
    rows.append((f"story with {names:,} names: j/k then i, worst", f"{worst * 1e3:.0f} ms",
                 f"{mib:.0f} MiB ({size:.1f} MB file)", "", "<= 100 ms"))  # fmt: skip
    return rows


def _two_line_mib(tmux: Tmux, scratch: Path, seconds: float = 3.0) -> float:
    """Peak memory of all processes of a launch with a two-line story: what a big story's
    memory is compared with (the app, its worker and tracker without a story to speak of)."""
    two = scratch / "two-line.txt"
    two.write_text(TWO_LINES, encoding="utf-8")
    # The first launch in a new cache folder builds the name tables in a process of its
    # own (and a launch closed before that build ends leaves it to the next): the least
    # of three launches, as every launch after a user's first.
    peaks = []
    for _ in range(3):
        launch = Launch(tmux, [str(two)], scratch)
        try:
            launch.wait_for(lambda screen: "We are ready" in screen)
            _until_memory_settles(launch, quiet=seconds, limit=30.0)
            peaks.append(launch.peak_mib)
        finally:
            launch.close()
    return min(peaks)


def _memory_row(label: str, mib: float, floor: float, size_mb: float) -> Row:
    added = mib - floor
    return (f"  {label}: memory added over a two-line story", f"{added:.0f} MiB",
            f"two-line {floor:.0f} MiB", f"{added / size_mb:.1f}x size", "<= 10x")  # fmt: skip


def _huge_rows(tmux: Tmux, scratch: Path, scale: float, going: float, floor: float) -> list[Row]:
    rows: list[Row] = []
    megabytes = 49 * scale
    huge = scratch / "huge.txt"
    huge.write_text(generated_story(megabytes).text, encoding="utf-8")
    worst, mib = _stall(tmux, scratch, [str(huge)], "Paragraph 0", ["j", "k"] * 5, going)
    per_mb = f"{mib / megabytes:.1f}x size"
    rows.append((f"{megabytes:g} MB story: j/k, worst", f"{worst * 1e3:.0f} ms",
                 f"{mib:.0f} MiB", per_mb, "<= 100 ms, <= 10x"))  # fmt: skip
    rows.append(_memory_row(f"{megabytes:g} MB story", mib, floor, megabytes))
    return rows


def _tiny_rows(tmux: Tmux, scratch: Path, scale: float, going: float, floor: float) -> list[Row]:
    rows: list[Row] = []
    paragraphs = int(1_000_000 * scale)
    tiny = scratch / "tiny.txt"
    tiny.write_text("Tiny\n\n" + "A b.\n\n" * paragraphs, encoding="utf-8")
    worst, mib = _stall(tmux, scratch, [str(tiny)], "A b.", ["j", "k"] * 5, going)
    size = tiny.stat().st_size / 2**20
    rows.append((f"{paragraphs:,} tiny paragraphs: j/k, worst", f"{worst * 1e3:.0f} ms",
                 f"{mib:.0f} MiB", f"{mib / size:.1f}x size", "<= 100 ms, <= 10x"))  # fmt: skip
    rows.append(_memory_row(f"{paragraphs:,} tiny paragraphs", mib, floor, size))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--big-analyze-mb", type=float, default=4.6)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="size of the #15 inputs (1 = the issue's)"
    )
    parser.add_argument(
        "--keys-for",
        type=float,
        default=30.0,
        help="seconds of j/k timed in the huge and tiny stories (while they are analysed)",
    )
    parser.add_argument("--only", choices=["analysis", "story", "unseen", "stalls"], default=None)
    parser.add_argument(
        "--stalls", nargs="+", choices=STALLS, default=STALLS, help="which big inputs"
    )
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("bench_responsive: needs tmux", file=sys.stderr)
        return 2
    rows: list[Row] = []
    tmux = Tmux()
    try:
        with tempfile.TemporaryDirectory(prefix="newsreader-responsive-") as name:
            scratch = Path(name)
            if args.only in (None, "analysis"):
                rows += analysis_rows(scratch, args.runs, args.big_analyze_mb)
            if args.only in (None, "story"):
                rows += story_rows(tmux, scratch, args.runs, args.megabytes)
            if args.only in (None, "story", "unseen"):
                rows += unseen_rows(tmux, scratch, args.runs)
            if args.only in (None, "stalls"):
                rows += stall_rows(tmux, scratch, args.scale, tuple(args.stalls), args.keys_for)
    finally:
        tmux.close()
    print(f"{'measure':52} {'value':>10} {'baseline':>22} {'ratio':>11}  target")
    for measure, value, baseline, ratio, target in rows:
        print(f"{measure:52} {value:>10} {baseline:>22} {ratio:>11}  {target}")
    print(f"best of {args.runs} runs; keys timed from send-keys to the changed screen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
