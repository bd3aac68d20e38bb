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
from bluebook_tui.ui.screens.dialog import DialogScreen


class HistoryScreen(DialogScreen[str | None]):
    """Dismissed with the id of the section chosen (one edition's counterpart), or None on escape."""

    DEFAULT_CSS = """
    HistoryScreen {
        #history { width: 100%; max-width: 120; }
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
        frame.border_subtitle = "enter open · esc close"
        table = self.query_one(DataTable)
        table.add_columns("edition", "section", "status", "kept")
        self._load()

    @work(exclusive=True)
    async def _load(self) -> None:
        # Each new pair of editions is aligned the first time (~0.4 s), then read from the user cache.
        self._steps = await asyncio.to_thread(section_history, self._library, self._section.id)
        table = self.query_one(DataTable)
        for step in self._steps:
            heading = f"{step.section.id}  {step.section.heading}" if step.section else "—"
            table.add_row(
                step.edition,
                heading,
                Text(step.status, style=STATUS_STYLES.get(step.status, "")),
                "" if step.kept is None else f"{step.kept:.0%}",
                key=step.edition,
            )
        there = sum(step.section is not None for step in self._steps)
        self.query_one("#history-status", Static).update(
            f"In {there} of {len(self._steps)} editions; kept = share of the previous edition's words found here."
        )
        table.move_cursor(row=next(i for i, step in enumerate(self._steps) if step.section is self._section))
        table.focus()

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        step = self._steps[event.cursor_row]
        if step.section is None:
            self.notify(f"{self._section.heading}: no counterpart in {step.edition}.", timeout=3)
            return
        self.dismiss(step.section.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
