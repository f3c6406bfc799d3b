"""Rules that find the speaker of one quote from the words around it.

Strongest first: a cue right after the quote (``"...," said X`` / ``"...," X said``,
``"..." ― X``, any past-tense verb with a name), ``X: "..."``, the main-clause cue
before the quote in its sentence (``X said the "approaches"``, ``according to X``), a
line labelled ``Name:``, the subject of the sentence, the sentence before.
"""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.lexicon import words
from reader.analysis.speaker_context import (
    NOBODY,
    SENTENCE_END,
    Attribution,
    Context,
    ends_sentence,
)
from reader.analysis.speaker_phrases import (
    LEFT_INVERTIBLE_CUES,
    SpeakerPhrase,
    cue_at,
    phrase_after,
    phrase_before,
)
from reader.analysis.text_units import GAP_TOKEN, Token, is_upper

# Final: compiled, module constants (these word lists too) are read as C globals
# instead of being looked up by name in the module's dict on every use.
SENTENCE_OPENERS: Final = lexicon.SENTENCE_OPENERS
SUBJECT_PRONOUNS: Final = lexicon.SUBJECT_PRONOUNS
SUBORDINATORS: Final = lexicon.SUBORDINATORS
TIME_WORDS: Final = lexicon.TIME_WORDS

_MAX_ASIDE: Final = 10  # words of a role given after the name
_MAX_PHRASE_CLAUSE: Final = 6  # words in '"...!" beamed Donald Hartley.' after a quote
_LABEL_WORDS: Final = 6  # "Name:" opening a paragraph labels who speaks in it
_RIGHT_WINDOW: Final = 30  # words after a quote in which "X, who ..., said" may end
_INTRO_REACH: Final = 25  # tokens an introductory phrase may run before the subject
_SUBJECT_DETERMINERS: Final = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
_LEADING_PUNCT: Final = frozenset({",", "—", "–", "-", "(", "…"})
_DASHES: Final = frozenset({"―", "—", "–", "-"})
_DATELINE_REACH: Final = 14  # tokens: "WASHINGTON, Sept. 4 (Reuters) —"
# Cues that name the listener, not the speaker, when they come first: '"...," told him'.
_NOT_INVERTED: Final = frozenset({"told", "tell", "tells", "called", "calls", "described"})
# Words that open a sentence with a phrase before its subject: "On Sunday, Sanders said".
_INTRODUCERS: Final = frozenset(
    words(
        "on in at after before during while when last earlier later since as with like unlike "
        "despite amid following outside inside between under across through without within "
        "beyond behind among around against throughout upon over from by for to of"
    )
)


def attribute_one(toks: list[Token], ctx: Context) -> Attribution | None:
    return (
        _from_right(toks, ctx)
        or _from_left(toks, ctx)
        or _from_label(toks, ctx)
        or _from_subject(toks, ctx)
        or _from_sentence_before(toks, ctx)
    )


def _from_label(toks: list[Token], ctx: Context) -> Attribution | None:
    """``Pence: Flowers Won't Be at Debate, Trump Was 'Mocking' Clinton``: a labelled line."""
    colon = next((k for k in range(min(ctx.first, _LABEL_WORDS)) if toks[k].text == ":"), None)
    if colon is None or colon == 0:
        return None
    phrase = phrase_before(toks, colon, 0)
    if phrase is None or not phrase.named or phrase.phrase_start != toks[0].start:
        return None
    return Attribution(phrase, ":", 0.6, source="colon")


def _from_sentence_before(toks: list[Token], ctx: Context) -> Attribution | None:
    """``Sam Lau said in a statement. "There are no ballots."``: the sentence before."""
    end = ctx.sentence_start - 1
    if end <= 0 or (toks[end].text == GAP_TOKEN and toks[end].start == toks[end].end):
        return None
    lo = end
    while lo > 0 and not _ends_or_quotes(toks[lo - 1].text):
        lo -= 1
    for k in range(lo, end):
        cue = cue_at(toks, k)
        if cue is not None and cue != "according to":
            phrase = phrase_before(toks, k, lo)
            if phrase is not None and (phrase.named or phrase.pronoun):
                return Attribution(phrase, cue, 0.6, source="borrowed")
    return None


def _ends_or_quotes(text: str) -> bool:
    """Whether a token's ``text`` is in ``SENTENCE_END`` or is ``QUOTE_TOKEN``: all are
    one character, so most tokens are ruled out by length, the rest by the character's
    code, without hashing the token for a set look-up."""
    if len(text) != 1:
        return False
    c = ord(text[0])
    return c == ord(".") or c == ord("!") or c == ord("?") or c == ord(";") or c == ord('"')


def _from_right(toks: list[Token], ctx: Context) -> Attribution | None:
    hi = ctx.next_first
    r = ctx.stop
    if r < hi and toks[r].text in _DASHES:
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
            phrase = _named_in_apposition(toks, phrase, c, end, closed=False) or phrase
            if phrase.named and phrase.role is None:
                phrase.role = _aside_role(toks, c, phrase.end, hi)
            return Attribution(phrase, cue, 0.9, source="right")
        phrase = phrase_before(toks, c, r)
        starts_clause = phrase is not None and phrase.phrase_start <= toks[r].start
        if toks[c - 1].text == "," and cue not in _NOT_INVERTED and not starts_clause:
            # '"...drew well" in the 2008 primary, said Ohio professor Paul Beck.'
            late = phrase_after(toks, c + len(cue.split()), end)
            if (
                late is not None
                and (late.named or toks[c + 1].lower in ("the", "a"))
                and toks[c + 1].lower not in TIME_WORDS
            ):
                return Attribution(late, cue, 0.75, source="right")
        if phrase is not None and phrase.pronoun and phrase.text.lower() in ("he", "she"):
            # 'X scolded him: "..." she said': the sentence already named her
            subject = sentence_subject(toks, ctx.sentence_start, ctx.first)
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
    if end >= len(toks) or not ends_sentence(toks, end):
        return None
    first, last = toks[r], toks[end - 1]
    if _past_tense(first) and end - r >= 2:
        # "remembered Roy Verley, HP's former spokesman.": an aside may follow the name
        phrase = phrase_after(toks, r + 1, end)
        after = _index_at(toks, phrase.end, r) if phrase is not None else end
        ends_there = phrase is not None and (phrase.end == last.end or toks[after].text == ",")
        if phrase is not None and phrase.named and ends_there:
            return Attribution(phrase, first.lower, 0.7, source="right")
    if end - r > _MAX_PHRASE_CLAUSE:
        return None
    if _past_tense(last):
        phrase = phrase_before(toks, end - 1, r)
        if phrase is not None and phrase.named and phrase.phrase_start == first.start:
            return Attribution(phrase, last.lower, 0.7, source="right")
    return None


def _named_in_apposition(
    toks: list[Token], phrase: SpeakerPhrase, start: int, limit: int, closed: bool
) -> SpeakerPhrase | None:
    """``the co-operative's chairman, Robert Askew, who ...``: the name is the speaker.

    A role phrase followed by a named person set off by a comma names who speaks; the
    role phrase becomes the role. ``closed`` asks for a comma after the name too (in
    mid-sentence the name could otherwise begin a list).
    """
    if phrase.named or phrase.pronoun:
        return None
    k = _index_at(toks, phrase.end, start)
    if k + 1 >= limit or toks[k].text != ",":
        return None
    name = phrase_after(toks, k + 1, limit)
    if name is None or not name.named or not name.person:
        return None
    after = _index_at(toks, name.end, k + 1)
    if (after < limit or closed) and (after >= limit or toks[after].text != ","):
        return None
    if name.role is None:
        name.role = _strip_article(phrase.text)
    name.phrase_start = phrase.phrase_start
    return name


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


def _index_at(toks: list[Token], offset: int, start: int) -> int:
    k = start
    while k < len(toks) - 1 and toks[k].start < offset:
        k += 1
    return k


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


def _from_left(toks: list[Token], ctx: Context) -> Attribution | None:
    lo = ctx.sentence_start
    a = ctx.first
    if a - 1 >= lo and toks[a - 1].text == ":":
        found = from_colon(toks, a - 1, lo)
        if found is not None:
            return found
    words_of = _in_the_words_of(toks, lo, a)
    if words_of is not None:
        return words_of
    cues: list[tuple[int, str]] = []
    for k in range(lo, a):
        cue = cue_at(toks, k, weak=True)
        if cue is not None:
            cues.append((k, cue))
    if not cues:
        return None  # most: no clause needs finding, nothing to order
    # The main verb of the sentence comes first: "Cruz said he is sure Rubio will
    # continue to be "...": the speaker is Cruz, not whoever an inner clause names.
    # A leading clause ("While Clinton noted ..., Trump boasted") is not the main one.
    main = _main_clause_start(toks, lo, a)
    # "Rubio suggested ..., while Cruz said that the "...": a later clause of its own
    clause = _last_clause_start(toks, main, a, cues)
    if len(cues) > 1:  # compiled, the key is called through Python: only when it orders
        cues.sort(key=lambda cue: (cue[0] < clause, cue[0] < main))
    for n, (k, cue) in enumerate(cues):
        if _passive(toks, k, cue, lo):
            # "Rubio was asked by moderator Gerard Baker whether ...": the one who asks
            # speaks; "Trump was asked, "...?"": someone unnamed does, never Trump.
            agent = phrase_after(toks, k + 2, a) if toks[k + 1].lower == "by" else None
            if agent is not None:
                return Attribution(agent, cue, 0.7)
            subject = phrase_before(toks, k - 1, lo)
            return Attribution(subject, "", 0.0, source=NOBODY) if subject else None
        phrase = _phrase_for_left_cue(toks, k, cue, lo, a)
        if phrase is not None:
            return Attribution(phrase, cue, 0.8 if n == 0 else 0.6)
    return None


_PASSIVE_CUES: Final = frozenset({"asked", "told", "questioned", "pressed"})
_BE_FORMS: Final = frozenset({"was", "were", "is", "are", "been", "being", "be"})


def _passive(toks: list[Token], k: int, cue: str, lo: int) -> bool:
    """Whether the cue at ``toks[k]`` is a passive ("was asked", "were told"): its
    subject is the one spoken to."""
    return cue in _PASSIVE_CUES and k - 1 >= lo and toks[k - 1].lower in _BE_FORMS


def _in_the_words_of(toks: list[Token], lo: int, a: int) -> Attribution | None:
    """``in the words of one resident, "a postcode with a view."``"""
    for k in range(max(lo, 2), a - 2):
        if toks[k].text == "words" and toks[k + 1].lower == "of" and toks[k - 2].lower == "in":
            phrase = phrase_after(toks, k + 2, a)
            if phrase is not None:
                return Attribution(phrase, "in the words of", 0.8)
    return None


_CLAUSE_OPENERS: Final = frozenset({"while", "but", "whereas", "although", "though", "and"})


def _last_clause_start(toks: list[Token], lo: int, limit: int, cues: list[tuple[int, str]]) -> int:
    """Start of the last ", while/but/and ..." clause before ``limit`` that has a cue."""
    # A loop, not max() over a generator: compiled, max() iterates it through Python.
    last_cue = cues[0][0] if cues else -1
    for k, _ in cues:
        if k > last_cue:
            last_cue = k
    for b in range(last_cue - 1, lo, -1):
        if toks[b].text in (",", ";") and toks[b + 1].lower in _CLAUSE_OPENERS:
            if any(b < k for k, _ in cues) and any(k < b for k, _ in cues):
                return b + 1
            break
    return lo


def _main_clause_start(toks: list[Token], lo: int, limit: int) -> int:
    """Skip leading clauses: "Later in the show, after the interview ended, Maher said"."""
    start = lo
    while start < limit and _introduces(toks[start]):
        comma = next((k for k in range(start, limit) if toks[k].text in (",", "—", "―")), None)
        if comma is None:
            break
        start = comma + 1
    return start


def _from_subject(toks: list[Token], ctx: Context) -> Attribution | None:
    """``Reid has gone after Trump as a "human leech"``: no cue, but a named subject."""
    lo = ctx.sentence_start
    if ctx.first <= lo:
        return None
    phrase = sentence_subject(toks, lo, ctx.first)
    if phrase is None or phrase.pronoun:
        return None
    if _index_at(toks, phrase.end, lo) >= ctx.first:
        return None  # "The so-called "reform" passed": the quote is part of the subject
    if not phrase.named and not lexicon.names_a_speaker(phrase.text.lower().split()):
        # "The promise to "take our country back" appeals to ...": the sentence is about
        # something that cannot speak, so no one nearby is borrowed as its speaker either
        return Attribution(phrase, "", 0.0, source=NOBODY)
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
        subject = sentence_subject(toks, lo, k)
        if subject is not None:
            return subject
        phrase = phrase_before(toks, k, lo)
        return phrase if phrase is not None and phrase.named else None
    phrase = phrase_before(toks, k, lo)
    if phrase is None and k > lo and toks[k - 1].lower in ("and", ","):
        # "Trump doubled down and said the judge had ...": the sentence's subject
        phrase = sentence_subject(toks, lo, k)
    # "Said Trump: ..." / "..., wrote Smith:": the speaker after the cue, but only where
    # the cue opens its clause; "and said the judge" names no speaker after it
    opens_clause = k == lo or toks[k - 1].text in (",", ":", "—", "(")
    inverted = cue in LEFT_INVERTIBLE_CUES and k + 1 < limit and toks[k + 1].lower != "that"
    if phrase is None and inverted and opens_clause:
        phrase = phrase_after(toks, k + 1, limit)
    return phrase


def sentence_subject(toks: list[Token], lo: int, limit: int) -> SpeakerPhrase | None:
    i = lo
    while i < limit and not toks[i].text[:1].isalnum():
        i += 1  # marks, dashes and whole quotations before the subject
    i = _after_dateline(toks, i, limit)
    if i < limit and (_introduces(toks[i]) or toks[i].lower.endswith("ing")):
        # "Speaking in Salem, New Hampshire, Trump went after Bush": the subject follows
        # the last comma that a capitalised word comes after, else the first comma
        commas = [c for c in range(i, min(limit, i + _INTRO_REACH)) if toks[c].text == ","]
        if not commas:
            return None
        named = [c for c in commas if c + 1 < limit and toks[c + 1].is_capitalised]
        i = (named[-1] if named else commas[0]) + 1
    if i < limit and (toks[i].lower in SENTENCE_OPENERS and toks[i].lower not in ("the", "a")):
        i += 1  # "Even China", "But Trump"
    if i >= limit or toks[i].lower.endswith("ing") or _shouted(toks, i, limit):
        return None  # an all-capitals subheading
    phrase = phrase_after(toks, i, limit)
    if phrase is None:
        return None
    # "The regional president, Mercedes Albiol, visited": the aside names her
    aside = _named_in_apposition(toks, phrase, i, limit, closed=True)
    if aside is not None:
        return aside
    if phrase.named or phrase.pronoun or toks[i].lower in _SUBJECT_DETERMINERS:
        return phrase  # "Trump", "he", "The Republican nominee", "his campaign"
    return None


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
    if i >= limit or not (len(toks[i].text) > 1 and is_upper(toks[i].text)):
        return i
    for k in range(i + 1, min(limit, i + _DATELINE_REACH)):
        if toks[k].text in _DASHES:
            return k + 1 if toks[k - 1].text == ")" or toks[i + 1].text == "," else i
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


def from_colon(toks: list[Token], colon: int, lo: int) -> Attribution | None:
    """``Caddell continued: "..."``, a bare ``Pat Caddell: "..."``, ``More from Jones:``,
    ``his wife whispered to him:``, ``Sanders made the following comment:``."""
    j = colon - 1
    if j < lo:
        return None
    subject = sentence_subject(toks, lo, colon)
    cue = cue_at(toks, j, weak=True)
    if cue is not None:
        phrase = _phrase_for_left_cue(toks, j, cue, lo, colon)
        if (
            phrase is not None
            and not phrase.named
            and not phrase.pronoun
            and subject is not None
            and subject.named
            and not _speaks_before(toks, phrase, j)
        ):
            phrase = subject  # "Sanders delivered a snappy retort:"
        return Attribution(phrase, cue, 0.85, source="colon") if phrase else None
    phrase = phrase_before(toks, colon, lo)
    if phrase is not None and phrase.named:
        k = _index_at(toks, phrase.phrase_start, lo)
        if k == lo or toks[k - 1].text in _DASHES or toks[k - 1].lower == "from":
            return Attribution(phrase, ":", 0.75, source="colon")
    # A cue in a leading clause ("When Trump suggested ..., Rubio fired back:") is not
    # the one that introduces the quotation: the main clause's subject is.
    main = _main_clause_start(toks, lo, colon)
    for k in range(j, main - 1, -1):  # the cue nearest the colon: "whispered to him:"
        cue = cue_at(toks, k)
        if cue is not None:
            phrase = _phrase_for_left_cue(toks, k, cue, lo, colon)
            if phrase is not None:
                return Attribution(phrase, cue, 0.75, source="colon")
    # "Sen. Claire Hale (D-Mo.) scolded him:", "Sanders made the following comment:"
    return Attribution(subject, ":", 0.7, source="colon") if subject is not None else None


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
        opens = _index_at(toks, phrase.phrase_start, r)
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


def _speaks_before(toks: list[Token], phrase: SpeakerPhrase, cue: int) -> bool:
    """Whether ``phrase`` is the subject written just before the verb at ``toks[cue]``
    and its nouns can speak: "the columnist suggested:", "the heckler yelled:"."""
    if cue < 1 or toks[cue - 1].end != phrase.end:
        return False
    return lexicon.names_a_speaker(phrase.text.lower().split())


def _starts_new_sentence(toks: list[Token], ctx: Context, r: int) -> bool:
    """``"...we won." He then left``: a capital after a full stop opens a new sentence."""
    if not ctx.ends_sentence or not toks[r].is_capitalised:
        return False
    return ctx.closing == "." or toks[r].lower in SUBJECT_PRONOUNS
