"""The reading pane: a section and, below it, its subsections, mounted a few at a time so text shows at once."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual._styles_cache import StylesCache
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import MountError
from textual.widgets import Static

from bluebook_tui.library.model import Section
from bluebook_tui.ui.messages import MatchesCounted, PaneRendered, VisibleSectionChanged

if TYPE_CHECKING:
    from bluebook_tui.ui.widgets.section_markdown import ChangeMarks, MatchHighlighting

# What to mark in a section the pane shows (None: nothing), as the view around the pane decides.
ChangeMarksFor = Callable[[Section], "ChangeMarks | None"]

# Rendering Markdown needs markdown-it and Textual's Markdown widget, ~40 ms of imports: the first section of a run
# is shown at once as plain text, and swapped for the rendered one right after the first frame.
_RENDERER = "bluebook_tui.ui.widgets.section_markdown"
PREVIEW_CHARACTERS = 2500

# Subsections mounted per step after the first: small enough to keep each step short.
MOUNT_BATCH = 4


def release_removed_widgets() -> None:
    """Let the widgets just removed be freed.

    Textual 8.2 caches `StylesCache.get_inner_outer` with `functools.lru_cache` on the method, so the cache holds
    the last 1,024 widgets' style caches and every line they rendered: after some 100 sections, ~200,000 objects
    that each full garbage collection walks (passes grew to ~250 ms, felt as a stall). The cache only saves
    working out two colours.
    """
    StylesCache.get_inner_outer.cache_clear()


def _below(section: Section, depth: int = 1) -> Iterator[tuple[Section, int]]:
    for child in section.children:
        yield child, depth
        yield from _below(child, depth + 1)


class SectionPane(VerticalScroll, can_focus=True):
    """Shows one section with its subsections; marks a search pattern and steps through its matches."""

    DEFAULT_CSS = """
    SectionPane {
        height: 1fr;
        scrollbar-size-vertical: 1;
        & > .preview { padding: 0 1; }
    }
    """

    def __init__(
        self,
        *,
        first: Section | None = None,
        change_marks: ChangeMarksFor | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`first`: the section the pane opens on, drawn in the very first frame (as a preview, see `show`);
        `change_marks`: what to mark in each section shown (the side-by-side view's panes have it)."""
        super().__init__(id=id, classes=classes)
        self._first = first
        self._change_marks = change_marks
        self.section: Section | None = None
        self.highlight: re.Pattern[str] | None = None
        self._matches: list[tuple[MatchHighlighting, int]] = []
        self._current_match = -1
        self._first_match = 0
        self._visible_section_id: str | None = None

    def compose(self) -> ComposeResult:
        if self._first is not None and _RENDERER not in sys.modules:
            yield Static(_preview(self._first), classes="preview")

    def show(self, section: Section, *, pattern: str | None = None, match: int = 0, scroll_y: int = 0) -> None:
        """Render `section` (cancelling a render under way), then go to match `match` (the first by default) or
        to `scroll_y`."""
        self._first_match = match
        self.section = section
        self.highlight = re.compile(pattern, re.IGNORECASE) if pattern else None
        self._matches, self._current_match = [], -1
        self._visible_section_id = section.id
        if _RENDERER in sys.modules:
            self._mount_section(section, self.highlight, scroll_y)
            return
        if section is not self._first:
            self.remove_children()
            self.mount(Static(_preview(section), classes="preview"))
        self.call_after_refresh(self._mount_section, section, self.highlight, scroll_y)

    @work(exclusive=True, group="render")
    async def _mount_section(self, section: Section, highlight: re.Pattern[str] | None, scroll_y: int) -> None:
        from bluebook_tui.ui.widgets.section_markdown import SectionMarkdown

        first = SectionMarkdown(section, 0, highlight, self._marks(section))
        try:
            with self.app.batch_update():
                await self.remove_children()
                release_removed_widgets()
                self.scroll_home(animate=False, immediate=True)
                await self.mount(first)
                await first.render_section()
            below = list(_below(section))
            for start in range(0, len(below), MOUNT_BATCH):
                batch = [
                    SectionMarkdown(sub, depth, highlight, self._marks(sub))
                    for sub, depth in below[start : start + MOUNT_BATCH]
                ]
                await self.mount_all(batch)
                for widget in batch:
                    await widget.render_section()
        except MountError:
            # A newer section was asked for while this one was being put up (a hit opened straight after typing):
            # its render removed these widgets before they were mounted. That render carries on; this one stops.
            return
        self.call_after_refresh(self._settle, scroll_y)

    def _marks(self, section: Section) -> ChangeMarks | None:
        return self._change_marks(section) if self._change_marks is not None else None

    def _settle(self, scroll_y: int) -> None:
        """Once everything is laid out: count the matches and show the first, or restore the scroll offset."""
        from bluebook_tui.ui.widgets.section_markdown import SectionMarkdown

        self._matches = [
            (block, index)
            for widget in self.query_children(SectionMarkdown)
            for block in widget.blocks()
            for index in range(len(block.match_spans()))
        ]
        if self._matches:
            self._current_match = min(self._first_match, len(self._matches) - 1) - 1
            self.step_match(1)
        else:
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
            self.post_message(MatchesCounted(0, 0))
        if self.section is not None:
            self.post_message(PaneRendered(self.section.id))

    def sections_shown(self) -> list[Section]:
        """The section shown and its subsections, in reading order (rendered yet or not)."""
        return [] if self.section is None else [self.section, *(sub for sub, _ in _below(self.section))]

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def step_match(self, step: int) -> None:
        """Make the next (`step` 1) or previous (-1) match the current one, wrapping around, and bring it into view."""
        if not self._matches:
            self.post_message(MatchesCounted(0, 0))
            return
        if 0 <= self._current_match < len(self._matches):
            block, _ = self._matches[self._current_match]
            block.mark_current(None)
        self._current_match = (self._current_match + step) % len(self._matches)
        block, index = self._matches[self._current_match]
        block.mark_current(index)
        self.scroll_to_widget(block, animate=False, immediate=True, top=block.outer_size.height > self.size.height)
        self.post_message(MatchesCounted(self._current_match + 1, len(self._matches)))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if _RENDERER not in sys.modules:
            return
        from bluebook_tui.ui.widgets.section_markdown import SectionMarkdown

        top = None
        for widget in self.query_children(SectionMarkdown):
            if widget.virtual_region.y > new_value:
                break
            top = widget.section.id
        if top is not None and top != self._visible_section_id:
            self._visible_section_id = top
            self.post_message(VisibleSectionChanged(top))


def _preview(section: Section) -> Text:
    """The section's heading and the start of its text, unrendered: what shows while the renderer loads.

    Only what a large terminal shows at once: wrapping the rest would only delay the first frame.
    """
    text = section.text
    cut = text.find("\n\n", PREVIEW_CHARACTERS)
    return Text.assemble((section.heading, "bold"), "\n\n", text if cut < 0 else text[:cut])
