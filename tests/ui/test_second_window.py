"""A second window while another newsreader is open: one notice says all it cannot do."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.locations import Locations
from reader.ui.app import NewsReaderApp
from tests.store.helpers import other_process
from tests.ui.test_tagging_data import SIZE, settle, until

# The first newsreader of the day: it holds the annotation database and the reading state.
_FIRST_WINDOW = """
import sys
from pathlib import Path
from reader.store.lock import WriterLock
from reader.store.reading_state import reading_state_path
db = Path(sys.argv[1])
held = [WriterLock.try_acquire(db), WriterLock.try_acquire(reading_state_path(db))]
print("held" if all(held) else "refused", flush=True)
sys.stdin.read()
"""


@contextmanager
def first_window(db: Path) -> Iterator[subprocess.Popen[str]]:
    with other_process(_FIRST_WINDOW, str(db)) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield process


async def test_one_notice_says_tags_and_places_are_not_kept(
    make_app: Callable[..., NewsReaderApp], library_dir: Path, locations: Locations
) -> None:
    with first_window(locations.db) as holder:
        app = make_app(library_dir)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await until(pilot, lambda: app.reading.state is not None)
            await until(pilot, lambda: app.annotations.store is not None)
            await settle(pilot)
            texts = [note.message for note in app._notifications]
            about_the_other = [text for text in texts if "Another newsreader" in text]
            assert len(about_the_other) == 1, texts
            (notice,) = about_the_other
            assert f"(process {holder.pid})" in notice
            assert "read-only" in notice and "not remembered" in notice
