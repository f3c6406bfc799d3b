"""Tags as readers type them, and the colour each tag is drawn in.

Pure functions (no Textual): the tag dialog, the reader and the panels agree on how
"#economy, labour" splits into tags and on which colour a tag gets when nobody chose one.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping, Sequence

# Distinct on the dark and the paper theme alike: they are blended into the background.
PALETTE: tuple[tuple[str, str], ...] = (
    ("amber", "#E5A93B"),
    ("sky", "#4F9FE0"),
    ("green", "#5DAE5B"),
    ("violet", "#A87BD8"),
    ("coral", "#E0665F"),
    ("teal", "#3FB0A8"),
    ("rose", "#D9709F"),
    ("olive", "#A5A83A"),
    ("slate", "#7F93AD"),
    ("orange", "#E8711E"),
)
# Colours the palette once had, still stored on older annotations: orange was #E07F35
# until it sat too close to amber to tell apart.
_FORMER: dict[str, str] = {"#e07f35": "orange"}
_NAMES = {**_FORMER, **{code.casefold(): name for name, code in PALETTE}}
# Tags are separated by commas, as in most tag fields, so "local government" stays one
# tag; a space before a # also starts a new tag, for people who type "#economy #housing".
_SEPARATORS = re.compile(r"\s*,\s*|\s+(?=#)")
_SPACES = re.compile(r"\s+")


def parse_tags(text: str) -> list[str]:
    """Tags typed as "#economy, local government" -> ["economy", "local government"].

    Commas separate, and so does a space before ``#``; spaces inside a tag are kept (runs
    of them as one); a leading ``#`` is dropped; a tag typed twice (in any case) is kept
    once, as first typed.
    """
    tags: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(text):
        tag = _SPACES.sub(" ", part.strip().lstrip("#").strip())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


def canonical_tags(tags: Iterable[str], known: Sequence[str]) -> list[str]:
    """Each tag spelled as it already is in the library ("Economy" -> "economy")."""
    spelling: dict[str, str] = {}
    for tag in known:
        spelling.setdefault(tag.casefold(), tag)
    return [spelling.get(tag.casefold(), tag) for tag in tags]


def last_token(text: str) -> tuple[str, str]:
    """``text`` split before the tag being typed: "economy, local gov" ->
    ("economy, ", "local gov"). The tag being typed may hold spaces; it starts after the
    last comma (and its spaces), or at a # that follows a space."""
    start = 0
    for found in _SEPARATORS.finditer(text):
        start = found.end()
    while start < len(text) and text[start].isspace():
        start += 1
    return text[:start], text[start:]


def completions(token: str, known: Sequence[str], typed: Iterable[str] = ()) -> list[str]:
    """Known tags starting with ``token`` (case-insensitive), in ``known``'s order.

    Tags already typed elsewhere in the field are left out.
    """
    stem = token.lstrip("#").casefold()
    taken = {tag.casefold() for tag in typed}
    return [tag for tag in known if tag.casefold().startswith(stem) and tag.casefold() not in taken]


def default_colour(tag: str) -> str:
    """The palette colour for ``tag``: the same on every machine and every run."""
    # crc32, not hash(): Python salts str hashes per process.
    index = zlib.crc32(tag.casefold().encode("utf-8")) % len(PALETTE)
    return PALETTE[index][1]


def tag_colour(tag: str, chosen: Mapping[str, str]) -> str:
    """The colour the reader chose for ``tag``, else its default."""
    return chosen.get(tag) or default_colour(tag)


def next_colour(colour: str) -> str:
    """The palette colour after ``colour`` (the first one for a colour not in the palette)."""
    codes = [code.casefold() for _name, code in PALETTE]
    try:
        index = codes.index(colour.casefold())
    except ValueError:
        return PALETTE[0][1]
    return PALETTE[(index + 1) % len(PALETTE)][1]


def colour_name(colour: str) -> str:
    """A word for a palette colour ("amber"); other colours are shown as they are written."""
    return _NAMES.get(colour.casefold(), colour)


def display_colour(tags: Sequence[str], own: str | None, chosen: Mapping[str, str]) -> str:
    """The colour a passage is drawn in: its first tag's colour as chosen now.

    A tag recoloured later recolours every passage with it; an annotation without tags
    (a note only) keeps the colour it was saved with.
    """
    if tags:
        return tag_colour(tags[0], chosen)
    return own or PALETTE[0][1]
