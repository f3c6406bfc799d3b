"""Full-text search of the library: every word somewhere, and why a story matched."""

from __future__ import annotations

from reader.model import Analysis, Article, Quote
from reader.services.library_search import (
    FOLD_CHUNK,
    filter_words,
    find,
    fold,
    index_story,
    speakers_of,
)

FERRY = Article(
    id="ferry",
    title="Harbour Council Delays Vote",
    source="Coastal Herald",
    byline="Maria Lopez",
    text="The council postponed a vote on ferry fares. Islanders crowded the public gallery.",
)
DROUGHT = Article(
    id="drought",
    title="Drought Forces Rationing",
    source="Valley Gazette",
    text="Three towns will ration tap water from Friday, the mayor said.",
)


def search(query: str, stories: list[tuple[Article, tuple[str, ...]]]):
    index = [index_story(article, speakers) for article, speakers in stories]
    texts = [article.text for article, _speakers in stories]
    shown, why = find(index, filter_words(query), texts)
    return [stories[row][0].id for row in shown], {stories[r][0].id: f for r, f in why.items()}


def test_title_source_and_byline_match_without_a_reason_line() -> None:
    shown, why = search("coastal LOPEZ", [(FERRY, ()), (DROUGHT, ())])
    assert shown == ["ferry"]
    assert why == {}


def test_words_in_the_text_match_and_the_snippet_shows_them_in_their_own_case() -> None:
    shown, why = search("islanders", [(FERRY, ()), (DROUGHT, ())])
    assert shown == ["ferry"]
    assert why["ferry"].kind == "text"
    assert "Islanders crowded the public gallery" in why["ferry"].detail
    assert why["ferry"].detail.startswith("…")  # the snippet starts inside the text


def test_every_word_must_be_found_somewhere_title_or_text() -> None:
    shown, _why = search("harbour gallery", [(FERRY, ()), (DROUGHT, ())])
    assert shown == ["ferry"]
    shown, _why = search("harbour rationing", [(FERRY, ()), (DROUGHT, ())])
    assert shown == []


def test_a_speaker_matches_and_is_named_as_the_reason() -> None:
    shown, why = search("brandt", [(FERRY, ()), (DROUGHT, ("Lena Brandt",))])
    assert shown == ["drought"]
    assert (why["drought"].kind, why["drought"].detail) == ("speaker", "Lena Brandt")


def test_speakers_are_the_quoted_people_each_once_and_not_scare_quotes() -> None:
    quotes = [
        Quote(0, 5, "a", speaker="Lena Brandt"),
        Quote(6, 9, "b", speaker="Lena Brandt"),
        Quote(10, 15, "c", speaker="Tom Ide"),
        Quote(16, 20, "d", speaker="Ann Scare", kind="scare"),
    ]
    assert speakers_of(Analysis(quotes=quotes)) == ("Lena Brandt", "Tom Ide")
    assert speakers_of(None) == ()


def test_folding_a_long_text_in_pieces_is_the_same_as_at_once() -> None:
    text = ("Straße ÉCOLE İstanbul ﬁne " * (FOLD_CHUNK // 10))[: FOLD_CHUNK * 2 + 7]
    assert fold(text) == text.casefold()


def test_a_text_that_folding_lengthens_gives_a_folded_snippet_not_a_shifted_one() -> None:
    article = Article(id="s", title="Roads", text="Die Straße nach Süden ist gesperrt.")
    shown, why = search("süden", [(article, ())])
    assert shown == ["s"]
    assert "süden ist gesperrt" in why["s"].detail  # folded (ß became ss), not cut wrongly


def test_control_characters_in_the_text_never_reach_the_snippet() -> None:
    article = Article(id="x", title="T", text="Before \x1b]52;c;ZXZpbA==\x07 evil words here.")
    _shown, why = search("evil", [(article, ())])
    assert "\x1b" not in why["x"].detail and "\x07" not in why["x"].detail


def test_a_long_story_is_searched_without_a_folded_copy_kept() -> None:
    # A folded copy of a long text stayed for as long as the story was listed (6 MiB for
    # a million one-line paragraphs): a long text is folded a window at a time instead,
    # when a search reaches it, and found the same, across a window's edge too.
    import tracemalloc

    from reader.services.library_search import FOLD_WINDOW, KEPT_FOLDED_CHARS

    start = "Große Straße. " + "A b.\n\n" * (KEPT_FOLDED_CHARS // 6)
    start += "x" * (2 * FOLD_WINDOW - 5 - len(start))  # the word below crosses a window edge
    text = start + "LIGHTHOUSE keeper spoke. " + "A b.\n\n" * 1000
    assert len(text) > KEPT_FOLDED_CHARS
    article = Article(id="long", title="Keeper", text=text)
    tracemalloc.start()
    try:
        entry = index_story(article)
        kept = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert kept < len(text) // 20
    texts = [text, DROUGHT.text]
    index = [entry, index_story(DROUGHT)]
    shown, why = find(index, filter_words("lighthouse"), texts)
    assert shown == [0]
    assert why[0].detail.startswith("…xxx")
    assert "xLIGHTHOUSE keeper spoke. A b. A b." in why[0].detail  # in the story's own letters
    assert find(index, filter_words("STRASSE lighthouse"), texts)[0] == [0]
    assert find(index, filter_words("keeper"), texts) == ([0], {})  # the title line
    assert find(index, filter_words("lighthouses"), texts)[0] == []
