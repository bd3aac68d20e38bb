"""Two editions side by side: a section in one pane, its counterpart in the other, or a plain note when none.

Scrolling either pane brings the other's facing paragraph (as the comparison pairs them) level with it, and the
changed words of each side can be marked: deleted ones on the left, inserted ones on the right.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static
from textual.widgets._markdown import MarkdownBlock

from bluebook_tui.library.model import Section
from bluebook_tui.ui.comparison import Comparison
from bluebook_tui.ui.widgets.section_markdown import ChangeMarks, ChangeMarkSource, MatchHighlighting, SectionMarkdown
from bluebook_tui.ui.widgets.section_pane import SectionPane


class EditionColumn(Vertical):
    """One side: an edition's pane, or a note saying why it has nothing to show."""

    DEFAULT_CSS = """
    EditionColumn {
        width: 1fr;
        height: 1fr;
        border: round $foreground 30%;
        border-title-style: bold;
        border-subtitle-align: right;
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

    @property
    def pane(self) -> SectionPane:
        return self.query_one(SectionPane)

    def show(self, section: Section | None, note: str, pattern: str | None) -> None:
        pane = self.pane
        note_widget = self.query_one(".no-counterpart", Static)
        pane.display = section is not None
        note_widget.display = section is None
        if section is None:
            note_widget.update(note)
            self.border_title = self.edition_id
        else:
            pane.show(section, pattern=pattern)
            self.border_title = f"{self.edition_id} · {section.heading}"


class SideBySide(Horizontal, ChangeMarkSource):
    """The compared editions in two panes, kept in step; the screen says which sections to show."""

    DEFAULT_CSS = """
    SideBySide { height: 1fr; }
    """

    def __init__(self, comparison: Comparison, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.left_edition, self.right_edition = comparison.left_edition, comparison.right_edition
        self.marking_changes = False
        self._following = False

    def compose(self) -> ComposeResult:
        yield EditionColumn(self.left_edition, id="left-column")
        yield EditionColumn(self.right_edition, id="right-column")

    def on_mount(self) -> None:
        for column in self.query(EditionColumn):
            self._follow_scrolling(column.pane)

    def show_pair(self, left: Section | None, right: Section | None, pattern: str | None = None) -> None:
        self.query_one("#left-column", EditionColumn).show(
            left, f"New in {self.right_edition}: no counterpart in {self.left_edition}.", pattern
        )
        self.query_one("#right-column", EditionColumn).show(
            right, f"Not in {self.right_edition}: this {self.left_edition} section has no counterpart.", pattern
        )

    def panes(self) -> list[SectionPane]:
        return [pane for pane in self.query(SectionPane) if pane.display]

    # Changed words ------------------------------------------------------------------------------------------

    def change_marks(self, section: Section) -> ChangeMarks | None:
        if not self.marking_changes:
            return None
        kind: Literal["delete", "insert"] = "delete" if self.comparison.side(section) == "left" else "insert"
        return ChangeMarks(self.comparison.changed_words(section), kind, self.comparison.changed_heading_words(section))

    def mark_changes(self, marking: bool) -> None:
        """Mark the changed words in both panes (each column's subtitle says how), or take the marks away."""
        self.marking_changes = marking
        left, right = self.query_one("#left-column", EditionColumn), self.query_one("#right-column", EditionColumn)
        left.border_subtitle = f"struck: not in {self.right_edition}" if marking else ""
        right.border_subtitle = f"green: new in {self.right_edition}" if marking else ""
        for markdown in self.query(SectionMarkdown):
            markdown.show_changes(self.change_marks(markdown.section))

    # Scrolling in step --------------------------------------------------------------------------------------

    def _follow_scrolling(self, pane: SectionPane) -> None:
        def scrolled() -> None:
            if not self._following:
                # After the refresh: only then do the blocks' regions reflect the new offset.
                self.call_after_refresh(self._keep_in_step, pane)

        self.watch(pane, "scroll_y", scrolled, init=False)

    def _keep_in_step(self, pane: SectionPane) -> None:
        """Put the other pane's counterpart of the paragraph at `pane`'s top level with it (as far as it scrolls)."""
        if not pane.display:
            return
        anchor = _anchor_block(pane)
        other = next((candidate for candidate in self.panes() if candidate is not pane), None)
        if anchor is None or other is None:
            return
        markdown, block = anchor
        counterpart = self.comparison.counterpart(markdown.section)
        facing = next((shown for shown in other.query_children(SectionMarkdown) if shown.section is counterpart), None)
        if facing is None:
            return
        index = None
        if block.paragraph_index is not None:
            index = self.comparison.paragraph_counterpart(markdown.section, block.paragraph_index)
        target: MarkdownBlock | SectionMarkdown = next(
            (paragraph for paragraph in facing.blocks() if index is not None and paragraph.paragraph_index == index),
            facing,
        )
        self._following = True
        try:
            other.scroll_to(y=other.scroll_y + target.region.y - block.region.y, animate=False, immediate=True)
        finally:
            self._following = False


def _anchor_block(pane: SectionPane) -> tuple[SectionMarkdown, MatchHighlighting] | None:
    """The heading or paragraph at the top line of the pane (where reading goes on), or the next one below it."""
    top = pane.content_region.y
    for markdown in pane.query_children(SectionMarkdown):
        if markdown.region.bottom <= top:
            continue
        for block in markdown.blocks():
            if block.region.bottom > top:
                return markdown, block
    return None
