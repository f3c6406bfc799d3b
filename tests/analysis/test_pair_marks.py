"""Pairing a paragraph's mark runs gives what the plain reading gives: every run taken
apart into its marks by ``_marks_of`` (also a run of one mark), each mark opening or
closing in turn, a doubled mark opening once."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.analysis.quote_context import CLOSE_SIDE, ends_after_s, inside_tag
from reader.analysis.quotes import (
    _OPEN_SIDE,
    _TWO_APOSTROPHES,
    ALL_MARKS,
    DOUBLE_MARKS,
    DOUBLE_OPENERS,
    SINGLE_MARKS,
    STRAIGHT_DOUBLE,
    MarkedQuote,
    Runs,
    _close,
    _Emitter,
    _is_apostrophe,
    _marks_of,
    _Open,
    _open,
    _role_from_shape,
    mark_quotes,
    mark_runs,
)
from reader.analysis.text_units import paragraphs


def plain_pair_paragraph(
    text: str,
    index: int,
    p_start: int,
    p_end: int,
    next_start: int | None,
    found: list[MarkedQuote],
    carried_group: int | None,
    runs: Runs,
    may_hold_tags: bool,
) -> int | None:
    stack: list[_Open] = []
    emit = _Emitter(text, found, index, p_start, carried_group)
    starts, ends, first, last = runs
    for n in range(first, last):
        s, e = starts[n], ends[n]
        run = text[s:e]
        before = text[s - 1] if s > p_start else " "
        after = text[e] if e < p_end else " "
        spaced_before = before.isspace() or before in _OPEN_SIDE or s == p_start
        spaced_after = after.isspace() or after in CLOSE_SIDE or e == p_end
        if len(run) == 1 and run in SINGLE_MARKS and _is_apostrophe(text, s, e, p_end, stack):
            continue
        if before == "=" or (after == ">" and not stack) or (may_hold_tags and inside_tag(text, s)):
            continue
        if spaced_before and not spaced_after:
            role = "open"
        elif spaced_after and not spaced_before:
            role = "close"
        elif run == "“" and stack and stack[-1].double and (spaced_before or before in ".!?"):
            role = "close"  # an opener standing alone or after a sentence's end: a turned closer
        else:
            role = "shape"
        opened_double = opened_single = False
        for offset, width, char in _marks_of(run):
            if char == _TWO_APOSTROPHES:
                if not any(o.double for o in stack):
                    continue
                char = STRAIGHT_DOUBLE
            double = char in DOUBLE_MARKS
            char_role = _role_from_shape(char, stack) if role == "shape" else role
            if char_role == "open":
                if opened_double if double else opened_single:
                    continue
                if double:
                    opened_double = True
                else:
                    opened_single = True
                _open(text, stack, s + offset, double, char, emit)
            else:
                end = e if role == "close" else s + offset + width
                may_end = before not in "sS" or ends_after_s(text, s + offset + width)
                _close(stack, s + offset, end, double, may_end, emit, role == "close")
    if not stack:
        return None
    outer = stack[0]
    if outer.fallback is not None:
        emit.quote(outer.start, outer.fallback, False)
        return None
    reopens = next_start is not None and text[next_start] == outer.char
    reopens = reopens or (next_start is not None and text[next_start] in DOUBLE_OPENERS)
    if not outer.double:
        # A single mark left open is a quotation only as a paragraph's first character,
        # before a capital, with the next paragraph opening with a double mark.
        reopens = reopens or (next_start is not None and text[next_start] == STRAIGHT_DOUBLE)
        first_in_paragraph = outer.start == p_start and text[p_start + 1 : p_start + 2].isupper()
        if not (reopens and first_in_paragraph):
            return None
    emit.quote(outer.start, p_end, False)
    if reopens:
        found[-1].continues = True
        return found[-1].group
    return None


def plain_mark_quotes(text: str) -> list[MarkedQuote]:
    """mark_quotes as plainly as it can be read: each paragraph's own runs of marks,
    paired by the loop above."""
    paras = paragraphs(text)
    found: list[MarkedQuote] = []
    carried: int | None = None
    for index, (p_start, p_end) in enumerate(paras):
        starts, ends = mark_runs(text, p_start, p_end)
        if not starts:
            carried = None
            continue
        next_start = paras[index + 1][0] if index + 1 < len(paras) else None
        carried = plain_pair_paragraph(
            text,
            index,
            p_start,
            p_end,
            next_start,
            found,
            carried,
            (starts, ends, 0, len(starts)),
            "<" in text,
        )
    return found


def fields(found: list[MarkedQuote]) -> list[tuple[int, int, int, int, bool, bool, bool]]:
    return [
        (q.start, q.end, q.paragraph, q.group, q.closed, q.continues, q.continued) for q in found
    ]


_ALPHABET = ALL_MARKS + ",,, aAs=<>.\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
@example("\"\"word\" and 'a' ''b'' “c” ‘d’ e's 'n' s' x")
@example("He said 'yes'\n\n\"More\n\n“And”")
@example("‹A\n“")
@example("“a.“b “c “ d")
def test_paragraphs_pair_as_read_mark_by_mark(text: str) -> None:
    assert fields(mark_quotes(text)) == fields(plain_mark_quotes(text))
