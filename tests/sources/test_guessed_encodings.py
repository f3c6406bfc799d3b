"""Stories saved in other encodings open as written, and say which encoding was guessed."""

from __future__ import annotations

import codecs

import pytest

from reader.sources import SourceError, load
from reader.sources.decoding import Decoded
from tests.sources.other_scripts import (
    CHINESE,
    CZECH,
    FRENCH,
    GERMAN,
    HUNGARIAN,
    JAPANESE,
    POLISH,
    RUSSIAN,
    SHORT_WESTERN,
    SPANISH,
    SWEDISH,
    openings,
)


@pytest.mark.parametrize(
    ("text", "codec", "label"),
    [
        (RUSSIAN, "cp1251", "Windows-1251"),
        (RUSSIAN, "koi8_r", "KOI8-R"),
        (JAPANESE, "shift_jis", "Shift_JIS"),
        (CHINESE, "gb18030", "GB18030"),
        (POLISH, "cp1250", "Windows-1250"),
        (FRENCH, "cp1252", "Windows-1252"),
        # Latin-1 without the bytes where it and Windows-1252 differ reads the same both
        # ways, so it goes by the name Western text is known by.
        (GERMAN, "latin-1", "Windows-1252"),
    ],
    ids=["windows-1251", "koi8-r", "shift_jis", "gb18030", "windows-1250", "cp1252", "latin-1"],
)
def test_story_in_another_encoding_reads_as_written(write, text, codec, label) -> None:
    article = load(write("story.txt", text.encode(codec)))
    assert article.text == text
    assert article.title == text.split("\n", 1)[0]
    assert article.reading_note == f"{label} (guessed)"


def test_latin1_bytes_windows_1252_leaves_undefined_read_as_latin1(write) -> None:
    article = load(write("l1.txt", "Título\n\nBy Ana\n\nSeñal\x81.\n".encode("latin-1")))
    assert article.title == "Título"
    assert article.reading_note == "Latin-1 (guessed)"


@pytest.mark.parametrize(
    "encoded",
    [
        RUSSIAN.encode("utf-8"),
        codecs.BOM_UTF8 + JAPANESE.encode("utf-8"),
        codecs.BOM_UTF16_LE + CHINESE.encode("utf-16-le"),
        b"Plain ASCII\n\nNothing to guess here.\n",
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "ascii"],
)
def test_certain_encodings_carry_no_note(write, encoded: bytes) -> None:
    assert load(write("story.txt", encoded)).reading_note is None


def test_seven_bit_japanese_is_read_as_iso_2022_jp(write) -> None:
    article = load(write("wire.txt", JAPANESE.encode("iso2022_jp")))
    assert article.text == JAPANESE
    assert article.reading_note is None  # its escapes name the character sets


def test_markdown_and_html_files_carry_the_note_too(write) -> None:
    markdown = load(write("story.md", ("# " + RUSSIAN).encode("koi8_r")))
    assert markdown.title == RUSSIAN.split("\n", 1)[0]
    assert markdown.reading_note == "KOI8-R (guessed)"
    paragraphs = "".join(f"<p>{p}</p>" for p in RUSSIAN.split("\n\n")[1:])
    page = (
        f"<html><head><title>Мост</title></head><body><article>{paragraphs}</article></body></html>"
    )
    undeclared = load(write("page.html", page.encode("cp1251")))
    assert "Городской совет" in undeclared.text
    assert undeclared.reading_note == "Windows-1251 (guessed)"
    declared = page.replace("<head>", '<head><meta charset="windows-1251">')
    assert load(write("declared.html", declared.encode("cp1251"))).reading_note is None


def _long_story(size: int) -> str:
    paragraph = (
        "The harbour council met on Monday. “We will not cut the ferry,” the mayor said, "
        "and officials told residents that repairs would start in May.\n\n"
    )
    return "Ferry Stays\n\nBy Ana Ruiz\n\n" + paragraph * (size // len(paragraph))


def test_one_stray_nul_in_a_38_kb_story_is_removed_with_a_note(write) -> None:
    story = _long_story(38_000)
    middle = len(story.encode()) // 2
    data = story.encode()
    data = data[:middle] + b"\x00" + data[middle:]
    article = load(write("story.txt", data))
    assert article.text == story
    assert article.reading_note == "1 NUL byte removed"


def test_stray_nuls_in_a_guessed_encoding_are_both_noted(write) -> None:
    data = RUSSIAN.encode("cp1251")
    data = data[:100] + b"\x00" + data[100:300] + b"\x00\x00" + data[300:]
    article = load(write("story.txt", data))
    assert article.text == RUSSIAN
    assert article.reading_note == "Windows-1251 (guessed), 3 NUL bytes removed"


def test_many_nuls_are_still_a_binary_file(write) -> None:
    data = bytearray(_long_story(20_000).encode())
    data[::50] = b"\x00" * len(data[::50])  # one byte in fifty
    path = write("story.txt", bytes(data))
    with pytest.raises(SourceError) as error:
        load(path)
    assert str(error.value) == f"{path}: not a text file"


def test_a_file_of_nothing_but_nuls_is_refused(write) -> None:
    with pytest.raises(SourceError, match="not a text file"):
        load(write("zeros.txt", b"\x00" * 1000))


def _encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:  # Latin-1 has no curly quotes, dashes or euro sign
        return False
    return True


@pytest.mark.parametrize(
    ("headline", "codec"),
    [
        (headline, codec)
        for headline in SHORT_WESTERN
        for codec in ("cp1252", "latin-1")
        if _encodable(headline, codec)
    ],
)
def test_a_short_western_story_stays_western(write, headline: str, codec: str) -> None:
    article = load(write("short.txt", headline.encode(codec) + b"\n"))
    assert article.text == headline + "\n"
    assert article.reading_note == "Windows-1252 (guessed)"


@pytest.mark.parametrize(
    ("text", "codec", "label"),
    [
        (RUSSIAN.split("\n", 1)[0], "cp1251", "Windows-1251"),
        (RUSSIAN.split("\n", 1)[0], "koi8_r", "KOI8-R"),
        ("Привет из Москвы", "cp1251", "Windows-1251"),
        ("Привет из Москвы", "koi8_r", "KOI8-R"),
        ("Міст закриють на ремонт", "koi8_u", "KOI8-U"),
        (JAPANESE.split("\n", 1)[0], "shift_jis", "Shift_JIS"),
        (JAPANESE.split("\n", 1)[0], "euc_jp", "EUC-JP"),
        (CHINESE.split("\n", 1)[0], "gb18030", "GB18030"),
        ("Łódź", "cp1250", "Windows-1250"),
    ],
    ids=[
        "ru-1251",
        "ru-koi8-r",
        "ru-1251-tiny",
        "ru-koi8-r-tiny",
        "uk-koi8-u",
        "ja-shift_jis",
        "ja-euc-jp",
        "zh-gb18030",
        "pl-1250",
    ],
)
def test_a_headline_in_another_script_is_not_read_as_western(
    write, text: str, codec: str, label: str
) -> None:
    article = load(write("headline.txt", text.encode(codec) + b"\n"))
    assert article.text == text + "\n"
    assert article.reading_note == f"{label} (guessed)"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (text, codec)
        for story, codec in (
            (FRENCH, "cp1252"),
            (SPANISH, "cp1252"),
            (SWEDISH, "cp1252"),
            (GERMAN, "latin-1"),
        )
        for text in openings(story)
    ]
    + [("Smörgåsbord för alla\n\nCaféet på torget öppnar igen på lördag.\n", "cp1252")],
)
def test_a_western_story_of_any_length_stays_western(write, text: str, codec: str) -> None:
    article = load(write("story.txt", text.encode(codec)))
    assert article.text == text
    assert article.reading_note == "Windows-1252 (guessed)"


@pytest.mark.parametrize(
    "text", [text for story in (CZECH, POLISH, HUNGARIAN) for text in openings(story)]
)
def test_a_central_european_story_of_any_length_is_not_taken_for_western(write, text: str) -> None:
    # charset-normalizer finds Czech in both the Windows-1250 and the Windows-1252
    # reading of the Czech story; the Windows-1252 readings mix the letters of two
    # Western languages in one word ("zavøený", "közgyûlés"), which no word does.
    article = load(write("story.txt", text.encode("cp1250")))
    assert article.text == text
    if text.encode("cp1250").decode("cp1252", errors="replace") != text:
        # (A headline of letters both share reads the same either way.)
        assert article.reading_note == "Windows-1250 (guessed)"


@pytest.fixture
def weighed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many bytes each call of the detector was given."""
    import charset_normalizer

    sizes: list[int] = []
    real = charset_normalizer.from_bytes

    def measuring(data: bytes, **options: object):
        sizes.append(len(data))
        return real(data, **options)

    monkeypatch.setattr(charset_normalizer, "from_bytes", measuring)
    return sizes


def _western_long_story(size: int) -> str:
    return _long_story(size).replace("“", "«").replace("”", "»")


def test_a_long_story_is_guessed_from_its_opening(write, weighed: list[int]) -> None:
    story = _western_long_story(2_000_000)
    article = load(write("long.txt", story.encode("cp1252")))
    assert article.text == story and article.reading_note == "Windows-1252 (guessed)"
    assert weighed and max(weighed) <= 64 * 1024  # not the two megabytes


def test_a_late_byte_the_guess_lacks_is_weighed_where_it_is(write, weighed: list[int]) -> None:
    # 0x81 is undefined in Windows-1252: only Latin-1 reads the whole file.
    story = _western_long_story(2_000_000) + "Señal\x81 perdida.\n"
    article = load(write("long.txt", story.encode("latin-1")))
    # (U+0081 is a control character, which the loader then drops.)
    assert article.text == story.replace("\x81", "")
    assert article.reading_note == "Latin-1 (guessed)"
    assert len(weighed) == 2 and max(weighed) <= 2 * 64 * 1024  # opening, then the odd part


def test_a_long_ascii_opening_does_not_hide_the_encoding(write) -> None:
    # A long English preamble (a licence, a wire header) before a Russian story.
    preamble = "Distributed under the wire service's terms; do not republish.\n" * 2_000
    story = preamble + "\n" + RUSSIAN
    article = load(write("story.txt", story.encode("koi8_r")))
    assert article.text == story
    assert article.reading_note == "KOI8-R (guessed)"


def test_the_guessed_name_is_cleaned_like_any_outside_text() -> None:
    decoded = Decoded("text", guessed="KOI8\x1b]2;PWNED\x07-R\u202e")
    assert decoded.note == "KOI8-R (guessed)"


def test_a_fetched_page_in_an_undeclared_encoding_carries_the_note(tmp_path) -> None:
    from reader.sources import load_url
    from tests.web_server import LocalWebServer, Route

    paragraphs = "".join(f"<p>{p}</p>" for p in RUSSIAN.split("\n\n")[1:])
    page = (
        f"<html><head><title>Мост</title></head><body><article>{paragraphs}</article></body></html>"
    )
    routes = {
        "/most.txt": Route(200, RUSSIAN.encode("koi8_r"), {"Content-Type": "text/plain"}),
        "/most.html": Route(200, page.encode("cp1251"), {"Content-Type": "text/html"}),
        "/declared.txt": Route(
            200, RUSSIAN.encode("koi8_r"), {"Content-Type": "text/plain; charset=koi8-r"}
        ),
    }
    with LocalWebServer(routes) as server:
        (text,) = load_url(f"{server.base}/most.txt", tmp_path)
        (html,) = load_url(f"{server.base}/most.html", tmp_path)
        (declared,) = load_url(f"{server.base}/declared.txt", tmp_path)
    assert text.text == RUSSIAN and text.reading_note == "KOI8-R (guessed)"
    assert "Городской совет" in html.text and html.reading_note == "Windows-1251 (guessed)"
    assert declared.text == RUSSIAN and declared.reading_note is None
