"""The reader: tree, breadcrumb, the section pane (or two editions side by side), the footer.

It routes: its state is the section read and whether two editions are compared (reactives, whose watchers keep
the tree, breadcrumb and panes in step); its widgets post what the reader asks for; its keys open the other
screens and act on what they hand back. It holds the app's one comparison (the newest two editions unless the
reader picks others), aligned in a worker after the first frame.
"""

from __future__ import annotations

import asyncio
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.reactive import Initialize, var
from textual.screen import Screen

from bluebook_tui.library.citation import citation
from bluebook_tui.library.errors import LibraryError
from bluebook_tui.library.model import Library, Section
from bluebook_tui.ui.key_hints import key_for
from bluebook_tui.ui.messages import (
    ConcordanceAsked,
    HitChosen,
    JumpMade,
    MatchesCounted,
    NoteOpened,
    PaneRendered,
    SectionSelected,
    VisibleSectionChanged,
)
from bluebook_tui.ui.screens.reader_keys import READER_BINDINGS
from bluebook_tui.ui.widgets.backdrop import Backdrop
from bluebook_tui.ui.widgets.breadcrumb import Breadcrumb
from bluebook_tui.ui.widgets.key_bar import KeyBar
from bluebook_tui.ui.widgets.reading_area import ReadingArea
from bluebook_tui.ui.widgets.section_pane import SectionPane
from bluebook_tui.ui.widgets.tree_dock import TreeDock
from bluebook_tui.user_data import Bookmarks, History, SaveError, Session, Store

if TYPE_CHECKING:
    from textual.timer import Timer

    from bluebook_tui.ui.comparison import Comparison
    from bluebook_tui.ui.widgets.section_tree import SectionTree
    from bluebook_tui.ui.widgets.side_by_side import SideBySide

# After the first frames and the index loader's start: aligning competes with them for the interpreter.
COMPARE_DELAY_SECONDS = 0.6
# The history and reading position are written this long after the last move (and on quitting).
SAVE_DELAY_SECONDS = 0.5


class Place(NamedTuple):
    """Where the reader was in a section: its scroll offset and the link picked (an index among its links)."""

    scroll_y: int = 0
    link: int | None = None


class ReaderScreen(Backdrop, Screen[None]):
    AUTO_FOCUS = "#reader-pane"
    # As Textual's Screen declares it (an instance attribute, which a ClassVar may not override).
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] = [(0, "-narrow"), (72, "-wide"), (120, "-wider")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    def _start_section(self) -> Section:
        return self.library.section(self._start.section_id)

    # The section read (set again when the same one is opened anew: its watcher puts the tree and breadcrumb back
    # on it); the one at the top of the pane while scrolling; the search marked; side by side or not.
    section: var[Section] = var(Initialize(_start_section), always_update=True, init=False)
    visible_section: var[Section] = var(Initialize(_start_section), always_update=True, init=False)
    pattern: var[str | None] = var(None, bindings=True, init=False)  # the match keys come and go with a search's marks
    comparing: var[bool] = var(False, always_update=True, init=False)

    def __init__(self, library: Library, store: Store, start: Session, pair: tuple[str, str] | None = None) -> None:
        """`pair`: the editions compared, older first (by default the newest two)."""
        super().__init__()
        self.library = library
        self.store = store
        self.history: History = store.load_history()
        self.bookmarks = Bookmarks(store)
        self.last_query = ""
        self._start = start
        self._pair = pair
        self._insights = ("", "keywords")  # the term and tab the Insights screen was left on
        # Where the reader was in each section left: back and forward return to it (the scroll, the link picked).
        self._places: dict[str, Place] = {}
        self._save_timer: Timer | None = None
        # Resuming side by side: how far down the pane read was, and the sections still to be drawn before.
        self._scroll_once_drawn: tuple[int, set[str]] | None = None

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        yield TreeDock(self.library)
        yield ReadingArea(self.section, id="content")
        yield KeyBar()

    def on_mount(self) -> None:
        # Side by side, the place left is in a half-width pane: the full-width one under it opens at the top.
        scroll_y = 0 if self._start.comparing else self._start.scroll_y
        self.open_section(self.section.id, scroll_y=scroll_y, record=self.history.current != self.section.id)
        # The tree comes right after the first frame, which it would delay: the text comes first.
        self.call_after_refresh(self.query_one(TreeDock).mount_tree)
        # The comparison is worked out (or read from the cache) behind the reading, so `c` finds it ready.
        self.set_timer(COMPARE_DELAY_SECONDS, self._start_preparing)
        if self._start.comparing:
            self.call_after_refresh(self._resume_comparing)

    # State and its watchers -------------------------------------------------------------------------------

    def watch_section(self, section: Section) -> None:
        self.visible_section = section
        self.query_one(TreeDock).reveal(section.id)

    def watch_visible_section(self, section: Section) -> None:
        edition = self.library.edition(section.edition)
        breadcrumb = self.query_one(Breadcrumb)
        breadcrumb.edition = edition.id
        breadcrumb.trail = (edition.book, edition.heading, *section.path)
        breadcrumb.status = "★" if section.id in self.bookmarks else ""

    def watch_comparing(self, comparing: bool) -> None:
        self.query_one(ReadingArea).show_side_by_side(comparing)
        comparison, tree_dock = self.comparison, self.query_one(TreeDock)
        tree_dock.set_class(comparing, "-comparing")
        if comparing and comparison is not None:
            tree_dock.show_changes(comparison.pair, (comparison.left_edition, comparison.right_edition))
        else:
            tree_dock.show_changes(None)
        self.refresh_bindings()  # `c` is "Side by side" or "One pane"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Stepping through matches only while a search is marked (disabled otherwise: `?` still lists the keys,
        the footer shows others); `c` bound as what it does now, side by side or back to one pane."""
        if action == "step_match" and not self.pattern:
            return None
        if action in ("side_by_side", "one_pane"):
            return (action == "one_pane") == self.comparing
        return True

    # The comparison ---------------------------------------------------------------------------------------

    @cached_property
    def comparison(self) -> Comparison | None:
        """The two editions compared (None with one edition); imported on first use, not at start-up."""
        from bluebook_tui.ui.comparison import Comparison

        return Comparison(self.library, self._pair) if len(self.library.editions) >= 2 else None

    def _start_preparing(self) -> None:
        self.run_worker(self._prepare_comparison(), group="comparison", exclusive=True)

    async def _prepare_comparison(self) -> None:
        """Align the editions (or read them from the cache) in a thread, then mount the side-by-side view hidden,
        so that `c` only has to show it; then the wording, for `I`."""
        comparison = await self._comparison_ready()
        if comparison is not None:
            await self.query_one(ReadingArea).side_by_side_for(comparison)
            await asyncio.to_thread(comparison.wording)

    async def _comparison_ready(self) -> Comparison | None:
        """The comparison once its alignment is there, worked out in a thread if need be (None: one edition)."""
        comparison = self.comparison
        if comparison is not None and not comparison.ready:
            await asyncio.to_thread(comparison.ensure)
        return comparison

    async def _resume_comparing(self) -> None:
        """Side by side again (and marking, scrolled), as the reader left it."""
        await self._compare(True)
        if self.comparing and self._start.marking:
            self.side_by_side().mark_changes(True)
        if self.comparing and self._start.scroll_y:
            drawing = {pane.section.id for pane in self.side_by_side().panes() if pane.section is not None}
            self._scroll_once_drawn = (self._start.scroll_y, drawing)

    @on(PaneRendered)
    def _pane_rendered(self, message: PaneRendered) -> None:
        """Resuming side by side: once both panes are drawn (each then scrolls to its top), the one read scrolled
        where it was left, the other keeping step."""
        if self._scroll_once_drawn is None:
            return
        if message.control not in self.side_by_side().panes():
            return  # the one pane, hidden, showing the same section
        scroll_y, drawing = self._scroll_once_drawn
        drawing.discard(message.section_id)
        if not drawing:
            self._scroll_once_drawn = None
            pane = self.current_pane()
            if pane is not None:
                pane.scroll_to(y=scroll_y, animate=False, immediate=True)

    def side_by_side(self) -> SideBySide:
        return self.query_one(ReadingArea).side_by_side

    def section_tree(self) -> SectionTree | None:
        """The section tree, once mounted (just after the first frame)."""
        return self.query_one(TreeDock).section_tree

    def current_pane(self) -> SectionPane | None:
        """The pane showing the section read."""
        return self.query_one(ReadingArea).pane_showing(self.section)

    def help_notes(self) -> str:
        """What the comparison's marks mean, for `?` (nothing with one edition)."""
        if self.comparison is None:
            return ""
        from bluebook_tui.ui.widgets.badges import legend
        from bluebook_tui.ui.widgets.side_by_side import SideBySide

        moved_keys = key_for(SideBySide, "step_moved(1)"), key_for(SideBySide, "jump")
        return legend(self.comparison.left_edition, self.comparison.right_edition, moved_keys)

    # Navigation -------------------------------------------------------------------------------------------

    def open_section(
        self,
        section_id: str,
        *,
        pattern: str | None = None,
        match: int = 0,
        scroll_y: int = 0,
        link: int | None = None,
        record: bool = True,
    ) -> None:
        """Show a section (with `pattern` highlighted, its match `match` current, or at `scroll_y` with its link
        `link` picked) and remember it."""
        self._scroll_once_drawn = None  # the place resumed side by side is not this one's
        try:
            section = self.library.section(section_id)
        except LibraryError as error:
            self.notify(str(error), severity="warning")
            return
        if self.comparing and self.comparison is not None:
            # Side by side shows the compared editions: a section of a third one is shown by its counterpart.
            section = self.comparison.in_pair(section)
        self._remember_place()
        self.section, self.pattern = section, pattern
        if record:
            self.history.visit(section.id)
        self._save_soon()
        if self.comparing:
            self.side_by_side().show_section(section, pattern, match)
        else:
            self.query_one(ReadingArea).pane.show(section, pattern=pattern, match=match, scroll_y=scroll_y, link=link)

    def _go(self, section_id: str | None) -> None:
        if section_id is None:
            self.notify("No further history.", timeout=2)
            return
        place = self._places.get(section_id, Place())
        self.open_section(section_id, scroll_y=place.scroll_y, link=place.link, record=False)

    def _remember_place(self) -> None:
        """Where the reader is in the section being left, so back and forward return to that very place."""
        pane = self.current_pane() if self.is_mounted and not self.comparing else None
        if pane is not None and pane.section is not None:
            self._places[pane.section.id] = Place(round(pane.scroll_y), pane.picked_link)

    def _save_soon(self) -> None:
        """Write the history and reading position once the reader pauses (SAVE_DELAY_SECONDS): the writes cost a
        few ms each, on the way from a key to its section, and `]` held down needs only the last."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY_SECONDS, self.save_position)

    def save_position(self) -> None:
        """Write the history and reading position now (quitting does, as well as a pause after moving)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self.store.save_history(self.history)
        pane = self.current_pane()
        scroll_y = round(pane.scroll_y) if pane is not None else 0
        marking = self.comparing and self.side_by_side().marking_changes
        self.store.save_session(Session(self.section.id, scroll_y, self.comparing, marking))

    # Messages from the widgets ----------------------------------------------------------------------------

    @on(SectionSelected)
    def _section_selected(self, message: SectionSelected) -> None:
        self.open_section(message.section_id)

    @on(VisibleSectionChanged)
    def _visible_section_changed(self, message: VisibleSectionChanged) -> None:
        section = self.library.find(message.section_id)
        if section is not None:
            self.visible_section = section

    @on(MatchesCounted)
    def _matches_counted(self, message: MatchesCounted) -> None:
        # Side by side, both panes mark the term: the count said is the one of the section opened.
        if self.pattern and message.pane is self.current_pane():
            status = f"match {message.current}/{message.total}" if message.total else "no match in this section"
            self.query_one(Breadcrumb).status = status

    @on(NoteOpened)
    def _note_opened(self, message: NoteOpened) -> None:
        self.query_one(Breadcrumb).status = f"note {message.marker} · {key_for(ReaderScreen, 'back')}: back"

    @on(JumpMade)
    def _jump_made(self, message: JumpMade) -> None:
        self.query_one(Breadcrumb).status = f"{message.note} · {key_for(ReaderScreen, 'back')}: back"

    # Actions: moving ----------------------------------------------------------------------------------------

    def action_step_match(self, step: int) -> None:
        """The next or previous match of the search (the keys are there only while a search is marked)."""
        pane = self.current_pane()
        if pane is not None:
            pane.step_match(step)

    def action_step_section(self, step: int) -> None:
        destination = self.library.edition(self.section.edition).step(self.section, step)
        if destination is not None:
            self.open_section(destination.id)
        else:
            self.notify("This is the edition's " + ("last" if step > 0 else "first") + " section.", timeout=3)

    def action_back(self) -> None:
        pane = self.current_pane()
        if (pane is not None and pane.back_from_note()) or (self.comparing and self.side_by_side().back()):
            self.query_one(Breadcrumb).status = ""
            return
        self._go(self.history.back())

    def action_forward(self) -> None:
        self._go(self.history.forward())

    def action_toggle_tree(self) -> None:
        collapsed = self.has_class("-narrow") or (self.comparing and self.has_class("-wide"))
        self.toggle_class("-show-tree" if collapsed else "-hide-tree")

    def action_resize_tree(self, step: int) -> None:
        self.query_one(TreeDock).resize(step)

    # Actions: the other editions ----------------------------------------------------------------------------

    def action_other_edition(self) -> None:
        """The section's counterpart in the other edition; with more than two, in the edition the reader picks."""
        others = [edition for edition in sorted(self.library.editions, reverse=True) if edition != self.section.edition]
        if len(others) == 1:
            self._open_counterpart_in(others[0])
        elif others:
            from bluebook_tui.ui.screens.pick_editions import EditionScreen

            def chosen(edition: str | None) -> None:
                if edition is not None:
                    self._open_counterpart_in(edition)

            question = f"“{self.section.heading}” in which edition?"
            self.app.push_screen(EditionScreen("Other edition", others, question=question), chosen)
        else:
            self.notify(f"{self.section.heading}: this library has no other edition.", timeout=4)

    @work(exclusive=True, group="counterpart")
    async def _open_counterpart_in(self, edition: str) -> None:
        """Open the section's counterpart in `edition` (aligning the two in a thread the first time), or where
        its text went, with a notice saying why."""
        from bluebook_tui.compare.editions import aligned
        from bluebook_tui.compare.views import route_to_other

        section = self.section
        alignment = await asyncio.to_thread(aligned, self.library, section.edition, edition)
        route = route_to_other(alignment, section)
        comparison = self.comparison
        if route.section is not None and self.comparing and comparison and comparison.side(route.section) is None:
            shown = f"{comparison.left_edition} and {comparison.right_edition}"
            self.notify(f"Side by side shows {shown}: P compares {edition} instead; c reads it alone.", timeout=6)
            return
        if route.notice is not None:
            self.notify(route.notice, timeout=6 if route.section else 4)
        if route.section is not None:
            self.open_section(route.section.id)

    def action_section_history(self) -> None:
        from bluebook_tui.ui.screens.history import HistoryScreen

        async def chosen(section_id: str | None) -> None:
            if section_id is None:
                return
            section, comparison = self.library.section(section_id), self.comparison
            if self.comparing and comparison is not None and comparison.side(section) is None:
                # Side by side would show its counterpart in the pair instead: it is shown alone, and why.
                pair = f"{comparison.left_edition} → {comparison.right_edition}"
                self.notify(f"{section.edition} is not in the compared pair {pair}; shown alone (P: compare others).")
                await self._compare(False, section_id)
            else:
                self.open_section(section_id)

        self.app.push_screen(HistoryScreen(self.library, self.section), chosen)

    def action_pick_pair(self) -> None:
        """Choose the two editions compared (side by side, Changes, Insights, the report)."""
        if self.comparison is None:
            self.notify("Comparing needs two editions.", severity="warning")
            return
        from bluebook_tui.ui.screens.pick_editions import PairScreen

        current = (self.comparison.left_edition, self.comparison.right_edition)

        async def chosen(pair: tuple[str, str] | None) -> None:
            if pair is not None and pair != current:
                await self.set_pair(pair)

        self.app.push_screen(PairScreen(list(self.library.editions), current), chosen)

    async def set_pair(self, pair: tuple[str, str]) -> None:
        """Compare these two editions (older first) from now on, side by side at once when comparing already."""
        self._pair = pair
        self.__dict__.pop("comparison", None)  # the cached_property: made again for the new pair
        await self.query_one(ReadingArea).drop_side_by_side()
        self.notify(f"Comparing {pair[0]} → {pair[1]}.", timeout=3)
        if self.comparing:
            await self._compare(True)

    # Actions: comparing -------------------------------------------------------------------------------------

    async def action_side_by_side(self) -> None:
        await self._compare(not self.comparing)

    async def action_one_pane(self) -> None:
        await self._compare(False)

    async def _compare(self, comparing: bool, section_id: str | None = None) -> None:
        """Show two editions side by side (or one pane again), at `section_id` or the current section."""
        comparison = await self._comparison_ready()
        if comparison is None:
            self.notify("Comparing needs two editions.", severity="warning")
            return
        if comparing:
            reading_area = self.query_one(ReadingArea)
            await reading_area.side_by_side_for(comparison)
            # Before the pane loses focus, which restyles all it holds, hidden pages too: 41 widgets and ~50 ms with
            # the two kept, 28 and ~24 ms without.
            await reading_area.pane.drop_ready()
        self.comparing = comparing
        if section_id is None:
            self.open_section(self.section.id, pattern=self.pattern, record=False)
        else:
            self.open_section(section_id)
        pane, tree = self.current_pane(), self.section_tree()
        if pane is not None and not (tree is not None and tree.has_focus):
            # At once, not after the keys already queued (`focus()` waits its turn): `c m` typed fast picks in
            # the pane just shown.
            self.set_focus(pane)

    async def action_toggle_changes(self) -> None:
        """Mark the changed words side by side (opening it if need be), or take the marks away."""
        was_comparing = self.comparing
        if not was_comparing:
            await self._compare(True)
        if self.comparing:
            side_by_side = self.side_by_side()
            side_by_side.mark_changes(not (was_comparing and side_by_side.marking_changes))

    async def action_changes(self) -> None:
        from bluebook_tui.ui.screens.changes import ChangesScreen

        comparison = await self._comparison_ready()
        if comparison is None:
            self.notify("Comparing needs two editions.", severity="warning")
            return

        async def chosen(section_id: str | None) -> None:
            if section_id is not None:
                await self._compare(True, section_id)

        self.app.push_screen(ChangesScreen(comparison, self.section), chosen)

    def action_insights(self, term: str | None = None, tab: str | None = None) -> None:
        """The Insights screen, on `tab` with `term` (by default as the last one was left)."""
        from bluebook_tui.ui.screens.insights import InsightsScreen

        if self.comparison is None:
            self.notify("Comparing wording needs two editions.", severity="warning")
            return
        screen = InsightsScreen(
            self.comparison,
            term=self._insights[0] if term is None else term,
            tab=self._insights[1] if tab is None else tab,
        )

        def chosen(line: HitChosen | None) -> None:
            self._insights = (screen.term, screen.active_tab)
            if line is not None:
                self.open_section(line.section_id, pattern=line.pattern or None, match=line.match)

        self.app.push_screen(screen, chosen)

    def action_export_report(self) -> None:
        """Ask where to write the comparison report (the current directory by default), then write it."""
        from bluebook_tui.ui.screens.export import ExportScreen

        comparison = self.comparison
        if comparison is None:
            self.notify("A report compares two editions; this library has one.", severity="warning")
            return
        left, right = comparison.left_edition, comparison.right_edition
        default = Path.cwd() / f"bluebook-report-{left}-{right}.html"

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._write_report(left, right, path)

        self.app.push_screen(ExportScreen(left, right, default), chosen)

    @work(exclusive=True, group="report")
    async def _write_report(self, left: str, right: str, path: Path) -> None:
        from bluebook_tui.report import build_report, format_for, write_report

        self.notify(f"Writing the report to {path}…", timeout=3)

        def written() -> int:
            return write_report(build_report(self.library, left, right), path, form)

        try:
            form = format_for(path, None)
            size = await asyncio.to_thread(written)
        except LibraryError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.notify(f"Report written to {path.resolve()} ({form}, {size / 1024:,.0f} KB)", timeout=8)

    # Actions: search, bookmarks, citation -------------------------------------------------------------------

    def action_search(self) -> None:
        from bluebook_tui.ui.screens.search import SearchOutcome, SearchScreen

        def closed(outcome: SearchOutcome | None) -> None:
            if outcome is None:
                return
            self.last_query = outcome.query
            if isinstance(outcome.chosen, HitChosen):
                self.open_section(outcome.chosen.section_id, pattern=outcome.chosen.pattern or None)
            elif isinstance(outcome.chosen, ConcordanceAsked):
                self.action_insights(outcome.chosen.term, "concordance")

        editions = sorted(self.library.editions, reverse=True)
        self.app.push_screen(SearchScreen(editions, self.last_query, self.comparison), closed)

    def action_bookmark(self) -> None:
        adding = self.section.id not in self.bookmarks
        done = ("Bookmarked: " if adding else "Bookmark removed: ") + self.section.heading
        try:
            self.bookmarks.toggle(self.section.id)
        except SaveError as error:
            self.notify(f"{done}, for this session only. {error}.", severity="error", timeout=10)
        else:
            self.notify(done, timeout=3)
        self.visible_section = self.section

    def action_bookmarks(self) -> None:
        from bluebook_tui.ui.screens.bookmarks import BookmarksScreen

        def chosen(section_id: str | None) -> None:
            self.visible_section = self.section  # its star, if its bookmark was removed there
            if section_id is not None:
                self.open_section(section_id)

        self.app.push_screen(BookmarksScreen(self.library, self.bookmarks), chosen)

    def action_copy_citation(self) -> None:
        section = self.visible_section
        text = citation(self.library.edition(section.edition), section)
        self.app.copy_to_clipboard(text)
        self.notify(text, title="Citation copied", timeout=4)
