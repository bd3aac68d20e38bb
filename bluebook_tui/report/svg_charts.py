"""The geometry of the report's charts, for its SVG template to draw: a term's rate per edition as bars, and where
it stands in each edition as a strip of ticks with the sections marked (the app's `charts`, drawn in SVG).

Hand-drawn rather than by a plotting library: two kinds of chart of a few dozen shapes each, inline in a file that
must open offline, are less than what matplotlib or plotly would write into it (their output embeds fonts or a script).
"""

from __future__ import annotations

from dataclasses import dataclass

from bluebook_tui.compare.concordance import Dispersion
from bluebook_tui.compare.trend import TermCount, rate_shares

WIDTH = 640
LABEL_WIDTH = 70
ROW_HEIGHT = 22
STRIP_HEIGHT = 18
RULER_HEIGHT = 16


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    width: float
    value: str


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Strip:
    label: str
    y: float
    ticks: tuple[float, ...]
    sections: tuple[tuple[float, str], ...]  # (x, label), labels that fit
    count: int


@dataclass(frozen=True)
class StripChart:
    width: int
    height: int
    label_width: int
    strip_width: int
    strip_height: int
    strips: tuple[Strip, ...]


def trend_chart(counts: tuple[TermCount, ...]) -> BarChart:
    """A bar per edition, its length the term's rate per 10,000 words against the highest rate."""
    room = WIDTH - LABEL_WIDTH - 90
    bars = tuple(
        Bar(
            count.edition,
            index * ROW_HEIGHT,
            room * share,
            f"{count.per_10k_words:.1f} per 10k ({count.occurrences})",
        )
        for index, (count, share) in enumerate(zip(counts, rate_shares(counts), strict=True))
    )
    return BarChart(WIDTH, len(bars) * ROW_HEIGHT, LABEL_WIDTH, bars)


def dispersion_chart(dispersions: tuple[Dispersion, ...]) -> StripChart:
    """A strip per edition with a tick at each occurrence (its share of the way through the edition's words) and
    the top-level sections' numbers under it where they start, each left out where the one before leaves no room."""
    strip_width = WIDTH - LABEL_WIDTH - 40
    row = STRIP_HEIGHT + RULER_HEIGHT + 6
    strips = []
    for index, each in enumerate(dispersions):
        labels: list[tuple[float, str]] = []
        free_from = 0.0
        for place, label in each.sections:
            x = place * strip_width
            if x >= free_from:
                labels.append((x, label))
                free_from = x + 7 * len(label) + 4
        ticks = tuple(place * strip_width for place in each.places)
        strips.append(Strip(each.edition, index * row, ticks, tuple(labels), len(each.places)))
    return StripChart(WIDTH, len(strips) * row, LABEL_WIDTH, strip_width, STRIP_HEIGHT, tuple(strips))
