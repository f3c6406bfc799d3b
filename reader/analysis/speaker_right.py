"""Rules that find a quote's speaker in the words after it.

``"...," said X`` / ``"...," X said``, ``"..." ― X``, a past-tense verb with a name
(``"This is fantastic!" beamed Donald Hartley``), a closing sentence that only says
who spoke (``"...missing." Trump said.``), an aside between the name and the verb.
"""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.lexicon import words
from reader.analysis.speaker_after import phrase_after
from reader.analysis.speaker_context import SENTENCE_END, Attribution, Context, ends_sentence
from reader.analysis.speaker_pairs import paired_subject
from reader.analysis.speaker_phrases import SpeakerPhrase, cue_at, phrase_before
from reader.analysis.speaker_subject import (
    DASHES,
    index_at,
    named_in_apposition,
    sentence_subject,
)
from reader.analysis.text_units import Token

SUBJECT_PRONOUNS: Final = lexicon.SUBJECT_PRONOUNS
SENTENCE_OPENERS: Final = lexicon.SENTENCE_OPENERS
_PREPOSITIONS: Final = frozenset(
    words("of in on at for with by from to after before during as like about under over")
)
TIME_WORDS: Final = lexicon.TIME_WORDS

_MAX_ASIDE: Final = 10  # words of a role given after the name


_MAX_PHRASE_CLAUSE: Final = 6  # words in '"...!" beamed Donald Hartley.' after a quote


_RIGHT_WINDOW: Final = 30  # words after a quote in which "X, who ..., said" may end


_NOMINAL_OPENERS: Final = frozenset({"the", "a", "an"})
_LEADING_PUNCT: Final = frozenset({",", "—", "–", "-", "(", "…"})


# Cues that name the listener, not the speaker, when they come first: '"...," told him'.
_NOT_INVERTED: Final = frozenset({"told", "tell", "tells", "called", "calls", "described"})


def from_right(toks: list[Token], ctx: Context) -> Attribution | None:
    hi = ctx.next_first
    r = ctx.stop
    if r < hi and toks[r].text in DASHES:
        byline = from_dash(toks, r + 1, hi)
        if byline is not None:
            return byline
    while r < hi and toks[r].text in _LEADING_PUNCT:
        r += 1
    if r >= hi:
        return None
    if _starts_new_sentence(toks, ctx, r):
        # '"... that are missing." Trump said.': a full stop inside the marks, then a
        # sentence that only says who spoke
        opens_sentence = ctx.first <= ctx.sentence_start
        return _closing_report(toks, r, hi) if opens_sentence else None
    end = r
    while end < hi and not ends_sentence(toks, end) and end - r < _RIGHT_WINDOW:
        end += 1
    for c in range(r, end):
        cue = cue_at(toks, c)
        if cue is None or (c > r and cue.endswith("ing")):
            continue  # "-- all without speaking his name" reports nothing
        if c > r and toks[c - 1].lower == "to":
            continue  # "who was not authorized to speak, told": an aside's infinitive
        if cue == "according to":
            phrase = phrase_after(toks, c + 2, end)
            return Attribution(phrase, cue, 0.85, source="right") if phrase else None
        if c == r:
            # '"...," said X' / '"...," added the senator': any cue but a participle
            if cue.endswith("ing") or cue in _NOT_INVERTED:
                return None
            if _embedded(toks, ctx, c):
                # 'the ad "unmistakably and wrongfully" suggests that ...': the quotation
                # is a phrase inside the sentence, the verb after it has its own subject
                return None
            phrase = phrase_after(toks, c + len(cue.split()), end)
            if phrase is None:
                return None
            phrase = named_in_apposition(toks, phrase, c, end, closed=False) or phrase
            if phrase.named and phrase.role is None:
                phrase.role = _aside_role(toks, c, phrase.end, hi)
            return Attribution(phrase, cue, 0.9, source="right")
        phrase = phrase_before(toks, c, r)
        starts_clause = phrase is not None and phrase.phrase_start <= toks[r].start
        pair = paired_subject(toks, phrase, r) if phrase is not None and not starts_clause else None
        if pair is not None:
            return Attribution(pair, cue, 0.85, source="right")  # '"...," A and B wrote'
        if not starts_clause and (toks[c - 1].text == "," or _relative_runs_on(toks, r, c)):
            # '"...," Harry Bond, 30, of Raleigh, N.C., who was polled, said': the name
            # opening the clause speaks, whatever the aside between it and the verb
            lead = name_before_aside(toks, r, c)
            if lead is not None:
                return Attribution(lead, cue, 0.8, source="right")
        if toks[c - 1].text == "," and cue not in _NOT_INVERTED and not starts_clause:
            # '"...drew well" in the 2008 primary, said Ohio professor Paul Beck.'
            late = phrase_after(toks, c + len(cue.split()), end)
            if (
                late is not None
                and (late.named or toks[c + 1].lower in ("the", "a"))
                and toks[c + 1].lower not in TIME_WORDS
            ):
                return Attribution(late, cue, 0.75, source="right")
        if (
            phrase is not None
            and phrase.pronoun
            and phrase.text.lower() in ("he", "she")
            and not _reported_before(toks, ctx)
        ):
            # 'X scolded him: "..." she said': the sentence already named her
            subject = sentence_subject(toks, ctx.sentence_start, ctx.first)
            if subject is not None and subject.named:
                return Attribution(subject, cue, 0.85, source="right")
        if phrase is None:
            return None
        if phrase.phrase_start <= toks[r].start:
            return Attribution(phrase, cue, 0.9, source="right")
        after = c + len(cue.split())
        if _as_it_was_put(toks, r, phrase) and _report_ends(toks, after, end):
            # '"a lawful source of income," as a Homeland Security memo put it.'
            return Attribution(phrase, cue, 0.8, source="right")
        # "... "steals $20s" is held accountable, Warren said.": a closing "X said"
        closing = phrase.named or toks[index_at(toks, phrase.phrase_start, r)].lower in (
            "the",
            "a",
        )
        if closing and _report_ends(toks, after, end) and _follows_comma(toks, phrase, r):
            return Attribution(phrase, cue, 0.7, source="right")
        return None
    # only a quotation that opens its sentence: "At an event billed as "...," Clinton
    # unveiled a plan" goes on about something else
    opens = ctx.closing == "," and ctx.first <= ctx.sentence_start
    return _unlisted_verb(toks, r, end, opens)


def _reported_before(toks: list[Token], ctx: Context) -> bool:
    """Whether an aside just before the quotation reports it: 'Pike, a top aide said,
    "..." ... and she has told': the aide speaks, not the "she" of a later clause."""
    k = ctx.first - 2
    if k <= ctx.sentence_start or toks[ctx.first - 1].text != ",":
        return False
    cue = cue_at(toks, k)
    if cue is None or cue == "according to":
        return False
    phrase = phrase_before(toks, k, ctx.sentence_start)
    if phrase is None or phrase.pronoun:
        return False
    opens = index_at(toks, phrase.phrase_start, ctx.sentence_start)
    return opens > ctx.sentence_start and toks[opens - 1].text == ","


def _as_it_was_put(toks: list[Token], r: int, phrase: SpeakerPhrase) -> bool:
    """Whether the words after the quote open "as <phrase> <cue>": "as Baird put it"."""
    return (
        toks[r].lower == "as"
        and r + 1 < len(toks)
        and phrase.phrase_start == toks[r + 1].start
        and not phrase.pronoun
    )


_RELATIVES: Final = frozenset({"who", "whose"})


def _relative_runs_on(toks: list[Token], r: int, cue: int) -> bool:
    """Whether a "who" clause runs on to the verb at ``cue`` with no comma to close it:
    '"...," Ann Pike, the analyst who founded the site tweeted': the site says nothing."""
    for k in range(cue - 3, r, -1):  # "who" and two words of its own at least
        if toks[k].text == ",":
            return False
        if toks[k].lower in _RELATIVES:
            return True
    return False


def name_before_aside(toks: list[Token], r: int, cue: int) -> SpeakerPhrase | None:
    """The named person that opens the words after a quote and is set off by a comma,
    when the speech verb at ``cue`` closes the aside that follows the name."""
    word = toks[r].lower
    if not toks[r].is_capitalised or word in SENTENCE_OPENERS or word in _PREPOSITIONS:
        return None  # "Of Carson, Levine, who ..., said": a preposition opens no name
    lead = phrase_after(toks, r, cue)
    if lead is None or not lead.named or not lead.person or lead.pronoun:
        return None
    after = index_at(toks, lead.end, r)
    if after >= cue - 1 or toks[after].text != "," or toks[after].start < lead.end:
        return None
    for k in range(after + 1, cue - 1):
        if cue_at(toks, k) is not None or toks[k].text in SENTENCE_END:
            return None  # the aside reports speech of its own, or a new sentence began
    if lead.role is None:
        lead.role = _aside_role(toks, r, lead.end, cue)
    return lead


_TAIL_WORDS: Final = 5  # "told CNN on Sunday": what may follow the verb of a closing report


def _report_ends(toks: list[Token], after: int, end: int) -> bool:
    """Whether the clause ends at ``after`` or goes on only with whom or when it was
    said: "told CNN", "said in a statement", "wrote Tuesday", "told reporters"."""
    if after >= end:
        return True
    if end - after > _TAIL_WORDS:
        return False
    word = toks[after]
    return (
        word.lower in _AFTER_REPORT
        or word.lower in TIME_WORDS
        or word.lower == "reporters"
        or (word.is_capitalised and word.lower not in SUBJECT_PRONOUNS)
    )


# Present tenses of verbs that are also nouns ("a note", "the state"): they report
# speech only where they close the clause after a quote: '"...," Viguerie notes.'
PRESENT_REPORTS: Final = frozenset(
    words(
        """notes states claims comments answers counters echoes jokes laughs posts tweets
charges remarks promises demands reacts quips"""
    )
)


_SUBJECT_REACH: Final = 8  # tokens from the quote to the verb: "the Republican ... nominee riffed"


def _verb_then_more(toks: list[Token], r: int, end: int) -> Attribution | None:
    """``"...," the vice-presidential nominee riffed on the governor's answer.``: after a
    quotation that opens its sentence and ends in a comma, a name or a nominal phrase and
    a past-tense verb open the clause that reports it, whatever follows the verb."""
    first = toks[r]
    if not (first.is_capitalised or first.lower in _NOMINAL_OPENERS):
        return None
    for k in range(r + 1, min(end, r + _SUBJECT_REACH)):
        tok = toks[k]
        if not tok.is_word:
            return None  # an aside or a list: not a plain subject and verb
        if _past_tense(tok):
            phrase = phrase_before(toks, k, r)
            if phrase is None or phrase.pronoun or phrase.phrase_start != first.start:
                return None
            if phrase.end != toks[k - 1].end:
                return None
            if phrase.named or first.lower in _NOMINAL_OPENERS:
                return Attribution(phrase, tok.lower, 0.6, source="right")
            return None
    return None


def _unlisted_verb(toks: list[Token], r: int, end: int, opens: bool = False) -> Attribution | None:
    """``"This is fantastic!" beamed Donald Hartley.`` / ``"Why?" Beck questioned.``

    Right after a quotation, a name and a past-tense verb that together make up the
    whole clause report the speech, whatever the verb.
    """
    if end >= len(toks) or not ends_sentence(toks, end):
        return None
    first, last = toks[r], toks[end - 1]
    if _past_tense(first) and end - r >= 2:
        # "remembered Roy Verley, HP's former spokesman.": an aside may follow the name
        phrase = phrase_after(toks, r + 1, end)
        after = index_at(toks, phrase.end, r) if phrase is not None else end
        ends_there = phrase is not None and (phrase.end == last.end or toks[after].text == ",")
        if phrase is not None and phrase.named and ends_there:
            return Attribution(phrase, first.lower, 0.7, source="right")
    if end - r > _MAX_PHRASE_CLAUSE:
        return _verb_then_more(toks, r, end) if opens else None
    if _past_tense(last) or last.text in PRESENT_REPORTS:
        phrase = phrase_before(toks, end - 1, r)
        if phrase is None or phrase.phrase_start != first.start:
            return None
        if phrase.named or (first.lower in _NOMINAL_OPENERS and not phrase.pronoun):
            # "Viguerie notes.", "a voice-over in the ad states."
            return Attribution(phrase, last.lower, 0.7, source="right")
        return None
    # "Toomey fumed on Tuesday.": the verb, then only when it was said
    return _verb_then_more(toks, r, end) if opens else None


def _past_tense(tok: Token) -> bool:
    return len(tok.text) > 4 and tok.text.endswith("ed") and tok.text.islower()


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


def from_dash(toks: list[Token], i: int, hi: int) -> Attribution | None:
    """``"..." ― Karen Bobadilla``: a name alone after a dash signs the quote."""
    phrase = phrase_after(toks, i, hi)
    if phrase is None or not phrase.named:
        return None
    rest = [t for t in toks[i:hi] if t.end > phrase.end]
    if rest and rest[0].text not in SENTENCE_END and rest[0].text != ",":
        return None
    return Attribution(phrase, "—", 0.8, source="right")


def _follows_comma(toks: list[Token], phrase: SpeakerPhrase, r: int) -> bool:
    before = [t for t in toks[r:] if t.end <= phrase.phrase_start]
    return bool(before) and before[-1].text == ","


_CLOSING_REACH: Final = 8  # tokens to the cue: "US Senator Jeff Sessions said"


# What may follow the cue of a sentence that only reports who spoke: its end, or an
# adverbial ("said on Tuesday", "said as he launched", "told reporters in Ohio").
_AFTER_REPORT: Final = frozenset(
    words("in on at as during after before while when from to of with later earlier today")
)


def _closing_report(toks: list[Token], r: int, hi: int) -> Attribution | None:
    """``"...missing." Trump said.``: the sentence after the quote opens with its speaker
    and cue and says nothing else; "Smith said he disagreed" reports something new."""
    for c in range(r, min(hi, r + _CLOSING_REACH)):
        cue = cue_at(toks, c)
        if cue is None:
            continue
        if cue.endswith("ing") or cue == "according to":
            return None
        phrase = phrase_before(toks, c, r)
        if phrase is None:
            return None
        opens = index_at(toks, phrase.phrase_start, r)
        if any(not toks[k].is_capitalised for k in range(r, opens)):
            return None  # "Then the senator said": the sentence says more than who spoke
        after = c + len(cue.split())
        if after < hi and toks[after].text not in SENTENCE_END:
            word = toks[after].lower
            if word not in _AFTER_REPORT and word not in TIME_WORDS and word != "reporters":
                return None
        return Attribution(phrase, cue, 0.7, source="right")
    return None


def _embedded(toks: list[Token], ctx: Context, c: int) -> bool:
    """Whether the quote is a phrase inside its sentence rather than speech the cue at
    ``toks[c]`` reports: written mid-sentence with no comma, "!" or "?" to close it, or
    followed by "cue that" ("suggests that Phoenix ..."), a verb with a clause of its own."""
    if c + 1 < len(toks) and toks[c + 1].lower == "that":
        return True
    return ctx.closing == "" and c == ctx.stop and ctx.first > ctx.sentence_start


def _starts_new_sentence(toks: list[Token], ctx: Context, r: int) -> bool:
    """``"...we won." He then left``: a capital after a full stop opens a new sentence."""
    if not ctx.ends_sentence or not toks[r].is_capitalised:
        return False
    return ctx.closing == "." or toks[r].lower in SUBJECT_PRONOUNS
