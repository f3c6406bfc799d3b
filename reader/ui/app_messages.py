"""What the app's workers post to it: the library read, a story's analysis (or its
blocks so far), an analysis that failed."""

from __future__ import annotations

from textual.message import Message

from reader.model import Analysis, Article
from reader.ui.layers import SpanIndex


class LibraryLoaded(Message):
    def __init__(self, articles: list[Article], errors: list[str]) -> None:
        super().__init__()
        self.articles = articles
        self.errors = errors


class AnalysisReady(Message):
    """The story's analysis, or (``complete`` False) the blocks of a long story so far;
    ``layers`` are its highlights, built on the worker's thread."""

    def __init__(
        self,
        article_id: str,
        analysis: Analysis,
        complete: bool = True,
        layers: tuple[SpanIndex, SpanIndex] | None = None,
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.analysis = analysis
        self.complete = complete
        self.layers = layers


class AnalysisFailed(Message):
    def __init__(self, article_id: str, reason: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.reason = reason
