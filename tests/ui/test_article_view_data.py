"""Stories, analyses and a one-pane app shared by the article view's tests (no tests here).

The analysis of the user's sample is written by hand, so these tests check the view,
not the accuracy of the analysis.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from reader.model import Analysis, Article, Entity, EntityGroup, Quote
from reader.ui.widgets.article_text import ArticleText
from reader.ui.widgets.article_view import ArticleView
from reader.ui.wrap import paragraph_spans

SAMPLE = (
    Path(__file__).resolve().parents[2] / "sample_articles" / "moscow-us-strategic-stability.txt"
)


def find(text: str, needle: str, nth: int = 0) -> int:
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    return index


def sample_article() -> Article:
    text = SAMPLE.read_text(encoding="utf-8")
    body = find(text, "Russia on Tuesday")
    return Article(
        id="sample",
        text=text,
        title="Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks",
        byline="By AFP",
        source="TASS",
        published="2021-07-27",
        path=str(SAMPLE),
        body_start=body,
        paragraphs=paragraph_spans(text, body),
    )


def _quote(
    text: str,
    opening: str,
    closing: str,
    speaker: str | None,
    mention: str | None,
    nth_mention: int = 0,
) -> Quote:
    start = find(text, opening)
    end = find(text, closing, 0) + len(closing)
    while end <= start:  # the closing text must come after the opening
        end = text.index(closing, end) + len(closing)
    speaker_start = speaker_end = None
    if mention is not None:
        speaker_start = find(text, mention, nth_mention)
        speaker_end = speaker_start + len(mention)
    return Quote(start, end, text[start:end], speaker, speaker_start, speaker_end, cue="said")


def sample_analysis(article: Article) -> Analysis:
    text = article.text
    body = article.body_start
    quotes = [
        _quote(text, '"understand how', 'stability."', "Sergei Ryabkov", "Sergei Ryabkov"),
        _quote(text, '"But the meeting', "work,'\"", "Sergei Ryabkov", "he said", 0),
        _quote(text, '"a big', "question'", "Sergei Ryabkov", "he said", 1),
        _quote(text, '"move forward', 'forward."', "Sergei Ryabkov", None),
        _quote(text, '"Iwould', 'expectations."', "Sergei Ryabkov", None),
        _quote(text, '"is a very', "process,'", "Dmitry Peskov", "Dmitry Peskov"),
        _quote(text, '"there is contact', "contact'", "Dmitry Peskov", "Dmitry Peskov"),
    ]
    quotes.append(
        Quote(find(text, '"serious"'), find(text, '"serious"') + 9, '"serious"', kind="scare")
    )
    names = [
        ("Sergei Ryabkov", "PER", 0, 0),
        ("Ryabkov", "PER", 0, 1),
        ("Dmitry Peskov", "PER", 1, 0),
        ("Joe Biden", "PER", 2, 0),
        ("Vladimir Putin", "PER", 3, 0),
        ("Wendy Sherman", "PER", 4, 0),
        ("Kremlin", "ORG", 5, 0),
        ("State\nDepartment", "ORG", 6, 0),
        ("Geneva", "LOC", 7, 0),
        ("Washington", "LOC", 8, 0),
        ("United States", "LOC", 9, 0),
        ("Strategic Stability Dialogue", "MISC", 10, 0),
        ("Cold War", "MISC", 11, 0),
    ]
    entities = []
    for name, label, group, nth in names:
        start = text.index(name, body)
        for _ in range(nth):
            start = text.index(name, start + 1)
        entities.append(Entity(start, start + len(name), name, label, group))
    entities.sort(key=lambda entity: entity.start)
    group_names = {
        0: "Sergei Ryabkov",
        1: "Dmitry Peskov",
        2: "Joe Biden",
        3: "Vladimir Putin",
        4: "Wendy Sherman",
        5: "Kremlin",
        6: "State Department",
        7: "Geneva",
        8: "Washington",
        9: "United States",
        10: "Strategic Stability Dialogue",
        11: "Cold War",
    }
    counts = {"Sergei Ryabkov": 5, "Dmitry Peskov": 2}
    groups = [
        EntityGroup(
            number,
            name,
            next(entity.label for entity in entities if entity.group == number),
            [entity for entity in entities if entity.group == number],
            counts.get(name, 0),
        )
        for number, name in group_names.items()
    ]
    return Analysis(quotes=quotes, entities=entities, groups=groups)


def huge_article(paragraphs: int) -> Article:
    """A generated story of ``paragraphs`` paragraphs (about 440 bytes each)."""
    parts = ["Huge Story\n\nBy Test Desk\n\n"]
    body = len(parts[0])
    for number in range(paragraphs):
        parts.append(
            f"Paragraph {number} opens here. The committee met on Tuesday to review the "
            f"figures for district {number % 97}, and members spoke at length. "
            f'"We will publish everything," said Ann Lee, the chair. '
            "Critics said the review came late and asked for an audit of the accounts, "
            "the contracts and the minutes of every meeting held since the spring. "
            "Officials declined to comment on the timing, citing rules on pending audits "
            "and a request from the auditors themselves.\n\n"
        )
    text = "".join(parts)
    return Article(
        id="huge",
        text=text,
        title="Huge Story",
        byline="By Test Desk",
        body_start=body,
        paragraphs=paragraph_spans(text, body),
    )


class ViewApp(App[None]):
    """Only the reader pane, showing one story; analysis arrives after the text."""

    def __init__(self, article: Article, analysis: Analysis | None = None) -> None:
        super().__init__()
        self.article = article
        self.analysis = analysis
        self.statuses: list[str] = []

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        view.on_status = self.statuses.append
        view.show(self.article)
        if self.analysis is not None:
            view.set_analysis(self.analysis)
        view.focus()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def status(self) -> str:
        return self.statuses[-1] if self.statuses else ""


class HeldWrapping:
    """Wrapping past the first screen waits for ``release``, so keys surely come while
    the story is still being wrapped, however fast the machine is."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._real = ArticleText._wrap_rest
        self._held: list[tuple[ArticleText, int]] = []

        def hold(text: ArticleText, generation: int) -> None:
            self._held.append((text, generation))

        monkeypatch.setattr(ArticleText, "_wrap_rest", hold)

    def release(self) -> None:
        held, self._held = self._held, []
        for text, generation in held:
            self._real(text, generation)
