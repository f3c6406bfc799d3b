"""What `y` copies: the focused annotation, quote, part of a quote or passage, attributed.

No Textual: the screen says what is focused and this decides the words and who said
them. A wrong speaker in a reader's clipboard is the worst mistake the app can make,
so the rule lives in one place with tests of its own (tests/services/test_copy_text.py).
"""

from __future__ import annotations

from reader.model import Annotation, Article, Quote, Span


def text_to_copy(
    article: Article,
    *,
    quote: Quote | None,
    span: Span | None,
    annotation: Annotation | None,
    style: str,
) -> tuple[str, str] | None:
    """The text for `y` and a word for what it is, or None when nothing is focused.

    ``quote`` is the quote the focus is in, ``span`` the focused unit or selection,
    ``annotation`` the annotation under the focus.
    """
    from reader.citation import excerpt, format_annotation, format_quote, is_certain

    if annotation is not None:
        role = quote.role if quote is not None else None
        return format_annotation(annotation, article, style, role=role), "annotation"
    if quote is not None and (span is None or quote.start <= span.start <= span.end <= quote.end):
        # Part of a quote is still that speaker's words: keep the attribution and mark
        # the cut, so the copy never reads as the whole quote nor as unattributed.
        whole = span is None or span == quote.span
        words = quote.text
        if span is not None and not whole:
            words = excerpt(quote.text, span.start - quote.start, span.end - quote.start)
        if words.strip():
            text = format_quote(
                words,
                speaker=quote.speaker,
                role=quote.role,
                article=article,
                style=style,
                certain=is_certain(quote),
            )
            return text, "quote" if whole else "part of a quote"
    if span is None or span.start == span.end:
        return None
    passage = article.text[span.start : span.end]
    return format_quote(passage, speaker=None, role=None, article=article, style=style), "passage"
