"""Attribute each quote to its speaker.

Rules, strongest first: a cue right after the quote (``"...," said X`` / ``"...," X
said``), ``X: "..."``, the nearest cue before the quote in its sentence (``X said the
"approaches"``, ``according to X``). A quote with no cue of its own borrows the
speaker of another quote in its sentence, of its multi-paragraph quotation, of the
quote before it in the paragraph, of an introducing colon, or of the paragraph before.
Pronouns resolve to the last speaker named; names grow into the fullest form the
article uses; a title before the name becomes the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.lexicon import (
    SENTENCE_OPENERS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    words,
)
from reader.analysis.quotes import MarkedQuote
from reader.analysis.speaker_index import SpeakerIndex
from reader.analysis.speaker_phrases import (
    LEFT_INVERTIBLE_CUES,
    SpeakerPhrase,
    cue_at,
    phrase_after,
    phrase_before,
)
from reader.analysis.text_units import (
    GAP_TOKEN,
    QUOTE_TOKEN,
    Token,
    is_sentence_end,
    tokens_near,
)
from reader.model import Quote

_MAX_ASIDE = 10  # words of a role given after the name
_MAX_PHRASE_CLAUSE = 6  # words in '"...!" beamed Donald Hartley.' after a quote
_LABEL_WORDS = 6  # "Name:" opening a paragraph labels who speaks in it
_READ_RADIUS = 250  # characters around a quote that attribution may read
_MAX_SENTENCE = 150  # tokens: how far back a sentence start is looked for
_RIGHT_WINDOW = 30  # words after a quote in which "X, who ..., said" may end
_SCARE_WORDS = 4
_TITLE_WORDS = 6
_MARKS_AND_PUNCT = "\"'“”‘’«»„‚‹›.,;:!? \n"
_CLOSING_MARKS = "\"'“”‘’«»„‚‹› \n"
_LEADING_PUNCT = frozenset({",", "—", "–", "-", "(", "…"})
_DASHES = frozenset({"―", "—", "–", "-"})
_PRONOUN_OPENERS = frozenset({"he", "she", "it", "its", "they", "their", "his", "her", "we"})
# Cues that name the listener, not the speaker, when they come first: '"...," told him'.
_NOT_INVERTED = frozenset({"told", "tell", "tells", "called", "calls", "described"})
_SENTENCE_END = frozenset({".", "!", "?", ";"})
# Words that open a sentence with a phrase before its subject: "On Sunday, Sanders said".
_INTRODUCERS = frozenset(
    words(
        "on in at after before during while when last earlier later since as with like unlike "
        "despite amid following outside inside between under across through without within "
        "beyond behind among around against throughout upon over from by for to of"
    )
)


# A speaker as resolved: fullest name, mention span, role.
Mention = tuple[str, int, int, str | None]


@dataclass(slots=True)
class Attribution:
    phrase: SpeakerPhrase
    cue: str
    confidence: float
    source: str = "left"  # "right" / "colon" / "left" of the quote, or "borrowed"


@dataclass(slots=True)
class _Context:
    """One quote placed among the words of its paragraph."""

    quote: MarkedQuote
    first: int  # index of its first token
    stop: int  # index after its last token
    sentence_start: int
    ends_sentence: bool
    closing: str  # the quote's last punctuation before its closing mark
    next_first: int  # token of the next quote in the paragraph, or the paragraph's end


def attribute(text: str, marked: list[MarkedQuote], paras: list[tuple[int, int]]) -> list[Quote]:
    """Quotes of ``marked`` with speaker, cue, role, kind and confidence filled in."""
    found: list[Attribution | None] = [None] * len(marked)
    sentence_of: list[tuple[int, int]] = [(-1, -1)] * len(marked)
    para_tokens: dict[int, list[Token]] = {}
    by_para: dict[int, list[int]] = {}
    for n, q in enumerate(marked):
        by_para.setdefault(q.paragraph, []).append(n)

    def words_of(p: int) -> list[Token]:
        if p not in para_tokens:
            spans = [(marked[n].start, marked[n].end) for n in by_para.get(p, ())]
            para_tokens[p] = tokens_near(text, *paras[p], spans, _READ_RADIUS)
        return para_tokens[p]

    recent: dict[int, SpeakerPhrase] = {}  # quote -> last named speaker before it
    reports: dict[int, list[tuple[int, SpeakerPhrase]]] = {}

    def reports_of(p: int) -> list[tuple[int, SpeakerPhrase]]:
        if p not in reports:
            reports[p] = _named_reports(words_of(p))
        return reports[p]

    for p, members in by_para.items():
        toks = words_of(p)
        contexts = _place(text, toks, [marked[n] for n in members])
        for n, ctx in zip(members, contexts, strict=True):
            sentence_of[n] = (p, ctx.sentence_start)
            found[n] = _attribute_one(toks, ctx)
            att = found[n]
            if att is not None and att.phrase.pronoun:
                named = _recent_speaker(reports_of(p), ctx.sentence_start)
                if named is None and p > 0:
                    named = _recent_speaker(reports_of(p - 1), len(words_of(p - 1)))
                if named is not None:
                    recent[n] = named
    _borrow(marked, found, sentence_of, words_of, paras, text)
    index = SpeakerIndex(text)
    return _finish(text, marked, found, index, paras, recent)


def _named_reports(toks: list[Token]) -> list[tuple[int, SpeakerPhrase]]:
    """Every "<named person> <cue>" in a paragraph, by the cue's token index."""
    found: list[tuple[int, SpeakerPhrase]] = []
    for k in range(len(toks)):
        cue = cue_at(toks, k)
        if cue is None or cue == "according to":
            continue
        lo = _sentence_start(toks, k, set())
        phrase = phrase_before(toks, k, lo)
        if phrase is not None and phrase.named and not phrase.plural:
            found.append((k, phrase))
    return found


def _recent_speaker(reports: list[tuple[int, SpeakerPhrase]], upto: int) -> SpeakerPhrase | None:
    """The named subject of the last reported speech before token ``upto``.

    "Its regional secretary, Joanne Mbeki, said crews were tired. / "We are proud,"
    she said": the last person reported as saying something is who "she" is.
    """
    before = [phrase for k, phrase in reports if k < upto]
    return before[-1] if before else None


def _place(text: str, toks: list[Token], quotes: list[MarkedQuote]) -> list[_Context]:
    """Find each quote's own token (see ``tokens``) and the start of its sentence."""
    contexts: list[_Context] = []
    t = 0
    for q in quotes:
        while toks[t].start < q.start:
            t += 1
        closing = text[q.start : q.end].rstrip(_CLOSING_MARKS)[-1:]
        contexts.append(_Context(q, t, t + 1, 0, closing in ("!", "?", "."), closing, len(toks)))
    for n in range(len(contexts) - 1):
        contexts[n].next_first = contexts[n + 1].first
    ends_sentence = {c.first for c in contexts if c.ends_sentence}
    for ctx in contexts:
        ctx.sentence_start = _sentence_start(toks, ctx.first, ends_sentence)
    return contexts


def _sentence_start(toks: list[Token], first: int, quote_ends: set[int]) -> int:
    """Where the sentence holding ``toks[first]`` begins; a quote may end a sentence."""
    k = first - 1
    floor = max(0, first - _MAX_SENTENCE)
    while k >= floor:
        if k in quote_ends or _ends_sentence(toks, k):
            return k + 1
        k -= 1
    return floor


def _attribute_one(toks: list[Token], ctx: _Context) -> Attribution | None:
    return (
        _from_right(toks, ctx)
        or _from_left(toks, ctx)
        or _from_label(toks, ctx)
        or _from_subject(toks, ctx)
        or _from_sentence_before(toks, ctx)
    )


def _from_label(toks: list[Token], ctx: _Context) -> Attribution | None:
    """``Pence: Flowers Won't Be at Debate, Trump Was 'Mocking' Clinton``: a labelled line."""
    colon = next((k for k in range(min(ctx.first, _LABEL_WORDS)) if toks[k].text == ":"), None)
    if colon is None or colon == 0:
        return None
    phrase = phrase_before(toks, colon, 0)
    if phrase is None or not phrase.named or phrase.phrase_start != toks[0].start:
        return None
    return Attribution(phrase, ":", 0.6, source="colon")


def _from_sentence_before(toks: list[Token], ctx: _Context) -> Attribution | None:
    """``Sam Lau said in a statement. "There are no ballots."``: the sentence before."""
    end = ctx.sentence_start - 1
    if end <= 0 or (toks[end].text == GAP_TOKEN and toks[end].start == toks[end].end):
        return None
    lo = end
    while lo > 0 and toks[lo - 1].text not in _SENTENCE_END and toks[lo - 1].text != QUOTE_TOKEN:
        lo -= 1
    for k in range(lo, end):
        cue = cue_at(toks, k)
        if cue is not None and cue != "according to":
            phrase = phrase_before(toks, k, lo)
            if phrase is not None and (phrase.named or phrase.pronoun):
                return Attribution(phrase, cue, 0.6, source="borrowed")
    return None


def _from_right(toks: list[Token], ctx: _Context) -> Attribution | None:
    hi = ctx.next_first
    r = ctx.stop
    if r < hi and toks[r].text in _DASHES:
        byline = _from_dash(toks, r + 1, hi)
        if byline is not None:
            return byline
    while r < hi and toks[r].text in _LEADING_PUNCT:
        r += 1
    if r >= hi or _starts_new_sentence(toks, ctx, r):
        return None
    end = r
    while end < hi and not _ends_sentence(toks, end) and end - r < _RIGHT_WINDOW:
        end += 1
    for c in range(r, end):
        cue = cue_at(toks, c)
        if cue is None:
            continue
        if cue == "according to":
            phrase = phrase_after(toks, c + 2, end)
            return Attribution(phrase, cue, 0.85, source="right") if phrase else None
        if c == r:
            # '"...," said X' / '"...," added the senator': any cue but a participle
            if cue.endswith("ing") or cue in _NOT_INVERTED:
                return None
            phrase = phrase_after(toks, c + len(cue.split()), end)
            if phrase is None:
                return None
            if phrase.named and phrase.role is None:
                phrase.role = _aside_role(toks, c, phrase.end, hi)
            return Attribution(phrase, cue, 0.9, source="right")
        phrase = phrase_before(toks, c, r)
        if phrase is not None and phrase.pronoun and phrase.text.lower() in ("he", "she"):
            # 'X scolded him: "..." she said': the sentence already named her
            subject = _sentence_subject(toks, ctx.sentence_start, ctx.first)
            if subject is not None and subject.named:
                return Attribution(subject, cue, 0.85, source="right")
        if phrase is None:
            return None
        if phrase.phrase_start <= toks[r].start:
            return Attribution(phrase, cue, 0.9, source="right")
        # "... "steals $20s" is held accountable, Warren said.": a closing "X said"
        closing = phrase.named or toks[_index_at(toks, phrase.phrase_start, r)].lower in (
            "the",
            "a",
        )
        if closing and c + 1 >= end and _follows_comma(toks, phrase, r):
            return Attribution(phrase, cue, 0.7, source="right")
        return None
    return _unlisted_verb(toks, r, end)


def _unlisted_verb(toks: list[Token], r: int, end: int) -> Attribution | None:
    """``"This is fantastic!" beamed Donald Hartley.`` / ``"Why?" Beck questioned.``

    Right after a quotation, a name and a past-tense verb that together make up the
    whole clause report the speech, whatever the verb.
    """
    if end - r > _MAX_PHRASE_CLAUSE or end >= len(toks) or not _ends_sentence(toks, end):
        return None
    first, last = toks[r], toks[end - 1]
    if _past_tense(first) and end - r >= 2:
        phrase = phrase_after(toks, r + 1, end)
        if phrase is not None and phrase.named and phrase.end == toks[end - 1].end:
            return Attribution(phrase, first.lower, 0.7, source="right")
    if _past_tense(last):
        phrase = phrase_before(toks, end - 1, r)
        if phrase is not None and phrase.named and phrase.phrase_start == first.start:
            return Attribution(phrase, last.lower, 0.7, source="right")
    return None


def _past_tense(tok: Token) -> bool:
    return tok.text.islower() and len(tok.text) > 4 and tok.text.endswith("ed")


def _aside_role(toks: list[Token], cue: int, name_end: int, hi: int) -> str | None:
    """``said Ann Reyes, an economist.``: the aside after the name is the role."""
    k = next((n for n in range(cue, hi) if toks[n].start >= name_end), None)
    if (
        k is None
        or k + 2 >= hi
        or toks[k].text != ","
        or toks[k + 1].lower not in ("a", "an", "the")
    ):
        return None
    stop = k + 2
    while stop < hi and toks[stop].is_word and stop - k < _MAX_ASIDE:
        stop += 1
    words = toks[k + 2 : stop]
    return " ".join(t.text for t in words) if words else None


def _index_at(toks: list[Token], offset: int, start: int) -> int:
    k = start
    while k < len(toks) - 1 and toks[k].start < offset:
        k += 1
    return k


def _from_dash(toks: list[Token], i: int, hi: int) -> Attribution | None:
    """``"..." ― Karen Bobadilla``: a name alone after a dash signs the quote."""
    phrase = phrase_after(toks, i, hi)
    if phrase is None or not phrase.named:
        return None
    rest = [t for t in toks[i:hi] if t.end > phrase.end]
    if rest and rest[0].text not in _SENTENCE_END and rest[0].text != ",":
        return None
    return Attribution(phrase, "—", 0.8, source="right")


def _follows_comma(toks: list[Token], phrase: SpeakerPhrase, r: int) -> bool:
    before = [t for t in toks[r:] if t.end <= phrase.phrase_start]
    return bool(before) and before[-1].text == ","


def _starts_new_sentence(toks: list[Token], ctx: _Context, r: int) -> bool:
    """``"...we won." He then left``: a capital after a full stop opens a new sentence."""
    if not ctx.ends_sentence or not toks[r].is_capitalised:
        return False
    return ctx.closing == "." or toks[r].lower in SUBJECT_PRONOUNS


def _ends_sentence(toks: list[Token], k: int) -> bool:
    text = toks[k].text
    if text == ";":
        return True
    if text in _SENTENCE_END:
        return is_sentence_end(toks, k)
    # "after 9 p.m. Its general secretary": an abbreviation can end a sentence too
    if len(text) > 2 and text.endswith(".") and k + 1 < len(toks):
        nxt = toks[k + 1]
        return nxt.is_capitalised and (
            nxt.lower in SENTENCE_OPENERS or nxt.lower in _PRONOUN_OPENERS
        )
    return False


def _from_left(toks: list[Token], ctx: _Context) -> Attribution | None:
    lo = ctx.sentence_start
    a = ctx.first
    if a - 1 >= lo and toks[a - 1].text == ":":
        found = _from_colon(toks, a - 1, lo)
        if found is not None:
            return found
    cues: list[tuple[int, str]] = []
    for k in range(lo, a):
        cue = cue_at(toks, k, weak=True)
        if cue is not None:
            cues.append((k, cue))
    # The main verb of the sentence comes first: "Cruz said he is sure Rubio will
    # continue to be "...": the speaker is Cruz, not whoever an inner clause names.
    # A leading clause ("While Clinton noted ..., Trump boasted") is not the main one.
    main = _main_clause_start(toks, lo, a)
    # "Rubio suggested ..., while Cruz said that the "...": a later clause of its own
    clause = _last_clause_start(toks, main, a, cues)
    cues.sort(key=lambda cue: (cue[0] < clause, cue[0] < main))
    for n, (k, cue) in enumerate(cues):
        phrase = _phrase_for_left_cue(toks, k, cue, lo, a)
        if phrase is not None:
            return Attribution(phrase, cue, 0.8 if n == 0 else 0.6)
    return None


_CLAUSE_OPENERS = frozenset({"while", "but", "whereas", "although", "though", "and"})


def _last_clause_start(toks: list[Token], lo: int, limit: int, cues: list[tuple[int, str]]) -> int:
    """Start of the last ", while/but/and ..." clause before ``limit`` that has a cue."""
    last_cue = max((k for k, _ in cues), default=-1)
    for b in range(last_cue - 1, lo, -1):
        if toks[b].text in (",", ";") and toks[b + 1].lower in _CLAUSE_OPENERS:
            if any(b < k for k, _ in cues) and any(k < b for k, _ in cues):
                return b + 1
            break
    return lo


def _main_clause_start(toks: list[Token], lo: int, limit: int) -> int:
    if lo >= limit or toks[lo].lower not in SUBORDINATORS | _INTRODUCERS:
        return lo
    for k in range(lo, limit):
        if toks[k].text in (",", "—", "―"):
            return k + 1
    return lo


def _from_subject(toks: list[Token], ctx: _Context) -> Attribution | None:
    """``Reid has gone after Trump as a "human leech"``: no cue, but a named subject."""
    lo = ctx.sentence_start
    if ctx.first <= lo:
        return None
    phrase = _sentence_subject(toks, lo, ctx.first)
    if phrase is None or phrase.pronoun:
        return None
    return Attribution(phrase, "", 0.5, source="subject")


def _phrase_for_left_cue(
    toks: list[Token],
    k: int,
    cue: str,
    lo: int,
    limit: int,
) -> SpeakerPhrase | None:
    if cue == "according to":
        return phrase_after(toks, k + 2, limit)
    if cue.endswith("ing"):
        # "..., saying": the one speaking is the subject of the sentence
        subject = _sentence_subject(toks, lo, k)
        if subject is not None:
            return subject
        phrase = phrase_before(toks, k, lo)
        return phrase if phrase is not None and phrase.named else None
    phrase = phrase_before(toks, k, lo)
    if phrase is None and k > lo and toks[k - 1].lower in ("and", ","):
        # "Trump doubled down and said the judge had ...": the sentence's subject
        phrase = _sentence_subject(toks, lo, k)
    # "Said Trump: ..." / "..., wrote Smith:": the speaker after the cue, but only where
    # the cue opens its clause; "and said the judge" names no speaker after it
    opens_clause = k == lo or toks[k - 1].text in (",", ":", "—", "(")
    inverted = cue in LEFT_INVERTIBLE_CUES and k + 1 < limit and toks[k + 1].lower != "that"
    if phrase is None and inverted and opens_clause:
        phrase = phrase_after(toks, k + 1, limit)
    return phrase


def _sentence_subject(toks: list[Token], lo: int, limit: int) -> SpeakerPhrase | None:
    i = lo
    while i < limit and not toks[i].text[:1].isalnum():
        i += 1  # marks, dashes and whole quotations before the subject
    if i < limit and _introduces(toks[i]):
        comma = next((c for c in range(i, min(limit, i + 12)) if toks[c].text == ","), None)
        if comma is None:
            return None
        i = comma + 1
    if i < limit and (toks[i].lower in SENTENCE_OPENERS and toks[i].lower not in ("the", "a")):
        i += 1  # "Even China", "But Trump"
    if i >= limit or toks[i].lower.endswith("ing") or _shouted(toks, i, limit):
        return None  # "Following the vote, ...", or an all-capitals subheading
    phrase = phrase_after(toks, i, limit)
    if phrase is None:
        return None
    if phrase.named or phrase.pronoun or toks[i].lower in ("the", "a", "an"):
        return phrase  # "Trump", "he", "The Republican nominee"
    return None


def _introduces(tok: Token) -> bool:
    """A first word that opens a phrase before the subject: "After the vote,",
    "Immediately after,", "Preceded by the sheriff,", "Sunday morning,"."""
    word = tok.lower
    if word in _INTRODUCERS or word in SUBORDINATORS or word in TIME_WORDS:
        return True
    return tok.is_capitalised and len(word) > 4 and word.endswith(("ly", "ed"))


def _shouted(toks: list[Token], i: int, limit: int) -> bool:
    words = [t.text for t in toks[i : min(limit, i + 3)] if t.is_word]
    return len(words) >= 2 and all(w.isupper() and len(w) > 1 for w in words)


def _from_colon(toks: list[Token], colon: int, lo: int) -> Attribution | None:
    """``Caddell continued: "..."`` or a bare ``Pat Caddell: "..."``."""
    j = colon - 1
    if j < lo:
        return None
    cue = cue_at(toks, j, weak=True)
    if cue is not None:
        phrase = phrase_before(toks, j, lo)
        return Attribution(phrase, cue, 0.85, source="colon") if phrase else None
    phrase = phrase_before(toks, colon, lo)
    if phrase is not None and phrase.named and phrase.phrase_start == toks[lo].start:
        return Attribution(phrase, ":", 0.75, source="colon")
    # "Sen. Claire Hale (D-Mo.) scolded him:", "Sanders made the following comment:"
    subject = _sentence_subject(toks, lo, colon)
    return Attribution(subject, ":", 0.7, source="colon") if subject is not None else None


def _borrow(
    marked: list[MarkedQuote],
    found: list[Attribution | None],
    sentence_of: list[tuple[int, int]],
    words_of,
    paras: list[tuple[int, int]],
    text: str,
) -> None:
    """Give quotes without a cue of their own the speaker they most likely share."""
    by_sentence: dict[tuple[int, int], Attribution] = {}
    by_group: dict[int, Attribution] = {}
    for n, att in enumerate(found):
        if att is not None:
            by_sentence.setdefault(sentence_of[n], att)
            by_group.setdefault(marked[n].group, att)
    last_in_para: dict[int, Attribution] = {}
    for n, q in enumerate(marked):
        att = found[n]
        if att is None:
            att = by_sentence.get(sentence_of[n]) or by_group.get(q.group)
            if att is None and q.paragraph in last_in_para:
                att = last_in_para[q.paragraph]
            if att is None:
                att = _next_in_paragraph(marked, found, n)
            if att is None and q.paragraph > 0:
                att = _from_previous_paragraph(
                    words_of(q.paragraph - 1), last_in_para.get(q.paragraph - 1)
                )
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
        if att is not None and att.source != "borrowed":
            return att
    return None


def _from_previous_paragraph(
    toks: list[Token], last_quote: Attribution | None
) -> Attribution | None:
    """A paragraph ending in ``X said:`` introduces the next; else its last speaker does."""
    if toks and toks[-1].text == ":":
        lo = len(toks) - 1
        while lo > 0 and toks[lo - 1].text not in _SENTENCE_END:
            lo -= 1
        found = _from_colon(toks, len(toks) - 1, lo)
        if found is not None:
            return found
    if last_quote is not None:
        return last_quote
    lo = len(toks) - 1
    while lo > 0 and toks[lo - 1].text not in _SENTENCE_END:
        lo -= 1
    for k in range(len(toks) - 1, lo - 1, -1):
        cue = cue_at(toks, k)
        if cue is not None and cue != "according to":
            phrase = phrase_before(toks, k, lo)
            if phrase is not None:
                return Attribution(phrase, cue, 0.6)
    return None


def _finish(
    text: str,
    marked: list[MarkedQuote],
    found: list[Attribution | None],
    index: SpeakerIndex,
    paras: list[tuple[int, int]],
    recent: dict[int, SpeakerPhrase],
) -> list[Quote]:
    quotes: list[Quote] = []
    headlines: dict[int, bool] = {}

    def headline(p: int) -> bool:
        if p not in headlines:
            headlines[p] = _is_headline(text, paras[p])
        return headlines[p]

    last_person: Mention | None = None
    last_group: Mention | None = None
    antecedents: dict[int, Mention | None] = {}
    spans = [(q.start, q.end) for q in marked]
    for n, (q, att) in enumerate(zip(marked, found, strict=True)):
        quote = Quote(start=q.start, end=q.end, text=text[q.start : q.end])
        base = 0.9 if q.closed or q.continues else 0.6
        titled = (
            _is_nickname(text, q)
            or (
                _looks_like_a_name_or_title(text, q)
                and (att is None or att.source not in ("right", "colon"))
            )
        ) and not headline(q.paragraph)
        if att is None or titled:
            short = _word_count(text, q) <= _SCARE_WORDS
            quote.kind = "scare" if short or titled else "quote"
            quote.confidence = round(base * (0.5 if quote.kind == "scare" else 0.7), 2)
            quotes.append(quote)
            continue
        phrase = att.phrase
        quote.cue = att.cue
        quote.confidence = round(base * att.confidence, 2)
        if phrase.pronoun:
            key = id(phrase)  # a borrowed pronoun keeps the antecedent found for it
            if key not in antecedents:
                candidates = [last_person]
                if n in recent:
                    named = recent[n]
                    full = index.fullest(named.text, named.start)
                    candidates.append((full, named.start, named.end, named.role))
                at = min(q.start, phrase.start)
                antecedents[key] = _antecedent(
                    phrase, at, candidates, last_group, index, (q.paragraph, paras, spans)
                )
            target = antecedents[key]
            if target is not None:
                quote.speaker, quote.speaker_start, quote.speaker_end, quote.role = target
            else:
                quote.speaker_start, quote.speaker_end = phrase.start, phrase.end
        else:
            name = index.fullest(phrase.text, phrase.start) if phrase.named else phrase.text
            quote.speaker = name
            quote.speaker_start, quote.speaker_end = phrase.start, phrase.end
            quote.role = phrase.role
            mention = (name, phrase.start, phrase.end, phrase.role)
            if phrase.named and not phrase.plural:
                last_person = mention
            last_group = mention
        quotes.append(quote)
    _share_roles(quotes)
    return quotes


def _antecedent(
    phrase: SpeakerPhrase,
    at: int,
    people: list[Mention | None],
    last_group: Mention | None,
    index: SpeakerIndex,
    where: tuple[int, list[tuple[int, int]], list[tuple[int, int]]],
) -> Mention | None:
    """Who "he", "she" or "they" is: the nearest of the last speaker named, the last
    person reported as saying something, and the subject of a recent sentence."""
    word = phrase.text.lower()
    if word in ("they", "it", "we"):
        return last_group
    if word not in ("he", "she"):
        return None  # "I" and "you" are the writer and the reader
    paragraph, paras, spans = where
    run = index.last_person_before(at, paragraph, paras, spans)
    found = [p for p in people if p is not None and p[1] < at]
    if run is not None:
        found.append((run.text, run.start, run.end, None))
    return max(found, key=lambda mention: mention[1], default=None)


def _share_roles(quotes: list[Quote]) -> None:
    """A role given once ("Deputy Foreign Minister") holds for the speaker's other quotes."""
    roles: dict[str, str] = {}
    for quote in quotes:
        if quote.speaker and quote.role:
            roles.setdefault(quote.speaker, quote.role)
    for quote in quotes:
        if quote.speaker and not quote.role:
            quote.role = roles.get(quote.speaker)


def _is_headline(text: str, para: tuple[int, int]) -> bool:
    """A Title Case line, where capitals say nothing about titles or nicknames."""
    words = [w for w in text[para[0] : min(para[1], para[0] + 400)].split() if len(w) > 3]
    capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return bool(words) and capitals >= 0.7 * len(words)


def _looks_like_a_name_or_title(text: str, q: MarkedQuote) -> bool:
    """``"Face the Nation,"``: a short quote in Title Case is a title, not speech."""
    words = [w for w in text[q.start : q.end].strip(_MARKS_AND_PUNCT).split() if len(w) > 3]
    if not words or len(words) > _TITLE_WORDS:
        return False
    return all(w[:1].isupper() for w in words)


_NICKNAME = re.compile(r"[A-Z][\w.]*\s$")


def _is_nickname(text: str, q: MarkedQuote) -> bool:
    """Robert C. "Bobby" Scott: one capitalised word quoted between parts of a name."""
    inner = text[q.start : q.end].strip(_MARKS_AND_PUNCT)
    if " " in inner or not inner[:1].isupper():
        return False
    before = text[max(0, q.start - 20) : q.start]
    after = text[q.end : q.end + 2]
    return bool(_NICKNAME.search(before)) and after[:1] == " " and after[1:2].isupper()


def _word_count(text: str, q: MarkedQuote) -> int:
    return len(text[q.start : q.end].split())
