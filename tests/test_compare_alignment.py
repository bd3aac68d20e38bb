"""Alignment of the two real editions, checked against pairings written down from reading both books."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bluebook_tui.compare import Alignment, align_editions
from bluebook_tui.library import Library, UnknownSectionError
from tests.compare_support import edition

# Every 2016 section and its 2022 counterpart (None: no counterpart), from reading both texts side by side.
COUNTERPARTS_2016 = {
    "2016/1": "2022/1",  # (1) Regional Security
    "2016/2": "2022/6",  # (2) → (6) Peacekeeping and Peacebuilding
    "2016/2.A": "2022/6.A",  # A. On-the-Ground Initiatives
    "2016/2.A.a": "2022/6.A.A",  # (a) UN peacekeeping operations → (A) UN Peacekeeping Operations (UN PKO)
    "2016/2.A.b": "2022/6.A.B",  # (b) ODA and other cooperation to facilitate peacebuilding
    "2016/2.A.b.1": None,  # (1) Afghanistan: 2022 has no Afghanistan part (its "a. Middle East" is Syria etc.)
    "2016/2.A.b.2": "2022/6.A.B.b",  # (2) Africa → b. Africa
    "2016/2.B": "2022/6.B",  # B. Initiatives within the UN → B … (Peacebuilding)
    "2016/2.B.1": None,  # (1) UN Peacekeeping Operations (the PKO Summit): gone
    "2016/2.B.2": None,  # (2) UN Peacebuilding Commission: folded into 2022's B, which has no subsections
    "2016/2.C": "2022/6.C",  # C. Human Resource Development
    "2016/2.C.1": "2022/6.C.A",  # (1) → (A) Program for Global Human Resource Development …
    "2016/2.C.2": "2022/6.C.B",  # (2) Training for United Nations Peacekeepers → (B) … of Various Countries
    "2016/3": "2022/7",  # (3) → (7) Initiatives to Combat Security Threats
    "2016/3.A": "2022/7.A",  # A. Counter-terrorism Measures → A Countering Terrorism and Violent Extremism
    "2016/3.B": "2022/7.B",  # B. Criminal Justice Initiatives
    "2016/3.C": "2022/7.C",  # C. Anti-corruption measures
    "2016/3.D": "2022/7.D",  # D. Money Laundering and the Financing of Terrorism
    "2016/3.E": "2022/7.E",  # E. Trafficking in Persons (→ … and Smuggling of Migrants)
    "2016/3.E.col1": None,  # column on the African Rapid Deployment of Engineering Capabilities
    "2016/3.F": "2022/7.F",  # F. Illicit Drug Trafficking
    "2016/4": "2022/4",  # (4) The Oceans and Seas
    "2016/4.A": "2022/4.A",  # A. Order at Sea
    "2016/4.A.a": None,  # (a) importance of order at sea: its text moved into 2022's (4) introduction
    "2016/4.A.b": "2022/4.A.B",  # (b) UNCLOS
    "2016/4.A.c": None,  # (c) A Challenge to the Maritime Order: a bare heading 2022 dropped …
    "2016/4.A.c.a": "2022/4.A.C",  # … its a. East China Sea is now (C) …
    "2016/4.A.c.b": "2022/4.A.D",  # … and its b. South China Sea (D)
    "2016/4.B": "2022/4.B",  # B. Maritime Security → B Ensuring Safe Maritime Transport
    "2016/4.B.a": "2022/4.B.B",  # (a) off Somalia and in the Gulf of Aden → (B) Counter-piracy … Somalia …
    "2016/4.B.a.current-status-of": None,  # the three run-in headings under (a); 2022's (B) has none
    "2016/4.B.a.extension-of-anti": None,
    "2016/4.B.a.promotion-of-international": None,
    "2016/4.B.b": "2022/4.B.A",  # (b) Anti-piracy measures in Asia → (A) Counter-piracy Measures in Asia
    "2016/5": "2022/3",  # (5) → (3) Cyber
    "2016/6": "2022/5",  # (6) → (5) Outer Space
    "2016/6.A": "2022/5.A",  # A. International Rule-making → A Realizing the Rule of Law in Outer Space
    "2016/6.B": "2022/5.B",  # B. International Dialogues and Consultations on Outer Space
    "2016/6.C": "2022/5.C",  # C. Space Science and Exploration, … → C Space Science and Exploration
}
ADDED_2022 = {
    "2022/1.col1",  # column: youth exchange programme
    "2022/2",  # (2) Economic Security and all its parts
    "2022/2.A",
    "2022/2.B",
    "2022/2.C",
    "2022/2.D",
    "2022/2.E",
    "2022/4.A.A",  # (A) Basic Stance
    "2022/4.B.C",  # (C) Counter-piracy Measures in the Gulf of Guinea
    "2022/4.C",  # C Cooperation on Maritime Security
    "2022/4.C.A",
    "2022/4.C.B",
    "2022/5.B.col1",  # column: chairing the COPUOS Legal Subcommittee
    "2022/5.D",  # D International Cooperation through the Utilization of Space Technology
    "2022/6.A.B.a",  # a. Middle East
    "2022/7.A.col1",  # column: a peacebuilding programme participant in Nigeria
}


def test_every_2016_section_pairs_as_a_careful_reader_would(alignment: Alignment) -> None:
    found = {}
    for section_id in COUNTERPARTS_2016:
        counterpart = alignment.counterpart(section_id)
        found[section_id] = counterpart.id if counterpart else None
    assert found == COUNTERPARTS_2016


def test_the_new_topics_of_2022_are_marked_added(alignment: Alignment) -> None:
    added = {pair.right.id for pair in alignment.pairs if pair.status == "added" and pair.right}
    assert added == ADDED_2022
    assert all(pair.left is None for pair in alignment.pairs if pair.status == "added")


def test_counterparts_work_from_either_side(alignment: Alignment) -> None:
    outer_space_2022 = alignment.counterpart("2016/6")
    assert outer_space_2022 is not None and outer_space_2022.heading == "(5) Outer Space"
    outer_space_2016 = alignment.counterpart("2022/5")
    assert outer_space_2016 is not None and outer_space_2016.heading == "(6) Outer Space"
    assert alignment.counterpart("2022/2") is None


def test_every_section_of_both_editions_is_in_exactly_one_pair(alignment: Alignment, library: Library) -> None:
    left_ids = [pair.left.id for pair in alignment.pairs if pair.left]
    right_ids = [pair.right.id for pair in alignment.pairs if pair.right]
    assert sorted(left_ids) == sorted(section.id for section in library.edition("2016").walk())
    assert sorted(right_ids) == sorted(section.id for section in library.edition("2022").walk())


def test_pairs_follow_2022_with_removed_sections_where_they_stood(alignment: Alignment, library: Library) -> None:
    right_ids = [pair.right.id for pair in alignment.pairs if pair.right]
    assert right_ids == [section.id for section in library.edition("2022").walk()]
    order = [pair.left.id if pair.left else pair.right.id for pair in alignment.pairs if pair.left or pair.right]
    # The dropped "(c) A Challenge to the Maritime Order" stands after (b) UNCLOS and before its own parts.
    assert order.index("2016/4.A.b") < order.index("2016/4.A.c") < order.index("2016/4.A.c.a")
    # Afghanistan stood before Africa, within (b) ODA.
    assert order.index("2016/2.A.b") < order.index("2016/2.A.b.1") < order.index("2016/2.A.b.2")


@pytest.mark.parametrize(
    ("section_id", "flags"),
    [
        ("2016/1", ()),
        ("2016/2", ("renumbered",)),  # (2) → (6), same title
        ("2016/4.B", ("retitled",)),  # B. Maritime Security → B Ensuring Safe Maritime Transport
        ("2016/4.B.b", ("renumbered", "retitled")),  # (b) Anti-piracy … Asia → (A) Counter-piracy … Asia
        ("2016/3.C", ()),  # "measures" → "Measures" is not a new title
        ("2016/4.A.b", ("retitled",)),
        ("2016/6.A", ("retitled",)),
    ],
)
def test_flags_say_what_changed_in_the_heading(alignment: Alignment, section_id: str, flags: tuple[str, ...]) -> None:
    assert alignment.pair_for(section_id).flags == flags


def test_a_change_of_numbering_style_alone_is_not_a_renumbering(alignment: Alignment) -> None:
    # (a) → (A) keeps its place as the first item.
    assert "renumbered" not in alignment.pair_for("2016/2.A.a").flags


def test_status_and_similarity(alignment: Alignment) -> None:
    for pair in alignment.pairs:
        assert 0.0 <= pair.similarity <= 1.0
        assert (pair.left is None) == (pair.status in ("added", "split"))
        assert (pair.right is None) == (pair.status in ("removed", "merged"))
        assert (pair.destination is not None) == (pair.status in ("merged", "split"))
    # Every paired section of the real books was reworded between 2016 and 2022.
    assert {pair.status for pair in alignment.pairs if pair.left and pair.right} == {"changed"}
    # The sections whose text went into another rather than away: the piracy parts and the PBC.
    merged = {pair.left.id: pair.destination.id for pair in alignment.pairs if pair.left and pair.destination}
    assert merged == {
        "2016/4.B.a.current-status-of": "2022/4.B.B",
        "2016/4.B.a.extension-of-anti": "2022/4.B.B",
        "2016/4.B.a.promotion-of-international": "2022/4.B.B",
        "2016/2.B.2": "2022/6.B",
    }


def test_closer_texts_score_higher(alignment: Alignment) -> None:
    # 2022's Somalia part keeps most of 2016's; 2022's Africa part was rewritten around new programmes.
    assert alignment.pair_for("2016/4.B.a").similarity > alignment.pair_for("2016/2.A.b.2").similarity
    assert alignment.pair_for("2016/4.B.a").carried_over[0] > 5 * alignment.pair_for("2016/2.A.b.2").carried_over[0]


def test_alignment_is_deterministic(library: Library, alignment: Alignment) -> None:
    again = align_editions(library.edition("2016"), library.edition("2022"))
    assert [(p.left and p.left.id, p.right and p.right.id, p.similarity) for p in again.pairs] == [
        (p.left and p.left.id, p.right and p.right.id, p.similarity) for p in alignment.pairs
    ]


def test_aligning_the_other_way_round_pairs_the_same_sections(library: Library, alignment: Alignment) -> None:
    backwards = align_editions(library.edition("2022"), library.edition("2016"))
    forwards = {(p.left.id, p.right.id) for p in alignment.pairs if p.left and p.right}
    assert {(p.right.id, p.left.id) for p in backwards.pairs if p.left and p.right} == forwards
    assert {p.left.id for p in backwards.pairs if p.status == "removed" and p.left} == ADDED_2022
    # What was merged one way round was split off the other.
    assert {p.right.id for p in backwards.pairs if p.status == "split" and p.right} == {
        p.left.id for p in alignment.pairs if p.status == "merged" and p.left
    }


def test_an_edition_against_itself_is_unchanged_throughout(library: Library) -> None:
    same = align_editions(library.edition("2016"), library.edition("2016"))
    assert all(p.left is p.right and p.status == "unchanged" and p.similarity == 1.0 for p in same.pairs)
    assert all(p.flags == () for p in same.pairs)


def test_an_unknown_section_is_a_clear_error(alignment: Alignment) -> None:
    with pytest.raises(UnknownSectionError, match="2016/9"):
        alignment.pair_for("2016/9")


OLD = """## (1) Cyber

Cyber attacks are expanding and state-sponsored attacks threaten critical infrastructure.

## (2) Outer Space

Space debris and anti-satellite tests threaten the sustainable use of outer space.

### A. Rules for Outer Space

Japan joins discussions on an international code of conduct for outer space activities.

## (3) Regional Security

The regional security environment is severe; Japan strengthens its alliance.
"""

NEW = """## (1) Regional Security

The regional security environment is severe; Japan strengthens its alliance.

## (2) Outer Space

Space debris and anti-satellite tests increasingly threaten the sustainable use of outer space.

## (3) Economic Security

Supply chains of semiconductors and critical minerals must be made resilient.

### A. The Rule of Law in Space

Japan joins discussions on an international code of conduct for outer space activities.
"""


def test_small_editions_pair_moved_unchanged_and_new_sections() -> None:
    alignment = align_editions(edition("2016", OLD), edition("2022", NEW))
    security = alignment.pair_for("2016/3")
    assert security.right is not None and security.right.id == "2022/1"
    assert (security.status, security.similarity, security.flags) == ("unchanged", 1.0, ("renumbered",))
    space = alignment.pair_for("2016/2")
    assert space.right is not None and space.right.id == "2022/2"
    assert space.status == "changed" and 0.0 < space.similarity < 1.0
    assert alignment.pair_for("2022/3").status == "added"
    assert alignment.pair_for("2016/1").status == "removed"


def test_a_section_moved_under_another_parent_still_finds_its_counterpart() -> None:
    alignment = align_editions(edition("2016", OLD), edition("2022", NEW))
    rules = alignment.counterpart("2016/2.A")
    assert rules is not None and rules.id == "2022/3.A"
    assert alignment.pair_for("2016/2.A").flags == ("retitled",)


_WORDS = ["order", "sea", "piracy", "space", "cyber", "security", "Japan", "ASEAN", "debris", "trade", "peace"]


@st.composite
def _editions_body(draw: st.DrawFn) -> str:
    """Markdown for a random section tree: headings nest at most one level deeper than the one before."""
    lines, level = [], 0
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        level = draw(st.integers(min_value=1, max_value=min(level + 1, 3)))
        title = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3)))
        text = " ".join(draw(st.lists(st.sampled_from(_WORDS), max_size=12)))
        lines.append(f"{'#' * (level + 1)} {title}\n\n{text}\n")
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(_editions_body(), _editions_body())
def test_any_two_editions_align_one_to_one_in_the_right_order(old: str, new: str) -> None:
    left, right = edition("2016", old), edition("2022", new)
    alignment = align_editions(left, right)
    left_ids = [pair.left.id for pair in alignment.pairs if pair.left]
    right_ids = [pair.right.id for pair in alignment.pairs if pair.right]
    assert sorted(left_ids) == sorted(section.id for section in left.walk())
    assert right_ids == [section.id for section in right.walk()]
    for pair in alignment.pairs:
        assert 0.0 <= pair.similarity <= 1.0
        if pair.status == "unchanged":
            assert pair.similarity == 1.0
    # A removed section stands after the section read before it in its own edition.
    position = {pair.left.id: index for index, pair in enumerate(alignment.pairs) if pair.left}
    for before, section in pairwise(left.walk()):
        if alignment.pair_for(section.id).status == "removed":
            assert position[before.id] < position[section.id]
    again = align_editions(left, right)
    assert [(p.left and p.left.id, p.right and p.right.id) for p in again.pairs] == [
        (p.left and p.left.id, p.right and p.right.id) for p in alignment.pairs
    ]
