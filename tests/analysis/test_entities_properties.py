"""Whatever the text, names come back valid: in range, matching, sorted, apart."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.entities import find_entities, group_entities

LABELS = {"PER", "ORG", "LOC", "MISC"}

# Words that exercise the rules (titles, connectors, places, possessives, capitals)
# mixed with arbitrary text, so generated documents look enough like news to matter.
WORDS = st.sampled_from(
    [
        "Mr",
        "President",
        "Deputy",
        "of",
        "the",
        "and",
        "van",
        "de",
        "Bank",
        "Inc.",
        "Moscow",
        "U.S.",
        "Biden's",
        "BIDEN",
        "Russian",
        "in",
        "at",
        "said",
        "Joe",
        "State\nDepartment",
        "\n",
        "\n\n",
        ".",
        ",",
        "'",
        '"',
        "’s",
        "Cup",
        "Road",
        "LONDON",
        "1996-08-30",
        "-",
        "X.",
        "Ä",
        "É",
        "Şener",
        "Ólafur",
        "ǅ",
        "İ",
        "ß",
    ]
)
DOCS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=60).map(" ".join),
)


def check(text: str) -> None:
    found = find_entities(text)
    previous_end = 0
    for e in found:
        assert 0 <= e.start < e.end <= len(text)
        assert e.text == text[e.start : e.end]
        assert e.label in LABELS
        assert e.start >= previous_end
        previous_end = e.end
    groups = group_entities(text, found)
    assert sorted(m.start for g in groups for m in g.mentions) == [e.start for e in found]
    assert all(e.group is not None for e in found)


@settings(max_examples=300, deadline=None)
@given(DOCS)
def test_names_are_valid_for_any_text(text: str) -> None:
    check(text)


def test_a_long_single_line_document_is_handled() -> None:
    text = "Joe Biden met Vladimir Putin in Geneva, and Ryabkov's aides said so. " * 3000
    found = find_entities(text)
    assert len(found) == 4 * 3000
    check(text[:5000])


def test_a_page_of_titles_is_read_without_running_out_of_stack() -> None:
    # Each "Mr" starts a title; reading them one inside another once overflowed the stack.
    text = "Xy Mr " * 5000
    found = find_entities(text)
    assert found, "a crash inside the finder shows up as no names at all"
    check(text[:3000])


def test_a_long_capitalised_run_is_not_one_giant_name() -> None:
    text = "Alpha Beta Gamma Delta " * 500
    assert all(len(e.text.split()) <= 12 for e in find_entities(text))
