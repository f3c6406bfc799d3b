"""Fixtures for the app shell: a small library of our own stories and an app factory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.locations import Locations

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_articles"

# Four short stories written for these tests: two share a word in the title ("Harbour"),
# two share a source ("Coastal Herald"), so filtering by title and by source both show.
STORIES: dict[str, str] = {
    "harbour-vote.txt": """Harbour Council Delays Vote on Ferry Fares

By Maria Lopez

March 3, 2024

Coastal Herald

The harbour council on Monday postponed a vote on ferry fares until the spring.

"We need more time to hear from the islands," said councillor Ana Ruiz.
""",
    "drought.txt": """Drought Forces Rationing in Valley Towns

By Peter Holm

January 12, 2023

Valley Gazette

Three towns in the upper valley will ration tap water from Friday.

"Every litre counts this summer," the mayor, Lena Brandt, said.
""",
    "museum.md": """---
title: Museum Returns Bronze Statue to Lagos
byline: Tunde Bakare
date: 2022-05-05
source: Arts Wire
---

The national museum handed back a bronze statue on Thursday.

"It belongs at home," the curator, Ngozi Eze, told reporters.
""",
    "pilots-strike.txt": """Harbour Pilots Strike Over Night Shifts

By Maria Lopez

September 9, 2024

Coastal Herald

Harbour pilots walked out at midnight over new rosters.

"Nobody can guide a tanker safely after sixteen hours," said union leader Tom Reyes.
""",
}


@pytest.fixture
def locations(tmp_path: Path) -> Locations:
    return Locations(
        db=tmp_path / "annotations.json",
        cache=tmp_path / "cache",
        config=tmp_path / "config",
        samples=SAMPLES,
    )


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def samples_copy(tmp_path: Path) -> Path:
    """The bundled samples at a fixed place, so nothing on screen depends on the checkout."""
    target = tmp_path / "sample_articles"
    shutil.copytree(SAMPLES, target)
    return target


@pytest.fixture
def make_app(locations: Locations) -> Callable[..., object]:
    from reader.ui.app import NewsReaderApp

    def make(*paths: Path) -> NewsReaderApp:
        return NewsReaderApp(list(paths), locations=locations)

    return make


@pytest.fixture(autouse=True)
def truecolour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app under test believes in a truecolour terminal, whatever TERM the test runner
    has: with TERM=xterm the painter would switch to its 16-colour styles (reader.ui.layers)
    and snapshots would depend on the machine. The 16-colour tests set it themselves."""
    import textual.constants

    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "truecolor")


@pytest.fixture(autouse=True)
def no_read_by_time_in_snapshots(request: pytest.FixtureRequest) -> None:
    """A snapshot must not depend on how fast the machine is: a story turns read after
    READ_AFTER seconds in the reader, which a loaded machine can pass before the screen is
    taken ("0 unread" instead of "1 unread"). Moving in the story still reads it."""
    if "snap_compare" in request.fixturenames:
        request.getfixturevalue("monkeypatch").setattr("reader.ui.reading.READ_AFTER", 3600.0)
