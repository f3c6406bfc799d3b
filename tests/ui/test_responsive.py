"""Keys pressed before the analysis lands, a story read while analysed, a crashed worker."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

import reader.analysis
from reader import analysis_process
from reader.ui.app import NewsReaderApp

SIZE = (120, 36)
SPEAKER = "Lena Brandt"


@pytest.fixture
def held_analysis(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The analysis waits for the returned event: keys can be pressed before it lands."""
    release = threading.Event()
    real = reader.analysis.analyze

    def analyze(text: str, *, ner: str = "builtin"):
        release.wait(timeout=30)
        return real(text, ner=ner)

    monkeypatch.setattr(reader.analysis, "analyze", analyze)
    yield release
    release.set()


def status(app: NewsReaderApp) -> str:
    return app.main.status_bar.message


def focused(app: NewsReaderApp) -> str:
    view = app.main.article_view
    span = view.focus_span
    assert span is not None, "nothing is focused"
    assert view.article is not None
    return view.article.text[span.start : span.end]


async def test_n_and_y_pressed_before_the_analysis_act_once_it_lands(
    make_app, library_dir, held_analysis
) -> None:
    app = make_app(library_dir / "drought.txt")
    copied: list[str] = []
    app.copier.copy_function = copied.append
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", "y")
        await pilot.pause(0.3)
        assert app.main.article_view.focus_span is None  # held, not lost, not failed
        assert "Finding quotes" in status(app)
        assert copied == []
        held_analysis.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert focused(app).startswith('"Every litre counts')
        [text] = copied
        assert SPEAKER in text  # copied with its speaker, found by the analysis


async def test_keys_after_a_held_one_keep_their_order(make_app, library_dir, held_analysis):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", "k")  # to the quote, then the sentence before it
        held_analysis.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert focused(app).startswith("Three towns in the upper valley")


async def test_a_story_being_analysed_scrolls_and_searches(make_app, samples_copy, held_analysis):
    app = make_app(samples_copy / "moscow-us-strategic-stability.txt")
    async with app.run_test(size=(100, 16)) as pilot:
        await pilot.pause()
        text = app.main.article_view.text_widget
        await pilot.press("pagedown")
        await pilot.pause()
        assert text.scroll_offset.y > 0
        await pilot.press("g", "slash", *"Ryabkov", "enter")
        await pilot.pause()
        assert app.main.article_view.search_matches
        assert "Ryabkov" in focused(app)
        assert not held_analysis.is_set()  # all of it while the analysis was still out
        held_analysis.set()
        await app.workers.wait_for_complete()


def _wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


async def test_a_crashed_worker_shows_one_line_and_the_plain_text(make_app, library_dir) -> None:
    app = make_app(library_dir / "drought.txt")
    app.IN_THREAD_CHARS = 0  # this story goes to the worker process, as a long one would
    process = analysis_process.analysis_process(app.ner)
    process.start()
    try:
        _wait_for(lambda: bool(process.worker_pids()))
        [pid] = process.worker_pids()
        os.kill(pid, signal.SIGKILL)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            [note] = [n for n in app._notifications if n.title == "Analysis failed"]
            assert "\n" not in note.message
            assert "analysis process stopped" in note.message
            view = app.main.article_view
            assert view.article is not None and "ration tap water" in view.article.text
            await pilot.press("n")  # no analysis will come: the key says so, not waits
            await pilot.pause()
            assert "No quotes found" in status(app)
    finally:
        analysis_process.shutdown_analysis_process()


async def test_a_long_story_is_analysed_in_the_worker_and_it_ends_with_the_app(
    make_app, library_dir
) -> None:
    app = make_app(library_dir / "drought.txt")
    app.IN_THREAD_CHARS = 0
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        pids = analysis_process.analysis_process(app.ner).worker_pids()
        assert pids
        await pilot.press("n")
        await pilot.pause()
        assert focused(app).startswith('"Every litre counts')
    _wait_for(lambda: not any(_alive(pid) for pid in pids), timeout=10)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def test_a_story_with_thousands_of_people_lists_the_most_quoted_first() -> None:
    from textual.app import App, ComposeResult

    from reader.model import Analysis, EntityGroup
    from reader.ui.widgets.people_panel import RANK_AT_ONCE, PeoplePanel

    class PanelApp(App[None]):
        def compose(self) -> ComposeResult:
            yield PeoplePanel(id="people")

    count = 3 * RANK_AT_ONCE  # ranked on a thread
    people = [EntityGroup(n, f"Person {n:05}", "PER", [], 0) for n in range(count)]
    people[-1].quote_count = 5  # the last one found is the most quoted
    people[7].quote_count = 2
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(PeoplePanel)
        panel.set_people(Analysis(groups=people))
        assert panel.option_count == 0  # nothing built while the panel is hidden
        panel.fill()
        panel.display = True
        panel.focus()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.border_title == f"People · {count:,} "
        assert panel.option_count == count  # every one of them, not a head and a "more" line
        assert panel.names[:3] == [f"Person {count - 1:05}", "Person 00007", "Person 00000"]
        assert panel.highlighted == 0
        await pilot.press("end")
        assert panel.highlighted == count - 1
        line = panel.render_line(panel.size.height - 1).text
        assert line.strip() == "not quoted · 0 mentions"


async def test_a_long_story_seen_before_comes_from_the_cache_without_the_worker(
    make_app, library_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    def quotes(app: NewsReaderApp) -> list[tuple[int, str | None]]:
        analysis = app.main.article_view.analysis
        assert analysis is not None, "no highlights"
        return [(quote.start, quote.speaker) for quote in analysis.quotes]

    first = make_app(library_dir / "drought.txt")
    first.IN_THREAD_CHARS = 0  # analysed block by block in the worker, as a long story is
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await first.workers.wait_for_complete()
        await pilot.pause()
        seen = quotes(first)
    analysis_process.shutdown_analysis_process()
    assert (seen[0][1] or "").endswith(SPEAKER)

    def no_worker(ner: str = "builtin") -> None:
        raise AssertionError("a story seen before was sent to the worker again")

    monkeypatch.setattr(analysis_process, "analysis_process", no_worker)
    again = make_app(library_dir / "drought.txt")  # the same cache dir: the next launch
    again.IN_THREAD_CHARS = 0
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await again.workers.wait_for_complete()
        await pilot.pause()
        assert not [n for n in again._notifications if n.title == "Analysis failed"]
        assert quotes(again) == seen


async def test_a_story_seen_before_has_its_highlights_in_the_first_frame(
    make_app, library_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_app(library_dir / "drought.txt")
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await first.workers.wait_for_complete()
        await pilot.pause()
        seen = first.main.article_view.analysis
    assert seen is not None and seen.quotes

    def analysed_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("a story seen before was analysed again")

    monkeypatch.setattr("reader.cache.analysis_cache.cached_analyze", analysed_again)
    again = make_app(library_dir / "drought.txt")  # the next launch, the same cache dir
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first frame: no worker has had its turn
        assert again.main.article_view.analysis == seen
        assert "· n: next quote" in status(again)  # the counts of a finished analysis
        await again.workers.wait_for_complete()
        assert not [n for n in again._notifications if n.title == "Analysis failed"]
