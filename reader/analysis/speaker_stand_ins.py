"""Words that stand where a speaker would, but do not speak.

Read back from a speech verb, the nearest noun phrase is its subject most of the time,
but not when it is:
- the agent or listener of a participle: "A letter from the Legion obtained by The
  Associated Press warns", "a source speaking to Fox News said": the letter and the
  source give the words; the agency obtained or heard them;
- a phrase of time or place: "Beck, who has in the past described": "the past" says
  nothing, the name read on back past it does;
- the subject of an earlier clause when a later one, after a quotation of its own,
  has a named subject and cue: "Ryan saying he was "encouraged" and Trump calling it
  a "great meeting"": Trump speaks the second.
"""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.lexicon import words
from reader.analysis.speaker_context import Attribution
from reader.analysis.speaker_phrases import SpeakerPhrase, phrase_before
from reader.analysis.speaker_subject import index_at, sentence_subject
from reader.analysis.text_units import QUOTE_TOKEN, Token

_AGENT_PREPOSITIONS: Final = frozenset({"by", "to"})
# Verbs whose "by" or "to" names who received, obtained or heard the words, not who
# gives them ("sent by", "written by" name the author, so are left out).
_RECEIVING_VERBS: Final = frozenset(
    words(
        "obtained provided leaked shown given reviewed seen speaking talking spoke talked "
        "reported quoted cited"
    )
)
_PLACE_PREPOSITIONS: Final = frozenset({"in", "at", "on", "during", "since"})
_CLAUSE_JOINERS: Final = frozenset({"and", "but", "while"})


def subject_behind(
    toks: list[Token], phrase: SpeakerPhrase, cue: int, lo: int
) -> SpeakerPhrase | None:
    """The speaker of the cue at ``toks[cue]`` when ``phrase``, read just before it,
    is an agent or a phrase of time; else ``phrase`` itself."""
    k = index_at(toks, phrase.phrase_start, lo)
    if k <= lo:
        return phrase
    before = toks[k - 1].lower
    if before in _AGENT_PREPOSITIONS and k - 2 > lo and toks[k - 2].lower in _RECEIVING_VERBS:
        found = phrase_before(toks, k - 2, lo)
        if found is None or found.pronoun:
            found = sentence_subject(toks, lo, cue)
        return found
    if (
        before in _PLACE_PREPOSITIONS
        and not phrase.named
        and not lexicon.names_a_speaker(phrase.text.lower().split())
    ):
        # read on back past the phrase: "McConnell, now the leader, who in 2010 said"
        subject = phrase_before(toks, k - 1, lo)
        if subject is None or not subject.named:
            subject = _before_who(toks, k - 2, lo)
        if subject is not None and subject.named:
            return subject
    return phrase


def _before_who(toks: list[Token], j: int, lo: int) -> SpeakerPhrase | None:
    """The phrase before ", who" read back from ``toks[j]`` past words like "has":
    "Beck, who has"."""
    while j > lo and toks[j].lower in lexicon.SKIPPABLE_BEFORE_CUE:
        j -= 1
    if j - 1 <= lo or toks[j].lower != "who" or toks[j - 1].text != ",":
        return None
    return phrase_before(toks, j - 1, lo)


def clause_after_quotation(
    toks: list[Token], cues: list[tuple[int, str]], lo: int
) -> Attribution | None:
    """The last cue's named subject, when a clause joined by "and", "but" or "while"
    opens with it after an earlier quotation of the sentence, and the cue before stands
    before that quotation: the earlier cue reports the earlier quotation."""
    k, cue = cues[-1]
    if len(cues) < 2 or cues[-2][0] > k:
        return None
    earlier = k - 1
    while earlier > lo and toks[earlier].text != QUOTE_TOKEN:
        earlier -= 1
    if earlier <= lo or cues[-2][0] > earlier:
        return None  # no quotation between this cue and the one before it
    phrase = phrase_before(toks, k, earlier + 1)
    if phrase is None or not phrase.named or phrase.pronoun:
        return None
    opens = index_at(toks, phrase.phrase_start, lo)
    if opens - 1 <= earlier or toks[opens - 1].lower not in _CLAUSE_JOINERS:
        return None
    return Attribution(phrase, cue, 0.8)
