"""Paragraph pairs inside aligned sections: every paragraph once, in order, counterparts side by side."""

from __future__ import annotations

from bluebook_tui.compare import Alignment, align_editions, paragraph_pairs, paragraphs
from tests.compare_support import edition

OLD = """## (1) Cyber

Cyber attacks on pension systems stole personal information.

Japan joined the Convention on Cybercrime as the first member in Asia.

Capacity building for ASEAN incident response teams continues.
"""

NEW = """## (1) Cyber

Cyber attacks on oil pipelines and pension systems stole information.

Public attribution names and condemns the attackers behind WannaCry.

Japan promotes the Convention on Cybercrime, the first member in Asia.

Capacity building for ASEAN incident response teams continues.
"""


def test_a_new_paragraph_in_the_middle_pairs_with_nothing() -> None:
    pair = align_editions(edition("2016", OLD), edition("2022", NEW)).pair_for("2016/1")
    assert paragraph_pairs(pair) == [(0, 0), (None, 1), (1, 2), (2, 3)]


def test_added_and_removed_sections_have_one_sided_paragraphs() -> None:
    alignment = align_editions(edition("2016", OLD), edition("2022", "## (1) Space\n\nDebris.\n\nRules.\n"))
    assert paragraph_pairs(alignment.pair_for("2016/1")) == [(0, None), (1, None), (2, None)]
    assert paragraph_pairs(alignment.pair_for("2022/1")) == [(None, 0), (None, 1)]


def test_paragraphs_are_the_blocks_between_blank_lines() -> None:
    assert paragraphs("One line\nwraps here.\n\n\nTwo.\n  \nThree.") == ["One line\nwraps here.", "Two.", "Three."]


def test_every_real_pair_lists_each_paragraph_once_in_order(alignment: Alignment) -> None:
    for pair in alignment.pairs:
        pairs = paragraph_pairs(pair)
        lefts = [left for left, _ in pairs if left is not None]
        rights = [right for _, right in pairs if right is not None]
        assert lefts == list(range(len(paragraphs(pair.left.text) if pair.left else [])))
        assert rights == list(range(len(paragraphs(pair.right.text) if pair.right else [])))


def test_regional_security_paragraphs_meet_their_counterparts(alignment: Alignment) -> None:
    pair = alignment.pair_for("2016/1")
    assert pair.left and pair.right
    left, right = paragraphs(pair.left.text), paragraphs(pair.right.text)
    pairs = paragraph_pairs(pair)

    def index(blocks: list[str], opening: str) -> int:
        return next(i for i, block in enumerate(blocks) if block.startswith(opening))

    # Both books open on the worsening security environment of the Asia-Pacific …
    assert (0, 0) in pairs
    # … describe the ARF and other multilateral frameworks in one paragraph …
    assert (
        index(left, "In addition, Japan has actively participated in and contributed to multilateral"),
        index(right, "In addition, Japan has actively participated in and contributed to multilateral"),
    ) in pairs
    # … and close on track 1.5 dialogues.
    assert (
        index(left, "Furthermore, in addition to official level dialogues (track 1)"),
        index(right, "Furthermore, in addition to government-to-government dialogues (track 1)"),
    ) in pairs
