"""The whole analysis on the user's own sample, against their gold annotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis import analyze, backends, find_quotes
from reader.analysis.backends import register_backend
from reader.model import Analysis, Entity

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_articles" / "moscow-us-strategic-stability.txt"
GOLD = Path(__file__).parent / "data" / "moscow-us-strategic-stability.json"
MARKS = "\"'“”‘’«»„ \n.,"


def _words_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in MARKS:
        start += 1
    while end > start and text[end - 1] in MARKS:
        end -= 1
    return start, end


@pytest.fixture(scope="module")
def sample() -> tuple[str, Analysis, dict]:
    text = SAMPLE.read_text(encoding="utf-8")
    return text, analyze(text), json.loads(GOLD.read_text(encoding="utf-8"))


def test_every_gold_quote_is_found_with_its_speaker(sample) -> None:
    text, analysis, gold = sample
    found = {_words_span(text, q.start, q.end): q for q in analysis.quotes}
    for expected in gold["quotes"]:
        span = _words_span(text, expected["start"], expected["end"])
        assert span in found, f"missed {expected['text']!r}"
        quote = found[span]
        assert quote.speaker == expected["speaker"], expected["text"]
        assert quote.kind == "quote"


def test_no_quote_beyond_the_gold_ones(sample) -> None:
    _, analysis, gold = sample
    assert len(analysis.quotes) == len(gold["quotes"])


def test_speaker_span_points_at_the_mention_and_role_is_kept_apart(sample) -> None:
    text, analysis, _ = sample
    first = next(q for q in analysis.quotes if q.text.startswith('"understand'))
    assert text[first.speaker_start : first.speaker_end] == "Sergei Ryabkov"
    assert first.role == "Deputy Foreign Minister"
    assert first.cue == "told"
    short = next(q for q in analysis.quotes if "approaches" in q.text)
    assert text[short.speaker_start : short.speaker_end] == "Ryabkov"
    assert short.speaker == "Sergei Ryabkov"


def test_quote_text_is_the_source_slice(sample) -> None:
    text, analysis, _ = sample
    for quote in analysis.quotes:
        assert quote.text == text[quote.start : quote.end]
        assert quote.text[0] in "\"'"


def test_find_quotes_agrees_with_analyze(sample) -> None:
    text, analysis, _ = sample
    assert [(q.start, q.end) for q in find_quotes(text)] == [
        (q.start, q.end) for q in analysis.quotes
    ]


def test_quotes_are_counted_for_the_people_who_said_them(sample) -> None:
    _, analysis, _ = sample
    if not analysis.groups:
        pytest.skip("the names stage found no entities")
    counts = {g.name: g.quote_count for g in analysis.groups if g.quote_count}
    assert counts.get("Sergei Ryabkov") == 7
    assert counts.get("Dmitry Peskov") == 2


def test_a_name_in_capitals_counts_for_its_group_in_any_alphabet() -> None:
    # The group is named in title case ("Κωστας Σημιτης", with a final "ς"); the later
    # speaker, the surname in capitals opening a sentence, is no name mention of the
    # group: it grows into the name finder's mention "ΚΩΣΤΑΣ ΣΗΜΙΤΗΣ" and counts for its
    # group by that mention's span, in any alphabet, compiled or not.
    text = '"Yes," said ΚΩΣΤΑΣ ΣΗΜΙΤΗΣ. ΣΗΜΙΤΗΣ said "maybe".'
    analysis = analyze(text)
    assert [q.speaker for q in analysis.quotes] == ["ΚΩΣΤΑΣ ΣΗΜΙΤΗΣ", "ΚΩΣΤΑΣ ΣΗΜΙΤΗΣ"]
    counts = {g.name: g.quote_count for g in analysis.groups}
    assert counts == {"Κωστας Σημιτης": 2}


def test_empty_and_quote_free_text() -> None:
    assert analyze("").quotes == []
    assert analyze("No one said anything at all.").quotes == []


def test_non_text_is_refused_with_a_clear_message() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        analyze(b"bytes")  # type: ignore[arg-type]


def test_a_quote_counts_for_the_mention_of_the_speakers_full_name() -> None:
    text = (
        "Councillor Ruth Ambrose chairs the harbour committee. Her deputy, Ruth Kelling, "
        "disagreed with her on the dredging plan.\n\n"
        '"We cannot wait another winter," Ambrose said.'
    )
    analysis = analyze(text)
    assert [q.speaker for q in analysis.quotes] == ["Ruth Ambrose"]
    counts = {g.name: g.quote_count for g in analysis.groups if g.quote_count}
    assert counts == {"Ruth Ambrose": 1}


def test_a_speaker_no_name_spells_is_counted_for_no_one() -> None:
    # "each state" shares only its last word with the "Sunshine State": not the same.
    text = (
        "Voters in the Sunshine State went to the polls on Tuesday.\n\n"
        '"The rules differ," each state said in its filing.'
    )
    analysis = analyze(text)
    assert all(g.quote_count == 0 for g in analysis.groups)


def test_the_council_counts_for_the_one_council_in_the_story() -> None:
    text = (
        "Holmsea Town Council met on Monday to discuss the sea wall.\n\n"
        '"Repairs will start in March," the council said.'
    )
    analysis = analyze(text)
    assert [q.speaker for q in analysis.quotes] == ["the council"]
    counts = {g.name: g.quote_count for g in analysis.groups if g.quote_count}
    assert counts == {"Holmsea Town Council": 1}


class _MissesTheSpeaker:
    """A name finder (as a statistical model may be) that finds both Lindqvists where
    they are introduced, one of them across a hard line wrap, but not the speaker's
    own mention "Lindqvist"."""

    name = "misses-the-speaker"

    def find(self, text: str) -> list[Entity]:
        found = []
        for name in ("Erik Lindqvist", "Hannah\nLindqvist"):
            start = text.index(name)
            found.append(Entity(start, start + len(name), name, "PER"))
        return found


def test_a_speaker_joins_the_name_it_grows_into_by_span(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Lindqvist said" grows into the nearest fuller mention, "Hannah\nLindqvist": the
    # quote counts for her by that mention's span. Matched by strings, no mention is
    # spelled "Hannah Lindqvist" (the text wraps) and two people end in "Lindqvist".
    monkeypatch.setattr(backends, "_REGISTRY", dict(backends._REGISTRY))
    backends._backend.cache_clear()
    register_backend("misses-the-speaker", lambda option: _MissesTheSpeaker())
    text = (
        "Erik Lindqvist runs the ferry from Port Ardwell to the islands.\n\n"
        "The harbour master at Port Ardwell, who has run the quay for twenty years, Hannah\n"
        "Lindqvist, spoke first at the meeting on Monday night about the berths.\n\n"
        '"The berths are full," Lindqvist said.'
    )
    analysis = analyze(text, ner="misses-the-speaker")
    backends._backend.cache_clear()
    assert [q.speaker for q in analysis.quotes] == ["Hannah Lindqvist"]
    counts = {g.name: g.quote_count for g in analysis.groups}
    assert counts == {"Erik Lindqvist": 0, "Hannah Lindqvist": 1}
