"""Small reads of the clause around a speech verb: a passive verb (its subject is spoken to),
a label set apart by a spaced dash, the name that opens a clause before an aside."""

from __future__ import annotations

from typing import Final

from reader.analysis.speaker_phrases import SpeakerPhrase
from reader.analysis.speaker_right import name_before_aside
from reader.analysis.speaker_subject import DASHES
from reader.analysis.text_units import Token

_PASSIVE_CUES: Final = frozenset({"asked", "told", "questioned", "pressed"})
_BE_FORMS: Final = frozenset({"was", "were", "is", "are", "been", "being", "be"})


def _passive(toks: list[Token], k: int, cue: str, lo: int) -> bool:
    """Whether the cue at ``toks[k]`` is a passive ("was asked", "were told"): its
    subject is the one spoken to."""
    return cue in _PASSIVE_CUES and k - 1 >= lo and toks[k - 1].lower in _BE_FORMS


def _after_spaced_dash(toks: list[Token], k: int, lo: int) -> bool:
    """Whether ``toks[k]`` follows a dash with a space on each side ("caucus - Name"),
    which sets a label apart, unlike the hyphen of "Coca-Cola"."""
    if k - 2 < lo or toks[k - 1].text not in DASHES:
        return False
    dash = toks[k - 1]
    return toks[k - 2].end < dash.start and dash.end < toks[k].start


def _lead_before_aside(toks: list[Token], lo: int, k: int) -> SpeakerPhrase | None:
    """The name that opens the clause from ``lo`` when an aside ends in a comma just
    before the speech verb at ``k``."""
    if k <= lo or toks[k - 1].text != ",":
        return None
    first = lo
    while first < k and not toks[first].is_word:
        first += 1
    return name_before_aside(toks, first, k)
