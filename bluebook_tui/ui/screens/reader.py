"""The reader: tree, breadcrumb, the section pane (or two editions side by side), the footer.

Routes what its widgets post; holds the app's one comparison of the two newest editions (aligned on first use).
"""

from __future__ import annotations

import asyncio
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher

from bluebook_tui.library.citation import citation
from bluebook_tui.library.errors import LibraryError
from bluebook_tui.library.model import Library, Section
from bluebook_tui.ui.key_hints import key_for
from bluebook_tui.ui.messages import (
    ConcordanceAsked,
    DestinationChosen,
    HitChosen,
    MatchesCounted,
    NoteOpened,
    SectionSelected,
    SentenceJump,
    SplitterDragged,
    VisibleSectionChanged,
)
from bluebook_tui.ui.widgets.breadcrumb import Breadcrumb
from bluebook_tui.ui.widgets.key_bar import KeyBar
from bluebook_tui.ui.widgets.section_pane import SectionPane
from bluebook_tui.user_data import Bookmarks, History, SaveError, Session, Store

if TYPE_CHECKING:
    from textual.timer import Timer

    from bluebook_tui.ui.comparison import Comparison
    from bluebook_tui.ui.widgets.section_tree import SectionTree
    from bluebook_tui.ui.widgets.side_by_side import SideBySide

TREE_WIDTH_STEP = 4
# After the first frames and the index loader's start: aligning competes with them for the interpreter.
COMPARE_DELAY_SECONDS = 0.6
# The tree is never narrower than this (its CSS min-width too).
TREE_MIN_WIDTH = 12
# The history and reading position are written this long after the last move (and on quitting).
SAVE_DELAY_SECONDS = 0.5


class Place(NamedTuple):
    """Where the reader was in a section: its scroll offset and the link picked (an index among its links)."""

    scroll_y: int = 0
    link: int | None = None


class ReaderScreen(Screen[None]):
    AUTO_FOCUS = "#reader-pane"
    # As Textual's Screen declares it (an instance attribute, which a ClassVar may not override).
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] = [(0, "-narrow"), (72, "-wide"), (120, "-wider")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: handled as it arrives, so the keys typed right after it go to the search screen, not the pane.
        Binding("slash", "search", "Search", tooltip="Search both editions as you type.", id="search", priority=True),
        Binding("n", "step_match(1)", "Next match", tooltip="Next match of the search in the pane.", id="next-match"),
        Binding(
            "N", "step_match(-1)", "Prev match", show=False, tooltip="Previous match in the pane.", id="prev-match"
        ),
        Binding(
            "left_square_bracket",
            "step_section(-1)",
            "Prev section",
            tooltip="The section before this one, in reading order.",
            id="prev-section",
        ),
        Binding(
            "right_square_bracket",
            "step_section(1)",
            "Next section",
            tooltip="The section after this one, in reading order.",
            id="next-section",
        ),
        Binding(
            "e",
            "other_edition",
            "Other edition",
            tooltip="The same section in the other edition (with more than two: in the edition you pick).",
            id="edition",
        ),
        Binding(
            "H",
            "section_history",
            "History",
            show=False,
            tooltip="This section in every edition: its counterpart in each and what became of it.",
            id="history",
        ),
        Binding(
            "P",
            "pick_pair",
            "Pick editions",
            show=False,
            tooltip="Choose the two editions compared (side by side, Changes, Insights, the report).",
            id="pick-pair",
        ),
        Binding(
            "c",
            "side_by_side",
            "Side by side",
            tooltip="Both editions side by side, in step; the tree badges each section's change (c again: back).",
            id="compare",
        ),
        Binding(
            "d",
            "toggle_changes",
            "Diff",
            tooltip="Mark changed words side by side: deleted on the left, inserted on the right (d again: off).",
            id="diff",
        ),
        Binding(
            "C", "changes", "Changes", tooltip="Every section's change between the editions, in a table.", id="changes"
        ),
        Binding(
            "I",
            "insights",
            "Insights",
            tooltip="How the wording changed: keywords, shifts, concordance, dispersion.",
            id="insights",
        ),
        Binding("b", "bookmark", "Bookmark", tooltip="Bookmark this section, or remove its bookmark.", id="bookmark"),
        Binding("B", "bookmarks", "Bookmarks", tooltip="The list of bookmarks.", id="bookmarks"),
        Binding("y", "copy_citation", "Cite", tooltip="Copy a citation of this section.", id="cite"),
        Binding(
            "backspace,alt+left",
            "back",
            "Back",
            tooltip="Back to the previous place (also where you were before a search).",
            id="back",
        ),
        Binding("alt+right", "forward", "Forward", show=False, tooltip="Forward again after going back.", id="forward"),
        Binding("t", "toggle_tree", "Tree", show=False, tooltip="Show or hide the table of contents.", id="tree"),
        Binding(
            "less_than_sign",
            "resize_tree(-1)",
            "Narrower tree",
            show=False,
            tooltip="Narrow the tree.",
            id="tree-narrower",
        ),
        Binding(
            "greater_than_sign", "resize_tree(1)", "Wider tree", show=False, tooltip="Widen the tree.", id="tree-wider"
        ),
    ]

    def __init__(self, library: Library, store: Store, start: Session, pair: tuple[str, str] | None = None) -> None:
        """`pair`: the editions compared, older first (by default the newest two)."""
        super().__init__()
        self.library = library
        self._pair = pair
        self.store = store
        self.history: History = store.load_history()
        self.bookmarks = Bookmarks(store)
        self.section: Section = library.section(start.section_id)
        self.visible_section: Section = self.section
        self.comparing = False
        self._insights = ("", "keywords")  # the term and tab the Insights screen was left on
        self.pattern: str | None = None
        self.last_query = ""
        self._start = start
        # Where the reader was in each section left: back and forward return to it (the scroll, the link picked).
        self._places: dict[str, Place] = {}
        # Side by side, the pairs left by jumping to a sentence's counterpart (or where a text went): back
        # returns to them before it goes back in the history.
        self._jumps: list[tuple[Section | None, Section | None, str | None]] = []
        self._shown: tuple[Section | None, Section | None] = (None, None)
        # One mount of the side-by-side view, however many callers (the one prepared in the background, `c`,
        # resuming) arrive while it is under way.
        self._side_by_side_mount: asyncio.Task[SideBySide] | None = None
        self._save_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        with Horizontal(id="body"):
            # The tree comes right after the first frame, which it would delay by ~40 ms: the text comes first.
            yield Container(id="tree-slot")  # a container: blank, where a bare Widget prints its own name
            with ContentSwitcher(initial="reader-pane", id="content"):
                yield SectionPane(first=self.section, id="reader-pane")
        yield KeyBar()

    def on_mount(self) -> None:
        self.open_section(
            self.section.id, scroll_y=self._start.scroll_y, record=self.history.current != self.section.id
        )
        self.call_after_refresh(self._mount_tree)
        # The comparison is worked out (or read from the cache) behind the reading, so `c` finds it ready.
        self.set_timer(COMPARE_DELAY_SECONDS, self._prepare_comparison)
        if self._start.comparing:
            self.call_after_refresh(self._resume_comparing)

    async def _resume_comparing(self) -> None:
        """Side by side again (and marking), as the reader left it."""
        await self._compare(True)
        if self.comparing and self._start.marking:
            self.side_by_side().mark_changes(True)

    async def _prepare_comparison(self) -> None:
        """Align the editions (or read them from the cache) in a thread, then mount the side-by-side view hidden,
        so that `c` only has to show it; then the wording, for `I`."""
        comparison = await self._comparison_ready()
        if comparison is not None:
            await self._side_by_side_mounted()
            await asyncio.to_thread(comparison.wording)

    async def _side_by_side_mounted(self) -> SideBySide:
        if self._side_by_side_mount is None:
            self._side_by_side_mount = asyncio.create_task(self._mount_side_by_side())
        return await asyncio.shield(self._side_by_side_mount)

    async def _mount_side_by_side(self) -> SideBySide:
        from bluebook_tui.ui.widgets.side_by_side import SideBySide

        assert self.comparison is not None
        view = SideBySide(self.comparison, id="side-by-side")
        await self.query_one(ContentSwitcher).add_content(view)
        return view

    async def _comparison_ready(self) -> Comparison | None:
        """The comparison once its alignment is there, worked out in a thread if need be (None: one edition)."""
        comparison = self.comparison
        if comparison is not None and not comparison.ready:
            await asyncio.to_thread(comparison.ensure)
        return comparison

    async def _mount_tree(self) -> None:
        # Imported here, with the tree: not on the way to the first frame.
        from bluebook_tui.ui.widgets.section_tree import SectionTree
        from bluebook_tui.ui.widgets.splitter import Splitter

        slot = self.query_one("#tree-slot")
        tree = SectionTree(self.library)
        with self.app.batch_update():
            await self.query_one("#body").mount(tree, Splitter(), before=slot)
            await slot.remove()
        tree.reveal(self.section.id)
        if self.comparing and self.comparison is not None:
            tree.show_changes(self.comparison.pair, self._compared_editions())

    def section_tree(self) -> SectionTree | None:
        """The section tree, once mounted (just after the first frame). Queried by name: its class is imported
        with it."""
        return cast("SectionTree | None", next(iter(self.query("SectionTree")), None))

    # Navigation ---------------------------------------------------------------------------------------------

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
        `link` picked), remember it, and keep the tree and breadcrumb in step."""
        try:
            section = self.library.section(section_id)
        except LibraryError as error:
            self.notify(str(error), severity="warning")
            return
        if self.comparing and self.comparison is not None:
            # Side by side shows the compared editions: a section of a third one is shown by its counterpart.
            section = self.comparison.in_pair(section)
        self._remember_place()
        self.section = self.visible_section = section
        marks_change = bool(pattern) != bool(self.pattern)
        self.pattern = pattern
        if marks_change:
            self.refresh_bindings()  # the match keys come with a search's marks (and redrawing the bar costs ms)
        if record:
            self.history.visit(section.id)
        self._save_soon()
        self._show_trail(section)
        tree = self.section_tree()
        if tree is not None:
            tree.reveal(section.id)
        if self.comparing:
            self._show_pair(section)
        else:
            pane = self.query_one("#reader-pane", SectionPane)
            pane.show(section, pattern=pattern, match=match, scroll_y=scroll_y, link=link)

    def _show_trail(self, section: Section) -> None:
        edition = self.library.edition(section.edition)
        breadcrumb = self.query_one(Breadcrumb)
        breadcrumb.edition = edition.id
        breadcrumb.trail = (edition.book, edition.heading, *section.path)
        breadcrumb.status = "★" if section.id in self.bookmarks else ""

    @cached_property
    def comparison(self) -> Comparison | None:
        """The two editions compared (None with one edition); imported on first use, not at start-up."""
        from bluebook_tui.ui.comparison import Comparison

        return Comparison(self.library, self._pair) if len(self.library.editions) >= 2 else None

    def _compared_editions(self) -> tuple[str, ...]:
        comparison = self.comparison
        return (comparison.left_edition, comparison.right_edition) if comparison is not None else ()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Stepping through matches only while a search is marked (disabled otherwise: `?` still lists the keys,
        the footer shows others)."""
        if action == "step_match" and not self.pattern:
            return None
        return True

    def help_notes(self) -> str:
        """What the comparison's marks mean, for `?` (nothing with one edition)."""
        if self.comparison is None:
            return ""
        from bluebook_tui.ui.widgets.badges import legend
        from bluebook_tui.ui.widgets.side_by_side import SideBySide

        moved_keys = key_for(SideBySide, "step_moved(1)"), key_for(SideBySide, "jump")
        return legend(self.comparison.left_edition, self.comparison.right_edition, moved_keys)

    def side_by_side(self) -> SideBySide:
        from bluebook_tui.ui.widgets.side_by_side import SideBySide

        return self.query_one(SideBySide)

    def current_pane(self) -> SectionPane | None:
        if self.comparing:
            panes = self.side_by_side().panes()
            return next((pane for pane in panes if pane.section and pane.section.id == self.section.id), None)
        return self.query_one("#reader-pane", SectionPane)

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
        scroll_y = round(pane.scroll_y) if pane is not None and not self.comparing else 0
        self._save_session(self.section, scroll_y)

    def _save_session(self, section: Section, scroll_y: int) -> None:
        marking = self.comparing and self.side_by_side().marking_changes
        self.store.save_session(Session(section.id, scroll_y, self.comparing, marking))

    def counterpart(self, section: Section) -> Section | None:
        """The aligned section of the other edition (the comparison layer decides), or None."""
        return self.comparison.counterpart(section) if self.comparison else None

    def _show_pair(self, section: Section) -> None:
        side_by_side = self.side_by_side()
        other = self.counterpart(section)
        left, right = (section, other) if section.edition == side_by_side.left_edition else (other, section)
        self._jumps.clear()
        self._show(left, right)

    def _show(self, left: Section | None, right: Section | None, pick: str | None = None) -> None:
        self._shown = (left, right)
        self.side_by_side().show_pair(left, right, pattern=self.pattern, pick=pick)

    def _jump(self, left: Section | None, right: Section | None, pick: str | None, note: str) -> None:
        """Show another pair side by side, remembering this one (and the sentence picked in it) for back."""
        self._jumps.append((*self._shown, self.side_by_side().picked))
        self._show(left, right, pick)
        self.query_one(Breadcrumb).status = f"{note} · {key_for(ReaderScreen, 'back')}: back"

    @on(SentenceJump)
    def _sentence_jump(self, message: SentenceJump) -> None:
        """Show the counterpart of a sentence in the other pane, the sentence's own pane left as it is."""
        comparison = self.comparison
        found = comparison.find_sentence(message.address) if comparison else None
        if comparison is None or found is None:
            return
        section, index = found
        trace = comparison.alignment.trace(section.id)[index]
        if not trace.counterparts:
            self.notify(f"This sentence has no counterpart in {comparison.other_edition(section)}.", timeout=3)
            return
        target = trace.counterparts[0]
        target_section = self.library.section(target.section_id)
        left, right = self._shown
        note = f"⇄ {target_section.edition} › {target_section.heading}"
        if comparison.side(section) == "left":
            self._jump(left, target_section, target.address, note)
        else:
            self._jump(target_section, right, target.address, note)

    @on(DestinationChosen)
    def _destination_chosen(self, message: DestinationChosen) -> None:
        destination = self.library.section(message.section_id)
        left, right = self._shown
        if left is None:
            self._jump(destination, right, None, f"where it came from: {destination.id}")
        else:
            self._jump(left, destination, None, f"where its text went: {destination.id}")

    # Messages from the widgets ------------------------------------------------------------------------------

    @on(SectionSelected)
    def _section_selected(self, message: SectionSelected) -> None:
        self.open_section(message.section_id)

    @on(VisibleSectionChanged)
    def _visible_section_changed(self, message: VisibleSectionChanged) -> None:
        section = self.library.find(message.section_id)
        if section is not None:
            self.visible_section = section
            self._show_trail(section)

    @on(MatchesCounted)
    def _matches_counted(self, message: MatchesCounted) -> None:
        if self.pattern:
            status = f"match {message.current}/{message.total}" if message.total else "no match in this section"
            self.query_one(Breadcrumb).status = status

    @on(NoteOpened)
    def _note_opened(self, message: NoteOpened) -> None:
        self.query_one(Breadcrumb).status = f"note {message.marker} · {key_for(ReaderScreen, 'back')}: back"

    @on(SplitterDragged)
    def _splitter_dragged(self, message: SplitterDragged) -> None:
        tree = self.section_tree()
        if tree is not None:
            self._set_tree_width(tree, message.x - tree.region.x)

    # Actions ------------------------------------------------------------------------------------------------

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

    def action_step_match(self, step: int) -> None:
        """The next or previous match of the search (the keys are there only while a search is marked)."""
        pane = self.current_pane()
        if pane is not None:
            pane.step_match(step)

    def action_step_section(self, step: int) -> None:
        sections = list(self.library.edition(self.section.edition).walk())
        index = sections.index(self.section) + step
        if 0 <= index < len(sections):
            self.open_section(sections[index].id)
        else:
            self.notify("This is the edition's " + ("last" if step > 0 else "first") + " section.", timeout=3)

    async def action_other_edition(self) -> None:
        """The section's counterpart in the other edition; with more than two, in the edition the reader picks."""
        others = [edition for edition in sorted(self.library.editions, reverse=True) if edition != self.section.edition]
        if len(others) > 1:
            from bluebook_tui.ui.screens.pick_editions import EditionScreen

            def chosen(edition: str | None) -> None:
                if edition is not None:
                    self._open_counterpart_in(edition)

            question = f"“{self.section.heading}” in which edition?"
            self.app.push_screen(EditionScreen("Other edition", others, question=question), chosen)
            return
        comparison = await self._comparison_ready()
        other = comparison.counterpart(self.section) if comparison else None
        if other is not None:
            self.open_section(other.id)
            return
        destination = comparison.destination(self.section) if comparison else None
        parts = comparison.parts_paired(self.section) if comparison else []
        if destination is None and parts:
            part, other = parts[0]
            self.notify(
                f"{self.section.heading} has no heading of its own there; {part.heading} is this one.", timeout=6
            )
            self.open_section(other.id)
            return
        if destination is None:
            where = others[0] if others else "another edition"
            self.notify(f"{self.section.heading}: no counterpart in {where}.", timeout=4)
            return
        went = "went into" if comparison and comparison.side(self.section) == "left" else "came from"
        self.notify(f"{self.section.heading} has no section of its own there; its text {went} this one.", timeout=6)
        self.open_section(destination.id)

    @work(exclusive=True, group="counterpart")
    async def _open_counterpart_in(self, edition: str) -> None:
        """Open the section's counterpart in `edition` (aligning the two in a thread the first time)."""
        from bluebook_tui.compare.editions import aligned

        section = self.section
        alignment = await asyncio.to_thread(aligned, self.library, section.edition, edition)
        other = alignment.counterpart(section.id)
        pair = alignment.pair_for(section.id)
        if other is None and pair.destination is not None:
            went = "went into" if section.edition < edition else "came from"
            self.notify(f"{section.heading} has no section of its own in {edition}; its text {went} this one.")
            other = pair.destination
        if other is None:
            self.notify(f"{section.heading}: no counterpart in {edition}.", timeout=4)
            return
        comparison = self.comparison
        if self.comparing and comparison is not None and comparison.side(other) is None:
            shown = f"{comparison.left_edition} and {comparison.right_edition}"
            self.notify(f"Side by side shows {shown}: P compares {edition} instead; c reads it alone.", timeout=6)
            return
        self.open_section(other.id)

    def action_section_history(self) -> None:
        from bluebook_tui.ui.screens.history import HistoryScreen

        async def chosen(section_id: str | None) -> None:
            if section_id is not None:
                await self._open_chosen_edition(section_id)

        self.app.push_screen(HistoryScreen(self.library, self.section), chosen)

    async def _open_chosen_edition(self, section_id: str) -> None:
        """Open a section the reader chose for its edition: side by side would show its counterpart in the pair
        instead, so one of a third edition is shown alone, and the notice says why."""
        section = self.library.section(section_id)
        comparison = self.comparison
        if self.comparing and comparison is not None and comparison.side(section) is None:
            pair = f"{comparison.left_edition} → {comparison.right_edition}"
            self.notify(f"{section.edition} is not in the compared pair {pair}; shown alone (P: compare others).")
            await self._compare(False, section_id)
            return
        self.open_section(section_id)

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
        mounting, self._side_by_side_mount = self._side_by_side_mount, None
        if mounting is not None:
            view = await mounting
            if self.comparing:
                self.query_one(ContentSwitcher).current = "reader-pane"
            await view.remove()
        self.notify(f"Comparing {pair[0]} → {pair[1]}.", timeout=3)
        if self.comparing:
            await self._compare(True)

    async def action_side_by_side(self) -> None:
        await self._compare(not self.comparing)

    async def _compare(self, comparing: bool, section_id: str | None = None) -> None:
        """Show two editions side by side (or one pane again), at `section_id` or the current section."""
        if await self._comparison_ready() is None:
            self.notify("Comparing needs two editions.", severity="warning")
            return
        assert self.comparison is not None
        if comparing:
            await self._side_by_side_mounted()
        self.comparing = comparing
        self.set_class(comparing, "-comparing")
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "side-by-side" if comparing else "reader-pane"
        tree = self.section_tree()
        if tree is not None:
            if comparing:
                tree.show_changes(self.comparison.pair, self._compared_editions())
            else:
                tree.show_changes(None)
        if section_id is None:
            self.open_section(self.section.id, pattern=self.pattern, record=False)
        else:
            self.open_section(section_id)
        pane = self.current_pane()
        if pane is not None and not (tree is not None and tree.has_focus):
            # At once, not after the keys already queued (`focus()` waits its turn): `c m` typed fast picks in
            # the pane just shown.
            self.set_focus(pane)

    async def action_toggle_changes(self) -> None:
        """Mark the changed words side by side (opening it if need be), or take the marks away."""
        was_comparing = self.comparing
        if not was_comparing:
            await self._compare(True)
        if not self.comparing:
            return
        side_by_side = self.side_by_side()
        marking = not (was_comparing and side_by_side.marking_changes)
        side_by_side.mark_changes(marking)

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
        form = format_for(path, None)

        def written() -> int:
            return write_report(build_report(self.library, left, right), path, form)

        try:
            size = await asyncio.to_thread(written)
        except LibraryError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.notify(f"Report written to {path.resolve()} ({form}, {size / 1024:,.0f} KB)", timeout=8)

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

    def action_bookmark(self) -> None:
        adding = self.section.id not in self.bookmarks
        done = ("Bookmarked: " if adding else "Bookmark removed: ") + self.section.heading
        try:
            self.bookmarks.toggle(self.section.id)
        except SaveError as error:
            self.notify(f"{done}, for this session only. {error}.", severity="error", timeout=10)
        else:
            self.notify(done, timeout=3)
        self._show_trail(self.section)

    def action_bookmarks(self) -> None:
        from bluebook_tui.ui.screens.bookmarks import BookmarksScreen

        def chosen(section_id: str | None) -> None:
            self._show_trail(self.section)
            if section_id is not None:
                self.open_section(section_id)

        self.app.push_screen(BookmarksScreen(self.library, self.bookmarks), chosen)

    def action_copy_citation(self) -> None:
        section = self.visible_section
        text = citation(self.library.edition(section.edition), section)
        self.app.copy_to_clipboard(text)
        self.notify(text, title="Citation copied", timeout=4)

    def action_back(self) -> None:
        pane = self.current_pane()
        if pane is not None and pane.back_from_note():
            self.query_one(Breadcrumb).status = ""
            return
        if self.comparing and self._jumps:
            left, right, picked = self._jumps.pop()
            self._show(left, right, picked)
            self.query_one(Breadcrumb).status = ""
            return
        self._go(self.history.back())

    def action_forward(self) -> None:
        self._go(self.history.forward())

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

    def action_toggle_tree(self) -> None:
        collapsed = self.has_class("-narrow") or (self.comparing and self.has_class("-wide"))
        self.toggle_class("-show-tree" if collapsed else "-hide-tree")

    def action_resize_tree(self, step: int) -> None:
        tree = self.section_tree()
        if tree is not None:
            # From the width last set, not the one laid out: keys in one burst all run before the next layout.
            set_width = tree.styles.width
            width = int(set_width.value) if set_width is not None and set_width.is_cells else tree.outer_size.width
            self._set_tree_width(tree, width + step * TREE_WIDTH_STEP)

    def _set_tree_width(self, tree: SectionTree, width: int) -> None:
        # Within what the tree's max-width (80%) lets show, so that every step back is one the reader sees.
        tree.styles.width = max(TREE_MIN_WIDTH, min(width, self.size.width * 4 // 5))
