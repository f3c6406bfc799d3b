"""A folder of the broken files readers meet: the hardening tests share it."""

from __future__ import annotations

import os
from pathlib import Path

GOOD_TEXT = (
    "Harbour Bridge closes for repairs\n\n"
    '"We cannot wait another winter," said Maria Lopez, the city engineer.\n'
)
ENCODED_TEXTS = {
    "latin1.txt": ("latin-1", '"Le pont ferm\u00e9 est s\u00fbr," said Ren\u00e9 Dubois.\n'),
    "cp1252.txt": ("cp1252", "\u201cIt\u2019s safe,\u201d said Jos\u00e9 Ruiz \u2014 mayor.\n"),
    "utf16.txt": ("utf-16", '"The dam will hold," said Anna Berg.\n'),
}


def make_bad_folder(folder: Path) -> Path:
    """Fill ``folder`` with one good story, re-encoded stories and every kind of bad file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    for name, (encoding, text) in ENCODED_TEXTS.items():
        (folder / name).write_bytes(text.encode(encoding))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 40)
    (folder / "undecodable.txt").write_bytes(b"\xff\xfe\xfd" * 10 + b"\x81\x8d\x8f\x90\x9d" * 50)
    (folder / "empty.txt").write_bytes(b"")
    # One 5 MB line, as a minified export would be: a quote, then prose with no newline.
    one_line = '"Yes," said Ann Lee. ' + "The council met and the bridge stays shut. " * 120_000
    (folder / "one-line.txt").write_text(one_line, encoding="utf-8")
    (folder / "nested.html").write_text(
        "<html><body>" + "<div><p><b>" * 20_000 + "said Bob Ray" + "</i></span>" * 50,
        encoding="utf-8",
    )
    (folder / "feed.rss").write_text("this is not xml <<< &&& <rss", encoding="utf-8")
    loop_dir = folder / "loop"
    loop_dir.mkdir()
    (loop_dir / "self").symlink_to(loop_dir)
    (folder / "a-link").symlink_to(folder / "b-link")
    (folder / "b-link").symlink_to(folder / "a-link")
    os.mkfifo(folder / "pipe.txt")
    return folder
