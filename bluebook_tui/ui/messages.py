"""Messages the widgets post up to the screen, which routes them (attributes down, messages up)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class SectionSelected(Message):
    """The reader asked to open a section (tree, bookmarks, command palette)."""

    section_id: str


@dataclass
class HitChosen(Message):
    """A search hit (or a concordance line) was chosen: open its section with the terms highlighted, the match
    `match` (counted from 0 in reading order) the current one."""

    section_id: str
    pattern: str
    match: int = 0


@dataclass
class ConcordanceAsked(Message):
    """From the search, the reader asked for the query's concordance."""

    term: str


@dataclass
class VisibleSectionChanged(Message):
    """The section at the top of a pane changed while scrolling (for the breadcrumb)."""

    section_id: str


@dataclass
class MatchesCounted(Message):
    """A pane finished highlighting: `current` is the 1-based match in view, 0 when there is none."""

    current: int
    total: int


@dataclass
class NoteOpened(Message):
    """A pane went from a footnote reference to its note (`marker`: the note's number), back returning there."""

    marker: str


@dataclass
class SplitterDragged(Message):
    """The splitter beside the tree was dragged to this screen column: the tree should end there."""

    x: int


@dataclass
class PaneRendered(Message):
    """A pane finished rendering its section (and subsections) and laid them out."""

    section_id: str


@dataclass
class JumpMade(Message):
    """Side by side showed another pair (a sentence's counterpart, where a text went): `note` says which, until the
    reader moves on or goes back."""

    note: str


@dataclass
class DestinationChosen(Message):
    """Side by side, the reader asked to see the section that a section without a counterpart went into (or came
    from)."""

    section_id: str
