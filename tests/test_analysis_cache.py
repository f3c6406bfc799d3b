"""The analysis cache: what a reader would notice is a wrong or stale highlight, or a crash."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

import reader.cache.analysis_cache as analysis_cache
from reader.analysis import analyze
from reader.cache.analysis_cache import FOLDER, SUFFIX, AnalysisCache, cached_analyze

STORY = (
    '"We will not back down," said Maria Lopez, the mayor of Springfield. '
    "The council met on Tuesday.\n\n"
    'Lopez added: "The budget is balanced." John Smith of Acme Corp disagreed.'
)


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / FOLDER).glob("*" + SUFFIX))


def test_miss_then_hit_gives_the_same_analysis(tmp_path: Path, monkeypatch) -> None:
    first = cached_analyze(STORY, cache_dir=tmp_path)
    assert first == analyze(STORY)
    assert len(entries(tmp_path)) == 1

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysed again although cached")

    monkeypatch.setattr("reader.analysis.analyze", must_not_run)
    second = cached_analyze(STORY, cache_dir=tmp_path)
    assert second == first
    assert [q.speaker for q in second.quotes] == [q.speaker for q in first.quotes]
    # Group mentions are the same objects as the entities, as the analyser makes them.
    for group in second.groups:
        assert all(any(m is e for e in second.entities) for m in group.mentions)


def test_other_text_is_a_miss(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path, limit=1 << 20, version="v1")
    cache.put(STORY, analyze(STORY))
    assert cache.get(STORY + " More.") is None


def test_a_new_analyser_version_never_reads_old_entries(tmp_path: Path) -> None:
    old = AnalysisCache(tmp_path, limit=1 << 20, version="rules-before")
    stale = analyze(STORY)
    stale.quotes[0].speaker = "Someone Else"
    old.put(STORY, stale)
    assert old.get(STORY) is not None
    assert AnalysisCache(tmp_path, limit=1 << 20, version="rules-after").get(STORY) is None


def test_version_follows_the_analysis_sources() -> None:
    analysis_cache.analyser_version.cache_clear()
    version = analysis_cache.analyser_version()
    assert version == analysis_cache.analyser_version()
    assert re.fullmatch(r"[0-9a-f]{8}-\d+-[0-9a-f]{8}", version)


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage"])
def test_damaged_entry_is_dropped_and_recomputed(tmp_path: Path, damage: str) -> None:
    expected = cached_analyze(STORY, cache_dir=tmp_path)
    (entry,) = entries(tmp_path)
    data = bytearray(entry.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x20  # one letter of a name changes case
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(os.urandom(300))
    entry.write_bytes(bytes(data))

    cache = AnalysisCache(tmp_path / FOLDER)
    assert cache.get(STORY) is None
    assert not entry.exists()  # dropped
    assert cached_analyze(STORY, cache_dir=tmp_path) == expected
    assert len(entries(tmp_path)) == 1  # and written anew


def test_full_disk_means_no_cache_not_a_crash(tmp_path: Path, monkeypatch) -> None:
    real_replace = os.replace

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(analysis_cache.os, "replace", disk_full)
    assert cached_analyze(STORY, cache_dir=tmp_path) == analyze(STORY)
    assert entries(tmp_path) == []
    assert list((tmp_path / FOLDER).iterdir()) == []  # no temporary left behind
    monkeypatch.setattr(analysis_cache.os, "replace", real_replace)
    cached_analyze(STORY, cache_dir=tmp_path)
    assert len(entries(tmp_path)) == 1


def test_unwritable_cache_dir_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    assert cached_analyze(STORY, cache_dir=blocker) == analyze(STORY)


def test_size_bound_evicts_the_least_recently_used(tmp_path: Path) -> None:
    analysis = analyze(STORY)
    probe = AnalysisCache(tmp_path / "probe", limit=1 << 20, version="v")
    probe.put(STORY, analysis)
    (one,) = (tmp_path / "probe").glob("*" + SUFFIX)
    entry_size = one.stat().st_size

    cache = AnalysisCache(tmp_path / "bounded", limit=entry_size * 5, version="v")
    texts = [f"{STORY} {n}" for n in range(5)]
    for at, text in enumerate(texts):
        cache.put(text, analyze(text))
        os.utime(cache._path(text, "builtin"), (1000 + at, 1000 + at))
    assert cache.get(texts[0]) is not None  # used now: the newest
    cache.put(f"{STORY} 5", analyze(f"{STORY} 5"))

    kept = list((tmp_path / "bounded").glob("*" + SUFFIX))
    assert sum(p.stat().st_size for p in kept) <= entry_size * 5
    assert cache.get(texts[0]) is not None
    assert cache.get(f"{STORY} 5") is not None
    assert cache.get(texts[1]) is None  # the oldest went first


def test_zero_size_setting_turns_the_cache_off(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(analysis_cache.SIZE_ENV, "0")
    cached_analyze(STORY, cache_dir=tmp_path)
    assert entries(tmp_path) == []


def test_the_quoted_names_are_kept_beside_the_analysis_and_read_alone(tmp_path: Path) -> None:
    text = '"We are ready," said John Smith. "Not yet," Ann Lee said. "Soon," Smith added.'
    cache = AnalysisCache(tmp_path, version="v1")
    assert cache.get_speakers(text) is None
    analysis = analyze(text)
    assert cache.put(text, analysis)
    expected = tuple(dict.fromkeys(q.speaker for q in analysis.quotes if q.kind == "quote"))
    assert expected and cache.get_speakers(text) == expected
    # A damaged list of names is dropped, never read as names.
    (names,) = tmp_path.glob("*.speakers")
    names.write_bytes(names.read_bytes()[:-3] + b"xyz")
    assert cache.get_speakers(text) is None
    assert not names.exists()
    assert cache.get(text) is not None  # the analysis itself is still there


def test_evicting_an_entry_removes_its_names_too(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path, limit=1, version="v1")
    cache.limit = 10_000_000
    texts = [f'"Story {n}," said John Smith.' for n in range(3)]
    for text in texts:
        assert cache.put(text, analyze(text))
    assert len(list(tmp_path.glob("*.speakers"))) == 3
    cache.limit = 1
    cache._evict()
    assert list(tmp_path.glob("*.analysis")) == []
    assert list(tmp_path.glob("*.speakers")) == []


def test_a_long_storys_key_is_the_hash_of_its_whole_text(tmp_path: Path) -> None:
    # Encoded a megabyte at a time (a 49 MB story's bytes are not made whole), the key is
    # still the one of all its bytes: entries kept before stay found.
    from hashlib import blake2b

    cache = AnalysisCache(tmp_path, version="v1")
    text = ("Ünïcode 𝄞 and a lone \ud800 surrogate. " * 40_000)[: (1 << 20) + 7]
    whole = blake2b(digest_size=20)
    whole.update(b"v1\0builtin\0")
    whole.update(text.encode("utf-8", "surrogatepass"))
    assert cache._path(text, "builtin").name.startswith(whole.hexdigest())
