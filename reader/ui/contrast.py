"""How readable one colour is on another: WCAG 2 relative luminance and contrast ratio.

The highlight colours of every theme are checked against these numbers (tests/ui), so a
new theme or tag colour cannot make quoted or tagged text unreadable.
"""

from __future__ import annotations

from textual.color import Color

READABLE = 4.5  # WCAG AA for body text


def _linear(channel: int) -> float:
    """An sRGB channel (0-255) as linear light."""
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: Color) -> float:
    """0 for black to 1 for white, weighted by how bright each primary looks."""
    red, green, blue = (_linear(channel) for channel in (colour.r, colour.g, colour.b))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: Color, second: Color) -> float:
    """From 1 (the same brightness) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(foreground: Color, background: Color, minimum: float = READABLE) -> Color:
    """``foreground``, moved toward black or white only as far as ``minimum`` contrast needs.

    Keeps the hue a highlight is recognised by where the theme's own colour is too faint
    (several of Textual's themes put pale names on pale tints).
    """
    if contrast_ratio(foreground, background) >= minimum:
        return foreground
    dark, light = Color(0, 0, 0), Color(255, 255, 255)
    # Light text stays light (and dark stays dark) when that can be made readable at all:
    # a flip to the other end reads as a different highlight.
    lighter = relative_luminance(foreground) > relative_luminance(background)
    ends = (light, dark) if lighter else (dark, light)
    for end in ends:
        if contrast_ratio(end, background) < minimum:
            continue
        for step in range(1, 21):
            moved = foreground.blend(end, step / 20)
            if contrast_ratio(moved, background) >= minimum:
                return moved
    return max(ends, key=lambda end: contrast_ratio(end, background))
