"""Pilot tests of the reader pane: every key, the mouse, layers, resize and late analysis."""

from __future__ import annotations

from textual.geometry import Offset
from textual.selection import Selection

from reader.model import Annotation, Selector, Span
from reader.ui.widgets.article_view import ArticleText
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.search_bar import SearchBar
from tests.ui.test_article_view_data import ViewApp, find, sample_analysis, sample_article

SIZE = (100, 30)


def make_app(analysis: bool = True) -> ViewApp:
    article = sample_article()
    return ViewApp(article, sample_analysis(article) if analysis else None)


def focused_text(app: ViewApp) -> str:
    span = app.view.focus_span
    assert span is not None, "nothing is focused"
    return app.article.text[span.start : span.end]


def screen_text(app: ViewApp) -> str:
    text = app.view.text_widget
    return "\n".join(
        "".join(segment.text for segment in text.render_line(y)) for y in range(text.size.height)
    )


async def test_text_shows_with_header_before_any_analysis() -> None:
    app = make_app(analysis=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks" in shown
        assert "By AFP · 2021-07-27 · TASS" in shown
        assert "Russia on Tuesday said high-level talks" in shown
        # A hard line break inside a paragraph reads as a space.
        assert "with the United States this week" in shown
        assert app.status.startswith("Moscow Hopes")
        # Highlights arrive later, without re-showing the story.
        app.view.set_analysis(sample_analysis(app.article))
        await pilot.pause()
        assert app.status == "7 quotes · 5 people · n: next quote"


async def test_j_k_and_arrows_move_by_sentence() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        assert focused_text(app).startswith("Russia on Tuesday said")
        assert app.status.startswith("Sentence 1/")
        await pilot.press("down")
        assert focused_text(app).startswith("The two countries will hold")
        assert app.status.startswith("Sentence 2/")
        await pilot.press("k")
        assert focused_text(app).startswith("Russia on Tuesday")
        await pilot.press("down", "down", "up")
        assert focused_text(app).startswith("The two countries")


async def test_braces_move_by_paragraph() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert focused_text(app).startswith("The two countries will hold")
        assert app.status == "Paragraph 2/10 · 34 words"
        await pilot.press("right_curly_bracket", "left_curly_bracket", "left_curly_bracket")
        assert focused_text(app).startswith("Russia on Tuesday")
        assert app.status.startswith("Paragraph 1/10")


async def test_n_and_shift_n_move_by_quote_and_mark_the_speaker() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert focused_text(app).startswith('"understand how serious')
        assert app.status == "Quote 1/7 · Sergei Ryabkov"
        quote = app.view.focused_quote
        assert quote is not None and quote.speaker == "Sergei Ryabkov"
        speaker = app.view.text_widget.span_layers.speaker
        assert speaker is not None
        assert app.article.text[speaker.start : speaker.end] == "Sergei Ryabkov"
        await pilot.press("n", "n")
        assert app.status == "Quote 3/7 · Sergei Ryabkov"
        assert focused_text(app).startswith('"a big')
        await pilot.press("N")
        assert app.status == "Quote 2/7 · Sergei Ryabkov"
        # Scare quotes are drawn as quotes are not: n skips them.
        await pilot.press("g", "n")
        assert app.status == "Quote 1/7 · Sergei Ryabkov"


async def test_p_and_shift_p_move_by_person_name() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert focused_text(app) == "Joe Biden"
        assert app.status == "Person 1/6 · Joe Biden"
        await pilot.press("p", "p")
        assert focused_text(app) == "Sergei Ryabkov"
        assert app.status == "Person 3/6 · Sergei Ryabkov · quoted 5×"
        await pilot.press("P")
        assert focused_text(app) == "Vladimir Putin"


async def test_page_keys_scroll_a_screen() -> None:
    app = make_app()
    async with app.run_test(size=(100, 12)) as pilot:
        text = app.view.text_widget
        assert text.scroll_offset.y == 0
        await pilot.press("space")
        after_space = text.scroll_offset.y
        assert after_space >= 8
        await pilot.press("pagedown")
        assert text.scroll_offset.y > after_space
        await pilot.press("b")
        assert text.scroll_offset.y == after_space
        await pilot.press("pageup")
        assert text.scroll_offset.y == 0
        # After paging, j starts from the top of what is on screen.
        await pilot.press("space", "j")
        span = app.view.focus_span
        assert span is not None and span.start >= text.top_offset()


async def test_g_and_shift_g_go_to_top_and_end() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        await pilot.pause()
        assert "even at the height of the Cold War." in screen_text(app)
        assert focused_text(app).startswith("In announcing the future dialogue")
        assert app.view.text_widget.scroll_offset.y > 0
        await pilot.press("g")
        await pilot.pause()
        assert app.view.text_widget.scroll_offset.y == 0
        assert focused_text(app).startswith("Russia on Tuesday")


async def test_v_starts_a_selection_that_moves_extend_and_escape_clears() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "v")
        assert app.view.selection_span == app.view.focus_span
        await pilot.press("j")
        selection = app.view.selection_span
        assert selection is not None
        selected = app.article.text[selection.start : selection.end]
        assert selected.startswith("Russia on Tuesday") and selected.endswith(
            "tense\nrelationship."
        )
        assert app.view.target_span == selection
        assert app.status.startswith("Selection · ")
        await pilot.press("w")
        selection = app.view.selection_span
        assert selection is not None
        assert (
            app.article.text[selection.end - 16 : selection.end] == "relationship.\n\nDeputy"[-16:]
        )
        await pilot.press("W", "W")
        selection = app.view.selection_span
        assert selection is not None
        assert app.article.text[: selection.end].endswith("in the tense")
        await pilot.press("escape")
        assert app.view.selection_span is None
        assert app.view.target_span == app.view.focus_span


async def test_slash_searches_incrementally_and_enter_focuses_the_quote() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        bar = app.query_one(SearchBar)
        assert bar.display and bar.input.has_focus
        await pilot.press(*"MINDSET")
        assert [app.article.text[s.start : s.end] for s in app.view.search_matches] == ["mindset"]
        assert app.status == "Match 1/1 for “MINDSET”"
        await pilot.press("enter")
        assert not bar.display
        assert app.view.text_widget.has_focus
        # The match lies in a detected quote: the quote is what gets the focus.
        assert focused_text(app).startswith('"understand how serious the mindset')
        assert "Quote 1/7 · Sergei Ryabkov" in app.status


async def test_ctrl_n_and_ctrl_b_walk_the_matches() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"two countries", "enter")
        matches = app.view.search_matches
        assert len(matches) == 3
        assert app.status.startswith("Match 1/3")
        await pilot.press("ctrl+n")
        assert app.status.startswith("Match 2/3")
        span = app.view.focus_span
        assert span is not None and span.contains(matches[1].start)
        await pilot.press("ctrl+n")
        assert app.status.startswith("Match 3/3")
        await pilot.press("ctrl+n")
        assert app.status.startswith("Match 1/3")  # wraps around
        await pilot.press("ctrl+b")
        assert app.status.startswith("Match 3/3")
        # escape clears the highlights once there is no selection to clear.
        await pilot.press("escape")
        assert app.view.search_matches == []


async def test_escape_closes_the_search_box_and_keeps_reading_position() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "x", "escape")
        assert not app.query_one(SearchBar).display
        assert app.view.text_widget.has_focus
        assert app.view.focus_span is None


async def test_l_toggles_the_legend() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert not app.query(Legend)  # mounted on its first `l`, not with the reader
        await pilot.press("l")
        legend = app.query_one(Legend)
        assert legend.display
        assert "speaker of focused quote" in str(legend.render())
        await pilot.press("l")
        assert not legend.display


async def test_click_focuses_the_unit_under_the_mouse() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        text = app.view.text_widget
        # The row of "mindset" (inside the first quote) and its column.
        offset = find(app.article.text, "mindset")
        row = text.row_of(offset)
        assert row is not None
        start = text.index.span(row - len(text.header))[0]
        column = 3 + offset - start
        await pilot.click(ArticleText, offset=(column, row))
        assert focused_text(app).startswith('"understand how serious')
        # Outside a quote, a click focuses the sentence.
        await pilot.click(ArticleText, offset=(5, text.row_of(find(app.article.text, "Russia on"))))
        assert focused_text(app).startswith("Russia on Tuesday")


async def test_mouse_selection_becomes_the_target_and_copies_clean_text() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        text = app.view.text_widget
        first = text.row_of(find(app.article.text, "Russia on"))
        assert first is not None
        # What a drag from the start of the body over two lines and four cells selects.
        app.screen.selections = {text: Selection(Offset(0, first), Offset(4, first + 1))}
        await pilot.pause()
        span = app.view.selection_span
        assert span is not None
        second_line = text.index.span(first + 1 - len(text.header))[0]
        assert span == Span(find(app.article.text, "Russia on"), second_line + 4)
        assert app.view.target_span == span
        copied = app.screen.get_selected_text()
        assert copied is not None and copied.startswith("Russia on Tuesday")
        assert 'how "serious"' in copied  # the soft line break became a space
        await pilot.press("escape")
        assert app.view.selection_span is None


async def test_drag_with_the_mouse_selects() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        text = app.view.text_widget
        row = text.row_of(find(app.article.text, "Russia on"))
        await pilot.mouse_down(ArticleText, offset=(3, row))
        await pilot.hover(ArticleText, offset=(20, row))
        await pilot.mouse_up(ArticleText, offset=(20, row))
        await pilot.pause()
        span = app.view.selection_span
        assert span is not None
        assert app.article.text[span.start : span.end].startswith("Russia on Tuesday")


async def test_annotations_are_drawn_in_their_tag_colour() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        text = app.article.text
        start = find(text, "Geneva")
        note = Annotation(
            id="a1",
            article_id="sample",
            source="x",
            title="t",
            created="",
            updated="",
            selector=Selector("Geneva", "", "", start, start + 6),
            tags=["place"],
        )
        app.view.set_annotations([note], {"place": "#ff0000"})
        await pilot.pause()
        view_text = app.view.text_widget
        row = view_text.row_of(start)
        assert row is not None
        segments = list(view_text.render_line(row - int(view_text.scroll_offset.y)))
        geneva = next(segment for segment in segments if segment.text == "Geneva")
        assert geneva.style is not None and geneva.style.underline
        assert geneva.style.bgcolor is not None
        red, _green, _blue = geneva.style.bgcolor.get_truecolor()
        assert red > 100  # the tag's red shows through the background
        assert any(segment.text == "┃" for segment in segments)  # margin mark


async def test_resize_rewraps_and_keeps_the_focus_on_screen() -> None:
    app = make_app()
    async with app.run_test(size=(100, 14)) as pilot:
        await pilot.press(*["j"] * 9)
        target = app.view.focus_span
        assert target is not None
        await pilot.resize_terminal(50, 14)
        await pilot.pause()
        text = app.view.text_widget
        assert text.index is not None and text.index.width == 50 - 3 - 1
        row = text.row_of(target.start)
        assert row is not None
        top = int(text.scroll_offset.y)
        assert top <= row < top + text.size.height


async def test_a_new_analysis_keeps_the_focused_quote() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "n")
        before = app.view.focus_span
        analysis = sample_analysis(app.article)
        analysis.quotes[1].role = "Deputy Foreign Minister"
        app.view.set_analysis(analysis)
        await pilot.pause()
        assert app.view.focus_span == before
        assert app.status == "Quote 2/7 · Sergei Ryabkov, Deputy Foreign Minister"
        assert app.view.focused_quote is analysis.quotes[1]


async def test_annotations_belong_to_their_story() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        text = app.article.text
        start = find(text, "Geneva")

        def note(article_id: str) -> Annotation:
            return Annotation(
                id=article_id,
                article_id=article_id,
                source="x",
                title="t",
                created="",
                updated="",
                selector=Selector("Geneva", "", "", start, start + 6),
                tags=["place"],
            )

        layers = app.view.text_widget.span_layers
        app.view.set_annotations([note("another story")], {"place": "#00ff00"})
        await pilot.pause()
        assert not app.view.text_widget.span_layers.annotations
        app.view.set_annotations([note("sample")], {"place": "#00ff00"})
        app.view.show(app.article)  # showing the story again keeps its annotations
        await pilot.pause()
        assert len(app.view.text_widget.span_layers.annotations) == 1
        assert layers is not app.view.text_widget.span_layers


async def test_theme_change_recolours_the_text() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        painter = app.view.text_widget.painter
        assert painter is not None
        dark = painter.palette.background
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light = app.view.text_widget.painter
        assert light is not None and light is not painter
        assert light.palette.background.brightness > dark.brightness


async def test_an_empty_story_shows_its_title_and_keys_do_nothing_harmful() -> None:
    from reader.model import Article

    app = ViewApp(Article(id="empty", text="", title="Nothing here"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "n", "p", "G", "g", "v", "w", "slash", "x", "enter", "i", "l")
        assert "Nothing here" in screen_text(app)
        assert app.view.focus_span is None


async def test_the_status_says_why_a_move_went_nowhere() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "N")
        assert app.status == "No quote before this one"
        await pilot.press("G", "j")
        assert app.status == "No sentence after this one"
