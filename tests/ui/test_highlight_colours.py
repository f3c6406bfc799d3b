"""Every theme's highlights are readable (WCAG contrast) and tell their kinds apart, also
in a 256-colour terminal, where close tints collapse into one palette entry."""

from __future__ import annotations

from itertools import combinations

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem, ColorType
from rich.style import Style
from textual.color import Color
from textual.theme import BUILTIN_THEMES, Theme

from reader.services.tags import PALETTE
from reader.ui.contrast import READABLE, contrast_ratio, relative_luminance
from reader.ui.layers import (
    COLOUR_SYSTEM_VARIABLE,
    NAME_LABELS,
    STANDARD_QUOTE,
    Cover,
    Painter,
    ThemePalette,
)
from reader.ui.themes import INK, PAPER

THEMES = [INK, PAPER]
# The command palette offers Textual's own themes too: their text must stay readable. The
# ansi-* themes leave every colour to the terminal's own palette, so there is no number.
ALL_THEMES = [
    *THEMES,
    *(theme for name, theme in sorted(BUILTIN_THEMES.items()) if not name.startswith("ansi-")),
]
CLOSE = 40  # RGB distance under which two highlights read as one colour


def painter_for(theme: Theme) -> Painter:
    variables = {**theme.to_color_system().generate(), **theme.variables}
    return Painter(ThemePalette.from_theme(variables, Color.parse(variables["background"])))


def highlight_covers() -> dict[str, Cover]:
    covers: dict[str, Cover] = {
        "text": Cover(),
        "quote": Cover(quote=True),
        "focus": Cover(focus=True),
        "speaker": Cover(speaker=True),
        "match": Cover(search=1),
        "current match": Cover(search=2),
        "selection": Cover(selected=True),
    }
    for label in NAME_LABELS:
        covers[label] = Cover(name=label)
        covers[f"{label} in a quote"] = Cover(quote=True, name=label)
    for name, code in PALETTE:
        covers[f"tag {name}"] = Cover(annotation=code)
        covers[f"tag {name} on a quote"] = Cover(quote=True, annotation=code)
    return covers


def colours(style: Style) -> tuple[Color, Color]:
    assert style.color is not None and style.bgcolor is not None
    return Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)


def distance(first: Color, second: Color) -> float:
    return sum((a - b) ** 2 for a, b in zip(first.rgb, second.rgb, strict=True)) ** 0.5


def eight_bit(colour: Color) -> int | None:
    rich = RichColor.from_rgb(*colour.rgb).downgrade(ColorSystem.EIGHT_BIT)
    return rich.number


def test_the_luminance_formula_matches_the_wcag_reference_points() -> None:
    assert relative_luminance(Color(0, 0, 0)) == 0
    assert relative_luminance(Color(255, 255, 255)) == pytest.approx(1)
    assert contrast_ratio(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21)
    # #767676 on white is the well-known lightest grey that passes AA (4.54:1).
    assert contrast_ratio(Color.parse("#767676"), Color(255, 255, 255)) == pytest.approx(
        4.54, abs=0.01
    )


@pytest.mark.parametrize("theme", ALL_THEMES, ids=lambda theme: theme.name)
def test_every_highlight_has_readable_text(theme: Theme) -> None:
    painter = painter_for(theme)
    unreadable = {}
    for what, cover in highlight_covers().items():
        ratio = contrast_ratio(*colours(painter.style(cover)))
        if ratio < READABLE:
            unreadable[what] = round(ratio, 2)
    assert unreadable == {}


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.name)
def test_name_kinds_have_distinct_colours_even_in_256_colours(theme: Theme) -> None:
    painter = painter_for(theme)
    inks = {label: colours(painter.style(Cover(name=label)))[0] for label in NAME_LABELS}
    for first, second in combinations(NAME_LABELS, 2):
        assert distance(inks[first], inks[second]) >= CLOSE, (first, second)
        assert eight_bit(inks[first]) != eight_bit(inks[second]), (first, second)


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.name)
def test_highlight_backgrounds_are_distinct(theme: Theme) -> None:
    painter = painter_for(theme)
    kinds = ["text", "quote", "focus", "speaker", "match", "current match", "selection"]
    kinds += [f"tag {name}" for name, _code in PALETTE]
    covers = highlight_covers()
    grounds = {kind: colours(painter.style(covers[kind]))[1] for kind in kinds}
    for first, second in combinations(kinds, 2):
        assert distance(grounds[first], grounds[second]) >= CLOSE / 2, (first, second)
    # Tagged narration must never pass for a quote, not even in 256 colours.
    for name, _code in PALETTE:
        tag = grounds[f"tag {name}"]
        assert distance(tag, grounds["quote"]) >= CLOSE * 3 / 4, name
        assert eight_bit(tag) != eight_bit(grounds["quote"]), name


def standard_painter() -> Painter:
    variables = {**INK.to_color_system().generate(), **INK.variables}
    variables[COLOUR_SYSTEM_VARIABLE] = "standard"
    return Painter(ThemePalette.from_theme(variables, Color.parse(INK.background)))


def test_with_16_colours_every_highlight_uses_the_terminals_named_colours() -> None:
    painter = standard_painter()
    covers = highlight_covers()
    for what, cover in covers.items():
        if what == "text":
            continue  # the theme's own text colours, which Textual rounds like the widgets
        style = painter.style(cover)
        # A name on the page itself keeps the page's background, as the text around it.
        grounds = [] if style.bgcolor == painter.plain.bgcolor else [style.bgcolor]
        for colour in (style.color, *grounds):
            assert colour is not None and colour.type in (
                ColorType.STANDARD,
                ColorType.DEFAULT,
            ), what
    inks = [painter.style(Cover(name=label)).color for label in NAME_LABELS]
    assert len({ink.name for ink in inks if ink is not None}) == len(NAME_LABELS)
    kinds = ["quote", "focus", "speaker", "match", "current match", "selection"]
    grounds = [painter.style(covers[kind]).bgcolor for kind in kinds]
    assert len({ground.name for ground in grounds if ground is not None}) == len(kinds)
    quote = painter.style(covers["quote"]).bgcolor
    for name, _code in PALETTE:
        tagged = painter.style(covers[f"tag {name}"])
        assert tagged.bgcolor != quote and tagged.underline, name


async def test_a_16_colour_terminal_gets_the_named_colour_painter(
    make_app, library_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    import textual.constants

    from reader.ui.widgets.article_view import ArticleView

    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.text_widget.painter.palette.standard
        quote = view.text_widget.painter.style(Cover(quote=True))
        assert quote.bgcolor is not None and quote.bgcolor.name == STANDARD_QUOTE
