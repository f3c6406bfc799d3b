"""Word tables searched in one sorted string answer as the dicts they replace."""

from __future__ import annotations

import pytest

from reader.analysis.sorted_table import (
    REMEMBERED,
    CodeTable,
    LabelTable,
    encode,
    encode_labels,
    label_table,
)

PLACES = {
    "Paris": 3,
    "Paris, Texas": 1,
    "Par": 2,
    "Montréal": 2,
    "Montreal": 2,
    "Zürich": 1,
    "Aachen": 1,
    "São Paulo": 2,
    "Ōsaka": 2,
    "a": 1,
}
# Keys absent from the table that sort before, between and after its lines, prefixes
# and extensions of its keys, and keys no line can hold.
ABSENT = ["", "A", "Aa", "Pa", "Pari", "Parisian", "Paris,", "Paris Texas", "Zz", "Ω", "b"]
ODD = ["Paris\n", "\nParis", "3Paris", "Paris\nTexas"]


def test_every_key_is_found_with_its_code_and_no_other_key_is() -> None:
    table = CodeTable(encode(PLACES.items()), 3)
    for key, code in PLACES.items():
        assert table.get(key) == code and table[key] == code and key in table
    for key in ABSENT + ODD:
        assert table.get(key) == 0 and key not in table
        assert table.get(key, -1) == -1
        with pytest.raises(KeyError):
            table[key]


def test_a_second_ask_answers_as_the_first() -> None:
    table = CodeTable(encode(PLACES.items()), 3)
    first = [table.get(key) for key in [*PLACES, *ABSENT]]
    assert [table.get(key) for key in [*PLACES, *ABSENT]] == first


def test_labels_come_back_as_they_went_in() -> None:
    genders = {"Anna": "female", "Sergei": "male", "Kim": "either", "Annabel": "female"}
    table = label_table(encode_labels(genders))
    assert table is not None
    for key, label in genders.items():
        assert table.get(key) == label and table[key] == label and key in table
    for key in ["Ann", "Annab", "Zed", "", "anna"]:
        assert table.get(key) is None and key not in table


def test_a_large_table_agrees_with_a_dict_on_every_key() -> None:
    # Made-up words of many lengths, so the halving meets short and long lines alike.
    table = {f"{chr(65 + i % 26)}{'x' * (i % 7)}{i}": 1 + i % 3 for i in range(3000)}
    searched = CodeTable(encode(table.items()), 3)
    assert all(searched.get(key) == code for key, code in table.items())
    assert not any(f"{key}!" in searched or key[:-1] + "~" in searched for key in table)


def test_an_empty_table_holds_nothing() -> None:
    assert "Paris" not in CodeTable(encode([]), 3)


def test_a_code_out_of_range_reads_as_absent() -> None:
    # A line whose code no table writes ("9" for a place): damage, not a place.
    table = CodeTable("3Boston\n9Paris\n", 3)
    assert table.get("Boston") == 3 and "Paris" not in table
    labels = LabelTable("1Anna\n3Kim\n", ("female", "male"))
    assert labels.get("Anna") == "female" and labels.get("Kim") is None


@pytest.mark.parametrize(
    "stored",
    [None, ("LOC", "1Paris\n"), (("LOC",), b"1Paris\n"), (("LOC", 2), "1Paris\n"), (("LOC",),)],
)
def test_what_is_no_stored_label_table_is_refused(stored: object) -> None:
    assert label_table(stored) is None


def test_a_long_lived_table_remembers_a_bounded_number_of_words() -> None:
    table = CodeTable(encode(PLACES.items()), 3)
    asked = [f"Town {number}" for number in range(REMEMBERED + 10)]
    assert not any(key in table for key in asked)
    assert len(table._table._seen) <= REMEMBERED
    assert table.get("Paris") == 3 and "Town 1" not in table
