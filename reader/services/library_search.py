"""Search the whole library: titles, sources, bylines, the stories' text and who is quoted.

Textual-free. Each story's searchable text is folded once (:func:`index_story`, meant to
run off the UI thread); :func:`find` then answers a query with the stories that hold
every word, and says why each matched when the title line alone does not show it: the
speaker whose name matched, or a snippet of the text around the first word found there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

from reader.model import Analysis, Article
from reader.safe_text import clean_line

SNIPPET_BEFORE = 20  # characters of text kept before a match in a snippet
SNIPPET_CHARS = 90  # a snippet's length at most; the row cuts it to the pane's width
FOLD_CHUNK = 1 << 20
# A text longer than this is never kept folded: it is folded a window at a time when a
# search reaches it (see UnfoldedText).
KEPT_FOLDED_CHARS = 1 << 21
FOLD_WINDOW = 1 << 21

T = TypeVar("T")


def display_date(published: str | None) -> str:
    if not published:
        return ""
    try:
        return dt.date.fromisoformat(published[:10]).strftime("%-d %b %Y")
    except ValueError:
        return published  # a date we cannot parse is still better shown than hidden


def story_meta(article: Article) -> str:
    """The second line of a library entry: when, then where the story is from.

    The date comes first so a narrow pane wraps inside a long source name, not the date.
    """
    where = article.source or article.site or (Path(article.path).name if article.path else "")
    parts = [part for part in (display_date(article.published), where) if part]
    return clean_line(" · ".join(parts))


def speakers_of(analysis: Analysis | None) -> tuple[str, ...]:
    """Who the analysis quotes, each once, in order of first quote."""
    if analysis is None:
        return ()
    seen: dict[str, None] = {}
    for quote in analysis.quotes:
        if quote.kind == "quote" and quote.speaker:
            seen.setdefault(clean_line(quote.speaker), None)
    return tuple(seen)


class StoryIndex(NamedTuple):
    """One story, folded for search, and its two list lines as shown.

    Strings only, no cycles; a named tuple is still tracked by the cycle collector (only
    plain tuples are let go), so the library moves its entries out of the collector's
    passes once made (reader/ui/widgets/library.py, _index_steps).
    """

    title: str  # cleaned, as the list shows it
    meta: str  # date and source, as the list shows it
    head: str  # title, meta and byline, case-folded: what the filter always searched
    body: str | UnfoldedText  # the text, case-folded (a long one: folded when searched)
    speakers: tuple[str, ...] = ()
    folded_speakers: tuple[str, ...] = ()

    def with_speakers(self, speakers: tuple[str, ...]) -> StoryIndex:
        folded = tuple(name.casefold() for name in speakers)
        return self._replace(speakers=speakers, folded_speakers=folded)


class UnfoldedText:
    """A long story's text for search, folded a window at a time when it is searched.

    Its folded copy was kept for as long as the story was listed: 6 MiB more for a story
    of a million one-line paragraphs, 49 MB for a 49 MB story, only for a search that may
    never come. Folding is per character and never shortens one, so a word found across
    two windows is found in the first one extended by the word's length.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __len__(self) -> int:
        return len(self.text)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return any(word in folded for _start, _original, folded in self.windows(word))

    def windows(self, word: str) -> Iterator[tuple[int, str, str]]:
        """Each window's start, its text and its text folded, overlapping by enough for
        ``word`` to be whole in one of them."""
        overlap = max(0, len(word) - 1)
        for start in range(0, len(self.text), FOLD_WINDOW):
            original = self.text[start : start + FOLD_WINDOW + overlap]
            yield start, original, original.casefold()


def fold_steps(text: str) -> Generator[None, None, str]:
    """``text.casefold()`` a megabyte at a time, yielding in between: one call on a 49 MB
    story would keep the UI waiting for a tenth of a second (folding is per character,
    so the pieces join up exactly)."""
    if len(text) <= FOLD_CHUNK:
        return text.casefold()
    pieces = []
    for at in range(0, len(text), FOLD_CHUNK):
        pieces.append(text[at : at + FOLD_CHUNK].casefold())
        yield
    return "".join(pieces)


def fold(text: str) -> str:
    return drain(fold_steps(text))


def drain(steps: Generator[None, None, T]) -> T:
    """Run a generator of steps to its end at once; its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: T = done.value
            return result


def index_steps(
    article: Article, speakers: tuple[str, ...] = ()
) -> Generator[None, None, StoryIndex]:
    """The story's search entry, yielding while its text is folded."""
    title = clean_line(article.title)
    meta = story_meta(article)
    head = f"{title}\n{meta}\n{clean_line(article.byline or '')}".casefold()
    folded = tuple(name.casefold() for name in speakers)
    if len(article.text) > KEPT_FOLDED_CHARS:
        return StoryIndex(title, meta, head, UnfoldedText(article.text), speakers, folded)
    body = yield from fold_steps(article.text)
    return StoryIndex(title, meta, head, body, speakers, folded)


def index_story(article: Article, speakers: tuple[str, ...] = ()) -> StoryIndex:
    return drain(index_steps(article, speakers))


def filter_words(query: str) -> list[str]:
    return query.casefold().split()


class Found(NamedTuple):
    """Why a story matched, when its title line does not show it."""

    kind: str  # "title" (the title line shows every word), "speaker" or "text"
    detail: str = ""  # the speaker's name, or a snippet of the text


TITLE_MATCH = Found("title")


def find_in(story: StoryIndex, words: Sequence[str], text: str | None = None) -> Found | None:
    """Does ``story`` hold every word (title line, speakers or text)? Why, if so.

    ``text`` is the story's own text, for a snippet in its own letters; without it (or
    when folding changed the text's length, as ß to ss does) the snippet is folded.
    """
    missing = [word for word in words if word not in story.head]
    if not missing:
        return TITLE_MATCH
    speaker = ""
    for word in missing:
        named = next(
            (n for n, f in zip(story.speakers, story.folded_speakers, strict=True) if word in f),
            "",
        )
        if named:
            speaker = speaker or named
        elif word not in story.body:
            return None
    if speaker and all(any(w in f for f in story.folded_speakers) for w in missing):
        return Found("speaker", speaker)
    first = next(word for word in missing if word in story.body)
    return Found("text", snippet(story.body, first, text))


def snippet(folded: str | UnfoldedText, word: str, text: str | None = None) -> str:
    """One line of the text around the first ``word`` in it."""
    if isinstance(folded, UnfoldedText):
        return _unfolded_snippet(folded, word)
    at = folded.find(word)
    source = text if text is not None and len(text) == len(folded) else folded
    return _snippet_at(source, at)


def _unfolded_snippet(text: UnfoldedText, word: str) -> str:
    for start, original, folded in text.windows(word):
        at = folded.find(word)
        if at == -1:
            continue
        if len(folded) == len(original):  # in the story's own letters
            return _snippet_at(text.text, start + at)
        return _snippet_at(folded, at)
    return ""


def _snippet_at(source: str, at: int) -> str:
    start = max(0, at - SNIPPET_BEFORE)
    # Start at the first word's beginning, not inside it.
    space = source.find(" ", start, at)
    if start and space != -1:
        start = space + 1
    end = start + SNIPPET_CHARS
    piece = " ".join(source[start:end].split())
    return clean_line(("…" if start else "") + piece + ("…" if end < len(source) else ""))


def find(
    stories: Sequence[StoryIndex],
    words: Sequence[str],
    texts: Sequence[str] | None = None,
    rows: Iterable[int] | None = None,
) -> tuple[list[int], dict[int, Found]]:
    """The rows of ``stories`` that hold every word, and why, where not by the title line."""
    shown: list[int] = []
    why: dict[int, Found] = {}
    for row in range(len(stories)) if rows is None else rows:
        found = find_in(stories[row], words, texts[row] if texts is not None else None)
        if found is not None:
            shown.append(row)
            if found is not TITLE_MATCH:
                why[row] = found
    return shown, why
