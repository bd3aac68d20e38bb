"""The two newest editions aligned once (on first use) for every view of the app, with what views ask of it."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from bluebook_tui.compare import Alignment, SectionPair, align_editions, paragraph_pairs
from bluebook_tui.compare.paragraphs import ParagraphPair
from bluebook_tui.compare.views import Span, paragraph_counterpart, paragraph_marks
from bluebook_tui.library.model import Library, Section

Side = Literal["left", "right"]


class Comparison:
    """The older edition on the left, the newer on the right; needs a library of two editions or more."""

    def __init__(self, library: Library) -> None:
        self.left_edition, self.right_edition = sorted(library.editions)[-2:]
        self.library = library
        self._paragraph_pairs: dict[int, list[ParagraphPair]] = {}
        self._marks: dict[tuple[int, str], tuple[list[list[Span]], list[list[Span]]]] = {}

    @cached_property
    def alignment(self) -> Alignment:
        return align_editions(self.library.edition(self.left_edition), self.library.edition(self.right_edition))

    def side(self, section: Section) -> Side | None:
        if section.edition == self.left_edition:
            return "left"
        return "right" if section.edition == self.right_edition else None

    def pair(self, section: Section) -> SectionPair | None:
        """The pair holding this section, None for a section of neither compared edition."""
        return self.alignment.pair_for(section.id) if self.side(section) else None

    def counterpart(self, section: Section) -> Section | None:
        return self.alignment.counterpart(section.id) if self.side(section) else None

    def paragraph_counterpart(self, section: Section, index: int) -> int | None:
        """The counterpart section's paragraph that faces this section's paragraph `index`."""
        side, pair = self.side(section), self.pair(section)
        if side is None or pair is None:
            return None
        if id(pair) not in self._paragraph_pairs:
            self._paragraph_pairs[id(pair)] = paragraph_pairs(pair)
        return paragraph_counterpart(self._paragraph_pairs[id(pair)], index, side)

    def changed_words(self, section: Section) -> list[list[Span]]:
        """Per paragraph of the section, the spans its counterpart does not have (all of it when there is none)."""
        return self._changes(section, "text")

    def changed_heading_words(self, section: Section) -> list[Span]:
        """The spans of the section's heading that its counterpart's heading does not have."""
        marks = self._changes(section, "heading")
        return marks[0] if marks else []

    def _changes(self, section: Section, part: Literal["text", "heading"]) -> list[list[Span]]:
        side, pair = self.side(section), self.pair(section)
        if side is None or pair is None:
            return []
        if (id(pair), part) not in self._marks:
            left, right = (getattr(each, part) if each else "" for each in (pair.left, pair.right))
            self._marks[id(pair), part] = paragraph_marks(left, right)
        deleted, inserted = self._marks[id(pair), part]
        return deleted if side == "left" else inserted
