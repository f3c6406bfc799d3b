"""The small dialog `t` and `e` open: tags (with completion), an optional note, colours.

It only asks; the app saves. ``TagDialog`` is dismissed with a :class:`TagRequest`, or
None when the reader pressed escape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.services.tags import (
    canonical_tags,
    colour_name,
    completions,
    last_token,
    next_colour,
    parse_tags,
    tag_colour,
)
from reader.ui.key_sections import current_key
from reader.ui.keys import TAG_DIALOG_KEYS, bindings
from reader.ui.widgets.annotations_panel import excerpt, quoted

MAX_CHOICES = 6
EXCERPT_CHARS = 160


@dataclass(slots=True)
class TagRequest:
    """What the reader asked for: tags in their library spelling, a note, new colours."""

    tags: list[str]
    note: str
    colours: dict[str, str] = field(default_factory=dict)  # only tags whose colour changed


class TagSuggester(Suggester):
    """Ghost text completing the tag being typed from the tags already in use."""

    def __init__(self, known: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = list(known)

    async def get_suggestion(self, value: str) -> str | None:
        head, token = last_token(value)
        stem = token.lstrip("#")
        if not stem:
            return None
        found = completions(stem, self.known, parse_tags(head))
        if not found:
            return None
        # The input shows only what follows the typed text, so keep the typed part as typed.
        return value + found[0][len(stem) :]


class TagDialog(ModalScreen[TagRequest | None]):
    """Tags for one passage: type them, pick known ones, add a note, change colours."""

    CSS_PATH = Path(__file__).with_name("tag_dialog.tcss")
    BINDING_GROUP_TITLE = "Tag dialog"
    BINDINGS = bindings(TAG_DIALOG_KEYS)

    def __init__(
        self,
        *,
        excerpt: str,
        known_tags: Sequence[str],
        colours: Mapping[str, str],
        tags: Sequence[str] = (),
        note: str = "",
        title: str = "Tag passage",
    ) -> None:
        super().__init__()
        self.excerpt = excerpt
        self.known_tags = list(known_tags)
        self.saved_colours = dict(colours)
        self.chosen: dict[str, str] = {}  # colours changed in this dialog
        self.initial_tags = list(tags)
        self.initial_note = note
        self.dialog_title = title
        self._choices: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-dialog") as box:
            box.border_title = self.dialog_title
            yield Static(_excerpt(self.excerpt), id="tag-excerpt")
            yield Label("Tags", classes="tag-label")
            value = ", ".join(self.initial_tags) + (", " if self.initial_tags else "")
            yield Input(
                value,
                placeholder="economy, local government … (commas between tags)",
                suggester=TagSuggester(self.known_tags),
                select_on_focus=False,  # editing adds to the tags; typing must not replace them
                id="tag-input",
            )
            yield OptionList(id="tag-choices")
            yield Label("Note", classes="tag-label")
            yield Input(
                self.initial_note,
                placeholder="optional",
                select_on_focus=False,
                id="tag-note",
            )
            yield Static("", id="tag-colours")
            yield Static("", id="tag-hint", markup=False)

    def _show_keys(self) -> None:
        """The hints name the keys as they are now, a user's keymap included."""

        def key(name: str) -> str:
            return current_key(self, f"tag_dialog.{name}").replace("escape", "esc")

        self.query_one("#tag-dialog").border_subtitle = f"enter save · {key('cancel')} cancel"
        self.note_input.placeholder = f"optional ({key('note')})"
        hint = f"{key('complete')} complete · ↓ known tags · {key('note')} note · "
        self.query_one("#tag-hint", Static).update(f"{hint}{key('colour')} colour")

    def on_mount(self) -> None:
        self._show_keys()
        self.tag_input.focus()
        self._refresh_choices()
        self._refresh_colours()

    # -- parts -----------------------------------------------------------------------

    @property
    def tag_input(self) -> Input:
        return self.query_one("#tag-input", Input)

    @property
    def note_input(self) -> Input:
        return self.query_one("#tag-note", Input)

    @property
    def choices(self) -> OptionList:
        return self.query_one("#tag-choices", OptionList)

    @property
    def tags(self) -> list[str]:
        """The tags typed so far, spelled as the library already spells them."""
        return canonical_tags(parse_tags(self.tag_input.value), self.known_tags)

    def colour_of(self, tag: str) -> str:
        return self.chosen.get(tag) or tag_colour(tag, self.saved_colours)

    # -- live updates ----------------------------------------------------------------

    @on(Input.Changed, "#tag-input")
    def _tags_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refresh_choices()
        self._refresh_colours()

    def _refresh_choices(self) -> None:
        head, token = last_token(self.tag_input.value)
        typed = parse_tags(head)
        self._choices = completions(token, self.known_tags, typed)[:MAX_CHOICES]
        choices = self.choices
        choices.clear_options()
        for tag in self._choices:
            label = Text()
            label.append("● ", style=self.colour_of(tag))
            label.append(tag)
            choices.add_option(Option(label))
        choices.display = bool(self._choices)

    def _refresh_colours(self) -> None:
        line = Text()
        for tag in self.tags:
            colour = self.colour_of(tag)
            if line:
                line.append("   ")
            line.append("● ", style=colour)
            line.append(tag, style="bold")
            line.append(f" {colour_name(colour)}", style="dim")
        if not line:
            line = Text("Colours show here as you type tags.", style="dim")
        self.query_one("#tag-colours", Static).update(line)

    # -- keys ------------------------------------------------------------------------

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_toggle_note(self) -> None:
        if self.note_input.has_focus:
            self.tag_input.focus()
        else:
            self.note_input.focus()

    def action_complete(self) -> None:
        tags = self.tag_input
        head, token = last_token(tags.value)
        found = completions(token, self.known_tags, parse_tags(head)) if token.strip("#") else []
        if tags.has_focus and found:
            # The tag as the library spells it, ready for the next one.
            tags.value = f"{head}{found[0]}, "
            tags.cursor_position = len(tags.value)
        elif tags.has_focus or self.choices.has_focus:
            self.note_input.focus()
        else:
            tags.focus()

    def action_recolour(self) -> None:
        tag = self._tag_at_cursor()
        if tag is None:
            self.app.bell()
            return
        self.chosen[tag] = next_colour(self.colour_of(tag))
        self._refresh_colours()
        self._refresh_choices()

    def _tag_at_cursor(self) -> str | None:
        tags = self.tags
        if not tags:
            return None
        field = self.tag_input
        if not field.has_focus:
            return tags[-1]
        value, cursor = field.value, field.cursor_position
        # The tag around the cursor runs from the comma before it to the comma after it.
        start = value.rfind(",", 0, cursor) + 1
        end = value.find(",", cursor)
        word = value[start : end if end != -1 else len(value)]
        found = canonical_tags(parse_tags(word), self.known_tags)
        return found[0] if found and found[0] in tags else tags[-1]

    def on_key(self, event) -> None:
        # Down from the tags field walks into the list of known tags.
        if event.key == "down" and self.tag_input.has_focus and self._choices:
            event.stop()
            self.choices.focus()
            self.choices.highlighted = 0

    @on(OptionList.OptionSelected, "#tag-choices")
    def _choice_picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not 0 <= event.option_index < len(self._choices):
            return
        field = self.tag_input
        head, _token = last_token(field.value)
        field.value = f"{head}{self._choices[event.option_index]}, "
        field.cursor_position = len(field.value)
        field.focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        tags = self.tags
        note = self.note_input.value.strip()
        if not tags and not note:
            self.notify("Type a tag or a note first (escape cancels).", severity="warning")
            return
        changed = {
            tag: colour
            for tag, colour in self.chosen.items()
            if tag in tags and colour != tag_colour(tag, self.saved_colours)
        }
        self.dismiss(TagRequest(tags=tags, note=note, colours=changed))


def _excerpt(text: str) -> Text:
    return Text(quoted(excerpt(text, EXCERPT_CHARS)), style="italic")
