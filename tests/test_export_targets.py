"""Where `export --output` writes (a FIFO, a symlink, a loop, a folder), and CSV cells a
spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io
import os
import threading
from pathlib import Path

import pytest

from reader.export import export_annotations
from reader.model import Annotation, Selector
from reader.sources.feed import parse as parse_feed
from tests.test_export_commands import library, run  # noqa: F401 - the fixture is used by name

Library = tuple[Path, Path, list[Annotation]]


def test_export_into_a_fifo_reaches_its_reader(
    library: Library,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _story, _annotations = library
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    received: list[str] = []

    def read() -> None:
        with open(fifo, encoding="utf-8") as handle:  # blocks until the writer opens it
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert run("export", "--output", str(fifo), db=db) == 0
    reader.join(timeout=10)
    assert not reader.is_alive()
    assert received and "## Kremlin Signals Patience on Arms Talks" in received[0]
    assert fifo.is_fifo()  # still the FIFO, not a regular file put in its place
    assert "Exported 3 annotations" in capsys.readouterr().out


def test_export_through_a_symlink_writes_its_target_and_keeps_the_link(
    library: Library,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _story, _annotations = library
    vault = tmp_path / "vault"
    vault.mkdir()
    real = vault / "highlights.md"
    real.write_text("old notes\n", encoding="utf-8")
    link = tmp_path / "highlights.md"
    link.symlink_to(real)
    assert run("export", "-o", str(link), db=db) == 0
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "## Kremlin Signals Patience on Arms Talks" in real.read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert f"to {link} (the file the link points to: {real.resolve()})" in out


def test_export_through_a_link_to_a_file_not_yet_there_creates_it(
    library: Library,  # noqa: F811
    tmp_path: Path,
) -> None:
    db, _story, _annotations = library
    real = tmp_path / "later.csv"
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert run("export", "-o", str(link), db=db) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("Highlight,Title")


@pytest.mark.parametrize("kind", ["loop", "folder"])
def test_a_target_that_cannot_hold_the_export_is_refused_in_one_line(
    library: Library,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    db, _story, _annotations = library
    target = tmp_path / "out.md"
    if kind == "loop":
        target.symlink_to(tmp_path / "other.md")
        (tmp_path / "other.md").symlink_to(target)
    else:
        target.mkdir()
    assert run("export", "-o", str(target), db=db) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newsreader: cannot write {target}: ") and err.count("\n") == 1
    assert target.is_symlink() if kind == "loop" else target.is_dir()


FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]


def _feed_story(title: str, channel: str, link: str = "https://tidewater.example/a"):
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>{channel}</title><item><title>{title}</title>"
        f"<link>{link}</link>"
        "<description>The ferry returns in May.</description></item></channel></rss>"
    )
    [article] = parse_feed(rss.encode())
    return article


@pytest.mark.parametrize("formula", [*FORMULAS, "\tTAB", "\r=CR"])
def test_every_csv_cell_that_starts_a_formula_is_quoted_out(formula: str) -> None:
    from xml.sax.saxutils import escape

    story = _feed_story(
        escape(f"{formula} title"), escape(f"{formula} channel"), escape(f"{formula}link")
    )
    annotation = Annotation(
        id="a1",
        article_id=story.id,
        source=f"{formula}link",
        title=f"{formula} title",
        created=f"{formula} 28 November",  # no date a parser knows: written as it came
        updated="2026-11-28T10:00:00Z",
        selector=Selector(f"{formula} passage", "", "", 0, 10),
        tags=[f"{formula}tag"],
        note=f"{formula} note",
        speaker=f"{formula} speaker",
    )
    rows = list(csv.reader(io.StringIO(export_annotations([annotation], {story.id: story}, "csv"))))
    header, row = rows
    cells = dict(zip(header, row, strict=True))
    for column in ("Highlight", "Title", "Author", "Note", "Date", "Tags", "Speaker"):
        assert cells[column], column  # each of these carried the formula in
    for column, cell in cells.items():  # and no column, URL included, starts one
        assert not cell or cell[0] not in "=+-@\t\r\n", (column, cell)
    if formula in FORMULAS:
        # What the reader wrote is kept, behind the one quote mark a spreadsheet hides.
        assert cells["Note"] == f"'{formula} note"
        assert cells["Title"].startswith(f"'{formula}")


def test_export_to_dev_stdout_writes_into_the_pipe(
    library: Library,  # noqa: F811
    tmp_path: Path,
) -> None:
    import subprocess

    from tests.e2e.tmux import NEWSREADER

    db, _story, _annotations = library
    result = subprocess.run(
        [NEWSREADER, "export", "--db", str(db), "-f", "csv", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Highlight,Title")
