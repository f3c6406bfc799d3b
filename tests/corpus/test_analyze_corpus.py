"""`newsreader analyze` over a corpus: same records in the same order on any number of cores."""

from __future__ import annotations

import importlib.util
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from reader.model import Analysis
from tests.corpus.conftest import DOCUMENTS
from tests.corpus.corpus_files import REPO, corpus_lines, ids, newsreader, write_corpus

# Runs a command as a child of this small process and writes the child's peak memory
# (kilobytes) to a file. The kernel counts, in a process's peak, the memory of whatever
# it was forked from: measured straight from a large pytest process, it would be pytest's.
PEAK_MEMORY = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as peak:
    peak.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""

# Enough documents for three batches, so --jobs 2 and 3 really use their worker processes.


def test_one_job_gives_every_document_in_input_order(serial_output: bytes) -> None:
    assert ids(serial_output) == [f"doc-{n:05d}" for n in range(DOCUMENTS)]
    records = [json.loads(line) for line in serial_output.splitlines()]
    assert all(r["quotes"] for r in records)


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_more_jobs_give_the_same_bytes(corpus: Path, serial_output: bytes, jobs: str) -> None:
    result = newsreader("analyze", str(corpus), "--jobs", jobs)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert result.stdout == serial_output


def test_stdin_gives_the_same_bytes_as_the_file(corpus: Path, serial_output: bytes) -> None:
    result = newsreader("analyze", "-", "--jobs", "2", stdin=corpus.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout == serial_output


def test_stdin_from_a_pipe_streams(corpus: Path, serial_output: bytes) -> None:
    command = f"cat {corpus} | {sys.executable} -m reader.cli analyze - --jobs 2"
    result = subprocess.run(command, shell=True, capture_output=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout == serial_output


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_input_prints_nothing_and_succeeds(tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(content)
    for args in (["analyze", str(empty)], ["analyze", "-"]):
        result = newsreader(*args, stdin=content)
        assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")


@pytest.mark.parametrize(
    "engine",
    [
        pytest.param("--jobs 2", id="pool"),
        pytest.param(
            "--scheduler local --jobs 2",
            id="dask",
            marks=pytest.mark.skipif(
                importlib.util.find_spec("distributed") is None, reason="needs newsreader[dask]"
            ),
        ),
    ],
)
def test_closed_pipe_ends_quietly(corpus: Path, tmp_path: Path, engine: str) -> None:
    errors = tmp_path / "stderr.txt"
    script = (
        f"{sys.executable} -m reader.cli analyze {corpus} {engine} 2>{errors} | head -1; "
        'echo "status ${PIPESTATUS[0]}"'
    )
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    first, status = result.stdout.splitlines()
    assert json.loads(first)["id"] == "doc-00000"
    assert errors.read_text() == ""
    assert status == "status 141"


def test_bad_records_are_one_line_each_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = corpus_lines(2)
    lines = [
        good[0],
        "[" * 100_000 + "]" * 100_000,
        '{"id": "big", "text": "x", "n": ' + "7" * 5_000 + "}",
        '{"id": "deep", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "not json at all",
        '{"id": "no-text"}',
        good[1],
    ]
    docs = tmp_path / "bad.jsonl"
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        result = newsreader("analyze", str(docs), "--jobs", jobs)
        assert result.returncode == 2
        assert ids(result.stdout) == ["doc-00000", "doc-00001"]
        errors = result.stderr.decode().splitlines()
        assert errors == [
            f"newsreader: {docs}:2: JSON nested too deeply to read",
            f"newsreader: {docs}:3: a number with too many digits to read",
            f"newsreader: {docs}:4: JSON nested too deeply to read",
            f"newsreader: {docs}:5: not a JSON object",
            f"newsreader: {docs}:6: expected an object with a text field",
        ]
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]


def test_a_one_gigabyte_line_is_refused_without_reading_it_into_memory(tmp_path: Path) -> None:
    good = corpus_lines(2)
    docs = tmp_path / "huge.jsonl"
    with docs.open("wb") as handle:
        handle.write(good[0].encode() + b"\n" + b'{"id": "huge", "text": "')
        handle.seek(1 << 30, os.SEEK_CUR)  # a hole: the file is sparse on disk
        handle.write(b'"}\n' + good[1].encode() + b"\n")
    peak = tmp_path / "peak_kb"
    command = [sys.executable, "-c", PEAK_MEMORY, str(peak), sys.executable, "-m", "reader.cli"]
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        status = subprocess.run(
            [*command, "analyze", str(docs), "--jobs", "1"],
            stdout=stdout,
            stderr=stderr,
            cwd=REPO,
            timeout=170,
        ).returncode
    assert ids(out.read_bytes()) == ["doc-00000", "doc-00001"]
    assert err.read_text().splitlines() == [
        f"newsreader: {docs}:2: a line longer than 64 MB, passed over"
    ]
    assert status == 2
    assert int(peak.read_text()) < 300_000  # kilobytes: the 64 MB cap, not the 1 GB line


# Writes a document with a 1 GB text between two good ones, without holding it or a file.
ONE_GIGABYTE_LINE = """
import sys
first, last = sys.argv[1:3]
out = sys.stdout.buffer
out.write(first.encode() + b"\\n" + b'{"id": "huge", "text": "')
piece = b"x" * (1 << 20)
for _ in range(1024):
    out.write(piece)
out.write(b'"}\\n' + last.encode() + b"\\n")
"""


def test_a_one_gigabyte_line_on_stdin_is_refused_and_the_run_goes_on(tmp_path: Path) -> None:
    good = corpus_lines(2)
    peak = tmp_path / "peak_kb"
    analyze = [sys.executable, "-c", PEAK_MEMORY, str(peak), sys.executable, "-m", "reader.cli"]
    generate = [sys.executable, "-c", ONE_GIGABYTE_LINE, *good]
    writer = subprocess.Popen(generate, stdout=subprocess.PIPE)
    assert writer.stdout is not None
    try:
        result = subprocess.run(
            [*analyze, "analyze", "-", "--jobs", "2"],
            stdin=writer.stdout,
            capture_output=True,
            cwd=REPO,
            timeout=170,
        )
    finally:
        writer.stdout.close()
        writer.wait(timeout=30)
    assert ids(result.stdout) == ["doc-00000", "doc-00001"]
    assert result.stderr.decode().splitlines() == [
        "newsreader: stdin:2: a line longer than 64 MB, passed over"
    ]
    assert result.returncode == 2
    assert int(peak.read_text()) < 300_000  # kilobytes: the 64 MB cap, not the 1 GB line


def test_fields_keep_only_the_named_keys(corpus: Path, serial_output: bytes) -> None:
    result = newsreader("analyze", str(corpus), "--jobs", "2", "--fields", "id,quotes")
    assert result.returncode == 0, result.stderr
    full = [json.loads(line) for line in serial_output.splitlines()]
    kept = [json.loads(line) for line in result.stdout.splitlines()]
    assert kept == [{"id": r["id"], "quotes": r["quotes"]} for r in full]


def test_an_unknown_field_is_a_usage_error(corpus: Path) -> None:
    result = newsreader("analyze", str(corpus), "--fields", "id,txet")
    assert result.returncode == 2
    assert b"unknown field 'txet'" in result.stderr
    assert result.stdout == b""


def test_summary_prints_counts_only(corpus: Path, serial_output: bytes) -> None:
    result = newsreader("analyze", str(corpus), "--summary")
    assert result.returncode == 0, result.stderr
    [summary] = [json.loads(line) for line in result.stdout.splitlines()]
    records = [json.loads(line) for line in serial_output.splitlines()]
    assert summary == {
        "documents": DOCUMENTS,
        "failed": 0,
        "unreadable": 0,
        "quotes": sum(len(r["quotes"]) for r in records),
        "attributed": sum(1 for r in records for q in r["quotes"] if q["speaker"]),
        "scare_quotes": sum(len(r["scare_quotes"]) for r in records),
        "entities": sum(len(r["entities"]) for r in records),
    }


def test_progress_shows_when_stderr_is_a_terminal(corpus: Path) -> None:
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "reader.cli", "analyze", str(corpus), "--jobs", "2"]
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=follower, cwd=REPO, env=env
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end closed: the command is done
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(timeout=120) == 0
    assert f"{DOCUMENTS} documents".encode() in shown
    assert b"docs/s" in shown
    # In a pipe nothing is drawn: test_more_jobs_give_the_same_bytes finds stderr empty.


def test_a_failing_document_is_one_line_with_its_id_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    import reader.corpus.batch
    from reader.cli import main

    real_analyze = reader.corpus.batch.analyze

    def analyze(text: str, *, ner: str = "builtin") -> Analysis:
        if "Filed as item 1." in text:
            raise MemoryError("the analysis ran out of memory")
        return real_analyze(text, ner=ner)

    monkeypatch.setattr(reader.corpus.batch, "analyze", analyze)
    docs = write_corpus(tmp_path / "docs.jsonl", 3)
    status = main(["analyze", str(docs), "--jobs", "1"])
    out, err = capfd.readouterr()
    assert status == 1
    assert ids(out.encode()) == ["doc-00000", "doc-00002"]
    assert err.splitlines() == [
        f'newsreader: {docs}:2: document "doc-00001": analysis failed '
        "(MemoryError: the analysis ran out of memory)"
    ]


def test_the_spark_partition_function_gives_the_same_records(
    corpus: Path, serial_output: bytes
) -> None:
    from reader.corpus import analyze_documents

    # What Spark's mapPartitions hands it: an iterator over a partition's text lines.
    with corpus.open(encoding="utf-8") as partition:
        outcomes = list(analyze_documents(line.rstrip("\n") for line in partition))
    assert [o.error for o in outcomes] == [None] * DOCUMENTS
    assert "".join(o.line + "\n" for o in outcomes if o.line) == serial_output.decode()


@pytest.mark.parametrize("kind", ["endless device", "fifo"])
def test_an_endless_or_waiting_file_is_one_line_and_the_others_still_come(
    tmp_path: Path, kind: str
) -> None:
    if kind == "fifo":
        # Not JSON Lines by its name (a .jsonl FIFO is read as a stream, as cat would):
        # nothing ever writes to it, and a story read from it would wait for ever.
        odd = tmp_path / "pipe.txt"
        os.mkfifo(odd)
    else:
        odd = Path("/dev/zero")  # reading would never end
    docs = write_corpus(tmp_path / "docs.jsonl", 3)
    result = newsreader("analyze", str(odd), str(docs), timeout=60)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [f"newsreader: {odd}: not a regular file"]
    assert ids(result.stdout) == ["doc-00000", "doc-00001", "doc-00002"]
