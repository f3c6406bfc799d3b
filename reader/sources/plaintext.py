"""Plain-text stories (.txt): a header block, then hard-wrapped paragraphs."""

from __future__ import annotations

from pathlib import Path

from reader.model import Article
from reader.safe_text import clean
from reader.sources.decoding import MAX_BYTES, read_decoded
from reader.sources.header import parse_header
from reader.sources.identity import article_id, resolved, title_from_path
from reader.sources.kinds import PLAINTEXT_EXTENSIONS
from reader.sources.layout import head_blocks, plain_paragraphs

EXTENSIONS = PLAINTEXT_EXTENSIONS
HEADER_BLOCKS = 16  # the header reads fewer (title, summary, up to six header blocks)


def parse(text: str, path: Path | None = None) -> Article:
    """The Article in already-decoded text (newlines already ``\\n``).

    Escape sequences and control characters are removed before anything else, so every
    offset the analysis and the annotations use is an offset into the cleaned text.
    """
    text = clean(text)
    # The header is in the first few blocks; the rest is read as offsets only.
    found, tail = head_blocks(text, HEADER_BLOCKS)
    header = parse_header(text, found)
    paragraphs = plain_paragraphs(text, header.body, tail)
    location = resolved(path) if path is not None else None
    return Article(
        id=article_id(text, location),
        text=text,
        title=header.title or title_from_path(path),
        byline=header.byline,
        source=header.source,
        published=header.published,
        path=location,
        body_start=paragraphs[0].start if paragraphs else len(text),
        paragraphs=paragraphs,
    )


def load(path: Path, max_bytes: int = MAX_BYTES) -> Article:
    decoded = read_decoded(path, max_bytes)
    article = parse(decoded.text, path)
    article.reading_note = decoded.note
    return article
