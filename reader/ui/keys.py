"""The one registry of newsreader's keys: every binding of every screen, pane and dialog.

Each action has a stable id (what a user's keymap.toml names to rebind it, applied with
``App.set_keymap``), its keys, the action it runs, a short description for the footer
and palette, and a sentence of help. Each group of actions belongs to one scope: the
place where its keys work, as newsboat gives each key a context. A key means one thing
in a scope; the same key may mean another thing in another scope (``escape`` closes a
dialog but clears the reader's selection). Classes turn their group into ``BINDINGS``
with :func:`bindings`, and nothing else defines keys: a test walks every class of
reader/ui and fails on a binding that is not here.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from textual.binding import Binding, BindingType

# Where keys work; a group's scope is one of these names.
SCOPES: dict[str, str] = {
    "every screen": "Every screen, unless the screen gives the key a meaning of its own.",
    "everywhere": "The main screen, whichever pane has the focus.",
    "library": "The list of stories.",
    "reader": "The story being read.",
    "search": "The search box of the reader.",
    "annotations panel": "The list of the story's annotations beside the text.",
    "people panel": "The list of the story's people beside the text.",
    "tag dialog": "The dialog that tags a passage.",
    "tags view": "The screen of every tag in the library.",
    "tag list": "The list of tags in the tags view.",
    "passage list": "The list of passages in the tags view.",
    "people view": "The screen of everyone quoted across the library.",
    "people list": "The list of people in the people view.",
    "quote list": "The list of a person's quotes in the people view.",
    "help": "The help screen.",
    "copy fallback": "The dialog that shows a copy no clipboard took.",
}


# Named tuples, not dataclasses: some 150 are made as the app is imported, and the
# dataclass code generator cost the first frame ~1.5 ms (#18).
class KeyAction(NamedTuple):
    id: str
    keys: str  # comma-separated Textual key names: "down,j"
    action: str
    description: str  # short: footer label and palette title
    help: str  # one sentence for the help screen and the palette
    show: bool = True  # shown in the footer
    priority: bool = False
    key_display: str | None = None

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.help,
            id=self.id,
        )


class KeyGroup(NamedTuple):
    """The keys one class binds, and the scope (a name in SCOPES) where they work."""

    scope: str
    actions: tuple[KeyAction, ...]


def bindings(*groups: KeyGroup) -> list[BindingType]:
    """A class's ``BINDINGS``: its groups' keys, in order."""
    return [action.binding() for group in groups for action in group.actions]


# The registry reads best as a table: an action to a line or two.
# fmt: off
APP_KEYS = KeyGroup("every screen", (
    KeyAction("app.help", "question_mark", "help", "Help", "List every key for where you are."),
    KeyAction("app.quit", "q", "quit", "Quit", "Close newsreader."),
    KeyAction("app.command_palette", "ctrl+p", "command_palette", "Commands",
              "Search every command by name and run it.", show=False, priority=True),
))

MAIN_SCREEN_KEYS = KeyGroup("everywhere", (
    KeyAction("main.switch_pane", "tab", "switch_pane", "Switch pane",
              "Move between the library and the reader."),
    KeyAction("main.switch_pane_back", "shift+tab", "switch_pane", "Switch pane",
              "Move between the library and the reader.", show=False),
    KeyAction("main.maximize", "z", "toggle_maximize", "Maximize",
              "Give the focused pane the whole screen, or bring the other panes back.",
              show=False),
    # Only while the people panel is open and the story's text had nothing to clear.
    KeyAction("main.close_people", "escape", "close_people", "Close people",
              "Hide the people panel and return to the text.", show=False),
))

LIBRARY_LIST_KEYS = KeyGroup("library", (
    KeyAction("library.open", "enter", "open", "Open", "Open the highlighted story in the reader."),
    KeyAction("library.next", "down,j", "cursor_down", "Next story", "Highlight the next story.",
              show=False),
    KeyAction("library.previous", "up,k", "cursor_up", "Previous story",
              "Highlight the previous story.", show=False),
    KeyAction("library.first", "g,home", "first", "First story", "Jump to the first story.",
              show=False),
    KeyAction("library.last", "G,end", "last", "Last story", "Jump to the last story.", show=False),
    KeyAction("library.page_down", "pagedown", "page_down", "Page down",
              "Move a page down the list.", show=False),
    KeyAction("library.page_up", "pageup", "page_up", "Page up", "Move a page up the list.",
              show=False),
))

LIBRARY_KEYS = KeyGroup("library", (
    KeyAction("library.filter", "slash", "filter", "Filter",
              "Show stories matching by title, source, author, text or speaker."),
    KeyAction("library.clear_filter", "escape", "clear_filter", "Clear filter",
              "Show every story again.", show=False),
    KeyAction("library.reload", "r", "reload", "Reload",
              "Read the story again from its file or web address (a whole feed)."),
))

ORIGIN_KEYS = KeyGroup("everywhere", (
    KeyAction("story.reload", "r", "reload_story", "Reload story",
              "Read the story in the reader again from its file or web address.", show=False),
    KeyAction("story.open_in_browser", "o", "open_in_browser", "Open in browser",
              "Open the story's web address in your web browser.", show=False),
))

READING_KEYS = KeyGroup("everywhere", (
    KeyAction("reading.toggle_read", "U", "toggle_read", "Read/unread",
              "Mark the story (in the library: the highlighted one) unread, or read again.",
              show=False),
    KeyAction("reading.next_unread", "J", "next_unread", "Next unread",
              "Open the next unread story of the library in the reader.", show=False),
    KeyAction("reading.hide_read", "H", "toggle_hide_read", "Hide read",
              "Show only unread stories in the library (the open one stays), or all again.",
              show=False),
    KeyAction("reading.sort", "s", "cycle_sort", "Sort",
              "Sort the library by date, by source or by title.", show=False),
    KeyAction("reading.reload_all", "R", "reload_all", "Reload all",
              "Fetch every subscription again; what cannot be fetched keeps its stories.",
              show=False),
))

COPY_KEYS = KeyGroup("everywhere", (
    KeyAction("copy.copy", "y", "copy", "Copy",
              "Copy the focused annotation, quote or selection with its speaker and a citation."),
    KeyAction("copy.copy_all", "Y", "copy_all", "Copy all",
              "Copy every annotation of this story, each with its citation.", show=False),
    KeyAction("copy.cycle_style", "c", "cycle_copy_style", "Copy format",
              "Switch what y and Y copy: plain text, Markdown, or the citation only.", show=False),
))

ANNOTATION_KEYS = KeyGroup("everywhere", (
    KeyAction("annotations.tag", "t", "tag", "Tag",
              "Tag the focused passage or the selection: tags, a note, colours."),
    KeyAction("annotations.tag_again", "T", "tag_again", "Tag again",
              "Put the last tags used on the focused passage, without the dialog.", show=False),
    KeyAction("annotations.edit", "e", "edit_annotation", "Edit annotation",
              "Change the tags, note or colours of the annotation at the focus.", show=False),
    KeyAction("annotations.remove", "x", "remove_annotation", "Remove annotation",
              "Remove the annotation at the focus (u brings it back).", show=False),
    KeyAction("annotations.undo", "u", "undo_annotation", "Undo",
              "Undo the last tag, edit or removal.", show=False),
    KeyAction("annotations.next", "a", "next_annotation", "Next annotation",
              "Focus the next tagged passage.", show=False),
    KeyAction("annotations.previous", "A", "previous_annotation", "Previous annotation",
              "Focus the previous tagged passage.", show=False),
    KeyAction("annotations.panel", "m", "toggle_annotations", "Annotations",
              "Show or hide this story's annotations; enter jumps to one.", show=False),
    KeyAction("annotations.tags_view", "number_sign", "show_tags", "Tags view",
              "Every tag of the library and its passages; enter opens one.", show=False,
              key_display="#"),
))

PEOPLE_VIEW_KEYS = KeyGroup("everywhere", (
    KeyAction("people.view", "I", "show_people", "People view",
              "Everyone quoted across the library, and all they said.", show=False,
              key_display="I"),
))

PEOPLE_SCREEN_KEYS = KeyGroup("people view", (
    KeyAction("people.close", "escape,q", "close", "Back",
              "Clear the filter, else back to reading."),
    KeyAction("people.filter", "slash", "filter", "Filter people",
              "Type a name, a role or words they said: only those people and quotes stay.",
              key_display="/"),
    KeyAction("people.sort", "s", "cycle_sort", "Sort",
              "Sort people by quote count, by name, or by the latest story quoting them."),
    KeyAction("people.copy", "y", "copy_quotes", "Copy quotes",
              "Copy the highlighted quote, or all of the person's quotes, each with a citation."),
    KeyAction("people.tag", "t", "tag_quote", "Tag",
              "Tag the highlighted quote as in the reader: tags, a note, colours."),
    KeyAction("people.switch", "tab,shift+tab", "switch_list", "Switch list",
              "Move between the people and their quotes."),
))

PEOPLE_LIST_KEYS = KeyGroup("people list", (
    KeyAction("people.next_person", "j", "cursor_down", "Next person", "The next person.",
              show=False),
    KeyAction("people.previous_person", "k", "cursor_up", "Previous person",
              "The previous person.", show=False),
))

QUOTE_LIST_KEYS = KeyGroup("quote list", (
    KeyAction("people.next_quote", "j", "cursor_down", "Next quote", "The next quote.",
              show=False),
    KeyAction("people.previous_quote", "k", "cursor_up", "Previous quote",
              "The previous quote.", show=False),
))

HELP_KEYS = KeyGroup("help", (
    KeyAction("help.close", "escape,q,question_mark", "close", "Close", "Back to reading."),
    KeyAction("help.down", "down,j", "scroll_down", "Scroll down", "Scroll a line.", show=False),
    KeyAction("help.up", "up,k", "scroll_up", "Scroll up", "Scroll a line up.", show=False),
    KeyAction("help.top", "g,home", "scroll_home", "Top", "Back to the first key.", show=False),
    KeyAction("help.end", "G,end", "scroll_end", "Bottom", "On to the last key.", show=False),
    KeyAction("help.page_down", "pagedown,space", "page_down", "Page down", "Scroll a page.",
              show=False),
    KeyAction("help.page_up", "pageup,b", "page_up", "Page up", "Scroll a page back.", show=False),
    KeyAction("help.ids", "i", "toggle_ids", "Key names",
              "Show the names a keymap file uses instead."),
))

ARTICLE_KEYS = KeyGroup("reader", (
    KeyAction("article.next_sentence", "down,j", "next_sentence", "Next sentence",
              "Focus the next sentence.", show=False),
    KeyAction("article.previous_sentence", "up,k", "previous_sentence", "Previous sentence",
              "Focus the previous sentence.", show=False),
    KeyAction("article.next_paragraph", "right_curly_bracket", "next_paragraph", "Next paragraph",
              "Focus the next paragraph.", show=False, key_display="}"),
    KeyAction("article.previous_paragraph", "left_curly_bracket", "previous_paragraph",
              "Previous paragraph", "Focus the previous paragraph.", show=False, key_display="{"),
    KeyAction("article.next_quote", "n", "next_quote", "Next quote",
              "Focus the next direct quotation and show its speaker."),
    KeyAction("article.previous_quote", "N", "previous_quote", "Previous quote",
              "Focus the previous direct quotation.", show=False),
    KeyAction("article.next_person", "p", "next_person", "Next person",
              "Focus the next mention of a person's name.", show=False),
    KeyAction("article.previous_person", "P", "previous_person", "Previous person",
              "Focus the previous mention of a person's name.", show=False),
    KeyAction("article.page_down", "pagedown", "page_down", "Page down", "Scroll down one screen.",
              show=False),
    KeyAction("article.page_down_space", "space", "page_down", "Page down",
              "Scroll down one screen.", show=False),
    KeyAction("article.page_up", "pageup", "page_up", "Page up", "Scroll up one screen.",
              show=False),
    KeyAction("article.page_up_b", "b", "page_up", "Page up", "Scroll up one screen.", show=False),
    KeyAction("article.top", "g,home", "top", "Top", "Go to the start of the story.", show=False),
    KeyAction("article.end", "G,end", "end", "End", "Go to the end of the story.", show=False),
    KeyAction("article.select", "v", "select", "Select",
              "Select the focused sentence or quote; moves extend it, w and W move its ends."),
    # The ids keep their first names, which users' keymap files may hold.
    KeyAction("article.grow_word", "w", "word_on", "Selection word on",
              "Move the end of the selection (its start, after o) one word on.", show=False),
    KeyAction("article.shrink_word", "W", "word_back", "Selection word back",
              "Move the end of the selection (its start, after o) one word back.", show=False),
    KeyAction("article.other_end", "o", "other_end", "Other end",
              "Switch which end of the selection w and W move, as o in vim; "
              "with no selection, o opens the story in the browser.", show=False),
    KeyAction("article.clear", "escape", "clear", "Clear",
              "Clear the selection, then the search highlights.", show=False),
    KeyAction("article.search", "slash", "search", "Search",
              "Search the story as you type; enter jumps to the match.", key_display="/"),
    KeyAction("article.next_match", "ctrl+n", "next_match", "Next match",
              "Focus the next search match.", show=False),
    KeyAction("article.previous_match", "ctrl+b", "previous_match", "Previous match",
              "Focus the previous search match.", show=False),
    KeyAction("article.legend", "l", "toggle_legend", "Legend",
              "Show or hide what each highlight means."),
    # The main screen owns the people panel: the key works in the reader, the screen acts.
    KeyAction("article.people", "i", "screen.toggle_people", "People",
              "Show or hide the people in this story and how often each is quoted."),
))

SEARCH_KEYS = KeyGroup("search", (
    KeyAction("search.close", "escape", "cancel", "Close search",
              "Close the search box and keep the highlights.", show=False),
))

ANNOTATIONS_PANEL_KEYS = KeyGroup("annotations panel", (
    KeyAction("annotations_panel.close", "escape", "close", "Close",
              "Hide the annotations and return to the text.", show=False),
    KeyAction("annotations_panel.edit", "e", "edit", "Edit", "Edit the highlighted annotation.",
              show=False),
    KeyAction("annotations_panel.remove", "x", "remove", "Remove",
              "Remove the highlighted annotation, even one not found in the text.", show=False),
    KeyAction("annotations.accept_wording", "w", "accept_wording", "Accept wording",
              "Quote the story's new wording where the passage was edited since tagging.",
              show=False),
    KeyAction("annotations_panel.next", "j", "cursor_down", "Next", "Highlight the next one.",
              show=False),
    KeyAction("annotations_panel.previous", "k", "cursor_up", "Previous",
              "Highlight the previous one.", show=False),
))

PEOPLE_PANEL_KEYS = KeyGroup("people panel", (
    KeyAction("people_panel.pick", "enter", "select", "Go to",
              "Go to the highlighted person's first quote (or first mention).", show=False),
    KeyAction("people_panel.next", "down,j", "cursor_down", "Next person",
              "Highlight the next person.", show=False),
    KeyAction("people_panel.previous", "up,k", "cursor_up", "Previous person",
              "Highlight the previous person.", show=False),
    KeyAction("people_panel.first", "home,g", "first", "First person",
              "Jump to the most quoted person.", show=False),
    KeyAction("people_panel.last", "end,G", "last", "Last person",
              "Jump to the last person of the list.", show=False),
    KeyAction("people_panel.page_down", "pagedown", "page_down", "Page down",
              "Move a page down the list.", show=False),
    KeyAction("people_panel.page_up", "pageup", "page_up", "Page up",
              "Move a page up the list.", show=False),
    KeyAction("people_panel.close", "escape", "close", "Close people",
              "Hide the people panel and return to the text.", show=False),
))

TAG_DIALOG_KEYS = KeyGroup("tag dialog", (
    KeyAction("tag_dialog.cancel", "escape", "cancel", "Cancel", "Close without saving."),
    KeyAction("tag_dialog.note", "ctrl+e", "toggle_note", "Note",
              "Move between the tags and the note.", priority=True),
    KeyAction("tag_dialog.colour", "ctrl+r", "recolour", "Colour",
              "Give the tag at the cursor the next colour of the palette.", priority=True),
    KeyAction("tag_dialog.complete", "tab", "complete", "Complete",
              "Accept the suggested tag; with none, go to the note.", priority=True),
))

TAGS_VIEW_KEYS = KeyGroup("tags view", (
    KeyAction("tags_view.close", "escape,q", "close", "Back",
              "Clear the tag filter, else back to reading."),
    KeyAction("tags_view.filter", "slash", "filter", "Filter tags", "Type to narrow the tags.",
              key_display="/"),
    KeyAction("tags_view.switch_list", "tab,shift+tab", "switch_list", "Switch list",
              "Tags ↔ passages."),
))

TAG_LIST_KEYS = KeyGroup("tag list", (
    KeyAction("tags_view.next_tag", "j", "cursor_down", "Next tag", "Highlight the next tag.",
              show=False),
    KeyAction("tags_view.previous_tag", "k", "cursor_up", "Previous tag", "Highlight the previous.",
              show=False),
))

PASSAGE_LIST_KEYS = KeyGroup("passage list", (
    KeyAction("tags_view.next_passage", "j", "cursor_down", "Next passage", "The next passage.",
              show=False),
    KeyAction("tags_view.previous_passage", "k", "cursor_up", "Previous passage",
              "The previous one.", show=False),
))

COPY_FALLBACK_KEYS = KeyGroup("copy fallback", (
    KeyAction("copy_fallback.close", "escape", "dismiss", "Close", "Back to reading."),
    KeyAction("copy_fallback.save", "ctrl+s", "save", "Save to a file",
              "Write the text to a new file in your documents folder."),
))
# fmt: on

# The main screen's keys, in the order its footer and help screen list them (after the
# focused pane's own, before the app's).
MAIN_SCREEN_GROUPS: tuple[KeyGroup, ...] = (
    MAIN_SCREEN_KEYS,
    ORIGIN_KEYS,
    PEOPLE_VIEW_KEYS,
    ANNOTATION_KEYS,
    COPY_KEYS,
    READING_KEYS,
)

GROUPS: tuple[KeyGroup, ...] = (
    APP_KEYS,
    MAIN_SCREEN_KEYS,
    LIBRARY_LIST_KEYS,
    LIBRARY_KEYS,
    ORIGIN_KEYS,
    READING_KEYS,
    COPY_KEYS,
    ANNOTATION_KEYS,
    PEOPLE_VIEW_KEYS,
    PEOPLE_SCREEN_KEYS,
    PEOPLE_LIST_KEYS,
    QUOTE_LIST_KEYS,
    HELP_KEYS,
    ARTICLE_KEYS,
    SEARCH_KEYS,
    ANNOTATIONS_PANEL_KEYS,
    PEOPLE_PANEL_KEYS,
    TAG_DIALOG_KEYS,
    TAGS_VIEW_KEYS,
    TAG_LIST_KEYS,
    PASSAGE_LIST_KEYS,
    COPY_FALLBACK_KEYS,
)


def registered_ids() -> set[str]:
    """Every id a keymap file may name."""
    return {action.id for group in GROUPS for action in group.actions}


class KeymapError(Exception):
    """The keymap file cannot be used; ``str(error)`` is one line naming it."""


def load_keymap(path: Path) -> dict[str, str]:
    """Read ``id = "keys"`` lines (TOML) from ``path``; no file means no changes."""
    import tomllib

    try:
        with path.open("rb") as file:
            table = tomllib.load(file)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(f"{path}: {error}") from error
    wrong = [key for key, value in table.items() if not isinstance(value, str) or not value]
    if wrong:
        raise KeymapError(f'{path}: {wrong[0]} must be keys in quotes, e.g. "j,down"')
    return dict(table)
