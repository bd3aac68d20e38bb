"""The table of contents: every edition, its numbered sections and its boxed columns, in one tree.

While two editions are compared, each section's row starts with a badge saying how it changed: the share of the
older section's words kept, "new", "removed", or where a merged section's text went ("→54%").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from bluebook_tui.library.model import Library, Section
from bluebook_tui.ui.messages import SectionSelected
from bluebook_tui.ui.widgets.badges import badge_parts

if TYPE_CHECKING:
    from bluebook_tui.compare import SectionPair


def section_label(section: Section) -> Text:
    """A tree row: the heading as printed (its number included), a column marked as one."""
    if section.kind == "column":
        return Text.assemble(("▣ Column: ", "italic"), section.heading)
    return Text(section.heading)


# Up to this many editions the tree holds every section from the start; with more, only the newest edition's and
# the others' as they are opened (50 editions of this chapter are ~2,100 rows: 65 ms on the UI thread at once,
# 4 ms for the newest's alone; whole books would be ten times that).
EAGER_EDITIONS = 4


class SectionTree(Tree[str]):
    """Editions newest first; selecting a section posts `SectionSelected`. Node data is the section id."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "section-tree--unchanged",
        "section-tree--changed",
        "section-tree--added",
        "section-tree--removed",
        "section-tree--merged",
        "section-tree--split",
        "section-tree--renumbered",
    }
    DEFAULT_CSS = """
    SectionTree {
        width: 36;
        min-width: 12;
        max-width: 80%;
        height: 1fr;
        padding: 0;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .section-tree--unchanged { color: $text-muted; }
        & > .section-tree--changed { color: $text-warning; }
        & > .section-tree--added { color: $text-success; text-style: bold; }
        & > .section-tree--removed { color: $text-error; text-style: bold; }
        & > .section-tree--merged { color: $text-accent; }
        & > .section-tree--split { color: $text-accent; }
        & > .section-tree--renumbered { color: $text-accent; }
    }
    """

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__("Editions", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._library = library
        self._section_nodes: dict[str, TreeNode[str]] = {}
        self._pending_reveal: str | None = None
        self._pair_for: Callable[[Section], SectionPair | None] | None = None
        # Editions whose sections are added only when their node is first opened (or a section of theirs shown).
        self._unfilled: dict[str, TreeNode[str]] = {}
        self._edition_nodes: dict[str, TreeNode[str]] = {}
        # The editions open (the compared ones once comparing starts; the newest till then).
        self._opened: tuple[str, ...] = (max(library.editions),)

    def on_mount(self) -> None:
        # Filled after the first frame: the text is what the reader waits for.
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        library = self._library
        lazy = len(library.editions) > EAGER_EDITIONS
        # Headings only: an edition left unfilled is not read until it is opened (a library snapshot knows them).
        for edition_id in sorted(library.editions, reverse=True):
            edition_node = self.root.add(
                Text.assemble((edition_id, "bold"), " ", (library.heading(edition_id), "dim")),
                expand=edition_id in self._opened,
            )
            self._edition_nodes[edition_id] = edition_node
            if lazy and edition_id not in self._opened:
                self._unfilled[edition_id] = edition_node
            else:
                self._fill_edition(edition_id, edition_node)
        if self._pending_reveal is not None:
            self.reveal(self._pending_reveal)

    def _fill_edition(self, edition_id: str, edition_node: TreeNode[str]) -> None:
        sections = self._library.edition(edition_id).sections
        edition_node.allow_expand = bool(sections)
        for section in sections:
            self._add(edition_node, section)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        edition_id = next((key for key, node in self._unfilled.items() if node is event.node), None)
        if edition_id is not None:
            self._fill_edition(edition_id, self._unfilled.pop(edition_id))

    def _add(self, parent: TreeNode[str], section: Section) -> None:
        node = parent.add(self._label(section), data=section.id, expand=True, allow_expand=bool(section.children))
        self._section_nodes[section.id] = node
        for child in section.children:
            self._add(node, child)

    def _label(self, section: Section) -> Text:
        pair = self._pair_for(section) if self._pair_for else None
        if pair is None:
            return section_label(section)
        badge = Text()
        for text, kind in badge_parts(pair):
            badge.append(text, self.get_component_rich_style(f"section-tree--{kind}", partial=True)).append(" ")
        return badge + section_label(section)

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        """The label, ending in "…" where the tree is too narrow for it (two headings alike in their first words
        then still look different); hovering shows it whole."""
        label = super().render_label(node, base_style, style)
        depth, ancestor = 0, node.parent
        while ancestor is not None and ancestor is not self.root:
            depth, ancestor = depth + 1, ancestor.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if 0 < room < label.cell_len:
            label.truncate(room, overflow="ellipsis")
        return label

    def watch_hover_line(self, previous_hover_line: int, hover_line: int) -> None:
        super().watch_hover_line(previous_hover_line, hover_line)
        node = self.get_node_at_line(hover_line) if hover_line >= 0 else None
        section = self._library.find(node.data) if node is not None and node.data else None
        self.tooltip = section.heading if section is not None else None

    def show_changes(
        self, pair_for: Callable[[Section], SectionPair | None] | None, editions: tuple[str, ...] = ()
    ) -> None:
        """Badge each section with its change (`pair_for` gives its aligned pair), or no badges for None. The
        compared `editions`, if given, are opened and the others closed: their badged rows are what to read."""
        self._pair_for = pair_for
        for section_id, node in self._section_nodes.items():
            node.set_label(self._label(self._library.section(section_id)))
        if editions:
            self._opened = editions
            # Only those to change: Textual redraws the whole tree on each expand() or collapse().
            for edition_id, node in self._edition_nodes.items():
                if edition_id in editions and not node.is_expanded:
                    node.expand()
                elif edition_id not in editions and node.is_expanded:
                    node.collapse()

    def reveal(self, section_id: str) -> None:
        """Put the cursor on a section, opening its edition and parents so it can be seen."""
        edition_id = section_id.partition("/")[0]
        if edition_id in self._unfilled:
            self._fill_edition(edition_id, self._unfilled.pop(edition_id))
        node = self._section_nodes.get(section_id)
        if node is None:
            self._pending_reveal = section_id
            return
        ancestor = node.parent
        while ancestor is not None:
            # Only where closed: Textual's expand() redraws the whole tree (and posts NodeExpanded) even when open.
            if not ancestor.is_expanded:
                ancestor.expand()
            ancestor = ancestor.parent
        self.call_after_refresh(self._put_cursor, node)

    def _put_cursor(self, node: TreeNode[str]) -> None:
        # Scrolling to the cursor before the tree is laid out (or while it is hidden) would scroll as if it had
        # no height, hiding the rows above the cursor: then the cursor only moves, and `on_resize` scrolls.
        self.cursor_line = node.line
        self._bring_cursor_into_view()

    def on_resize(self) -> None:
        self._bring_cursor_into_view()

    def _bring_cursor_into_view(self) -> None:
        """A cursor out of view lands mid-tree, with what stands around it (not on the last row); one in view is
        not scrolled. Only for a section opened: arrow keys scroll as little as they need."""
        node, height = self.cursor_node, self.size.height
        if node is None or not height or self.scroll_y <= node.line < self.scroll_y + height:
            return
        self.center_scroll = True
        self.scroll_to_node(node, animate=False)
        self.center_scroll = False

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data is None:
            event.node.toggle()
        else:
            self.post_message(SectionSelected(event.node.data))
