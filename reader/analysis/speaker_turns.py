"""A transcript's turns written inside the quotation marks: ``"PENCE: Well, look, ...``.

Some stories print a transcript as one quotation of many paragraphs, each opened with
a mark and begun by the upper-case label of whoever speaks ("WALLACE:", "PENCE:").
The words before the mark say nothing about the speaker, so the label inside it is
the only evidence: it speaks its paragraph, and the paragraphs after it that carry
the quotation on with no label of their own, up to the next label. Whether a label
is anyone the story names is judged later, like any other speaker: "PENCE" is the
story's Mike Pence; a "HOST" the story never names stays unknown.
"""

from __future__ import annotations

import re
from typing import Final

from reader.analysis.quotes import MarkedQuote
from reader.analysis.speaker_context import Attribution
from reader.analysis.speaker_phrases import SpeakerPhrase

LABEL_SOURCE: Final = "label"  # an Attribution's source: a turn's label inside the quote

# The opening mark, then one to four upper-case words and a colon with a space after
# it: "PENCE: ", "ELAINE QUIJANO: ", "O'REILLY: ". A single letter ("Q:", "A:") names no
# one, and is refused below.
_LABEL: Final = re.compile(r"[\"“„«]\s?([A-Z][A-Z'’.-]*[A-Z](?: [A-Z][A-Z'’.-]*[A-Z]){0,3}):\s")
_LABEL_REACH: Final = 48  # characters from the mark in which the label's colon stands
_INDENT: Final = 16  # white space before a paragraph-opening mark


def label_inside(text: str, q: MarkedQuote, para_start: int) -> Attribution | None:
    """The turn's label just inside the opening mark of a quote that opens its
    paragraph, as the quote's speaker."""
    # Only an indent before the mark, read without slicing the paragraph: a story on
    # one line is one paragraph with thousands of quotes.
    if q.start - para_start > _INDENT or text[para_start : q.start].strip():
        return None  # the quote is inside a sentence of the writer's: no transcript line
    found = _LABEL.match(text, q.start, min(q.end, q.start + _LABEL_REACH))
    if found is None:
        return None
    said = text[found.end() : found.end() + _LABEL_REACH].split()
    if not said or said[0].isupper():
        return None  # "PIKE: OUT UNTIL MONDAY", a sign's words, not a turn of speech
    start, end = found.span(1)
    phrase = SpeakerPhrase(start, end, text[start:end], person=True)
    return Attribution(phrase, ":", 0.6, source=LABEL_SOURCE)
