"""Each way strange text enters (stories, feeds, pages, file names, backups, the database,
a server's answer) and each way it leaves headlessly (exports, stderr), fed every payload."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.export import ExportError, export_annotations, import_records
from reader.model import Annotation, Article, Selector
from reader.sources import SourceError, load, load_many, parse_text
from reader.sources.feed import parse as parse_feed
from reader.sources.web import fetch
from reader.store import AnnotationStore
from tests.e2e.tmux import NEWSREADER
from tests.payloads import PAYLOADS, entity_escaped
from tests.web_server import stop_listening

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NAMES = sorted(PAYLOADS)
# A file name cannot hold "/" (the OSC 8 payload's address has some).
FILE_NAMES = [name for name in NAMES if "/" not in PAYLOADS[name]]
FILLER = " ".join(f"Sentence {n} of a long and ordinary paragraph." for n in range(40))


def assert_safe(*values: object, whole: bool = True) -> None:
    """No control character left; with ``whole``, no word of a payload either."""
    for value in values:
        text = str(value)
        assert UNSAFE.search(text) is None, repr(text)
        assert not whole or "PWNED" not in text, repr(text)


def assert_fields_safe(article: Article, whole: bool = True) -> None:
    fields = (article.title, article.byline, article.source, article.site, article.url)
    assert_safe(*fields, article.text, whole=whole)


@pytest.mark.parametrize("name", NAMES)
def test_plain_text_header_and_body(name: str) -> None:
    payload = PAYLOADS[name]
    article = parse_text(
        f"Ferry {payload}strike ends\n\nBy Jane {payload}Doe\n\nJuly 27, 2021\n\n"
        f"Source: Tide{payload}water\n\n"
        f'"We are back{payload} on time," said Ana Ruiz.\n\n{FILLER}\n'
    )
    assert_fields_safe(article)
    assert article.title.startswith("Ferry") and article.byline and article.source
    # Offsets stay true: the analysis runs on the cleaned text.
    for quote in analyze(article.text).quotes:
        assert article.text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize("name", NAMES)
def test_markdown_front_matter(name: str) -> None:
    payload = PAYLOADS[name]
    article = parse_text(
        f"---\ntitle: Harbour {payload}report\nauthor: Lee {payload}Park\n"
        f"source: Gazette{payload}\nurl: https://tidewater.example/{payload}\n---\n\n"
        f"The harbour {payload}reopened.\n",
        name="story.md",
    )
    assert_fields_safe(article)
    assert article.title.startswith("Harbour")


def _rss(title: str, channel: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{channel}</title><link>https://tidewater.example/</link>"
        f"<item><title>{title}</title><link>https://tidewater.example/a</link>"
        "<description>The ferry returns in May.</description></item>"
        "</channel></rss>"
    ).encode()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("escaped", [False, True], ids=["raw", "entities"])
def test_feed_item_and_channel_titles(name: str, escaped: bool) -> None:
    payload = entity_escaped(PAYLOADS[name]) if escaped else PAYLOADS[name]
    [article] = parse_feed(_rss(f"Night {payload}ferry", f"Tide{payload}water"))
    # feedparser reads C1 characters as Windows-1252 ("\x9b" becomes "›"), as browsers do:
    # no control is left, but the payload's words stay as harmless text.
    assert_fields_safe(article, whole=name != "c1_csi")
    assert article.title.startswith("Night")


@pytest.mark.parametrize("name", ["osc52", "c1_csi", "bidi"])
def test_atom_title(name: str) -> None:
    payload = entity_escaped(PAYLOADS[name])
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Ledger{payload}</title><entry><title>Vote {payload}delayed</title>"
        "<id>urn:1</id><link href='https://ledger.example/1'/>"
        "<summary>The vote was delayed.</summary></entry></feed>"
    ).encode()
    [article] = parse_feed(atom)
    assert_fields_safe(article, whole=name != "c1_csi")  # C1 read as Windows-1252


@pytest.mark.parametrize("name", ["osc52", "osc0", "c1_csi", "bidi"])
def test_html_title_and_body(tmp_path: Path, name: str) -> None:
    payload = PAYLOADS[name]
    page = tmp_path / "page.html"
    body = "".join(f"<p>Paragraph {n}: the council met and voted on fares.</p>" for n in range(8))
    page.write_text(
        f"<html><head><title>Fares {entity_escaped(payload)}vote</title></head>"
        f"<body><article><h1>Fares {payload}vote</h1>{body}"
        f"<p>The mayor {payload}spoke last.</p></article></body></html>",
        encoding="utf-8",
    )
    # lxml drops the characters XML forbids and leaves the rest of a sequence as words.
    assert_fields_safe(load(page), whole=False)


@pytest.mark.parametrize("name", FILE_NAMES)
def test_file_name_as_title(tmp_path: Path, name: str) -> None:
    story = tmp_path / f"{PAYLOADS[name]}gulls.txt"
    story.write_text("Gulls nest on the pier again, the council said.\n", encoding="utf-8")
    [article] = load_many(story)
    assert_safe(article.title)
    assert "gulls" in article.title.lower()
    assert article.path == str(story)  # the real name, to read the file again


@pytest.mark.parametrize("name", FILE_NAMES)
def test_a_bad_file_is_named_with_visible_escapes(tmp_path: Path, name: str) -> None:
    story = tmp_path / f"{PAYLOADS[name]}empty.txt"
    story.write_text("", encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        load(story)
    message = str(raised.value)
    assert UNSAFE.search(message) is None
    assert message.endswith("empty.txt: empty file")


def _hostile_annotation(payload: str, number: int = 1) -> Annotation:
    return Annotation(
        id=f"a{number}",
        article_id="story",
        source="/news/story.txt",
        title=f"Ferry {payload}strike",
        created="2026-11-28T10:00:00+00:00",
        updated="2026-11-28T10:00:00+00:00",
        selector=Selector(f"We are back{payload}", "", "", 0, 12),
        tags=[f"ferry{payload}"],
        note=f"Check {payload}this",
        speaker=f"Ana {payload}Ruiz",
    )


def _annotation_text(annotation: Annotation) -> list[str]:
    s = annotation.selector
    fields = [annotation.title, annotation.note, annotation.speaker, s.exact, s.prefix, s.suffix]
    return [*fields, *annotation.tags]


@pytest.mark.parametrize("name", NAMES)
def test_import_of_a_backup(name: str) -> None:
    backup = export_annotations([_hostile_annotation(PAYLOADS[name])], {}, "json")
    [restored] = import_records(backup)
    assert_safe(*_annotation_text(restored))
    [tag] = restored.tags
    # What is left of a payload is its visible words ("click", "DENWP" no longer reversed).
    assert tag.startswith("ferry") and restored.title.startswith("Ferry ")


@pytest.mark.parametrize("name", NAMES)
def test_the_database(tmp_path: Path, name: str) -> None:
    # A database written by another program (or an older version) holding payloads.
    with AnnotationStore(tmp_path / "db.json") as store:
        store.add(_hostile_annotation(PAYLOADS[name]))
    with AnnotationStore(tmp_path / "db.json") as store:
        [annotation] = store.all()
    assert_safe(*_annotation_text(annotation))


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_markdown_and_csv_exports(fmt: str) -> None:
    annotations = [_hostile_annotation(p, n) for n, p in enumerate(PAYLOADS.values())]
    story = Article(
        id="story",
        text="x",
        title=f"Ferry {PAYLOADS['osc0']}strike",
        byline=f"Jane {PAYLOADS['osc8']}",
        site=f"Tide{PAYLOADS['c1_csi']}water",
        url=f"https://tidewater.example/{PAYLOADS['osc52']}",
        path="/news/story.txt",
    )
    document = export_annotations(annotations, {"story": story}, fmt)
    assert_safe(document.replace("\r\n", "\n"))  # CSV rows end in CRLF, as RFC 4180 has it


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(cwd), "NEWSREADER_DB": str(cwd / "db.json")}
    return subprocess.run(
        [NEWSREADER, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_analyze_error_lines(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in FILE_NAMES:
        (folder / f"{PAYLOADS[name]}{name}.txt").write_text("", encoding="utf-8")
    jsonl = tmp_path / f"{PAYLOADS['osc0']}docs.jsonl"
    jsonl.write_text("not json\n", encoding="utf-8")
    result = _run("analyze", str(folder), str(jsonl), cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == len(FILE_NAMES) + 1  # one line per bad file, one for the bad record
    assert UNSAFE.search(result.stderr) is None
    assert all(line.startswith("newsreader: ") for line in lines)
    assert "\\x1b[2J\\x1b[Hcsi_clear.txt: empty file" in result.stderr  # findable by name
    assert "docs.jsonl:1: not a JSON object" in result.stderr


def test_import_and_export_messages(tmp_path: Path) -> None:
    missing = f"{PAYLOADS['osc52']}backup.json"
    result = _run("import", missing, cwd=tmp_path)
    assert result.returncode == 2
    assert UNSAFE.search(result.stderr) is None and "backup.json" in result.stderr
    story = tmp_path / f"{PAYLOADS['osc2']}story.txt"
    result = _run("export", "--article", str(story), cwd=tmp_path)
    assert result.returncode == 2
    assert UNSAFE.search(result.stderr) is None and "story.txt" in result.stderr


@pytest.fixture
def raw_http_server() -> Iterator[tuple[str, list[bytes]]]:
    """A server that sends whatever status line the test puts in the list, byte for byte."""
    answers: list[bytes] = []
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.recv(65536)
                connection.sendall(answers[0] + b"\r\nContent-Length: 0\r\n\r\n")

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/story", answers
    stop_listening(listener)


@pytest.mark.parametrize(
    "reason", [b"Not \x9b2J\x9d0;PWNED\x9c Found", "Gone \u202eDENWP".encode(), b"\x1b]0;PWNED\x07"]
)
def test_http_reason_phrase(raw_http_server: tuple[str, list[bytes]], reason: bytes) -> None:
    url, answers = raw_http_server
    answers.append(b"HTTP/1.1 404 " + reason)
    with pytest.raises(SourceError) as raised:
        fetch(url, timeout=5)
    assert_safe(str(raised.value), whole=False)  # httpx may drop the bytes before we see them
    assert str(raised.value).startswith(url)


def test_url_in_a_message_shows_its_escapes() -> None:
    error = SourceError(f"https://evil.example/{PAYLOADS['osc52']}", "timed out after 1 s")
    assert UNSAFE.search(str(error)) is None
    assert "\\x1b]52;c;" in str(error)


def test_jsonl_documents_keep_their_text_for_offsets(tmp_path: Path) -> None:
    # analyze's JSON Lines input is machine data: offsets must point into the text given,
    # and the output shows its control characters to a terminal only as JSON escapes.
    docs = tmp_path / "docs.jsonl"
    text = 'Ana Ruiz said: "We are \x1b[1mback\x9b0m on \u202etime\u202c."'
    docs.write_text(json.dumps({"id": "1", "text": text}) + "\n", encoding="utf-8")
    result = _run("analyze", str(docs), cwd=tmp_path)
    assert UNSAFE.search(result.stdout.rstrip("\n")) is None  # escaped in the JSON, not raw
    record = json.loads(result.stdout)
    assert record["text"] == text
    for quote in record["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


if sys.platform != "linux":  # file names with control characters are a Unix matter
    pytestmark = pytest.mark.skip(reason="needs a Unix file system")


@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_json_exports_keep_the_data_and_show_no_control_raw(fmt: str) -> None:
    annotation = _hostile_annotation(PAYLOADS["c1_csi"] + PAYLOADS["bidi"])
    document = export_annotations([annotation], {}, fmt)
    assert UNSAFE.search(document) is None  # written as \u escapes
    assert annotation.note in json.dumps(json.loads(document), ensure_ascii=False)


def test_a_backup_passage_of_only_controls_is_refused_in_one_line() -> None:
    annotation = _hostile_annotation("")
    annotation.selector = Selector("\x1b[2J", "", "", 0, 4)
    with pytest.raises(ExportError) as raised:
        import_records(export_annotations([annotation], {}, "json"))
    assert "nothing but control characters" in str(raised.value)
