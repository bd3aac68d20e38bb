"""The reading pane: a section and, below it, its subsections, mounted a few at a time so text shows at once.

The reading pane keeps the sections beside the one read ready, hidden: `]` and `[` then only show them, instead of
parsing and mounting a section on the way from the key to its text (~40 ms of ~110 on this machine).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.await_remove import AwaitRemove
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region, Spacing
from textual.widget import MountError, Widget
from textual.widgets import Static

from bluebook_tui.library.markdown import footnote_marker
from bluebook_tui.library.model import Edition, Section
from bluebook_tui.ui.messages import MatchesCounted, NoteOpened, PaneRendered, SectionSelected, VisibleSectionChanged
from bluebook_tui.ui.widgets.backdrop import Backdrop

if TYPE_CHECKING:
    from textual.widgets import Markdown

    from bluebook_tui.ui.app import BluebookApp
    from bluebook_tui.ui.widgets.section_markdown import ChangeMarks, MatchHighlighting, SectionMarkdown

# What to mark in a section the pane shows (None: nothing), as the view around the pane decides.
ChangeMarksFor = Callable[[Section], "ChangeMarks | None"]

# Rendering Markdown needs markdown-it and Textual's Markdown widget, ~40 ms of imports: the first section of a run
# is shown at once as plain text, and swapped for the rendered one right after the first frame.
_RENDERER = "bluebook_tui.ui.widgets.section_markdown"
PREVIEW_CHARACTERS = 2500

# Subsections mounted per step after the first: small enough to keep each step short.
MOUNT_BATCH = 4
# Sections kept ready, hidden, in the reading pane: the one before and the one after. No more: every widget kept
# is restyled whenever a class or the focus changes above it (~5 ms per section when the reader's layout changes).
PAGES_KEPT = 2
# Rows kept in view above and below the current match or picked link, so that it never sits at the pane's edge.
CONTEXT_ROWS = 3
# The hrefs of a footnote reference's link and of a column's (`section_markdown.note_link`, `section_link`).
_NOTE_LINK, _SECTION_LINK = "note:", "section:"


def _below(section: Section, depth: int = 1) -> Iterator[tuple[Section, int]]:
    for child in section.children:
        yield child, depth
        yield from _below(child, depth + 1)


class SectionPage(Backdrop, Widget):
    """A section and its subsections, as shown together in a pane (its `SectionMarkdown` children)."""

    DEFAULT_CSS = """
    SectionPage { height: auto; layout: vertical; }
    """

    def __init__(self, first: SectionMarkdown) -> None:
        """`first`: the section's own widget; its subsections' are mounted after it."""
        super().__init__(first)
        self.first = first
        # All its subsections mounted.
        self.complete = False

    @property
    def section(self) -> Section:
        return self.first.section

    @property
    def marked(self) -> bool:
        """Whether a search or changes are marked in it."""
        markdowns = cast("list[SectionMarkdown]", list(self.children))
        return any(markdown.highlight is not None or markdown.changes is not None for markdown in markdowns)


class SectionPane(Backdrop, VerticalScroll, can_focus=True):
    """Shows one section with its subsections; marks a search pattern and steps through its matches, and goes
    from a footnote reference to its note and back."""

    DEFAULT_CSS = """
    SectionPane {
        height: 1fr;
        scrollbar-size-vertical: 1;
        & > .preview { padding: 0 1; height: 1fr; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f",
            "step_link(1)",
            "Next link",
            # In `?` only: the footer keeps its room for search and sections (links show underlined in the text).
            show=False,
            tooltip="Pick the next footnote reference, or column the text points at (enter: follow it).",
            id="next-link",
        ),
        Binding("F", "step_link(-1)", "Prev link", show=False, tooltip="Pick the previous link.", id="prev-link"),
        Binding(
            "enter",
            "follow_link",
            "Follow",
            tooltip="Go to the picked footnote's note or column (backspace: back to where you were).",
            id="follow-link",
        ),
    ]

    def __init__(
        self,
        *,
        first: Section | None = None,
        change_marks: ChangeMarksFor | None = None,
        keep_ready: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`first`: the section the pane opens on, drawn in the very first frame (as a preview, see `show`);
        `change_marks`: what to mark in each section shown (the side-by-side view's panes have it); `keep_ready`:
        have the sections before and after the one shown rendered, hidden, so that stepping to them is at once
        (the reading pane has it)."""
        super().__init__(id=id, classes=classes)
        self._first = first
        self._change_marks = change_marks
        self._keep_ready = keep_ready
        # The page shown, and the pages kept ready (hidden) by section id, least recently shown first.
        self._page: SectionPage | None = None
        self._ready: dict[str, SectionPage] = {}
        self._preparing: SectionPage | None = None
        self.section: Section | None = None
        self.highlight: re.Pattern[str] | None = None
        self._matches: list[tuple[MatchHighlighting, int]] = []
        self._current_match = -1
        self._first_match = 0
        self._visible_section_id: str | None = None
        # The links shown (block, index in the block), the one picked, the note opened and the links left for notes.
        self._links: list[tuple[MatchHighlighting, int]] = []
        self._current_link = -1
        self._opened_note: MatchHighlighting | None = None
        self._left_for_notes: list[int] = []

    def compose(self) -> ComposeResult:
        if self._first is not None and _RENDERER not in sys.modules:
            yield Static(_preview(self._first), classes="preview")

    def show(
        self,
        section: Section,
        *,
        pattern: str | None = None,
        match: int = 0,
        scroll_y: int = 0,
        link: int | None = None,
    ) -> None:
        """Render `section` (cancelling a render under way), then go to match `match` (the first by default) or
        to `scroll_y`, with its link `link` picked (where it was when the reader left)."""
        self._unmark_page()
        self._first_match = match
        self.section = section
        self.highlight = re.compile(pattern, re.IGNORECASE) if pattern else None
        self._matches, self._current_match = [], -1
        self._links, self._current_link, self._opened_note, self._left_for_notes = [], -1, None, []
        self._visible_section_id = section.id
        if _RENDERER in sys.modules:
            self._stop_preparing()
            ready = self._ready.get(section.id) if self.highlight is None else None
            if ready is not None and ready.section == section:
                self._show_ready(ready)
                self.call_after_refresh(self._settle, scroll_y, link)
            else:
                self._mount_section(section, self.highlight, scroll_y, link)
            return
        if section is not self._first:
            self.remove_children()
            self.mount(Static(_preview(section), classes="preview"))
        self.call_after_refresh(self._mount_section, section, self.highlight, scroll_y, link)

    @property
    def page(self) -> SectionPage | None:
        """The page shown: the section and its subsections (None until the first is rendered)."""
        return self._page

    def markdowns(self) -> list[SectionMarkdown]:
        """The section shown and the subsections rendered so far, in reading order."""
        return [] if self._page is None else cast("list[SectionMarkdown]", list(self._page.children))

    @work(exclusive=True, group="render")
    async def _mount_section(
        self, section: Section, highlight: re.Pattern[str] | None, scroll_y: int, link: int | None
    ) -> None:
        from bluebook_tui.ui.textual_compat import release_style_caches
        from bluebook_tui.ui.widgets.section_markdown import SectionMarkdown

        edition = cast("BluebookApp", self.app).library.edition(section.edition)
        page = self._page
        try:
            with self.app.batch_update():
                await self.remove_children([child for child in self.children if not isinstance(child, SectionPage)])
                shown = self.markdowns()
                if page is not None and shown and not self._keeps(page):
                    # The page's first widget shows the section: less time than removing it and mounting another.
                    first = shown[0]
                    await page.remove_children(page.children[1:])
                    if first.section.kind != section.kind:
                        await first.remove_children()  # before it is restyled as a column (or not): all at once
                    first.set_section(section, 0, highlight, self._marks(section), edition)
                    page.complete = False
                else:
                    self._put_away_shown()
                    first = SectionMarkdown(section, 0, highlight, self._marks(section), edition)
                    page = self._page = SectionPage(first)
                    await self.mount(page)
                release_style_caches()
                self.scroll_home(animate=False, immediate=True)
                await first.render_section()
            await self._mount_below(page, highlight, edition)
        except MountError:
            # A newer section was asked for while this one was being put up (a hit opened straight after typing):
            # its render removed these widgets before they were mounted. That render carries on; this one stops.
            return
        self.call_after_refresh(self._settle, scroll_y, link)

    async def _mount_below(self, page: SectionPage, highlight: re.Pattern[str] | None, edition: Edition) -> None:
        """The page's subsections, a few at a time, each rendered before the next few are mounted."""
        from bluebook_tui.ui.widgets.section_markdown import SectionMarkdown

        below = list(_below(page.section))
        for start in range(0, len(below), MOUNT_BATCH):
            batch = [
                SectionMarkdown(sub, depth, highlight, self._marks(sub), edition)
                for sub, depth in below[start : start + MOUNT_BATCH]
            ]
            await page.mount_all(batch)
            for widget in batch:
                await widget.render_section()
        page.complete = True

    # The sections kept ready ------------------------------------------------------------------------------

    def _keeps(self, page: SectionPage) -> bool:
        """Whether a page left is kept ready: in the reading pane, when whole and with nothing marked."""
        return self._keep_ready and page.complete and not page.marked

    def _unmark_page(self) -> None:
        """Unpick the link and close the note of the page shown, so that it comes back as it was rendered."""
        if 0 <= self._current_link < len(self._links):
            self._links[self._current_link][0].pick_link(None)
        self._close_note()

    def _put_away_shown(self) -> None:
        """Hide the page shown and keep it ready, or remove it; only the last `PAGES_KEPT` left are kept."""
        page, self._page = self._page, None
        if page is None:
            return
        if not self._keeps(page):
            page.remove()
            return
        page.display = False
        self._keep(page)

    def _keep(self, page: SectionPage) -> None:
        """Keep the page ready (the most recent), removing the least recent past `PAGES_KEPT`."""
        self._ready.pop(page.section.id, None)
        self._ready[page.section.id] = page
        while len(self._ready) > PAGES_KEPT:
            self._ready.pop(next(iter(self._ready))).remove()

    def _show_ready(self, page: SectionPage) -> None:
        from bluebook_tui.ui.textual_compat import release_style_caches

        del self._ready[page.section.id]
        with self.app.batch_update():
            self._put_away_shown()
            page.display = True
            self._page = page
            release_style_caches()
            self.scroll_home(animate=False, immediate=True)

    def drop_ready(self) -> AwaitRemove:
        """Remove the sections kept ready (while the pane is hidden they would only be restyled, never shown)."""
        self._stop_preparing()
        pages, self._ready = list(self._ready.values()), {}
        return self.remove_children(pages)

    def _stop_preparing(self) -> None:
        self.workers.cancel_group(self, "prepare")
        if self._preparing is not None:
            self._preparing.remove()
            self._preparing = None

    @work(exclusive=True, group="prepare")
    async def _prepare_beside(self, section: Section) -> None:
        """Render the sections after and before `section` in reading order, hidden, unless they are ready."""
        from bluebook_tui.ui.widgets.section_markdown import SectionMarkdown

        edition = cast("BluebookApp", self.app).library.edition(section.edition)
        for beside in (edition.step(section, 1), edition.step(section, -1)):
            if beside is None or beside.id in self._ready:
                continue
            first = SectionMarkdown(beside, 0, None, None, edition)
            page = self._preparing = SectionPage(first)
            page.display = False
            try:
                await self.mount(page)
                await first.render_section()
                await self._mount_below(page, None, edition)
            except MountError:
                # The page was removed before it was all mounted (a key that stopped the preparing, the app
                # closing): there is nothing left to keep.
                return
            self._preparing = None
            self._keep(page)

    def _marks(self, section: Section) -> ChangeMarks | None:
        return self._change_marks(section) if self._change_marks is not None else None

    def _settle(self, scroll_y: int, link: int | None) -> None:
        """Once everything is laid out: count the matches and show the first, or restore the scroll offset and the
        link picked."""
        self._matches = [
            (block, index)
            for widget in self.markdowns()
            for block in widget.blocks()
            for index in range(len(block.match_spans()))
        ]
        self._links = [
            (block, index)
            for widget in self.markdowns()
            for block in widget.blocks()
            for index in range(len(block.links()))
        ]
        self.refresh_bindings()
        if self._matches:
            self._current_match = min(self._first_match, len(self._matches) - 1) - 1
            self.step_match(1)
        else:
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
            if link is not None and link < len(self._links):
                self._pick_link(link, scroll=False)
            self.post_message(MatchesCounted(self, 0, 0))
        if self.section is not None:
            self.post_message(PaneRendered(self.section.id, self))
        page = self._page
        if self._keep_ready and page is not None and page.complete and page.section is self.section:
            self._prepare_beside(page.section)

    def sections_shown(self) -> list[Section]:
        """The section shown and its subsections, in reading order (rendered yet or not)."""
        return [] if self.section is None else [self.section, *(sub for sub, _ in _below(self.section))]

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def step_match(self, step: int) -> None:
        """Make the next (`step` 1) or previous (-1) match the current one, wrapping around, and bring it into view."""
        if not self._matches:
            self.post_message(MatchesCounted(self, 0, 0))
            return
        if 0 <= self._current_match < len(self._matches):
            block, _ = self._matches[self._current_match]
            block.mark_current(None)
        self._current_match = (self._current_match + step) % len(self._matches)
        block, index = self._matches[self._current_match]
        block.mark_current(index)
        self._bring_into_view(block, ".search-current")
        self.post_message(MatchesCounted(self, self._current_match + 1, len(self._matches)))

    def _bring_into_view(self, block: MatchHighlighting, style: str) -> None:
        """Scroll to the block (all of it when it fits), then to its text drawn with `style` (the current match, the
        picked link) with `CONTEXT_ROWS` around it: a long paragraph's match may be far below its top."""
        self.scroll_to_widget(block, animate=False, immediate=True, top=block.outer_size.height > self.size.height)
        rows = block.rows_marked(style)
        if rows is None:
            return
        first, last = rows
        context = min(CONTEXT_ROWS, max(0, (self.scrollable_content_region.height - (last - first + 1)) // 2))
        marked = Region(0, _content_top(block, self) + first, 1, last - first + 1)
        self.scroll_to_region(
            marked, spacing=Spacing(context, 0, context, 0), animate=False, immediate=True, x_axis=False
        )

    # Links: footnote references and columns pointed at ---------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_link":
            return bool(self._links)
        if action == "follow_link":
            # Otherwise enter goes on to the view around the pane (side by side: follow a moved sentence).
            return 0 <= self._current_link < len(self._links)
        return True

    def action_step_link(self, step: int) -> None:
        """Pick the next (`step` 1) or previous (-1) link, wrapping around, and bring it into view."""
        if self._links:
            self._pick_link((self._current_link + step) % len(self._links))

    @property
    def picked_link(self) -> int | None:
        """The index of the link picked among the section's, if one is."""
        return self._current_link if 0 <= self._current_link < len(self._links) else None

    def _pick_link(self, index: int, *, scroll: bool = True) -> None:
        if 0 <= self._current_link < len(self._links):
            self._links[self._current_link][0].pick_link(None)
        self._current_link = index
        block, within = self._links[index]
        block.pick_link(within)
        if scroll:
            self._bring_into_view(block, ".link-current")
        self.refresh_bindings()

    def action_follow_link(self) -> None:
        if 0 <= self._current_link < len(self._links):
            block, within = self._links[self._current_link]
            self._follow(block.links()[within][0])

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        # By its handler's name: importing Markdown here would bring markdown-it in before the first frame.
        if not event.href.startswith((_NOTE_LINK, _SECTION_LINK)):
            return  # a moved sentence's link: the side-by-side view follows it
        event.stop()
        clicked = next(
            (i for i, (block, within) in enumerate(self._links) if block.links()[within][0] == event.href), None
        )
        if clicked is not None:
            self._pick_link(clicked)
        self._follow(event.href)

    def _follow(self, href: str) -> None:
        if href.startswith(_SECTION_LINK):
            self.post_message(SectionSelected(href.removeprefix(_SECTION_LINK)))
        else:
            self._open_note(href.removeprefix(_NOTE_LINK))

    def _open_note(self, label: str) -> None:
        """Show the note, top of the pane, its number picked out; `back_from_note` returns to the reference."""
        note = next(
            (block for widget in self.markdowns() for block in widget.blocks() if block.note_label == label),
            None,
        )
        if note is None:
            self.notify(f"Note {footnote_marker(label)} is not in this section.", severity="warning", timeout=3)
            return
        self._close_note()
        self._left_for_notes.append(self._current_link)
        self._opened_note = note
        note.open_as_note(True)
        self.scroll_to_widget(note, animate=False, immediate=True, top=True)
        self.post_message(NoteOpened(footnote_marker(label)))

    def _close_note(self) -> None:
        if self._opened_note is not None:
            self._opened_note.open_as_note(False)
            self._opened_note = None

    def back_from_note(self) -> bool:
        """Return to the reference a note was opened from; False when no note was opened."""
        if not self._left_for_notes:
            return False
        self._close_note()
        link = self._left_for_notes.pop()
        if 0 <= link < len(self._links):
            self._pick_link(link)
        return True

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if _RENDERER not in sys.modules:
            return
        top = None
        for widget in self.markdowns():
            if widget.virtual_region.y > new_value:
                break
            top = widget.section.id
        if top is not None and top != self._visible_section_id:
            self._visible_section_id = top
            self.post_message(VisibleSectionChanged(top))


def _content_top(widget: Widget, pane: SectionPane) -> int:
    """Where the widget's text starts in the pane's scrolled area. From the layout's regions relative to each
    container (none depends on the scroll), so two keys handled before the next repaint still find the right row."""
    top = 0
    while widget is not pane and isinstance(widget, Widget):
        top += widget.virtual_region.y + widget.styles.gutter.top
        widget = cast(Widget, widget.parent)
    return top


def _preview(section: Section) -> Text:
    """The section's heading and the start of its text, unrendered: what shows while the renderer loads.

    Only what a large terminal shows at once: wrapping the rest would only delay the first frame.
    """
    text = section.text
    cut = text.find("\n\n", PREVIEW_CHARACTERS)
    return Text.assemble((section.heading, "bold"), "\n\n", text if cut < 0 else text[:cut])
