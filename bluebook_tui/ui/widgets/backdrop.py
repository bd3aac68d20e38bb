"""Containers with nothing of their own to draw, drawn as their background alone.

Textual draws every visible line of every widget, then keeps the front one: at start-up 232 of the 262 lines drawn
were containers' blank lines under their children, each drawn as any line is (~0.05 ms). Textual's `BLANK` widgets
are drawn as one blank strip, but past the app's line filters (NO_COLOR's greys, the dimming), which these lines
go through as every other line does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.strip import Strip

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.widget import Widget


def backdrop_lines(widget: Widget, crop: Region) -> list[Strip]:
    """`crop` of the widget as its background alone: one blank strip, filtered, for every line."""
    strip = Strip.blank(crop.width, widget.visual_style.rich_style)
    background = widget.background_colors[1]
    for line_filter in widget.get_line_filters():
        strip = strip.apply_filter(line_filter, background)
    return [strip] * crop.height


class Backdrop:
    """Mixed in first (it is not a widget, so the widget's CSS type names stay its own): a container that has no
    frame, text or padding of its own to show, only its children over its background."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return backdrop_lines(cast("Widget", self), crop)
