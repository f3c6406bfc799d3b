"""Every tag in the library and every passage tagged with it; `enter` opens the story there.

The screen asks for nothing itself: the app gives it the annotations (loaded in a
worker) with :meth:`TagsScreen.set_annotations`, and the screen is dismissed with the
annotation the reader chose, or None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.model import Annotation
from reader.services.tags import tag_colour
from reader.ui.keys import PASSAGE_LIST_KEYS, TAG_LIST_KEYS, TAGS_VIEW_KEYS, bindings
from reader.ui.widgets.annotations_panel import annotation_label
from reader.ui.widgets.key_footer import KeyFooter
from reader.ui.widgets.title_bar import TitleBar


class TagList(OptionList):
    BINDING_GROUP_TITLE = "Tags"
    BINDINGS = bindings(TAG_LIST_KEYS)


class PassageList(OptionList):
    BINDING_GROUP_TITLE = "Passages"
    BINDINGS = bindings(PASSAGE_LIST_KEYS)


class TagsScreen(Screen[Annotation | None]):
    """Tags on the left (most used first), their passages across all stories on the right."""

    CSS_PATH = Path(__file__).with_name("tags_screen.tcss")
    BINDING_GROUP_TITLE = "Tags view"
    BINDINGS = bindings(TAGS_VIEW_KEYS)

    def __init__(self, *, select_tag: str | None = None) -> None:
        super().__init__()
        self.sub_title = "Tags"
        self._annotations: list[Annotation] = []
        self._colours: dict[str, str] = {}
        self._titles: dict[str, str] = {}
        self._all_tags: list[str] = []  # most used first
        self._counts: Counter[str] = Counter()
        self._tags: list[str] = []  # those the filter lets through, as listed
        self._passages: list[Annotation] = []
        self._select_tag = select_tag
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield TitleBar(icon="❝")
        with Horizontal(id="tags-panes"):
            with Vertical(id="tags-left") as left:
                left.border_title = "Tags"
                tag_filter = Input(placeholder="filter tags", id="tags-filter")
                tag_filter.display = False
                yield tag_filter
                yield TagList(
                    Option(Text("Loading tags…", style="dim"), disabled=True), id="tags-list"
                )
            passages = PassageList(id="tags-passages")
            passages.border_title = "Passages"
            yield passages
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(TagList).focus()

    @property
    def tag_list(self) -> TagList:
        return self.query_one(TagList)

    @property
    def passage_list(self) -> PassageList:
        return self.query_one(PassageList)

    @property
    def tags(self) -> list[str]:
        return list(self._tags)

    @property
    def passages(self) -> list[Annotation]:
        """The passages of the highlighted tag, as listed."""
        return list(self._passages)

    @property
    def current_tag(self) -> str | None:
        index = self.tag_list.highlighted
        if index is None or not 0 <= index < len(self._tags):
            return None
        return self._tags[index]

    def set_annotations(
        self,
        annotations: Sequence[Annotation],
        colours: Mapping[str, str],
        titles: Mapping[str, str] | None = None,
    ) -> None:
        """Every annotation of the library; ``titles`` names stories by article id."""
        self._annotations = list(annotations)
        self._colours = dict(colours)
        self._titles = dict(titles or {})
        counts = self._counts = Counter(tag for a in self._annotations for tag in a.tags)
        self._all_tags = sorted(counts, key=lambda tag: (-counts[tag], tag.casefold()))
        self.loaded = True
        self._list_tags(keep=self._select_tag)

    def _list_tags(self, keep: str | None) -> None:
        words = self.query_one("#tags-filter", Input).value.casefold().split()
        self._tags = [t for t in self._all_tags if all(word in t.casefold() for word in words)]
        tag_list = self.tag_list
        tag_list.clear_options()
        for tag in self._tags:
            label = Text()
            label.append("● ", style=tag_colour(tag, self._colours))
            label.append(tag, style="bold")
            label.append(f"  {self._counts[tag]}", style="dim")
            tag_list.add_option(Option(label))
        if not self._tags:
            empty = "No tag matches the filter." if words else "No tags yet: press t on a passage."
            tag_list.add_option(Option(Text(empty, style="dim"), disabled=True))
            self._show_passages(None)
            return
        tag_list.highlighted = self._tags.index(keep) if keep in self._tags else 0
        self._show_passages(self.current_tag)

    def action_filter(self) -> None:
        tag_filter = self.query_one("#tags-filter", Input)
        tag_filter.display = True
        tag_filter.focus()

    @on(Input.Changed, "#tags-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._list_tags(keep=self.current_tag)

    @on(Input.Submitted, "#tags-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.tag_list.focus()

    @on(OptionList.OptionHighlighted, "#tags-list")
    def _tag_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_passages(self.current_tag)

    @on(OptionList.OptionSelected, "#tags-list")
    def _tag_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self._passages:
            self.passage_list.focus()
            if self.passage_list.highlighted is None:
                self.passage_list.highlighted = 0

    @on(OptionList.OptionSelected, "#tags-passages")
    def _passage_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._passages):
            self.dismiss(self._passages[event.option_index])

    def _show_passages(self, tag: str | None) -> None:
        passages = self.passage_list
        self._passages = [a for a in self._annotations if tag is not None and tag in a.tags]
        # Grouped by story (as the store gives them), each story's passages in reading order.
        options: list[Option | None] = []
        previous: str | None = None
        for annotation in self._passages:
            title = self._titles.get(annotation.article_id) or annotation.title or "Untitled"
            # A story's title heads its first passage only: the rest follow under it.
            shown = title if annotation.article_id != previous else None
            previous = annotation.article_id
            label = annotation_label(annotation, self._colours, title=shown)
            if annotation.orphan:
                label.append("\n  (not found in the story's current text)", style="dim")
            options += [Option(label), None]
        passages.set_options(options[:-1])
        passages.border_title = f"#{tag}" if tag else "Passages"
        stories = len({a.article_id for a in self._passages})
        passages.border_subtitle = (
            f"{_count(len(self._passages), 'passage')} · {_count(stories, 'story', 'stories')}"
            if self._passages
            else ""
        )

    def action_close(self) -> None:
        tag_filter = self.query_one("#tags-filter", Input)
        if tag_filter.display:
            keep = self.current_tag
            tag_filter.value = ""
            tag_filter.display = False
            self._list_tags(keep=keep)
            self.tag_list.focus()
            return
        self.dismiss(None)

    def action_switch_list(self) -> None:
        if self.tag_list.has_focus or self.query_one("#tags-filter").has_focus:
            if self._passages:
                self.passage_list.focus()
        else:
            self.tag_list.focus()


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"
