"""What the first frame costs in imports (issue #18, start-up): modules made lazy stay out
of it, and modules it needs define no dataclasses where a named tuple or a plain class
does (the dataclass code generator costs ~0.7 ms of CPU per class at import).

The app runs in a fresh interpreter, so nothing an earlier test imported counts; what is
recorded is what had been imported, and which classes went through the dataclass
generator, when the first frame was drawn.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "sample_articles" / "moscow-us-strategic-stability.txt"

PROBE = """
import asyncio, dataclasses, json, sys
from pathlib import Path

made = []
real = dataclasses._process_class

def counted(cls, *args, **kwargs):
    made.append(f"{cls.__module__}.{cls.__qualname__}")
    return real(cls, *args, **kwargs)

dataclasses._process_class = counted

from reader.locations import Locations
from reader.ui.app import NewsReaderApp

seen = {}
drawn = NewsReaderApp._first_frame_drawn

def first_frame(self):
    seen["modules"] = sorted(sys.modules)
    seen["dataclasses"] = list(made)
    drawn(self)

NewsReaderApp._first_frame_drawn = first_frame
home = Path(sys.argv[2])
locations = Locations(db=home / "db.json", cache=home / "cache", config=home / "config",
                      samples=home)

async def main():
    app = NewsReaderApp([Path(sys.argv[1])], locations=locations)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(1500):  # a loaded machine: up to 30 s
            if seen:
                break
            await pilot.pause(0.02)

asyncio.run(main())
print(json.dumps(seen))
"""


@pytest.fixture(scope="module")
def first_frame(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    home = tmp_path_factory.mktemp("first-frame")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(STORY), str(home)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=REPO,
    )
    seen: dict[str, list[str]] = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen, "the first frame was never drawn"
    return seen


# Imported for the first frame, and made cheap to import: no dataclass of theirs.
NO_DATACLASSES = (
    "reader.services.annotation_results",
    "reader.services.store_queue",
    "reader.services.tagging",
    "reader.services.library_search",
    "reader.ui.keys",
    "reader.ui.widgets.article_header",
    "reader.ui.widgets.story_rows",
    "reader.sources.decoding",
)
# Some of their classes are named tuples now, the rest not yet: these make no more.
AT_MOST = {"reader.ui.layers": 1}


@pytest.mark.parametrize("module", NO_DATACLASSES)
def test_first_frame_modules_define_no_dataclasses(
    first_frame: dict[str, list[str]], module: str
) -> None:
    assert module in first_frame["modules"]
    made = [name for name in first_frame["dataclasses"] if name.startswith(f"{module}.")]
    assert made == []


@pytest.mark.parametrize(("module", "most"), AT_MOST.items())
def test_first_frame_modules_make_no_more_dataclasses_than_they_did(
    first_frame: dict[str, list[str]], module: str, most: int
) -> None:
    assert module in first_frame["modules"]
    made = [name for name in first_frame["dataclasses"] if name.startswith(f"{module}.")]
    assert len(made) <= most, made
