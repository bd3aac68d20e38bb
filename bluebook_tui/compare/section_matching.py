"""Pairing two editions' section trees one to one: each section with its counterpart, or none.

Parents are paired first and children within paired parents, so structure guides the pairing. A heading with no
text of its own only groups its children, and the other edition may have dropped it and kept the children one
level up ("(c) A Challenge to the Maritime Order" over East and South China Sea), so such a heading's children
compete for counterparts alongside it. Sections left over (their parent found no counterpart, or they moved to
another parent) get a second, stricter pass over everything still unpaired. Each pass is a greedy one-to-one
assignment by score, ties broken by reading order: deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bluebook_tui.compare.similarity import Profile, match_score
from bluebook_tui.library import Section

# Below these scores two sections are different topics: under paired parents, and anywhere else.
MIN_SCORE_UNDER_PARENTS = 0.3
MIN_SCORE_ELSEWHERE = 0.45

# How much of two sections' text the sentences linked between them share (see `flows`), in [0, 1].
CarriedShare = Callable[[Section, Section], float]


class SectionMatcher:
    """The one-to-one assignment, built up pass by pass."""

    def __init__(self, left: list[Profile], right: list[Profile], carried: CarriedShare) -> None:
        self.left = {profile.section.id: profile for profile in left}
        self.right = {profile.section.id: profile for profile in right}
        self.matches: dict[str, Profile] = {}  # left id -> right profile
        self._claimed: set[str] = set()  # right ids
        self._carried = carried

    def run(self, left_tops: Iterable[Section], right_tops: Iterable[Section]) -> None:
        """Pair the tops, then children within each new pair; then the stricter pass over what is left, whose
        pairs get their children paired in turn, until a pass finds nothing new."""
        pending = self._assign(
            self._free_left(_candidates(left_tops)),
            self._free_right(_candidates(right_tops)),
            MIN_SCORE_UNDER_PARENTS,
        )
        while pending:
            while pending:
                pending = [
                    matched
                    for left, right in pending
                    for matched in self._assign(
                        self._free_left(_candidates(left.section.children)),
                        self._free_right(_candidates(right.section.children)),
                        MIN_SCORE_UNDER_PARENTS,
                    )
                ]
            pending = self._assign(
                self._free_left(profile.section for profile in self.left.values()),
                self._free_right(profile.section for profile in self.right.values()),
                MIN_SCORE_ELSEWHERE,
            )

    def pair(self, left: Section, right: Section) -> None:
        """Pair two sections found to belong together by other means (their sentences)."""
        self.matches[left.id] = self.right[right.id]
        self._claimed.add(right.id)

    def is_paired(self, section: Section) -> bool:
        return section.id in self.matches or section.id in self._claimed

    def _free_left(self, sections: Iterable[Section]) -> list[Profile]:
        return [self.left[section.id] for section in sections if section.id not in self.matches]

    def _free_right(self, sections: Iterable[Section]) -> list[Profile]:
        return [self.right[section.id] for section in sections if section.id not in self._claimed]

    def _assign(self, lefts: list[Profile], rights: list[Profile], threshold: float) -> list[tuple[Profile, Profile]]:
        """Greedily pair the best-scoring candidates first; each section is claimed at most once."""
        candidates = [
            (score, left, right)
            for left in lefts
            for right in rights
            if (score := match_score(left, right, self._carried(left.section, right.section))) >= threshold
        ]
        candidates.sort(key=lambda candidate: (-candidate[0], candidate[1].order, candidate[2].order))
        matched = []
        for _, left, right in candidates:
            if left.section.id in self.matches or right.section.id in self._claimed:
                continue
            self.matches[left.section.id] = right
            self._claimed.add(right.section.id)
            matched.append((left, right))
        return matched


def _candidates(children: Iterable[Section]) -> list[Section]:
    """The sections that may pair under a paired parent: its children, and below heading-only ones theirs."""
    candidates = []
    for child in children:
        candidates.append(child)
        if not child.text.strip():
            candidates.extend(_candidates(child.children))
    return candidates
