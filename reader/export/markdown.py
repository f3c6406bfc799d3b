"""Markdown for a notes vault (Obsidian, Logseq): one section per story, quotes as blocks."""

from __future__ import annotations

import re
from collections.abc import Mapping

from reader.citation import Reference, clean_quote, human_date, markdown_tag
from reader.export.common import Story, group_by_story
from reader.model import Annotation, Article
from reader.safe_text import clean

ORPHAN_NOTE = "*Orphaned: this passage is no longer found in the story's current text.*"

# Line starts that Markdown would read as a heading, list, quote or rule inside a block.
_BLOCK_START = re.compile(r"^(#|>|[-+*]\s|\d+[.)]\s|={3,}|-{3,}|_{3,})")


def _escape_block_start(text: str) -> str:
    return "\\" + text if _BLOCK_START.match(text) else text


def _heading(text: str) -> str:
    return text.replace("\n", " ").strip() or "Untitled story"


def _story_line(reference: Reference) -> str:
    parts = [part for part in (reference.author, reference.site, reference.agency) if part]
    when = human_date(reference.published)
    if when:
        parts.append(when)
    if reference.url:
        parts.append(f"<{reference.url}>")
    elif reference.location:
        parts.append(f"`{reference.location}`")
    return " · ".join(parts)


def _annotation_block(annotation: Annotation) -> str:
    blocks = [f"> {_escape_block_start(clean_quote(annotation.selector.exact))}"]
    if annotation.speaker:
        blocks.append(f"— {annotation.speaker}")
    if annotation.tags:
        blocks.append(" ".join(dict.fromkeys(markdown_tag(tag) for tag in annotation.tags)))
    if annotation.note.strip():
        blocks.append(annotation.note.strip())
    if annotation.orphan:
        blocks.append(ORPHAN_NOTE)
    return "\n\n".join(blocks)


def _story_section(story: Story) -> str:
    lines = [f"## {_heading(story.reference.title)}"]
    about = _story_line(story.reference)
    if about:
        lines.append(about)
    lines.extend(_annotation_block(annotation) for annotation in story.annotations)
    return "\n\n".join(lines)


def export_markdown(annotations: list[Annotation], articles: Mapping[str, Article]) -> str:
    stories = group_by_story(annotations, articles)
    count = len(annotations)
    summary = (
        f"{count} annotation{'s' if count != 1 else ''} "
        f"from {len(stories)} stor{'ies' if len(stories) != 1 else 'y'}, exported by newsreader."
    )
    sections = ["# Annotations", summary, *(_story_section(story) for story in stories)]
    # Titles, notes and passages may come from strangers; the file is read in terminals
    # (cat, less -R, a notes app's preview), so nothing in it may drive one.
    return clean("\n\n".join(sections)) + "\n"
