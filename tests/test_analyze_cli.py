"""`newsreader analyze` as a script or the scorer meets it: JSON Lines on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_articles" / "moscow-us-strategic-stability.txt"


def analyze(*paths: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "reader.cli", "analyze", *paths]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_story_file_gives_one_record_with_quotes_speakers_and_names() -> None:
    result = analyze(str(SAMPLE))
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["title"].startswith("Moscow Hopes U.S.")
    assert record["author"] == "AFP"
    assert record["published"] == "2021-07-27"
    text = record["text"]
    assert text == SAMPLE.read_text(encoding="utf-8")
    for quote in record["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert 0.0 <= quote["confidence"] <= 1.0  # how sure the attribution is
    speakers = {q["speaker"] for q in record["quotes"]}
    assert {"Sergei Ryabkov", "Dmitry Peskov"} <= speakers
    ryabkov = next(q for q in record["quotes"] if q["text"].startswith('"understand'))
    assert text[ryabkov["speaker_start"] : ryabkov["speaker_end"]] == "Sergei Ryabkov"
    names = {(e["text"], e["label"]) for e in record["entities"]}
    assert ("Dmitry Peskov", "PER") in names
    assert ("Kremlin", "ORG") in names
    for entity in record["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]


def test_jsonl_documents_echo_their_ids(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    lines = [
        {"id": "a-1", "text": '"We will not back down," Mayor Ana Ruiz said on Monday.'},
        {"id": "b-2", "text": "No quotes here, only Paris and London."},
    ]
    docs.write_text("\n".join(json.dumps(d) for d in lines) + "\n", encoding="utf-8")
    result = analyze(str(docs))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a-1", "b-2"]
    assert records[0]["quotes"][0]["speaker"] == "Ana Ruiz"
    assert records[1]["quotes"] == []


def test_scare_quotes_are_listed_apart_from_speech(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    text = (
        'Holt was on "Face the Nation" to defend the so-called "reform" of the port. '
        '"It will not pass," Senator Mia Holt said on Tuesday.'
    )
    docs.write_text(json.dumps({"id": "s-1", "text": text}) + "\n", encoding="utf-8")
    result = analyze(str(docs))
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert [q["text"] for q in record["quotes"]] == ['"It will not pass,"']
    assert record["quotes"][0]["kind"] == "quote"
    scare = [(q["text"], q["kind"]) for q in record["scare_quotes"]]
    assert scare == [('"Face the Nation"', "scare"), ('"reform"', "scare")]


def test_bad_file_is_one_line_status_2_and_good_files_still_printed(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    result = analyze(str(binary), str(SAMPLE))
    assert result.returncode == 2
    assert len(result.stdout.splitlines()) == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    assert "photo.txt" in errors[0]
    assert "Traceback" not in result.stderr


def test_feed_gives_one_record_per_item(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Wire</title><link>http://example.org/</link>
<item><title>Dam plan approved</title><link>http://example.org/dam</link>
<description>&lt;p&gt;"The valley needs this," Governor Lina Ortiz said.&lt;/p&gt;</description>
</item>
<item><title>School reopens</title><link>http://example.org/school</link>
<description>&lt;p&gt;Pupils returned on Monday in Tarrow.&lt;/p&gt;</description>
</item></channel></rss>
""",
        encoding="utf-8",
    )
    result = analyze(str(feed))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in records] == ["Dam plan approved", "School reopens"]
    assert records[0]["url"] == "http://example.org/dam"
    assert records[0]["quotes"][0]["speaker"] == "Lina Ortiz"


WORKERS_STARTED = """
import sys
from multiprocessing import forkserver
from reader.cli import main
status = main(["analyze", "--jobs", "2", *sys.argv[1:]])
print("forkserver", forkserver._forkserver._forkserver_pid is not None, file=sys.stderr)
sys.exit(status)
"""


def _analyze_and_say_if_workers_started(*paths: str) -> tuple[int, bool]:
    command = [sys.executable, "-c", WORKERS_STARTED, *paths]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    return len(records), "forkserver True" in done.stderr


def test_one_long_story_is_analysed_here_without_starting_workers(tmp_path: Path) -> None:
    # The size of stories is not known before they are read, so a folder's (or a feed's)
    # start the workers' server at once; one story is one document, never shared out.
    story = tmp_path / "long.txt"
    story.write_text(SAMPLE.read_text(encoding="utf-8") * 10, encoding="utf-8")
    assert _analyze_and_say_if_workers_started(str(story)) == (1, False)
    folder = tmp_path / "folder"
    folder.mkdir()
    for n in range(3):
        (folder / f"story-{n}.txt").write_text(story.read_text(encoding="utf-8"))
    assert _analyze_and_say_if_workers_started(str(folder)) == (3, True)
