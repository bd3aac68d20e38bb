"""Where the text is read: one section pane, or the compared editions side by side in its place.

The side-by-side view is mounted hidden once the comparison is aligned (so that `c` only has to show it), once
however many callers ask while it is being mounted, and dropped when another pair is compared.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.widgets import ContentSwitcher

from bluebook_tui.library.model import Section
from bluebook_tui.ui.widgets.backdrop import Backdrop
from bluebook_tui.ui.widgets.section_pane import SectionPane

if TYPE_CHECKING:
    from bluebook_tui.ui.comparison import Comparison
    from bluebook_tui.ui.widgets.side_by_side import SideBySide

PANE_ID = "reader-pane"
SIDE_BY_SIDE_ID = "side-by-side"


class ReadingArea(Backdrop, ContentSwitcher):
    def __init__(self, first: Section, *, id: str | None = None) -> None:
        """`first`: the section the pane shows first (drawn with the first frame)."""
        super().__init__(initial=PANE_ID, id=id)
        self._first = first
        self._side_by_side_mount: asyncio.Task[SideBySide] | None = None

    def compose(self) -> ComposeResult:
        yield SectionPane(first=self._first, keep_ready=True, id=PANE_ID)

    @property
    def pane(self) -> SectionPane:
        """The one pane (reading one edition)."""
        return self.query_one(f"#{PANE_ID}", SectionPane)

    @property
    def side_by_side(self) -> SideBySide:
        """The side-by-side view (ask once `side_by_side_for` has been awaited)."""
        return cast("SideBySide", self.query_one(f"#{SIDE_BY_SIDE_ID}"))

    async def side_by_side_for(self, comparison: Comparison) -> SideBySide:
        """The side-by-side view of the comparison, mounted (hidden) on the first call."""
        if self._side_by_side_mount is None:
            self._side_by_side_mount = asyncio.create_task(self._mount_side_by_side(comparison))
        return await asyncio.shield(self._side_by_side_mount)

    async def _mount_side_by_side(self, comparison: Comparison) -> SideBySide:
        from bluebook_tui.ui.widgets.side_by_side import SideBySide

        view = SideBySide(comparison, id=SIDE_BY_SIDE_ID)
        await self.add_content(view)
        return view

    async def drop_side_by_side(self) -> None:
        """Remove the side-by-side view (another pair is compared now), back to the one pane if it was shown."""
        mounting, self._side_by_side_mount = self._side_by_side_mount, None
        if mounting is not None:
            view = await mounting
            self.current = PANE_ID
            await view.remove()

    def show_side_by_side(self, shown: bool) -> None:
        self.current = SIDE_BY_SIDE_ID if shown else PANE_ID

    def pane_showing(self, section: Section) -> SectionPane | None:
        """The pane shown that holds this section: the one pane, or the side-by-side pane showing it."""
        if self.current != SIDE_BY_SIDE_ID:
            return self.pane
        return next(
            (pane for pane in self.side_by_side.panes() if pane.section is not None and pane.section.id == section.id),
            None,
        )
