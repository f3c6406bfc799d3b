"""`newsreader people` and `newsreader quotes` as a script meets them: JSON Lines on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.payloads import hostile_folder
from tests.services.stories import write_stories


def newsreader(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "reader.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def lines(result: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("library")
    write_stories(path)
    return path


def test_people_lists_each_person_once_most_quoted_first(folder: Path) -> None:
    result = newsreader("people", str(folder))
    assert result.returncode == 0, result.stderr
    people = lines(result)
    assert people[0]["name"] == "Priya Nandakumar"
    assert set(people[0]) == {
        "name",
        "kind",
        "quotes",
        "stories",
        "variants",
        "roles",
        "first",
        "last",
    }
    assert (people[0]["quotes"], people[0]["stories"]) == (4, 3)
    assert (people[0]["first"], people[0]["last"]) == ("2026-03-02", "2026-03-20")
    counts = [p["quotes"] for p in people]
    assert counts == sorted(counts, reverse=True)
    kinds = {p["name"]: p["kind"] for p in people}
    assert kinds["Ford Motor Company"] == "ORG" and kinds["Samuel Ford"] == "PER"
    assert [p["name"] for p in people].count("Ravi Nandakumar") == 1


def test_quotes_by_any_form_of_the_speaker_and_by_words(folder: Path) -> None:
    result = newsreader("quotes", str(folder), "--speaker", "Mayor Priya Nandakumar")
    assert result.returncode == 0, result.stderr
    quotes = lines(result)
    assert len(quotes) == 4
    assert {q["speaker"] for q in quotes} == {"Priya Nandakumar", "Nandakumar"}
    first = quotes[0]
    assert set(first) == {
        "speaker",
        "text",
        "title",
        "path",
        "published",
        "start",
        "end",
        "confidence",
    }
    story = Path(str(first["path"])).read_text(encoding="utf-8")
    assert story[int(first["start"]) : int(first["end"])] == first["text"]
    assert isinstance(first["confidence"], float)
    worded = lines(newsreader("quotes", str(folder), "--contains", "river LOWER"))
    assert [(q["speaker"], q["title"]) for q in worded] == [("Samuel Ford", "Market day returns")]


def test_a_bad_path_is_one_line_and_the_rest_still_come(folder: Path, tmp_path: Path) -> None:
    result = newsreader("people", str(tmp_path / "missing\x1b[31m.txt"), str(folder))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "\x1b" not in result.stderr
    assert "Traceback" not in result.stderr
    assert lines(result)[0]["name"] == "Priya Nandakumar"


def test_control_sequences_in_a_story_never_reach_the_terminal(tmp_path: Path) -> None:
    count = hostile_folder(tmp_path / "hostile")
    for command in ("people", "quotes"):
        result = newsreader(command, str(tmp_path / "hostile"))
        assert result.stdout.count("\n") >= 1  # the hostile story loads and is quoted
        for escape in ("\x1b", "\x07", "\x9b", "\x9d", "\u202e"):
            assert escape not in result.stdout and escape not in result.stderr
    assert count >= 1


def test_a_second_run_reads_the_analyses_the_first_one_kept(folder: Path, tmp_path: Path) -> None:
    import os

    env = {**os.environ, "NEWSREADER_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "reader.cli", "people", str(folder)]
    first = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    kept = sorted((tmp_path / "cache" / "analysis").glob("*.analysis"))
    assert len(kept) == len(list(folder.iterdir()))  # one analysis per story
    second = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert second.returncode == first.returncode == 0, second.stderr
    assert second.stdout == first.stdout


def test_a_surname_two_people_share_gives_both_and_says_so(folder: Path) -> None:
    result = newsreader("quotes", str(folder), "--speaker", "Nandakumar")
    assert result.returncode == 0, result.stderr
    speakers = {q["speaker"] for q in lines(result)}
    assert "Ravi Nandakumar" in speakers and "Priya Nandakumar" in speakers
    [note] = result.stderr.splitlines()
    assert "people (" in note  # the surname alone (one story) may stay a third entry
    assert "Priya Nandakumar" in note and "Ravi Nandakumar" in note


def test_a_speaker_no_one_answers_to_is_said_on_stderr(folder: Path) -> None:
    result = newsreader("quotes", str(folder), "--speaker", "Zelda Quist")
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.strip() == "newsreader quotes: no one quoted answers to 'Zelda Quist'"
