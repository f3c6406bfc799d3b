"""Find direct quotations by pairing quotation marks, recovering from damaged marks.

One pass over the runs of quotation marks in each paragraph. Each run is read from
its surroundings (space before and a word after opens, a word before and space or
punctuation after closes), so straight marks pair as reliably as curly ones. Damage
is repaired locally and the scan goes on: doubled marks count once, a straight opener
may be closed by a single mark (``"a big question'``), and a quote left open at the
end of a paragraph ends there unless the next paragraph reopens it, which is how a
quotation runs over several paragraphs. Nested quotes stay inside their outer quote.
"""

from __future__ import annotations

import re
from typing import Final

from reader.analysis.nicknames import is_nickname
from reader.analysis.quote_context import (
    CLOSE_SIDE,
    NOT_AFTER_POSSESSIVE,
    after_sentence_end,
    clearly_closes,
    ends_after_s,
    inside_tag,
    letters_at,
    opens_clause,
    opens_paragraph,
    single_closer_follows,
    trimmed_end,
)
from reader.analysis.text_units import MOJIBAKE_LEADS, first_not_below, paragraphs
from reader.model import Quote

# Final: compiled, these are C globals instead of look-ups in the module's dict.
DOUBLE_OPENERS: Final = "“„‟«"
DOUBLE_CLOSERS: Final = "”»"
SINGLE_OPENERS: Final = "‘‚‛‹"
SINGLE_CLOSERS: Final = "’›"
STRAIGHT_DOUBLE: Final = '"'
STRAIGHT_SINGLE: Final = "'"
DOUBLE_MARKS: Final = DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT_DOUBLE
SINGLE_MARKS: Final = SINGLE_OPENERS + SINGLE_CLOSERS + STRAIGHT_SINGLE
ALL_MARKS: Final = DOUBLE_MARKS + SINGLE_MARKS

# ",,word" is a low-9 opener as typed or scanned (old typewriter and OCR text); it only
# counts after a space, "(" or "[" so that a doubled comma in running text stays a typo.
_LOW_OPENER: Final = ",,"
_BEFORE_LOW_OPENER: Final = "(["
# Characters that may stand right before an opening mark or right after a closing one;
# "―" is the quotation dash before a name ("...it.” ― Ana Ruiz").
_OPEN_SIDE: Final = "([{<—–―-/‐\u00a0"
# Words that an apostrophe shortens at their start: 'em, 'til, 'cause, rock 'n' roll,
# Dutch 't (Sophie in 't Veld).
_ELISIONS: Final = frozenset(
    {"em", "til", "cause", "tis", "twas", "n", "bout", "round", "nuff", "ol", "t"}
)
_DECADE: Final = re.compile(r"\d\d?s?\b")
# Two apostrophes close a double mark that is open (,,like this'') but open nothing:
# archive text that types ''like this'' (NYT dumps) is a conversion artefact, and the
# annotated news we measure never counts it as a quotation, only the real 'single'
# quotes nested inside it.
_TWO_APOSTROPHES: Final = "''"


class MarkedQuote:
    """A quote as paired, with what the pairing knows about it.

    ``group`` is shared by the paragraphs of one multi-paragraph quotation.
    """

    # A plain class, not a dataclass: compiled with mypyc, a dataclass keeps the
    # interpreted __init__ that ``dataclasses`` writes; this one gets a native one.
    __slots__ = ("closed", "continued", "continues", "end", "group", "paragraph", "start")

    def __init__(
        self,
        start: int,
        end: int,
        paragraph: int,
        group: int,
        closed: bool = True,
        continued: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.group = group
        self.closed = closed  # ended by a real closing mark
        self.continues = False  # runs on into the next paragraph
        self.continued = continued  # carries on a quotation from the previous paragraph

    def __repr__(self) -> str:
        return f"MarkedQuote({self.start}, {self.end}, paragraph={self.paragraph})"


class _Open:
    __slots__ = ("char", "double", "fallback", "start")

    def __init__(self, start: int, double: bool, char: str) -> None:
        self.start = start
        self.double = double
        self.char = char
        self.fallback: int | None = None  # end of a single mark that could have closed it


class _Emitter:
    """Adds one paragraph's quotes to ``found`` as they are paired.

    A class, not a closure: compiled, _open and _close called the closure through
    Python (with keyword arguments); a method of a native class is a direct call.
    """

    __slots__ = ("carried_group", "first_in_paragraph", "found", "index", "p_start", "text")

    def __init__(
        self,
        text: str,
        found: list[MarkedQuote],
        index: int,
        p_start: int,
        carried_group: int | None,
    ) -> None:
        self.text = text
        self.found = found
        self.index = index
        self.p_start = p_start
        self.carried_group = carried_group
        self.first_in_paragraph = True

    def quote(self, start: int, end: int, closed: bool) -> None:
        carried_group = self.carried_group
        continued = self.first_in_paragraph and carried_group is not None and start == self.p_start
        group = carried_group if continued and carried_group is not None else len(self.found)
        self.found.append(MarkedQuote(start, end, self.index, group, closed, continued))
        self.first_in_paragraph = False

    def rejoin(self, pos: int, end: int) -> None:
        """A double closer at ``pos`` with nothing open: end a quotation whose opener a
        scan turned into a single mark, and whose own single marks then paired.

        ‘We were told ‘wait’ for months,” she said: the second single opener ended the
        first quote unclosed, and the nested one paired; the closer says all of it was
        one quotation. So it does after a chain of single-marked quotes (‘She told me it
        was over. I said ‘are you sure?’ She said ‘yes.’ And that was it.”) or a single
        quote a possessive closed ('Lee grabbed Fields' arm and left," she wrote): the
        quotation starts at the first of them that opens a sentence or clause on a
        capital, so that 'Open' and 'Closed' written inside a sentence never join.
        """
        found = self.found
        text = self.text
        if len(found) >= 2 and found[-2].paragraph == self.index:
            cut, nested = found[-2], found[-1]
            if (
                not cut.closed
                and nested.closed
                and not cut.continued
                and text[cut.start] in SINGLE_MARKS
                and text[nested.start] in SINGLE_MARKS
                and text[cut.start + 1 : cut.start + 2].isupper()
                and not text[cut.end : nested.start].strip()
                and nested.end <= end  # a run like ’” closes the nested quote and this one
            ):
                del found[-2:]
                self.quote(cut.start, end, False)
                return
        first = len(found)
        while first > 0:
            q = found[first - 1]
            if q.paragraph != self.index or q.continued or text[q.start] not in SINGLE_MARKS:
                break
            first -= 1
        for k in range(first, len(found)):
            start = found[k].start
            if text[start + 1 : start + 2].isupper() and opens_clause(text, start, self.p_start):
                del found[k:]
                self.quote(start, end, False)
                return


def find_quotes(text: str) -> list[Quote]:
    """Every direct quotation in ``text``; spans include the marks."""
    return [
        Quote(start=q.start, end=q.end, text=text[q.start : q.end], confidence=_confidence(q))
        for q in mark_quotes(text)
    ]


def _confidence(q: MarkedQuote) -> float:
    return 0.9 if q.closed or q.continues else 0.6


def mark_quotes(text: str, paras: list[tuple[int, int]] | None = None) -> list[MarkedQuote]:
    """Pair the quotation marks of ``text`` paragraph by paragraph."""
    if paras is None:
        paras = paragraphs(text)
    found: list[MarkedQuote] = []
    carried_group: int | None = None
    # Most paragraphs hold no mark at all: find the marks once and skip those paragraphs.
    starts, ends = mark_runs(text, 0, len(text))
    # Most news holds no markup at all: then no mark needs a look back for a tag.
    may_hold_tags = "<" in text
    for index, (p_start, p_end) in enumerate(paras):
        first = first_not_below(starts, p_start)
        if first == len(starts) or starts[first] >= p_end:
            carried_group = None
            continue
        last = first_not_below(starts, p_end, first)
        runs = starts, ends, first, last
        if not _same_as_alone(text, runs, p_start, p_end):
            alone_starts, alone_ends = mark_runs(text, p_start, p_end)
            runs = alone_starts, alone_ends, 0, len(alone_starts)
        next_start = paras[index + 1][0] if index + 1 < len(paras) else None
        group = _pair_paragraph(
            text, index, p_start, p_end, next_start, found, carried_group, runs, may_hold_tags
        )
        carried_group = group
    # Marcia "Cia" Price: the marks set off part of a name, not a quotation.
    return [
        q
        for q in found
        if q.continued or q.continues or not q.closed or not is_nickname(text, q.start, q.end)
    ]


def mark_runs(text: str, lo: int, hi: int) -> tuple[list[int], list[int]]:
    """Starts and ends of the runs of quotation marks in ``text[lo:hi]``, in order.

    A run is marks standing side by side (``""``, ``'"``), or a ",," opener before a
    letter. Each kind of mark is found with ``str.find``, which skips the text between
    marks far faster than a regex scan of it, and no match object is made per run.
    """
    at_mark: list[int] = []
    for mark in ALL_MARKS:
        at = text.find(mark, lo, hi)
        # "Ã«" is "ë" written as UTF-8 and read as Windows-1252: half a letter, no mark.
        guillemet = mark == "«" or mark == "»"
        while at >= 0:
            if not (guillemet and at > 0 and text[at - 1] in MOJIBAKE_LEADS):
                at_mark.append(at)
            at = text.find(mark, at + 1, hi)
    at = text.find(_LOW_OPENER, lo, hi)
    while at >= 0:
        before = text[at - 1] if at > 0 else " "
        after = text[at + 2] if at + 2 < hi else ""
        if (before.isspace() or before in _BEFORE_LOW_OPENER) and _is_letter(after):
            at_mark.append(at)
            at_mark.append(at + 1)  # both commas: one run of two, as they stand together
        at = text.find(_LOW_OPENER, at + 1, hi)
    at_mark.sort()
    starts: list[int] = []
    ends: list[int] = []
    for at in at_mark:
        if ends and ends[-1] == at:
            ends[-1] = at + 1
        else:
            starts.append(at)
            ends.append(at + 1)
    return starts, ends


def _is_letter(char: str) -> bool:
    return char.isalnum() and not char.isdecimal()


# The runs of one paragraph: all starts and ends, and the first and last-but-one index.
Runs = tuple[list[int], list[int], int, int]


def _same_as_alone(text: str, runs: Runs, p_start: int, p_end: int) -> bool:
    """Whether the runs found in the whole text are those of the paragraph read alone.

    They are unless a run crosses the paragraph's edges, or a ",," opener's look at the
    next letter needs the character after the paragraph (paragraphs from ``paragraphs``
    end before white space, so this holds for them; other spans are read alone).
    """
    starts, ends, first, last = runs
    if first and ends[first - 1] > p_start:
        return False
    end = ends[last - 1]
    return end < p_end or (end == p_end and text[starts[last - 1] : end] != _LOW_OPENER)


def _pair_paragraph(
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
    """Pair one paragraph's mark ``runs``; return the group id when its last quote runs on."""
    stack: list[_Open] = []
    emit = _Emitter(text, found, index, p_start, carried_group)

    starts, ends, first, last = runs
    for n in range(first, last):
        s = starts[n]
        e = ends[n]
        run = text[s] if e - s == 1 else text[s:e]  # an index is cheaper than a slice
        before = text[s - 1] if s > p_start else " "
        after = text[e] if e < p_end else " "
        spaced_before = before.isspace() or before in _OPEN_SIDE or s == p_start
        spaced_after = after.isspace() or after in CLOSE_SIDE or e == p_end
        if len(run) == 1 and run in SINGLE_MARKS and _is_apostrophe(text, s, e, p_end, stack):
            continue
        if before == "=" or (after == ">" and not stack) or (may_hold_tags and inside_tag(text, s)):
            continue  # markup: <tweet id="123"> holds attribute values, not speech
        if spaced_before and not spaced_after:
            role = "open"
        elif (spaced_after and not spaced_before) or (
            run == "“" and _closes_as_opener(before, spaced_before, stack)
        ):
            role = "close"
        else:
            role = "shape"  # glued on both sides or isolated: go by the mark itself
        if len(run) == 1:  # nearly every run: no list of marks to make
            _take_mark(text, stack, emit, role, s, e, 0, 1, run, before, _NONE_OPENED)
            continue
        opened = _NONE_OPENED  # a doubled mark (""word) opens once
        for offset, width, char in _marks_of(run):
            opened = _take_mark(text, stack, emit, role, s, e, offset, width, char, before, opened)
    if not stack:
        return None
    outer = stack[0]
    if outer.fallback is not None:
        emit.quote(outer.start, outer.fallback, False)
        return None
    reopens = next_start is not None and text[next_start] == outer.char
    reopens = reopens or (next_start is not None and text[next_start] in DOUBLE_OPENERS)
    if not outer.double:
        # An unclosed single mark is far more often an apostrophe; but one that opens
        # the paragraph, before a capital, with the next paragraph reopening, is a
        # quotation's first paragraph whose opener a scan turned into a single mark.
        reopens = reopens or (next_start is not None and text[next_start] == STRAIGHT_DOUBLE)
        if not (reopens and opens_paragraph(text, outer.start, p_start)):
            return None
    emit.quote(outer.start, p_end, False)
    if reopens:
        found[-1].continues = True
        return found[-1].group
    return None


# Which of a run's marks opened a quote, as bits: compiled, an int passed and returned
# by value, where a pair of flags would be a tuple made for each mark.
_NONE_OPENED: Final = 0
_OPENED_DOUBLE: Final = 1
_OPENED_SINGLE: Final = 2


def _take_mark(
    text: str,
    stack: list[_Open],
    emit: _Emitter,
    role: str,
    s: int,
    e: int,
    offset: int,
    width: int,
    char: str,
    before: str,
    opened: int,
) -> int:
    """Open or close with the mark ``char`` at ``offset`` in the run ``text[s:e]`` read
    as ``role`` (``before`` is the character before the run); returns which kinds the
    run has opened so far."""
    if char == _TWO_APOSTROPHES:
        if not any(o.double for o in stack):
            return opened
        char = STRAIGHT_DOUBLE
    double = char in DOUBLE_MARKS
    char_role = role
    if role == "shape":
        char_role = _role_from_shape(char, stack)
    if char_role == "open":
        kind = _OPENED_DOUBLE if double else _OPENED_SINGLE
        if opened & kind:
            return opened
        _open(text, stack, s + offset, double, char, emit)
        return opened | kind
    # A run read by context closes as a whole; one read mark by mark ends here.
    end = e if role == "close" else s + offset + width
    may_end = before not in "sS" or ends_after_s(text, s + offset + width)
    _close(stack, s + offset, end, double, may_end, emit, role == "close")
    return opened


def _marks_of(run: str) -> list[tuple[int, int, str]]:
    """The marks in a run as (offset, width, mark): '' and ,, each stand for one double mark."""
    if len(run) == 1:
        return [(0, 1, run)]  # nearly every run
    marks: list[tuple[int, int, str]] = []
    i = 0
    while i < len(run):
        pair = run[i : i + 2]
        if pair == "''":
            marks.append((i, 2, _TWO_APOSTROPHES))
            i += 2
        elif pair == ",,":
            marks.append((i, 2, "„"))
            i += 2
        else:
            marks.append((i, 1, run[i]))
            i += 1
    return marks


def _is_apostrophe(text: str, s: int, e: int, p_end: int, stack: list[_Open]) -> bool:
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < p_end else " "
    if before.isalnum() and after.isalnum():
        return True  # Moscow's, don't, O'Neill
    if text[s] == "’" and not stack and not before.isspace():
        return True  # a lone right mark after a word with nothing open: goin’, Jesus’
    if after.isalnum() and (before.isspace() or s == 0 or before in _OPEN_SIDE):
        if _DECADE.match(text, e, min(p_end, e + 4)):
            return True  # '90s, '16
        if letters_at(text, e, p_end, 6).lower() in _ELISIONS:
            return True
    if (
        before in "sS"
        and text[s] in "'’"
        and after == " "
        and text[e + 1 : e + 2].islower()
        # no noun follows a plural possessive: 'Serious' in Talks closes before "in"
        and letters_at(text, e + 1, p_end, 12) not in NOT_AFTER_POSSESSIVE
        and any(not o.double for o in stack)
        and single_closer_follows(text, e, p_end)
    ):
        return True  # 'The fans' voices matter.': a plural possessive inside the quote
    # the closing mark of 'n'
    return before == "n" and s >= 2 and text[s - 2] in "'’" and not any(not o.double for o in stack)


def _closes_as_opener(before: str, spaced_before: bool, stack: list[_Open]) -> bool:
    """Whether an opening curly mark that stands alone ("two-step' “ - then") or between a
    sentence's end and a word ("voters!“After") closes the double quote that is open: a
    scan or a typist turned its closer into an opener. An opener is glued to the word it
    opens and follows a space; this one does neither."""
    if not stack or not stack[-1].double:
        return False
    return spaced_before or before in ".!?"


def _role_from_shape(char: str, stack: list[_Open]) -> str:
    if char in DOUBLE_OPENERS or char in SINGLE_OPENERS:
        return "open"
    if char in DOUBLE_CLOSERS or char in SINGLE_CLOSERS:
        return "close"
    double = char == STRAIGHT_DOUBLE
    return "close" if any(o.double == double for o in stack) else "open"


def _open(text: str, stack: list[_Open], pos: int, double: bool, char: str, emit: _Emitter) -> None:
    if (
        len(stack) == 1
        and stack[0].double
        and not double
        and stack[0].fallback is not None
        and clearly_closes(text, stack[0].fallback)
    ):
        # “thinking,’ he said. ‘I don’t: a single opener after a single mark that closed
        # nothing, right after punctuation or before "and", ends the open quote there (a
        # scan turned its closer into a single mark); a nested quote would have paired it
        top = stack[0]
        assert top.fallback is not None
        emit.quote(top.start, top.fallback, False)
        stack.clear()
    if len(stack) == 1 and stack[0].fallback is not None and stack[0].double and double:
        # “a con' and ... “sex tape”: a fresh opener after a single mark that could have
        # closed the open quote says it did (a scan turned its closer into a single mark)
        top = stack[0]
        if not after_sentence_end(text, pos, top.start) or top.char != char:
            assert top.fallback is not None
            emit.quote(top.start, top.fallback, False)
            stack.clear()
    if stack and stack[-1].double == double:
        top = stack[-1]
        straight_pair = char == STRAIGHT_DOUBLE and top.char == STRAIGHT_DOUBLE
        # A curly opener that starts a new sentence inside an open curly quote: the
        # paragraph break between two paragraphs of one quotation was lost (text joined
        # onto one line), so the open quote ends there rather than swallowing the rest.
        lost_break = char != STRAIGHT_DOUBLE and top.char != STRAIGHT_DOUBLE
        lost_break = lost_break and after_sentence_end(text, pos, top.start)
        if double and not straight_pair and len(stack) == 1 and not lost_break:
            # “nested” inside "straight" marks, or “inside “curly” ones”: a curly opener
            # says it opens, so the outer quote is still open.
            stack.append(_Open(pos, double, char))
            return
        # A straight opener while one is open: the open quote lost its closer.
        if len(stack) == 1:
            end = top.fallback if top.fallback is not None else trimmed_end(text, pos)
            emit.quote(top.start, end, False)
            stack.clear()
        else:
            stack.pop()
    if len(stack) >= 3:
        return
    stack.append(_Open(pos, double, char))


def _close(
    stack: list[_Open],
    pos: int,
    run_end: int,
    double: bool,
    may_end: bool,
    emit: _Emitter,
    by_context: bool = False,
) -> None:
    if not stack:
        if double and by_context:
            emit.rejoin(pos, run_end)
        return  # a stray closer: nothing to pair it with
    depth = len(stack) - 1
    while depth >= 0 and stack[depth].double != double:
        depth -= 1
    if depth < 0:
        # A single closer inside a double quote with no single open: an apostrophe or the
        # damaged closer of that quote. Remember it in case no proper closer comes.
        # A plural possessive (the students' union) is not a closer.
        if not double and may_end and by_context and len(stack) > 1 and stack[-1].double:
            # “a world he calls “hell’ than this”: a word's closing mark while a nested
            # quote is open ends the nested quote, as its closer would have; left open,
            # it would take the outer quote's closer and the outer quote run on
            stack.pop()
        elif not double and may_end and stack[0].fallback is None:
            stack[0].fallback = pos + 1
        elif double and by_context and len(stack) == 1:
            # 'disgusting“ and: a double closer read from its place ends a quote whose
            # opener a scan turned into a single mark
            emit.quote(stack[0].start, run_end, False)
            stack.clear()
        return
    if depth == 0:
        emit.quote(stack[0].start, run_end, True)
        stack.clear()
    else:
        del stack[depth:]
