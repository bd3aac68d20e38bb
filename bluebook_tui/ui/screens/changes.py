"""The Changes screen: every aligned pair of the compared editions in a sortable table; enter opens one side by side."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.coordinate import Coordinate
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Static

from bluebook_tui.charts import bar
from bluebook_tui.compare import SectionPair
from bluebook_tui.compare.views import STATUSES, status_counts
from bluebook_tui.library.model import Section
from bluebook_tui.ui.comparison import Comparison
from bluebook_tui.ui.widgets.badges import STYLES, percent
from bluebook_tui.ui.widgets.key_bar import KeyBar

KEPT_BAR_WIDTH = 6
# The columns' widths but the two headings' (which share what is left) and the flags' (as long as the longest).
WIDTHS = {"order": 3, "status": 9, "kept": KEPT_BAR_WIDTH + 5}
# Each column's padding (a cell either side) and the scrollbar.
PADDING = 6 * 2 + 2
# Below this width the flags are abbreviated and the share kept has no bar, to leave the headings more room.
NARROW = 120
# A nested section's heading is indented by this much per level.
INDENT = "  "
SHORT_FLAGS = {
    "renumbered": "renum",
    "retitled": "retitled",
    "split": "split",
    "drawn-from": "drawn",
    "parts-paired": "parts",
}
# Statuses sorted most telling first.
STATUS_ORDER = {"added": 0, "removed": 1, "merged": 2, "split": 3, "changed": 4, "unchanged": 5}


def _heading_key(section: Section | None) -> tuple[bool, str]:
    return (section is None, section.heading.casefold() if section else "")


def _kept_shown(pair: SectionPair) -> bool:
    """Whether the pair has a share of the left's words kept to show (else "—": nothing of the left, or gone)."""
    return pair.left is not None and (pair.right is not None or pair.destination is not None)


def _kept_key(pair: SectionPair) -> tuple[bool, float]:
    return (not _kept_shown(pair), pair.carried_over[0])


# Column key, title (None: the edition's id), sort key of a pair at its reading position: whether its cell is blank
# ("—", no flags), then its value; blanks sort last either way, as a spreadsheet sorts them.
COLUMNS: tuple[tuple[str, str | None, Callable[[SectionPair, int], tuple[bool, Any]]], ...] = (
    ("order", "#", lambda pair, index: (False, index)),
    ("status", "Status", lambda pair, index: (False, STATUS_ORDER[pair.status])),
    ("left", None, lambda pair, index: _heading_key(pair.left)),
    ("right", None, lambda pair, index: _heading_key(pair.right)),
    ("kept", None, lambda pair, index: _kept_key(pair)),
    ("flags", "Flags", lambda pair, index: (not pair.flags, pair.flags)),
)


class ChangesTable(DataTable[Any]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Side by side", tooltip="Open this pair side by side.", id="changes.open"),
        # A table of rows: home and end go to the first and last (DataTable's go to the first and last column).
        Binding("home", "scroll_top", "First", show=False, tooltip="The first row.", id="changes.first"),
        Binding("end", "scroll_bottom", "Last", show=False, tooltip="The last row.", id="changes.last"),
    ]


class ChangesScreen(Screen[str | None]):
    """Dismissed with the id of the section to open side by side, or None."""

    DEFAULT_CSS = """
    ChangesScreen {
        #changes-summary { height: 1; padding: 0 1; background: $panel; }
        ChangesTable { height: 1fr; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,C", "close", "Back", tooltip="Back to reading, where you were.", id="changes.close"),
        Binding(
            "s",
            "sort",
            "Sort",
            tooltip="Sort by the next column (or click a column's header; click it again to reverse).",
            id="changes.sort",
        ),
        Binding("r", "reverse", "Reverse", tooltip="Reverse the order of the rows.", id="changes.reverse"),
    ]

    def __init__(self, comparison: Comparison, current: Section | None = None) -> None:
        """`current`: the section being read, whose pair the cursor starts on."""
        super().__init__()
        self._comparison = comparison
        self._pairs = comparison.alignment.pairs
        self._current = current
        self._sort_column = "order"
        self._reverse = False
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Static(id="changes-summary")
        yield ChangesTable(cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def _summary(self) -> Content:
        counts = status_counts(self._pairs)
        narrow = self._width < NARROW  # 80 columns: the count of sections (the rows) goes, the sort stays in view
        parts: list[Content | str] = [
            Content.styled(f"{self._comparison.left_edition} → {self._comparison.right_edition}", "bold"),
            " · " if narrow else f" · {len(self._pairs)} sections: ",
        ]
        # Only the statuses that occur: the line has to fit 80 columns.
        for index, status in enumerate(status for status in STATUSES if counts[status]):
            parts.append(" · " if index else "")
            parts.append(Content.styled(f"{counts[status]} {status}", STYLES[status]))
        title = next(title for key, title, _ in COLUMNS if key == self._sort_column) or self._title(self._sort_column)
        gap = " · " if narrow else "   "
        parts.append(Content.styled(f"{gap}sorted by {title} {'↓' if self._reverse else '↑'}", "$text-muted"))
        return Content.assemble(*parts)

    def _title(self, column: str) -> str:
        """The title of a column named after an edition: the two headings', and the share of the left's words kept."""
        if column == "kept":  # narrow, the column is as wide as "100%"
            return "kept" if self._width < NARROW else f"{self._comparison.left_edition} kept"
        return self._comparison.left_edition if column == "left" else self._comparison.right_edition

    def on_mount(self) -> None:
        self._fit(self.app.size.width)
        if self._current is not None and self._comparison.side(self._current) is not None:
            pair = self._comparison.pair(self._current)
            table = self.query_one(ChangesTable)
            table.move_cursor(row=table.get_row_index(str(self._pairs.index(pair))), animate=False)

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        if width != self._width:
            self._width = width
            self._fill()

    @contextmanager
    def _cursor_kept(self) -> Iterator[ChangesTable]:
        """The table, its cursor put back on the pair it was on once the block has changed the rows."""
        table = self.query_one(ChangesTable)
        cursor_key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key if table.row_count else None
        yield table
        if cursor_key is not None:
            table.move_cursor(row=table.get_row_index(cursor_key), animate=False)

    def _fill(self) -> None:
        """(Re)build the table for the heading width, keeping the sort and the row under the cursor."""
        with self._cursor_kept() as table:
            table.clear(columns=True)
            widths = dict(WIDTHS)
            if self._width < NARROW:
                widths["kept"] = len("100%")
            widths["flags"] = max([len("Flags"), *(len(self._flags(pair)) for pair in self._pairs)])
            widths["left"] = widths["right"] = max((self._width - sum(widths.values()) - PADDING) // 2, 12)
            for key, title, _ in COLUMNS:
                table.add_column(title or self._title(key), key=key, width=widths[key])
            for index, pair in enumerate(self._pairs):
                table.add_row(*self._cells(pair, index, widths["left"]), key=str(index))
            self._order_rows(table)

    def _cells(self, pair: SectionPair, index: int, heading_width: int) -> list[Any]:
        """The row's cells, a heading too long for its column cut with an ellipsis (DataTable cuts it short)."""
        missing = Content.styled("—", "$text-muted")
        kept = pair.carried_over[0]
        if not _kept_shown(pair):
            kept_cell = missing
        elif self._width < NARROW:
            kept_cell = Content(f"{percent(kept):>4}")
        else:
            kept_cell = Content.assemble((bar(kept, KEPT_BAR_WIDTH), STYLES[pair.status]), f" {percent(kept):>4}")
        left, right = (
            (Content(INDENT * (pair.left.level - 1) + pair.left.heading) if pair.left else missing),
            (Content(INDENT * (pair.right.level - 1) + pair.right.heading) if pair.right else missing),
        )
        if pair.destination is not None:
            # Where a merged section's text went, or a split one's came from, in place of a counterpart.
            arrow = "→ " if pair.status == "merged" else "← "
            where = Content.assemble((arrow, STYLES[pair.status]), pair.destination.heading)
            left, right = (left, where) if pair.status == "merged" else (where, right)
        return [
            index + 1,
            Content.styled(pair.status, STYLES[pair.status]),
            left.truncate(heading_width, ellipsis=True),
            right.truncate(heading_width, ellipsis=True),
            kept_cell,
            Content.styled(self._flags(pair), STYLES["renumbered"]),
        ]

    def _flags(self, pair: SectionPair) -> str:
        return ", ".join(SHORT_FLAGS[flag] if self._width < NARROW else flag for flag in pair.flags)

    def _sort(self) -> None:
        """Sort the rows, the cursor staying on the pair it was on."""
        with self._cursor_kept() as table:
            self._order_rows(table)

    def _order_rows(self, table: ChangesTable) -> None:
        """Put the rows in the chosen column's order and say so in the summary."""
        sort_key = next(key for column, _, key in COLUMNS if column == self._sort_column)

        def row_key(order: int) -> tuple[bool, Any, int]:
            blank, value = sort_key(self._pairs[order - 1], order - 1)
            # Reversed, the blanks are still last, and rows of one value still in reading order.
            return (blank != self._reverse, value, -order if self._reverse else order)

        table.sort("order", key=row_key, reverse=self._reverse)
        self.query_one("#changes-summary", Static).update(self._summary())

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self._reverse = not self._reverse if column == self._sort_column else False
        self._sort_column = column
        self._sort()

    def action_sort(self) -> None:
        keys = [key for key, _, _ in COLUMNS]
        self._sort_column = keys[(keys.index(self._sort_column) + 1) % len(keys)]
        self._reverse = False
        self._sort()

    def action_reverse(self) -> None:
        self._reverse = not self._reverse
        self._sort()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        pair = self._pairs[int(str(event.row_key.value))]
        section = pair.right or pair.left
        self.dismiss(section.id if section else None)

    def action_close(self) -> None:
        self.dismiss(None)
