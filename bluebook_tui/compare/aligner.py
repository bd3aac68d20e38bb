"""The work of aligning two editions, step by step (what it finds is described in `alignment`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from bluebook_tui.compare.alignment import Alignment, Flag, SectionPair, SentenceStatus, SentenceTrace, Status
from bluebook_tui.compare.flows import Flows
from bluebook_tui.compare.likeness import Features, features, normalised_text
from bluebook_tui.compare.section_matching import SectionMatcher
from bluebook_tui.compare.sentence_links import Linker, sentence_neighbours
from bluebook_tui.compare.sentences import section_sentences
from bluebook_tui.compare.similarity import (
    label_position,
    profiles,
    subtree_text,
    text_similarity,
    title_similarity,
    title_words,
)
from bluebook_tui.compare.tfidf import TfIdf
from bluebook_tui.library import Edition, Section

# A section left unpaired is merged into (or split from) the section of the other edition that holds the most of
# its words (counted in its sentences linked there) when that is at least this share of them.
MOVED_TEXT_SHARE = 0.25
# Or at least this share, when the section is the counterpart of its parent's counterpart (see `_Home.takes_in`).
EXPECTED_HOME_SHARE = 0.1
# A pair is flagged `split` or `drawn-from` when its section also sent text to (or took text from) another section:
# at least this share of its words, in two sentences or more.
SIDE_FLOW_SHARE = 0.15
SIDE_FLOW_SENTENCES = 2


class Aligner:
    """One alignment, worked out step by step."""

    def __init__(self, left: Edition, right: Edition) -> None:
        self.left_edition, self.right_edition = left, right
        self.left_sections, self.right_sections = list(left.walk()), list(right.walk())
        self.sections = {section.id: section for section in [*self.left_sections, *self.right_sections]}
        self.left_features = _features_by_section(self.left_sections)
        self.right_features = _features_by_section(self.right_sections)
        self.linker = Linker(
            _flat(self.left_features, self.left_sections), _flat(self.right_features, self.right_sections)
        )
        self.words = {
            **{section.id: _words(self.left_features[section.id]) for section in self.left_sections},
            **{section.id: _words(self.right_features[section.id]) for section in self.right_sections},
        }
        self.merged_into: dict[str, Section] = {}  # left id -> right section
        self.split_from: dict[str, Section] = {}  # right id -> left section

    def run(self) -> Alignment:
        self.linker.link_anywhere()
        matcher = self._match_sections(Flows.of(self.linker.links, self.sections))
        self._place_unpaired(matcher)
        pools = [(self._pooled(target, matcher), self.right_features[target.id]) for target in self.right_sections]
        pools += [
            (self.left_features[source.id], self.right_features[target_id])
            for target_id, source in self.split_from.items()
        ]
        for lefts, rights in pools:
            self.linker.link_in_section(lefts, rights)
        for lefts, rights in pools:
            self.linker.link_in_place(lefts, rights)
        for source, target in self._moved_between(matcher):
            # A moved sentence often took its neighbours along: look for them where it went, in reading order.
            self.linker.link_in_place(self.left_features[source], self.right_features[target])
        self.linker.join_neighbours(sentence_neighbours([*self.left_features.values(), *self.right_features.values()]))
        flows = Flows.of(self.linker.links, self.sections)
        pairs = tuple(self._ordered_pairs(matcher, flows))
        return Alignment(self.left_edition, self.right_edition, pairs, self._traces(pairs))

    # Sections -----------------------------------------------------------------------------------------------

    def _match_sections(self, flows: Flows) -> SectionMatcher:
        model = TfIdf(subtree_text(section) for section in [*self.left_sections, *self.right_sections])

        def carried(left: Section, right: Section) -> float:
            total = self._subtree_words(left) + self._subtree_words(right)
            return 2 * flows.between(left, right, subtree=True) / total if total else 0.0

        left_profiles, right_profiles = profiles(self.left_sections, model), profiles(self.right_sections, model)
        self.profiles = {profile.section.id: profile for profile in [*left_profiles, *right_profiles]}
        matcher = SectionMatcher(left_profiles, right_profiles, carried)
        matcher.run(self.left_edition.sections, self.right_edition.sections)
        return matcher

    def _subtree_words(self, section: Section) -> int:
        return sum(self.words[node.id] for node in section.walk())

    def _place_unpaired(self, matcher: SectionMatcher) -> None:
        """Pair, merge or split off each unpaired section with text, by where its sentences would link."""
        for section in self.left_sections:
            if matcher.is_paired(section) or not self.words[section.id]:
                continue
            home = self._best_home(section, matcher, on_left=True)
            if home is None:
                continue
            if not matcher.is_paired(home.section) and home.share_there >= MOVED_TEXT_SHARE:
                matcher.pair(section, home.section)
            elif matcher.is_paired(home.section) and home.takes_in:
                self.merged_into[section.id] = home.section
        for section in self.right_sections:
            if matcher.is_paired(section) or not self.words[section.id]:
                continue
            home = self._best_home(section, matcher, on_left=False)
            if home is not None and matcher.is_paired(home.section) and home.takes_in:
                self.split_from[section.id] = home.section

    def _candidate_homes(
        self, section: Section, matcher: SectionMatcher, *, on_left: bool
    ) -> tuple[list[Section], Section | None]:
        """Sections of the other edition this one's text may have gone to: those its anchored sentences link
        into, and the counterpart of its nearest paired ancestor (also given apart: where it would be expected)."""
        homes: dict[str, Section] = {}
        own = self.left_features[section.id] if on_left else self.right_features[section.id]
        for item in own:
            link = self.linker.linked(item)
            if link is not None:
                other = link.side(not on_left)[0].sentence.section_id
                homes.setdefault(other, self.sections[other])
        node = section.parent
        while node is not None and not matcher.is_paired(node):
            node = node.parent
        expected = _paired_with(matcher, node, on_left=on_left) if node is not None else None
        if expected is not None:
            homes.setdefault(expected.id, expected)
        return list(homes.values()), expected

    def _best_home(self, section: Section, matcher: SectionMatcher, *, on_left: bool) -> _Home | None:
        """The section of the other edition that would take in the most of this section's words."""
        homes, expected = self._candidate_homes(section, matcher, on_left=on_left)
        own = self.left_features[section.id] if on_left else self.right_features[section.id]
        best: _Home | None = None
        best_words = 0
        for home in homes:
            theirs = self.right_features[home.id] if on_left else self.left_features[home.id]
            words, strong = self.linker.words_linkable(own, theirs, on_left=on_left)
            if words > best_words:
                best_words = words
                there = words / self.words[home.id] if self.words[home.id] else 0.0
                best = _Home(home, words / self.words[section.id], there, strong, home is expected)
        return best

    def _moved_between(self, matcher: SectionMatcher) -> list[tuple[str, str]]:
        """The (left id, right id) of the sections a sentence was linked between, though neither is the other's
        home (pair, merge or split): where text moved, in reading order of the left."""
        found: dict[tuple[str, str], None] = {}
        for link in self.linker.links:
            source, target = link.left[0].sentence.section_id, link.right[0].sentence.section_id
            match = matcher.matches.get(source)
            home = match is not None and match.section.id == target
            merged = (into := self.merged_into.get(source)) is not None and into.id == target
            split = (origin := self.split_from.get(target)) is not None and origin.id == source
            if not (home or merged or split):
                found[source, target] = None
        return sorted(found, key=lambda key: (self.left_features[key[0]][0].order, key[1]))

    def _pooled(self, target: Section, matcher: SectionMatcher) -> list[Features]:
        """The left sentences whose home is this right section, in reading order: its pair's and those merged in."""
        sources = [
            section
            for section in self.left_sections
            if ((match := matcher.matches.get(section.id)) is not None and match.section is target)
            or self.merged_into.get(section.id) is target
        ]
        return [item for source in sources for item in self.left_features[source.id]]

    def _ordered_pairs(self, matcher: SectionMatcher, flows: Flows) -> list[SectionPair]:
        """Pairs in the right edition's reading order, each removed section placed after what preceded it."""
        left_of = {right.section.id: self.sections[left_id] for left_id, right in matcher.matches.items()}
        paired = left_of.keys() | matcher.matches.keys()
        ordered = [
            self._pair(left_of[section.id], section, flows)
            if section.id in left_of
            else self._unpaired(None, section, flows, paired)
            for section in self.right_sections
        ]
        for index, section in enumerate(self.left_sections):
            if section.id not in matcher.matches:
                at = _insertion_point(ordered, self.left_sections[index - 1] if index else None, section)
                ordered.insert(at, self._unpaired(section, None, flows, paired))
        return ordered

    def _pair(self, left: Section, right: Section, flows: Flows) -> SectionPair:
        through_subtree = not self.words[left.id] or not self.words[right.id]
        # The same words, as for sentences: spacing, quote style and footnote numbers aside.
        same_text = normalised_text(subtree_text(left)) == normalised_text(subtree_text(right))
        left_profile, right_profile = self.profiles[left.id], self.profiles[right.id]
        if same_text:
            similarity = 1.0
        elif left_profile.text_vector or right_profile.text_vector:
            similarity = text_similarity(left_profile, right_profile)
        else:
            similarity = title_similarity(left_profile, right_profile)
        flags: list[Flag] = []
        if label_position(left) != label_position(right):
            flags.append("renumbered")
        if title_words(left) != title_words(right):
            flags.append("retitled")
        carried = self._carried(left, right, flows, through_subtree=through_subtree)
        if self._sends_elsewhere(left, right, flows):
            flags.append("split")
        if self._takes_from_elsewhere(left, right, flows):
            flags.append("drawn-from")
        return SectionPair(
            left,
            right,
            round(similarity, 3),
            "unchanged" if same_text else "changed",
            tuple(flags),
            carried,
            flows.involving(left, right),
            through_subtree=through_subtree,
        )

    def _unpaired(
        self, left: Section | None, right: Section | None, flows: Flows, paired: Collection[str]
    ) -> SectionPair:
        section = left or right
        assert section is not None
        flags: tuple[Flag, ...] = ()
        if not self.words[section.id] and any(part.id in paired for part in list(section.walk())[1:]):
            flags = ("parts-paired",)
        if left is not None:
            destination = self.merged_into.get(left.id)
            status: Status = "merged" if destination is not None else "removed"
        else:
            assert right is not None
            destination = self.split_from.get(right.id)
            status = "split" if destination is not None else "added"
        carried = (0.0, 0.0)
        if destination is not None:
            source, target = (left, destination) if left is not None else (destination, right)
            assert source is not None and target is not None
            carried = self._carried(source, target, flows, through_subtree=False)
        return SectionPair(left, right, 0.0, status, flags, carried, flows.involving(left, right), destination)

    def _carried(self, left: Section, right: Section, flows: Flows, *, through_subtree: bool) -> tuple[float, float]:
        words = flows.between(left, right, subtree=through_subtree)
        left_words = self._subtree_words(left) if through_subtree else self.words[left.id]
        right_words = self._subtree_words(right) if through_subtree else self.words[right.id]
        return (
            round(words / left_words, 3) if left_words else 0.0,
            round(words / right_words, 3) if right_words else 0.0,
        )

    def _sends_elsewhere(self, left: Section, right: Section, flows: Flows) -> bool:
        """Whether part of the left's text went outside the right's subtree: to a section split off it, or (two
        sentences and a share of its words or more) to any other."""
        if any(source is left for source in self.split_from.values()):
            return True
        return any(
            not self.sections[target].is_within(right)
            and words >= SIDE_FLOW_SHARE * self.words[left.id]
            and flows.sentences[left.id, target] >= SIDE_FLOW_SENTENCES
            for target, words in flows.out_of(left.id).items()
        )

    def _takes_from_elsewhere(self, left: Section, right: Section, flows: Flows) -> bool:
        """Whether the right took text from outside the left's subtree: from a section merged into it, or (two
        sentences and a share of its words or more) from any other."""
        if any(
            target is right and not self.sections[source].is_within(left) for source, target in self.merged_into.items()
        ):
            return True
        return any(
            not self.sections[source].is_within(left)
            and words >= SIDE_FLOW_SHARE * self.words[right.id]
            and flows.sentences[source, right.id] >= SIDE_FLOW_SENTENCES
            for source, words in flows.into(right.id).items()
        )

    # Sentences ----------------------------------------------------------------------------------------------

    def _traces(self, pairs: Iterable[SectionPair]) -> dict[str, tuple[SentenceTrace, ...]]:
        homes: dict[str, set[str]] = {}  # section id -> the ids of the other edition's sections it belongs with
        for pair in pairs:
            for mine, theirs in (
                (pair.left, pair.right or pair.destination),
                (pair.right, pair.left or pair.destination),
            ):
                if mine is not None:
                    homes.setdefault(mine.id, set())
                    if theirs is not None:
                        homes[mine.id].add(theirs.id)
                        homes.setdefault(theirs.id, set()).add(mine.id)
        traces: dict[str, tuple[SentenceTrace, ...]] = {}
        for sections, feature_map, on_left in (
            (self.left_sections, self.left_features, True),
            (self.right_sections, self.right_features, False),
        ):
            other_edition = self.right_edition.id if on_left else self.left_edition.id
            for section in sections:
                traces[section.id] = tuple(
                    self._trace(item, on_left, other_edition, homes[section.id]) for item in feature_map[section.id]
                )
        return traces

    def _trace(self, item: Features, on_left: bool, other_edition: str, homes: set[str]) -> SentenceTrace:
        link = self.linker.linked(item)
        sentence = item.sentence
        if link is None:
            status: SentenceStatus = "new" if sentence.edition > other_edition else "removed"
            return SentenceTrace(sentence, status, (), 0.0, moved=False)
        counterparts = tuple(member.sentence for member in (link.right if on_left else link.left))
        return SentenceTrace(
            sentence,
            "unchanged" if link.unchanged else "edited",
            counterparts,
            round(link.similarity, 3),
            moved=counterparts[0].section_id not in homes,
        )


@dataclass(frozen=True)
class _Home:
    """Where an unpaired section's text would go: the section, the share of this section's words and of the home's
    own that its linked sentences would be, whether one of them is a copy or close rewrite, and whether the home is
    the counterpart of this section's nearest paired ancestor (where its text would be looked for)."""

    section: Section
    share_here: float
    share_there: float
    strong: bool
    expected: bool

    @property
    def takes_in(self) -> bool:
        """Whether this section is merged into (or split off) the home: a share of its words, or where it would be
        expected, a smaller share with one close rewrite among them (a run-in part whose heading went)."""
        if self.share_here >= MOVED_TEXT_SHARE:
            return True
        return self.expected and self.strong and self.share_here >= EXPECTED_HOME_SHARE


def _features_by_section(sections: Sequence[Section]) -> dict[str, list[Features]]:
    by_section: dict[str, list[Features]] = {}
    order = 0
    for section in sections:
        items = []
        for sentence in section_sentences(section):
            items.append(features(sentence, order))
            order += 1
        by_section[section.id] = items
    return by_section


def _flat(by_section: dict[str, list[Features]], sections: Sequence[Section]) -> list[Features]:
    return [item for section in sections for item in by_section[section.id]]


def _words(items: Iterable[Features]) -> int:
    return sum(item.size for item in items)


def _paired_with(matcher: SectionMatcher, section: Section, *, on_left: bool) -> Section | None:
    if on_left:
        match = matcher.matches.get(section.id)
        return match.section if match is not None else None
    return next(
        (matcher.left[left_id].section for left_id, right in matcher.matches.items() if right.section is section),
        None,
    )


def _insertion_point(ordered: list[SectionPair], previous: Section | None, section: Section) -> int:
    """Just after the section read before it; past what was added under that one's counterpart."""
    if previous is None:
        return 0
    at = next(index for index, pair in enumerate(ordered) if pair.left is previous) + 1
    counterpart = ordered[at - 1].right
    if previous is section.parent or counterpart is None:
        return at
    while (
        at < len(ordered)
        and (below := ordered[at].right) is not None
        and below is not counterpart
        and below.is_within(counterpart)
    ):
        at += 1
    return at
