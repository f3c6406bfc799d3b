"""A story seen in an earlier session gets its analysis from the disk cache, not the analyser."""

from __future__ import annotations

import reader.analysis
from reader.model import Analysis
from tests.ui.test_app import SIZE, settle


async def test_second_session_reads_the_analysis_from_the_cache(make_app, library_dir, monkeypatch):
    calls: list[str] = []
    real_analyze = reader.analysis.analyze

    def counting_analyze(text: str, **kwargs) -> Analysis:
        calls.append(text)
        return real_analyze(text, **kwargs)

    monkeypatch.setattr(reader.analysis, "analyze", counting_analyze)
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.library.analyses[app.library.current.id]
    assert len(calls) == 1
    assert first.quotes and first.quotes[0].speaker

    again = make_app(library_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cached = again.library.analyses[again.library.current.id]
    assert len(calls) == 1  # the second launch did not analyse the story again
    assert cached == first
