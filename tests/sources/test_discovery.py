from __future__ import annotations

import os
from pathlib import Path

from reader.sources import STORY_EXTENSIONS, discover, load_all


def names(files: list[Path], root: Path) -> list[str]:
    return [str(f.relative_to(root)) for f in files]


def test_folders_are_walked_recursively_sorted_and_filtered(write, tmp_path: Path) -> None:
    write("b.txt", "B\n\nBody.\n")
    write("a.md", "# A\n\nBody.\n")
    write("sub/c.markdown", "# C\n\nBody.\n")
    write("sub/deeper/d.TXT", "D\n\nBody.\n")
    write("notes.pdf", b"%PDF-1.4")
    write(".hidden/e.txt", "E\n\nBody.\n")
    write(".f.txt", "F\n\nBody.\n")
    files, errors = discover([tmp_path])
    assert names(files, tmp_path) == ["a.md", "b.txt", "sub/c.markdown", "sub/deeper/d.TXT"]
    assert errors == []


def test_duplicates_are_listed_once_in_argument_order(write, tmp_path: Path) -> None:
    first = write("one.txt", "One\n\nBody.\n")
    write("two.txt", "Two\n\nBody.\n")
    files, errors = discover([first, tmp_path, tmp_path / "." / "one.txt"])
    assert names(files, tmp_path) == ["one.txt", "two.txt"]
    assert errors == []


def test_symlink_loop_is_walked_once(write, tmp_path: Path) -> None:
    write("news/story.txt", "Story\n\nBody.\n")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news", target_is_directory=True)
    (tmp_path / "news" / "twin.txt").symlink_to(tmp_path / "news" / "story.txt")
    files, errors = discover([tmp_path / "news"])
    assert len(files) == 1
    assert errors == []


def test_explicit_file_with_any_extension_is_kept(write) -> None:
    path = write("README", "Notes\n\nBody.\n")
    assert discover([path]) == ([path], [])


def test_missing_path_and_folder_without_stories(write, tmp_path: Path) -> None:
    write("empty/picture.png", b"\x89PNG")
    looked_for = ", ".join(STORY_EXTENSIONS)  # only what discover() was asked to find
    files, errors = discover([tmp_path / "gone.txt", tmp_path / "empty"])
    assert files == []
    assert errors == [
        f"{tmp_path / 'gone.txt'}: no such file or folder",
        f"{tmp_path / 'empty'}: no stories in this folder (looked for {looked_for})",
    ]


def test_broken_symlink_named_on_the_command_line(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert discover([link]) == ([], [f"{link}: a broken link"])


def test_load_all_keeps_good_stories_and_reports_bad_ones(write, tmp_path: Path) -> None:
    write("good.txt", "Good Story\n\nBy Ana\n\nBody.\n")
    write("bad.txt", b"\x00\x01\x02\x03" * 100)
    write("empty.md", b"")
    articles, errors = load_all([tmp_path, tmp_path / "missing"])
    assert [a.title for a in articles] == ["Good Story"]
    assert sorted(errors) == sorted(
        [
            f"{tmp_path / 'bad.txt'}: not a text file",
            f"{tmp_path / 'empty.md'}: empty file",
            f"{tmp_path / 'missing'}: no such file or folder",
        ]
    )


def test_file_name_that_is_not_utf8_gives_a_printable_message(tmp_path: Path) -> None:
    raw_name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw_name, "wb") as handle:
        handle.write(b"\x00\x01\x02" * 100)
    articles, errors = load_all([tmp_path])
    assert articles == []
    (message,) = errors
    message.encode("utf-8")  # no lone surrogates left to crash a strict stream
    assert message.endswith("caf\ufffd.txt: not a text file")


def test_a_folder_lists_every_story_format_the_loader_opens(write, tmp_path: Path) -> None:
    write("page.xhtml", "<html><head><title>X</title></head><body><p>Body.</p></body></html>")
    write("wire.text", "Wire\n\nBody.\n")
    files, errors = discover([tmp_path])
    assert names(files, tmp_path) == ["page.xhtml", "wire.text"]
    assert errors == []
    stories, problems = load_all(files)
    assert [story.title for story in stories] == ["X", "Wire"]
    assert problems == []
