"""What kind of quotation a quote is: speech, or a scare quote, title or nickname."""

from __future__ import annotations

import re
from typing import Final

from reader.analysis.lexicon import SPEECH_CUES, words
from reader.analysis.quotes import MarkedQuote

_TITLE_WORDS: Final = 6
# Share of a headline's longer words (small words like "with" and "from" aside) that
# Title Case capitalises: verbs too ("Says", "Backs"); a sentence naming a few people
# keeps its verbs and clauses in lower case ("backed", "while", "said").
_HEADLINE_CAPITALS: Final = 0.8
_SUBHEAD_WORDS: Final = 10
# "&" joins a title's words as "and" does: "Fox & Friends".
_TITLE_SMALL_WORDS: Final = frozenset(
    words("a an the and or nor but of in on at to for with from into over upon by as vs &")
)
_TITLE_INTRODUCERS: Final = frozenset(
    words(
        "of on titled entitled dubbed named show program programme film movie book documentary "
        "series episode album song play novel memoir podcast column commentary essay op-ed"
    )
)
# A Title Case quote right after these is a name: the show or paper someone spoke on,
# in or with, or was told by ("told "Fox and Friends,"", "in an interview with "Fox
# News Sunday.""); speech follows a comma, a colon or "that", not a bare preposition.
_TITLE_PLACES: Final = frozenset(words("told with on in at into onto"))
_LONGEST_SMALL_WORD: Final = max(len(word) for word in _TITLE_SMALL_WORDS)
_MARKS_AND_PUNCT: Final = "\"'“”‘’«»„‚‹›.,;:!? \n"


def is_headline(text: str, para: tuple[int, int]) -> bool:
    """A Title Case line, where capitals say nothing about titles or nicknames.

    Words are read without their marks, so a quotation or a bracket opening a word
    says nothing; a sentence holding a few names ("Rep. Chris Shays (R-Conn.) was pro
    John Kasich ... on MSNBC's "Morning Joe."") is not a headline."""
    line = text[para[0] : min(para[1], para[0] + 400)]
    words = [w.strip(_MARKS_AND_PUNCT + "()[]") for w in line.split()]
    words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    words = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    capitals = sum(1 for w in words if w[:1].isupper())
    return bool(words) and capitals >= _HEADLINE_CAPITALS * len(words)


def is_title_line(text: str, para: tuple[int, int]) -> bool:
    """A headline or title line: short, and every longer word capitalised ("Council
    Calls Harbour Bridge Repairs 'Urgent' as Ferry Queues Grow"), stricter than
    ``is_headline`` so a sentence with a few names in it is not taken for one."""
    words = text[para[0] : min(para[1], para[0] + 300)].split()
    if not words or len(words) > 30:
        return False
    long = [w.strip(_MARKS_AND_PUNCT) for w in words]
    long = [w for w in long if len(w) > 3]
    capitals = sum(1 for w in long if w[:1].isupper() or w[:1].isdigit())
    return bool(long) and capitals >= 0.9 * len(long)


def looks_like_a_title(text: str, q: MarkedQuote) -> bool:
    """``"Face the Nation,"``: a short quote in Title Case is a title, not speech.

    Every word but the small ones (the, of, with ...) must be capitalised, so a short
    sentence such as "Neither do I." stays speech.
    """
    if text.count(" ", q.start, q.end) > 2 * _TITLE_WORDS:
        return False  # far too long for a title; spares reading long quotes word by word
    return _title_words(text, q.start, q.end, _TITLE_WORDS) > 0


def stands_as_a_sentence(text: str, q: MarkedQuote) -> bool:
    """``... Alicia Powe wrote. "Blacklisted?"``: a quote that opens a sentence and ends
    it inside its marks is a sentence someone said, however capitalised; a title sits
    inside a sentence ("on the podcast "Harbour Lights."")."""
    inner = text[q.start : q.end].rstrip("\"'“”‘’»« ")
    if not inner.endswith((".", "?", "!")):
        return False
    k = q.start - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    return k < 0 or text[k] in ".?!\n"


def _title_words(text: str, start: int, end: int, most: int) -> int:
    """How many words of ``text[start:end]`` are not small words, when each opens with
    a capital or a digit and there are ``most`` at most; else -1.

    The words are read in place, one at a time, as ``split()`` and
    ``strip(_MARKS_AND_PUNCT)`` would cut them, up to the first that rules the quote
    out: splitting the whole quote up front made a string of every word in it.
    """
    count = 0
    k = start
    while k < end:
        while k < end and _is_space(text, k):
            k += 1
        if k >= end:
            break
        stop = k + 1
        while stop < end and not _is_space(text, stop):
            stop += 1
        first = k
        last = stop
        k = stop
        while first < last and _is_mark(ord(text[first])):
            first += 1
        while last > first and _is_mark(ord(text[last - 1])):
            last -= 1
        if first == last:
            continue
        # Lowering never makes a word shorter: only a word as short as the longest
        # small word can be one.
        if last - first <= _LONGEST_SMALL_WORD and text[first:last].lower() in _TITLE_SMALL_WORDS:
            continue
        if not _capital_or_digit(text, first):
            return -1
        count += 1
        if count > most:
            return -1
    return count


def _is_space(text: str, k: int) -> bool:
    """Whether ``text[k]`` is white space as ``str.split()`` sees it; ASCII decided by
    its code (compiled, no one-character string or method call)."""
    c = ord(text[k])
    if c < 128:
        return c == 32 or 9 <= c <= 13 or 28 <= c <= 31
    return text[k].isspace()


def _is_mark(c: int) -> bool:
    """Whether the character with code ``c`` is in ``_MARKS_AND_PUNCT``: compared as
    numbers, as ``in`` on the string makes a one-character string to look for."""
    if c < 128:
        return c in (34, 39, 46, 44, 59, 58, 33, 63, 32, 10)  # " ' . , ; : ! ? space \n
    return c in (0xAB, 0xBB, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A)


def _capital_or_digit(text: str, k: int) -> bool:
    """Whether ``text[k]`` is a capital or a digit."""
    first = ord(text[k])
    if first < 128:  # decided by its code: compiled, no one-letter string or method call
        return 65 <= first <= 90 or 48 <= first <= 57
    return text[k].isupper() or text[k].isdigit()


def named_as_a_title(text: str, q: MarkedQuote) -> bool:
    """``the show "Fox News Sunday,"``, ``CBS's "Face the Nation"``: introduced as a title."""
    before = text[max(0, q.start - 30) : q.start].split()
    if not before:
        return False
    word = before[-1].lower().rstrip(",")
    if word in _TITLE_PLACES and before[-1] == word and text[q.start - 1] == " ":
        return True
    return word in _TITLE_INTRODUCERS or word.endswith(("'s", "’s"))


_PHRASE_OPENERS: Final = frozenset(words("the a an his her their its our my your this these those"))


def follows_a_determiner(text: str, q: MarkedQuote) -> bool:
    """``the "War On Drugs"``, ``a "targeted employment area,"``, ``his "Keepin' It
    Real" program``: a short quote right after a determiner is a noun phrase the writer
    marks (a name, a title, a term), not words someone is quoted as saying."""
    spaces = text.count(" ", q.start, q.end)
    if spaces == 0 or spaces >= _TITLE_WORDS:
        return False  # one word ("a "Stalinist"") is as often the speaker's own epithet
    before = text[max(0, q.start - 12) : q.start]
    if not before.endswith((" ", "\n")):
        return False
    words_before = before.split()
    return bool(words_before) and words_before[-1].lower() in _PHRASE_OPENERS


def is_subhead(text: str, q: MarkedQuote, para: tuple[int, int]) -> bool:
    """A paragraph that is only a short quotation in Title Case, or in single marks: a
    section heading.

    ``'Coal Isn't the Villain.'`` between two paragraphs titles what follows; nobody is
    quoted. Single marks around a whole paragraph are the headline style of US news
    (``'A really tough decision.'``), where speech in the body takes double marks. The
    story's own headline (its first paragraph) is left alone unless so marked.
    """
    single = _single_marked(text, q)
    if q.paragraph == 0 and not single:
        return False
    start, end = para
    if start <= q.start <= q.end <= end and (
        (q.start > start and not text[start].isspace())
        or (q.end < end and not text[end - 1].isspace())
    ):
        return False  # other words share the paragraph; spares copying it to compare
    if text[start:end].strip() != text[q.start : q.end].strip():
        return False
    if single and text.count(" ", q.start, q.end) < _SUBHEAD_WORDS:
        return True
    return q.paragraph > 0 and _title_words(text, q.start, q.end, _SUBHEAD_WORDS) > 0


def is_stage_direction(text: str, q: MarkedQuote) -> bool:
    """``"(CROSSTALK.)``, ``"[Applause]"``: a transcript's note in brackets, quoted with
    the transcript around it, is what happened, not what anyone said."""
    inner = text[q.start : q.end].strip(_MARKS_AND_PUNCT + "—–-")
    if len(inner) < 3 or inner[0] not in "([" or inner[-1] not in ")]":
        return False
    return not any(c in inner[1:-1] for c in "()[]")


_BYLINE_REACH: Final = 40  # characters after the quote read for its ", by Name" byline
_DASHES: Final = "—–―-"


def is_cited_headline(text: str, q: MarkedQuote, para: tuple[int, int]) -> bool:
    """``—"Met accused of whitewashing a painting," by Post's Ann Lee: "..."``: a
    headline cited in a digest or a reading list, its comma inside the marks and its
    byline after them. It opens its line or follows a dash, so speech credited with
    "by" inside a sentence ("the "ugliness of utterances," by Trump") stays speech."""
    inner = text[q.start : q.end].rstrip("\"'“”‘’»« ")
    if not inner.endswith(","):
        return False
    after = text[q.end : min(q.end + _BYLINE_REACH, para[1])].split()
    if len(after) < 2 or after[0] != "by":
        return False
    named = after[2] if after[1] == "the" and len(after) > 2 else after[1]
    if not named[:1].isupper():
        return False
    at = q.start - 1
    while at >= para[0] and text[at].isspace():
        at -= 1
    return at < para[0] or text[at] in _DASHES


# "(2005)", "(election poster 2003)": a bracket right after a quote that ends in a year.
_DATED: Final = re.compile(r"[ \t]*\([^()\n]{0,40}?\b(?:1[89]|20)\d\d\)")


def is_dated_title(text: str, q: MarkedQuote) -> bool:
    """``"Jaws" (1975)``, ``"No to Schengen" (2005)``: a quote followed at once by a
    year in brackets names a work, a poster or a slogan of that year; a year for
    speech follows its speaker ("..., she said in 2005")."""
    return _DATED.match(text, q.end) is not None


def _single_marked(text: str, q: MarkedQuote) -> bool:
    """Whether the quote opens and closes with single marks (its last mark closes it)."""
    if not q.closed or q.end - q.start < 2:
        return False
    return text[q.start] in "'‘" and text[q.end - 1] in "'’"


def is_so_called(text: str, q: MarkedQuote) -> bool:
    """``the so-called "reform"``: the writer distances the word; nobody is quoted."""
    start = max(0, q.start - 12)
    end = q.start
    while end > start and text[end - 1].isspace():
        end -= 1
    # Only "d" and "D" lower to a "d", and only "e" and "E" to an "e": words before a
    # quote that do not end in "ed" (most) are passed over without lowering a copy.
    if end - start < 2 or text[end - 1] not in "dD" or text[end - 2] not in "eE":
        return False
    # a scan may break the word at its hyphen: "so- called", "so-\ncalled"
    before = " ".join(text[start : q.start].lower().replace("-", "- ").split())
    return before.endswith(("so- called", "so called"))


_NICKNAME: Final = re.compile(r"[A-Z][\w.]*\s$")


def is_nickname(text: str, q: MarkedQuote) -> bool:
    """Robert C. "Bobby" Scott: one capitalised word quoted between parts of a name."""
    after = text[q.end : q.end + 2]
    if after[:1] != " " or not after[1:2].isupper():
        return False  # tested first: cheap, and most quotes fail it
    inner = text[q.start : q.end].strip(_MARKS_AND_PUNCT)
    if " " in inner or not inner[:1].isupper():
        return False
    before = text[max(0, q.start - 20) : q.start]
    return bool(_NICKNAME.search(before))


def word_count(text: str, q: MarkedQuote) -> int:
    return len(text[q.start : q.end].split())


def front_matter_length(text: str) -> int:
    """Where a Markdown front matter block (``---`` lines at the top of the file) ends,
    or 0: its ``title: "..."`` is metadata, not a quotation."""
    if not text.startswith("---"):
        return 0
    end = text.find("\n---", 3)
    return max(end, 0)


_NOT_NOUN_WORDS: Final = frozenset(
    words(
        "and or but that which who whom whose when while if as to in on at for with by from "
        "into about after before than so is are was were be been has have had will would can "
        "could should may might must do does did not of over under since until during like "
        "because yet though although unless whether where how why then also between among "
        "against across through toward towards within without upon per via around"
        # a determiner, a pronoun or a particle opens what the quoted word acts on: it is
        # a verb or an adverb ("to "embrace" his candidacy", "would "unravel" the
        # policies", "to "bomb the hell" out of"), no noun's modifier
        " the an this these those his her its their our my your it them him me us out up "
        "down off back away"
    )
)
_NOUN_OPENERS: Final = frozenset(words("the a an its his her their our my your"))


def modifies_a_noun(text: str, q: MarkedQuote, opened: bool = True) -> bool:
    """``the "quack" cures``: a quoted word between a determiner and the rest of its
    noun phrase is the writer's scare quote; ``as a "strong leader,"`` ends its phrase.
    ``opened`` asks for the determiner; a quote with no speech cue needs none
    (``pointed to "collusion" claims``)."""
    inner = text[q.start : q.end].strip(_MARKS_AND_PUNCT)
    if not inner or text[q.start : q.end].rstrip("\"'“”‘’»«").endswith((",", ".", "!", "?")):
        return False
    before = text[max(0, q.start - 30) : q.start].split()
    opener = before[-1].lower() if before else ""
    if opened and opener not in _NOUN_OPENERS and not opener.endswith(("'s", "’s")):
        return False
    at = q.end
    if at >= len(text) or text[at] != " ":
        return False
    stop = at + 1
    while stop < len(text) and text[stop].isalpha() and text[stop].islower():
        stop += 1
    word = text[at + 1 : stop]
    if not word or (stop < len(text) and text[stop] not in " ,.;:-"):
        return False
    return word not in _NOT_NOUN_WORDS and not word.endswith(("ed", "ly", "ing"))


# How page furniture opens a line: links, video embeds, adverts, sign-up boxes.
_FURNITURE_OPENERS: Final = (
    "watch",
    "read more",
    "related",
    "story continues",
    "advertisement",
    "click here",
    "sign up",
    "subscribe",
    "listen",
    "photo:",
    "file photo",
    "video:",
)
# Picture credits that end a caption.
_CREDITS: Final = ("getty images", "the canadian press", "ap photo", "reuters", "afp via getty")
_CAPTION_WORDS: Final = 40


def is_furniture(text: str, para: tuple[int, int]) -> bool:
    """A line of page furniture: "WATCH: ...", "READ MORE: ...", "Story continues below",
    or a photo caption with its credit ("... (Getty Images)"). Nobody is quoted in it."""
    line = text[para[0] : min(para[1], para[0] + 400)].strip().lower()
    if line.startswith(_FURNITURE_OPENERS):
        # the opener is a word of its own: "WATCH:", not "Watching Trump talk, Reed said:"
        opener = next(word for word in _FURNITURE_OPENERS if line.startswith(word))
        if not line[len(opener) : len(opener) + 1].isalpha():
            return True
    if len(line.split()) > _CAPTION_WORDS:
        return False
    if _follow_us(line):
        return True
    tail = line[-60:]
    return any(credit in tail for credit in _CREDITS) and (
        "photo" in line or "/" in tail or "(" in tail
    )


_FOLLOW_WORDS: Final = 16
_SOCIAL: Final = ("twitter", "facebook", "instagram", "@")


def _follow_us(line: str) -> bool:
    """``Follow Pam Key on Twitter @pamkeyNEN.``: a sign-off that points to the
    writer's account (lowered ``line``), even inside a quotation's last paragraph."""
    line = line.lstrip(_MARKS_AND_PUNCT)
    if not line.startswith("follow ") or line.count(" ") > _FOLLOW_WORDS:
        return False
    return any(site in line for site in _SOCIAL)


# Verbs of saying that take a reported clause ("said that ...", "argued CNN had ..."):
# a few words quoted after them are the speaker's. Verbs that take an object ("dismissed
# the "backstop" plan") or name a thing ("called its "final" offer") are not among them.
_CLAUSE_CUES: Final = frozenset(
    word
    for base in words(
        "say argue claim state insist note add write suggest explain warn contend maintain "
        "acknowledge concede assert declare predict complain tell"
    )
    for word in (base, base + "s", base + "ed", base + "d")
) | frozenset({"said", "says", "told", "wrote"})


def partial_quote(text: str, q: MarkedQuote, source: str, cue: str) -> bool:
    """A few words in lower case quoted inside the clause of a speech verb written
    before them in the sentence ("Clinton said that this was a "new" expectation"):
    the speaker's own words, though they sit inside a noun phrase."""
    if source != "left" or cue not in _CLAUSE_CUES or cue not in SPEECH_CUES:
        return False
    inner = text[q.start : q.end].strip(_MARKS_AND_PUNCT)
    return inner[:1].islower()


_LABEL_VERBS: Final = frozenset(
    words(
        "call calls called calling dub dubs dubbed label labels labeled labelled "
        "brand brands branded"
    )
)
_SAID_REACH: Final = 60  # characters back in the sentence to look for a verb of saying


def said_before(text: str, start: int) -> bool:
    """``Someone called it a "quiet revolution"``, ``Sanders, who says it's "disastrous"``:
    a verb of saying or naming before a quote in its sentence gives the quoted words
    to someone, though no speaker may be found."""
    lo = max(0, start - _SAID_REACH)
    for stop in ".?!\n":
        at = text.rfind(stop, lo, start)
        if at >= 0:
            lo = at + 1
    previous = ""
    for raw in text[lo:start].split():
        word = raw.strip(_MARKS_AND_PUNCT + "()—–-").lower()
        if (word in SPEECH_CUES or word in _LABEL_VERBS) and previous not in ("so", "so-"):
            return True
        previous = raw.lower()
    return False
