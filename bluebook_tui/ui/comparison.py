"""Two editions compared (the newest two unless the reader picks others), for every view of the app, with what
views ask of the comparison.

The alignment, and after it the wording (keywords and shifts), is worked out once, off the UI thread (`ensure` and
`wording`, from a worker; a view that needs it first awaits it), or read from the user cache when these editions
were aligned before. What views derive from it is kept per section, by section id: worked out by the first
caller, and if two threads work it out at once the first stored is every caller's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, TypeVar

from bluebook_tui.compare import Alignment, SectionPair, paragraph_pairs
from bluebook_tui.compare.paragraph_alignment import ParagraphPair
from bluebook_tui.compare.views import (
    SentenceMark,
    Span,
    paragraph_counterpart,
    paragraph_marks,
    parts_paired,
    sentence_marks,
)
from bluebook_tui.library.model import Library, Section

if TYPE_CHECKING:
    from bluebook_tui.compare.wording import Wording

Side = Literal["left", "right"]

Derived = TypeVar("Derived")


def _kept(cache: dict[str, Derived], key: str, work_out: Callable[[], Derived]) -> Derived:
    """The cached value for `key`, else `work_out()` stored. No lock (a view on the UI thread must not wait for
    one held by a worker): two threads may both work it out, and `setdefault` keeps the first, for both."""
    found = cache.get(key)
    return found if found is not None else cache.setdefault(key, work_out())


class Comparison:
    """The older edition on the left, the newer on the right; needs a library of two editions or more."""

    def __init__(self, library: Library, pair: tuple[str, str] | None = None) -> None:
        """`pair`: the two editions, older first (`compare.editions.comparison_pair` checks them); by default the
        newest two."""
        from bluebook_tui.compare.editions import comparison_pair

        self.left_edition, self.right_edition = pair or comparison_pair(library)
        self.library = library
        self._lock = threading.Lock()
        # Its own: every view's `alignment` takes the other, and must not wait the ~0.5 s of a first wording.
        self._wording_lock = threading.Lock()
        self._alignment: Alignment | None = None
        self._paragraph_pairs: dict[str, list[ParagraphPair]] = {}
        self._heading_marks: dict[str, list[Span]] = {}
        self._sentence_marks: dict[str, list[list[SentenceMark]]] = {}
        self._wording: Wording | None = None

    def ensure(self) -> Alignment:
        """The alignment, worked out (or read from the cache) on first call; safe from any thread."""
        with self._lock:
            if self._alignment is None:
                from bluebook_tui.compare.cache import cached_alignment

                self._alignment = cached_alignment(
                    self.library.edition(self.left_edition), self.library.edition(self.right_edition)
                )
            return self._alignment

    def wording(self) -> Wording:
        """The keywords and shifts of the pair (from the user cache, else worked out); safe from any thread."""
        with self._wording_lock:
            if self._wording is None:
                from bluebook_tui.compare.wording import wording

                self._wording = wording(
                    self.library.edition(self.left_edition), self.library.edition(self.right_edition)
                )
            return self._wording

    @property
    def wording_ready(self) -> bool:
        return self._wording is not None

    @property
    def ready(self) -> bool:
        return self._alignment is not None

    @property
    def alignment(self) -> Alignment:
        """The alignment (views ask once `ensure` has run: before, this would work it out on their thread)."""
        return self.ensure()

    def side(self, section: Section) -> Side | None:
        if section.edition == self.left_edition:
            return "left"
        return "right" if section.edition == self.right_edition else None

    def other_edition(self, section: Section) -> str:
        """The compared edition a section is set against: the newer for the older's, else the older."""
        return self.right_edition if section.edition == self.left_edition else self.left_edition

    def in_pair(self, section: Section) -> Section:
        """The section if it is of a compared edition, else its counterpart in the newer one (or the older), else
        the newer one's first section: where side by side shows a section of a third edition."""
        if self.side(section):
            return section
        from bluebook_tui.compare.editions import aligned

        for edition in (self.right_edition, self.left_edition):
            other = aligned(self.library, section.edition, edition).counterpart(section.id)
            if other is not None:
                return other
        return self.library.edition(self.right_edition).sections[0]

    def pair(self, section: Section) -> SectionPair | None:
        """The pair holding this section, None for a section of neither compared edition."""
        return self.alignment.pair_for(section.id) if self.side(section) else None

    def counterpart(self, section: Section) -> Section | None:
        return self.alignment.counterpart(section.id) if self.side(section) else None

    def destination(self, section: Section) -> Section | None:
        """Where a section's text went (merged into) or came from (split off), when it has no counterpart."""
        pair = self.pair(section)
        return pair.destination if pair is not None else None

    def parts_paired(self, section: Section) -> list[tuple[Section, Section]]:
        """For a section without a counterpart, its subsections that have one (see `views.parts_paired`)."""
        return parts_paired(self.alignment, section) if self.side(section) else []

    def paragraph_counterpart(self, section: Section, index: int) -> int | None:
        """The counterpart section's paragraph that faces this section's paragraph `index`."""
        side, pair = self.side(section), self.pair(section)
        if side is None or pair is None:
            return None
        pairs = _kept(self._paragraph_pairs, (pair.left or pair.right or section).id, lambda: paragraph_pairs(pair))
        return paragraph_counterpart(pairs, index, side)

    def sentence_marks(self, section: Section) -> list[list[SentenceMark]]:
        """Per paragraph of the section, how to mark each of its sentences (none for a section of neither)."""
        if self.side(section) is None:
            return []
        return _kept(self._sentence_marks, section.id, lambda: sentence_marks(self.alignment, section))

    def changed_heading_words(self, section: Section) -> list[Span]:
        """The spans of the section's heading that its counterpart's heading does not have."""
        side, pair = self.side(section), self.pair(section)
        if side is None or pair is None:
            return []

        def work_out() -> list[Span]:
            left, right = (each.heading if each else "" for each in (pair.left, pair.right))
            deleted, inserted = paragraph_marks(left, right)
            marks = deleted if side == "left" else inserted
            return marks[0] if marks else []

        return _kept(self._heading_marks, section.id, work_out)

    def find_sentence(self, address: str) -> tuple[Section, int] | None:
        """The section and index of a sentence given by its address (`2022/4.B.B#3`), if it is in the library."""
        section_id, _, index = address.rpartition("#")
        section = self.library.find(section_id)
        return (section, int(index)) if section is not None and index.isdecimal() else None
