"""The library pane: every loaded story (title, source, date) with an incremental filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.model import Article
from reader.safe_text import clean_line
from reader.ui.keys import LIBRARY_KEYS, LIBRARY_LIST_KEYS, bindings

# A list entry costs Textual a fraction of a millisecond to lay out: a feed of 100,000
# stories lists the first MAX_LISTED that pass the filter, and says how many more there are.
MAX_LISTED = 100
# Up to this many stories the filter runs at once on each key; a bigger library is
# filtered on a thread, so typing never waits for it.
FILTER_AT_ONCE = 2_000


def story_meta(article: Article) -> str:
    """The second line of a library entry: when, then where the story is from.

    The date comes first so a narrow pane wraps inside a long source name, not the date.
    """
    where = article.source or article.site or (Path(article.path).name if article.path else "")
    parts = [part for part in (display_date(article.published), where) if part]
    return clean_line(" · ".join(parts))


def display_date(published: str | None) -> str:
    if not published:
        return ""
    try:
        return dt.date.fromisoformat(published[:10]).strftime("%-d %b %Y")
    except ValueError:
        return published  # a date we cannot parse is still better shown than hidden


def haystack(article: Article) -> str:
    """What the filter searches: title, date and source as shown, byline; case-folded."""
    return f"{article.title}\n{story_meta(article)}\n{article.byline or ''}".casefold()


def matches(article: Article, words: Sequence[str]) -> bool:
    """Every word of the filter appears in the title, source or byline (case-insensitive)."""
    found = haystack(article)
    return all(word in found for word in words)


def filter_words(query: str) -> list[str]:
    return query.casefold().split()


def story_prompt(
    article: Article, words: Sequence[str], extra: str = "", mark: str = ""
) -> Content:
    title = Content.styled(clean_line(article.title) or "(untitled)", "bold")
    if mark:  # the reading state's mark (unread) before the title, searched like it
        title = Content.assemble(Content.styled(mark, "bold $text-accent"), " ", title)
    meta = story_meta(article)
    if extra:
        meta = f"{meta} · {extra}" if meta else extra
    prompt = Content.assemble(title, "\n", Content.styled(meta, "$text-muted"))
    folded = prompt.plain.casefold()
    for word in words:
        start = folded.find(word)
        while start != -1:
            prompt = prompt.stylize("bold $text-accent underline", start, start + len(word))
            start = folded.find(word, start + len(word))
    return prompt


class StoryList(OptionList):
    """The list of stories; `enter` asks the library to open the highlighted one."""

    BINDINGS = bindings(LIBRARY_LIST_KEYS)
    BINDING_GROUP_TITLE = "Library"

    def action_open(self) -> None:
        self.action_select()


class Library(Vertical):
    """Stories on the left; type `/` to filter them by title or source."""

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
        self._shown: list[Article] = []
        self._extras: dict[str, str] = {}
        self._haystacks: dict[int, str] = {}  # id(article) -> haystack(article)
        self._matching = 0  # stories passing the filter, listed or not
        self._loaded = False
        self._anchor: Article | None = None
        self._filter = Input(placeholder="filter by title, source or author", id="library-filter")
        self._filter.display = False
        self._list = StoryList(id="story-list")
        # Asked by the reading state's owner: a story's mark, and a note for the border.
        self.story_mark: Callable[[Article], str] | None = None
        self.summary: Callable[[], str] | None = None

    def compose(self) -> ComposeResult:
        yield self._filter
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
        return list(self._shown)

    @property
    def filter_text(self) -> str:
        return self._filter.value

    @property
    def highlighted(self) -> Article | None:
        index = self._list.highlighted
        if index is None or index >= len(self._shown):
            return None
        return self._shown[index]

    def set_articles(
        self, articles: Sequence[Article], renamed: Mapping[str, Article] | None = None
    ) -> None:
        """Show ``articles``; the highlighted story stays highlighted wherever it now is.

        ``renamed`` maps the id of a story whose text changed to its new version.
        """
        keep = self.highlighted or self._anchor
        if keep is not None and renamed:
            keep = renamed.get(keep.id, keep)
        self._articles = list(articles)
        self._haystacks = {}
        self._loaded = True
        self._refilter(keep=keep)

    def set_extras(self, extras: dict[str, str]) -> None:
        """Every story's short note at once (one redraw, not one per story)."""
        wanted = {article_id: text for article_id, text in extras.items() if text}
        if wanted == self._extras:
            return
        self._extras = wanted
        self._refilter(keep=self.highlighted)

    def refresh_marks(self) -> None:
        """Ask ``story_mark`` and ``summary`` again (a story was read, say)."""
        self._refilter(keep=self.highlighted)

    def focus_list(self) -> None:
        self._list.focus()

    def highlight_article(self, article: Article) -> None:
        for index, shown in enumerate(self._shown):
            if shown.id == article.id:
                self._list.highlighted = index
                return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self._filter.display or bool(self._filter.value)
        if action == "reload":
            return bool(self._shown)
        return True

    def action_reload(self) -> None:
        article = self.highlighted
        if article is not None:
            self.post_message(self.ReloadRequested(article))

    def action_filter(self) -> None:
        self._filter.display = True
        self._filter.focus()
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        keep = self.highlighted
        self._filter.value = ""
        self._filter.display = False
        self._refilter(keep=keep)
        self.focus_list()
        self.refresh_bindings()

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refilter(keep=self.highlighted)

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            self.action_clear_filter()
        else:
            self.focus_list()

    @on(OptionList.OptionSelected, "#story-list")
    def _story_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._shown):
            self.post_message(self.OpenRequested(self._shown[event.option_index]))

    def _refilter(self, keep: Article | None) -> None:
        # A filter that hides every story must not forget where the reader was.
        keep = keep or self._anchor
        self._anchor = keep
        words = filter_words(self.filter_text)
        if not words:
            self._show(self._articles, len(self._articles), words, keep)
        elif len(self._articles) <= FILTER_AT_ONCE:
            shown = [a for a in self._articles if all(w in self._haystack(a) for w in words)]
            self._show(shown, len(shown), words, keep)
        else:
            self._filter_in_thread(self._articles, words, keep)

    def _haystack(self, article: Article) -> str:
        found = self._haystacks.get(id(article))
        if found is None:
            found = self._haystacks[id(article)] = haystack(article)
        return found

    @work(
        thread=True,
        group="library-filter",
        exclusive=True,
        exit_on_error=False,
        description="filter the library",  # not the repr of 100,000 stories
    )
    def _filter_in_thread(
        self, articles: list[Article], words: list[str], keep: Article | None
    ) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        shown: list[Article] = []
        for number, article in enumerate(articles):
            if number % 5_000 == 0 and worker.is_cancelled:
                return  # a newer keystroke asked for another filter
            if all(word in self._haystack(article) for word in words):
                shown.append(article)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._filtered, articles, words, shown, keep)

    def _filtered(
        self, articles: list[Article], words: list[str], shown: list[Article], keep: Article | None
    ) -> None:
        if articles is not self._articles or words != filter_words(self.filter_text):
            return  # the library or the filter changed while this ran
        self._show(shown, len(shown), words, keep)

    def _show(
        self, shown: list[Article], matching: int, words: list[str], keep: Article | None
    ) -> None:
        listed = shown[:MAX_LISTED]
        if keep is not None and len(shown) > len(listed) and all(a.id != keep.id for a in listed):
            # The story being read stays in the list, last, if the filter lets it through.
            listed[-1:] = [a for a in shown[len(listed) :] if a.id == keep.id][:1] or listed[-1:]
        self._shown = listed
        self._matching = matching
        options: list[Option | None] = []
        for article in listed:
            extra = self._extras.get(article.id, "")
            mark = self.story_mark(article) if self.story_mark else ""
            options += [Option(story_prompt(article, words, extra, mark), id=article.id), None]
        if matching > len(listed):
            more = f"… {matching - len(listed):,} more: type / to narrow the list"
            options.append(Option(Content.styled(more, "$text-muted"), disabled=True))
        else:
            options = options[:-1]  # a thin rule between stories, none after the last
        self._list.set_options(options)
        if listed:
            ids = [article.id for article in listed]
            self._list.highlighted = ids.index(keep.id) if keep and keep.id in ids else 0
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        total = len(self._articles)
        if not self._loaded:
            self.border_subtitle = "loading…"
        elif self._matching == total:
            self.border_subtitle = f"{total:,} {'story' if total == 1 else 'stories'}"
        else:
            self.border_subtitle = f"{self._matching:,} of {total:,}"
        note = self.summary() if self.summary and self._loaded else ""
        if note:
            self.border_subtitle = f"{self.border_subtitle} · {note}"
