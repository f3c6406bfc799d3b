"""The record `newsreader analyze` prints for one document: its header plus the analysis."""

from __future__ import annotations

from typing import Any

from reader.model import Analysis, Article, Quote

# Every key a record can have, in the order records hold them.
HEADER_FIELDS = ("id", "title", "author", "published", "site", "url", "path", "text")
ANALYSIS_FIELDS = ("quotes", "scare_quotes", "entities", "people")
RECORD_FIELDS = HEADER_FIELDS + ANALYSIS_FIELDS


def article_header(article: Article) -> dict[str, Any]:
    """The header of a story loaded from a file, feed or page."""
    return {
        "id": article.id,
        "title": article.title,
        "author": article.byline,
        "published": article.published,
        "site": article.site or article.source,
        "url": article.url,
        "path": article.path,
        "text": article.text,
    }


def document_header(document: dict[str, Any]) -> dict[str, Any]:
    """The header of a JSON Lines document ``{"id", "title", "text"}``; other keys stay out."""
    return {"id": document.get("id"), "title": document.get("title"), "text": document["text"]}


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker": q.speaker,
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
        "cue": q.cue,
        "kind": q.kind,
        "role": q.role,
        "confidence": q.confidence,
    }


def record(header: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """``header`` (echoed as given) followed by the quotes, scare quotes, names and people."""
    result = dict(header)
    # Scorers and readers both take "quotes" to mean direct speech: scare quotes and
    # titles are listed apart, so a consumer that ignores "kind" still gets speech only.
    result["quotes"] = [_quote(q) for q in analysis.quotes if q.kind == "quote"]
    result["scare_quotes"] = [_quote(q) for q in analysis.quotes if q.kind != "quote"]
    result["entities"] = [
        {"start": e.start, "end": e.end, "text": e.text, "label": e.label}
        for e in analysis.entities
    ]
    result["people"] = [
        {"name": g.name, "label": g.label, "mentions": len(g.mentions), "quotes": g.quote_count}
        for g in analysis.groups
    ]
    return result
