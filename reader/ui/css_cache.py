"""Parsed stylesheets kept between launches, so start-up does not parse the same CSS again.

Textual parses every CSS source (the app's .tcss files and each widget's DEFAULT_CSS)
at each start-up: ~20 ms of the first frame, for text that changes only with an upgrade
or a theme. Each source's rule sets are kept in one file of the cache folder, keyed by
the source, its place, the theme's variables and Textual's own files; a launch whose
sources and theme are unchanged unpickles them (~3 ms) instead.

The file is read with a restricted unpickler: only the handful of Textual classes a
parsed stylesheet is made of can be named in it, so a damaged or planted file builds
nothing else and runs no code; anything unexpected is a miss, parsed as usual.
"""

from __future__ import annotations

import contextlib
import io
import marshal
import pickle
import sys
from pathlib import Path
from typing import Any

from textual.css import styles as textual_styles
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from reader.atomic_file import write_atomically
from reader.digest import blake2b

FORMAT = 1  # bumped when what a cache entry holds changes
FILE_NAME = "stylesheets.bin"

# What a parsed stylesheet is made of (every widget of Textual's and ours, checked by
# tests/ui/test_css_cache.py): a name outside this list makes its entry a miss.
_ALLOWED: dict[str, frozenset[str]] = {
    "textual.color": frozenset({"Color"}),
    "textual.css.model": frozenset(
        {
            "CombinatorType",
            "RuleSet",
            "Selector",
            "SelectorSet",
            "SelectorType",
            "_check_class",
            "_check_id",
            "_check_type",
            "_check_universal",
        }
    ),
    "textual.css.scalar": frozenset({"Scalar", "ScalarOffset", "Unit"}),
    "textual.css.styles": frozenset({"Styles"}),
    "textual.geometry": frozenset({"Spacing"}),
    "textual.layouts.grid": frozenset({"GridLayout"}),
    "textual.layouts.horizontal": frozenset({"HorizontalLayout"}),
    "textual.layouts.vertical": frozenset({"VerticalLayout"}),
    "functools": frozenset({"partial"}),
}


def _bound_lookup(owner: object, name: str) -> Any:
    """Pickle's getattr, as a stylesheet uses it: a Styles keeps its rules dict's ``get``
    and ``__contains__`` as bound methods. Nothing else can be looked up."""
    if isinstance(owner, dict) and name in ("get", "__contains__"):
        return getattr(owner, name)
    raise pickle.UnpicklingError(f"{name!r} is not looked up by a stylesheet")


class _RulesUnpickler(pickle.Unpickler):
    def find_class(self, module_name: str, name: str) -> Any:
        if module_name == "builtins" and name == "getattr":
            return _bound_lookup
        if name not in _ALLOWED.get(module_name, ()):
            raise pickle.UnpicklingError(f"{module_name}.{name} is not part of a stylesheet")
        return super().find_class(module_name, name)


def _textual_build() -> bytes:
    """Which Textual parsed: its styles module's size and time (an upgrade rewrites them),
    without importlib.metadata (~5 ms) to read its version."""
    stat = Path(textual_styles.__file__).stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}:{sys.version_info[:2]}".encode()


class ParsedCss:
    """The rule sets each CSS source parsed into: read from one file, written back to it.

    Kept: the entries this launch asked for (hits and new ones), so themes and sources
    no longer used drop out of the file at the next save.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stored: dict[bytes, bytes] | None = None  # read on first use
        self._used: dict[bytes, bytes | list[RuleSet]] = {}
        self.missed = False

    def _read(self) -> dict[bytes, bytes]:
        try:
            form, entries = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return {}  # none yet, or damaged: everything is parsed as usual
        if form != FORMAT or not isinstance(entries, dict):
            return {}
        return entries

    def get(self, key: bytes) -> list[RuleSet] | None:
        if self._stored is None:
            self._stored = self._read()
        data = self._stored.get(key)
        if not isinstance(data, bytes):
            return None
        try:
            rules = _RulesUnpickler(io.BytesIO(data)).load()
        except Exception:  # anything unexpected in the file: parse instead
            return None
        if not (isinstance(rules, list) and all(isinstance(rule, RuleSet) for rule in rules)):
            return None
        self._used[key] = data
        return rules

    def put(self, key: bytes, rules: list[RuleSet]) -> None:
        self._used[key] = rules  # pickled by save(), after the first frame
        self.missed = True

    def save(self) -> None:
        """Write the entries used, if any had to be parsed; a failure only costs a parse."""
        if not self.missed:
            return
        self.missed = False
        entries = {
            key: value if isinstance(value, bytes) else pickle.dumps(value, protocol=5)
            for key, value in self._used.items()
        }
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, marshal.dumps((FORMAT, entries)))


class CachedStylesheet(Stylesheet):
    """Textual's stylesheet, each source's rules taken from ``parsed`` when kept there."""

    def __init__(self, parsed: ParsedCss, *, variables: dict[str, str]) -> None:
        super().__init__(variables=variables)
        self.parsed = parsed
        self._variables_key: bytes | None = None
        # Textual parses all sources again each time a widget class brings its own: the
        # rules already made this launch are handed back as they are, not unpickled again.
        self._made: dict[tuple[object, ...], list[RuleSet]] = {}

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._variables_key = None
        self._made.clear()

    def _key(self, source: tuple[object, ...]) -> bytes:
        if self._variables_key is None:
            named = repr(sorted(self._variables.items())).encode()
            self._variables_key = _textual_build() + b"\0" + named
        digest = blake2b(self._variables_key, digest_size=20)
        digest.update(repr((FORMAT, *source)).encode())
        return digest.digest()

    def _parse_rules(
        self,
        css: str,
        read_from: tuple[str, str],
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        source = (css, read_from, is_default_rules, tie_breaker, scope)
        rules = self._made.get(source)
        if rules is not None:
            return rules
        key = self._key(source)
        rules = self.parsed.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            if not any(rule.errors for rule in rules):  # a bad source is reported each time
                self.parsed.put(key, rules)
        self._made[source] = rules
        return rules
