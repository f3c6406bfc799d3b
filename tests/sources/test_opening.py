"""The opening of a long story file: its first paragraphs as the whole file's reading
finds them, read from its first bytes only (issue #18)."""

from __future__ import annotations

from pathlib import Path

from reader.sources import load
from reader.sources.opening import OPENING_ABOVE, OPENING_BYTES, read_opening

HEADER = "Harbour Fares Rise Again\n\nBy Ann Lee\n\nJuly 27, 2021\n\nTASS\n\n"
PARAGRAPH = (
    "The council voted on Tuesday to raise the fares for the third time this year, and "
    'the ferry crews said "we were never asked" about the timetable.\n\n'
)


def long_file(tmp_path: Path, name: str, encoding: str = "utf-8", extra: str = "") -> Path:
    body = PARAGRAPH * (OPENING_ABOVE // len(PARAGRAPH) + 10)
    path = tmp_path / name
    path.write_bytes((HEADER + extra + body).encode(encoding))
    return path


def test_the_opening_is_the_start_of_the_whole_story(tmp_path: Path) -> None:
    path = long_file(tmp_path, "long.txt", extra="Café owners — «naturally» — agreed.\n\n")
    opening = read_opening(path)
    whole = load(path)
    assert opening is not None
    assert (opening.title, opening.byline, opening.published, opening.source) == (
        whole.title,
        whole.byline,
        whole.published,
        whole.source,
    )
    assert whole.text.startswith(opening.text) and len(opening.text) <= OPENING_BYTES
    assert opening.text.endswith("timetable.")  # cut at a paragraph break
    shown = len(opening.paragraphs)
    assert shown > 100 and opening.paragraphs == whole.paragraphs[:shown]


def test_markdown_opens_as_markdown(tmp_path: Path) -> None:
    path = long_file(tmp_path, "long.md")
    opening = read_opening(path)
    assert opening is not None and opening.paragraphs[:5] == load(path).paragraphs[:5]


def test_small_files_feeds_pages_and_guessed_encodings_have_no_opening(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_text(HEADER + PARAGRAPH * 10, encoding="utf-8")
    assert read_opening(small) is None
    assert read_opening(long_file(tmp_path, "long.rss")) is None
    assert read_opening(long_file(tmp_path, "long.html")) is None
    # Windows-1252 is a guess made from the whole file: its start alone could read otherwise.
    legacy = long_file(tmp_path, "legacy.txt", "cp1252", extra="Café owners agreed.\n\n")
    assert read_opening(legacy) is None
    assert read_opening(tmp_path / "missing.txt") is None
    assert read_opening(tmp_path) is None  # a folder
