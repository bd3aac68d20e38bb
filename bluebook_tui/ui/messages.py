"""Messages the widgets post up to the screen, which routes them (attributes down, messages up).

Plain classes with their own `__init__`, as Textual's messages are: a dataclass costs ~0.6 ms to build at import,
and these ten are imported on the way to the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.widget import Widget


class SectionSelected(Message):
    """The reader asked to open a section (tree, bookmarks, command palette)."""

    def __init__(self, section_id: str) -> None:
        super().__init__()
        self.section_id = section_id


class HitChosen(Message):
    """A search hit (or a concordance line) was chosen: open its section with the terms highlighted, the match
    `match` (counted from 0 in reading order) the current one."""

    def __init__(self, section_id: str, pattern: str, match: int = 0) -> None:
        super().__init__()
        self.section_id = section_id
        self.pattern = pattern
        self.match = match


class ConcordanceAsked(Message):
    """From the search, the reader asked for the query's concordance."""

    def __init__(self, term: str) -> None:
        super().__init__()
        self.term = term


class VisibleSectionChanged(Message):
    """The section at the top of a pane changed while scrolling (for the breadcrumb)."""

    def __init__(self, section_id: str) -> None:
        super().__init__()
        self.section_id = section_id


class MatchesCounted(Message):
    """A pane finished highlighting: `current` is the 1-based match in view, 0 when there is none."""

    def __init__(self, pane: Widget, current: int, total: int) -> None:
        super().__init__()
        self.pane = pane
        self.current = current
        self.total = total


class NoteOpened(Message):
    """A pane went from a footnote reference to its note (`marker`: the note's number), back returning there."""

    def __init__(self, marker: str) -> None:
        super().__init__()
        self.marker = marker


class SplitterDragged(Message):
    """The splitter beside the tree was dragged to this screen column: the tree should end there."""

    def __init__(self, x: int) -> None:
        super().__init__()
        self.x = x


class PaneRendered(Message):
    """A pane finished rendering its section (and subsections) and laid them out."""

    def __init__(self, section_id: str, pane: Widget) -> None:
        super().__init__()
        self.section_id = section_id
        self.pane = pane

    @property
    def control(self) -> Widget:
        """The pane (Textual's name for the widget a message is about)."""
        return self.pane


class JumpMade(Message):
    """Side by side showed another pair (a sentence's counterpart, where a text went): `note` says which, until the
    reader moves on or goes back."""

    def __init__(self, note: str) -> None:
        super().__init__()
        self.note = note


class DestinationChosen(Message):
    """Side by side, the reader asked to see the section that a section without a counterpart went into (or came
    from)."""

    def __init__(self, section_id: str) -> None:
        super().__init__()
        self.section_id = section_id
