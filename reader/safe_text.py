"""One sanitiser for every untrusted string that can reach a terminal, a notice or a copy.

Stories, feeds, pages, file names, imported backups and server messages are written by
strangers. A terminal obeys what they carry: ``ESC ] 52`` sets the clipboard, ``ESC ] 0``
renames the window, ``ESC [ 2 J`` clears the screen, ``ESC ] 8`` plants a link, and the
one-byte C1 forms (``\\x9b`` for CSI) do the same on terminals that read them. A BiDi
override (U+202E) makes text read backwards, hiding what a line really says. Textual's
``Content`` and Rich's ``Text`` pass all of these through.

- :func:`clean` is for text with lines (a story body, a note, a copy, an export):
  whole escape sequences removed, then every other control character except tab and
  newline, and the BiDi embeddings, overrides and isolates.
- :func:`clean_line` is :func:`clean` on one line: all whitespace runs become one space
  (titles, bylines, tags, status lines).
- :func:`visible` shows control characters as ``\\x1b``-style escapes instead of dropping
  them: for file names and addresses in messages, where the user needs to find the file.
- :data:`DISPLAY_TABLE` replaces each unsafe character by one space, for drawing text
  whose offsets must not move (the article view maps a column to a character).

Text without anything to remove (nearly every story) costs one C-speed regex scan.
Nothing here imports Textual.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Annotation

# BiDi embeddings (LRE, RLE), pop (PDF), overrides (LRO, RLO) and isolates (LRI, RLI,
# FSI, PDI): they reorder what follows them. The plain marks (LRM, RLM, ALM) only
# nudge neutral characters, belong in Arabic and Hebrew text, and are kept.
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"

# Everything a terminal may act on: C0 (tab and newline are kept by the callers), DEL,
# C1, and the BiDi controls above.
_UNSAFE_CLASS = f"\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}"
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
_UNSAFE_OR_LAYOUT = re.compile(f"[\t\n{_UNSAFE_CLASS}]")

# Control strings: OSC (ESC ] / 0x9d), DCS (ESC P / 0x90), SOS (ESC X / 0x98), PM (ESC ^ /
# 0x9e), APC (ESC _ / 0x9f) and screen's window name (ESC k), ended by BEL or ST (ESC \\ /
# 0x9c). The body stops at any other introducer or terminator, so the scan stays linear on
# hostile input; an unterminated string loses only its introducer and stays visible as text.
_STRING_SEQUENCE = re.compile(
    r"(?:\x1b[\]PX^_k]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c-\x9f]*+(?:\x07|\x1b\\|\x9c)"
)
# CSI (ESC [ / 0x9b): parameter bytes, intermediate bytes, one final byte.
_CSI_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[\x30-\x3f]*+[\x20-\x2f]*+[\x40-\x7e]")
# Any other escape: ESC, intermediate bytes, a final byte (ESC c resets the terminal,
# ESC ( 0 switches to line-drawing characters).
_OTHER_ESCAPE = re.compile(r"\x1b[\x20-\x2f]*+[\x30-\x7e]")
# Vertical tab, form feed and a lone carriage return end a line in the text they come from.
_LINE_ENDS = re.compile(r"\r\n?|[\x0b\x0c]")

DISPLAY_TABLE: dict[int, str] = {
    code: " "
    for code in (
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}
"""``str.translate`` table drawing each control character (tab and newline included) as one
space: the text keeps its length, so offsets into it still hold."""


# The ASCII characters _UNSAFE does not match: an ASCII text with these deleted keeps
# exactly the ones it does.
_ASCII_SAFE = bytes(code for code in range(128) if _UNSAFE.match(chr(code)) is None)


# Characters looked at per C call by ``ascii_only_of``: a 49 MB story is read in a thread
# while the first page is already shown, and one pass over all of it held the interpreter
# lock 50-100 ms against the UI (a key pressed as the story opened waited for it); a
# piece of 1 MB holds it a millisecond or two.
PIECE = 1 << 20


def ascii_only_of(text: str, allowed: bytes) -> bool:
    """Whether ``text`` is ASCII made of the characters in ``allowed`` only.

    Asked in C at some five times a regex's speed on a long text: ``isascii`` reads a
    flag, the copy to bytes is a memcpy, and deleting the allowed bytes is a table pass,
    where a regex tests a character class at every character.
    """
    if not text.isascii():
        return False
    return not any(
        text[at : at + PIECE].encode("ascii").translate(None, allowed)
        for at in range(0, len(text), PIECE)
    )


def _ascii_and_safe(text: str) -> bool:
    """Whether ``text`` is ASCII without anything _UNSAFE matches (False: ask the regex)."""
    return ascii_only_of(text, _ASCII_SAFE)


def is_clean(text: str) -> bool:
    """Whether ``text`` holds nothing :func:`clean` would remove."""
    return _ascii_and_safe(text) or _UNSAFE.search(text) is None


def clean(text: str) -> str:
    """``text`` without escape sequences, control characters (except tab and newline) or
    BiDi overrides; a carriage return, vertical tab or form feed becomes a newline."""
    if _ascii_and_safe(text) or _UNSAFE.search(text) is None:
        return text
    text = _LINE_ENDS.sub("\n", text)
    text = _STRING_SEQUENCE.sub("", text)
    text = _CSI_SEQUENCE.sub("", text)
    text = _OTHER_ESCAPE.sub("", text)
    return _UNSAFE.sub("", text)


def clean_line(text: str) -> str:
    """:func:`clean` on one line: whitespace runs (newlines and tabs too) become one space."""
    return " ".join(clean(text).split())


def clean_optional(text: str | None) -> str | None:
    """:func:`clean_line` of a field that may be missing; None stays None."""
    return None if text is None else clean_line(text)


def json_for_terminal(document: str) -> str:
    """JSON text with every character a terminal may act on written as a ``\\u`` escape.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 but writes DEL, C1 and BiDi
    controls as they are; escaped, they read back as the same data. They can only
    stand inside JSON strings, so the substitution never touches the structure.
    """
    if _ascii_and_safe(document):
        return document  # most records; a story's is megabytes
    return _UNSAFE.sub(_json_escape, document)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def clean_tags(tags: list[str], *, unique: bool = False) -> list[str]:
    """Each tag as :func:`clean_line`, in order, without empty ones (nor, with ``unique``,
    repeats: two tags may differ only by what cleaning removed)."""
    cleaned = [tag for tag in map(clean_line, tags) if tag]
    return list(dict.fromkeys(cleaned)) if unique else cleaned


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object) -> str:
    """``text`` (a path, an address) with each control character shown as an escape.

    ``evil\\x1b]0;x\\x07.txt`` stays recognisable in a message, yet the terminal sees no
    escape. A file name that is not valid UTF-8 reaches Python with lone surrogates, which
    no UTF-8 stream can write: they become U+FFFD.
    """
    # surrogateescape turns a file name's undecodable bytes back into bytes; any other
    # lone surrogate (from JSON's \\ud800, say) has no bytes at all: "surrogatepass"
    # writes it as its three bytes, which the "replace" decoding then shows as U+FFFD.
    try:
        raw = str(text).encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = str(text).encode("utf-8", "surrogatepass")
    shown = raw.decode("utf-8", "replace")
    return _UNSAFE_OR_LAYOUT.sub(_escape, shown)


def clean_annotation(annotation: Annotation) -> Annotation:
    """``annotation`` with its readable fields cleaned (passage, title, tags, note, speaker).

    Ids, timestamps and ``source`` are kept as they are: they are keys (``source`` is the
    path the story is read again from) and are cleaned where they are shown.
    """
    selector = annotation.selector
    texts = (annotation.title, annotation.note, annotation.colour or "", annotation.speaker or "")
    passage = (selector.exact, selector.prefix, selector.suffix)
    if all(map(is_clean, (*texts, *passage, *annotation.tags))):
        return annotation
    return replace(
        annotation,
        title=clean_line(annotation.title),
        note=clean(annotation.note),
        colour=clean_optional(annotation.colour),
        speaker=clean_optional(annotation.speaker),
        tags=clean_tags(annotation.tags),
        selector=replace(
            selector,
            exact=clean(selector.exact),
            prefix=clean(selector.prefix),
            suffix=clean(selector.suffix),
        ),
    )
