"""Word diffs: exact on both sides, readable, and on every aligned pair of the real editions."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from bluebook_tui.compare import Alignment, DiffOp, word_diff

_WORD = re.compile(r"[^\W_]+")


def rebuilt(ops: list[DiffOp]) -> tuple[str, str]:
    left = "".join(op.text for op in ops if op.op != "insert")
    right = "".join(op.text for op in ops if op.op != "delete")
    return left, right


def one_word_runs_between_changes(ops: list[DiffOp]) -> list[str]:
    """Equal runs of at most one word sitting between two changes: the confetti a reader cannot follow."""
    return [
        op.text
        for before, op, after in zip(ops, ops[1:], ops[2:], strict=False)
        if op.op == "equal" and before.op != "equal" and after.op != "equal" and len(_WORD.findall(op.text)) <= 1
    ]


def test_a_replaced_word_between_shared_text() -> None:
    assert word_diff("the quick brown fox", "the quick red fox") == [
        DiffOp("equal", "the quick "),
        DiffOp("delete", "brown"),
        DiffOp("insert", "red"),
        DiffOp("equal", " fox"),
    ]


def test_a_lone_shared_word_between_changes_joins_them() -> None:
    assert word_diff("alpha beta gamma delta", "alpha BETA gamma DELTA") == [
        DiffOp("equal", "alpha "),
        DiffOp("delete", "beta gamma delta"),
        DiffOp("insert", "BETA gamma DELTA"),
    ]


def test_a_longer_shared_run_between_changes_stays_shared() -> None:
    ops = word_diff("one two three four five six", "ONE two three four five SIX")
    assert DiffOp("equal", " two three four five ") in ops


def test_a_word_kept_before_changed_punctuation_stays_unmarked() -> None:
    # 2016/6 → 2022/5: "(ASAT) tests, collisions of satellites soon has posed" → "tests and satellite collisions".
    left, right = "(ASAT) tests, collisions of satellites soon", "(ASAT) tests and satellite collisions"
    for ignore in ((), ("spelling",)):
        assert word_diff(left, right, ignore)[:2] == [
            DiffOp("equal", "(ASAT) tests"),
            DiffOp("delete", ", collisions of satellites soon"),
        ]


def test_spacing_around_a_change_stays_outside_it() -> None:
    assert word_diff("the  colour red", "the color red") == [
        DiffOp("equal", "the "),
        DiffOp("delete", " colour"),
        DiffOp("insert", "color"),
        DiffOp("equal", " red"),
    ]


def test_whitespace_changes_are_kept_exactly() -> None:
    left, right = "Japan  supports\nASEAN.", "Japan supports ASEAN.\n"
    assert rebuilt(word_diff(left, right)) == (left, right)


def test_identical_and_empty_texts() -> None:
    assert word_diff("same text", "same text") == [DiffOp("equal", "same text")]
    assert word_diff("", "new text") == [DiffOp("insert", "new text")]
    assert word_diff("old text", "") == [DiffOp("delete", "old text")]
    assert word_diff("", "") == []


def test_every_aligned_pair_of_the_real_editions_rebuilds_both_texts(alignment: Alignment) -> None:
    paired = [pair for pair in alignment.pairs if pair.left and pair.right]
    assert len(paired) == 30  # as many as the careful reading in test_compare_alignment pairs
    for pair in paired:
        assert pair.left and pair.right
        ops = word_diff(pair.left.text, pair.right.text)
        assert rebuilt(ops) == (pair.left.text, pair.right.text), pair.left.id
        assert one_word_runs_between_changes(ops) == [], pair.left.id


def test_a_real_diff_shows_the_rewording_of_the_asia_piracy_part(alignment: Alignment) -> None:
    pair = alignment.pair_for("2016/4.B.b")
    assert pair.left and pair.right
    ops = word_diff(pair.left.text, pair.right.text)
    # 2016 misspelt the agreement's name ("Combating Privacy"); 2022 corrected it.
    assert any(op.op == "delete" and "Privacy" in op.text for op in ops)
    assert any(op.op == "insert" and "Piracy" in op.text for op in ops)
    assert any(op.op == "equal" and "Regional Cooperation Agreement on Combating" in op.text for op in ops)


_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["Japan", "ASEAN", "sea", "piracy", "order", "the", "of", "2015", "U.S.", "’s", "counter-"]),
        st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "\t"]),
        st.text(min_size=1, max_size=3),
    ),
    max_size=40,
).map("".join)


@given(_TEXT, _TEXT)
def test_diff_rebuilds_both_sides_exactly(left: str, right: str) -> None:
    assert rebuilt(word_diff(left, right)) == (left, right)


@given(_TEXT, _TEXT)
def test_diff_has_no_confetti(left: str, right: str) -> None:
    ops = word_diff(left, right)
    assert one_word_runs_between_changes(ops) == []
    # Runs alternate: never two runs of the same kind side by side, never an empty run.
    assert all(op.text for op in ops)
    assert all(a.op != b.op for a, b in pairwise(ops))
