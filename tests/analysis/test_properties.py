"""Properties that hold for any text: no exception, spans in range and consistent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze, find_quotes

# Text made mostly of the characters the rules react to, so odd cases come up often.
_ALPHABET = st.sampled_from(
    [
        *"abc XYZ.,:;!?-—―\n\n\"'“”‘’«»„‚‹›()=>",
        *["said", "told", " Smith", " he", "according to", "Mr.", " the ", "'s", "\u00a0"],
    ]
)
news_like = st.lists(_ALPHABET, max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=200), news_like)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_analyze_never_raises_and_spans_are_consistent(text: str) -> None:
    analysis = analyze(text)
    previous_end = 0
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        assert quote.start >= previous_end, "quotes overlap"
        previous_end = quote.end
        assert quote.kind in ("quote", "scare")
        assert 0.0 <= quote.confidence <= 1.0
        if quote.speaker_start is not None:
            assert quote.speaker_end is not None
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(text)
        if quote.speaker is not None:
            assert quote.speaker.strip() == quote.speaker and quote.speaker
    for entity in analysis.entities:
        assert entity.text == text[entity.start : entity.end]


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_find_quotes_matches_analyze(text: str) -> None:
    assert [(q.start, q.end) for q in find_quotes(text)] == [
        (q.start, q.end) for q in analyze(text).quotes
    ]


@settings(max_examples=100, deadline=None)
@given(news_like)
def test_a_paragraph_does_not_change_the_quotes_of_another(first: str) -> None:
    # Pairing is local to a paragraph: damage in one cannot swallow quotes in the next.
    text = first.replace("\n", " ") + "\n\n" + 'Kim said "all is well" today.'
    spans = [(q.start, q.end) for q in find_quotes(text)]
    start = text.index('"all is well"')
    assert (start, start + len('"all is well"')) in spans
