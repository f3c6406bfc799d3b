"""Quotes out of the reader: cleaned quote text, speaker and a citation, as plain text,
Markdown or a citation alone.

Stories arrive with damaged punctuation (doubled marks, a straight opener closed by a
single mark, hard line breaks inside a sentence), so the quote is repaired before it is
wrapped in exactly one pair of marks. Nothing here does I/O or imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from reader.model import Annotation, Article

STYLES: tuple[str, ...] = ("plain", "markdown", "citation")
# A quote's speaker below this confidence is marked uncertain in the status bar and copies.
UNCERTAIN_BELOW = 0.5

_DOUBLE_MARKS = '"“”„‟«»❝❞〝〞＂'
_SINGLE_MARKS = "'‘’‚‛‹›`´"
_MARKS = _DOUBLE_MARKS + _SINGLE_MARKS
_CLOSING_PUNCTUATION = ".!?…"
_OPENING_CONTEXT = set(" \t\n([{<—–-/")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_WIRE_AGENCIES = frozenset(
    ("afp", "ap", "associated press", "reuters", "tass", "dpa", "ansa", "efe", "upi", "pa")
)
# A word broken across lines by a hyphen ("well-\nknown") keeps its hyphen, no space.
_HYPHEN_BREAK = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)")
_WHITESPACE = re.compile(r"\s+")
# Two commas read by OCR from a low opening mark: ,,If we wait -> "If we wait.
_OCR_LOW_OPENER = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-])),,(?=[^\s,])")
# Two single marks typed for one double mark ('' or ‘‘ or ’’).
_SINGLE_PAIR_AS_DOUBLE = re.compile(r"''|‘‘|’’|``")
# The same double mark typed twice or more: ""approaches" -> "approaches".
_REPEATED_DOUBLE = re.compile(r"([\"“”„«»])\1+")
_DOUBLE_MARK = re.compile(f"[{re.escape(_DOUBLE_MARKS)}]")
_SINGLE_MARK = re.compile(f"[{re.escape(_SINGLE_MARKS)}]")
_INNER_MARK = re.compile(f"[{re.escape(_DOUBLE_MARKS)}'’‘`´]")
# Punctuation that belongs to the attribution, not to the quote: "We are ready," he said.
_DANGLING = re.compile(r"[\s,;:]+$")


class CitationError(ValueError):
    """A request this module cannot format, such as an unknown style."""


@dataclass(slots=True, frozen=True)
class Reference:
    """What a citation says about the story a passage comes from."""

    title: str
    author: str | None = None  # the byline
    site: str | None = None  # the publication a web page names
    agency: str | None = None  # the source or agency line of a story file
    published: str | None = None  # ISO 8601 date when known
    url: str | None = None  # a web address, never a local path
    location: str | None = None  # URL, else file path, else story id

    @property
    def outlet(self) -> str | None:
        """The publication to credit after the byline.

        The name a web page gives itself comes first, then the story's source line, then
        the web address's domain. A source line beside a wire-agency byline ("By AFP") is
        usually a picture credit, so it is not cited as the outlet.
        """
        if self.site:
            return self.site
        if self.agency and not _is_agency_byline(self.author):
            return self.agency
        return _domain(self.url)


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    value = _WHITESPACE.sub(" ", value).strip()
    return value or None


def _is_agency_byline(author: str | None) -> bool:
    """A byline that names a wire agency ("AFP", "REUTERS"), not a reporter."""
    if not author:
        return False
    return author.casefold() in _WIRE_AGENCIES or (
        " " not in author and author.isupper() and len(author) <= 8
    )


def _domain(url: str | None) -> str | None:
    """'www.example.org' of a web address as 'example.org'."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host or None


def _is_web_address(value: str | None) -> bool:
    return value is not None and value.lower().startswith(("http://", "https://"))


def reference_for_article(article: Article) -> Reference:
    author = _clean_field(article.byline)
    if author and author.lower().startswith("by "):
        author = author[3:].strip() or None
    site, agency = _clean_field(article.site), _clean_field(article.source)
    if agency and _looks_like_location(agency):
        agency = None
    url = article.url if _is_web_address(article.url) else None
    if url is None and _is_web_address(article.path):
        url = article.path
    return Reference(
        title=_clean_field(article.title) or article.id,
        author=author,
        site=site,
        agency=agency,
        published=_clean_field(article.published),
        url=url,
        location=article.location,
    )


def reference_for_annotation(annotation: Annotation, article: Article | None) -> Reference:
    """The loaded story when there is one, else what the annotation record remembers."""
    if article is not None:
        return reference_for_article(article)
    source = annotation.source or annotation.article_id
    return Reference(
        title=_clean_field(annotation.title) or source,
        url=source if _is_web_address(source) else None,
        location=source,
    )


def _looks_like_location(value: str) -> bool:
    return _is_web_address(value) or value.startswith(("/", "~", "./")) or "\\" in value


def human_date(value: str | None) -> str | None:
    """ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD, time ignored) as '27 July 2021'."""
    if not value:
        return None
    head = value.strip()[:10]
    parts = head.split("-")
    try:
        if len(parts) >= 3:
            day = date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
            return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
        if len(parts) == 2:
            month = int(parts[1])
            if 1 <= month <= 12:
                return f"{_MONTHS[month - 1]} {int(parts[0])}"
        if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == 4:
            return parts[0]
    except ValueError:
        pass
    return value.strip()


def join_lines(text: str) -> str:
    """One line: hard line breaks become spaces, runs of whitespace one space."""
    return _WHITESPACE.sub(" ", _HYPHEN_BREAK.sub("-", text)).strip()


def _count_doubles(text: str) -> int:
    return len(_DOUBLE_MARK.findall(text))


def _open_single_quotes(text: str) -> int:
    """How many single-quoted quotes are opened in ``text`` and not closed."""
    depth = 0
    for found in _SINGLE_MARK.finditer(text):
        index = found.start()
        previous = text[index - 1] if index else " "
        following = text[index + 1] if index + 1 < len(text) else " "
        if (previous in _OPENING_CONTEXT or previous in _DOUBLE_MARKS) and following.isalpha():
            depth += 1
        elif depth and not previous.isspace() and not following.isalnum():
            depth -= 1
    return depth


def _split_closing(text: str) -> tuple[str, str]:
    """(words, final punctuation) of text ending in marks, punctuation and marks again:
    '... forward".' and '... forward."' both give ('... forward', '.').

    Scanned from the end by hand: a regex with a lazy prefix backtracks quadratically
    on long runs of dots.
    """
    after = len(text)
    while after and (text[after - 1] in _MARKS or text[after - 1].isspace()):
        after -= 1
    punct_start = after
    while punct_start and text[punct_start - 1] in _CLOSING_PUNCTUATION:
        punct_start -= 1
    core_end = punct_start
    while core_end and (text[core_end - 1] in _MARKS or text[core_end - 1].isspace()):
        core_end -= 1
    return text[:core_end], text[punct_start:after]


def _strip_outer_marks(text: str) -> str:
    """Drop the marks around the passage, keeping any that pair with a mark inside it."""
    start = 0
    while start < len(text) and (text[start] in _MARKS or text[start].isspace()):
        # An elision such as '90s keeps its apostrophe.
        if text[start] in "'’" and start + 1 < len(text) and text[start + 1].isdigit():
            break
        start += 1
    lead, rest = text[:start], text[start:]
    core, punct = _split_closing(rest)
    if _count_doubles(core) % 2 == 0:
        # The tail may also close a single-quoted quote opened inside: ...saying yes,’”
        tail = "".join(char for char in rest[len(core) :] if char not in _DOUBLE_MARKS)
        keep = _open_single_quotes(core)
        kept: list[str] = []
        for char in tail.strip():
            if char in _SINGLE_MARKS:
                if keep <= 0:
                    continue
                keep -= 1
            kept.append(char)
        return core + "".join(kept)
    # One outer mark really pairs with a mark inside: '"Ready," he said.' opens a quote
    # that closes inside, '...do not always "match."' closes one that opened inside.
    first = next(i for i, char in enumerate(core) if char in _DOUBLE_MARKS)
    closes_inside = first > 0 and core[first - 1] not in _OPENING_CONTEXT
    if closes_inside and _count_doubles(lead):
        mark = next(char for char in reversed(lead) if char in _DOUBLE_MARKS)
        return mark + core + punct
    tail = rest[len(core) :].rstrip()
    if _count_doubles(lead) and _count_doubles(tail) > 1:
        # The tail closes both the inner quote and ours: drop only our (last) mark.
        last = max(tail.rfind(mark) for mark in _DOUBLE_MARKS)
        tail = tail[:last] + tail[last + 1 :]
    return (core + tail).rstrip()


def _curl_inner(text: str, *, typographic: bool) -> str:
    """Nested quotes and apostrophes inside our own pair of double marks.

    A double mark inside the quote becomes a single one (the first nesting level); a single
    quote opened inside that nested quote becomes double (the second level). A single mark
    that neither opens nor closes a quote is an apostrophe.
    """
    double_open = False
    single_open = 0
    out: list[str] = []
    done = 0
    for found in _INNER_MARK.finditer(text):
        index = found.start()
        char = text[index]
        previous = text[index - 1] if index else " "
        following = text[index + 1] if index + 1 < len(text) else " "
        opening = previous in _OPENING_CONTEXT or previous in _MARKS
        if char in _DOUBLE_MARKS:
            double_open = opening
            mark = ("‘" if opening else "’") if typographic else "'"
        else:
            starts = opening and (following.isalpha() or following in _DOUBLE_MARKS)
            ends = not starts and single_open > 0 and not following.isalnum()
            if starts or ends:
                single_open += 1 if starts else -1
                if double_open:  # second nesting level: back to double marks
                    mark = ("“" if starts else "”") if typographic else '"'
                else:
                    mark = ("‘" if starts else "’") if typographic else "'"
            else:
                mark = "’" if typographic else "'"
        out.append(text[done:index])
        out.append(mark)
        done = index + 1
    out.append(text[done:])
    return "".join(out)


def clean_quote(text: str, *, typographic: bool = True) -> str:
    """The words of a quote, repaired, without its outer marks.

    Hard line breaks are joined, doubled or mismatched marks collapse, outer marks and
    attribution punctuation ("…," he said) go, inner marks become nested single quotes.
    """
    text = join_lines(text)
    text = _OCR_LOW_OPENER.sub('"', text)
    text = _SINGLE_PAIR_AS_DOUBLE.sub('"', text)
    text = _REPEATED_DOUBLE.sub(r"\1", text)
    text = _strip_outer_marks(text)
    text = _DANGLING.sub("", text)
    if typographic:
        text = text.replace("...", "…")
    return _curl_inner(text, typographic=typographic)


def excerpt(text: str, start: int, end: int) -> str:
    """Part of a quote, ``text[start:end]``, with an ellipsis where words were cut away.

    Only words count as cut: leaving out the quote's own marks or closing punctuation
    is not an omission.
    """
    start, end = max(0, start), min(len(text), end)
    part = text[start:end].strip()
    if not part:
        return part
    before, after = text[:start], text[end:]
    if any(char.isalnum() for char in before):
        part = "..." + part.lstrip(",;: ")
    if any(char.isalnum() for char in after):
        part = _DANGLING.sub("", part) + "..."
    return part


def quoted(text: str, *, typographic: bool = True) -> str:
    """The cleaned quote inside exactly one pair of double marks."""
    core = clean_quote(text, typographic=typographic)
    return f"“{core}”" if typographic else f'"{core}"'


def _attribution(speaker: str | None, role: str | None, *, certain: bool = True) -> str | None:
    name, title = _clean_field(speaker), _clean_field(role)
    if name and title and title.casefold() in name.casefold():
        title = None  # "Deputy Foreign Minister Sergei Ryabkov" already says it
    who = ", ".join(part for part in (name, title) if part) or None
    # Square brackets: the reader's own remark, as an editor's insertion reads in print.
    return f"{who} [attribution uncertain]" if who and not certain else who


def is_certain(quote: object) -> bool:
    """Whether a quote's speaker is certain enough to cite without a warning.

    Read defensively: a quote without a confidence (older analyses, other producers)
    counts as certain, as it always did.
    """
    confidence = getattr(quote, "confidence", None)
    return not isinstance(confidence, (int, float)) or confidence >= UNCERTAIN_BELOW


def _reference_parts(reference: Reference, *, title: str) -> list[str]:
    parts = [title]
    for extra in (reference.author, reference.outlet):
        if extra and all(extra.casefold() != part.casefold() for part in parts):
            parts.append(extra)
    when = human_date(reference.published)
    if when:
        parts.append(when)
    return parts


def citation_line(reference: Reference) -> str:
    """'Title, Author, Outlet, 27 July 2021' with whatever of those is known."""
    return ", ".join(_reference_parts(reference, title=reference.title))


def _markdown_link_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _markdown_citation(reference: Reference) -> str:
    title = _markdown_link_text(reference.title)
    if reference.url:
        title = f"[{title}](<{reference.url}>)"
    return ", ".join(_reference_parts(reference, title=title))


def markdown_tag(tag: str) -> str:
    """A tag as Obsidian and Logseq accept it: no spaces, no punctuation but - _ /."""
    word = re.sub(r"\s+", "-", tag.strip())
    word = "".join(char for char in word if char.isalnum() or char in "-_/")
    if not word or word.isdigit():
        word = f"tag-{word}" if word else "tag"
    return f"#{word}"


def _format(
    text: str,
    *,
    speaker: str | None,
    role: str | None,
    reference: Reference,
    style: str,
    tags: Sequence[str],
    note: str,
    typographic: bool,
    certain: bool = True,
) -> str:
    if style not in STYLES:
        raise CitationError(f"unknown copy format {style!r}: choose one of {', '.join(STYLES)}")
    who = _attribution(speaker, role, certain=certain)
    dash = "—" if typographic else "-"
    if style == "citation":
        lead = f"{who}, quoted in " if who else ""
        line = lead + citation_line(reference)
        return f"{line}, {reference.url}" if reference.url else line
    if style == "plain":
        said = f" {dash} {who}" if who else ""
        source = citation_line(reference)
        if reference.url:
            source = f"{source}, {reference.url}"
        return f"{quoted(text, typographic=typographic)}{said} ({source})"
    core = clean_quote(text, typographic=typographic)
    source = _markdown_citation(reference)
    credit = f"{dash} {who} ({source})" if who else f"{dash} {source}"
    blocks = [f"> {core}", credit]
    if tags:
        blocks.append(" ".join(dict.fromkeys(markdown_tag(tag) for tag in tags)))
    if note.strip():
        blocks.append(note.strip())
    return "\n\n".join(blocks)


def format_quote(
    text: str,
    *,
    speaker: str | None,
    role: str | None,
    article: Article,
    style: str = "plain",
    tags: Sequence[str] = (),
    typographic: bool = True,
    certain: bool = True,
) -> str:
    """A quote with its speaker and a citation of the story, ready for the clipboard.

    plain:    “words” — Speaker, Role (Title, Author, Outlet, 27 July 2021, url)
    markdown: > words / — Speaker, Role ([Title](url), Author, Outlet, date) / #tags
    citation: Speaker, Role, quoted in Title, Author, Outlet, 27 July 2021, url
    An uncertain speaker is cited with "[attribution uncertain]" after the name.
    """
    return _format(
        text,
        speaker=speaker,
        role=role,
        reference=reference_for_article(article),
        style=style,
        tags=tags,
        note="",
        typographic=typographic,
        certain=certain,
    )


def format_annotation(
    annotation: Annotation,
    article: Article | None,
    style: str = "plain",
    *,
    role: str | None = None,
    typographic: bool = True,
) -> str:
    """A saved annotation for the clipboard; its note and tags appear in Markdown."""
    text = _format(
        annotation.selector.exact,
        speaker=annotation.speaker,
        role=role,
        reference=reference_for_annotation(annotation, article),
        style=style,
        tags=annotation.tags,
        note=annotation.note,
        typographic=typographic,
    )
    if annotation.orphan and style == "markdown":
        text += "\n\n*Orphaned: this passage is no longer found in the story's current text.*"
    return text


def format_many(
    annotations: Iterable[Annotation],
    articles: Mapping[str, Article],
    style: str = "plain",
    *,
    typographic: bool = True,
) -> str:
    """Every annotation of a story or a tag, story by story, each in text order."""
    by_story: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_story.setdefault(annotation.article_id, []).append(annotation)
    entries = [
        format_annotation(
            annotation, articles.get(annotation.article_id), style, typographic=typographic
        )
        for group in by_story.values()
        for annotation in sorted(group, key=lambda item: item.selector.start)
    ]
    return "\n\n".join(entries)
