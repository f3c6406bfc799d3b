"""Attribute each quote to its speaker.

Each quote first gets a speaker from the words around it (``speaker_rules``). A quote
with none of its own borrows the speaker of another quote in its sentence, of its
multi-paragraph quotation, of the quote before or after it in the paragraph, of an
introducing colon, or of the paragraph before. Pronouns resolve to the nearest of the
last speaker named, the last person reported as saying something and a recent
sentence subject; names grow into the fullest form the article uses; a title before
the name, or an aside after it, becomes the role.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.lexicon import SPEECH_CUES, WEAK_CUES
from reader.analysis.quote_kinds import (
    follows_a_determiner,
    front_matter_length,
    is_cited_headline,
    is_dated_title,
    is_furniture,
    is_headline,
    is_nickname,
    is_so_called,
    is_stage_direction,
    is_subhead,
    is_title_line,
    looks_like_a_title,
    modifies_a_noun,
    named_as_a_title,
    partial_quote,
    stands_as_a_sentence,
    word_count,
)
from reader.analysis.quote_labels import names_by_a_verb
from reader.analysis.quotes import MarkedQuote
from reader.analysis.speaker_after import person_after
from reader.analysis.speaker_antecedents import (
    Mention,
    _antecedent,
)
from reader.analysis.speaker_carry import may_carry, unknown_speaker
from reader.analysis.speaker_context import (
    NOBODY,
    SENTENCE_END,
    Attribution,
    ends_sentence,
    place,
    sentence_start,
)
from reader.analysis.speaker_index import SpeakerIndex
from reader.analysis.speaker_names import NameSpans
from reader.analysis.speaker_phrases import SpeakerPhrase, cue_at, phrase_before
from reader.analysis.speaker_right import from_dash
from reader.analysis.speaker_rules import attribute_one, from_colon
from reader.analysis.speaker_subject import sentence_subject
from reader.analysis.speaker_turns import LABEL_SOURCE, label_inside
from reader.analysis.text_units import Token, reads_whole, tokens, tokens_near
from reader.model import Quote

_READ_RADIUS: Final = 250  # characters around a quote that attribution may read
_REPORT_RADIUS: Final = 1000  # characters of the paragraph before read for "X said ..." reports
_SCARE_WORDS: Final = 4
# A headline reports speech by a speech or attitude verb ("Says", "Hopes") or a colon;
# "Black Lawmakers Rip Trump As A 'Disgusting Fraud'" quotes no one.
_HEADLINE_CUES: Final = SPEECH_CUES | WEAK_CUES | {":", "—", "according to"}
_LABEL_CUES: Final = frozenset({"call", "calls", "called", "brands", "branded", "labels"})

# No quote ends a sentence for a report or a subject read in plain words; one shared
# set (never changed) instead of a new one per read.
_NO_QUOTE_ENDS: Final[set[int]] = set()


def attribute(
    text: str,
    marked: list[MarkedQuote],
    paras: list[tuple[int, int]],
    names: NameSpans | None = None,
) -> list[Quote]:
    """Quotes of ``marked`` with speaker, cue, role, kind and confidence filled in;
    ``names`` (the name finder's, by span) lets a pronoun pass over what is no person."""
    found: list[Attribution | None] = [None] * len(marked)
    sentence_of: list[tuple[int, int]] = [(-1, -1)] * len(marked)
    words = _ParagraphWords(text, marked, paras)
    recent: dict[int, list[SpeakerPhrase]] = {}  # quote -> people just before its pronoun
    own_reports: dict[int, _ReportsBefore] = {}
    for p, members in words.by_para.items():
        toks = words.words_of(p)
        contexts = place(text, toks, [marked[n] for n in members])
        # Indexing, not zip(): compiled, zip(..., strict=True) is a generic Python call
        # whose items come back boxed.
        for i, n in enumerate(members):
            ctx = contexts[i]
            sentence_of[n] = (p, ctx.sentence_start)
            found[n] = attribute_one(toks, ctx)
            if found[n] is None:
                found[n] = label_inside(text, marked[n], paras[p][0])
            if found[n] is None and i == len(members) - 1:
                found[n] = _signed_below(text, marked[n], paras)
            att = found[n]
            if att is not None and att.phrase.pronoun:
                if p not in own_reports:
                    own_reports[p] = _ReportsBefore(toks)
                named = own_reports[p].last_before(ctx.sentence_start)
                if named is None and p > 0:
                    named = words.last_report_in(p - 1)
                before: tuple[list[Token], int | None] = toks, ctx.sentence_start
                if ctx.sentence_start == 0 and p > 0:
                    before = words.words_before(p - 1), None
                subject = _subject_before(before[0], before[1])
                recent[n] = [x for x in (named, subject) if x is not None]
    _borrow(marked, found, sentence_of, words)
    index = SpeakerIndex(text, names)
    return _finish(text, marked, found, index, paras, recent, names)


_SIGNATURE_CHARS: Final = 120  # "- Sen. Bernie Sanders, in a statement." and no more
_DASH_MARKS: Final = frozenset("-—―–")


def _signed_below(text: str, q: MarkedQuote, paras: list[tuple[int, int]]) -> Attribution | None:
    """A quotation that ends its paragraph, signed by the next one: "- Sanders."."""
    p = q.paragraph
    if p + 1 >= len(paras) or text[q.end : paras[p][1]].strip(" \t.,\"”’'"):
        return None
    start, end = paras[p + 1]
    if end - start > _SIGNATURE_CHARS or text[start:end].lstrip()[:1] not in _DASH_MARKS:
        return None
    toks = tokens(text, start, end)
    return from_dash(toks, 1, len(toks)) if toks and toks[0].text in _DASH_MARKS else None


class _ParagraphWords:
    """The words of each paragraph with quotes, read once and kept for one article.

    A class rather than nested functions: compiled, closures that call one another
    form a reference cycle with their shared scope, which kept every token of the
    article alive until the next garbage collection instead of freeing them at once.
    """

    def __init__(self, text: str, marked: list[MarkedQuote], paras: list[tuple[int, int]]) -> None:
        self.text = text
        self.marked = marked
        self.paras = paras
        self.by_para: dict[int, list[int]] = {}
        for n, q in enumerate(marked):
            self.by_para.setdefault(q.paragraph, []).append(n)
        self._near: dict[int, list[Token]] = {}
        self._wide: dict[int, list[Token]] = {}
        self._reports: dict[int, SpeakerPhrase | None] = {}

    def _quote_spans(self, p: int) -> list[tuple[int, int]]:
        marked = self.marked
        return [(marked[n].start, marked[n].end) for n in self.by_para.get(p, ())]

    def words_of(self, p: int) -> list[Token]:
        """The words of paragraph ``p`` around its quotes."""
        if p not in self._near:
            start, end = self.paras[p]
            self._near[p] = tokens_near(self.text, start, end, self._quote_spans(p), _READ_RADIUS)
        return self._near[p]

    def words_before(self, p: int) -> list[Token]:
        """The paragraph before, read wider than around its quotes."""
        if p not in self._wide:
            spans = self._quote_spans(p)
            start, end = self.paras[p]
            if p in self._near and reads_whole(start, end, spans, _READ_RADIUS):
                self._wide[p] = self._near[p]  # read whole already: a wider read is the same
            else:
                self._wide[p] = tokens_near(self.text, start, end, spans, _REPORT_RADIUS)
        return self._wide[p]

    def last_report_in(self, p: int) -> SpeakerPhrase | None:
        """The last person reported speaking in the paragraph before, read wider than
        around its quotes."""
        if p not in self._reports:
            self._reports[p] = _ReportsBefore(self.words_before(p)).last_before(None)
        return self._reports[p]


class _ReportsBefore:
    """The last "<named person> <cue>" before a token of one paragraph's words.

    Read back from the token asked about, stopping at the first report: the words
    before it are never read. A paragraph is asked in reading order, so each read stops
    where the one before began and takes that one's answer. (A story on one line is
    one paragraph with thousands of pronouns: reading all its reports up front cost
    more than its pronouns ever needed.)
    """

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks
        self.read_from = 0  # the last report before this token is ``last``
        self.last: SpeakerPhrase | None = None

    def last_before(self, upto: int | None) -> SpeakerPhrase | None:
        """The last report whose cue comes before token ``upto`` (None: the end)."""
        toks = self.toks
        end = len(toks) if upto is None else upto
        in_order = end >= self.read_from
        stop = self.read_from if in_order else 0
        found = self.last if in_order else None
        # cue_at turns down a token that is no cue as cheaply as a set lookup would.
        for k in range(end - 1, stop - 1, -1):
            phrase = _named_report(toks, k)
            if phrase is not None:
                found = phrase
                break
        if in_order:
            self.read_from, self.last = end, found
        return found


def _named_report(toks: list[Token], k: int) -> SpeakerPhrase | None:
    """The named person reported speaking by the cue at ``toks[k]``, if it is one."""
    cue = cue_at(toks, k)
    if cue is None or cue == "according to":
        return None
    after = person_after(toks, k, cue)  # "..., said Alan Abramowitz, a demographer."
    if after is not None:
        return after
    phrase = phrase_before(toks, k, sentence_start(toks, k, _NO_QUOTE_ENDS))
    return phrase if phrase is not None and phrase.person and not phrase.pronoun else None


def _subject_before(toks: list[Token], start: int | None) -> SpeakerPhrase | None:
    """The person who is the subject of the sentence ending just before ``start``.

    "Asked whether she had regrets, Hartley stopped on the steps. "Only that I
    waited," she said": the sentence before names who "she" is.
    """
    end = (len(toks) if start is None else start) - 1
    if end <= 0 or not ends_sentence(toks, end):
        return None
    subject = sentence_subject(toks, sentence_start(toks, end, _NO_QUOTE_ENDS), end)
    return subject if subject is not None and subject.person and not subject.pronoun else None


def _borrow(
    marked: list[MarkedQuote],
    found: list[Attribution | None],
    sentence_of: list[tuple[int, int]],
    words: _ParagraphWords,
) -> None:
    """Give quotes without a cue of their own the speaker they most likely share."""
    by_sentence: dict[tuple[int, int], Attribution] = {}
    by_group: dict[int, Attribution] = {}
    reported: dict[tuple[int, int], Attribution] = {}  # ", said X" after a quote
    for n, att in enumerate(found):
        if att is not None and att.source != NOBODY:
            by_sentence.setdefault(sentence_of[n], att)
            by_group.setdefault(marked[n].group, att)
            if att.source == "right":
                reported.setdefault(sentence_of[n], att)
    for n, att in enumerate(found):
        # "The FBI did not find "ties of any consequence," aside from ... "casually,"
        # said the bureau's director": the sentence's report, not its subject, speaks
        if att is not None and att.source == "subject" and sentence_of[n] in reported:
            report = reported[sentence_of[n]]
            found[n] = Attribution(report.phrase, report.cue, att.confidence, source="borrowed")
    last_in_para: dict[int, Attribution] = {}
    turns: dict[int, Attribution] = {}  # a transcript's quotation -> its latest label
    for n, q in enumerate(marked):
        att = found[n]
        if att is not None and att.source == NOBODY:
            found[n] = None  # no one speaks it, and it lends no one to the next quote
            continue
        if att is not None and att.source == LABEL_SOURCE:
            turns[q.group] = att
        if att is None:
            # '"PENCE: ..." then '"But the truth is ...': the turn goes on to the next label
            att = turns.get(q.group) or by_sentence.get(sentence_of[n]) or by_group.get(q.group)
            if att is None and q.paragraph in last_in_para:
                att = last_in_para[q.paragraph]
            if att is None:
                att = _next_in_paragraph(marked, found, n)
            if att is None and q.paragraph > 0:
                att = _from_previous_paragraph(
                    words.words_of(q.paragraph - 1),
                    last_in_para.get(q.paragraph - 1),
                    _fills_paragraph(words.text, q, words.paras),
                )
                para, here = words.paras[q.paragraph][0], words.words_of(q.paragraph)
                before = words.words_of(q.paragraph - 1)
                if att is not None and not may_carry(
                    words.text, q.start, para, here, before, att.phrase
                ):
                    att = Attribution(unknown_speaker(q.start), "", att.confidence)
            if att is not None:
                att = Attribution(att.phrase, att.cue, att.confidence * 0.8, source="borrowed")
                found[n] = att
        if att is not None:
            last_in_para[q.paragraph] = att


def _next_in_paragraph(
    marked: list[MarkedQuote], found: list[Attribution | None], n: int
) -> Attribution | None:
    m = n + 1
    if m < len(marked) and marked[m].paragraph == marked[n].paragraph:
        att = found[m]
        if att is not None and att.source != "borrowed" and att.source != NOBODY:
            return att
    return None


def _fills_paragraph(text: str, q: MarkedQuote, paras: list[tuple[int, int]]) -> bool:
    """Whether the quotation is its paragraph, all of it: nothing but marks around it."""
    start, end = paras[q.paragraph]
    return not text[start : q.start].strip() and not text[q.end : end].strip(_AROUND_A_QUOTE)


_AROUND_A_QUOTE: Final = " \t\r\n.,;:!?\"'“”‘’—–-"


def _from_previous_paragraph(
    toks: list[Token], last_quote: Attribution | None, alone: bool
) -> Attribution | None:
    """A paragraph ending in ``X said:`` introduces the next; else its last speaker does;
    else, for a quotation that is a paragraph of its own, the person the paragraph
    before ends on ("Valastro praised the governor's leadership.", then the quote)."""
    if toks and toks[-1].text == ":":
        lo = len(toks) - 1
        while lo > 0 and toks[lo - 1].text not in SENTENCE_END:
            lo -= 1
        found = from_colon(toks, len(toks) - 1, lo)
        if found is not None:
            return found
    if last_quote is not None:
        return last_quote
    lo = len(toks) - 1
    while lo > 0 and toks[lo - 1].text not in SENTENCE_END:
        lo -= 1
    for k in range(len(toks) - 1, lo - 1, -1):
        cue = cue_at(toks, k)
        if cue is not None and cue.endswith("ing"):
            # "Hale, clearly frustrated, replied ..., saying": the sentence's subject speaks
            phrase = sentence_subject(toks, lo, k)
            if phrase is not None and phrase.named and phrase.person and not phrase.pronoun:
                return Attribution(phrase, cue, 0.6)
        elif cue is not None and cue != "according to":
            phrase = phrase_before(toks, k, lo)
            if phrase is not None:
                return Attribution(phrase, cue, 0.6)
    if alone and toks and ends_sentence(toks, len(toks) - 1):
        subject = sentence_subject(toks, lo, len(toks) - 1)
        if subject is not None and subject.named and subject.person and not subject.pronoun:
            return Attribution(subject, "", 0.5, source="subject")
    return None


def _finish(
    text: str,
    marked: list[MarkedQuote],
    found: list[Attribution | None],
    index: SpeakerIndex,
    paras: list[tuple[int, int]],
    recent: dict[int, list[SpeakerPhrase]],
    names: NameSpans | None,
) -> list[Quote]:
    quotes: list[Quote] = []
    headlines: dict[int, bool] = {}
    lines: dict[int, int] = {}
    front_matter_end = front_matter_length(text)
    last_person: Mention | None = None
    last_group: Mention | None = None
    antecedents: dict[int, Mention | None] = {}
    spans = [(q.start, q.end) for q in marked]
    for n, q in enumerate(marked):
        att = found[n]
        # Compiled with the model, a Quote is a native object: made here, filled in below.
        quote = Quote(q.start, q.end, text[q.start : q.end])
        quotes.append(quote)
        base = 0.9 if q.closed or q.continues else 0.6
        titled = (
            is_nickname(text, q)
            or is_so_called(text, q)
            or (
                looks_like_a_title(text, q)
                and not stands_as_a_sentence(text, q)
                # Title Case with its own speaker is speech ("Jacobs called Merkel "The
                # Chancellor of the Free World""); borrowed from a neighbour, a title.
                and (
                    att is None
                    or att.source == "borrowed"
                    or att.source == "subject"  # no speech verb: "copies of "Gifted Hands""
                    or named_as_a_title(text, q)
                    or follows_a_determiner(text, q)
                )
                # "former staff have called it a "Total Sham"": the speaker's own words,
                # when the speaker found is the naming verb's subject (read last: rare)
                and not names_by_a_verb(text, q.start, att)
            )
        )
        p = q.paragraph
        if titled:
            headline = headlines.get(p)
            if headline is None:
                headline = headlines[p] = is_headline(text, paras[p])
            titled = not headline
        line = lines.get(p)
        if line is None:  # read once per paragraph, not per quote
            line = lines[p] = _line_kind(text, paras[p])
        short = q.end - q.start <= _SHORT_CHARS and word_count(text, q) <= 3
        titled = (
            titled
            or q.start < front_matter_end
            or line == _FURNITURE
            or (line == _TITLE_LINE and _headline_label(att, short))
            or is_subhead(text, q, paras[p])
            or is_stage_direction(text, q)
            or is_cited_headline(text, q, paras[p])
            or is_dated_title(text, q)
        )
        if att is not None and not titled and att.source != "right" and short:
            # "the "quack" cures": a writer's word, not the speaker's; but "Barkley said
            # CNN has done an "awful" job" quotes Barkley's word in his reported speech
            titled = (
                not partial_quote(text, q, att.source, att.cue)
                and modifies_a_noun(text, q, opened=att.cue != "")
                and not names_by_a_verb(text, q.start, att)
            )
        if att is None or titled:
            short = word_count(text, q) <= _SCARE_WORDS
            quote.kind = "scare" if short or titled else "quote"
            quote.confidence = _rounded(base * (0.5 if quote.kind == "scare" else 0.7))
            continue
        phrase = att.phrase
        quote.cue = att.cue
        quote.confidence = _rounded(base * att.confidence)
        if phrase.pronoun:
            key = id(phrase)  # a borrowed pronoun keeps the antecedent found for it
            if key not in antecedents:
                candidates = [last_person]
                for named in recent.get(n, ()):
                    full, title = _fullest(index, named)
                    candidates.append((full, named.start, named.end, named.role or title))
                at = min(q.start, phrase.start)
                antecedents[key] = _antecedent(
                    text,
                    phrase,
                    at,
                    candidates,
                    last_group,
                    index,
                    (q.paragraph, paras, spans),
                    names,
                )
            target = antecedents[key]
            if target is not None:
                quote.speaker, quote.speaker_start, quote.speaker_end, quote.role = target
                if phrase.person:
                    last_person = target  # "she said ... She added": the same person
            elif phrase.end > phrase.start:  # "he" with no one to stand for: shown where
                quote.speaker_start, quote.speaker_end = phrase.start, phrase.end
        else:
            name, title = _fullest(index, phrase)
            quote.speaker = name
            quote.speaker_start, quote.speaker_end = phrase.start, phrase.end
            quote.role = phrase.role or title
            mention = (name, phrase.start, phrase.end, quote.role)
            if phrase.person:
                last_person = mention
            last_group = mention
    _share_roles(quotes)
    return quotes


def _fullest(index: SpeakerIndex, phrase: SpeakerPhrase) -> tuple[str, str | None]:
    """The fullest form of a named speaker, and the title written before that form."""
    if not phrase.named:
        return phrase.text, None
    full, title = index.fullest_form(phrase.text, phrase.start)
    return full, title or None


_PLAIN_LINE: Final = 0
_TITLE_LINE: Final = 1
_FURNITURE: Final = 2
_SHORT_CHARS: Final = 60  # longer than this, a quote has more than three words


def _line_kind(text: str, para: tuple[int, int]) -> int:
    if is_furniture(text, para):
        return _FURNITURE
    return _TITLE_LINE if is_title_line(text, para) else _PLAIN_LINE


def _headline_label(att: Attribution | None, short: bool) -> bool:
    """Whether a headline's quote reports no speech: "Lawmakers Rip Trump As A 'Fraud'"
    (no speech verb), "Council Calls Repairs 'Urgent'" (a short label it puts on)."""
    if att is None or att.cue not in _HEADLINE_CUES:
        return True
    return att.cue in _LABEL_CUES and short


def _share_roles(quotes: list[Quote]) -> None:
    """A role given once ("Deputy Foreign Minister") holds for the speaker's other quotes."""
    roles: dict[str, str] = {}
    for quote in quotes:
        if quote.speaker and quote.role:
            roles.setdefault(quote.speaker, quote.role)
    if roles:
        for quote in quotes:
            if quote.speaker and not quote.role:
                quote.role = roles.get(quote.speaker)


# round() is a Python call that prints the float to decimal digits; a quote's
# confidence is one of a few products, so each is rounded once and kept for the next
# articles. Bounded, as a long chain of borrowed confidences makes ever new values.
_ROUNDED: Final[dict[float, float]] = {}
_MOST_ROUNDED: Final = 256


def _rounded(value: float) -> float:
    """``round(value, 2)``, worked out once per value while ``_ROUNDED`` has room."""
    found = _ROUNDED.get(value)
    if found is None:
        found = round(value, 2)
        if len(_ROUNDED) < _MOST_ROUNDED:
            _ROUNDED[value] = found
    return found
