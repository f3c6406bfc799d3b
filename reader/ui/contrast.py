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
