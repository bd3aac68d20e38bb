"""The reader's table of contents and the bar beside it: the tree, mounted just after the first frame; its width,
set by keys or by dragging the bar; the section it shows and the changes it badges, kept for when it is there."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual import on
from textual.containers import Horizontal

from bluebook_tui.library.model import Library, Section
from bluebook_tui.ui.messages import SplitterDragged
from bluebook_tui.ui.widgets.backdrop import Backdrop

if TYPE_CHECKING:
    from bluebook_tui.compare import SectionPair
    from bluebook_tui.ui.widgets.section_tree import SectionTree

# One resize key widens or narrows the tree by this many columns.
TREE_WIDTH_STEP = 4
# The tree is never narrower than this, nor wider than this share of the screen.
TREE_MIN_WIDTH = 12
TREE_MAX_SHARE = 0.8
# The splitter's width, beside the tree.
BAR_WIDTH = 1


class TreeDock(Backdrop, Horizontal):
    """Blank until `mount_tree` (the tree's rows would delay the first frame by ~40 ms), then the tree and its bar.

    Its width is the tree's and the bar's: the tree fills it.
    """

    DEFAULT_CSS = """
    TreeDock {
        width: 37;
        max-width: 80%;
        height: 1fr;
        SectionTree { width: 1fr; min-width: 0; max-width: 100%; }
    }
    """

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._library = library
        self._section_id: str | None = None
        self._changes: tuple[Callable[[Section], SectionPair | None] | None, tuple[str, ...]] = (None, ())

    @property
    def section_tree(self) -> SectionTree | None:
        """The tree, once mounted. Queried by name: its class is imported with it."""
        return cast("SectionTree | None", next(iter(self.query_children("SectionTree")), None))

    async def mount_tree(self) -> None:
        # Imported here, with the tree: not on the way to the first frame.
        from bluebook_tui.ui.widgets.section_tree import SectionTree
        from bluebook_tui.ui.widgets.splitter import Splitter

        tree = SectionTree(self._library)
        await self.mount(tree, Splitter())
        if self._changes[0] is not None:
            tree.show_changes(*self._changes)
        if self._section_id is not None:
            tree.reveal(self._section_id)

    def reveal(self, section_id: str) -> None:
        """Put the tree's cursor on a section (once it is there, if it is not yet)."""
        self._section_id = section_id
        if self.section_tree is not None:
            self.section_tree.reveal(section_id)

    def show_changes(
        self, pair_for: Callable[[Section], SectionPair | None] | None, editions: tuple[str, ...] = ()
    ) -> None:
        """Badge each section with its change (see `SectionTree.show_changes`), now or once the tree is there."""
        self._changes = (pair_for, editions)
        if self.section_tree is not None:
            self.section_tree.show_changes(pair_for, editions)

    def resize(self, step: int) -> None:
        """Widen (1) or narrow (-1) the tree by one step."""
        # From the width last set, not the one laid out: keys in one burst all run before the next layout.
        width = self.styles.width
        current = int(width.value) if width is not None and width.is_cells else self.outer_size.width
        self._set_tree_width(current - BAR_WIDTH + step * TREE_WIDTH_STEP)

    @on(SplitterDragged)
    def _splitter_dragged(self, message: SplitterDragged) -> None:
        message.stop()
        self._set_tree_width(message.x - self.region.x)

    def _set_tree_width(self, width: int) -> None:
        # Within the share of the screen the tree may take, so that every step back is one the reader sees.
        widest = int(self.screen.size.width * TREE_MAX_SHARE)
        self.styles.width = max(TREE_MIN_WIDTH, min(width, widest)) + BAR_WIDTH
