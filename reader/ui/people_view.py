"""`I`: the people view. Builds the library's people index in a worker and opens quotes.

Stories already analysed are used as they are; the rest are analysed in the worker,
with a progress note on the screen, and kept for when the reader opens them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Analysis, Article

PROGRESS_EVERY = 0.1  # seconds between updates of the "Analysing stories" count

if TYPE_CHECKING:
    from reader.services.annotation_session import AnnotationSession
    from reader.services.library_session import LibrarySession
    from reader.services.people import Person, QuoteRecord
    from reader.ui.copying import Copier
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.people_screen import PeopleScreen


class PeopleView:
    """Opens the people view over the main screen, and the quote picked in it."""

    def __init__(
        self,
        main: MainScreen,
        library: LibrarySession,
        annotations: AnnotationSession,
        copier: Copier,
        cache: Path,
        ner: str,
        open_article: Callable[..., None],
    ) -> None:
        self._main = main
        self._library = library
        self._annotations = annotations
        self._copier = copier
        self._cache = cache
        self._ner = ner
        self._open_article = open_article
        self._shown: PeopleScreen | None = None
        # The last index, and which analyses of which stories it was built from: the view
        # opened again on the same library shows it at once.
        self._built: tuple[tuple[tuple[str, int], ...], list[Person]] | None = None

    def show(self) -> None:
        from reader.ui.screens.people_screen import PeopleScreen

        main = self._main
        screen = PeopleScreen(self._annotations, self._library, self._copier)
        self._shown = screen
        main.app.push_screen(screen, self._closed)
        articles = list(self._library.articles)
        known = dict(self._library.analyses)
        built = self._built
        if built is not None and built[0] == _library_key(articles, known):
            main.call_after_refresh(self._ready, screen, built[1], "")
            return
        # A description of its own: Textual would otherwise write out the repr of every
        # argument, the whole library, which takes seconds.
        main.run_worker(
            lambda: self._index(screen, articles, known),
            thread=True,
            group="people",
            exclusive=True,
            exit_on_error=False,
            description="people index",
        )

    def _index(
        self, screen: PeopleScreen, articles: list[Article], known: dict[str, Analysis]
    ) -> None:
        """In the worker's thread."""
        from textual.worker import get_current_worker

        from reader.services.people import build_index

        worker = get_current_worker()
        call = self._main.app.call_from_thread
        missing = [a for a in articles if a.id not in known]
        failed = 0
        if missing:
            from reader.cache.analysis_cache import cached_analyze

            fresh: dict[str, Analysis] = {}
            shown = 0.0
            for done, article in enumerate(missing):
                if worker.is_cancelled:
                    return
                # call_from_thread waits for the UI thread: once per story, a warm
                # library of 1,000 spent seconds in those round trips alone.
                if time.monotonic() - shown >= PROGRESS_EVERY:
                    call(screen.set_progress, done, len(missing))
                    shown = time.monotonic()
                try:
                    analysis = cached_analyze(article.text, ner=self._ner, cache_dir=self._cache)
                except Exception:  # one story the analyser fails on must not lose the rest
                    failed += 1
                    continue
                known[article.id] = fresh[article.id] = analysis
            call(self._keep_analyses, fresh)
        try:
            people = build_index((a, known[a.id]) for a in articles if a.id in known)
        except Exception as error:  # a bug here must not leave the screen waiting
            people = []
            note = f"Could not list the people: {type(error).__name__}"
        else:
            note = f"{failed} stories could not be analysed" if failed else ""
            if not failed:
                self._built = (_library_key(articles, known), people)
        if not worker.is_cancelled:
            call(self._ready, screen, people, note)

    def _keep_analyses(self, fresh: dict[str, Analysis]) -> None:
        for article_id, analysis in fresh.items():
            self._library.keep_analysis(article_id, analysis)

    def _ready(self, screen: PeopleScreen, people: list[Person], note: str) -> None:
        if self._shown is screen:  # still open (it may not be mounted yet)
            screen.set_people(people, note)

    def _closed(self, record: QuoteRecord | None) -> None:
        self._shown = None
        self._main.workers.cancel_group(self._main, "people")
        if record is not None:
            self.open_at_quote(record)

    def open_at_quote(self, record: QuoteRecord) -> None:
        """Open the quote's story in the reader, with the focus on the quote."""
        self._open_article(record.article, focus=True)
        self._main.show_passage(record.quote.start, record.quote.end)


def _library_key(
    articles: list[Article], analyses: dict[str, Analysis]
) -> tuple[tuple[str, int], ...]:
    """Which stories, with which analysis objects: a new analysis makes a new key."""
    return tuple((a.id, id(analyses.get(a.id))) for a in articles)
