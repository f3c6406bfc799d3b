"""The one sanitiser: what it removes, what it keeps, and that nothing unsafe survives it."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.model import Annotation, Selector
from reader.safe_text import (
    DISPLAY_TABLE,
    clean,
    clean_annotation,
    clean_line,
    is_clean,
    json_for_terminal,
    visible,
)
from tests.payloads import ALL, PAYLOADS

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")

# Text made mostly of the characters that matter: escape introducers, terminators,
# sequence bytes, C1, BiDi controls, and ordinary letters between them.
ALPHABET = list("\x1b\x07\x9b\x9c\x9d\x90[]P\\;02Jmk\n\t\r\x0caé“ \u202e\u2066\u200f")
hostile_text = st.text(alphabet=st.sampled_from(ALPHABET) | st.characters(), max_size=80)


@given(hostile_text)
def test_cleaned_text_holds_no_control_but_tab_and_newline(text: str) -> None:
    cleaned = clean(text)
    assert UNSAFE.search(cleaned) is None
    assert is_clean(cleaned)
    assert clean(cleaned) == cleaned  # cleaning twice changes nothing


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_plain_ascii_text_is_judged_as_any_other(text: str) -> None:
    # An ASCII text is checked by bytes, not by the regex: the same verdicts.
    assert is_clean(text) == (UNSAFE.search(text) is None)
    assert UNSAFE.search(clean(text)) is None
    assert UNSAFE.search(json_for_terminal(json.dumps(text, ensure_ascii=False))) is None
    assert UNSAFE.search(json_for_terminal(f'"{text}"')) is None


@given(hostile_text)
def test_a_cleaned_line_is_one_line_without_controls(text: str) -> None:
    line = clean_line(text)
    assert UNSAFE.search(line) is None
    assert "\n" not in line and "\t" not in line
    assert line == line.strip()


@given(hostile_text)
def test_visible_keeps_every_character_findable_but_none_active(text: str) -> None:
    shown = visible(text)
    assert UNSAFE.search(shown) is None and "\n" not in shown


@given(st.text(max_size=40))
def test_display_table_keeps_the_length_and_draws_nothing_unsafe(text: str) -> None:
    drawn = text.translate(DISPLAY_TABLE)
    assert len(drawn) == len(text)
    assert UNSAFE.search(drawn) is None and "\n" not in drawn


def test_ordinary_news_text_is_returned_unchanged() -> None:
    text = "«Мы готовы», — сказал Рябков.\n\n東京: “我们准备好了”\tשלום \u200f(RLM kept)"
    assert clean(text) is text


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_each_payload_is_removed_whole(name: str) -> None:
    cleaned = clean(f"before {PAYLOADS[name]}after")
    assert "PWNED" not in cleaned, cleaned
    assert UNSAFE.search(cleaned) is None


def test_what_is_left_of_the_payloads_is_their_visible_words() -> None:
    # An OSC 8 link keeps its words, BiDi text its letters (no longer reversed).
    assert clean(PAYLOADS["osc8"]) == "click"
    assert clean(PAYLOADS["bidi"]) == "DENWP"
    assert clean(ALL) == "clickDENWP"


def test_an_unterminated_sequence_loses_its_introducer_and_keeps_the_text() -> None:
    assert clean("Title \x1b]0;rest of the story") == "Title 0;rest of the story"
    assert clean("Red \x1b[31") == "Red 31"


def test_line_ends_of_other_systems_become_newlines() -> None:
    assert clean("a\r\nb\rc\x0bd\x0ce") == "a\nb\nc\nd\ne"


def test_a_file_name_in_a_message_shows_its_escapes() -> None:
    assert visible("news/\x1b]0;x\x07a\tb.txt") == "news/\\x1b]0;x\\x07a\\x09b.txt"
    assert visible("\u202eevil.txt") == "\\u202eevil.txt"
    assert visible("bad-\udcff.txt") == "bad-\ufffd.txt"  # not UTF-8: shown, not crashing


def test_hostile_text_in_linear_time() -> None:
    # Many introducers without terminators: each scan stops at the next one.
    text = ("\x9d" + "a" * 10) * 20_000 + "\x1b[" * 20_000
    assert UNSAFE.search(clean(text)) is None


def test_an_annotation_keeps_its_keys_and_loses_its_escapes() -> None:
    annotation = Annotation(
        id="id-\x1b",
        article_id="story",
        source="/news/\x1b]0;x\x07.txt",
        title=f"Title {PAYLOADS['osc0']}",
        created="2026-11-28T10:00:00+00:00",
        updated="2026-11-28T10:00:00+00:00",
        selector=Selector(f"said {PAYLOADS['osc52']}", "pre\x9b2J", "", 3, 9),
        tags=[f"tag{PAYLOADS['osc2']}", "tag", "\x1b[2J"],
        note=f"line one\nline {PAYLOADS['bidi']}two",
        speaker=f"Ana {PAYLOADS['csi_clear']}Ruiz",
    )
    cleaned = clean_annotation(annotation)
    assert (cleaned.id, cleaned.source, cleaned.article_id) == (
        annotation.id,
        annotation.source,
        "story",
    )
    assert cleaned.title == "Title"
    assert cleaned.selector == Selector("said ", "pre", "", 3, 9)
    assert cleaned.tags == ["tag", "tag"]  # an empty one dropped, the list kept as it was
    assert cleaned.note == "line one\nline DENWPtwo"
    assert cleaned.speaker == "Ana Ruiz"
    assert clean_annotation(cleaned) is cleaned


@given(st.dictionaries(st.text(max_size=5), hostile_text, max_size=4))
def test_json_for_a_terminal_is_the_same_data_without_raw_controls(document: dict) -> None:
    written = json_for_terminal(json.dumps(document, ensure_ascii=False))
    assert UNSAFE.search(written) is None
    assert json.loads(written) == document


def test_a_long_story_is_looked_at_a_piece_at_a_time_and_nothing_is_missed() -> None:
    """A 49 MB story is checked in a thread while the UI runs: in pieces of a C call
    each (one pass over all of it held the interpreter 50-100 ms against the keys)."""
    import sys

    from reader.safe_text import PIECE, is_clean
    from reader.sources.decoding import _may_hold_junk

    story = "Plain words, nothing else.\n" * (3 * PIECE // 27 + 1)
    passes: list[str] = []

    def profile(_frame, event: str, arg) -> None:
        if event == "c_call" and getattr(arg, "__name__", "") == "encode":
            passes.append(event)

    sys.setprofile(profile)
    try:
        assert is_clean(story)
    finally:
        sys.setprofile(None)
    assert len(passes) >= 3, "one C call per piece, not one over the whole story"
    assert not is_clean(story + "\x1b]52;c;aGk=\x07"), "an escape in the last piece"
    assert not _may_hold_junk(story)
    assert _may_hold_junk(story + "\x00")
