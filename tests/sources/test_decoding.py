from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from reader.sources import SourceError, load

STORY = (
    "Café Owners ‘Relieved’\n\nBy Zoë Müller\n\n3 June 2022\n\n“We survived,” she said — finally.\n"
)


def body(path: Path) -> str:
    article = load(path)
    return article.text[article.body_start :]


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
        STORY.encode("utf-16"),
        codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"),
        STORY.encode("utf-16-le"),  # no byte-order mark at all
        STORY.encode("cp1252"),
    ],
    ids=["utf8-bom", "utf16-le", "utf16-be", "utf16-native", "utf32-le", "utf16-nobom", "cp1252"],
)
def test_encodings_decode_to_the_same_story(write, encoded: bytes) -> None:
    article = load(write("story.txt", encoded))
    assert article.text == STORY
    assert article.title == "Café Owners ‘Relieved’"
    assert article.byline == "Zoë Müller"
    assert body(write("again.txt", encoded)).startswith("“We survived,”")


def test_latin1_with_bytes_cp1252_leaves_undefined(write) -> None:
    # 0x81 is undefined in Windows-1252, so the file must be Latin-1.
    article = load(write("l1.txt", "Título\n\nBy Ana\n\nSeñal\x81.\n".encode("latin-1")))
    assert article.title == "Título"


def test_mostly_utf8_with_one_damaged_byte_keeps_the_good_characters(write) -> None:
    data = "Zoë and Renée met “early”.\n".encode() * 5 + b"broken \xff byte\n"
    article = load(write("mixed.txt", data))
    assert "Zoë" in article.text and "“early”" in article.text
    assert "\ufffd" in article.text


def one_line(error: pytest.ExceptionInfo[SourceError]) -> str:
    message = str(error.value)
    assert "\n" not in message
    return message


def test_binary_file_is_refused(write) -> None:
    path = write("photo.txt", bytes(range(256)) * 4)
    with pytest.raises(SourceError) as error:
        load(path)
    assert one_line(error) == f"{path}: not a text file"


def test_control_characters_without_nul_are_refused(write) -> None:
    with pytest.raises(SourceError, match="not a text file"):
        load(write("ctl.txt", b"\x01\x02\x03\x04\x05abc\x06\x07\x08" * 50))


def test_empty_and_blank_files(write) -> None:
    with pytest.raises(SourceError) as error:
        load(write("empty.txt", b""))
    assert one_line(error).endswith("empty.txt: empty file")
    with pytest.raises(SourceError, match="empty file"):
        load(write("blank.md", " \n\n\t\n"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as error:
        load(tmp_path / "nope.txt")
    assert one_line(error).endswith("nope.txt: no such file")


def test_folder_given_to_load(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is a folder, not a file"):
        load(tmp_path)


def test_size_cap(write) -> None:
    path = write("big.txt", "Title\n\n" + "word " * 1000)
    with pytest.raises(SourceError) as error:
        load(path, max_bytes=1024)
    assert "too large" in one_line(error)
    assert load(path, max_bytes=10_000).title == "Title"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        load(fifo)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_real_permissions(write) -> None:
    path = write("secret.txt", "Title\n\nBody.\n")
    path.chmod(0)
    try:
        with pytest.raises(SourceError, match="permission denied"):
            load(path)
    finally:
        path.chmod(0o644)


def test_unreadable_file(write, monkeypatch: pytest.MonkeyPatch) -> None:
    # Also covers runs as root, where chmod 000 does not stop reading.
    path = write("secret.txt", "Title\n\nBody.\n")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(SourceError) as error:
        load(path)
    assert one_line(error) == f"{path}: permission denied (cannot read the file)"


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk space, no time
    with pytest.raises(SourceError) as error:
        load(path)
    assert one_line(error) == f"{path}: too large (200 MB; the limit is 50 MB)"
