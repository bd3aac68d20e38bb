"""Where each section's sentences went: the words carried from a section of one edition into one of the other."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from bluebook_tui.compare.alignment import Flow
from bluebook_tui.compare.likeness import combined, shared
from bluebook_tui.compare.sentence_links import Link
from bluebook_tui.library import Section


@dataclass
class Flows:
    """The words each section of one edition shares with each section of the other, through linked sentences:
    between the sections' own texts, and between whole subtrees (a section with all that is below it)."""

    own: Counter[tuple[str, str]] = field(default_factory=Counter)
    sentences: Counter[tuple[str, str]] = field(default_factory=Counter)
    subtree: Counter[tuple[str, str]] = field(default_factory=Counter)
    sections: dict[str, Section] = field(default_factory=dict)

    @classmethod
    def of(cls, links: Iterable[Link], sections: dict[str, Section]) -> Flows:
        """The flows of these links; `sections` has every section of both editions by id."""
        flows = cls(sections=sections)
        for link in links:
            source = sections[link.left[0].sentence.section_id]
            target = sections[link.right[0].sentence.section_id]
            words = shared(combined([item.words for item in link.left]), combined([item.words for item in link.right]))
            flows.own[source.id, target.id] += words
            flows.sentences[source.id, target.id] += len(link.left)
            for left in _ancestry(source):
                for right in _ancestry(target):
                    flows.subtree[left.id, right.id] += words
        return flows

    def out_of(self, source_id: str) -> dict[str, int]:
        """Words carried from this left section's own text, by the right section they went into."""
        return {target: words for (source, target), words in self.own.items() if source == source_id}

    def into(self, target_id: str) -> dict[str, int]:
        """Words carried into this right section's own text, by the left section they came from."""
        return {source: words for (source, target), words in self.own.items() if target == target_id}

    def between(self, source: Section, target: Section, *, subtree: bool) -> int:
        return (self.subtree if subtree else self.own)[source.id, target.id]

    def involving(self, source: Section | None, target: Section | None) -> tuple[Flow, ...]:
        """The flows out of `source` and into `target`, largest first."""
        keys = [
            key
            for key in self.own
            if (source is not None and key[0] == source.id) or (target is not None and key[1] == target.id)
        ]
        keys.sort(key=lambda key: (-self.own[key], key))
        return tuple(
            Flow(self.sections[left], self.sections[right], self.sentences[left, right], self.own[left, right])
            for left, right in keys
        )


def _ancestry(section: Section) -> Iterator[Section]:
    """The section and each of its ancestors."""
    node: Section | None = section
    while node is not None:
        yield node
        node = node.parent
