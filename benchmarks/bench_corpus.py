"""Corpus mode: `newsreader analyze` over a JSON Lines corpus, timed as whole shell commands.

The corpus is the bundled sample stories, each copy made unique by a closing line of its
own, written to a temporary folder until it passes the size asked for. Every command
runs in `bash -c` with its records sent to /dev/null, start-up and worker start-up
included; the cases take turns round by round (background load on the shared machine
hits them all alike) and each keeps its best round.

Targets: `--jobs 2` at least 1.7x as fast as `--jobs 1` over >= 20 MB; Dask's local
scheduler with two worker processes within 1.3x of `--jobs 2`; and the peak memory of
the whole process tree (every worker included, sampled from /proc as proportional set
size, so pages the forked workers share count once) for a 200 MB corpus
within 10% of that for a 20 MB one.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
SPEED_TARGET = 1.7  # --jobs 2 against --jobs 1
DASK_TARGET = 1.3  # Dask local against --jobs 2
MEMORY_TARGET = 1.10  # 200 MB against 20 MB
SAMPLE_SECONDS = 0.02
TICKS = os.sysconf("SC_CLK_TCK")


def write_corpus(path: Path, min_bytes: int) -> int:
    """Sample stories as documents {id, text} until ``min_bytes``; the bytes written."""
    stories = [
        p.read_text(encoding="utf-8")
        for p in sorted(SAMPLES.iterdir())
        if p.suffix in (".txt", ".md") and p.is_file()
    ]
    size = 0
    number = 0
    with path.open("w", encoding="utf-8") as out:
        while size < min_bytes:
            story = stories[number % len(stories)]
            document = {"id": f"doc-{number:07d}", "text": f"{story}\n\nFiled as item {number}."}
            line = json.dumps(document, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            number += 1
    return size


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _tree_usage(root: int, cpu_seen: dict[int, float]) -> int:
    """Summed memory (PSS, kilobytes) of ``root`` and its descendants; records their CPU."""
    tree = _children()
    total = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(tree.get(pid, []))
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            # Proportional set size: a page shared by the forked workers counts once.
            with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
                for line in rollup:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
        # utime and stime, in clock ticks: fields 14 and 15 of stat, 12 and 13 after ")".
        cpu_seen[pid] = (int(fields[11]) + int(fields[12])) / TICKS
    return total


@dataclass(slots=True)
class Run:
    seconds: float
    peak_tree_kb: int
    cpu_seconds: float  # of every process in the tree, as last sampled


def run(command: str) -> Run:
    """Wall time of ``command``, and the peak memory and the CPU time of its process tree."""
    peak = 0
    cpu_seen: dict[int, float] = {}
    began = time.perf_counter()
    process = subprocess.Popen(["bash", "-c", command], stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_usage(process.pid, cpu_seen))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - began
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"bench_corpus: {command!r} failed: {errors.decode(errors='replace')}")
    return Run(seconds, peak, sum(cpu_seen.values()))


def analyze_command(corpus: Path, *options: str) -> str:
    newsreader = str(Path(sys.executable).with_name("newsreader"))
    words = [newsreader, "analyze", str(corpus), *options]
    return " ".join(shlex.quote(word) for word in words) + " > /dev/null"


def has_dask() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_corpus")
    parser.add_argument("--mb", type=float, default=20.0, help="speed corpus (default 20)")
    parser.add_argument("--memory-mb", type=float, default=200.0, help="big corpus (200)")
    parser.add_argument("--runs", type=int, default=3, help="rounds; the best counts")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsreader-corpus-") as scratch:
        small = Path(scratch) / "small.jsonl"
        big = Path(scratch) / "big.jsonl"
        small_mb = write_corpus(small, int(args.mb * 1_000_000)) / 1_000_000
        cases = {
            "--jobs 1": analyze_command(small, "--jobs", "1"),
            "--jobs 2": analyze_command(small, "--jobs", "2"),
        }
        if has_dask():
            cases["--scheduler local --jobs 2"] = analyze_command(
                small, "--scheduler", "local", "--jobs", "2"
            )
        run(analyze_command(small, "--jobs", "2", "--summary"))  # warm-up: bytecode caches
        runs: dict[str, list[Run]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, command in cases.items():
                runs[name].append(run(command))
        best = {name: min(r.seconds for r in rounds) for name, rounds in runs.items()}
        load = os.getloadavg()[0]
        print(
            f"speed: {small_mb:.1f} MB, {os.cpu_count()} cores, best of {args.runs} rounds, "
            f"load average {load:.1f}"
        )
        if load > (os.cpu_count() or 1):
            print("(other work shares the cores: the wall-clock ratios below understate)")
        print(f"{'command':<30} {'seconds':>8} {'CPU s':>6} {'MB/s':>6}  {'ratio':>24}  target")
        for name, seconds in best.items():
            if name == "--jobs 1":
                ratio, verdict = "", ""
            elif name == "--jobs 2":
                speedup = best["--jobs 1"] / seconds
                ratio = f"{speedup:.2f}x faster than --jobs 1"
                verdict = "met" if speedup >= SPEED_TARGET else "MISSED"
            else:
                slowdown = seconds / best["--jobs 2"]
                ratio = f"{slowdown:.2f}x the time of --jobs 2"
                verdict = "met" if slowdown <= DASK_TARGET else "MISSED"
            cpu = min(r.cpu_seconds for r in runs[name])
            print(
                f"{name:<30} {seconds:>8.2f} {cpu:>6.1f} {small_mb / seconds:>6.2f}"
                f"  {ratio:>24}  {verdict}"
            )
        if not has_dask():
            print("(Dask not installed: pip install 'newsreader[dask]' for its row)")

        big_mb = write_corpus(big, int(args.memory_mb * 1_000_000)) / 1_000_000
        small_peak = min(r.peak_tree_kb for r in runs["--jobs 2"])
        big_run = run(analyze_command(big, "--jobs", "2"))
        growth = big_run.peak_tree_kb / small_peak
        print()
        print("peak memory of the whole process tree, --jobs 2")
        print(f"{'input':<12} {'peak MB':>8} {'seconds':>8}  {'x small':>8}  target")
        print(f"{small_mb:>7.1f} MB   {small_peak / 1024:>8.1f} {best['--jobs 2']:>8.2f}")
        verdict = "met" if growth <= MEMORY_TARGET else "MISSED"
        print(
            f"{big_mb:>7.1f} MB   {big_run.peak_tree_kb / 1024:>8.1f} {big_run.seconds:>8.2f}"
            f"  {growth:>7.2f}x  {verdict}"
        )
        print(
            f"targets: --jobs 2 >= {SPEED_TARGET}x --jobs 1; Dask <= {DASK_TARGET}x --jobs 2; "
            f"memory <= {MEMORY_TARGET:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
