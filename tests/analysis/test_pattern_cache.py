"""Big patterns come from the cache folder's copy of their code, and match as compiled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis import lexicon_cache, pattern_cache
from reader.analysis.names import run_pattern

# Names, sentence openers, a dateline, initials, curly quotes and a name after "The".
TEXT = (
    "WASHINGTON (AP) — The Senate met on Tuesday. But Sen. Mary O'Neill of Maine said "
    "“We are not done,” and The Hague said nothing. In Paris, J. R. Smith and Ana de la "
    "Cruz spoke. However, Ms. Lee of the Department of Labor left.\n\nANOTHER LINE Here"
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(lexicon_cache.CACHE_ENV, str(tmp_path))
    return tmp_path / pattern_cache.FILE_NAME


def _entries(cache: Path) -> dict[str, pattern_cache.Compiled]:
    internals = pattern_cache._internals()
    assert internals is not None
    return pattern_cache._read(cache, pattern_cache._key(internals))


def _same(found: re.Pattern[str], pattern: str) -> None:
    expected = re.compile(pattern)
    assert (found.pattern, found.flags, found.groups) == (
        expected.pattern,
        expected.flags,
        expected.groups,
    )
    assert found.groupindex == expected.groupindex
    spans = [(m.span(), m.groups()) for m in found.finditer(TEXT)]
    assert spans == [(m.span(), m.groups()) for m in expected.finditer(TEXT)]
    assert spans  # the text does hold runs of names


def test_the_run_pattern_is_kept_and_read_back_the_same(cache: Path) -> None:
    pattern = run_pattern().pattern
    _same(pattern_cache.compiled(pattern), pattern)  # compiled, then kept
    kept = cache.stat().st_ino
    _same(pattern_cache.compiled(pattern), pattern)  # read back
    assert cache.stat().st_ino == kept  # not written again (a rewrite renames a new file)


def test_patterns_with_groups_are_kept_with_their_names(cache: Path) -> None:
    pattern = r"(?P<first>[A-Z]\w+) (?:(\w+) )?(?P<last>[A-Z]\w+)"
    pattern_cache.compiled(pattern)
    _same(pattern_cache.compiled(pattern), pattern)


def test_the_file_keeps_only_the_newest_patterns(cache: Path) -> None:
    patterns = [rf"(?P<word>[A-Z]\w+)|number {n}" for n in range(pattern_cache.MOST_KEPT + 3)]
    for pattern in patterns:
        pattern_cache.compiled(pattern)
    assert list(_entries(cache)) == patterns[-pattern_cache.MOST_KEPT :]
    _same(pattern_cache.compiled(patterns[-1]), patterns[-1])


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:-5],  # cut short
        lambda blob: blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:],  # a flipped byte
        lambda blob: b"garbage",
    ],
    ids=["truncated", "flipped-byte", "garbage"],
)
def test_a_damaged_file_is_compiled_again_and_rewritten(cache: Path, damage) -> None:
    pattern = run_pattern().pattern
    pattern_cache.compiled(pattern)
    cache.write_bytes(damage(cache.read_bytes()))
    _same(pattern_cache.compiled(pattern), pattern)
    assert set(_entries(cache)) == {pattern}  # whole again


def test_code_the_engine_refuses_is_compiled_again(cache: Path) -> None:
    # A whole, checksummed file whose code is nonsense: the engine validates it.
    pattern = r"[A-Z]\w+ said"
    internals = pattern_cache._internals()
    assert internals is not None
    key = pattern_cache._key(internals)
    entry = (32, [1, 2, 3, 999999], 0, {}, (None,))
    lexicon_cache.write_cache(cache, key, {pattern: entry})
    _same(pattern_cache.compiled(pattern), pattern)
    assert _entries(cache)[pattern] != entry  # the engine's own code, kept in its place


def test_entries_of_the_wrong_shape_are_not_used(cache: Path) -> None:
    pattern = r"[A-Z]\w+ said"
    internals = pattern_cache._internals()
    assert internals is not None
    key = pattern_cache._key(internals)
    lexicon_cache.write_cache(cache, key, {pattern: (32, ["code"], 0, {}, (None,))})
    _same(pattern_cache.compiled(pattern), pattern)


def test_an_unwritable_cache_folder_still_compiles(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "file-not-folder"
    folder.write_text("in the way")
    monkeypatch.setenv(lexicon_cache.CACHE_ENV, str(folder))
    pattern = run_pattern().pattern
    _same(pattern_cache.compiled(pattern), pattern)
