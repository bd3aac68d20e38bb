"""Linking the sentences of two editions: each to its counterpart, wherever in the other edition it stands.

Four passes, each over what the passes before it left:

1. **Anywhere.** Sentences that are copies or light edits of each other (content stems' Dice ≥ `ANYWHERE`) are
   linked one to one across the whole other edition, best first, so a sentence that moved to another section is
   found. Measured on the two books: every pair above 0.6 is the same sentence (read one by one); between 0.45
   and 0.6 a third are look-alikes in unrelated sections ("Japan also supports developing countries for
   capacity building…" scores 0.57 against a cyber sentence).
2. **In the section.** Within each pair of sections (and what was merged into one), sentences scoring
   `IN_SECTION` or more are linked one to one in any order, best first: rewrites that changed places within their
   section (2022 puts the OECD Working Group on Bribery after UNCAC, 2016 before it). All such pairs on the two
   books are right; from 0.45 one in 21 was not ("… cooperation with India …" with "… Japan-Indonesia …").
3. **In place.** Then a monotone alignment (reading order kept on both sides, the links made so far as fixed
   points) links rewritten sentences down to `IN_PLACE`: in its own section and order, "As of November 2015, 16
   UN PKO missions are deployed…" is "As of December 31, 2021, 12 UN PKO missions are on active duty…" updated.
   Read one by one on the books, its links between 0.34 and 0.45 are 9 right in 11; between 0.30 and 0.34 only 3
   in 8 (the rest share a topic, not a statement: "capacity building" in Africa and in Guinea-Bissau), so 0.34.
   It also finds two neighbours merged into one sentence, or one split into two, when each of the two holds its
   own part of the other side. It runs again between the two sections a sentence moved between, for the
   neighbours that moved with it.
4. **Leftovers.** A sentence left over next to a linked one joins its link when most of its content stems are in
   the counterpart and not already in its side: the other half of a split or merge whose first half was linked
   alone.

Ties are broken by reading order, so the links are the same on every run.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from bluebook_tui.compare.likeness import Features, combined, dice, shared

ANYWHERE = 0.6
IN_SECTION = 0.5
IN_PLACE = 0.34
# Fewer shared content stems than this is chance ("Japan", "also"), however short the sentences.
MIN_SHARED_STEMS = 2
# One of two neighbours holds its own part of a sentence when this share of its content stems is in that sentence
# and not in the other neighbour.
OWN_PART = 0.5
# A sentence that does not hold its own part still joins a neighbour's link when it brings this many stems of the
# counterpart that the link's side lacks, and the two sides read more alike with it.
JOIN_SHARED_STEMS = 4
# What keeping a link already made is worth to the in-place alignment: more than all new links could be.
FIXED_POINT_VALUE = 10_000
# Candidates scored exactly per sentence in pass 1, found through their rarer stems.
CANDIDATES = 12
# Stems in more than this share of sentences do not find candidates (they still count in the score).
COMMON_STEM_SHARE = 0.15

Group = tuple[tuple[Features, ...], tuple[Features, ...]]
# The links the in-place alignment makes: one to one, two neighbours merged into one, one split into two.
_LINK_SHAPES = ((1, 1), (2, 1), (1, 2))


@dataclass(eq=False)
class Link:
    """Sentences of the left edition and their counterparts in the right: one each, or two on one side (a split
    or a merge), always neighbours in one section."""

    left: list[Features]
    right: list[Features]

    @property
    def similarity(self) -> float:
        """The share of the two sides' words they have in common (Dice over case-folded words)."""
        return dice(combined([item.words for item in self.left]), combined([item.words for item in self.right]))

    @property
    def unchanged(self) -> bool:
        return len(self.left) == len(self.right) == 1 and self.left[0].normalised == self.right[0].normalised

    def side(self, on_left: bool) -> list[Features]:
        return self.left if on_left else self.right


class Linker:
    """The links found so far between the sentences of two editions, and what each sentence is linked to."""

    def __init__(self, left: list[Features], right: list[Features]) -> None:
        self.left, self.right = left, right
        self.links: list[Link] = []
        self._of: dict[int, Link] = {}  # id(Features) -> its link

    def linked(self, item: Features) -> Link | None:
        return self._of.get(id(item))

    def _add(self, link: Link) -> None:
        self.links.append(link)
        for item in (*link.left, *link.right):
            self._of[id(item)] = link

    # 1. Anywhere --------------------------------------------------------------------------------------------

    def link_anywhere(self) -> None:
        """Link copies and light edits across the whole of both editions, the most alike first."""
        scored = [
            (score, left.order, right.order, left, right)
            for right in self.right
            for left in self._candidates(right)
            if (score := _score(left, right)) >= ANYWHERE
        ]
        scored.sort(key=lambda candidate: (-candidate[0], candidate[1], candidate[2]))
        for _, _, _, left, right in scored:
            if self.linked(left) is None and self.linked(right) is None:
                self._add(Link([left], [right]))

    def _candidates(self, right: Features) -> list[Features]:
        """The left sentences of the same kind most likely to score well: exact copies, then those sharing the
        most weight of rarer stems."""
        index = self._index
        weights: defaultdict[int, float] = defaultdict(float)
        for stem in right.stems:
            for position in index.postings.get((right.family, stem), ()):
                weights[position] += index.weight[stem]
        copies = index.copies.get((right.family, right.normalised), [])
        ranked = sorted(weights, key=lambda position: (-weights[position], position))[:CANDIDATES]
        return [self.left[position] for position in dict.fromkeys([*copies, *ranked])]

    @cached_property
    def _index(self) -> _StemIndex:
        return _StemIndex(self.left, self.right)

    # 2. In place --------------------------------------------------------------------------------------------

    def link_in_section(self, left: Sequence[Features], right: Sequence[Features]) -> None:
        """Link two sections' rewritten sentences scoring `IN_SECTION` or more in any order, best first: the
        order of the statements in a section is what a rewrite changes too."""
        for lv, rv in self._in_section(left, right):
            self._add(Link([lv], [rv]))

    def _in_section(self, left: Sequence[Features], right: Sequence[Features]) -> list[tuple[Features, Features]]:
        scored = [
            (score, lv.order, rv.order, lv, rv)
            for lv in left
            if self.linked(lv) is None
            for rv in right
            if self.linked(rv) is None and (score := _score(lv, rv)) >= IN_SECTION
        ]
        scored.sort(key=lambda candidate: (-candidate[0], candidate[1], candidate[2]))
        taken: set[int] = set()
        found = []
        for _, _, _, lv, rv in scored:
            if id(lv) not in taken and id(rv) not in taken:
                taken |= {id(lv), id(rv)}
                found.append((lv, rv))
        return found

    def link_in_place(self, left: Sequence[Features], right: Sequence[Features]) -> None:
        """Link what is left of two sections' sentences in reading order, as `in_order` pairs them."""
        for lefts, rights in self.in_order(left, right):
            self._add(Link(list(lefts), list(rights)))

    def words_linkable(self, own: Sequence[Features], theirs: Sequence[Features], *, on_left: bool) -> tuple[int, bool]:
        """The words of the sentences of `own` (one side) linked into `theirs` (the other), or that the in-section
        and in-place passes would link there: how much of a section's text another would take in; and whether
        one of them is a copy or close rewrite (linked anywhere, or scoring `IN_SECTION` or more)."""
        ids = {id(item) for item in theirs}
        words, strong = 0, False
        for item in own:
            link = self.linked(item)
            if link is not None and any(id(other) in ids for other in link.side(not on_left)):
                words += item.size
                strong = True
        close = self._in_section(own, theirs) if on_left else self._in_section(theirs, own)
        words += sum((lv if on_left else rv).size for lv, rv in close)
        strong = strong or bool(close)
        taken = {id(item) for pair in close for item in pair}
        rest_own = [item for item in own if id(item) not in taken]
        rest_theirs = [item for item in theirs if id(item) not in taken]
        groups = self.in_order(rest_own, rest_theirs) if on_left else self.in_order(rest_theirs, rest_own)
        words += sum(item.size for lefts, rights in groups for item in (lefts if on_left else rights))
        return words, strong

    def in_order(self, left: Sequence[Features], right: Sequence[Features]) -> list[Group]:
        """New links between the unlinked sentences of `left` and `right`, in reading order (a monotone alignment):
        one to one, or two neighbours to one, each scoring `IN_PLACE` or more, with the most different content
        stems shared in all. Sentences already linked one to one between the two sides are fixed points the new
        links keep order with, so a rewritten sentence is looked for between the copies around it."""
        in_right = {id(item) for item in right}
        lefts = [item for item in left if self._open_or_fixed(item, in_right)]
        in_left = {id(item) for item in lefts}
        rights = [item for item in right if self._open_or_fixed(item, in_left)]
        rows, columns = len(lefts), len(rights)
        if not rows or not columns:
            return []
        moves = _Moves(self, lefts, rights)
        # best[i][j]: the value of linking lefts[:i] with rights[:j]; step[i][j]: the move that ends there.
        best = [[0] * (columns + 1) for _ in range(rows + 1)]
        step = [[(0, 1)] * (columns + 1)] + [[(1, 0)] * (columns + 1) for _ in range(rows)]
        for i in range(1, rows + 1):
            for j in range(1, columns + 1):
                if best[i - 1][j] >= best[i][j - 1]:
                    best[i][j], step[i][j] = best[i - 1][j], (1, 0)
                else:
                    best[i][j], step[i][j] = best[i][j - 1], (0, 1)
                for taken_left, taken_right in _LINK_SHAPES:
                    if taken_left <= i and taken_right <= j:
                        value = moves.value(i, j, taken_left, taken_right)
                        if value and best[i - taken_left][j - taken_right] + value > best[i][j]:
                            best[i][j] = best[i - taken_left][j - taken_right] + value
                            step[i][j] = (taken_left, taken_right)
        found: list[Group] = []
        i, j = rows, columns
        while i or j:
            taken_left, taken_right = step[i][j]
            group = (tuple(lefts[i - taken_left : i]), tuple(rights[j - taken_right : j]))
            if taken_left and taken_right and all(self.linked(item) is None for item in (*group[0], *group[1])):
                found.append(group)
            i, j = i - taken_left, j - taken_right
        found.reverse()
        return found

    def _open_or_fixed(self, item: Features, other_side: set[int]) -> bool:
        """Unlinked, or linked one to one with a sentence of the other side."""
        link = self.linked(item)
        if link is None:
            return True
        counterpart = link.right if item in link.left else link.left
        return len(link.left) == len(link.right) == 1 and id(counterpart[0]) in other_side

    # 3. Leftovers -------------------------------------------------------------------------------------------

    def join_neighbours(self, neighbours: dict[int, tuple[Features | None, Features | None]]) -> None:
        """Let each sentence left over join a neighbour's link when the counterpart holds what it says.

        `neighbours`: for each sentence (by `id`), the sentences before and after it in its section.
        """
        for on_left, side in ((True, self.left), (False, self.right)):
            for item in side:
                if self.linked(item) is not None:
                    continue
                for neighbour in neighbours[id(item)]:
                    link = self.linked(neighbour) if neighbour is not None else None
                    if neighbour is not None and link is not None and _joins(item, link, on_left):
                        group = link.side(on_left)
                        group.insert(group.index(neighbour) + (1 if item.order > neighbour.order else 0), item)
                        self._of[id(item)] = link
                        break


class _Moves:
    """What each move of `Linker.in_order` is worth, from the stems every left sentence shares with every right
    one (counted once): a link already made between the two, more than any new ones; a new one-to-one link, the
    different stems shared when it scores `IN_PLACE` or more; a merge or split, as `_group_value` says."""

    def __init__(self, linker: Linker, lefts: list[Features], rights: list[Features]) -> None:
        self.linker, self.lefts, self.rights = linker, lefts, rights
        self.shared = [[shared(left.stems, right.stems) for right in rights] for left in lefts]
        self.open_left = [linker.linked(item) is None for item in lefts]
        self.open_right = [linker.linked(item) is None for item in rights]

    def value(self, i: int, j: int, taken_left: int, taken_right: int) -> int:
        """The value of the move that ends after lefts[:i] and rights[:j] and takes that many of each."""
        if taken_left == taken_right == 1:
            left, right = self.lefts[i - 1], self.rights[j - 1]
            if not (self.open_left[i - 1] and self.open_right[j - 1]):
                link = self.linker.linked(left)
                return FIXED_POINT_VALUE if link is not None and link is self.linker.linked(right) else 0
            if left.family != right.family:
                return 0
            if left.normalised == right.normalised:
                return len(left.stems) or 1
            common = self.shared[i - 1][j - 1]
            total = left.stem_count + right.stem_count
            return (
                _distinct_shared(left.stems, right.stems)
                if common >= MIN_SHARED_STEMS and 2 * common >= IN_PLACE * total
                else 0
            )
        rows, columns = range(i - taken_left, i), range(j - taken_right, j)
        if not all(self.open_left[row] for row in rows) or not all(self.open_right[column] for column in columns):
            return 0
        # Cheap first: each of the two must share most of its stems with the single sentence to hold a part of it.
        if taken_left == 2:
            members = [(self.lefts[row], self.shared[row][j - 1]) for row in rows]
        else:
            members = [(self.rights[column], self.shared[i - 1][column]) for column in columns]
        if not _neighbours(members[0][0], members[1][0]):
            return 0  # a pool can hold several sections, and a linked sentence can stand between two open ones
        if any(common < max(MIN_SHARED_STEMS, OWN_PART * member.stem_count) for member, common in members):
            return 0
        return _group_value([self.lefts[row] for row in rows], [self.rights[column] for column in columns])


@dataclass
class _StemIndex:
    """Left sentences by (kind family, stem) for the rarer stems, and by normalised text."""

    postings: dict[tuple[str, str], list[int]]
    weight: dict[str, float]
    copies: dict[tuple[str, str], list[int]]

    def __init__(self, left: Sequence[Features], right: Sequence[Features]) -> None:
        frequency = Counter(stem for item in (*left, *right) for stem in item.stems)
        total = len(left) + len(right)
        self.weight = {stem: math.log(total / count) for stem, count in frequency.items()}
        common = {stem for stem, count in frequency.items() if count > COMMON_STEM_SHARE * total}
        self.postings = defaultdict(list)
        self.copies = defaultdict(list)
        for position, item in enumerate(left):
            self.copies[item.family, item.normalised].append(position)
            for stem in item.stems:
                if stem not in common:
                    self.postings[item.family, stem].append(position)


def _score(left: Features, right: Features) -> float:
    """How strongly two sentences claim each other: 1.0 for a copy, else their content stems' Dice; 0.0 across
    kinds of paragraph or with fewer than two content stems in common."""
    if left.family != right.family:
        return 0.0
    if left.normalised == right.normalised:
        return 1.0
    common = shared(left.stems, right.stems)
    if common < MIN_SHARED_STEMS:
        return 0.0
    return 2 * common / (left.stem_count + right.stem_count)


def _group_value(lefts: Sequence[Features], rights: Sequence[Features]) -> int:
    """What a merge or split is worth to `in_order`: the different content stems the two sides share, when they score
    `IN_PLACE` or more as one text each and each of the two neighbours holds its own part of the other side
    (else 0)."""
    if any(item.family != lefts[0].family for item in (*lefts, *rights)):
        return 0
    left_stems, right_stems = combined([item.stems for item in lefts]), combined([item.stems for item in rights])
    if dice(left_stems, right_stems) < IN_PLACE:
        return 0
    pair, single = (lefts, rights[0]) if len(lefts) == 2 else (rights, lefts[0])
    for member, partner in ((pair[0], pair[1]), (pair[1], pair[0])):
        if not _holds_own_part(member, partner.stems, single.stems):
            return 0
    return _distinct_shared(left_stems, right_stems)


def _distinct_shared(left: Counter[str], right: Counter[str]) -> int:
    """How many different content stems two texts share: what a link is worth to the in-place alignment. (Counted
    with repeats, a long list of "Japan-U.S. … Meeting (September)" would outweigh two real rewrites.)"""
    return len(left.keys() & right.keys())


def _neighbours(first: Features, second: Features) -> bool:
    """Whether two sentences follow each other in one section."""
    one, other = first.sentence, second.sentence
    return one.section_id == other.section_id and other.index == one.index + 1


def _holds_own_part(member: Features, partner: Counter[str], counterpart: Counter[str]) -> bool:
    """Whether most of `member`'s content stems are in `counterpart` and not already in its `partner`'s."""
    return shared(member.stems, counterpart - partner) >= max(MIN_SHARED_STEMS, OWN_PART * member.stem_count)


def _joins(item: Features, link: Link, on_left: bool) -> bool:
    """Whether `item` is the other half of a split or merge: most of its stems are in the counterpart's and not
    already in the side it would join, or enough of them are that the two sides read more alike with it."""
    if not item.stems or any(member.family != item.family for member in (*link.left, *link.right)):
        return False
    own_side = combined([member.stems for member in link.side(on_left)])
    other_side = combined([member.stems for member in link.side(not on_left)])
    if _holds_own_part(item, own_side, other_side):
        return True
    return shared(item.stems, other_side - own_side) >= JOIN_SHARED_STEMS and dice(
        own_side + item.stems, other_side
    ) > dice(own_side, other_side)


def sentence_neighbours(sections: Iterable[list[Features]]) -> dict[int, tuple[Features | None, Features | None]]:
    """For each sentence (by `id`), the sentence before it and the one after it in its section (None at the ends)."""
    result: dict[int, tuple[Features | None, Features | None]] = {}
    for items in sections:
        for position, item in enumerate(items):
            before = items[position - 1] if position else None
            after = items[position + 1] if position + 1 < len(items) else None
            result[id(item)] = (before, after)
    return result
