"""The library session without a screen: order, position, analyses and a reload's merge."""

from __future__ import annotations

from reader.model import Analysis, Article
from reader.services.library_session import LibrarySession


def story(id: str, published: str | None, path: str, text: str = "") -> Article:
    return Article(id=id, text=text or id, title=id, published=published, path=path)


OLD = story("old", "2024-01-01", "/news/drought.txt")
NEWER = story("newer", "2024-06-01", "/news/harbour.txt")
UNDATED = story("undated", None, "/news/notes.txt")


def test_stories_are_newest_first_and_the_open_one_says_where_it_is() -> None:
    library = LibrarySession()
    library.loaded([OLD, UNDATED, NEWER])
    assert [a.id for a in library.articles] == ["newer", "old", "undated"]
    assert library.open(OLD) is None  # not analysed yet
    assert library.is_current("old") and not library.is_current("newer")
    assert library.position(OLD) == "drought.txt · 2/3"


def test_an_analysis_is_kept_for_the_next_opening() -> None:
    library = LibrarySession()
    library.loaded([OLD])
    found = Analysis(quotes=[], entities=[])
    library.analysed("old", found)
    assert library.open(OLD) is found
    other = Analysis(quotes=[], entities=[])
    library.keep_analysis("old", other)  # the people view's own does not replace it
    assert library.analyses["old"] is found


def test_a_reload_replaces_the_changed_story_and_forgets_its_old_analysis() -> None:
    library = LibrarySession()
    library.loaded([OLD, NEWER])
    library.analysed("old", Analysis(quotes=[], entities=[]))
    changed = story("old-v2", "2024-01-01", "/news/drought.txt", text="edited")
    merge = library.reloaded("/news/drought.txt", [changed])
    assert merge.replaced == {"old": changed}
    assert [a.id for a in library.articles] == ["newer", "old-v2"]
    assert "old" not in library.analyses
    assert merge.summary() == "Reloaded: the story changed"


def test_a_story_from_elsewhere_is_added_once() -> None:
    library = LibrarySession()
    library.loaded([OLD])
    assert library.add(NEWER) and not library.add(NEWER)
    assert [a.id for a in library.articles] == ["old", "newer"]
