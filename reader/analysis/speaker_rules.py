"""Rules that find the speaker of one quote from the words around it.

Strongest first: a cue right after the quote (``speaker_right``), ``X: "..."``, the main-clause cue
before the quote in its sentence (``X said the "approaches"``, ``according to X``), a
line labelled ``Name:``, the subject of the sentence, the sentence before.
"""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.speaker_after import phrase_after
from reader.analysis.speaker_clause_marks import (
    _after_spaced_dash,
    _lead_before_aside,
    _passive,
)
from reader.analysis.speaker_context import (
    NOBODY,
    Attribution,
    Context,
    sentence_start,
)
from reader.analysis.speaker_owner import owned_quote
from reader.analysis.speaker_pairs import led_clause_subject, pair_from_first, paired_subject
from reader.analysis.speaker_phrases import (
    LEFT_INVERTIBLE_CUES,
    SpeakerPhrase,
    _nickname_before,
    cue_at,
    phrase_before,
)
from reader.analysis.speaker_right import PRESENT_REPORTS, from_right
from reader.analysis.speaker_stand_ins import clause_after_quotation, subject_behind
from reader.analysis.speaker_subject import (
    DASHES,
    index_at,
    main_clause_start,
    sentence_subject,
)
from reader.analysis.text_units import GAP_TOKEN, QUOTE_TOKEN, Token

# Final: compiled, module constants (these word lists too) are read as C globals
# instead of being looked up by name in the module's dict on every use.
SENTENCE_OPENERS: Final = lexicon.SENTENCE_OPENERS
SUBJECT_PRONOUNS: Final = lexicon.SUBJECT_PRONOUNS
SUBORDINATORS: Final = lexicon.SUBORDINATORS
TIME_WORDS: Final = lexicon.TIME_WORDS
DETERMINERS: Final = lexicon.DETERMINERS
PHRASE_BREAKERS: Final = lexicon.PHRASE_BREAKERS

_LABEL_WORDS: Final = 6  # "Name:" opening a paragraph labels who speaks in it


def attribute_one(toks: list[Token], ctx: Context) -> Attribution | None:
    return (
        from_right(toks, ctx)
        or _from_left(toks, ctx)
        # after any speech verb: "Frazier said Rubio's claim that ... is "not true""
        or owned_quote(toks, ctx.sentence_start, ctx.first)
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
        if _upper_case_label(toks, colon):
            # "WARNING:", "MODERATOR:", "A:": the line is labelled, by no one named; no
            # speaker is borrowed from the paragraph before either
            label = SpeakerPhrase(toks[0].start, toks[colon - 1].end, "", named=False)
            return Attribution(label, "", 0.0, source=NOBODY)
        return None
    return Attribution(phrase, ":", 0.6, source="colon")


def _upper_case_label(toks: list[Token], colon: int) -> bool:
    """Whether the words before ``toks[colon]``, opening the paragraph, are all upper
    case: a transcript's or a page's label ("KELLER:", "EDITOR'S NOTE:")."""
    return all(
        tok.text.isupper() or (not tok.text.isalnum() and tok.text in "'’.-&")
        for tok in toks[:colon]
    ) and any(tok.text.isupper() for tok in toks[:colon])


def _from_sentence_before(toks: list[Token], ctx: Context) -> Attribution | None:
    """``Sam Lau said in a statement. "There are no ballots."``: the sentence before."""
    end = ctx.sentence_start - 1
    if end <= 0 or (toks[end].text == GAP_TOKEN and toks[end].start == toks[end].end):
        return None
    lo = end
    # "Sen. Ted Cruz (R-Tex.), ..., tweeted": a full stop before ")" ends no sentence;
    # nor does the closing mark of a nickname (Marcia "Cia" Price), which quotes no one
    while lo > 0 and (
        not _ends_or_quotes(toks[lo - 1].text)
        or toks[lo].text == ")"
        or _nickname_before(toks, lo - 1, 0) >= 0
    ):
        lo -= 1
    cued = False
    for k in range(lo, end):
        cue = cue_at(toks, k)
        if cue is not None and cue != "according to":
            # '... the station," wrote Time magazine.': the tail of another quotation
            cued = cued or (k > lo and toks[k - 1].text in _BEFORE_INVERTED)
            if k > lo and toks[k - 1].lower in _RELATIVES:
                continue  # "..., of Manchester, who said ...": the relative's own verb
            # '"...," Harry Bond, 30, of Raleigh, who was polled, said. "..."'
            lead = _lead_before_aside(toks, lo, k)
            if lead is not None:
                return Attribution(lead, cue, 0.6, source="borrowed")
            if k == lo + 1 and toks[lo].text == "," and cue in LEFT_INVERTIBLE_CUES:
                # '"...," said Nicky Dunn, 24, who ... . "..."': the name after the verb
                after = phrase_after(toks, k + 1, end)
                if after is not None and after.named:
                    return Attribution(after, cue, 0.6, source="borrowed")
            phrase = phrase_before(toks, k, lo)
            if phrase is not None and (phrase.named or phrase.pronoun):
                phrase = paired_subject(toks, phrase, lo) or phrase
                return Attribution(phrase, cue, 0.6, source="borrowed")
    if ctx.first == ctx.sentence_start and not cued:
        return _subject_just_before(toks, end)
    return None


_NO_QUOTE_ENDS: Final[set[int]] = set()
_BEFORE_INVERTED: Final = frozenset({",", "”", '"', "’", "'"})


def _subject_just_before(toks: list[Token], end: int) -> Attribution | None:
    """ "Sen. Ada Pike (Vt.), who lost the primary, named exhaustion as one reason.
    "...": no verb of speech, but the sentence before, with no quotation in it, is
    about the named person who goes on to speak."""
    lo = sentence_start(toks, end, _NO_QUOTE_ENDS)
    for k in range(lo, end):
        if toks[k].text == QUOTE_TOKEN:
            return None
    subject = sentence_subject(toks, lo, end)
    if subject is None or not subject.named or not subject.person or subject.pronoun:
        return None
    if subject.role is not None and not subject.role[:1].isupper():
        return None  # "the oversized Trump face beaming from billboards": no person
    return Attribution(subject, "", 0.5, source="borrowed")


def _ends_or_quotes(text: str) -> bool:
    """Whether a token's ``text`` is in ``SENTENCE_END`` or is ``QUOTE_TOKEN``: all are
    one character, so most tokens are ruled out by length, the rest by the character's
    code, without hashing the token for a set look-up."""
    if len(text) != 1:
        return False
    c = ord(text[0])
    return c == ord(".") or c == ord("!") or c == ord("?") or c == ord(";") or c == ord('"')


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
    opening = _opening_cue(toks, lo, a, aside=True)
    if opening is not None:
        return opening
    cues: list[tuple[int, str]] = []
    for k in range(lo, a):
        cue = cue_at(toks, k, weak=True)
        if cue is None and toks[k].text in PRESENT_REPORTS and _reports_here(toks, k, lo):
            cue = toks[k].text  # "The ad claims "...": a verb, here, not a noun
        if cue is not None:
            cues.append((k, cue))
    if not cues:
        return None  # most: no clause needs finding, nothing to order
    if len(cues) > 1:
        cues = _without_own_quotations(toks, cues, a)
    # The main verb of the sentence comes first: "Cruz said he is sure Rubio will
    # continue to be "...": the speaker is Cruz, not whoever an inner clause names.
    # A leading clause ("While Clinton noted ..., Trump boasted") is not the main one.
    hosted = _hosted_participle(toks, cues, lo) or _joined_clause(toks, cues, lo, a)
    hosted = hosted or clause_after_quotation(toks, cues, lo)
    if hosted is not None:
        return hosted
    main = main_clause_start(toks, lo, a)
    led = led_clause_subject(toks, cues, lo, main, a)
    if led is not None:
        return led
    # "Rubio suggested ..., while Cruz said that the "...": a later clause of its own
    clause = _last_clause_start(toks, main, a, cues)
    if len(cues) > 1:  # compiled, the key is called through Python: only when it orders
        cues.sort(key=lambda cue: (cue[0] < clause, cue[0] < main))
        cues = _main_verbs_first(toks, cues, lo, a)
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


_PREPOSITIONS: Final = frozenset(
    {"through", "across", "along", "into", "onto", "over", "under", "outside", "inside"}
    | {"near", "past", "around", "toward", "towards", "throughout", "beyond", "behind"}
)  # never "in", "at" or "of": "four in 10 voters", "half of voters in each state"


def _object_of_preposition(toks: list[Token], phrase: SpeakerPhrase, lo: int) -> bool:
    """Whether a preposition stands just before the phrase: it is the object of a
    phrase ("marching through the streets"), not the verb's subject."""
    k = index_at(toks, phrase.phrase_start, lo)
    return k > lo and toks[k - 1].lower in _PREPOSITIONS and not phrase.named


_RELATIVES: Final = frozenset({"who", "whom", "whose", "which"})


def _main_verbs_first(
    toks: list[Token], cues: list[tuple[int, str]], lo: int, a: int
) -> list[tuple[int, str]]:
    """The cues, those inside a relative clause set off by commas last: "Clinton, who
    called Sanders after the winner was declared, told her supporters" reports what
    Clinton told, not what was declared."""
    inside: list[tuple[int, str]] = []
    outside: list[tuple[int, str]] = []
    # "... an architect who said he was stiffed, saying "..."": beside a participle, a
    # relative clause's verb is set apart even with no comma before "who"
    participle = any(cue.endswith("ing") for _, cue in cues)
    for k, cue in cues:
        relative = participle and k > lo and toks[k - 1].lower in _RELATIVES
        (inside if relative or _in_relative_aside(toks, k, lo, a) else outside).append((k, cue))
    return outside + inside if outside and inside else cues


def _in_relative_aside(toks: list[Token], k: int, lo: int, a: int) -> bool:
    """Whether ``toks[k]`` stands in a ", who ... ," clause closed before ``a``."""
    b = k - 1
    while b > lo and toks[b].text != ",":
        b -= 1
    if b <= lo or toks[b + 1].lower not in _RELATIVES:
        return False
    c = k + 1
    while c < a and toks[c].text != ",":  # a loop: compiled, any() runs through Python
        c += 1
    return c < a


def _reports_here(toks: list[Token], k: int, lo: int) -> bool:
    """Whether "claims", "notes" or "states" at ``toks[k]`` is the verb of its clause:
    right after a subject (a name, or a noun that is no determiner or possessive) and
    right before what it reports ("that", the quotation, a colon, "to")."""
    if k <= lo or k + 1 >= len(toks):
        return False
    before, after = toks[k - 1], toks[k + 1]
    if not before.is_word or before.lower in DETERMINERS or before.lower.endswith(("'s", "’s")):
        return False
    if before.lower in PHRASE_BREAKERS:
        return False
    if not (after.text == QUOTE_TOKEN or after.lower in ("that", "to") or after.text == ":"):
        return False
    # the subject opens its clause: "The ad claims", never "a message to his supporters
    # notes", whose subject is the message
    subject = phrase_before(toks, k, lo)
    if subject is None:
        return False
    opens = index_at(toks, subject.phrase_start, lo)
    return opens == lo or toks[opens - 1].text in (",", ";", ":", "—")


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


def _from_subject(toks: list[Token], ctx: Context) -> Attribution | None:
    """``Reid has gone after Trump as a "human leech"``: no cue, but a named subject."""
    lo = ctx.sentence_start
    if ctx.first <= lo:
        return None
    phrase = sentence_subject(toks, lo, ctx.first)
    if phrase is None or phrase.pronoun:
        return None
    if index_at(toks, phrase.end, lo) >= ctx.first:
        return None  # "The so-called "reform" passed": the quote is part of the subject
    if not phrase.named and not lexicon.names_a_speaker(phrase.text.lower().split()):
        # "The promise to "take our country back" appeals to ...": the sentence is about
        # something that cannot speak, so no one nearby is borrowed as its speaker either
        return Attribution(phrase, "", 0.0, source=NOBODY)
    inner = _inner_clause(toks, index_at(toks, phrase.end, lo), ctx.first)
    if inner >= 0:
        # "Republicans were quick to chime in, with Donald Trump tweeting that it was a
        # "disaster"": the clause nearest the quotation has a subject of its own
        other = sentence_subject(toks, inner, ctx.first)
        if other is None or other.pronoun or not other.named:
            return None
        return Attribution(other, "", 0.5, source="subject")
    return Attribution(phrase, "", 0.5, source="subject")


_INNER_OPENERS: Final = frozenset({"while", "whereas", "with", "but"})


def _inner_clause(toks: list[Token], start: int, limit: int) -> int:
    """Where the last ", while|with|but <Name>" clause before ``limit`` begins, its
    subject a capitalised word; -1 when there is none."""
    found = -1
    for k in range(start + 1, limit - 1):
        opener = toks[k].lower in _INNER_OPENERS and toks[k - 1].text == ","
        if opener and toks[k + 1].is_capitalised and toks[k + 1].lower not in SENTENCE_OPENERS:
            found = k + 1
    return found


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
        return _participle_subject(toks, k, lo)
    # "Cory James, 22, of Flint, Mich., said he ...": the name that opens the
    # sentence, not the last item of the aside before the verb
    lead = _lead_before_aside(toks, lo, k)
    if lead is not None:
        return paired_subject(toks, lead, lo) or lead
    phrase = phrase_before(toks, k, lo)
    pair = paired_subject(toks, phrase, lo) if phrase is not None else None
    if pair is None and phrase is not None:
        # "When ..., Ada Pike and Tom Hale called it": the pair opens the main clause
        pair = paired_subject(toks, phrase, main_clause_start(toks, lo, k))
    if pair is not None:
        return pair  # "Ada Pike and Tom Hale wrote that ..."
    if phrase is None and k > lo and toks[k - 1].lower in ("and", ","):
        # "Trump doubled down and said the judge had ...": the sentence's subject
        phrase = sentence_subject(toks, lo, k)
    elif phrase is not None and _object_of_preposition(toks, phrase, lo):
        # "Protesters marching through the streets chanted": the streets say nothing
        phrase = sentence_subject(toks, lo, k)
    elif phrase is not None:
        phrase = subject_behind(toks, phrase, k, lo)  # not "obtained by AP", "in the past"
    # "Said Trump: ..." / "..., wrote Smith:": the speaker after the cue, but only where
    # the cue opens its clause; "and said the judge" names no speaker after it
    opens_clause = k == lo or toks[k - 1].text in (",", ":", "—", "(")
    inverted = cue in LEFT_INVERTIBLE_CUES and k + 1 < limit and toks[k + 1].lower != "that"
    if phrase is None and inverted and opens_clause:
        phrase = phrase_after(toks, k + 1, limit)
    return phrase


# Words that give a participle its own subject just before it: "with Trump yelling",
# "footage of Trump saying".
_PARTICIPLE_HOSTS: Final = frozenset({"with", "of"})
# Words that open a clause after a comma, whose subject a participle at its end takes:
# "The incident came at a rally, when protesters interrupted her, shouting".
_CLAUSE_SUBORDINATORS: Final = frozenset({"when", "while", "as", "after", "because", "since"})


def _without_own_quotations(
    toks: list[Token], cues: list[tuple[int, str]], a: int
) -> list[tuple[int, str]]:
    """The cues but those followed at once by a quotation before ``toks[a]``: "a class
    called "Perception" on his page, writing "..."" names the class by the first; the
    second quotation is what he wrote. All of them when none is left."""
    kept = [(k, cue) for k, cue in cues if not (k + 1 < a and toks[k + 1].text == QUOTE_TOKEN)]
    return kept or cues


def _hosted_participle(
    toks: list[Token], cues: list[tuple[int, str]], lo: int
) -> Attribution | None:
    """The last participle cue when a name is its own subject ("The ad ends with
    footage of Trump saying, "..."): it, not the sentence's main verb, reports."""
    k, cue = cues[-1]
    if not cue.endswith("ing"):
        return None
    phrase = _hosted_subject(toks, k, lo)
    return Attribution(phrase, cue, 0.8) if phrase is not None else None


_CLAUSE_JOINERS: Final = frozenset({"and", "but", "then"})


def _joined_clause(
    toks: list[Token], cues: list[tuple[int, str]], lo: int, a: int
) -> Attribution | None:
    """ "A woman asked for a photo and Clinton said, "..."": the clause joined last, whose
    named subject and verb stand just before the quotation, speaks it."""
    k, cue = cues[-1]
    if len(cues) < 2 or cue.endswith("ing") or k + 2 < a:
        return None
    if k + 1 < a and toks[k + 1].text not in (",", ":"):
        return None
    phrase = phrase_before(toks, k, lo)
    if phrase is None or not phrase.named or phrase.pronoun:
        return None
    opens = index_at(toks, phrase.phrase_start, lo)
    if opens <= lo or toks[opens - 1].lower not in _CLAUSE_JOINERS:
        return None
    return Attribution(phrase, cue, 0.8)


def _hosted_subject(toks: list[Token], k: int, lo: int) -> SpeakerPhrase | None:
    """The name just before the participle at ``toks[k]`` after "with" or "of", or a
    phrase whose nouns can speak ("with the crowd shouting")."""
    phrase = phrase_before(toks, k, lo)
    if phrase is None or phrase.pronoun:
        return None
    if not phrase.named and not lexicon.names_a_speaker(phrase.text.lower().split()):
        return None
    opens = index_at(toks, phrase.start, lo)
    titled = False
    if opens > lo and toks[opens - 1].lower not in _PARTICIPLE_HOSTS and phrase.named:
        # "with Republican Senator Jo Hale telling reporters": the host opens the role
        whole = index_at(toks, phrase.phrase_start, lo)
        titled = whole < opens and whole > lo and toks[whole - 1].lower == "with"
        opens = whole if titled else opens
    if opens <= lo or toks[opens - 1].lower not in _PARTICIPLE_HOSTS:
        return None
    after = index_at(toks, phrase.end, opens)
    if after < k and not (after == k - 1 and toks[after].lower.endswith("ly")):
        return None  # "with CNN, Trump ..., saying": the name is not next to the verb
    if not phrase.named or titled:
        return phrase
    # "footage of Trump": the name alone; the words before it are no role of his
    return SpeakerPhrase(phrase.start, phrase.end, phrase.text, person=phrase.person)


def _participle_subject(toks: list[Token], k: int, lo: int) -> SpeakerPhrase | None:
    """Who speaks by the participle at ``toks[k]`` ("..., saying"): a name written just
    before it after "with" or "of" ("with Trump reportedly yelling:"), else the subject
    of the clause it ends ("..., when protesters interrupted her speech, shouting"),
    else the subject of the sentence."""
    hosted = _hosted_subject(toks, k, lo)
    if hosted is not None:
        return hosted
    if k - 1 > lo and toks[k - 1].lower == "and":
        # "with Trump tweeting that it was a "disaster" and asking, "...": the
        # participle it is joined to (the nearest before it) names who speaks
        for j in range(k - 2, lo, -1):
            if toks[j].text.endswith("ing") and toks[j].text.islower():
                hosted = _hosted_subject(toks, j, lo)
                if hosted is not None:
                    return hosted
                break
    for b in range(k - 2, lo, -1):
        if toks[b].text != ",":
            continue
        if toks[b + 1].lower in _CLAUSE_SUBORDINATORS:
            inner = sentence_subject(toks, b + 2, k) or phrase_after(toks, b + 2, k)
            if inner is not None and _speaks_in_clause(toks, inner, b, k):
                return inner
        break  # the clause just before the participle's comma only
    subject = sentence_subject(toks, lo, k)
    if subject is not None:
        return pair_from_first(toks, subject, lo, k) or subject
    phrase = phrase_before(toks, k, lo)
    return phrase if phrase is not None and phrase.named else None


def _speaks_in_clause(toks: list[Token], phrase: SpeakerPhrase, b: int, k: int) -> bool:
    """Whether ``phrase``, read after ``toks[b]``, ends before ``toks[k]`` and can speak."""
    if phrase.pronoun or index_at(toks, phrase.end, b) >= k:
        return False
    return phrase.named or lexicon.names_a_speaker(phrase.text.lower().split())


def from_colon(toks: list[Token], colon: int, lo: int) -> Attribution | None:
    """``Caddell continued: "..."``, a bare ``Pat Caddell: "..."``, ``More from Jones:``,
    ``his wife whispered to him:``, ``Sanders made the following comment:``."""
    j = colon - 1
    if j < lo:
        return None
    opening = _opening_cue(toks, lo, colon)
    if opening is not None:
        return opening
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
        k = index_at(toks, phrase.phrase_start, lo)
        if k == lo or toks[k - 1].text in DASHES or toks[k - 1].lower == "from":
            return Attribution(phrase, ":", 0.75, source="colon")
        if _after_spaced_dash(toks, index_at(toks, phrase.start, lo), lo):
            # "Polls did better - HuffPollster: "...": a hyphen typed for a dash, which
            # the phrase read back through as if it joined "better-HuffPollster"
            label = SpeakerPhrase(phrase.start, phrase.end, phrase.text, person=phrase.person)
            return Attribution(label, ":", 0.75, source="colon")
    # A cue in a leading clause ("When Trump suggested ..., Rubio fired back:") is not
    # the one that introduces the quotation: the main clause's subject is.
    main = main_clause_start(toks, lo, colon)
    for k in range(j, main - 1, -1):  # the cue nearest the colon: "whispered to him:"
        cue = cue_at(toks, k)
        if cue is not None and k - 1 > main and toks[k - 1].lower in _RELATIVES:
            continue  # "a candidate who promised ...:": the relative clause's own verb
        if cue is not None:
            phrase = _phrase_for_left_cue(toks, k, cue, lo, colon)
            if phrase is not None:
                return Attribution(phrase, cue, 0.75, source="colon")
    # "Sen. Claire Hale (D-Mo.) scolded him:", "Sanders made the following comment:"
    return Attribution(subject, ":", 0.7, source="colon") if subject is not None else None


# Past tenses that open a sentence with the speaker after them: "Continued Stone:".
_OPENING_CUES: Final = LEFT_INVERTIBLE_CUES | frozenset(
    {"stated", "noted", "declared", "replied", "responded", "answered", "concluded", "asked"}
)


def _opening_cue(toks: list[Token], lo: int, colon: int, aside: bool = False) -> Attribution | None:
    """``Continued Stone: "..."``, ``Said Trump:``: a capitalised speech verb opens the
    sentence and a name alone fills it up to the colon. With ``aside``, ``colon`` is the
    quotation and the name may be followed by a comma and an aside: ``Said Dora Pike,
    who grew up with him, "..."``."""
    first = toks[lo]
    if colon - lo < 2 or not first.is_capitalised or first.lower not in _OPENING_CUES:
        return None
    phrase = phrase_after(toks, lo + 1, colon)
    if phrase is None or not phrase.named:
        return None
    if phrase.end == toks[colon - 1].end:
        return Attribution(phrase, first.lower, 0.8, source="colon")
    if not aside or toks[colon - 1].text != ",":
        return None
    after = index_at(toks, phrase.end, lo)
    if after >= colon or toks[after].text != ",":
        return None
    return Attribution(phrase, first.lower, 0.8)


def _speaks_before(toks: list[Token], phrase: SpeakerPhrase, cue: int) -> bool:
    """Whether ``phrase`` is the subject written just before the verb at ``toks[cue]``
    and its nouns can speak: "the columnist suggested:", "the heckler yelled:"."""
    if cue < 1 or toks[cue - 1].end != phrase.end:
        return False
    return lexicon.names_a_speaker(phrase.text.lower().split())
