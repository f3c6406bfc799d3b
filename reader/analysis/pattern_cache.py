"""Big regular expressions compiled once, kept in the cache folder beside the word lists.

The name finder's run pattern holds, as a trie, the 673 common words no name opens with:
Python's regex compiler is pure Python and spent ~10 ms of every process's first
analysis turning those 4 KB into the regex engine's code, a list of integers. Kept in
the cache folder and keyed by the pattern's own text, the engine's version and Python's,
that list is handed to the engine as it is (``re._compiler.compile`` does the same with
the list it has just made). The file is never trusted beyond that: it is checksummed
like the word lists (reader.analysis.lexicon_cache), every entry is type-checked, and the
engine validates each instruction of the code it is given, refusing (RuntimeError) what
it could not run. Anything amiss, or a Python whose regex internals differ, and the
pattern is compiled the usual way; the file is then rewritten if it can be.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import sys
from pathlib import Path
from typing import Any, Final, cast

from reader.analysis import lexicon_cache

FILE_NAME: Final = "patterns.bin"
# Each version of the analysis that changes a pattern adds an entry under its new text;
# the newest few are kept so that the file does not grow with every upgrade.
MOST_KEPT: Final = 8

# (flags, code, groups, group index, index group): what the engine is built from.
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, from the cache folder's copy of its code when it has one."""
    internals = _internals()
    path = _cache_path()
    if internals is None or path is None:
        return re.compile(pattern)
    key = _key(internals)
    entries = _read(path, key)
    entry = entries.get(pattern)
    if entry is not None:
        with contextlib.suppress(RuntimeError, TypeError, ValueError, OverflowError):
            return _engine(internals, pattern, entry)
    made = _made(internals, pattern)
    if made is None:
        return re.compile(pattern)
    older = list(entries.items())[-(MOST_KEPT - 1) :]
    kept: dict[str, object] = {**dict(older), pattern: made}
    with contextlib.suppress(OSError, ValueError):
        lexicon_cache.write_cache(path, key, kept)
    return _engine(internals, pattern, made)


def _internals() -> tuple[Any, Any, Any] | None:
    """The regex engine and the compiler's two halves, where this Python has them."""
    try:
        engine = importlib.import_module("_sre")
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
    except ImportError:
        return None
    needed = (engine, "compile"), (engine, "MAGIC"), (parser, "parse"), (compiler, "_code")
    if not all(hasattr(module, name) for module, name in needed):
        return None
    return engine, parser, compiler


def _key(internals: tuple[Any, Any, Any]) -> str:
    engine = internals[0]
    return f"sre={engine.MAGIC};python={sys.version_info[0]}.{sys.version_info[1]}"


def _cache_path() -> Path | None:
    lexicons = lexicon_cache.cache_file()
    return lexicons.with_name(FILE_NAME) if lexicons is not None else None


def _made(internals: tuple[Any, Any, Any], pattern: str) -> Compiled | None:
    """The engine's code for ``pattern``, as ``re._compiler.compile`` makes it."""
    _engine_module, parser, compiler = internals
    try:
        parsed = parser.parse(pattern, 0)
        code = compiler._code(parsed, 0)
        state = parsed.state
        group_index = dict(state.groupdict)
        index_group: list[str | None] = [None] * state.groups
        for name, number in group_index.items():
            index_group[number] = name
        # Plain ints: the compiler's opcodes are an int subclass that marshal refuses.
        return (
            int(state.flags),
            list(map(int, code)),
            int(state.groups) - 1,
            group_index,
            tuple(index_group),
        )
    except Exception:  # internals not as expected: the caller compiles the usual way
        return None


def _engine(internals: tuple[Any, Any, Any], pattern: str, entry: Compiled) -> re.Pattern[str]:
    flags, code, groups, group_index, index_group = entry
    built = internals[0].compile(pattern, flags, code, groups, group_index, index_group)
    if not isinstance(built, re.Pattern):
        raise TypeError("the regex engine gave back no pattern")
    return built


def _read(path: Path, key: str) -> dict[str, Compiled]:
    """The file's entries when it is whole and made for ``key``; else none."""
    try:
        blob = path.read_bytes()
    except OSError:
        return {}
    tables = lexicon_cache.read_cache(blob, key)
    if tables is None:
        return {}
    found: dict[str, Compiled] = {}
    for text, entry in tables.items():
        if _valid(text, entry):
            found[text] = cast(Compiled, entry)
    return found


def _valid(text: object, entry: object) -> bool:
    if not isinstance(text, str) or not isinstance(entry, tuple) or len(entry) != 5:
        return False
    flags, code, groups, group_index, index_group = entry
    return (
        type(flags) is int
        and type(groups) is int
        and isinstance(code, list)
        and set(map(type, code)) <= {int}
        and isinstance(group_index, dict)
        and set(map(type, group_index)) <= {str}
        and set(map(type, group_index.values())) <= {int}
        and isinstance(index_group, tuple)
        and set(map(type, index_group)) <= {str, type(None)}
    )
