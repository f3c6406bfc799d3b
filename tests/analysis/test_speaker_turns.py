"""A transcript printed as one quotation, each turn labelled inside its opening mark.

Texts written for these tests (issue 16): ``"PIKE: ...`` is the story's Ada Pike, and so
is the paragraph that carries her turn on with no label of its own, up to the next
label; a label the story never names ("HOST") stays unknown, and so does its
continuation; a label inside a quotation the writer's own sentence opens is no turn,
nor is one before upper-case words (a sign's "PIKE: OUT UNTIL MONDAY").
"""

from __future__ import annotations

from reader.analysis import analyze

_TRANSCRIPT = (
    "On Sunday's program, Gov. Ada Pike told the host she would not attend the summit.\n\n"
    "Partial transcript as follows:\n\n"
    '"HOST: Will you be at the summit tomorrow?\n\n'
    '"PIKE: No, I will not. The summit is a distraction from the work we have to do in '
    "this province. We have roads to fix.\n\n"
    '"And the truth is that our budget cannot carry another summit. We have spent too '
    "much on travel already.\n\n"
    '"HOST: Thank you, Governor. We will be right back after the break.\n\n'
    '"Our next guest is a farmer from the north of the province who grows barley.'
)


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text[:12], q.speaker) for q in analyze(text).quotes if q.kind == "quote"]


def test_label_inside_the_mark_speaks_its_turn_and_the_paragraphs_after_it() -> None:
    assert _speakers(_TRANSCRIPT) == [
        ('"HOST: Will ', None),
        ('"PIKE: No, I', "Ada Pike"),
        ('"And the tru', "Ada Pike"),
        ('"HOST: Thank', None),
        ('"Our next gu', None),  # the host's turn: still no one the story names
    ]


def test_label_inside_a_writers_sentence_is_no_turn() -> None:
    text = (
        'The office was locked on Friday. On its door hung a card, "PIKE: Out of the '
        'office until Monday, back on Tuesday", which nobody had taken down.\n\n'
        "The office is Gov. Ada Pike's, who was away at a summit all week."
    )
    assert all(speaker is None for _, speaker in _speakers(text))


def test_upper_case_words_after_a_label_are_no_turn() -> None:
    text = (
        "Gov. Ada Pike spoke to reporters after the vote on Friday.\n\n"
        '"PIKE: OUT OF THE OFFICE UNTIL MONDAY," the handwritten card on her door read.'
    )
    assert all(speaker is None for _, speaker in _speakers(text))
