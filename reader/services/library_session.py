"""The library the reader has open: its stories, the one in the reader, their analyses.

No Textual. The app loads and reads stories again in workers and hands the results
here; the rules of what a reload changes (reader.services.reload_merge) and of the
library's order are applied here, and the screen shows what comes back.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Analysis, Article
from reader.services.library import newest_first

if TYPE_CHECKING:
    from reader.services.reload_merge import Merge


class LibrarySession:
    """The stories, newest first; the story in the reader; the analyses found so far."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.current: Article | None = None  # the story in the reader
        self.analyses: dict[str, Analysis] = {}  # story id -> its complete analysis

    def loaded(self, articles: Iterable[Article]) -> None:
        """The stories read at start-up, in the library's order."""
        self.articles = newest_first(list(articles))

    def add(self, article: Article) -> bool:
        """Add a story read from elsewhere (a tagged story not in the library): True if new."""
        if any(known.id == article.id for known in self.articles):
            return False
        self.articles.append(article)
        return True

    def open(self, article: Article) -> Analysis | None:
        """``article`` is now in the reader: its analysis, if it is already known."""
        self.current = article
        return self.analyses.get(article.id)

    def is_current(self, article_id: str) -> bool:
        return self.current is not None and self.current.id == article_id

    def analysed(self, article_id: str, analysis: Analysis) -> None:
        """A story's complete analysis: kept for when it is opened again."""
        self.analyses[article_id] = analysis

    def keep_analysis(self, article_id: str, analysis: Analysis) -> None:
        """An analysis made elsewhere (the people view): kept unless one is known already."""
        self.analyses.setdefault(article_id, analysis)

    def position(self, article: Article) -> str:
        """Where the story is from and its place in the library: "drought.txt · 2/3"."""
        position = next(
            (n for n, other in enumerate(self.articles, 1) if other.id == article.id), 0
        )
        name = Path(article.path).name if article.path else (article.url or "")
        return (
            f"{name} · {position}/{len(self.articles)}"
            if name
            else f"{position}/{len(self.articles)}"
        )

    def from_origin(self, origin: str) -> list[Article]:
        """The library's stories read from ``origin`` (one file, or a feed's address)."""
        from reader.sources import origin_of

        return [known for known in self.articles if origin_of(known) == origin]

    def reloaded(self, origin: str, fresh: list[Article]) -> Merge:
        """Fold the stories read again from ``origin`` into the library.

        Compared with the library as it is now (it may have changed during the fetch);
        a changed story's old analysis is dropped.
        """
        from reader.services.reload_merge import merge_reloaded  # on a reload only

        merge = merge_reloaded(self.articles, self.from_origin(origin), fresh)
        self.articles = merge.articles
        for old_id in merge.replaced:
            self.analyses.pop(old_id, None)
        return merge
