"""The fullest form of a speaker's name: which longer forms of it count, and which wins."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.analysis.quotes import mark_quotes
from reader.analysis.speaker_index import (
    _MORE_WORDS,
    _NAME_WORD,
    _WORD,
    _WORD_AFTER_CAPITAL,
    SpeakerIndex,
    _name_run_end,
    _name_word_at,
    _run_from_match,
    _sentence_runs,
    search_whole_word,
)
from reader.analysis.text_units import paragraphs
from reader.analysis.vocabulary import is_abbreviation


@pytest.mark.parametrize(
    ("text", "name", "fullest"),
    [
        ("Sergei Ryabkov spoke first. Ryabkov said no.", "Ryabkov", "Sergei Ryabkov"),
        ("Sergei Ryabkov's aide left. Ryabkov said no.", "Ryabkov", "Sergei Ryabkov"),
        (
            "Maria O'Neill-Brown arrived. O'Neill-Brown said so.",
            "O'Neill-Brown",
            "Maria O'Neill-Brown",
        ),
        ("Ana Ruiz-Lopez arrived. Ruiz said so.", "Ruiz", "Ana Ruiz"),
        # a surname inside a longer word is not the surname
        ("Jonathan Smithson arrived. Smith said so.", "Smith", "Smith"),
        ("Jonathan McSmith arrived. Smith said so.", "Smith", "Smith"),
        # names that do not open with a capital A-Z are searched for too
        ("Karl Øster arrived. Øster said so.", "Øster", "Karl Øster"),
        ("Karl Øster arrived. Øster's view held.", "Øster's", "Karl Øster"),
        # a full stop ends the sentence, and the name: "Minsk." is not a first name
        ("They met in Minsk. Ryabkov said no.", "Ryabkov", "Ryabkov"),
    ],
)
def test_fullest_form(text: str, name: str, fullest: str) -> None:
    assert SpeakerIndex(text).fullest(name, text.rindex(name.split()[-1])) == fullest


def test_the_nearest_form_before_the_mention_wins() -> None:
    text = "Anna Lee came. Bruce Lee came. Lee said yes. Carl Lee came."
    index = SpeakerIndex(text)
    assert index.fullest("Lee", text.index("Lee said")) == "Bruce Lee"
    assert index.fullest("Lee", 0) == "Anna Lee"


def test_a_form_far_beyond_the_search_window_is_not_used() -> None:
    text = "Sergei Ryabkov spoke. " + "x " * 50_000 + "Ryabkov said no."
    assert SpeakerIndex(text).fullest("Ryabkov", text.rindex("Ryabkov")) == "Ryabkov"


def _plain_run_before(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The name words right before ``text[start:end]``, read with the name-word pattern
    alone: the reading the index's shortcuts must agree with."""
    words = [text[start:end]]
    pos = start
    while len(words) <= 6 and pos >= 2 and text[pos - 1] in " \n":
        k = pos - 1
        while k > 0 and pos - k < 40 and not text[k - 1].isspace():
            k -= 1
        word = text[k : pos - 1]
        if not _NAME_WORD.fullmatch(word) or word.endswith(("'s", "’s")):
            break
        if word.endswith(".") and not is_abbreviation(word):
            break
        words.insert(0, word)
        pos = k
    if len(words) == 1:
        return None
    run = _run_from_match(pos, " ".join(words))
    return None if run is None else (run.start, run.end, run.text)


def _plain_forms(text: str, last: str) -> list[tuple[int, int, str]]:
    """Every longer form of ``last``, found by searching for each occurrence of it."""
    found = []
    i = text.find(last)
    while i >= 0:
        end = i + len(last)
        if (i == 0 or not text[i - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            run = _plain_run_before(text, i, end)
            if run is not None and len(run[2].split()) > 1:
                found.append(run)
        i = text.find(last, end)
    return found


_PIECES = st.sampled_from(
    [
        " Ann",
        " Lee",
        " Ö",
        "Lee",
        "Ann",
        " ",
        "\n",
        "\t",
        ".",
        "'s",
        "’",
        "-",
        "_",
        "x",
        "é",
        " Mr.",
        " de",
        " del",
        " dex",
        " said",
        " A.B.",
        " Jr.",
        " " + "X" * 45,
    ]
)


@example(" Ann Lee_x, Ann Lee-Ann's. Ann Lee’s", "Lee")
@settings(max_examples=400, deadline=None)
@given(
    st.lists(_PIECES, max_size=40).map("".join),
    st.sampled_from(["Lee", "Ann", "Lee-Ann", "Ö", "x", "Jr"]),
)
def test_longer_forms_are_the_ones_a_plain_search_finds(text: str, last: str) -> None:
    runs = SpeakerIndex(text)._forms_ending_in(last, 0)
    assert [(r.start, r.end, r.text) for r in runs] == _plain_forms(text, last)


@example("xLee Lee_ éLee 3Lee Lee", "Lee", 0, 99)
@settings(max_examples=400, deadline=None)
@given(
    st.lists(_PIECES, max_size=40).map("".join),
    st.sampled_from(["Lee", "Ann", "Jr", "X", "Lee-Ann", "Ö", "x"]),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_the_capital_word_index_finds_what_a_plain_search_finds(
    text: str, word: str, lo: int, hi: int
) -> None:
    lo = min(lo, len(text))
    hi = min(max(lo, hi), len(text))
    index = SpeakerIndex(text)
    assert index._whole_word_places(word, lo, hi) == search_whole_word(text, word, lo, hi)


@example("Lee Lee\nLeeLee Lee", "Lee", 0, 99)
@settings(max_examples=400, deadline=None)
@given(
    st.lists(_PIECES, max_size=40).map("".join),
    st.sampled_from(["Lee", "Ann", "Jr", "X", "A"]),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_checking_places_and_the_whole_index_find_the_same_words(
    text: str, word: str, lo: int, hi: int
) -> None:
    # A few look-ups check the places a word may open at; many build the whole index.
    lo = min(lo, len(text))
    hi = min(max(lo, hi), len(text))
    checking = SpeakerIndex(text)
    checking._checks_left = len(text) + 1  # never runs out here
    indexing = SpeakerIndex(text)
    indexing._checks_left = -1  # the index from the first look-up on
    assert checking._whole_word_places(word, lo, hi) == search_whole_word(text, word, lo, hi)
    assert indexing._whole_word_places(word, lo, hi) == search_whole_word(text, word, lo, hi)
    assert checking._capitals is None
    assert indexing._capitals is not None


def test_many_look_ups_switch_to_the_whole_index_and_find_the_same_forms() -> None:
    # Ten surnames opening with the same capital: each look-up checks every place an
    # "L" word opens at, so the checks run out part way and the index takes over.
    surnames = [f"L{c}{c}" for c in "abcdefghij"]
    names = [f"{first} {last}" for last in surnames for first in ("Ann", "Bo", "Cy")]
    text = " ".join(f"{name} spoke. {name.split()[1]} said so." for name in names * 20)
    index = SpeakerIndex(text)
    for name in names:
        last = name.split()[1]
        at = text.rindex(f"{last} said", 0, text.rindex(f"{name} spoke") + 40)
        # the form in the sentence before the mention, the nearest one before it
        assert index.fullest(last, at) == name
    assert index._capitals is not None  # the checks ran out: the index took over


@example("G", ".K.")
@example("A", ".")
@example("A", "..")
@example("O", "’Neill-Brown.")
@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from("AGKXZ"),
    st.lists(
        st.sampled_from([*"aZ09_'’-.", "é", "ß", "²", "Ω", "٣", " ", "\t", "!", "A.", "\u00a0"])
    ).map("".join),
)
def test_a_name_word_is_read_as_the_name_word_pattern_reads_it(capital: str, rest: str) -> None:
    word = capital + rest
    assert _name_word_at(word, 0, len(word)) == bool(_NAME_WORD.fullmatch(word))


# The sentence-opening run as one regex that looks back from the capital: the reading
# ``_sentence_runs`` must agree with.
_LOOKING_BACK = re.compile(
    r"[A-Z](?:(?<=[.!?][ \n].)|(?<=[.!?][\"”’'][ \n].))"
    rf"(?:{_WORD_AFTER_CAPITAL}){_MORE_WORDS}"
)
_SENTENCE_PIECES = st.sampled_from(
    [
        *".!?\n\"”’'x_AB-é9\tΩ",
        " ",
        " Ann",
        " Lee",
        " de",
        " del",
        " van",
        " dex",
        "Mr.",
        "G.K.",
        "A.B",
        '."',
        "?”",
        ". ",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_SENTENCE_PIECES, max_size=40).map("".join), st.data())
def test_sentence_runs_are_the_ones_a_look_behind_regex_finds(
    text: str, data: st.DataObject
) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    expected = [m.span() for m in _LOOKING_BACK.finditer(text, lo, hi)]
    assert _sentence_runs(text, lo, hi) == expected


# A name run opening a paragraph, as one regex: what ``_name_run_end`` must read there.
_PARAGRAPH_RUN = re.compile(rf"(?<![\w'’])(?:{_WORD}){_MORE_WORDS}")


@settings(max_examples=1000, deadline=None)
@given(st.lists(_SENTENCE_PIECES, max_size=40).map("".join))
def test_a_run_opening_a_paragraph_is_the_one_the_name_regex_finds(text: str) -> None:
    for start, end in paragraphs(text):
        if "A" <= text[start] <= "Z":
            found = _PARAGRAPH_RUN.match(text, start, end)
            assert found is not None
            assert _name_run_end(text, start, end) == found.end()


def test_windows_of_a_long_story_see_the_forms_a_plain_search_of_each_finds() -> None:
    # "Ann Lee" and "Bo Lee" with their "Lee" on and around the stretch boundaries,
    # where one window ends and the next begins.
    chars = ["x"] * 130_000
    for lee in (5, 19_998, 20_000, 39_999, 59_997, 59_998, 60_000, 79_999, 100_001):
        first = "Ann " if lee % 2 else "Bo "
        for k, ch in enumerate(" " + first + "Lee "):
            chars[lee - len(first) - 1 + k] = ch
    text = "".join(chars)
    index = SpeakerIndex(text)
    for lo in (0, 20_000, 40_000, 60_000, 80_000, 100_000, 120_000):
        hi = min(len(text), lo + 60_000)
        expected = [form for form in _plain_forms(text, "Lee") if lo <= form[1] - 3 <= hi - 3]
        runs = index._forms_ending_in("Lee", lo)
        assert [(r.start, r.end, r.text) for r in runs] == expected, lo


@pytest.mark.parametrize(
    "text",
    [
        'Ann Lee spoke. "Bo Smith is wrong. Carl Diaz is wrong." Then she left.\n\n'
        '"We are done," she said.',
        'Ann Lee spoke at noon. The room was full of "Bo Smith fans. Carl Diaz fans." '
        'She was calm. "We are done," she said.',
    ],
)
def test_she_is_the_last_person_opening_a_sentence_outside_quotes(text: str) -> None:
    # "Carl Diaz" opens a sentence nearer to "she", but inside a quotation
    assert [q.speaker for q in analyze(text).quotes if "done" in q.text] == ["Ann Lee"]


def _people_before_every_quote(index: SpeakerIndex, text: str, order: list[int]) -> list:
    paras = paragraphs(text)
    quotes = [(q.start, q.end) for q in mark_quotes(text, paras)]
    spots = [
        (q_start, p) for q_start, _ in quotes for p, (a, b) in enumerate(paras) if a <= q_start < b
    ]
    found = []
    for n in order:
        at, p = spots[n % len(spots)]
        run = index.last_person_before(at, p, paras, quotes)
        found.append(None if run is None else (run.start, run.words))
    return found


def _samples() -> list[str]:
    folder = Path(__file__).resolve().parents[2] / "sample_articles"
    stories = [path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())]
    return [*stories, " ".join(" ".join(stories).split())]


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_the_person_before_a_pronoun_does_not_depend_on_what_was_asked_before(
    data: st.DataObject,
) -> None:
    # One-word openers are checked only when a look-up reaches them, and walks remember
    # where they ended: any order of look-ups must give what a fresh index gives.
    text = data.draw(st.sampled_from(_samples()))
    order = data.draw(st.lists(st.integers(0, 10_000), min_size=1, max_size=40))
    shared = SpeakerIndex(text)
    asked_in_turn = _people_before_every_quote(shared, text, order)
    asked_fresh = [_people_before_every_quote(SpeakerIndex(text), text, [n])[0] for n in order]
    assert asked_in_turn == asked_fresh


def test_look_ups_before_quotes_find_people_in_the_long_story() -> None:
    text = _samples()[2]
    found = _people_before_every_quote(SpeakerIndex(text), text, list(range(200)))
    assert sum(person is not None for person in found) > 50
