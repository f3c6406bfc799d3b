"""The footer shows the keys of the focused pane, and is rebuilt only when they change."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

import reader.analysis
from reader.ui.widgets.key_footer import KeyFooter
from tests.ui.test_tagging_data import SIZE, fixed_analysis, settle


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


def restyles_of(app, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every node the app restyles from now on, in order (each one costs a key time)."""
    restyled: list[object] = []
    update_styles = app.update_styles

    def noted(node: object, **options: object) -> None:
        restyled.append(node)
        update_styles(node, **options)

    monkeypatch.setattr(app, "update_styles", noted)
    return restyled


def footer_keys(app) -> list[FooterKey]:
    return list(app.main.query_one(KeyFooter).query(FooterKey))


def _labels(keys: list[FooterKey]) -> list[str]:
    return [f"{key.key_display} {key.description}".strip() for key in keys]


async def test_the_footer_follows_the_pane_and_stays_put_within_it(make_app, library_dir):
    app = make_app(library_dir / "drought.txt", library_dir / "museum.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.article_view.focus()
        await settle(pilot)
        reading = footer_keys(app)
        assert "/ Search" in _labels(reading) and "y Copy" in _labels(reading)

        # Moves inside the story and a fresh check of every key's state leave it alone.
        await pilot.press("j", "n", "j")
        app.main.refresh_bindings()
        await settle(pilot)
        assert footer_keys(app) == reading, "same keys: the footer was not built again"

        await pilot.press("tab")  # the library: its own keys
        await settle(pilot)
        listing = _labels(footer_keys(app))
        assert "⏎ Open" in listing and "/ Filter" in listing
        assert "/ Search" not in listing

        await pilot.press("tab")
        await settle(pilot)
        assert _labels(footer_keys(app)) == _labels(reading)


async def test_a_rebuilt_footer_shows_its_keys_without_restyling_each_one(
    make_app, library_dir, monkeypatch: pytest.MonkeyPatch
):
    """Each key of a rebuilt footer was restyled twice after it mounted (made compact by
    its own default, then not by the footer's): 2 x 20 restyles on every focus move."""
    app = make_app(library_dir / "drought.txt", library_dir / "museum.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.article_view.focus()
        await settle(pilot)
        restyled = restyles_of(app, monkeypatch)
        await pilot.press("tab")  # the library: a footer of its own keys
        await settle(pilot)
        keys = footer_keys(app)
        assert "⏎ Open" in _labels(keys)
        assert not [node for node in restyled if isinstance(node, FooterKey)]
        # Drawn as Textual draws them: the story's keys roomy, the palette's key compact.
        palette = [key for key in keys if key.has_class("-command-palette")]
        assert len(palette) == 1 and palette[0].has_class("-compact")
        assert not any(key.has_class("-compact") for key in keys if key not in palette)
