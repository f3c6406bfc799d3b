"""Quotation marks paired into quotes: every mark style, damage, and what is not a quote."""

from __future__ import annotations

import pytest

from reader.analysis import analyze, find_quotes


def quoted(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" and left.', '"we will win"'),
        ("He said “we will win” and left.", "“we will win”"),
        ("Minister Hails 'Historic' Deal", "'Historic'"),
        ("Minister hails ‘historic’ deal", "‘historic’"),
        ("Il a dit « nous gagnerons » hier.", "« nous gagnerons »"),
        ("Er sagte „wir gewinnen“ gestern.", "„wir gewinnen“"),
        ("Sie sagte »wir gewinnen« gestern.", "»wir gewinnen«"),
    ],
)
def test_each_mark_style_pairs(text: str, expected: str) -> None:
    assert quoted(text) == [expected]


def test_quote_spans_include_their_marks_and_slice_the_source() -> None:
    text = 'Smith said "it is over," and left.'
    (quote,) = find_quotes(text)
    assert text[quote.start] == '"'
    assert text[quote.end - 1] == '"'
    assert quote.text == text[quote.start : quote.end]


@pytest.mark.parametrize(
    "text",
    [
        "Moscow's position and the ministry's reply did not change.",
        "Prices were lower in the '90s than in the '80s.",
        "The band played rock 'n' roll all night.",
        "The students' union and the teachers' room were closed.",
        "Don't say it wasn't O'Neill's idea.",
        "They'll fight 'em on the beaches.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert quoted(text) == []


def test_apostrophes_inside_a_single_quoted_headline() -> None:
    assert quoted("Candidate: Rival's Plan Is 'Dead on Arrival' in Congress") == [
        "'Dead on Arrival'"
    ]


def test_multi_paragraph_quote_reopens_each_paragraph_and_closes_once() -> None:
    text = (
        'The minister said:\n\n"We will build the bridge. It will take two years.\n\n'
        '"And it will carry trains as well as cars."\n\nThe opposition disagreed.'
    )
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == [
        '"We will build the bridge. It will take two years.',
        '"And it will carry trains as well as cars."',
    ]
    speakers = {q.speaker for q in analyze(text).quotes}
    assert speakers == {"minister"} or speakers == {"The minister"}


def test_nested_quote_stays_inside_its_outer_quote() -> None:
    text = "\"She told me 'never again' and hung up,\" Jones said."
    assert quoted(text) == ["\"She told me 'never again' and hung up,\""]
    curly = "“He called it ‘a disaster’ twice,” Jones said."
    assert quoted(curly) == ["“He called it ‘a disaster’ twice,”"]
    mixed = '"He asked: “Why now?” and walked out," Jones said.'
    assert quoted(mixed) == ['"He asked: “Why now?” and walked out,"']


def test_doubled_marks_count_once() -> None:
    text = 'Ryan said the ""plans" of both sides do not always ""agree."'
    assert quoted(text) == ['""plans"', '""agree."']


def test_straight_opener_closed_by_a_single_mark() -> None:
    text = 'He said it remains "a big question\' if talks will "move forward."'
    assert quoted(text) == ["\"a big question'", '"move forward."']


def test_missing_closer_ends_at_the_paragraph_end_and_the_next_paragraph_is_fine() -> None:
    text = 'Lee said "we are not leaving\n\nThe council met on Monday. "It was calm," Kim said.'
    assert quoted(text) == ['"we are not leaving', '"It was calm,"']
    first = find_quotes(text)[0]
    assert first.confidence < find_quotes(text)[1].confidence


def test_damage_never_stops_the_scan() -> None:
    text = 'A "b \'c" d "e\n\n"f" g\' "h" ""i"" \' " \u201c j \u201d'
    quotes = find_quotes(text)
    assert all(text[q.start : q.end] == q.text for q in quotes)
    assert '"h"' in [q.text for q in quotes]


def test_markup_attributes_are_not_quotes() -> None:
    assert quoted('<tweet id="77825794" author="someone">The blue arrow</tweet>') == []


def test_scare_quotes_and_titles_are_told_apart_from_speech() -> None:
    text = (
        'The company called it a "temporary" pause.\n\n'
        'Critics watched the show "Face the Nation" on Sunday.\n\n'
        'Rep. Robert "Bobby" Scott spoke first.\n\n'
        '"We will reopen in May," the manager said.'
    )
    kinds = {q.text.strip('"'): q.kind for q in analyze(text).quotes}
    assert kinds["Face the Nation"] == "scare"
    assert "Bobby" not in kinds  # a nickname inside a name is no quotation (issue 16)
    assert kinds["We will reopen in May,"] == "quote"


def test_unattributed_single_word_is_a_scare_quote() -> None:
    # A cue word in the sentence makes even one word a partial quotation.
    (quote,) = analyze('Officials described the plan as "ambitious" in tone.\n\nIt rained.').quotes
    assert (quote.kind, quote.speaker) == ("quote", "Officials")
    (bare,) = analyze('The so-called "reform" passed.').quotes
    assert bare.kind == "scare"
    assert bare.confidence < 0.5


def test_scanned_low_nine_commas_and_typewriter_closers() -> None:
    text = ",,We are farmers, not speculators,'' said the chairman, Robert Askew."
    (quote,) = find_quotes(text)
    assert quote.text == ",,We are farmers, not speculators,''"


def test_a_doubled_comma_in_running_text_is_not_a_quote() -> None:
    assert quoted("Prices rose,,and fell again by Friday.") == []


def test_marks_inside_a_tag_are_markup() -> None:
    text = '<tweet pic="pic.example/" author="someone" id="7">Blue arrow</tweet> He said "yes."'
    assert quoted(text) == ['"yes."']


def test_a_title_named_as_one_is_not_speech_even_before_a_speaker() -> None:
    text = 'On CBS\'s "Face the Nation," Senator Ana Ruiz said the plan would fail.'
    (quote,) = analyze(text).quotes
    assert quote.kind == "scare"


def test_a_title_case_quote_with_a_speaker_of_its_own_is_speech() -> None:
    (quote,) = analyze('Jacobs called Merkel "The Chancellor of the Free World."').quotes
    assert (quote.kind, quote.speaker) == ("quote", "Jacobs")


def test_a_paragraph_that_is_only_a_title_case_quotation_is_a_heading() -> None:
    text = (
        "Mine Owner Plans a Comeback\n\n"
        '"The pits will reopen," said Tom Clarke, the owner.\n\n'
        "'Coal Is Not the Villain.'\n\n"
        "It was raining when the miners went down."
    )
    kinds = [(q.text, q.kind, q.speaker) for q in analyze(text).quotes]
    assert kinds == [
        ('"The pits will reopen,"', "quote", "Tom Clarke"),
        ("'Coal Is Not the Villain.'", "scare", None),
    ]


def test_a_short_capitalised_sentence_is_speech_not_a_title() -> None:
    text = '"Does anybody know the plan?" Graham asked. "Neither do I."\n\nThe end.'
    kinds = [q.kind for q in analyze(text).quotes]
    assert kinds == ["quote", "quote"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'The fans' voices matter,' he said.", ["'The fans' voices matter,'"]),
        ("'It was the Yankees' fault,' he said.", ["'It was the Yankees' fault,'"]),
        ("'I love the Yankees' he said.", ["'I love the Yankees'"]),
    ],
)
def test_a_plural_possessive_inside_a_single_quoted_quote_does_not_close_it(
    text: str, expected: list[str]
) -> None:
    assert quoted(text) == expected


def test_a_single_quoted_word_before_in_or_the_closes_even_with_more_quotes_later() -> None:
    text = "Moscow Hopes U.S. 'Serious' in Talks. Later, 'Ready' was the word, and 'soon'."
    assert quoted(text) == ["'Serious'", "'Ready'", "'soon'"]


def test_a_multi_paragraph_quote_joined_onto_one_line_does_not_swallow_the_rest() -> None:
    # The paragraph breaks of a three-paragraph quotation were lost: each paragraph's
    # opener still starts a sentence, so each ends the quote before it.
    text = (
        "She said her manager went through the list. “He took out a red pen. I asked "
        "why. “They were not duplicates. I had logged them myself. “When I pushed him, "
        "he said, ‘Keep it off the record.’ I wrote it down.” The company denied it. "
        "“We keep every record,” a spokesman said."
    )
    assert quoted(text) == [
        "“He took out a red pen. I asked why.",
        "“They were not duplicates. I had logged them myself.",
        "“When I pushed him, he said, ‘Keep it off the record.’ I wrote it down.”",
        "“We keep every record,”",
    ]
    assert analyze(text).quotes[-1].speaker == "a spokesman"


def test_a_curly_opener_inside_a_sentence_still_nests() -> None:
    text = "“He told me, “I’m leaving,” and then he left,” Jones said."
    assert quoted(text) == ["“He told me, “I’m leaving,” and then he left,”"]


def test_a_misturned_closer_at_a_paragraph_end_is_not_a_new_quote() -> None:
    text = "“They see that. “\n\nThe story was updated."
    assert quoted(text) == ["“They see that. “"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A scan turned the closer of a double-quoted word ending in "s" into a single
        # mark; a later opener says the quote ended there.
        (
            'She called the fees "outrageous\' and asked for pay to be "clawed back" soon.',
            ["\"outrageous'", '"clawed back"'],
        ),
        (
            'It tells the "elites’ in this town that "rules" are for others.',
            ['"elites’', '"rules"'],
        ),
    ],
)
def test_a_scanned_single_closer_after_an_s_ends_a_double_quote(
    text: str, expected: list[str]
) -> None:
    assert quoted(text) == expected


def test_a_plural_possessive_inside_a_double_quote_still_does_not_close_it() -> None:
    text = 'He said "the teachers\' union will not back down" and left. Then "no" came.'
    assert quoted(text) == ['"the teachers\' union will not back down"', '"no"']


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He called her “disgusting' and referred to ‘the tape.” Then he left.",
            ["“disgusting'", "‘the tape.”"],
        ),
        (
            "“I don’t know what she was thinking,’ he said. ‘I am very troubled.”",
            ["“I don’t know what she was thinking,’", "‘I am very troubled.”"],
        ),
    ],
)
def test_a_single_opener_after_a_scanned_closer_starts_a_new_quote(
    text: str, expected: list[str]
) -> None:
    assert quoted(text) == expected


def test_a_glued_apostrophe_does_not_end_a_quote_before_a_nested_one() -> None:
    text = "Hedge asked, “Was it Politi’fact’ that said the claim was ‘mostly true’? Odd.”"
    assert quoted(text) == ["“Was it Politi’fact’ that said the claim was ‘mostly true’? Odd.”"]


def test_a_quotation_whose_first_opener_was_scanned_as_a_single_mark() -> None:
    text = (
        "The Courier reports:\n\n'In a sign of the mood, only a quarter of the donors gave"
        ' less than $200.\n\n"Without that network, the campaign must keep holding dinners."'
        "\n\nThe rest of the story follows."
    )
    found = [q for q in analyze(text).quotes if q.kind == "quote"]
    assert [q.text[:5] for q in found] == ["'In a", '"With']
    assert found[0].speaker == found[1].speaker == "Courier"


def test_an_apostrophe_opening_a_paragraph_is_no_quote() -> None:
    text = "'Tis the season for repairs, the council says.\n\nWork starts in May."
    assert quoted(text) == []


def test_a_dutch_t_is_an_elision_not_an_opening_mark() -> None:
    text = '"It will pass," said Sophie in \'t Hout, a member of the council. "It must."'
    assert quoted(text) == ['"It will pass,"', '"It must."']


def test_a_closer_before_a_quotation_dash_ends_a_quote_a_scan_opened_with_a_single_mark() -> None:
    text = "‘The ferry is late again.”― Ana Ruiz\n“It is never on time.” ― Tom Hale"
    assert quoted(text) == ["‘The ferry is late again.”", "“It is never on time.”"]


def test_a_single_closer_before_of_or_without_ends_a_double_quote() -> None:
    # "deaths' of" and "thugs' without": no noun follows, so no possessive; a scan
    # turned the closer into a single mark, and the quote ends there.
    text = (
        "He mourned the \"senseless deaths' of young men and called critics \"thugs' without proof."
    )
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "\"senseless deaths'",
        "\"thugs'",
    ]


def test_an_opening_curly_mark_after_a_sentence_end_closes_the_open_quote() -> None:
    # “…voters!“After: glued after "!" with a quote open, the opener is a turned closer.
    text = "“We want roads fixed - so do voters!“After the rally, Ines Roa left."
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "“We want roads fixed - so do voters!“"
    ]


def test_an_opening_curly_mark_standing_alone_closes_the_open_quote() -> None:
    text = "“Crews must do the ‘two-step’ “ - patch first, then pave - Ola Brandt said."
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["“Crews must do the ‘two-step’ “"]


def test_an_opening_curly_mark_glued_to_a_word_still_opens_a_nested_quote() -> None:
    text = "“They called it “the plan” all year,” Ola Brandt said."
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "“They called it “the plan” all year,”"
    ]
