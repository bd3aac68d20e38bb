"""`H`: the section's history across every edition, a row per edition; enter opens that edition's counterpart."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from bluebook_tui.compare.history import STATUS_STYLES, HistoryStep, section_history
from bluebook_tui.library.model import Library, Section
from bluebook_tui.ui.key_hints import key_hints
from bluebook_tui.ui.screens.dialog import DialogScreen

# The dialog's widest (its max-width in DEFAULT_CSS below), and what its border, padding, the table's cell padding (a
# cell either side of four columns) and a scrollbar take of that.
MAX_WIDTH = 120
CHROME = 2 + 2 + 4 * 2 + 2
# The section column is never narrower (the table scrolls sideways then).
MIN_SECTION_WIDTH = 12


class HistoryScreen(DialogScreen[str | None]):
    """Dismissed with the id of the section chosen (one edition's counterpart), or None on escape."""

    DEFAULT_CSS = """
    HistoryScreen {
        #history { width: 100%; max-width: 120; }  /* history.MAX_WIDTH */
        #history-status { color: $text-muted; }
        DataTable { height: auto; max-height: 30; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", tooltip="Back to reading.", id="history.close"),
    ]

    def __init__(self, library: Library, section: Section) -> None:
        super().__init__()
        self._library, self._section = library, section
        self._steps: list[HistoryStep] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="history", classes="dialog"):
            yield Static(f"Finding {self._section.heading} in every edition…", id="history-status")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="history-table")

    def on_mount(self) -> None:
        frame = self.query_one("#history")
        frame.border_title = f"History: {self._section.heading}"
        frame.border_subtitle = key_hints((DataTable, "select_cursor", "open"), (HistoryScreen, "cancel", "close"))
        self._load()

    def on_resize(self) -> None:
        if self._steps:
            self._fill()

    @work(exclusive=True)
    async def _load(self) -> None:
        # Each new pair of editions is aligned the first time (~0.4 s), then read from the user cache.
        self._steps = await asyncio.to_thread(section_history, self._library, self._section.id)
        self._fill()
        there = sum(step.section is not None for step in self._steps)
        self.query_one("#history-status", Static).update(
            f"In {there} of {len(self._steps)} editions; kept = share of the previous edition's words found here."
        )
        table = self.query_one(DataTable)
        table.move_cursor(row=next(i for i, step in enumerate(self._steps) if step.section is self._section))
        table.focus()

    def _fill(self) -> None:
        """(Re)build the table for the terminal's width: the section column takes what the others leave, a heading
        too long for it ending in "…", so that the status and the share kept always show."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        widths = {
            "edition": max(len("edition"), *(len(step.edition) for step in self._steps)),
            "status": max(len("status"), *(len(step.status) for step in self._steps)),
            "kept": len("100%"),
        }
        room = min(self.app.size.width, MAX_WIDTH) - CHROME - sum(widths.values())
        table.add_column("edition", width=widths["edition"])
        table.add_column("section", width=max(room, MIN_SECTION_WIDTH))
        table.add_column("status", width=widths["status"])
        table.add_column("kept", width=widths["kept"])
        for step in self._steps:
            heading = f"{step.section.id}  {step.section.heading}" if step.section else "—"
            table.add_row(
                step.edition,
                Text(heading, overflow="ellipsis", no_wrap=True),
                Text(step.status, style=STATUS_STYLES.get(step.status, "")),
                Text("" if step.kept is None else f"{step.kept:.0%}", justify="right"),
                key=step.edition,
            )
        table.move_cursor(row=cursor)

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        step = self._steps[event.cursor_row]
        if step.section is None:
            self.notify(f"{self._section.heading}: no counterpart in {step.edition}.", timeout=3)
            return
        self.dismiss(step.section.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
