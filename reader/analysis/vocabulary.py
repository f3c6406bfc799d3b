"""The words that both halves of the analysis read names by: one list of each.

The tokeniser, the name finder and the speaker finder all ask whether a full stop ends
an abbreviation, which small words sit inside a name, and which last words make a
name an organisation. They ask here, so a word added to a list counts everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

# Beside this module (compiled or not): importlib.resources would cost the first
# analysis of a process ~8 ms to import, for files that are always right here.
DATA_DIR: Final = Path(__file__).resolve().parent / "data"


def data_words(name: str) -> frozenset[str]:
    """The words of ``reader/analysis/data/NAME``, one a line, without comment lines."""
    text = (DATA_DIR / name).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and line[0] != "#")


def _words(block: str) -> list[str]:
    return block.split()


# Abbreviations that end in a full stop without ending the sentence, lower case and
# without their full stop ("Sen.", "Calif.", "U.S."); the months apart, as no name ever
# holds one ("Feb." is read as the common word it is).
ABBREVIATIONS: Final = frozenset(
    _words(
        """mr mrs ms dr sen rep gov gen lt col sgt capt maj adm cpl pvt prof jr sr st mt rev
hon pres atty supt cmdr gens reps sens vs inc corp co ltd bros no u.s u.n u.k d.c etc e.g
i.e ft dept univ calif fla penn ariz mich conn del"""
    )
)
MONTH_ABBREVIATIONS: Final = frozenset(_words("jan feb mar apr aug sept sep oct nov dec"))
ABBREVIATIONS_WITH_MONTHS: Final = ABBREVIATIONS | MONTH_ABBREVIATIONS

# Initials and dotted acronyms longer than this are no abbreviation ("U.S.A." is six).
_MAX_DOTTED: Final = 8


def is_abbreviation(word: str) -> bool:
    """Whether the full stop that ends ``word`` belongs to it rather than ending a sentence:
    a known abbreviation ("Mr.", "Calif."), an initial ("J."), a dotted acronym ("U.S.")."""
    if len(word) == 2 or (word.count(".") >= 2 and len(word) <= _MAX_DOTTED):
        return True
    return word[:-1].lower() in ABBREVIATIONS_WITH_MONTHS


# Lower-case words a person's name can carry inside it ("Charles de Gaulle", "Ludwig van
# Beethoven", "Osama bin Laden"); all of them are lower-case a-z.
NAME_PARTICLES: Final = frozenset(
    _words("de del della der den di da do dos das du van von la le al el bin ibn y")
)

# Words that join the parts of one name in a speaker phrase ("Secretary of State",
# "St. Louis"): the particles and the joiners of titles.
NAME_JOINERS: Final = NAME_PARTICLES | {"of", "st."}

# The last word of an organisation's name ("Lune Ferries Ltd", "Labour Party"), the file
# the name finder reads too, and the words news uses for the press and for statements:
# "the Kremlin said", "the newspaper reported", "a statement from the council".
ORG_LAST_WORDS: Final = data_words("org_suffixes.txt") | frozenset(
    _words(
        """campaign center centre daily guardian house kremlin league magazine newspaper
paper report review statement tv website weekly"""
    )
)
