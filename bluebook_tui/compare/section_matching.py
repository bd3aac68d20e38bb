"""Alignment of two editions' section trees: each section paired with its counterpart, or added / removed.

Parents are aligned first and children within aligned parents, so structure guides the pairing. A heading
with no text of its own only groups its children, and the other edition may have dropped it and kept the
children one level up ("(c) A Challenge to the Maritime Order" over East and South China Sea), so such a
heading's children compete for counterparts alongside it. Sections left over (their parent found no
counterpart, or they moved to another parent) get a second, stricter pass over everything still unpaired.
Each pass is a greedy one-to-one assignment by score, ties broken by reading order: deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from bluebook_tui.compare.similarity import (
    Profile,
    label_position,
    match_score,
    normalised,
    profiles,
    subtree_text,
    text_similarity,
    title_similarity,
    title_words,
)
from bluebook_tui.compare.tfidf import TfIdf
from bluebook_tui.library import Edition, Section, UnknownSectionError

Status = Literal["unchanged", "changed", "added", "removed"]
Flag = Literal["renumbered", "retitled"]

# Below these scores two sections are different topics: under aligned parents, and anywhere else.
MIN_SCORE_UNDER_PARENTS = 0.3
MIN_SCORE_ELSEWHERE = 0.45


@dataclass(frozen=True, eq=False)
class SectionPair:
    """A section and its counterpart; `left` is None for an added section, `right` for a removed one.

    `similarity` is how alike the two texts are (TF-IDF cosine of each section's text with its children's,
    1.0 when they are the same, 0.0 for an added or removed section). `status` is `unchanged` only when the
    text, children included, is the same word for word; `flags` say whether the heading's number moved
    (`renumbered`: `(6)` → `(5)`, not `(a)` → `(A)`) or its words changed (`retitled`, case aside).
    """

    left: Section | None
    right: Section | None
    similarity: float
    status: Status
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True, eq=False)
class Alignment:
    """Every section of two editions in pairs: the right edition's order, removed sections where they stood."""

    left: Edition
    right: Edition
    pairs: tuple[SectionPair, ...]

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
        """The section of the other edition aligned with this one, or None when it has no counterpart."""
        pair = self.pair_for(section_id)
        return pair.right if pair.left is not None and pair.left.id == section_id else pair.left


def align_editions(left: Edition, right: Edition) -> Alignment:
    """Pair the sections of `left` with those of `right`."""
    left_sections, right_sections = list(left.walk()), list(right.walk())
    model = TfIdf(subtree_text(section) for section in [*left_sections, *right_sections])
    matcher = _Matcher(profiles(left_sections, model), profiles(right_sections, model))
    matcher.run(left.sections, right.sections)
    return Alignment(left, right, tuple(_ordered_pairs(matcher, left_sections, right_sections)))


class _Matcher:
    """The one-to-one assignment, built up pass by pass."""

    def __init__(self, left: list[Profile], right: list[Profile]) -> None:
        self.left = {profile.section.id: profile for profile in left}
        self.right = {profile.section.id: profile for profile in right}
        self.matches: dict[str, Profile] = {}  # left id -> right profile
        self._claimed: set[str] = set()  # right ids

    def run(self, left_tops: Iterable[Section], right_tops: Iterable[Section]) -> None:
        """Align the tops, then children within each new pair; then the stricter pass over what is left,
        whose pairs get their children aligned in turn, until a pass finds nothing new."""
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
            if (score := match_score(left, right)) >= threshold
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
    """The sections that may pair under an aligned parent: its children, and below heading-only ones theirs."""
    candidates = []
    for child in children:
        candidates.append(child)
        if not child.text.strip():
            candidates.extend(_candidates(child.children))
    return candidates


def _matched_pair(left: Profile, right: Profile) -> SectionPair:
    same_text = normalised(subtree_text(left.section)) == normalised(subtree_text(right.section))
    if same_text:
        similarity = 1.0
    elif left.text_vector or right.text_vector:
        similarity = text_similarity(left, right)
    else:
        similarity = title_similarity(left, right)
    flags: list[Flag] = []
    if label_position(left.section) != label_position(right.section):
        flags.append("renumbered")
    if title_words(left.section) != title_words(right.section):
        flags.append("retitled")
    return SectionPair(
        left.section,
        right.section,
        round(similarity, 3),
        "unchanged" if same_text else "changed",
        tuple(flags),
    )


def _ordered_pairs(matcher: _Matcher, left_sections: list[Section], right_sections: list[Section]) -> list[SectionPair]:
    """Pairs in the right edition's reading order, each removed section placed after what preceded it."""
    left_of = {right.section.id: matcher.left[left_id] for left_id, right in matcher.matches.items()}
    ordered = [
        _matched_pair(left_of[section.id], matcher.right[section.id])
        if section.id in left_of
        else SectionPair(None, section, 0.0, "added")
        for section in right_sections
    ]
    for index, section in enumerate(left_sections):
        if section.id not in matcher.matches:
            at = _insertion_point(ordered, left_sections[index - 1] if index else None, section)
            ordered.insert(at, SectionPair(section, None, 0.0, "removed"))
    return ordered


def _insertion_point(ordered: list[SectionPair], previous: Section | None, section: Section) -> int:
    """Just after the section read before it; past what was added under that one's counterpart."""
    if previous is None:
        return 0
    at = next(index for index, pair in enumerate(ordered) if pair.left is previous) + 1
    counterpart = ordered[at - 1].right
    if previous is section.parent or counterpart is None:
        return at
    while at < len(ordered) and _is_below(ordered[at].right, counterpart):
        at += 1
    return at


def _is_below(section: Section | None, ancestor: Section) -> bool:
    node = section.parent if section is not None else None
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False
