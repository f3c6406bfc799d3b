"""Property tests: analysis on hostile text, and the JSON backup round trip."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.citation import clean_quote
from reader.export import ExportError, export_annotations, import_records
from reader.export.readwise_csv import safe_cell
from reader.model import Annotation, Selector
from reader.safe_text import clean, clean_annotation

# Pieces of real news prose mixed with what breaks tokenisers: control characters,
# right-to-left text and marks, combining accents, zero-width joiners, odd quotes.
NEWS_PIECES = [
    '"We will rebuild," said Maria Lopez.',
    "\u201cIt is over,\u201d the mayor, John Smith, told reporters.",
    "According to the Harbour Authority, repairs start Monday.",
    "\u00abNon\u00bb, a d\u00e9clar\u00e9 Ren\u00e9 Dubois.",
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",  # Hebrew
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",  # Arabic
    "\u202eevil\u202c \u200f\u200e",  # RTL override, marks
    "Jose\u0301 Mari\u0301a said",  # combining acute accents
    "\u200d\u200b\ufeff",
    "\x00\x07\x1b[31m\x7f\r\n\t\x0b\x0c",
    '"',
    "\u201c",
    "\u201d",
    "'",
    "\u2019",
    ":",
    "\n\n",
    " ",
    "said",
    "Mr.",
]
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(NEWS_PIECES),
        # Lone surrogates too: what bytes decoded with errors="surrogateescape" become.
        st.text(max_size=20),
    ),
    max_size=30,
).map("".join)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(hostile_text)
def test_analysis_never_raises_and_offsets_point_into_the_text(text: str) -> None:
    analysis = analyze(text)
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        if quote.speaker_start is not None:
            assert quote.speaker_end is not None
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(text)
    for entity in analysis.entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.text == text[entity.start : entity.end]
    group_ids = {group.id for group in analysis.groups}
    assert all(
        entity.group in group_ids for entity in analysis.entities if entity.group is not None
    )


# Lone surrogates cannot be written as UTF-8; everything else a user might type can.
safe_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)
tag_names = st.text(alphabet="abcxyz-_\u00e9", min_size=1, max_size=8)
timestamps = st.datetimes(timezones=st.just(UTC)).map(
    lambda moment: moment.isoformat(timespec="seconds")
)


@st.composite
def annotations(draw: st.DrawFn) -> Annotation:
    exact = draw(safe_text.filter(bool))
    start = draw(st.integers(0, 10_000))
    return Annotation(
        id=draw(st.uuids()).hex,
        article_id=draw(st.text(alphabet="0123456789abcdef", min_size=8, max_size=16)),
        source=draw(st.sampled_from(["/news/a.txt", "https://example.org/story?id=1&x=\u00e9"])),
        title=draw(safe_text),
        created=draw(timestamps),
        updated=draw(timestamps),
        selector=Selector(
            exact=exact,
            prefix=draw(safe_text),
            suffix=draw(safe_text),
            start=start,
            end=start + len(exact),
        ),
        tags=draw(
            st.lists(
                st.text(alphabet="abcxyz-_\u00e9", min_size=1, max_size=8), max_size=4, unique=True
            )
        ),
        note=draw(safe_text),
        colour=draw(st.none() | st.sampled_from(["#E9B35F", "red"])),
        speaker=draw(st.none() | safe_text),
        orphan=draw(st.booleans()),
    )


annotation_lists = st.lists(annotations(), max_size=6, unique_by=lambda annotation: annotation.id)


@FAST
@given(annotation_lists)
def test_json_backup_round_trips_every_field(originals: list[Annotation]) -> None:
    backup = export_annotations(originals, {}, "json")
    expected = [clean_annotation(a) for a in originals]
    if any(not annotation.selector.exact for annotation in expected):
        # A passage of nothing but control characters is refused, not restored empty.
        with pytest.raises(ExportError, match="nothing but control characters"):
            import_records(backup)
        return
    restored = import_records(backup)
    # Every field comes back, its text cleaned of control characters as on any import.
    assert sorted(restored, key=lambda a: a.id) == sorted(expected, key=lambda a: a.id)


@FAST
@given(annotation_lists)
def test_every_export_format_accounts_for_each_annotation(originals: list[Annotation]) -> None:
    count = len(originals)
    markdown = export_annotations(originals, {}, "markdown")
    assert f"{count} annotation{'' if count == 1 else 's'} from" in markdown
    rows = list(csv.DictReader(io.StringIO(export_annotations(originals, {}, "csv"))))
    # Rows come in reading order (story, then position), passages tidied as when copied
    # and made safe for a spreadsheet and a terminal.
    highlights = sorted(str(safe_cell(clean_quote(clean(a.selector.exact)))) for a in originals)
    assert sorted(row["Highlight"] for row in rows) == highlights
    w3c = json.loads(export_annotations(originals, {}, "w3c"))
    assert len(w3c) == count
