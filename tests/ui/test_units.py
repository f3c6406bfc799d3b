"""Sentences, paragraphs, quotes and names: the steps the reader's focus takes."""

from __future__ import annotations

from reader.model import Analysis, Entity, EntityGroup, Quote, Span
from reader.ui.units import Units, split_sentences
from reader.ui.wrap import paragraph_spans


def sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text, 0, len(text))]


def test_sentences_end_at_terminal_punctuation_before_a_capital() -> None:
    assert sentences("Talks begin today. They may last a week! Will they? Yes.") == [
        "Talks begin today.",
        "They may last a week!",
        "Will they?",
        "Yes.",
    ]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "The U.S. delegation met Mr. Ryabkov in Geneva. Dr. J. Smith of the U.N. said "
        "little. The talks were 3.5 hours long."
    )
    assert sentences(text) == [
        "The U.S. delegation met Mr. Ryabkov in Geneva.",
        "Dr. J. Smith of the U.N. said little.",
        "The talks were 3.5 hours long.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = 'He said it was "a big question." "We will see," she said.'
    assert sentences(text) == ['He said it was "a big question."', '"We will see," she said.']


def test_a_paragraph_without_end_punctuation_is_one_sentence() -> None:
    assert sentences("  Breaking: talks collapse  ") == ["Breaking: talks collapse"]


TEXT = (
    "Headline\n\n"
    "First one. Second one.\n\n"
    '"Quoted words," said Ann Lee. Then more.\n\n'
    "Last paragraph here."
)


def units() -> Units:
    paragraphs = paragraph_spans(TEXT, TEXT.index("First"))
    quote_start = TEXT.index('"Quoted')
    quote_end = TEXT.index('," said') + 2
    name = TEXT.index("Ann Lee")
    analysis = Analysis(
        quotes=[
            Quote(quote_start, quote_end, TEXT[quote_start:quote_end], "Ann Lee", name, name + 7),
        ],
        entities=[Entity(name, name + 7, "Ann Lee", "PER", 0)],
        groups=[EntityGroup(0, "Ann Lee", "PER", quote_count=1)],
    )
    return Units(TEXT, paragraphs, analysis)


def text_of(span: Span) -> str:
    return TEXT[span.start : span.end]


def test_next_and_previous_sentence_cross_paragraphs() -> None:
    nav = units()
    first = nav.first_sentence()
    assert first is not None and text_of(first.span) == "First one."
    second = nav.next_sentence(first.span.start)
    assert second is not None and text_of(second.span) == "Second one."
    third = nav.next_sentence(second.span.start)
    assert third is not None and text_of(third.span) == '"Quoted words," said Ann Lee.'
    back = nav.previous_sentence(third.span.start)
    assert back is not None and text_of(back.span) == "Second one."
    last = nav.last_sentence()
    assert last is not None and text_of(last.span) == "Last paragraph here."
    assert nav.next_sentence(last.span.start) is None
    assert nav.describe(third) == "Sentence 3/5 · Paragraph 2/3"


def test_quote_and_person_units_say_who() -> None:
    nav = units()
    quote = nav.next_quote(0)
    assert quote is not None and text_of(quote.span) == '"Quoted words,"'
    assert nav.describe(quote) == "Quote 1/1 · Ann Lee"
    person = nav.next_person(0)
    assert person is not None and nav.describe(person) == "Person 1/1 · Ann Lee · quoted 1×"
    assert nav.next_quote(quote.span.start) is None
    # A click inside a quote focuses the quote, elsewhere the sentence.
    inside = nav.unit_at(TEXT.index("words"))
    assert inside is not None and inside.kind == "quote"
    outside = nav.unit_at(TEXT.index("more"))
    assert outside is not None and text_of(outside.span) == "Then more."


def test_paragraph_units_and_words() -> None:
    nav = units()
    paragraph = nav.next_paragraph(0)
    assert paragraph is not None and text_of(paragraph.span) == "First one. Second one."
    assert nav.describe(paragraph) == "Paragraph 1/3 · 4 words"
    assert nav.previous_paragraph(paragraph.span.start) is None
    start = TEXT.index("First")
    end = nav.word_end_after(start + len("First"))
    assert end is not None and TEXT[start:end] == "First one."
    shrunk = nav.word_end_before(end, start)
    assert shrunk is not None and TEXT[start:shrunk] == "First"
    assert nav.word_end_before(shrunk, start) is None


def test_an_uncertain_attribution_is_marked_in_the_status() -> None:
    nav = units()
    quote = nav.next_quote(0)
    assert quote is not None and quote.quote is not None
    quote.quote.confidence = 0.4
    assert nav.describe(quote) == "Quote 1/1 · Ann Lee (uncertain)"


def test_word_starts_stop_before_words_within_their_bounds() -> None:
    nav = units()
    first, second = TEXT.index("First"), TEXT.index("one.")
    assert nav.word_start_after(first, len(TEXT)) == second
    assert nav.word_start_after(first + 2, len(TEXT)) == second  # from inside a word too
    # Never at or past the ceiling (the selection's end): a start keeps a word after it.
    assert nav.word_start_after(first, second) is None
    assert nav.word_start_before(second, first) == first
    assert nav.word_start_before(second + 2, first) == second  # inside a word: its start
    # Never before the floor (the story's body): the headline is not selectable.
    assert nav.word_start_before(first, first) is None
    # Across a paragraph break, back to the last word of the one before.
    assert nav.word_start_before(TEXT.index('"Quoted'), first) == TEXT.index("Second one.") + 7


def _blocks(count: int) -> list[Analysis]:
    """The analyses of the blocks of a story of quoted paragraphs, three paragraphs a
    block: each paragraph has a quote, a scare quote and two names."""
    found = []
    for block in range(count):
        quotes: list[Quote] = []
        entities: list[Entity] = []
        for paragraph in range(block * 3, block * 3 + 3):
            start = paragraph * 100
            # In the lists the scare quote and the company come first, in the text last.
            quotes.append(Quote(start + 60, start + 70, '"so-called"', kind="scare"))
            quotes.append(Quote(start, start + 20, f'"Words {paragraph},"', f"P{paragraph}"))
            entities.append(Entity(start + 40, start + 45, "Acme", "ORG"))
            entities.append(Entity(start + 30, start + 38, f"P{paragraph}", "PER", paragraph))
        groups = [
            EntityGroup(n, f"P{n}", "PER", quote_count=1) for n in range(3 * block, 3 * block + 3)
        ]
        found.append(Analysis(quotes, entities, groups))
    return found


def _so_far(blocks: list[Analysis], landed: list[int]) -> Analysis:
    """What the analysis process's merger hands on: the landed blocks' items, in text order."""
    parts = [blocks[n] for n in sorted(landed)]
    return Analysis(
        [quote for part in parts for quote in part.quotes],
        [entity for part in parts for entity in part.entities],
        [group for part in parts for group in part.groups],
    )


def test_an_analysis_landing_block_by_block_steps_as_the_whole_one_does() -> None:
    text = "x" * 1_200
    paragraphs = [Span(n * 100, n * 100 + 90) for n in range(12)]
    blocks = _blocks(4)
    whole = Units(text, paragraphs, _so_far(blocks, [0, 1, 2, 3]))
    grown = Units(text, paragraphs)
    landed: list[int] = []
    # Blocks land in text order (each list grows at its end), then one lands before
    # those already placed (a story opened at its end is analysed from there first).
    for block in (1, 2, 0, 3):
        landed.append(block)
        grown.set_analysis(_so_far(blocks, landed))
    # A list that grows at its end with items that go before those placed already.
    appended = Units(text, paragraphs)
    parts = [blocks[n] for n in (1, 3, 0, 2)]
    for count in range(1, 5):
        appended.set_analysis(
            Analysis(
                [quote for part in parts[:count] for quote in part.quotes],
                [entity for part in parts[:count] for entity in part.entities],
                [group for part in parts[:count] for group in part.groups],
            )
        )
    for nav in (whole, grown, appended):
        assert [nav.describe(nav.quote_unit(n)) for n in range(len(nav.quotes))] == [
            f"Quote {n + 1}/12 · P{n}" for n in range(12)
        ]
        assert [nav.group_name(person) for person in nav.people] == [f"P{n}" for n in range(12)]
        last = nav.previous_person(len(text))
        assert last is not None and nav.describe(last) == "Person 12/12 · P11 · quoted 1×"
        after = nav.next_quote(350)
        assert after is not None and after.span == Span(400, 420)
