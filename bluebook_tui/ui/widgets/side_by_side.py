"""Two editions side by side: a section in one pane, its counterpart in the other, or a note saying why there is none.

Each sentence is marked with what became of it (unchanged ones dimmed, new and removed ones tinted, moved ones
opened by ⇄); `d` adds the changed words. Scrolling either pane brings the other's facing paragraph level with it.
A moved sentence (clicked, or picked with `m`/`M` and `enter`) is a jump to its counterpart in the other pane; the
view keeps the pairs jumped from, for back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Markdown, Static
from textual.widgets.markdown import MarkdownBlock

from bluebook_tui.library.model import Section
from bluebook_tui.ui.comparison import Comparison
from bluebook_tui.ui.messages import DestinationChosen, JumpMade, PaneRendered
from bluebook_tui.ui.widgets.backdrop import Backdrop
from bluebook_tui.ui.widgets.section_markdown import ChangeMarks, MatchHighlighting, SectionMarkdown
from bluebook_tui.ui.widgets.section_pane import ChangeMarksFor, SectionPane

if TYPE_CHECKING:
    from bluebook_tui.compare.views import SentenceMark

from bluebook_tui.compare.views import sentences_carried

_SENTENCE_LINK = "sentence:"


class EditionColumn(Vertical):
    """One side: an edition's pane, or a note saying why it has nothing to show (with a way to where its text
    went, when it went somewhere)."""

    DEFAULT_CSS = """
    EditionColumn {
        width: 1fr;
        height: 1fr;
        border: round $foreground 30%;
        border-title-style: bold;
        border-subtitle-align: right;
        &:focus-within { border: round $accent; }
        .no-counterpart { padding: 1 2; color: $text-muted; text-style: italic; }
        #destination { margin: 0 2; }
    }
    """

    def __init__(self, edition_id: str, marks: ChangeMarksFor, *, id: str | None = None) -> None:
        """`marks`: what to mark in each section the pane shows (the side-by-side view decides)."""
        super().__init__(id=id)
        self.edition_id = edition_id
        self.border_title = edition_id
        self._marks = marks
        self._destination: Section | None = None
        self._shown: tuple[str, str | None] | None = None  # the section id and pattern the pane shows

    def compose(self) -> ComposeResult:
        yield SectionPane(change_marks=self._marks)
        yield Static("", classes="no-counterpart")
        yield Button("", id="destination", compact=True)

    @property
    def pane(self) -> SectionPane:
        return self.query_one(SectionPane)

    def show(
        self,
        section: Section | None,
        note: str,
        pattern: str | None,
        destination: tuple[Section, str] | None = None,
        *,
        match: int = 0,
    ) -> bool:
        """Show a section (its match `match` of `pattern` current), or with none the note (and with `destination`,
        a button to that section, so labelled).

        A section already shown with the same pattern is left as it is, scrolled where the reader left it (unless
        another match is asked for); says whether the pane is drawn anew.
        """
        pane = self.pane
        note_widget = self.query_one(".no-counterpart", Static)
        button = self.query_one("#destination", Button)
        pane.display = section is not None
        note_widget.display = section is None
        self._destination = destination[0] if section is None and destination is not None else None
        button.display = self._destination is not None
        if section is None:
            note_widget.update(note)
            self.border_title = self.edition_id
            if destination is not None:
                button.label = destination[1]
            self._shown = None
            return False
        self.border_title = f"{self.edition_id} · {section.heading}"
        if self._shown == (section.id, pattern) and not match:
            return False
        self._shown = (section.id, pattern)
        pane.show(section, pattern=pattern, match=match)
        return True

    @on(Button.Pressed, "#destination")
    def _destination_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self._destination is not None:
            self.post_message(DestinationChosen(self._destination.id))


class SideBySide(Backdrop, Horizontal):
    """The compared editions in two panes, kept in step; the screen says which sections to show."""

    DEFAULT_CSS = """
    SideBySide { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "step_moved(1)", "Next moved", tooltip="Pick the next moved sentence in this pane.", id="moved"),
        Binding(
            "M",
            "step_moved(-1)",
            "Prev moved",
            show=False,
            tooltip="Pick the previous moved sentence.",
            id="moved-back",
        ),
        Binding(
            "enter",
            "jump",
            "Jump",
            tooltip="Show the picked moved sentence's counterpart in the other pane (backspace: back).",
            id="jump",
        ),
    ]

    def __init__(self, comparison: Comparison, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.left_edition, self.right_edition = comparison.left_edition, comparison.right_edition
        self.marking_changes = False
        self._following = False
        self._picked: str | None = None
        self._pending_pick: str | None = None
        self._pattern: str | None = None
        self._shown: tuple[Section | None, Section | None] = (None, None)
        # The pairs left by jumping to a sentence's counterpart (or where a text went), with the sentence picked
        # in each: back returns to them before the reader's history does.
        self._jumps: list[tuple[Section | None, Section | None, str | None]] = []

    def compose(self) -> ComposeResult:
        yield EditionColumn(self.left_edition, self.marks_for, id="left-column")
        yield EditionColumn(self.right_edition, self.marks_for, id="right-column")

    def on_mount(self) -> None:
        for column in self.query(EditionColumn):
            self._follow_scrolling(column.pane)

    def show_section(self, section: Section, pattern: str | None = None, match: int = 0) -> None:
        """Show a section of either compared edition facing its counterpart, `pattern` marked (its match `match`
        current), its pane focused; the jumps made before are forgotten."""
        other = self.comparison.counterpart(section)
        on_left = section.edition == self.left_edition
        left, right = (section, other) if on_left else (other, section)
        self._jumps.clear()
        self.show_pair(left, right, pattern, match=(0 if on_left else 1, match))
        column = self.query_one("#left-column" if on_left else "#right-column", EditionColumn)
        column.pane.focus(scroll_visible=False)

    def back(self) -> bool:
        """Return to the pair shown before the last jump (with its sentence picked); False when there was none."""
        if not self._jumps:
            return False
        left, right, picked = self._jumps.pop()
        self.show_pair(left, right, self._pattern, picked)
        return True

    def _jump(self, left: Section | None, right: Section | None, pick: str | None, note: str) -> None:
        """Show another pair, remembering this one (and the sentence picked in it) for back."""
        self._jumps.append((*self._shown, self._picked))
        self.show_pair(left, right, self._pattern, pick)
        self.post_message(JumpMade(note))

    def jump_to_counterpart(self, address: str) -> None:
        """Show the counterpart of a sentence in the other pane, the sentence's own pane left as it is."""
        found = self.comparison.find_sentence(address)
        if found is None:
            return
        section, index = found
        trace = self.comparison.alignment.trace(section.id)[index]
        if not trace.counterparts:
            self.notify(f"This sentence has no counterpart in {self.comparison.other_edition(section)}.", timeout=3)
            return
        target = trace.counterparts[0]
        target_section = self.comparison.library.section(target.section_id)
        left, right = self._shown
        note = f"⇄ {target_section.edition} › {target_section.heading}"
        if self.comparison.side(section) == "left":
            self._jump(left, target_section, target.address, note)
        else:
            self._jump(target_section, right, target.address, note)

    @on(DestinationChosen)
    def _destination_chosen(self, message: DestinationChosen) -> None:
        message.stop()
        destination = self.comparison.library.section(message.section_id)
        left, right = self._shown
        if left is None:
            self._jump(destination, right, None, f"where it came from: {destination.id}")
        else:
            self._jump(left, destination, None, f"where its text went: {destination.id}")

    def show_pair(
        self,
        left: Section | None,
        right: Section | None,
        pattern: str | None = None,
        pick: str | None = None,
        match: tuple[int, int] = (0, 0),
    ) -> None:
        """Show two sections, or a note for a side with none (naming where the shown one's text went, if it
        went elsewhere); `pick`: a sentence to pick out once it is drawn; `match`: the side (0 left, 1 right) and
        its match of `pattern` to make current (the other's first is)."""
        self._shown, self._pattern = (left, right), pattern
        self._picked = None
        self._pending_pick = pick
        shown = left or right
        destination = self.comparison.destination(shown) if shown is not None else None
        left_note = f"New in {self.right_edition}: no counterpart in {self.left_edition}."
        right_note = f"Not in {self.right_edition}: this {self.left_edition} section has no counterpart."
        to_left = to_right = None
        parts = self.comparison.parts_paired(shown) if shown is not None and destination is None else []
        if parts:
            listed = "; ".join(f"{part.heading} → {other.heading}" for part, other in parts)
            missing = self.right_edition if left is not None else self.left_edition
            note = f"No heading of its own in {missing}; its parts are there: {listed}."
            left_note, right_note = (left_note, note) if left is not None else (note, right_note)
        if destination is not None and left is not None:
            right_note = self._moved_note(left, destination, "went into")
            to_right = (destination, "Show where its text went")
        elif destination is not None and right is not None:
            left_note = self._moved_note(right, destination, "came from")
            to_left = (destination, "Show where its text came from")
        columns = self.query_one("#left-column", EditionColumn), self.query_one("#right-column", EditionColumn)
        side, nth = match
        drawn = [
            columns[0].show(left, left_note, pattern, to_left, match=nth if side == 0 else 0),
            columns[1].show(right, right_note, pattern, to_right, match=nth if side == 1 else 0),
        ]
        drawing = {
            section.id
            for was_drawn, column in zip(drawn, columns, strict=True)
            if was_drawn
            for section in column.pane.sections_shown()
        }
        if pick is not None and pick.rpartition("#")[0] not in drawing:
            self.pick(pick)  # its pane is drawn already

    def _moved_note(self, section: Section, destination: Section, verb: str) -> str:
        carried, total = sentences_carried(self.comparison.alignment, section, destination)
        share = f": {carried} of {total} sentences" if total else ""
        return f"No section of its own in {destination.edition}. Its text {verb} {destination.place}{share}."

    @property
    def picked(self) -> str | None:
        """The address of the sentence picked out, if any."""
        return self._picked

    def panes(self) -> list[SectionPane]:
        return [pane for pane in self.query(SectionPane) if pane.display]

    # Marks --------------------------------------------------------------------------------------------------

    def marks_for(self, section: Section) -> ChangeMarks | None:
        """How to mark a section shown here: its sentences always, its changed words while `d` is on."""
        side = self.comparison.side(section)
        if side is None:
            return None
        return ChangeMarks(
            self.comparison.sentence_marks(section),
            "delete" if side == "left" else "insert",
            self.marking_changes,
            self.comparison.changed_heading_words(section),
            self._picked,
        )

    def mark_changes(self, marking: bool) -> None:
        """Mark the changed words in both panes (each column's subtitle says how), or take the marks away."""
        self.marking_changes = marking
        left, right = self.query_one("#left-column", EditionColumn), self.query_one("#right-column", EditionColumn)
        left.border_subtitle = f"struck: not in {self.right_edition}" if marking else ""
        right.border_subtitle = f"green: new in {self.right_edition}" if marking else ""
        self._restyle()

    def pick(self, address: str | None) -> None:
        """Pick out one sentence (None: none) in whichever pane shows it, and bring it into view (once it is
        drawn, if its pane is still rendering)."""
        self._picked = address
        self._pending_pick = None
        self._restyle()
        self.refresh_bindings()
        if address is None:
            return
        for pane in self.panes():
            block = _block_holding(pane, address)
            if block is not None:
                # Not followed by the other pane: after a jump, the sentence jumped from stays in view there.
                self._following = True
                try:
                    pane.scroll_to_widget(block, animate=False, immediate=True, top=True)
                finally:
                    self._following = False
                return
        self._pending_pick = address

    def _moved_sentences(self, pane: SectionPane) -> list[str]:
        """The addresses of the moved sentences a pane shows, in reading order; from the comparison, not the
        drawn blocks, so `m` typed right after `c` finds them before they are drawn."""
        return [
            mark.address
            for section in pane.sections_shown()
            for paragraph in self.comparison.sentence_marks(section)
            for mark in paragraph
            if mark.moved and mark.counterparts
        ]

    def _restyle(self) -> None:
        for markdown in self.query(SectionMarkdown):
            markdown.show_changes(self.marks_for(markdown.section))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`jump` only once a sentence is picked, `m` only with a moved sentence in a pane (disabled otherwise:
        the footer leaves them out)."""
        if action == "jump" and self._picked is None:
            return None
        if action == "step_moved" and not any(self._moved_sentences(pane) for pane in self.panes()):
            return None
        return True

    def action_step_moved(self, step: int) -> None:
        """Pick the next (1) or previous (-1) moved sentence in the focused pane, wrapping around; in the other pane
        when this one has none (a `⇄` on screen is always reachable)."""
        panes = sorted(self.panes(), key=lambda pane: not pane.has_focus)
        pane, moved = next(((pane, found) for pane in panes if (found := self._moved_sentences(pane))), (None, []))
        if pane is None:  # the key is disabled then
            return
        if not pane.has_focus:
            pane.focus(scroll_visible=False)
        at = moved.index(self._picked) + step if self._picked in moved else (0 if step > 0 else -1)
        self.pick(moved[at % len(moved)])

    def action_jump(self) -> None:
        """Show the picked sentence's counterpart (the key is enabled once a sentence is picked)."""
        if self._picked is not None:
            self.jump_to_counterpart(self._picked)

    @on(PaneRendered)
    def _pane_rendered(self, message: PaneRendered) -> None:
        self.refresh_bindings()
        if self._pending_pick is not None:
            self.pick(self._pending_pick)

    @on(Markdown.LinkClicked)
    def _link_clicked(self, event: Markdown.LinkClicked) -> None:
        if event.href.startswith(_SENTENCE_LINK):
            event.stop()
            self.jump_to_counterpart(event.href.removeprefix(_SENTENCE_LINK))

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
        facing = next((shown for shown in other.markdowns() if shown.section is counterpart), None)
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


def _shown_sentences(pane: SectionPane) -> Iterator[tuple[SentenceMark, MatchHighlighting]]:
    """The marks of the sentences a pane shows, in reading order, each with the block it stands in."""
    for markdown in pane.markdowns():
        for block in markdown.blocks():
            for mark in block.sentence_marks():
                yield mark, block


def _block_holding(pane: SectionPane, address: str) -> MatchHighlighting | None:
    return next((block for mark, block in _shown_sentences(pane) if mark.address == address), None)


def _anchor_block(pane: SectionPane) -> tuple[SectionMarkdown, MatchHighlighting] | None:
    """The heading or paragraph at the top line of the pane (where reading goes on), or the next one below it."""
    top = pane.content_region.y
    for markdown in pane.markdowns():
        if markdown.region.bottom <= top:
            continue
        for block in markdown.blocks():
            if block.region.bottom > top:
                return markdown, block
    return None
