"""The reader pane's keys, each with an id ("article.<name>") a user keymap can rebind."""

from __future__ import annotations

from textual.binding import Binding, BindingType


def _key(
    action: str,
    keys: str,
    description: str,
    help: str,
    *,
    show: bool = False,
    display: str | None = None,
    name: str | None = None,
) -> Binding:
    """A reader binding; its id ("article.<name>") lets a user keymap rebind it."""
    return Binding(
        keys, action, description, show=show, key_display=display, tooltip=help,
        id=f"article.{name or action}",
    )  # fmt: skip


ARTICLE_BINDINGS: list[BindingType] = [
    _key("next_sentence", "down,j", "Next sentence", "Focus the next sentence."),
    _key("previous_sentence", "up,k", "Previous sentence", "Focus the previous sentence."),
    _key("next_paragraph", "right_curly_bracket", "Next paragraph",
         "Focus the next paragraph.", display="}"),
    _key("previous_paragraph", "left_curly_bracket", "Previous paragraph",
         "Focus the previous paragraph.", display="{"),
    _key("next_quote", "n", "Next quote",
         "Focus the next direct quotation and show its speaker.", show=True),
    _key("previous_quote", "N", "Previous quote", "Focus the previous direct quotation."),
    _key("next_person", "p", "Next person", "Focus the next mention of a person's name."),
    _key("previous_person", "P", "Previous person",
         "Focus the previous mention of a person's name."),
    _key("page_down", "pagedown", "Page down", "Scroll down one screen."),
    _key("page_down", "space", "Page down", "Scroll down one screen.", name="page_down_space"),
    _key("page_up", "pageup", "Page up", "Scroll up one screen."),
    _key("page_up", "b", "Page up", "Scroll up one screen.", name="page_up_b"),
    _key("top", "g,home", "Top", "Go to the start of the story."),
    _key("end", "G,end", "End", "Go to the end of the story."),
    _key("select", "v", "Select",
         "Start a selection at the focus; moves then extend it.", show=True),
    _key("grow_word", "w", "Grow selection", "Extend the selection by one word at its end."),
    _key("shrink_word", "W", "Shrink selection",
         "Shrink the selection by one word at its end."),
    _key("clear", "escape", "Clear", "Clear the selection, then the search highlights."),
    _key("search", "slash", "Search",
         "Search the story as you type; enter jumps to the match.", show=True, display="/"),
    _key("next_match", "ctrl+n", "Next match", "Focus the next search match."),
    _key("previous_match", "ctrl+b", "Previous match", "Focus the previous search match."),
    _key("toggle_legend", "l", "Legend",
         "Show or hide what each highlight means.", show=True, name="legend"),
    _key("toggle_people", "i", "People",
         "Show or hide the people in this story and how often each is quoted.",
         show=True, name="people"),
]  # fmt: skip
