"""Start-up: from launching the real `newsreader` command to the story's text on screen.

Each run starts a detached tmux session (120x36) running the command, then polls
`tmux capture-pane` until a phrase from the story's first paragraph is visible. The
baseline is a Textual app holding one `Static` with that same paragraph, launched and
timed the same way, so the table shows what newsreader adds on top of Textual itself
(the terminal, tmux and Python start-up cost both the same). Target: <= 1.3x the baseline.

Both commands run from warm bytecode, as on every launch after a user's first: one
untimed launch of each case first compiles every module they import (Textual's and
ours alike) into a scratch cache. Without it, an environment with
PYTHONDONTWRITEBYTECODE set (or a read-only, editable install) recompiles our own
modules on every launch while Textual's come precompiled from its wheel, and the
ratio measures the compiler, not the app.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_articles" / "moscow-us-strategic-stability.txt"
TARGET_RATIO = 1.3  # issue #18: first frame <= 1.3x a one-Static Textual app
POLL_SECONDS = 0.005

STATIC_APP = """
import sys
from textual.app import App
from textual.widgets import Static

class OneStatic(App):
    def compose(self):
        yield Static(sys.argv[1])

OneStatic().run()
"""


@dataclass(slots=True)
class Case:
    name: str
    command: list[str]
    phrase: str  # appears on screen once the story is drawn
    import_path: str = ""  # PYTHONPATH: another checkout's reader package (--before)


def first_words(paragraph: str, count: int = 3) -> str:
    return " ".join(paragraph.split()[:count])


def first_paragraph(path: Path) -> str:
    from reader.sources import load

    article = load(path)
    span = article.paragraphs[0]
    return " ".join(article.text[span.start : span.end].split())


def first_story(folder: Path) -> Path:
    """The story newsreader shows first for ``folder``: the newest one."""
    from reader.services.library import newest_first
    from reader.sources import load_all

    articles, _errors = load_all([folder])
    path = newest_first(articles)[0].path
    assert path is not None
    return Path(path)


# The server's environment reaches every app it starts: COLUMNS/LINES from the shell
# that ran `make bench` would fix the app's size whatever the pane's.
_TERMINAL_ENV = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}


class Tmux:
    """A tmux server of our own (private socket), kept alive between runs by one idle session.

    Without the idle session the server exits with each run's last session, and the next
    run can race that shutdown; a private socket keeps other users' tmux out of the way.
    """

    def __init__(self) -> None:
        self.socket = f"nr-bench-{os.getpid()}"
        self("new-session", "-d", "-s", "keeper", "sleep", "3600")

    def __call__(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=check,
            env=_TERMINAL_ENV,
        )
        return result.stdout

    def close(self) -> None:
        self("kill-server", check=False)


def time_to_phrase(
    tmux: Tmux,
    case: Case,
    workdir: Path,
    timeout: float,
    priority: bool = False,
    cpu: list[float] | None = None,
) -> float:
    """Seconds from `tmux new-session` to the phrase being on screen.

    ``cpu``: gets the processor time the launched process had used by then (all its
    threads, 10 ms ticks). On a loaded machine the wall time mostly measures the wait
    for a core; the processor time is what the app itself costs.

    ``priority``: the launch runs ahead of the other sessions on the machine. Each tmux
    pane is a session of its own (its own autogroup), so raising the bench's session
    (bench_corpus.raise_priority) would not reach it: the pane raises its own first.
    """
    name = f"nr-bench-{uuid.uuid4().hex[:8]}"
    env = {
        "HOME": str(workdir),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NEWSREADER_DB": str(workdir / "annotations.json"),
        "PYTHONPYCACHEPREFIX": str(workdir / "bytecode"),
    }
    # A/B against another checkout's build: --before OTHER, or PYTHONPATH=OTHER for all.
    if case.import_path or os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = case.import_path or os.environ["PYTHONPATH"]
    exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    command = shlex.join(case.command)
    script = (
        f"cd {shlex.quote(str(workdir))} && exec env -u PYTHONDONTWRITEBYTECODE {exports} {command}"
    )
    if priority:
        script = f"echo -20 > /proc/self/autogroup && {script}"
    began = time.perf_counter()
    pid = tmux(
        "new-session", "-d", "-P", "-F", "#{pane_pid}", "-s", name, "-x", "120", "-y", "36",
        "sh", "-c", script,
    )  # fmt: skip
    try:
        while True:
            screen = tmux("capture-pane", "-p", "-t", name, check=False)
            elapsed = time.perf_counter() - began
            if case.phrase in screen:
                if cpu is not None:
                    cpu.append(cpu_seconds(int(pid)))
                return elapsed
            if elapsed > timeout:
                raise RuntimeError(f"{case.name}: {case.phrase!r} never appeared:\n{screen}")
            time.sleep(POLL_SECONDS)
    finally:
        end(int(pid))
        tmux("kill-session", "-t", name, check=False)


def cpu_seconds(pid: int) -> float:
    """User and system time of process ``pid`` so far (every thread), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def end(pid: int, timeout: float = 10.0) -> None:
    """Stop a launch as `q` would, and wait until it has gone, terminal still attached.

    Waiting keeps one launch's exit (newsreader closes its database and lets its
    threads finish) from slowing down the next launch, and keeps it from holding the
    database's lock. Killing the tmux session instead hangs up the terminal under a
    starting app, which can leave Textual blocked on writes to it for good.
    """
    with contextlib.suppress(ProcessLookupError, FileNotFoundError):  # it has gone
        os.kill(pid, signal.SIGTERM)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            os.kill(pid, 0)
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return  # exited; tmux reaps it
            time.sleep(0.01)
        os.kill(pid, signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches per case (default 5)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per launch")
    parser.add_argument(
        "--before",
        type=Path,
        metavar="DIR",
        help="also launch `newsreader FILE` with the reader package of checkout DIR (its "
        "analysis built) in the same rounds: before/after under the same load",
    )
    parser.add_argument(
        "--priority",
        action="store_true",
        help="launches run ahead of the other sessions on the machine (needs root)",
    )
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("bench_startup: needs tmux (apt-get install tmux)", file=sys.stderr)
        return 2
    newsreader = str(Path(sys.executable).with_name("newsreader"))
    folder_story = first_story(REPO / "sample_articles")
    sample_paragraph = first_paragraph(SAMPLE)
    cases = [
        Case(
            "one-Static Textual app (baseline)",
            [sys.executable, "-c", STATIC_APP, sample_paragraph],
            first_words(sample_paragraph),
        ),
        Case("newsreader FILE", [newsreader, str(SAMPLE)], first_words(sample_paragraph)),
        *(
            [
                Case(
                    "newsreader FILE, --before checkout",
                    [newsreader, str(SAMPLE)],
                    first_words(sample_paragraph),
                    import_path=str(args.before.resolve()),
                )
            ]
            if args.before is not None
            else []
        ),
        Case(
            "newsreader sample_articles/",
            [newsreader, str(REPO / "sample_articles")],
            first_words(first_paragraph(folder_story)),
        ),
    ]
    timings: dict[str, list[float]] = {case.name: [] for case in cases}
    cpu: dict[str, list[float]] = {case.name: [] for case in cases}
    tmux = Tmux()
    try:
        with tempfile.TemporaryDirectory(prefix="newsreader-bench-") as scratch:
            for case in cases:  # warm-up, untimed: fills the bytecode cache
                time_to_phrase(tmux, case, Path(scratch), args.timeout, args.priority)
            for _ in range(args.runs):
                for case in cases:  # interleaved, so background load hits every case alike
                    seconds = time_to_phrase(
                        tmux, case, Path(scratch), args.timeout, args.priority, cpu[case.name]
                    )
                    timings[case.name].append(seconds)
    finally:
        tmux.close()
    baseline = statistics.median(timings[cases[0].name])
    cpu_baseline = statistics.median(cpu[cases[0].name])
    print(
        f"{'case':<36} {'median ms':>10} {'min ms':>8} {'x baseline':>11}"
        f" {'cpu ms':>7} {'cpu x':>6}  target"
    )
    for case in cases:
        median = statistics.median(timings[case.name])
        ratio = median / baseline
        used = statistics.median(cpu[case.name])
        verdict = "" if case is cases[0] else ("met" if ratio <= TARGET_RATIO else "MISSED")
        print(
            f"{case.name:<36} {median * 1000:>10.0f} {min(timings[case.name]) * 1000:>8.0f}"
            f" {ratio:>10.2f}x {used * 1000:>7.0f} {used / cpu_baseline:>5.2f}x  {verdict}"
        )
    print(f"target: newsreader <= {TARGET_RATIO:.1f}x the baseline (median of {args.runs} runs)")
    print("cpu: processor time the process had used when the phrase was seen (median)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
