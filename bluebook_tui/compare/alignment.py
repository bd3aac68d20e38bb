"""Alignment of two editions: every sentence traced to its counterpart, and every section paired through them.

1. Sentences that are copies or light edits are linked anywhere in the other edition (`sentence_links`).
2. Sections are paired one to one by their titles and text: the TF-IDF cosine of their words, or the share of
   words their linked sentences carry across, whichever is higher (`section_matching`).
3. A section left without a pair whose text went mostly into one section of the other edition is `merged` into
   it; one whose text came mostly from a section paired elsewhere was `split` off it; two left unpaired whose
   texts went into each other are paired after all.
4. Within each section and what was merged into it, the rest of the sentences are linked in reading order;
   then a sentence split in two or two merged into one are joined up.
5. A sentence is `moved` when its counterpart stands in a section other than the one its own is paired with
   (or merged into, or split from).

A heading with no text of its own is compared through its subtree (its text and its children's).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from bluebook_tui.compare.sentences import Sentence
from bluebook_tui.library import Edition, Section, UnknownSectionError

Status = Literal["unchanged", "changed", "added", "removed", "merged", "split"]
Flag = Literal["renumbered", "retitled", "split", "drawn-from", "parts-paired"]
SentenceStatus = Literal["unchanged", "edited", "new", "removed"]


@dataclass(frozen=True)
class Flow:
    """Text carried from a section of the left edition (`source`) into one of the right (`target`): how many of
    the source's sentences, and how many words the linked sentences share."""

    source: Section
    target: Section
    sentences: int
    words: int


@dataclass(frozen=True, eq=False)
class SectionPair:
    """A section and its counterpart; `left` is None for an added (or split-off) section, `right` for a removed
    (or merged) one.

    `similarity` is the TF-IDF cosine of the two texts with their children's (1.0 the same, 0.0 with no
    counterpart). `status` is `unchanged` only when the text, children included, is the same word for word.
    `carried_over` is the share of each side's words found in the other (through linked sentences: the left's
    words kept in the right, the right's taken from the left). `flows` list where this pair's text went or came
    from, section by section; `destination` is where a merged section's text went (or a split one's came from).
    `flags`: `renumbered` (`(6)` → `(5)`, not `(a)` → `(A)`), `retitled` (words of the title, case aside), `split`
    (part of the left's text went to another section), `drawn-from` (the right took text from other sections),
    `parts-paired` (a removed or added heading with no text of its own whose subsections have counterparts: the
    heading went, or came, not its text).
    """

    left: Section | None
    right: Section | None
    similarity: float
    status: Status
    flags: tuple[Flag, ...] = ()
    carried_over: tuple[float, float] = (0.0, 0.0)
    flows: tuple[Flow, ...] = ()
    destination: Section | None = None
    through_subtree: bool = False


@dataclass(frozen=True)
class SentenceTrace:
    """A sentence and what became of it in the other edition.

    `status`: `unchanged` (the same words; spacing, quote style and footnote markers aside), `edited`, or with
    no counterpart `new` (the sentence's edition is the later) or `removed` (the earlier). `counterparts` are
    one sentence, or two neighbours when a sentence was split or two merged. `similarity` is the share of the
    two sides' words they have in common. `moved`: the counterpart stands in a section other than the one this
    sentence's section is paired with (or merged into, or split from).
    """

    sentence: Sentence
    status: SentenceStatus
    counterparts: tuple[Sentence, ...]
    similarity: float
    moved: bool


@dataclass(frozen=True, eq=False)
class Alignment:
    """Every section of two editions in pairs (the right edition's order, removed sections where they stood), and
    every sentence of both traced."""

    left: Edition
    right: Edition
    pairs: tuple[SectionPair, ...]
    traces: dict[str, tuple[SentenceTrace, ...]]  # by section id, for every section of both editions

    @cached_property
    def _by_id(self) -> dict[str, SectionPair]:
        by_id: dict[str, SectionPair] = {}
        for pair in self.pairs:
            for section in (pair.left, pair.right):
                if section is not None:
                    by_id[section.id] = pair
        return by_id

    def pair_for(self, section_id: str) -> SectionPair:
        """The pair holding this section of either edition."""
        try:
            return self._by_id[section_id]
        except KeyError:
            raise UnknownSectionError(
                f"no section {section_id!r} in editions {self.left.id} or {self.right.id}"
            ) from None

    def counterpart(self, section_id: str) -> Section | None:
        """The section of the other edition paired with this one, or None when it has no counterpart."""
        pair = self.pair_for(section_id)
        return pair.right if pair.left is not None and pair.left.id == section_id else pair.left

    def trace(self, section_id: str) -> tuple[SentenceTrace, ...]:
        """Every sentence of the section's own text, in order, with what became of it."""
        self.pair_for(section_id)
        return self.traces[section_id]


def align_editions(left: Edition, right: Edition) -> Alignment:
    """Trace the sentences of `left` into `right` and pair their sections (the work is in `aligner`)."""
    from bluebook_tui.compare.aligner import Aligner

    return Aligner(left, right).run()
