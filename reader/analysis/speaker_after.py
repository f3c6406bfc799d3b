"""The speaker phrase that follows a speech cue: ``said [Deputy Minister Sergei Ryabkov]``.

Read forward from the word after the cue (or a sentence's first word) to where the
phrase ends, then split into role and name by ``speaker_phrases.split_phrase``.
"""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.lexicon import words
from reader.analysis.nicknames import nickname_end
from reader.analysis.speaker_phrases import (
    DETERMINERS,
    LEFT_INVERTIBLE_CUES,
    NAME_JOINERS,
    PERSON_NOUNS,
    PHRASE_BREAKERS,
    PLURAL_SPEAKERS,
    ROLE_NOUNS,
    SENTENCE_OPENERS,
    SPEAKING_PEOPLE,
    SPEECH_CUES,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    SpeakerPhrase,
    is_word,
    pronoun_phrase,
    split_phrase,
)
from reader.analysis.text_units import QUOTE_TOKEN, Token, is_possessive

# Made once: written inline, the difference was a new set built at every use.
_OPENERS_NOT_DETERMINERS: Final = SENTENCE_OPENERS - DETERMINERS
_MAX_PHRASE: Final = 10
_MAX_LOWER: Final = 4
_BEFORE_INVERTED: Final = frozenset({",", QUOTE_TOKEN})
_CLOSE_INVERTED: Final = frozenset({",", ".", ";"})


def phrase_after(toks: list[Token], i: int, hi: int) -> SpeakerPhrase | None:
    """The speaker phrase that starts at ``toks[i]``: ``said [the senator]``."""
    if i < hi and toks[i].lower in SUBJECT_PRONOUNS and toks[i].lower != "it":
        return pronoun_phrase(toks[i])
    k = i
    skipped: list[int] = []
    seen_name = False
    lower_words = 0
    while k < hi and k - i < _MAX_PHRASE:
        tok = toks[k]
        word = tok.lower
        if not is_word(tok):
            nickname = nickname_end(toks, k, hi) if seen_name else -1
            if nickname > 0:
                skipped.extend(range(k, nickname))  # Dwayne "The Rock" Johnson
                k = nickname
                continue
            if tok.text == "/" and k > i and toks[k - 1].text.isdigit():
                k += 1  # "said 9/11 widow Terry Strada": a date as a modifier
                continue
            break
        if tok.is_capitalised and not (k == i and word in DETERMINERS):
            if word in SPEECH_CUES or (k == i and word in _OPENERS_NOT_DETERMINERS):
                break
            if not seen_name and _role_follows(toks, k + 1, hi):
                # "said Republican political consultant Chris Russell", "said Labour
                # party boss ...": the party, nationality or body qualifies the role;
                # the name comes after it
                k += 1
                continue
            seen_name = True
        elif (word in DETERMINERS and k == i) or (
            word in NAME_JOINERS and k + 1 < hi and toks[k + 1].is_capitalised and k > i
        ):
            pass
        elif seen_name and (word in TITLE_WORDS or word in ROLE_NOUNS):
            pass  # "one Sanders supporter", "Clinton campaign manager Robby Mook"
        elif seen_name and word in PLURAL_SPEAKERS:
            # "Sanders protesters interrupted ..., shouting": the group, not the name
            pass
        elif seen_name and _named_modifier_head(toks, i, k, hi):
            pass  # "a Wednesday editorial", "a 2008 Clinton veteran": a nominal phrase
        elif k == i + 1 and is_possessive(toks[i].text) and lexicon.names_a_speaker([word]):
            pass  # "Hale's family", "Hale's lawyers": the noun after the name speaks
        elif seen_name or word in PHRASE_BREAKERS or word in SPEECH_CUES:
            if seen_name and toks[i].lower in DETERMINERS:
                # "said a former U.S. law enforcement official who ...": the capitalised
                # word is a modifier; the phrase runs on to its noun
                k = _speaker_noun_ahead(toks, k, hi)
            break
        else:
            if not seen_name and k > i and _verb_after_head(toks, k):
                break  # "A staffer emailed Mills ...": the staffer, not a role of Mills
            lower_words += 1
            if lower_words > _MAX_LOWER:
                break
        k += 1
    # Trailing determiners and joiners dropped by index: one slice, not one per word.
    while k > i and (toks[k - 1].lower in DETERMINERS or toks[k - 1].lower in NAME_JOINERS):
        k -= 1
    if k <= i:
        return None
    if skipped:
        return split_phrase([toks[n] for n in range(i, k) if n not in skipped])
    return split_phrase(toks[i:k])


def _is_head(word: str) -> bool:
    """Whether ``word`` is a noun for someone or something that can speak."""
    return (
        word in ROLE_NOUNS
        or word in PERSON_NOUNS
        or word in TITLE_WORDS
        or word in SPEAKING_PEOPLE
        or lexicon.names_a_speaker([word])
    )


# Words that carry the phrase on past its noun: "a man named", "a spokesman for".
_HEAD_GOES_ON: Final = frozenset({"of", "named", "for", "at", "to"})


def _verb_after_head(toks: list[Token], k: int) -> bool:
    """Whether the lower-case word at ``toks[k]`` follows a noun that can speak and can
    itself be no part of a role: "A staffer emailed Mills", "The board saw Fiorina"."""
    before = toks[k - 1]
    word = toks[k].lower
    if not before.text.islower() or not toks[k].text.islower() or word in _HEAD_GOES_ON:
        return False
    # the shape first: it turns down most words without the look-ups of _is_head
    if word not in _IRREGULAR_PASTS and not (len(word) > 3 and word.endswith(_VERB_ENDINGS)):
        return False
    return _is_head(before.lower) and not _is_head(word)


# A verb after the noun, by its ending ("emailed", "accuses") or a common past tense.
_VERB_ENDINGS: Final = ("ed", "es", "ts", "ds", "ns", "ks", "ps", "ys")
_IRREGULAR_PASTS: Final = frozenset(
    words("saw held put made took gave sent met won lost led ran wrote told spoke brought")
)


_NOUN_REACH: Final = 3  # lower-case words between a capitalised modifier and its noun


def _speaker_noun_ahead(toks: list[Token], k: int, hi: int) -> int:
    """Where a nominal phrase ends whose capitalised modifier stands just before
    ``toks[k]``: past a noun that can speak within a few plain lower-case words, when
    the phrase ends there (a mark, "who", the end); else ``k``, cut as before."""
    for n in range(k, min(hi, k + _NOUN_REACH)):
        tok = toks[n]
        word = tok.lower
        if not is_word(tok) or not tok.text.islower() or word in PHRASE_BREAKERS:
            return k
        speaks = lexicon.names_a_speaker([word])  # "the family", though it ends in "ly"
        if (
            word in SPEECH_CUES
            or word in DETERMINERS
            or (word.endswith(("ed", "ly")) and not speaks)
        ):
            return k
        if speaks:
            after = toks[n + 1] if n + 1 < hi else None
            if after is None or not is_word(after) or after.lower in PHRASE_BREAKERS:
                return n + 1
    return k


def _named_modifier_head(toks: list[Token], i: int, k: int, hi: int) -> bool:
    """Whether ``toks[k]`` is the noun that ends "a|the <Names or numbers> <noun>": a
    determiner opens the phrase, only capitalised words or numbers stand between, the
    noun can speak, and no lower-case word follows it ("a former U.S. law" is cut)."""
    if toks[i].lower not in DETERMINERS or not lexicon.names_a_speaker([toks[k].lower]):
        return False
    for n in range(i + 1, k):
        if not (toks[n].is_capitalised or toks[n].text[:1].isdigit()):
            return False
    if k + 1 < hi:
        after = toks[k + 1]
        if is_word(after) and after.text.islower() and after.lower not in PHRASE_BREAKERS:
            return False
    return True


_ROLE_WORDS_AHEAD: Final = 3


def _role_follows(toks: list[Token], k: int, hi: int) -> bool:
    """Whether a role noun, then a capitalised name, follows within a few lower-case
    words from ``toks[k]``: "political consultant Chris Russell", "party boss Reince
    Priebus" (the role noun is the last lower-case word, right before the name)."""
    n = k
    while n < hi and n - k < _ROLE_WORDS_AHEAD and is_word(toks[n]) and toks[n].text.islower():
        word = toks[n].lower
        role = word in TITLE_WORDS or word in ROLE_NOUNS or word in PERSON_NOUNS
        if (role or word in SPEAKING_PEOPLE) and n + 1 < hi and toks[n + 1].is_capitalised:
            return True
        if role:
            return False
        n += 1
    return False


def person_after(toks: list[Token], k: int, cue: str) -> SpeakerPhrase | None:
    """The named person an inverted report puts after its cue at ``toks[k]``: ", said
    Alan Abramowitz, a demographer." (a name that closes its clause), never ", said
    Trump will win"."""
    if cue not in LEFT_INVERTIBLE_CUES or k == 0 or toks[k - 1].text not in _BEFORE_INVERTED:
        return None
    after = phrase_after(toks, k + 1, len(toks))
    if after is None or not after.named or not after.person or after.pronoun:
        return None
    end = k + 1
    while end < len(toks) and toks[end].start < after.end:
        end += 1
    return after if end >= len(toks) or toks[end].text in _CLOSE_INVERTED else None
