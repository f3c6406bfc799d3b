"""The terminal goes away under the app (tmux killed, an SSH drop) at any moment.

Each try starts the real `newsreader` in a private tmux server, closes the terminal at
one moment between 0.1 s into start-up and just after `q`, and then counts the
newsreader processes still alive 2 s later: there must be none. The database must not
be left locked (the next launch would open it read-only), and every annotation saved
before the close, including one tagged in the app a moment before, must still be there.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.store import AnnotationStore
from tests.e2e.tmux import NEWSREADER, in_user_env, server_env
from tests.hardening.test_app_signals import STORY, STORY_BODY, _annotations_on
from tests.web_server import LocalWebServer, Route, web_server  # noqa: F401 - fixture by name

EXIT_WITHIN = 2.0  # seconds from the terminal's close to the last process gone
AFTER_Q_WITHIN = 4.0  # seconds from q to the exit, whatever a worker thread is still doing
SAVED_BEFORE = 5  # annotations in the database before each launch
TAG = "closecheck"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


class PrivateTmux:
    """A tmux server of its own (``tmux -L``), so killing it touches nothing else."""

    def __init__(
        self, command: list[str], *, cwd: Path, env: dict[str, str], login: bool = False
    ) -> None:
        self.socket = f"newsreader-closed-{uuid.uuid4().hex[:8]}"
        self.status_file = cwd / ".exit-status"
        line = (
            f"cd {shlex.quote(str(cwd))} && {in_user_env(env, command)}; "
            f"echo $? > {shlex.quote(str(self.status_file))}"
        )
        size = ["-x", "120", "-y", "36"]
        if login:
            # As over SSH: an interactive shell with job control runs it as its foreground
            # job, in a process group of its own, and forwards the hang-up to it.
            shell = ["bash", "--norc", "--noprofile", "-i"]
            self._tmux("new-session", "-d", "-s", "main", *size, *shell)
            self.send("-l", line)
            self.send("Enter")
        else:  # a shell runs it in the pane, in the shell's own process group, then lingers
            self._tmux("new-session", "-d", "-s", "main", *size, "sh", "-c", f"{line}; sleep 30")

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=check,
            env=server_env(),
        )

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "main", check=False).stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")
            time.sleep(0.05)

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "main", *keys)

    def exit_status(self, timeout: float) -> int | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status_file.exists() and self.status_file.read_text().strip():
                return int(self.status_file.read_text())
            time.sleep(0.05)
        return None

    def kill_session(self) -> None:
        self._tmux("kill-session", "-t", "main", check=False)

    def kill_server(self) -> None:
        self._tmux("kill-server", check=False)
        # A killed server leaves its socket behind: each try would leave one more.
        folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)


class NewsreaderProcesses:
    """The newsreader processes started on one database, followed until really gone.

    An exiting process loses its command line before it closes its files (and so drops
    the database's lock): one seen once is followed by its pid until it is a zombie.
    """

    def __init__(self, db: Path) -> None:
        self._db = str(db).encode()
        self._seen: set[int] = set()

    def alive(self) -> list[int]:
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and int(entry.name) not in self._seen:
                try:
                    argv = (entry / "cmdline").read_bytes().split(b"\0")
                except OSError:
                    continue
                if NEWSREADER.encode() in argv and self._db in argv:
                    self._seen.add(int(entry.name))
        return sorted(pid for pid in self._seen if _running(pid))

    def gone_within(self, seconds: float) -> tuple[float, list[str]]:
        """Seconds until none was left (at most ``seconds``), and the state of any left.

        Any left is killed: the test never leaves its own processes behind.
        """
        started = time.monotonic()
        while self.alive() and time.monotonic() < started + seconds:
            time.sleep(0.02)
        took = time.monotonic() - started
        survivors = self.alive()
        states = [describe(pid) for pid in survivors]
        for pid in survivors:
            os.kill(pid, signal.SIGKILL)
        while self.alive():
            time.sleep(0.02)
        return took, states


def _running(pid: int) -> bool:
    """Any thread of ``pid`` still running: a process's files (and so the database's lock)
    go with its last thread, which may outlive the main one, already a zombie."""
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return False
    for task in tasks:
        try:
            state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in ("Z", "X"):
            return True
    return False


def describe(pid: int) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        wchan = Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return f"{pid}: gone"
    state = next((line for line in status.splitlines() if line.startswith("State:")), "")
    return f"{pid}: {state.strip()} in {wchan or '?'}"


@dataclass(frozen=True, slots=True)
class Moment:
    """When the terminal closes: ``after`` seconds past ``step``; and how it closes."""

    step: str  # "launch", "first frame", "tagged" (a tag saved in the app) or "q"
    after: float
    how: str = "kill-session"  # or "kill-server"
    login: bool = False  # run from an interactive shell, as over SSH

    def __str__(self) -> str:
        shell = ", from a login shell" if self.login else ""
        return f"{self.after:.2f}s after {self.step} ({self.how}{shell})"


@dataclass(slots=True)
class Outcome:
    moment: Moment
    survivors: list[str]  # state of each process alive EXIT_WITHIN after the close
    seconds: float  # from the close to the last process gone (or EXIT_WITHIN)
    read_only: bool
    lost: set[str]  # ids of annotations saved before the close and missing after it
    tagged_kept: bool | None  # the tag made in the app is there (None: no tag was made)


def _template_db(folder: Path) -> tuple[Path, set[str]]:
    from reader.sources import load_all

    articles, errors = load_all([STORY], cache_dir=folder / "cache")
    assert not errors
    annotations = _annotations_on(next(iter(articles)), SAVED_BEFORE)
    db = folder / "template.json"
    with AnnotationStore(db) as store:
        store.add_many(annotations)
    return db, {annotation.id for annotation in annotations}


def _user_env(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }


def close_terminal_at(moment: Moment, home: Path, template: Path, ids: set[str]) -> Outcome:
    home.mkdir()
    db = home / "annotations.json"
    shutil.copyfile(template, db)
    env = _user_env(home)
    command = [NEWSREADER, "--db", str(db), str(STORY)]
    processes = NewsreaderProcesses(db)
    tmux = PrivateTmux(command, cwd=home, env=env, login=moment.login)
    tagged = False
    try:
        if moment.step != "launch":
            tmux.wait_for(STORY_BODY)
            processes.alive()  # noted while its command line can be read
        if moment.step in ("tagged", "q"):
            time.sleep(0.5)  # the store opens just after the first frame
        if moment.step == "tagged":
            tmux.send("j", "t")
            tmux.wait_for("Tag passage")
            tmux.send("-l", TAG)
            tmux.send("Enter")
            tmux.wait_for(f"Tagged: #{TAG}")
            tagged = True
        if moment.step == "q":
            tmux.send("q")
        time.sleep(moment.after)
        if moment.step == "launch":
            processes.alive()
    finally:
        tmux.kill_server() if moment.how == "kill-server" else tmux.kill_session()
    seconds, states = processes.gone_within(EXIT_WITHIN)
    tmux.kill_server()
    with AnnotationStore(db) as store:
        read_only = store.read_only
        kept = store.all()
    kept_ids = {annotation.id for annotation in kept}
    tagged_kept = any(TAG in a.tags for a in kept) if tagged else None
    return Outcome(moment, states, seconds, read_only, ids - kept_ids, tagged_kept)


def _check(outcomes: list[Outcome]) -> None:
    problems = []
    for outcome in outcomes:
        if outcome.survivors:
            problems.append(f"{outcome.moment}: still running {outcome.survivors}")
        if outcome.read_only:
            problems.append(f"{outcome.moment}: the next launch opened the database read-only")
        if outcome.lost:
            problems.append(f"{outcome.moment}: {len(outcome.lost)} saved annotation(s) lost")
        if outcome.tagged_kept is False:
            problems.append(f"{outcome.moment}: the tag saved in the app was lost")
    assert not problems, "\n".join(problems)


CI_MOMENTS = [
    Moment("launch", 0.1),
    Moment("launch", 0.3, "kill-server"),
    Moment("launch", 0.6),
    Moment("first frame", 0.0, "kill-server"),
    Moment("first frame", 0.3),
    Moment("tagged", 0.0),
    Moment("q", 0.0),
    Moment("q", 0.02, "kill-server"),
    Moment("q", 0.05),
    Moment("q", 0.1, "kill-server"),
    Moment("q", 0.2),
    Moment("launch", 0.5, login=True),
    Moment("q", 0.05, "kill-server", login=True),
]


def test_closing_the_terminal_at_any_moment_leaves_nothing_behind(tmp_path: Path) -> None:
    template, ids = _template_db(tmp_path)
    outcomes = [
        close_terminal_at(moment, tmp_path / f"try{n}", template, ids)
        for n, moment in enumerate(CI_MOMENTS)
    ]
    _check(outcomes)


@pytest.mark.parametrize("closing", ["q", "kill-session"])
def test_a_page_still_loading_does_not_hold_the_exit(
    tmp_path: Path,
    web_server: LocalWebServer,  # noqa: F811
    closing: str,
) -> None:
    # The page answers after 30 s; the fetch would wait 15 s for it before giving up.
    web_server.routes["/slow"] = Route(200, b"<p>late</p>", {"Content-Type": "text/html"}, 30)
    db = tmp_path / "annotations.json"
    command = [NEWSREADER, "--db", str(db), web_server.url("/slow")]
    processes = NewsreaderProcesses(db)
    tmux = PrivateTmux(command, cwd=tmp_path, env=_user_env(tmp_path))
    try:
        tmux.wait_for("Loading stories")
        processes.alive()
        time.sleep(0.3)
        if closing == "q":
            tmux.send("q")
            status = tmux.exit_status(timeout=AFTER_Q_WITHIN)
            assert status == 0, tmux.screen()
            assert "Loading stories" not in tmux.screen()  # the shell's screen is back
        else:
            tmux.kill_session()
            _took, survivors = processes.gone_within(EXIT_WITHIN)
            assert not survivors, f"still running after the terminal closed: {survivors}"
    finally:
        tmux.kill_server()
        processes.gone_within(0)


def _stress_moments() -> list[Moment]:
    moments = []
    for how in ("kill-session", "kill-server"):
        moments += [Moment("launch", 0.1 * n, how) for n in range(1, 16)]
        moments += [Moment("first frame", 0.1 * n, how) for n in range(0, 6)]
        moments += [Moment("tagged", 0.05 * n, how) for n in range(0, 3)]
        moments += [Moment("q", 0.02 * n, how) for n in range(0, 12)]
        moments += [Moment("launch", 0.2 * n, how, login=True) for n in range(1, 8)]
        moments += [Moment("q", 0.03 * n, how, login=True) for n in range(0, 6)]
    return moments


@pytest.mark.stress
@pytest.mark.timeout(1800)  # ~120 launches
@pytest.mark.skipif(not os.environ.get("NEWSREADER_STRESS"), reason="make stress runs this")
def test_closing_the_terminal_stress(tmp_path: Path) -> None:
    template, ids = _template_db(tmp_path)
    outcomes = [
        close_terminal_at(moment, tmp_path / f"try{n}", template, ids)
        for n, moment in enumerate(_stress_moments())
    ]
    _check(outcomes)
