"""Two editions side by side: a section in one pane, its counterpart in the other, or a plain note when none."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from bluebook_tui.library.model import Section
from bluebook_tui.ui.widgets.section_pane import SectionPane


class EditionColumn(Vertical):
    """One side: an edition's pane, or a note saying why it has nothing to show."""

    DEFAULT_CSS = """
    EditionColumn {
        width: 1fr;
        height: 1fr;
        border: round $foreground 30%;
        border-title-style: bold;
        &:focus-within { border: round $accent; }
        .no-counterpart { padding: 1 2; color: $text-muted; text-style: italic; }
    }
    """

    def __init__(self, edition_id: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.edition_id = edition_id
        self.border_title = edition_id

    def compose(self) -> ComposeResult:
        yield SectionPane()
        yield Static("", classes="no-counterpart")

    def show(self, section: Section | None, note: str, pattern: str | None) -> None:
        pane = self.query_one(SectionPane)
        note_widget = self.query_one(".no-counterpart", Static)
        pane.display = section is not None
        note_widget.display = section is None
        if section is None:
            note_widget.update(note)
            self.border_title = self.edition_id
        else:
            pane.show(section, pattern=pattern)
            self.border_title = f"{self.edition_id} · {section.heading}"


class SideBySide(Horizontal):
    """Left and right editions in two panes; the screen says which sections to show."""

    DEFAULT_CSS = """
    SideBySide { height: 1fr; }
    """

    def __init__(self, left_edition: str, right_edition: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left_edition, self.right_edition = left_edition, right_edition

    def compose(self) -> ComposeResult:
        yield EditionColumn(self.left_edition, id="left-column")
        yield EditionColumn(self.right_edition, id="right-column")

    def show_pair(self, left: Section | None, right: Section | None, pattern: str | None = None) -> None:
        self.query_one("#left-column", EditionColumn).show(
            left, f"New in {self.right_edition}: no counterpart in {self.left_edition}.", pattern
        )
        self.query_one("#right-column", EditionColumn).show(
            right, f"Not in {self.right_edition}: this {self.left_edition} section has no counterpart.", pattern
        )

    def panes(self) -> list[SectionPane]:
        return [pane for pane in self.query(SectionPane) if pane.display]
