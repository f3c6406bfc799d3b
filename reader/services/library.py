"""The library's order, and reading and analysing the stories the headless people and
quotes commands are given."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reader.model import Analysis, Article


def newest_first(articles: Sequence[Article]) -> list[Article]:
    """Dated stories newest first, then undated ones in the order they were found."""
    dated = sorted(
        (article for article in articles if article.published),
        key=lambda article: article.published or "",
        reverse=True,
    )
    return dated + [article for article in articles if not article.published]


def analyse_stories(
    articles: Iterable[Article],
    ner: str = "builtin",
    on_error: Callable[[str], None] = print,
    cache_dir: Path | None = None,
) -> list[tuple[Article, Analysis]]:
    """Each story with its analysis; a story the analyser fails on is named and left out.

    The one place the people index gets its analyses: a story analysed before (in the
    app or by an earlier command) is read from the analysis cache under ``cache_dir``.
    """
    from reader.cache.analysis_cache import cached_analyze

    pairs: list[tuple[Article, Analysis]] = []
    for article in articles:
        try:
            pairs.append((article, cached_analyze(article.text, ner=ner, cache_dir=cache_dir)))
        except Exception as error:  # one bad story must not lose the others
            on_error(f"{article.location}: could not be analysed: {type(error).__name__}")
    return pairs


def load_and_analyse(
    paths: Sequence[str], ner: str, on_error: Callable[[str], None], cache_dir: Path | None
) -> list[tuple[Article, Analysis]]:
    """Stories under ``paths`` with their analyses; each path that gives none is named."""
    from reader.sources import SourceError, load_all
    from reader.sources.kinds import is_url

    targets: list[str | Path] = [p if is_url(p) else Path(p) for p in paths]
    try:
        articles, errors = load_all(targets)
    except SourceError as error:
        on_error(str(error))
        return []
    for problem in errors:
        on_error(str(problem))
    return analyse_stories(articles, ner, on_error, cache_dir)
