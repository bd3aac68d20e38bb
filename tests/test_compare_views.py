"""Helpers for showing a comparison: changed words per paragraph, a paragraph's counterpart, status counts."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from bluebook_tui.compare import Alignment, align_editions, paragraphs
from bluebook_tui.compare.views import Span, paragraph_counterpart, paragraph_marks, route_to_other, status_counts
from tests.compare_support import edition


def unmarked(text: str, marks: list[list[Span]]) -> str:
    """The text's paragraphs with their marked spans cut out, all whitespace dropped."""
    kept = []
    for paragraph, spans in zip(paragraphs(text), marks, strict=True):
        at = 0
        for start, end in spans:
            kept.append(paragraph[at:start])
            at = end
        kept.append(paragraph[at:])
    return re.sub(r"\s", "", "".join(kept))


def marked(text: str, marks: list[list[Span]]) -> list[str]:
    return [
        paragraph[start:end] for paragraph, spans in zip(paragraphs(text), marks, strict=True) for start, end in spans
    ]


texts = st.lists(
    st.sampled_from(["Japan", "security", "the", "sea", "piracy", "cyber", ".", ",", " ", "\n\n", "\n"]), max_size=40
).map("".join)


@given(texts, texts)
def test_what_is_left_unmarked_is_the_same_on_both_sides(left: str, right: str) -> None:
    left_marks, right_marks = paragraph_marks(left, right)
    assert len(left_marks) == len(paragraphs(left)) and len(right_marks) == len(paragraphs(right))
    assert unmarked(left, left_marks) == unmarked(right, right_marks)
    for text, marks in ((left, left_marks), (right, right_marks)):
        for paragraph, spans in zip(paragraphs(text), marks, strict=True):
            assert all(0 <= start < end <= len(paragraph) for start, end in spans)
            assert all(not paragraph[start].isspace() and not paragraph[end - 1].isspace() for start, end in spans)
            assert all(first[1] <= second[0] for first, second in pairwise(spans))


def test_a_replaced_word_is_marked_on_each_side_and_nothing_else() -> None:
    left_marks, right_marks = paragraph_marks(
        "Piracy persists.\n\nThe Gulf of Aden.", "Piracy persists.\n\nThe Gulf of Guinea."
    )
    assert left_marks == [[], [(12, 16)]] and right_marks == [[], [(12, 18)]]
    assert marked("Piracy persists.\n\nThe Gulf of Aden.", left_marks) == ["Aden"]


def test_regional_security_marks_the_reworded_track_one_dialogues(alignment: Alignment) -> None:
    pair = alignment.pair_for("2016/1")
    assert pair.left and pair.right
    left_marks, right_marks = paragraph_marks(pair.left.text, pair.right.text)
    assert any("official level" in text for text in marked(pair.left.text, left_marks))
    assert any("government-to-government" in text for text in marked(pair.right.text, right_marks))


def test_a_paragraph_without_counterpart_faces_the_one_before_it() -> None:
    pairs = [(0, 0), (None, 1), (1, None), (2, 2)]
    assert paragraph_counterpart(pairs, 0, "left") == 0
    assert paragraph_counterpart(pairs, 1, "right") == 0
    assert paragraph_counterpart(pairs, 1, "left") == 0
    assert paragraph_counterpart(pairs, 2, "right") == 2
    assert paragraph_counterpart([(None, 0), (0, 1)], 0, "right") == 0  # nothing before: the one after
    assert paragraph_counterpart([(0, None)], 0, "left") is None
    assert paragraph_counterpart(pairs, 7, "left") is None


def test_status_counts_cover_every_pair_and_every_status() -> None:
    old = edition("2016", "## (1) Space\n\nDebris.\n\n## (2) Piracy\n\nAden.\n\n## (3) Arms\n\nExports of arms.\n")
    new = edition(
        "2022", "## (1) Space\n\nDebris.\n\n## (2) Arms\n\nExports of arms rose.\n\n## (3) Cyber\n\nWannaCry.\n"
    )
    pairs = align_editions(old, new).pairs
    assert status_counts(pairs) == {"unchanged": 1, "changed": 1, "added": 1, "removed": 1, "merged": 0, "split": 0}
    assert list(status_counts([])) == ["unchanged", "changed", "added", "removed", "merged", "split"]


def test_the_way_to_the_other_edition_is_the_counterpart_or_where_the_text_went(alignment: Alignment) -> None:
    library_section = {
        section.id: section for edition in (alignment.left, alignment.right) for section in edition.walk()
    }
    cyber = route_to_other(alignment, library_section["2016/5"])
    assert cyber.section is not None and cyber.section.id == "2022/3" and cyber.notice is None
    # 2016's "current status" of the oceans has no section of its own in 2022: its text went into (4) B.
    merged = route_to_other(alignment, library_section["2016/4.B.a.current-status-of"])
    assert merged.section is not None and merged.section.id == "2022/4.B.B"
    assert merged.notice is not None and "no section of its own in 2022; its text went into this one" in merged.notice
    # 2016's (c), a heading 2022 dropped over two parts that it kept: the first part's counterpart.
    dropped = route_to_other(alignment, library_section["2016/4.A.c"])
    assert dropped.section is not None and dropped.section.edition == "2022"
    assert dropped.notice is not None and "no heading of its own in 2022; a. Situations surrounding" in dropped.notice
    back = route_to_other(alignment, dropped.section)
    assert back.section is not None and back.section.edition == "2016"
