"""`I`: the people view. Builds the library's people index in a worker and opens quotes.

Stories already analysed are used as they are; the rest are analysed in the worker,
with a progress note on the screen, and kept for when the reader opens them.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.command import CommandPalette

from reader.model import Analysis, Article, Span
from reader.ui.keys import PEOPLE_VIEW_KEYS, bindings

PROGRESS_EVERY = 0.1  # seconds between updates of the "Analysing stories" count

if TYPE_CHECKING:
    from reader.services.people import Person, QuoteRecord
    from reader.ui.screens.people_screen import PeopleScreen


class PeopleViewMixin(App[None]):
    """An App subclass, not a plain mixin, because Textual gathers BINDINGS only from
    DOMNode classes in the MRO."""

    BINDINGS = bindings(PEOPLE_VIEW_KEYS)
    _people_screen: PeopleScreen | None = None
    # The last index, and which analyses of which stories it was built from: the view
    # opened again on the same library shows it at once.
    _people_built: tuple[tuple[tuple[str, int], ...], list[Person]] | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_people":
            main = getattr(self, "main", None)
            return self.screen is main or isinstance(self.screen, CommandPalette)
        return super().check_action(action, parameters)

    def action_show_people(self) -> None:
        from reader.ui.screens.people_screen import PeopleScreen

        screen = PeopleScreen()
        self._people_screen = screen
        self.push_screen(screen, self._people_screen_closed)
        articles: list[Article] = list(getattr(self, "articles", []))
        known: dict[str, Analysis] = dict(getattr(self, "analyses", {}))
        built = self._people_built
        if built is not None and built[0] == _library_key(articles, known):
            self.call_after_refresh(self._people_ready, screen, built[1], "")
            return
        self._index_people(screen, articles, known)

    # A description of its own: Textual would otherwise write out the repr of every
    # argument, the whole library, which takes seconds.
    @work(
        thread=True,
        group="people",
        exclusive=True,
        exit_on_error=False,
        description="people index",
    )
    def _index_people(
        self, screen: PeopleScreen, articles: list[Article], known: dict[str, Analysis]
    ) -> None:
        from textual.worker import get_current_worker

        from reader.services.people import build_index

        worker = get_current_worker()
        missing = [a for a in articles if a.id not in known]
        failed = 0
        if missing:
            from reader.cache.analysis_cache import cached_analyze

            ner = str(getattr(self, "ner", "builtin"))
            locations = getattr(self, "locations", None)
            cache_dir = locations.cache if locations is not None else None
            fresh: dict[str, Analysis] = {}
            shown = 0.0
            for done, article in enumerate(missing):
                if worker.is_cancelled:
                    return
                # call_from_thread waits for the UI thread: once per story, a warm
                # library of 1,000 spent seconds in those round trips alone.
                if time.monotonic() - shown >= PROGRESS_EVERY:
                    self.call_from_thread(screen.set_progress, done, len(missing))
                    shown = time.monotonic()
                try:
                    analysis = cached_analyze(article.text, ner=ner, cache_dir=cache_dir)
                except Exception:  # one story the analyser fails on must not lose the rest
                    failed += 1
                    continue
                known[article.id] = fresh[article.id] = analysis
            self.call_from_thread(self._keep_analyses, fresh)
        try:
            people = build_index((a, known[a.id]) for a in articles if a.id in known)
        except Exception as error:  # a bug here must not leave the screen waiting
            people = []
            note = f"Could not list the people: {type(error).__name__}"
        else:
            note = f"{failed} stories could not be analysed" if failed else ""
            if not failed:
                self._people_built = (_library_key(articles, known), people)
        if not worker.is_cancelled:
            self.call_from_thread(self._people_ready, screen, people, note)

    def _keep_analyses(self, fresh: dict[str, Analysis]) -> None:
        analyses = getattr(self, "analyses", None)
        if isinstance(analyses, dict):
            for article_id, analysis in fresh.items():
                analyses.setdefault(article_id, analysis)

    def _people_ready(self, screen: PeopleScreen, people: list[Person], note: str) -> None:
        if self._people_screen is screen:  # still open (it may not be mounted yet)
            screen.set_people(people, note)

    def _people_screen_closed(self, record: QuoteRecord | None) -> None:
        self._people_screen = None
        self.workers.cancel_group(self, "people")
        if record is not None:
            self.open_at_quote(record)

    def open_at_quote(self, record: QuoteRecord) -> None:
        """Open the quote's story in the reader, with the focus on the quote."""
        main = getattr(self, "main", None)
        open_article = getattr(self, "open_article", None)
        if main is None or open_article is None:
            return
        open_article(record.article, focus=True)
        view = main.article_view
        view.focus_offset(record.quote.start)
        view.text_widget.scroll_to_span(Span(record.quote.start, record.quote.end))


def _library_key(
    articles: list[Article], analyses: dict[str, Analysis]
) -> tuple[tuple[str, int], ...]:
    """Which stories, with which analysis objects: a new analysis makes a new key."""
    return tuple((a.id, id(analyses.get(a.id))) for a in articles)
