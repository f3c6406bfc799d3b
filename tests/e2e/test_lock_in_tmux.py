"""End to end: one `newsreader` writes a database; another is refused, until the first is killed.

The app holds the database in tmux as a reader would; a second `newsreader` (the app in
a second window, and `newsreader import`, which must write) meets the lock and says
who holds it. After SIGKILL of the holder, with no release and its lock file left on
disk, the next `newsreader import` writes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

from reader.store import AnnotationStore
from tests.e2e.test_app_in_tmux import REPO, session_factory, user_env  # noqa: F401 - fixtures
from tests.e2e.test_subscriptions_in_tmux import newsreader_pid
from tests.e2e.tmux import NEWSREADER, in_user_env
from tests.store.helpers import make_annotation

STORY = REPO / "sample_articles" / "moscow-us-strategic-stability.txt"


def _backup(folder: Path, env: dict[str, str]) -> Path:
    """A one-annotation JSON backup, written by `newsreader export` from a scratch database."""
    scratch = folder / "scratch.json"
    with AnnotationStore(scratch) as store:
        store.add(make_annotation(annotation_id="from-backup"))
    backup = folder / "backup.json"
    _newsreader(env, "--db", str(scratch), "export", "--output", str(backup), check=True)
    return backup


def _newsreader(env: dict[str, str], *args: str, check: bool = False):
    return subprocess.run(
        ["sh", "-c", in_user_env(env, [NEWSREADER, *args])],
        capture_output=True,
        text=True,
        check=check,
        timeout=60,
    )


def test_second_newsreader_is_read_only_until_the_holder_is_killed(
    session_factory,  # noqa: F811
    user_env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    backup = _backup(tmp_path, user_env)
    first = session_factory(str(STORY))
    first.wait_for("Moscow")
    holder = newsreader_pid(first)
    # The store opens after the first frame: the lock file names its holder once it has it.
    lock = Path(user_env["NEWSREADER_DB"] + ".lock")
    deadline = time.monotonic() + 30
    while not (lock.exists() and lock.read_text().strip() == str(holder)):
        assert time.monotonic() < deadline, "the app never took the database's lock"
        time.sleep(0.05)

    second = session_factory(str(STORY))
    second.wait_for(f"Another newsreader (process {holder})")  # read-only here, and why
    second.send("q")
    assert second.exit_status() == 0

    refused = _newsreader(user_env, "import", str(backup))
    assert refused.returncode == 2
    assert f"cannot import: Another newsreader (process {holder}) has" in refused.stderr
    assert "Traceback" not in refused.stderr

    os.kill(holder, signal.SIGKILL)  # no release, no clean-up: the lock file stays
    assert first.exit_status() != 0
    assert lock.exists()

    taken = _newsreader(user_env, "import", str(backup))
    assert taken.returncode == 0, taken.stderr
    assert "Imported 1 annotation" in taken.stdout
    exported = _newsreader(user_env, "export", "--format", "json", check=True)
    assert [doc["id"] for doc in json.loads(exported.stdout)["annotations"]] == ["from-backup"]
