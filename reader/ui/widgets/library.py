"""The library pane: every loaded story (title, source, date) with an incremental filter.

The filter looks in the title, date, source and byline, and in each story's text and
among the people it quotes; a story found by its text or a speaker says so on a line of
its own. The list draws only the rows on screen (``VirtualList``); the search text is
folded once, a slice at a time between keys, and each query is answered a chunk of
stories at a time (reader/services/library_match.py), the newest query replacing any
still running, so a feed of 100,000 stories lists and filters without a stall.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from reader.collection_pause import freeze_survivors
from reader.model import Analysis, Article
from reader.safe_text import clean_line
from reader.services.library_match import (
    NO_REASONS,
    Matches,
    Reasons,
    RecentMatches,
    columns_steps,
)
from reader.services.library_search import (
    StoryIndex,
    drain,
    filter_words,
    index_steps,
    index_story,
    speakers_of,
    story_meta,
)
from reader.ui.keys import LIBRARY_KEYS, LIBRARY_LIST_KEYS, bindings
from reader.ui.slices import run_in_slices, while_keys_answered
from reader.ui.widgets.story_rows import Measured, RowHeights, StoryRows, measure
from reader.ui.widgets.virtual_list import VirtualList

# Up to this many stories, with up to SEARCH_AT_ONCE characters of text between them,
# are indexed and filtered at once on each key; a bigger library is searched a slice at
# a time between keys (reader/ui/slices.py), so typing never waits for it.
FILTER_AT_ONCE = 2_000
SEARCH_AT_ONCE = 2_000_000
# Entries (a story's measures, its search entry) made between two moves of what is made
# so far out of the cycle collector's passes (see _index_steps).
FREEZE_EVERY = 5_000
# A longer story's speakers come only from an analysis made in this session: finding its
# cache entry means hashing its text, a millisecond a megabyte, in one step of the UI.
CACHED_SPEAKERS_CHARS = 1_000_000

SpeakerLookup = Callable[[Article], tuple[str, ...]]


def haystack(article: Article) -> str:
    """What the filter's title line covers: title, date and source as shown, byline."""
    return f"{article.title}\n{story_meta(article)}\n{article.byline or ''}".casefold()


class StoryList(VirtualList):
    """The list of stories; `enter` asks the library to open the highlighted one."""

    BINDINGS = bindings(LIBRARY_LIST_KEYS)
    BINDING_GROUP_TITLE = "Library"

    def action_open(self) -> None:
        self.action_select()


class Library(Vertical):
    """Stories on the left; type `/` to filter them by title, source, text or speaker."""

    BINDINGS = bindings(LIBRARY_KEYS)
    BINDING_GROUP_TITLE = "Library"

    class OpenRequested(Message):
        """The reader asked to read this story (enter or click)."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class ReloadRequested(Message):
        """The reader asked to read this story (or its feed) again from where it came from."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._articles: list[Article] = []
        self._row_of: dict[str, int] = {}  # article id -> its row in _articles
        self._measured: list[Measured | None] = []  # by row; filled a slice at a time
        self._index: list[StoryIndex | None] = []  # by row; filled a slice at a time
        self._heights = RowHeights(self._measured)
        self._heights_wanted: set[int] = set()
        self._text_chars = 0
        # The library's search columns, once every story is indexed, with the last
        # queries' results on them (None: to be built at the next search).
        self._recent: RecentMatches | None = None
        self._rows = StoryRows([], [], [])
        self._extras: dict[str, str] = {}
        self._loaded = False
        self._searching = False
        self._anchor: Article | None = None
        # Mounted by the first `/`: the first frame has no filter box, and styling a text
        # box (Textual's Input) cost start-up ~5 ms.
        self._filter = Input(
            placeholder="filter by title, source, author, text or speaker", id="library-filter"
        )
        self._list = StoryList(separators=True, id="story-list")
        # Asked by the reading state's owner: a story's mark, and a note for the border.
        self.story_mark: Callable[[Article], str] | None = None
        self.summary: Callable[[], str] | None = None

    def compose(self) -> ComposeResult:
        yield self._list

    def on_mount(self) -> None:
        self.border_title = "Library"
        self._update_subtitle()

    @property
    def articles(self) -> list[Article]:
        return list(self._articles)

    @property
    def shown(self) -> list[Article]:
        """The stories the filter lets through, in list order."""
        return [self._rows.article(index) for index in range(len(self._rows))]

    @property
    def rows(self) -> StoryRows:
        """What the list shows: the stories let through, and why each matched."""
        return self._rows

    @property
    def filter_text(self) -> str:
        return self._filter.value if self._filter.is_mounted else ""

    @property
    def _filter_shown(self) -> bool:
        return self._filter.is_mounted and self._filter.display

    @property
    def highlighted(self) -> Article | None:
        index = self._list.highlighted
        if index is None or index >= len(self._rows):
            return None
        return self._rows.article(index)

    def set_articles(
        self, articles: Sequence[Article], renamed: Mapping[str, Article] | None = None
    ) -> None:
        """Show ``articles``; the highlighted story stays highlighted wherever it now is.

        ``renamed`` maps the id of a story whose text changed to its new version.
        """
        keep = self.highlighted or self._anchor
        if keep is not None and renamed:
            keep = renamed.get(keep.id, keep)
        # Stories kept from before keep their measures and index (same objects, same text).
        measured = {id(a): m for a, m in zip(self._articles, self._measured, strict=True)}
        index = {id(a): e for a, e in zip(self._articles, self._index, strict=True)}
        self._articles = list(articles)
        self._row_of = {article.id: row for row, article in enumerate(self._articles)}
        self._measured = [measured.get(id(article)) for article in self._articles]
        self._index = [index.get(id(article)) for article in self._articles]
        self._heights = RowHeights(self._measured)
        self._heights_wanted = set()
        self._recent = None
        self._text_chars = sum(len(article.text) for article in self._articles)
        self._loaded = True
        if self._small():
            known = self._known_speakers()
            for row, article in enumerate(self._articles):
                if self._measured[row] is None:
                    self._measured[row] = measure(article)
                if self._index[row] is None:
                    self._index[row] = index_story(article, known(article))
        self._index_sliced(self._articles, self._measured, self._index, self._cached_speakers())
        self._refilter(keep=keep)

    def set_extras(self, extras: dict[str, str]) -> None:
        """Every story's short note at once (one redraw, not one per story)."""
        wanted = {article_id: text for article_id, text in extras.items() if text}
        if wanted == self._extras:
            return
        self._extras = wanted
        rows = self._rows
        self._show(rows.shown, rows.why, rows.words, self.highlighted)

    def refresh_marks(self) -> None:
        """Ask ``story_mark`` and ``summary`` again (a story was read, say)."""
        self._list.redraw_rows()  # rows are kept as drawn: the old marks would stay
        self._update_subtitle()

    def focus_list(self) -> None:
        self._list.focus()

    def highlight_article(self, article: Article) -> None:
        position = self._position(article)
        if position is not None:
            self._list.highlighted = position

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self._filter_shown or bool(self.filter_text)
        if action == "reload":
            return bool(len(self._rows))
        return True

    def action_reload(self) -> None:
        article = self.highlighted
        if article is not None:
            self.post_message(self.ReloadRequested(article))

    async def action_filter(self) -> None:
        if not self._filter.is_mounted:
            await self.mount(self._filter, before=self._list)
        self._filter.display = True
        self._filter.focus()
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        keep = self.highlighted
        if self._filter.is_mounted:
            self._filter.value = ""
            self._filter.display = False
        self._refilter(keep=keep)
        self.focus_list()
        self.refresh_bindings()

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        shown = self._rows
        if shown.articles is self._articles and filter_words(event.value) == shown.words:
            # The words shown already (escape's own change, a space, or a backspace back
            # to them): no list of 100,000 rows to lay out again, only older work to drop.
            self._stop_searching()
            return
        self._refilter(keep=self.highlighted)

    def _stop_searching(self) -> None:
        self.workers.cancel_group(self, "library-filter")
        if self._searching:
            self._searching = False
            self._update_subtitle()

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            self.action_clear_filter()
        else:
            self.focus_list()

    @on(VirtualList.Selected, "#story-list")
    def _story_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        if event.index < len(self._rows):
            self.post_message(self.OpenRequested(self._rows.article(event.index)))

    # -- searching ----------------------------------------------------------------------

    def _small(self) -> bool:
        return len(self._articles) <= FILTER_AT_ONCE and self._text_chars <= SEARCH_AT_ONCE

    def _known_speakers(self) -> SpeakerLookup:
        """Who is quoted in each story the app has analysed (in memory: cheap)."""
        analyses = getattr(self.app, "analyses", None)
        known: Mapping[str, Analysis] = analyses if isinstance(analyses, dict) else {}
        return lambda article: speakers_of(known.get(article.id))

    def _cached_speakers(self) -> SpeakerLookup:
        """As ``_known_speakers``, and from the analysis cache for the other stories (which
        reads files: only while indexing, a slice at a time)."""
        known = self._known_speakers()
        locations = getattr(self.app, "locations", None)
        folder = getattr(locations, "cache", None)
        ner = str(getattr(self.app, "ner", "builtin"))
        from reader.cache.analysis_cache import cache_for

        cache = cache_for(folder, ner)
        if cache is None:
            return known

        def lookup(article: Article) -> tuple[str, ...]:
            named = known(article)
            if named or len(article.text) > CACHED_SPEAKERS_CHARS:
                return named
            # The names kept beside the analysis: a small file, not the analysis decoded.
            found = cache.get_speakers(article.text, ner) or ()
            return tuple(dict.fromkeys(clean_line(name) for name in found))

        return lookup

    @work(
        group="library-index",
        exclusive=True,
        exit_on_error=False,
        description="index the library",  # not the repr of 100,000 stories
    )
    async def _index_sliced(
        self,
        articles: list[Article],
        measured: list[Measured | None],
        index: list[StoryIndex | None],
        speakers: SpeakerLookup,
    ) -> None:
        found = [False]
        # Every job of the library makes way for keys: a slice landing between a key's
        # turns of the loop (up to 50 ms of them on a 100,000-story feed) delays its
        # echo in the filter box.
        rest = while_keys_answered(self.app)
        await run_in_slices(_index_steps(articles, measured, index, speakers, found), rest=rest)
        self._indexed(articles, found[0])

    def _indexed(self, articles: list[Article], found_speakers: bool) -> None:
        if articles is not self._articles:
            return
        # The index lives as long as the library: out of the collector's full passes,
        # which would walk all of it (as the app does for an open story's spans).
        freeze_survivors()
        self._list.relayout()  # every row measured: exact heights instead of estimates
        if found_speakers:
            self._recent = None  # the columns lack the speakers found since
            if filter_words(self.filter_text):
                self._refilter(keep=self.highlighted)

    def _want_heights(self, width: int) -> None:
        """The list needs every story's height at ``width``: work them out, then lay out."""
        if width not in self._heights_wanted and all(m is not None for m in self._measured):
            self._heights_wanted.add(width)
            self.call_later(self._heights_sliced, self._heights, width)

    @work(
        group="library-heights",
        exclusive=True,
        exit_on_error=False,
        description="measure the library's rows",
    )
    async def _heights_sliced(self, table: RowHeights, width: int) -> None:
        await run_in_slices(table.steps(width), rest=while_keys_answered(self.app))
        if table is self._heights:
            self._list.relayout()

    def _refilter(self, keep: Article | None) -> None:
        # A filter that hides every story must not forget where the reader was.
        keep = keep or self._anchor
        self._anchor = keep
        words = filter_words(self.filter_text)
        # The newest query is the one shown: a search still running for an older one
        # is dropped (its steps are a generator nobody resumes).
        self.workers.cancel_group(self, "library-filter")
        if not words:
            self._searching = False
            self._show(range(len(self._articles)), NO_REASONS, words, keep)
            return
        known = self._recent.get(words) if self._recent is not None else None
        if known is not None:  # backspace, or the same words again
            self._filtered(self._articles, known, keep)
            return
        steps = self._search_steps(self._articles, words)
        if self._small():
            self._filtered(self._articles, drain(steps), keep)
        else:
            self._searching = True
            self._update_subtitle()
            self._filter_sliced(self._articles, words, steps, keep)

    def _search_steps(
        self, articles: list[Article], words: list[str]
    ) -> Generator[None, None, Matches]:
        """Index whatever is not indexed yet, build the search columns, then search."""
        recent, measured, index = self._recent, self._measured, self._index
        if recent is None:
            found = [False]
            yield from _index_steps(articles, measured, index, self._known_speakers(), found)
            entries = [entry for entry in index if entry is not None]
            recent = RecentMatches((yield from columns_steps(entries)))
            if articles is self._articles:
                self._recent = recent
        return (yield from recent.steps(words))

    @work(
        group="library-filter",
        exclusive=True,
        exit_on_error=False,
        description="filter the library",  # not the repr of 100,000 stories
    )
    async def _filter_sliced(
        self,
        articles: list[Article],
        words: list[str],
        steps: Generator[None, None, Matches],
        keep: Article | None,
    ) -> None:
        found: list[Matches] = []

        def run() -> Iterator[None]:
            found.append((yield from steps))

        # The query's own search too: the key's echo first, then its rows.
        await run_in_slices(run(), rest=while_keys_answered(self.app))
        self._filtered(articles, found[0], keep)

    def _filtered(self, articles: list[Article], matches: Matches, keep: Article | None) -> None:
        words = list(matches.words)
        if articles is not self._articles or words != filter_words(self.filter_text):
            return  # the library or the filter changed while this ran
        self._searching = False
        index = self._index
        reasons = Reasons(
            matches.elsewhere, index.__getitem__, lambda row: articles[row].text, words
        )
        self._show(matches.rows, reasons, words, keep)

    # -- showing ------------------------------------------------------------------------

    def _position(self, article: Article) -> int | None:
        """Where ``article`` is in the list as filtered (None: not shown)."""
        row = self._row_of.get(article.id)
        shown = self._rows.shown
        if row is None:
            return None
        at = bisect_left(shown, row)  # rows are listed in library order
        return at if at < len(shown) and shown[at] == row else None

    def _show(
        self, shown: Sequence[int], why: Reasons, words: list[str], keep: Article | None
    ) -> None:
        self._rows = StoryRows(
            self._articles,
            shown,
            self._measured,
            words=words,
            extras=self._extras,
            why=why,
            heights=self._heights,
            row_of=self._row_of,
            measure_now=self._small(),
            wanted=self._want_heights,
            mark=self.story_mark,
        )
        position = self._position(keep) if keep is not None else None
        self._list.set_rows(self._rows, highlighted=0 if position is None else position)
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        total = len(self._articles)
        matching = len(self._rows)
        if not self._loaded:
            self.border_subtitle = "loading…"
            return
        if self._searching:
            self.border_subtitle = f"searching {total:,}…"
        elif matching == total:
            self.border_subtitle = f"{total:,} {'story' if total == 1 else 'stories'}"
        else:
            self.border_subtitle = f"{matching:,} of {total:,}"
        note = self.summary() if self.summary is not None else ""
        if note:
            self.border_subtitle = f"{self.border_subtitle} · {note}"


def _index_steps(
    articles: list[Article],
    measured: list[Measured | None],
    index: list[StoryIndex | None],
    speakers: SpeakerLookup,
    found_speakers: list[bool],
) -> Iterator[None]:
    """Measure and index every story not done yet; a step per story (or text megabyte)."""
    made = 0
    for row, article in enumerate(articles):
        if measured[row] is None:
            measured[row] = measure(article)
            made += 1
        entry = index[row]
        if entry is None:
            index[row] = entry = yield from index_steps(article, speakers(article))
            found_speakers[0] = found_speakers[0] or bool(entry.speakers)
            made += 1
        elif not entry.speakers and (named := speakers(article)):
            index[row] = entry.with_speakers(named)
            found_speakers[0] = True
        if made >= FREEZE_EVERY:
            # Named tuples stay tracked by the cycle collector (only plain tuples are let
            # go): two per story, they made each of its full passes walk up to 200,000
            # objects, 0.1-0.4 s of frozen keys while a 100k feed was indexed. They hold
            # no cycles and live as long as the library: out of those passes.
            freeze_survivors()
            made = 0
        yield
