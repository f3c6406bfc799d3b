"""Paragraphs from a fragment of HTML (a feed item's content, or a page no extractor read).

Block elements end paragraphs, ``<br>`` too; scripts, styles and page furniture
are skipped. The walk is iterative, so deeply nested markup cannot exhaust the stack.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

# fmt: off
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
_SKIPPED = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "svg", "canvas", "head", "title",
})
# fmt: on
# Class or id words that mark an advert, promotion or share bar rather than the story.
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:ad|ads|advert\w*|promo\w*|newsletter|related|share|social|sponsor\w*"
    r"|cookie\w*|subscribe\w*)(?:$|[\s_-])",
    re.I,
)
# Page furniture: only skipped when reading a whole page, never inside a feed item.
FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "button", "menu", "dialog"})


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def paragraphs_of(root: etree._Element, skip: frozenset[str] = frozenset()) -> list[str]:
    """Text of ``root`` split into paragraphs, whitespace collapsed, empty ones dropped."""
    found: list[list[str]] = [[]]
    skipped = _SKIPPED | skip
    # The walk below sees elements only: fold comments away so their tails stay in the text.
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = _tag(element)
        if event == "start":
            if tag in skipped or _BOILERPLATE.search(
                f"{element.get('class', '')} {element.get('id', '')}"
            ):
                walker.skip_subtree()
                continue
            if tag in _BLOCKS:
                found.append([])
            if element.text:
                found[-1].append(element.text)
        else:
            if tag in _BLOCKS:
                found.append([])
            if element.tail and element is not root:
                found[-1].append(element.tail)
    return [joined for parts in found if (joined := " ".join("".join(parts).split()))]


def fragment_paragraphs(markup: str) -> list[str]:
    """Paragraphs of an HTML fragment; plain text (no tags) splits on blank lines."""
    if "<" not in markup:
        return [" ".join(part.split()) for part in markup.split("\n\n") if part.strip()]
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    return paragraphs_of(root)
