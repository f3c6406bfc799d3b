"""A quotation whose opener a scan turned into a single mark, holding a nested quote."""

from __future__ import annotations

from reader.analysis import find_quotes


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_a_double_closer_rejoins_the_quote_its_nested_quote_cut() -> None:
    text = "Rain fell. 'Staff kept saying 'soon' all winter, so we left,\" Ola Brandt said."
    assert _quoted(text) == ["'Staff kept saying 'soon' all winter, so we left,\""]


def test_curly_marks_rejoin_too() -> None:
    text = "Rain fell. ‘Staff kept saying ‘soon’ all winter, so we left,” Ola Brandt said."
    assert _quoted(text) == ["‘Staff kept saying ‘soon’ all winter, so we left,”"]


def test_a_closed_single_quote_is_not_rejoined() -> None:
    # Both single quotes paired: the stray double closer has nothing of theirs to end.
    text = "She wrote 'Open' and 'Closed' on the signs, he said,\" in error."
    assert _quoted(text) == ["'Open'", "'Closed'"]


def test_a_cut_quote_not_opening_on_a_capital_is_not_rejoined() -> None:
    text = "The '80s 'boom' years ended,\" said the report."
    assert "'80s 'boom' years ended,\"" not in _quoted(text)


def test_a_closer_glued_to_the_nested_closer_rejoins() -> None:
    # ’” stand side by side: the run closes the nested quote, and the outer one too.
    text = "Rain fell. ‘Crews kept saying, ‘Tomorrow, tomorrow,’” Ola Brandt said."
    assert _quoted(text) == ["‘Crews kept saying, ‘Tomorrow, tomorrow,’”"]


def test_a_chain_of_single_quotes_rejoins_from_the_first_that_opens_a_clause() -> None:
    text = (
        "“It went badly,” Ines Roa said. ‘The clerk told me it was lost. I asked "
        "‘are you sure?’ He said ‘yes, all of it.’ And that was the end of it.”"
    )
    assert _quoted(text)[-1] == (
        "‘The clerk told me it was lost. I asked ‘are you sure?’ He said ‘yes, all of "
        "it.’ And that was the end of it.”"
    )


def test_a_single_quote_a_possessive_closed_rejoins() -> None:
    text = "'Deputies stopped the drivers' convoy at the bridge,\" the report said."
    assert _quoted(text) == ["'Deputies stopped the drivers' convoy at the bridge,\""]


def test_a_quoted_word_inside_a_sentence_does_not_start_the_rejoined_quote() -> None:
    # 'Harbour Lights' sits inside the clause after "called": no quotation opens there.
    text = "He called it 'Harbour Lights' and left, she said,\" in error."
    assert _quoted(text) == ["'Harbour Lights'"]


def test_a_single_closer_ends_the_nested_quote_it_closes() -> None:
    # The nested quote's closer became ’: it ends "hell", and ” still closes the outer
    # quote, so the signature after it names the speaker of the quote it follows.
    text = "“I’d rather live in what he calls “hell’ than in his world.” ― Ada Pike"
    assert _quoted(text) == ["“I’d rather live in what he calls “hell’ than in his world.”"]


def test_a_plural_possessive_inside_a_nested_quote_does_not_end_it() -> None:
    text = "“They called it “the workers’ plan” for weeks,” Ada Pike said."
    assert _quoted(text) == ["“They called it “the workers’ plan” for weeks,”"]
