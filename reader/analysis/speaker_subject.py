"""The subject of a sentence, read as a speaker: "On Sunday, Sanders said", "The regional
president, Mercedes Albiol, visited", past a wire dateline or an opening clause.

Shared by the rules that read before a quote (``speaker_rules``) and after it
(``speaker_right``).
"""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.lexicon import words
from reader.analysis.speaker_after import phrase_after
from reader.analysis.speaker_phrases import SpeakerPhrase
from reader.analysis.text_units import Token, is_possessive, is_upper

# Final: compiled, module constants (these word lists too) are read as C globals
# instead of being looked up by name in the module's dict on every use.
SENTENCE_OPENERS: Final = lexicon.SENTENCE_OPENERS
SUBORDINATORS: Final = lexicon.SUBORDINATORS
TIME_WORDS: Final = lexicon.TIME_WORDS

DASHES: Final = frozenset({"―", "—", "–", "-"})

_SUBJECT_DETERMINERS: Final = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})


_INTRO_REACH: Final = 25  # tokens an introductory phrase may run before the subject


_DATELINE_REACH: Final = 14  # tokens: "WASHINGTON, Sept. 4 (Reuters) —"


# Words that open a sentence with a phrase before its subject: "On Sunday, Sanders said".
_INTRODUCERS: Final = frozenset(
    words(
        "on in at after before during while when last earlier later since as with like unlike "
        "despite amid following outside inside between under across through without within "
        "beyond behind among around against throughout upon over from by for to of"
    )
)


def named_in_apposition(
    toks: list[Token], phrase: SpeakerPhrase, start: int, limit: int, closed: bool
) -> SpeakerPhrase | None:
    """``the co-operative's chairman, Robert Askew, who ...``: the name is the speaker.

    A role phrase followed by a named person set off by a comma names who speaks; the
    role phrase becomes the role. ``closed`` asks for a comma after the name too (in
    mid-sentence the name could otherwise begin a list).
    """
    if phrase.named or phrase.pronoun:
        return None
    k = index_at(toks, phrase.end, start)
    if k + 1 >= limit or toks[k].text != ",":
        return None
    name = phrase_after(toks, k + 1, limit)
    if name is None or not name.named or not name.person:
        return None
    after = index_at(toks, name.end, k + 1)
    if (after < limit or closed) and (after >= limit or toks[after].text != ","):
        return None
    if name.role is None:
        name.role = _strip_article(phrase.text)
    name.phrase_start = phrase.phrase_start
    return name


def index_at(toks: list[Token], offset: int, start: int) -> int:
    k = start
    while k < len(toks) - 1 and toks[k].start < offset:
        k += 1
    return k


def main_clause_start(toks: list[Token], lo: int, limit: int) -> int:
    """Skip leading clauses: "Later in the show, after the interview ended, Maher said"."""
    start = lo
    while start < limit and _introduces(toks[start]):
        comma = next((k for k in range(start, limit) if toks[k].text in (",", "—", "―")), None)
        if comma is None:
            break
        start = comma + 1
    return start


def sentence_subject(toks: list[Token], lo: int, limit: int) -> SpeakerPhrase | None:
    i = lo
    while i < limit and not toks[i].text[:1].isalnum():
        i += 1  # marks, dashes and whole quotations before the subject
    i = _after_dateline(toks, i, limit)
    if i < limit and (
        _introduces(toks[i]) or toks[i].lower.endswith("ing") or _place_opener(toks, i, limit)
    ):
        i = _after_introduction(toks, i, limit)
        if i < 0:
            return None
    if i < limit and (toks[i].lower in SENTENCE_OPENERS and toks[i].lower not in ("the", "a")):
        i += 1  # "Even China", "But Trump"
        if i < limit and toks[i].lower in _SECOND_OPENERS:
            i += 1  # "And then Trump", "But now Clinton"
    i = _after_time_phrase(toks, i, limit)
    if i >= limit or toks[i].lower.endswith("ing") or _shouted(toks, i, limit):
        return None  # an all-capitals subheading
    phrase = phrase_after(toks, i, limit)
    if phrase is None:
        return None
    # "The regional president, Mercedes Albiol, visited": the aside names her
    aside = named_in_apposition(toks, phrase, i, limit, closed=True)
    if aside is not None:
        return aside
    if phrase.named or phrase.pronoun or toks[i].lower in _SUBJECT_DETERMINERS:
        return phrase  # "Trump", "he", "The Republican nominee", "his campaign"
    if _owned_body(toks, i, limit):
        return phrase  # "Ryan's campaign shrugged off ..., telling reporters"
    return None


# Adverbs of place that open a phrase with a preposition: "Here in Columbia,".
_PLACE_ADVERBS: Final = frozenset(words("here there back out down up home elsewhere"))


def _place_opener(toks: list[Token], i: int, limit: int) -> bool:
    """Whether ``toks[i]`` opens "Here in Columbia,", "Back in Ottawa,": where the
    sentence happens, before its subject."""
    return (
        toks[i].lower in _PLACE_ADVERBS
        and i + 1 < limit
        and toks[i + 1].lower in ("in", "at", "on")
    )


def _owned_body(toks: list[Token], i: int, limit: int) -> bool:
    """Whether ``toks[i]`` is a possessive name before a body that speaks for it."""
    if i + 1 >= limit or not toks[i].is_capitalised or not is_possessive(toks[i].text):
        return False
    return toks[i + 1].lower in _OWN_BODIES


# Nouns for a body that speaks for the person named before it: "Ryan's campaign".
_OWN_BODIES: Final = frozenset(
    words("campaign office team spokesman spokeswoman spokesperson aides lawyers family")
)


def _after_introduction(toks: list[Token], i: int, limit: int) -> int:
    """Where the subject starts after an introductory phrase at ``toks[i]``; -1 if no
    comma closes it.

    "Speaking in Salem, New Hampshire, Trump went after Bush": the subject follows the
    last comma that a capitalised word comes after, else the first comma. A comma that
    another introducer follows ("At a rally in Birmingham, Alabama, on Saturday, some
    supporters ...") shows the phrase goes on: only the commas after it can close it.
    """
    commas = [c for c in range(i, min(limit, i + _INTRO_REACH)) if toks[c].text == ","]
    open_until = -1
    for c in commas:
        nxt = toks[c + 1].text if c + 1 < limit else ""
        if nxt in _GOES_ON and c > i and toks[c - 1].is_capitalised:
            open_until = c
    commas = [c for c in commas if c > open_until]
    if not commas:
        return -1
    named = [c for c in commas if c + 1 < limit and toks[c + 1].is_capitalised]
    return (named[-1] if named else commas[0]) + 1


# Prepositions that carry an introductory phrase on past a place: "In Birmingham,
# Alabama, on Saturday,"; never "without" or "as", which open asides and clauses.
_GOES_ON: Final = frozenset(words("on in at during"))

# Last words of a phrase of time that opens a sentence before its subject: "A few days
# later, Trump ...", "Two weeks ago, the mayor ...".
_TIME_PHRASE_ENDS: Final = frozenset(words("later earlier ago afterward afterwards"))
_TIME_PHRASE_REACH: Final = 6


def _after_time_phrase(toks: list[Token], i: int, limit: int) -> int:
    """Past "a few days later," at ``toks[i]``: the subject follows its comma."""
    for k in range(i + 1, min(limit - 1, i + _TIME_PHRASE_REACH)):
        tok = toks[k]
        if not tok.is_word:
            return i
        if tok.lower in _TIME_PHRASE_ENDS and tok.text.islower():
            return k + 2 if toks[k + 1].text == "," else i
    return i


# Adverbs that follow a first opener ("And then"), never a preposition ("But after ..."),
# whose object would be taken for the subject.
_SECOND_OPENERS: Final = frozenset({"then", "now", "so", "also", "still", "even", "instead"})


def _strip_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in _SUBJECT_DETERMINERS and rest else text


def _introduces(tok: Token) -> bool:
    """A first word that opens a phrase before the subject: "After the vote,",
    "Immediately after,", "Preceded by the sheriff,", "Sunday morning,"."""
    word = tok.lower
    if word in _INTRODUCERS or word in SUBORDINATORS or word in TIME_WORDS:
        return True
    if word in _TIME_SPANS:
        return True  # "Hours later,", "Weeks earlier,", "Minutes after the vote,"
    if not (tok.is_capitalised and len(word) > 4 and word.endswith(("ly", "ed"))):
        return False
    from reader.analysis.gazetteer import first_names

    return tok.text not in first_names()  # "Kelly responded", "Ned said": a name


# Plural spans of time that open a sentence before its subject: "Hours later, Trump".
_TIME_SPANS: Final = frozenset(
    words("seconds minutes hours days weeks months years decades moments")
)


def _after_dateline(toks: list[Token], i: int, limit: int) -> int:
    """Skip a wire dateline: ``FLINT, Mich., Oct. 4 (UPI) — Bill Clinton said``."""
    if i >= limit or not toks[i].is_capitalised:
        return i
    if not (len(toks[i].text) > 1 and is_upper(toks[i].text)):
        return _after_agency(toks, i, limit)
    for k in range(i + 1, min(limit, i + _DATELINE_REACH)):
        if toks[k].text in DASHES:
            return k + 1 if toks[k - 1].text == ")" or toks[i + 1].text == "," else i
    return i


def _after_agency(toks: list[Token], i: int, limit: int) -> int:
    """Skip a dateline written in Title Case with its agency: ``Washington (AFP) –``,
    ``Ottawa, Ont. (CP) —``: places, then an agency in capitals in brackets, a dash."""
    for k in range(i + 1, min(limit - 3, i + _DATELINE_REACH)):
        tok = toks[k]
        if tok.text == "(":
            agency = toks[k + 1].text
            closed = toks[k + 2].text == ")" and toks[k + 3].text in DASHES
            return k + 4 if closed and len(agency) > 1 and is_upper(agency) else i
        if tok.is_word and not tok.is_capitalised:
            return i  # a sentence, not a dateline: "Trump (R) said"
    return i


def _shouted(toks: list[Token], i: int, limit: int) -> bool:
    """Whether the words among the next three tokens, two at least, are all in capitals
    (read in place: no slice of the tokens, no list of their words)."""
    count = 0
    for k in range(i, min(limit, i + 3)):
        tok = toks[k]
        if tok.is_word:
            if not (is_upper(tok.text) and len(tok.text) > 1):
                return False
            count += 1
    return count >= 2
