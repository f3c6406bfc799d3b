"""Parsed stylesheets kept between launches (reader/ui/css_cache.py, issue #18: start-up).

A launch with the same sources and theme as the last takes every source's rules from the
cache file and parses none; what it draws is what a parse would have drawn. A file that
names anything but a stylesheet's own classes builds nothing and is parsed around.
"""

from __future__ import annotations

import marshal
import os
import pickle
from pathlib import Path

import pytest
import textual.css.stylesheet
from textual.app import App
from textual.css.model import RuleSet
from textual.dom import DOMNode

from reader.ui.css_cache import FILE_NAME, FORMAT, CachedStylesheet, ParsedCss
from tests.ui.test_tagging_data import SIZE, settle

CSS = """
#panes { height: 1fr; layout: horizontal; }
Library > .row:focus { border: round $primary; color: $text-muted; padding: 0 1; }
"""
PLACE = ("panes.tcss", "")


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every CSS text Textual's parser is handed from here on."""
    seen: list[str] = []
    real = textual.css.stylesheet.parse

    def counted(scope: str, css: str, *args: object, **kwargs: object) -> object:
        seen.append(css)
        return real(scope, css, *args, **kwargs)

    monkeypatch.setattr(textual.css.stylesheet, "parse", counted)
    return seen


def described(rules: list[RuleSet]) -> list[tuple[object, ...]]:
    """What each rule set selects and sets (RuleSet.css fails on some of Textual's own)."""
    return [
        (
            rule.selectors,
            rule.is_default_rules,
            rule.tie_breaker,
            sorted(rule.selector_names),
            sorted(rule.pseudo_classes),
            sorted((name, repr(value)) for name, value in rule.styles.get_rules().items()),
        )
        for rule in rules
    ]


def variables() -> dict[str, str]:
    return App().get_css_variables()


def stylesheet(path: Path, colours: dict[str, str] | None = None) -> CachedStylesheet:
    sheet = CachedStylesheet(ParsedCss(path), variables=colours or variables())
    sheet.add_source(CSS, read_from=PLACE)
    return sheet


def test_a_second_launch_parses_nothing_and_gets_the_same_rules(
    tmp_path: Path, parses: list[str]
) -> None:
    path = tmp_path / FILE_NAME
    first = stylesheet(path)
    made = described(first.rules)
    assert parses == [CSS]
    first.parsed.save()
    parses.clear()
    second = stylesheet(path)
    assert described(second.rules) == made
    assert parses == []


def test_other_colours_are_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / FILE_NAME
    first = stylesheet(path)
    assert first.rules
    first.parsed.save()
    parses.clear()
    light = App()
    light.theme = "textual-light"
    second = stylesheet(path, light.get_css_variables())
    assert second.rules
    assert parses == [CSS]
    assert described(second.rules) != described(first.rules)  # the border's new $primary


def test_nothing_is_written_when_nothing_was_parsed(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    first = stylesheet(path)
    assert first.rules
    first.parsed.save()
    written = path.stat().st_mtime_ns
    os.utime(path, ns=(written - 10**9, written - 10**9))
    second = stylesheet(path)
    assert second.rules
    second.parsed.save()
    assert path.stat().st_mtime_ns == written - 10**9


class Planted:
    """What a planted cache entry would run when unpickled by a plain pickle.loads."""

    def __reduce__(self) -> tuple[object, ...]:
        return (os.mkdir, (str(Path(os.environ["PLANTED_DIR"]) / "ran"),))


@pytest.mark.parametrize("damage", ["code", "garbage", "format"])
def test_a_planted_or_damaged_file_runs_nothing_and_is_parsed_around(
    tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    monkeypatch.setenv("PLANTED_DIR", str(tmp_path))
    path = tmp_path / FILE_NAME
    first = stylesheet(path)
    made = described(first.rules)
    first.parsed.save()
    form, entries = marshal.loads(path.read_bytes())
    if damage == "code":
        entries = {key: pickle.dumps([Planted()]) for key in entries}
    elif damage == "garbage":
        entries = {key: b"\x80\x05not a pickle" for key in entries}
    else:
        form += 1
    path.write_bytes(marshal.dumps((form, entries)))
    parses.clear()
    second = stylesheet(path)
    assert described(second.rules) == made
    assert parses == [CSS]
    assert not (tmp_path / "ran").exists()


def _every_default_css() -> list[tuple[str, tuple[str, str]]]:
    """Each widget class's own CSS, Textual's and ours, as its stylesheet would read it."""
    import reader.ui.app  # noqa: F401  (every screen and widget of ours, and Textual's in use)

    found: list[tuple[str, tuple[str, str]]] = []
    pending = [DOMNode]
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        css = kind.__dict__.get("DEFAULT_CSS")
        if css:
            found.append((css, (kind.__module__, f"{kind.__qualname__}.DEFAULT_CSS")))
    return found


def test_every_widget_css_in_use_comes_back_from_the_file(
    tmp_path: Path, parses: list[str]
) -> None:
    """The unpickler's list of classes covers every rule our widgets and Textual's make:
    a class missing from it would make its source a miss at every launch."""
    sources = _every_default_css()
    for tcss in Path(reader_ui_dir()).rglob("*.tcss"):
        sources.append((tcss.read_text(encoding="utf-8"), (str(tcss), "")))
    path = tmp_path / FILE_NAME
    first = CachedStylesheet(ParsedCss(path), variables=variables())
    for css, place in sources:
        first.add_source(css, read_from=place, is_default_css=True)
    made = described(first.rules)
    first.parsed.save()
    parses.clear()
    second = CachedStylesheet(ParsedCss(path), variables=variables())
    for css, place in sources:
        second.add_source(css, read_from=place, is_default_css=True)
    assert described(second.rules) == made
    assert parses == []
    assert FORMAT == 1


def reader_ui_dir() -> Path:
    import reader.ui

    return Path(reader.ui.__file__).parent


def _screen(app: App[object]) -> list[list[tuple[str, object]]]:
    return [
        [(segment.text, segment.style) for segment in strip]
        for strip in app.screen._compositor.render_strips()
    ]


async def test_the_app_draws_the_same_from_kept_rules_and_parses_none(
    make_app, library_dir: Path, parses: list[str]
) -> None:
    story = library_dir / "drought.txt"
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        parsed_screen = _screen(app)
    assert parses
    assert isinstance(app.stylesheet, CachedStylesheet)
    assert app.stylesheet.parsed.path.is_file()
    parses.clear()
    again = make_app(story)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert _screen(again) == parsed_screen
    assert parses == []


@pytest.mark.parametrize("launch", ["parsed", "kept"])
async def test_a_launch_in_the_light_theme_draws_in_its_colours(
    make_app, library_dir: Path, locations, launch: str
) -> None:
    """The light theme goes Textual's way (a theme change); its stylesheet's colours are
    its own whether its rules were parsed or kept, none left over from the dark default."""
    from textual.color import Color

    from reader.ui.themes import PAPER, save_theme

    save_theme(locations.config, PAPER.name)
    story = library_dir / "drought.txt"
    runs = 2 if launch == "kept" else 1
    for _ in range(runs):
        app = make_app(story)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.theme == PAPER.name
            assert app.screen.styles.background == Color.parse(PAPER.background)
            assert app.stylesheet._variables["background"] == Color.parse(PAPER.background).hex


def test_the_app_works_out_its_theme_colours_once_before_it_runs(
    make_app, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """App.__init__'s own stylesheet is replaced by ours at once: the colours of Textual's
    default theme are not worked out for it (~2 ms of start-up)."""
    from textual.design import ColorSystem

    made: list[object] = []
    real = ColorSystem.generate

    def counted(self: ColorSystem) -> dict[str, str]:
        made.append(self)
        return real(self)

    monkeypatch.setattr(ColorSystem, "generate", counted)
    app = make_app(library_dir / "drought.txt")
    assert len(made) == 1
    assert app.stylesheet._variables["background"] == app.theme_variables["background"]
