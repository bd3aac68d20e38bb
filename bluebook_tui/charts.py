"""Charts drawn as Rich renderables, for the CLI and the app alike: a term's rate per edition as bars, and where a
term stands in each edition as a dispersion strip (AntConc's concordance plot) with the sections marked below.
`bar` draws every bar of the program's text (the CLI's, the app's and the Markdown report's).

Hand-drawn with Rich rather than with plotext: a strip of character cells with its section labels stays legible at
40 columns, and the same renderable serves both fronts (the app shows it in a `Static`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from bluebook_tui.compare.concordance import Dispersion
    from bluebook_tui.compare.trend import TermCount

BAR_STYLE = "magenta"
# One occurrence in a cell, two, three or more.
_MARKS = ("│", "┃", "█")
# A bar's last cell filled to 0/8 … 7/8.
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(fraction: float, width: int, *, eighths: bool = True, padded: bool = True) -> str:
    """A bar `width` cells long, filled to `fraction` (clamped to [0, 1]) with █ and its end in eighths of a cell
    (or rounded to whole cells); the rest spaces, so what follows lines up (or, not `padded`, left off)."""
    steps = 8 if eighths else 1
    filled = round(max(0.0, min(fraction, 1.0)) * width * steps)
    full, part = divmod(filled, steps)
    drawn = "█" * full + (_EIGHTHS[part] if part else "")
    return drawn.ljust(width) if padded else drawn


def trend_bars(counts: Sequence[TermCount], width: int = 30) -> Table:
    """A row per edition: occurrences, words, the rate per 10,000 words, and that rate as a bar."""
    from bluebook_tui.compare.trend import rate_shares

    table = Table("edition", "occurrences", "words", "per 10,000 words", "", box=None, header_style="bold")
    for count, share in zip(counts, rate_shares(counts), strict=True):
        table.add_row(
            count.edition,
            str(count.occurrences),
            f"{count.words:,}",
            f"{count.per_10k_words:.2f}",
            Text(bar(share, width, eighths=False, padded=False), style=BAR_STYLE),
        )
    return table


def dispersion_plot(dispersions: Sequence[Dispersion], width: int = 60) -> Group:
    """Each edition's strip (a cell per 1/`width` of its words, marked where the term stands), its number of
    occurrences, and under it where its top-level sections start."""
    rows: list[Text] = []
    label_width = max((len(each.edition) for each in dispersions), default=0) + 1
    for each in dispersions:
        cells = each.cells(width)
        strip = Text(each.edition.ljust(label_width), style="bold")
        strip.append("▕", style="dim")
        for count in cells:
            strip.append(cell_mark(count), style=BAR_STYLE if count else "dim")
        strip.append("▏", style="dim")
        strip.append(f" {len(each.places)}")
        rows.append(strip)
        rows.extend(Text(" " * (label_width + 1)) + Text(ruler, style="dim") for ruler in section_ruler(each, width))
    return Group(*rows)


def dispersion_legend(width: int = 60) -> Text:
    """What a dispersion plot `width` cells wide shows, in a line to wrap (the plot's own lines must not)."""
    marks = ", ".join(f"{mark} {many}" for mark, many in zip(_MARKS, ("one", "two", "three or more"), strict=True))
    return Text(
        f"Each edition from its start to its end, a cell for each 1/{width} of its words: · no occurrence, {marks};"
        " after it, its occurrences; under it, where its sections start.",
        style="dim",
    )


def cell_mark(count: int) -> str:
    """A strip's cell holding `count` occurrences."""
    return _MARKS[min(count, 3) - 1] if count else "·"


def section_ruler(dispersion: Dispersion, width: int) -> list[str]:
    """The sections' labels under a strip of `width` cells: each where its section starts, on the first line or,
    where the one before leaves no room, on the second (one that fits neither is left out)."""
    lines = [[" "] * width, [" "] * width]
    free_from = [0, 0]
    for place, label in dispersion.sections:
        column = min(width - 1, int(place * width))
        row = next((row for row in (0, 1) if column >= free_from[row] and column + len(label) <= width), None)
        if row is None:
            continue
        lines[row][column : column + len(label)] = label
        free_from[row] = column + len(label) + 1
    return ["".join(line).rstrip() for line in lines if line != [" "] * width]
