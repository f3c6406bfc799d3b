"""Every export format on annotations with tags, notes, orphans and non-ASCII text."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest

from reader.export import FORMATS, ExportError, export_annotations, import_records
from reader.model import Annotation, Article, Selector

TEXT = (
    'Москва 🇷🇺 — Russia said talks will show how "serious" Washington is.\n'
    'Ryabkov said the talks were "a big\nquestion".\n'
    "东京: “我们准备好了”"
)


def passage(exact: str, prefix_len: int = 12) -> Selector:
    start = TEXT.index(exact)
    end = start + len(exact)
    return Selector(
        exact=exact,
        prefix=TEXT[max(0, start - prefix_len) : start],
        suffix=TEXT[end : end + prefix_len],
        start=start,
        end=end,
    )


STORY = Article(
    id="moscow",
    text=TEXT,
    title="Moscow Hopes U.S. 'Serious'",
    byline="AFP",
    source="TASS",
    published="2021-07-27",
    path="/news/moscow.txt",
)

ANNOTATIONS = [
    Annotation(
        id="0b6c3a52-8d1e-4f7a-9c2b-5e4d3c2b1a09",
        article_id="moscow",
        source="/news/moscow.txt",
        title="Moscow Hopes U.S. 'Serious'",
        created="2026-11-28T10:00:00+00:00",
        updated="2026-11-28T11:30:00+00:00",
        selector=passage('"a big\nquestion"'),
        tags=["doubt", "Россия", "arms control"],
        note="Check against the TASS wire.\nSecond line, with a comma.",
        colour="yellow",
        speaker="Сергей Рябков",
    ),
    Annotation(
        id="a-first",
        article_id="moscow",
        source="/news/moscow.txt",
        title="Moscow Hopes U.S. 'Serious'",
        created="2026-11-28T09:00:00Z",
        updated="2026-11-28T09:00:00Z",
        selector=passage("Москва 🇷🇺"),
    ),
    Annotation(
        id="tokyo-1",
        article_id="tokyo",  # not among the loaded stories: the record is all we have
        source="https://example.org/tokyo?id=1",
        title="东京报道",
        created="2026-11-27T08:15:00Z",
        updated="2026-11-27T08:15:00Z",
        selector=Selector("“我们准备好了”", "东京: ", "", 120, 127),
        tags=["日本"],
        note="",
        speaker=None,
        orphan=True,
    ),
]
ARTICLES = {"moscow": STORY}

MOTIVATIONS = {
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
}
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def check_web_annotation(item: dict[str, Any]) -> None:
    """The Web Annotation Data Model's MUSTs for what we emit."""
    context = item["@context"]
    if isinstance(context, list):
        assert len(context) > 1 and "http://www.w3.org/ns/anno.jsonld" in context
    else:
        assert context == "http://www.w3.org/ns/anno.jsonld"
    assert IRI.match(item["id"])
    assert item["type"] == "Annotation"
    assert item["motivation"] in MOTIVATIONS
    assert DATETIME.match(item["created"]) and DATETIME.match(item["modified"])
    for body in item.get("body", []):
        assert body["type"] == "TextualBody"
        assert isinstance(body["value"], str) and body["value"]
        assert body["purpose"] in MOTIVATIONS
    target = item["target"]
    assert IRI.match(target["source"])
    kinds = {selector["type"]: selector for selector in target["selector"]}
    assert set(kinds) == {"TextQuoteSelector", "TextPositionSelector"}
    assert isinstance(kinds["TextQuoteSelector"]["exact"], str)
    position = kinds["TextPositionSelector"]
    assert 0 <= position["start"] <= position["end"]


def test_w3c_export_follows_the_data_model() -> None:
    items = json.loads(export_annotations(ANNOTATIONS, ARTICLES, "w3c"))
    assert isinstance(items, list) and len(items) == 3
    for item in items:
        check_web_annotation(item)
    assert len({item["id"] for item in items}) == 3


def test_w3c_maps_tags_note_speaker_and_positions() -> None:
    first = json.loads(export_annotations(ANNOTATIONS[:1], ARTICLES, "w3c"))[0]
    assert first["id"] == "urn:uuid:0b6c3a52-8d1e-4f7a-9c2b-5e4d3c2b1a09"
    assert first["motivation"] == "commenting"
    assert first["created"] == "2026-11-28T10:00:00Z"
    by_purpose: dict[str, list[str]] = {}
    for body in first["body"]:
        by_purpose.setdefault(body["purpose"], []).append(body["value"])
    assert by_purpose == {
        "tagging": ["doubt", "Россия", "arms control"],
        "commenting": ["Check against the TASS wire.\nSecond line, with a comma."],
        "identifying": ["Сергей Рябков"],
    }
    assert first["target"]["source"] == "file:///news/moscow.txt"
    quote, position = first["target"]["selector"]
    assert TEXT[position["start"] : position["end"]] == quote["exact"]  # code points
    assert TEXT.endswith(quote["suffix"], 0, position["end"] + len(quote["suffix"]))
    assert TEXT[: position["start"]].endswith(quote["prefix"])


def test_w3c_marks_orphans_and_keeps_web_sources() -> None:
    orphan = json.loads(export_annotations(ANNOTATIONS[2:], {}, "w3c"))[0]
    assert orphan["orphan"] is True
    assert orphan["@context"][1] == {"orphan": "urn:newsreader:orphan"}
    assert orphan["target"]["source"] == "https://example.org/tokyo?id=1"
    assert orphan["motivation"] == "tagging"
    anchored = json.loads(export_annotations(ANNOTATIONS[1:2], ARTICLES, "w3c"))[0]
    assert "orphan" not in anchored and "body" not in anchored
    assert anchored["motivation"] == "highlighting"


def test_csv_parses_back_with_readwise_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(export_annotations(ANNOTATIONS, ARTICLES, "csv"))))
    assert list(rows[0]) == [
        "Highlight",
        "Title",
        "Author",
        "URL",
        "Note",
        "Location",
        "Date",
        "Tags",
        "Speaker",
        "Orphaned",
    ]
    by_highlight = {row["Highlight"]: row for row in rows}
    assert set(by_highlight) == {"a big question", "Москва 🇷🇺", "我们准备好了"}
    big = by_highlight["a big question"]
    assert big["Title"] == "Moscow Hopes U.S. 'Serious'"
    assert big["Author"] == "AFP"
    assert big["Note"] == "Check against the TASS wire.\nSecond line, with a comma."
    assert int(big["Location"]) == ANNOTATIONS[0].selector.start
    assert big["Date"] == "2026-11-28 10:00:00"
    assert big["Tags"] == "doubt, Россия, arms control"
    assert big["Speaker"] == "Сергей Рябков"
    assert big["Orphaned"] == ""
    tokyo = by_highlight["我们准备好了"]
    assert tokyo["URL"] == "https://example.org/tokyo?id=1"
    assert tokyo["Title"] == "东京报道"
    assert tokyo["Orphaned"] == "yes"


def test_markdown_groups_by_story_with_quotes_tags_and_notes() -> None:
    text = export_annotations(ANNOTATIONS, ARTICLES, "markdown")
    assert text.startswith("# Annotations\n\n3 annotations from 2 stories")
    moscow = text.index("## Moscow Hopes U.S. 'Serious'")
    tokyo = text.index("## 东京报道")
    assert moscow < tokyo  # dated stories first
    assert "AFP · TASS · 27 July 2021 · `/news/moscow.txt`" in text
    # Within a story, text order: the first passage of the story comes first.
    assert text.index("> Москва 🇷🇺") < text.index("> a big question")
    assert "— Сергей Рябков\n\n#doubt #Россия #arms-control\n\nCheck against the TASS wire." in text
    tokyo_section = text[tokyo:]
    assert "> 我们准备好了" in tokyo_section
    assert "#日本" in tokyo_section
    assert "*Orphaned:" in tokyo_section
    assert "<https://example.org/tokyo?id=1>" in tokyo_section


def test_markdown_does_not_let_a_quote_become_a_heading() -> None:
    odd = Annotation(
        id="h",
        article_id="moscow",
        source="/news/moscow.txt",
        title="t",
        created="2026-11-28T09:00:00Z",
        updated="2026-11-28T09:00:00Z",
        selector=Selector("# 1 priority", "", "", 0, 12),
    )
    assert "> \\# 1 priority" in export_annotations([odd], {}, "markdown")


def test_json_round_trip_restores_every_field() -> None:
    backup = export_annotations(ANNOTATIONS, ARTICLES, "json")
    restored = import_records(backup)
    assert restored == ANNOTATIONS
    assert export_annotations(restored, ARTICLES, "json") == backup


def test_json_backup_is_readable_text() -> None:
    backup = export_annotations(ANNOTATIONS, ARTICLES, "json")
    assert "Сергей Рябков" in backup  # not \u escapes
    document = json.loads(backup)
    assert document["format"] == "newsreader-annotations"
    assert document["version"] == 1


def test_every_format_handles_an_empty_list() -> None:
    for fmt in FORMATS:
        assert export_annotations([], {}, fmt)
    assert import_records(export_annotations([], {}, "json")) == []


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ExportError, match="unknown export format 'pdf'"):
        export_annotations(ANNOTATIONS, ARTICLES, "pdf")


def _record(**changes: Any) -> str:
    record = json.loads(export_annotations(ANNOTATIONS[:1], ARTICLES, "json"))
    record["annotations"][0].update(changes)
    return json.dumps(record)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "not a JSON file (line 1, column 2"),
        ('{"annotations": []}', 'not a newsreader backup: no "format"'),
        ('{"format": "newsreader-annotations", "version": 9, "annotations": []}', "newer"),
        ('"text"', "expected a JSON object or list"),
        (_record(id=""), "annotation 1: 'id' must be a non-empty string"),
        (_record(tags="doubt"), "annotation 1 (id 0b6c3a52-8d1e-4f7a-9c2b-5e4d3c2b1a09): 'tags'"),
        (_record(selector={"exact": "x", "start": -1, "end": 2}), "'start' must be a whole"),
        (_record(selector={"exact": "x", "start": 5, "end": 2}), "'end' (2) is before"),
        (_record(orphan="no"), "'orphan' must be true or false"),
    ],
)
def test_bad_backups_fail_with_one_clear_line(data: str, message: str) -> None:
    with pytest.raises(ExportError) as caught:
        import_records(data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_w3c_file_is_recognised_and_refused_with_advice() -> None:
    with pytest.raises(ExportError, match="--format json"):
        import_records(export_annotations(ANNOTATIONS, ARTICLES, "w3c"))


def test_optional_fields_may_be_missing_from_older_backups() -> None:
    minimal = {
        "id": "m1",
        "article_id": "moscow",
        "source": "/news/moscow.txt",
        "created": "2026-11-28T09:00:00Z",
        "selector": {"exact": "Москва", "start": 0, "end": 6},
    }
    (restored,) = import_records(json.dumps([minimal]))
    assert restored.updated == "2026-11-28T09:00:00Z"
    assert restored.tags == [] and restored.note == "" and not restored.orphan
    assert restored.selector.prefix == ""


def test_a_broken_unicode_escape_is_refused_on_import() -> None:
    data = _record(note="ok").replace('"note": "ok"', '"note": "bad \\ud800 half"')
    with pytest.raises(ExportError, match="'note' must be valid Unicode text"):
        import_records(data)
