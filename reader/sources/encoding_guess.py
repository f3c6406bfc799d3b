"""Which encoding bytes that are not UTF-8 were written in: charset-normalizer, with a prior.

charset-normalizer weighs each candidate by how messy its reading is and how much it
looks like a known language. On a few words it has no evidence either way: a dozen
encodings read "Smörgåsbord för alla" without mess, and among equals it prefers a
multi-byte one, so the headline opens as Chinese. There the prior of a news reader
decides: Windows-1252 (what a Western newsroom's files are when they are not UTF-8),
as long as its reading looks like Western words, not the letters of another script
scattered over Latin ones. When the detector has real evidence it decides.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch, CharsetMatches

# What charset-normalizer may choose from: the encodings news text is actually found
# in. Left to weigh every code page, it reads a short Western story as Baltic DOS text.
CANDIDATES = (
    "cp1252", "latin_1", "iso8859_15",  # Western Europe
    "cp1250", "iso8859_2",  # Central Europe
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic",  # Cyrillic
    "cp1253", "iso8859_7",  # Greek
    "cp1254", "iso8859_9",  # Turkish
    "cp1255", "iso8859_8",  # Hebrew
    "cp1256", "iso8859_6",  # Arabic
    "cp1257", "iso8859_13",  # Baltic
    "cp1258",  # Vietnamese
    "cp874",  # Thai
    "shift_jis", "cp932", "euc_jp",  # Japanese
    "gb18030", "big5", "big5hkscs",  # Chinese
    "euc_kr", "cp949",  # Korean
)  # fmt: skip

# charset-normalizer's own sense of "as messy" (CharsetMatch.__lt__), a coherence below
# which it has not recognised any language, and one within which two readings are equals.
_SAME_CHAOS = 0.005
_SURE_COHERENCE = 0.2
_CLOSE_COHERENCE = 0.05
# Below this, the language found is a hint, not a verdict: two lines of Swedish read as
# Romanian (0.37) in Windows-1250 and Windows-1252 alike.
_FIRM_COHERENCE = 0.5
# The languages charset-normalizer knows that Windows-1252 was made for.
_WESTERN_LANGUAGES = frozenset(
    [
        "Danish",
        "Dutch",
        "English",
        "Finnish",
        "French",
        "German",
        "Indonesian",
        "Italian",
        "Norwegian",
        "Portuguese",
        "Spanish",
        "Swedish",
    ]
)

# Marks Western typing puts anywhere in or around a word: quotes, dashes, the ellipsis,
# inverted Spanish marks, the acute accent some keyboards type for an apostrophe.
_PUNCTUATION = frozenset("“”‘’‚„«»‹›–—…•·¡¿´\xad")
# Signs that stand beside numbers and words but are never part of one: a "£" before a
# lowercase letter is a Polish "Ł" read as Windows-1252, a "³" inside a word an "ł".
_SIGNS = frozenset("€£¥¢°§©®™±×÷½¼¾¹²³µ¶ªº")
# Letters Windows-1252 has that Western text hardly uses, but the misreading of
# another script produces: Ÿ is a Central European ź, ƒ and ˆ come from Cyrillic.
_UNLIKELY_LETTERS = frozenset("Ÿƒˆ")
# The accented letters of the languages Windows-1252 was made for, one set a language
# (Dutch and English take theirs from French; Finnish writes š and ž in names and loans).
# A word read as Western uses the letters of one of them: "Müller", "Muñoz", "Ørsted";
# "közgyûlés" (Hungarian "közgyűlés" in Windows-1252) mixes German ö with French û,
# and "zavøený" (Czech "zavřený") Danish ø with Icelandic ý.
_WESTERN_ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áéíñóúü",  # Spanish
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóù",  # Italian
        "àçéèíïòóúü",  # Catalan
        "áéíóúàèëïöü",  # Dutch
        "æøåéó",  # Danish, Norwegian
        "åäöéšž",  # Swedish, Finnish
        "áðéíóúýþæö",  # Icelandic
    )
)
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_TOKEN_WITH_NON_ASCII = re.compile(r"\S*[^\x00-\x7f]\S*")
_ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_EDGE_MARKS = _ASCII_PUNCTUATION + "".join(_PUNCTUATION)


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _western_token(token: str) -> bool:
    """Whether one whitespace-delimited piece of a Windows-1252 reading is a Western word."""
    core = token.strip(_EDGE_MARKS)
    if len(core) <= 1:
        return not core or core.isalpha() or core in _SIGNS  # "à", "é", "€" stand alone
    if not any(_is_ascii_alnum(char) for char in core):
        return False  # a word of accented letters or signs only is another script misread
    for index, char in enumerate(core):
        if char.isascii() or char in _PUNCTUATION:
            continue
        if char.isalpha() and unicodedata.category(char) in ("Lu", "Ll"):
            if char in _UNLIKELY_LETTERS:
                return False
            continue
        if char not in _SIGNS:
            return False
        after = core[index + 1] if index + 1 < len(core) else ""
        before = core[index - 1] if index else ""
        if after.islower() or (before.isalpha() and after.isalpha()):
            return False  # a sign inside a word stands for a letter of another code page
    return all(_one_alphabet(run) for run in _LETTER_RUN.findall(core))


def _one_alphabet(word: str) -> bool:
    accented = {char for char in word.lower() if not char.isascii() and char.isalpha()}
    return not accented or any(accented <= alphabet for alphabet in _WESTERN_ALPHABETS)


def reads_as_western(text: str) -> bool:
    """Whether every word with a non-ASCII character looks like Western European writing."""
    return all(_western_token(match.group()) for match in _TOKEN_WITH_NON_ASCII.finditer(text))


def _cyrillic_word(part: str) -> bool:
    """Cyrillic letters only, cased as words are written: "мост", "Мост", "МОСТ"."""
    return (
        part.isalpha()
        and all("\u0400" <= char <= "\u04ff" for char in part)
        and (part.islower() or part.isupper() or part.istitle())
    )


def reads_as_cyrillic(text: str) -> bool:
    """Whether every word with a non-ASCII character is a Cyrillic word, cased as words are.

    Windows-1251 read as KOI8-R (and the other way round) swaps capitals and small
    letters inside words, and a CJK text read as either scatters them at random.
    """
    found = False
    for match in _TOKEN_WITH_NON_ASCII.finditer(text):
        core = match.group().strip(_EDGE_MARKS + "№")
        if not core:
            continue
        if not all(_cyrillic_word(part) for part in core.split("-")):
            return False
        found = True
    return found


_HIRAGANA = re.compile("[\u3041-\u309f]")
_HALFWIDTH_KATAKANA = re.compile("[\uff61-\uff9f]")


def reads_as_japanese(text: str) -> bool:
    """Whether the reading has hiragana, which Japanese sentences all but always do, and no
    half-width katakana, which is what Chinese or Korean bytes turn into in Shift_JIS."""
    return bool(_HIRAGANA.search(text)) and not _HALFWIDTH_KATAKANA.search(text)


# Latin-1 counts: a Western file with a byte Windows-1252 lacks can only be read by it.
_WESTERN_CODECS = frozenset(("cp1252", "latin_1"))


def _undecided(best: CharsetMatch, matches: CharsetMatches) -> bool:
    """Whether charset-normalizer had no evidence, or a Western reading came within a
    hair of the best one with a Western language on either side: three French
    sentences read as Croatian in Windows-1250 (0.71) and as Italian in Windows-1252
    (0.67). A Czech story reads as Czech both ways, and there the language decides."""
    if best.coherence < _SURE_COHERENCE:
        return True
    western_side = bool(_WESTERN_LANGUAGES & {best.language}) or best.coherence < _FIRM_COHERENCE
    return any(
        not _WESTERN_CODECS.isdisjoint(match.could_be_from_charset)
        and (western_side or match.language in _WESTERN_LANGUAGES)
        and match.chaos - best.chaos < _SAME_CHAOS
        and best.coherence - match.coherence <= _CLOSE_COHERENCE
        for match in matches
    )


_PRIOR_BYTES = 8 * 1024


def _opening(data: bytes) -> bytes:
    """The first few KB, cut after a line (a newline byte is never inside a character
    of the multi-byte encodings above)."""
    if len(data) <= _PRIOR_BYTES:
        return data
    cut = data.rfind(b"\n", 0, _PRIOR_BYTES)
    return data[: cut + 1] if cut > 0 else data[:_PRIOR_BYTES]


def likeliest_codec(data: bytes) -> str:
    """The Python codec charset-normalizer finds likeliest for ``data``, with the prior above."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=list(CANDIDATES))
    best = matches.best()
    if best is None or "cp1252" in best.could_be_from_charset:
        return "cp1252"  # reads the same: call it by the name Western text goes by
    if _undecided(best, matches):
        # The Western, Cyrillic and Japanese code pages news archives are full of, in
        # that order, each only if its reading looks like the script it is made for.
        # A few KB show that (the word checks run in Python: 60 ms on 64 KB).
        opening = _opening(data)
        for codec, looks_right in _PRIORS:
            try:
                reading = opening.decode(codec)
            except UnicodeDecodeError:
                continue
            if looks_right(reading):
                return codec
    return best.encoding


_PRIORS = (
    ("cp1252", reads_as_western),
    ("cp1251", reads_as_cyrillic),
    ("koi8_r", reads_as_cyrillic),
    ("koi8_u", reads_as_cyrillic),  # its Ukrainian letters are box drawing in KOI8-R
    ("cp932", reads_as_japanese),
    ("euc_jp", reads_as_japanese),
)
