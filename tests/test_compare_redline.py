"""Redlines: sentence by sentence, exact on both sides, no shared words between sentences that are not counterparts."""

from __future__ import annotations

import re

import pytest

from bluebook_tui.compare import Alignment, align_editions, paragraphs
from bluebook_tui.compare.redline import RedlineOp, compared_text, hunks, redline
from bluebook_tui.library import Library, Section
from tests.compare_support import edition

_WORD = re.compile(r"[^\W_]")


def rebuilt(ops: tuple[RedlineOp, ...]) -> tuple[str, str]:
    return "".join(op.text for op in ops if op.op != "insert"), "".join(op.text for op in ops if op.op != "delete")


def paired(alignment: Alignment) -> list[tuple[Section, Section]]:
    return [(pair.left, pair.right) for pair in alignment.pairs if pair.left and pair.right]


@pytest.mark.parametrize("subtree", [False, True])
def test_every_pair_of_the_books_rebuilds_both_compared_texts(alignment: Alignment, subtree: bool) -> None:
    for left, right in paired(alignment):
        marked = redline(alignment, left, right, subtree=subtree)
        assert rebuilt(marked.ops) == (compared_text(left, subtree), compared_text(right, subtree)), left.id
        for op in marked.ops:
            left_paragraph, right_paragraph = op.paragraph
            assert (left_paragraph is None) == (op.op == "insert") and (right_paragraph is None) == (op.op == "delete")
        left_count, right_count = (len(paragraphs(compared_text(s, subtree))) for s in (left, right))
        assert {op.paragraph[0] for op in marked.ops} - {None} <= set(range(left_count))
        assert {op.paragraph[1] for op in marked.ops} - {None} <= set(range(right_count))


def test_shared_words_only_ever_join_counterparts(alignment: Alignment) -> None:
    """Every equal run with words in it lies in a sentence and in that sentence's counterpart: no "is one of the"
    ties a China paragraph of 2016 to a Middle East paragraph of 2022."""
    for left, right in paired(alignment):
        marked = redline(alignment, left, right, subtree=False)
        lefts, rights = _sentence_spans(alignment, left), _sentence_spans(alignment, right)
        left_at = right_at = 0
        for op in marked.ops:
            if op.op == "equal" and _WORD.search(op.text):
                start = left_at + len(op.text) - len(op.text.lstrip())
                mine = _at(lefts, start)
                theirs = _at(rights, right_at + len(op.text) - len(op.text.lstrip()))
                assert mine is not None and theirs is not None
                counterparts = {c.address for c in alignment.trace(left.id)[mine].counterparts}
                assert f"{right.id}#{theirs}" in counterparts, (left.id, op.text)
            if op.op != "insert":
                left_at += len(op.text)
            if op.op != "delete":
                right_at += len(op.text)


def _sentence_spans(alignment: Alignment, section: Section) -> list[tuple[int, int]]:
    return [(trace.sentence.start, trace.sentence.end) for trace in alignment.trace(section.id)]


def _at(spans: list[tuple[int, int]], offset: int) -> int | None:
    return next((index for index, (start, end) in enumerate(spans) if start <= offset < end), None)


def test_regional_security_reads_as_an_editors_marks(alignment: Alignment) -> None:
    marked = redline(alignment, *paired(alignment)[0])
    assert marked.left.id == "2016/1"
    kept = [op.text for op in marked.ops if op.op == "equal" and _WORD.search(op.text)]
    # The phrase that tied unrelated paragraphs together is now part of no shared run.
    assert not any(text.strip() == "is one of the" for text in kept)
    # The first sentence keeps its long shared stretch, with the one rewording marked.
    assert any(
        "The security environment surrounding the Asia-Pacific region is becoming increasingly severe" in t
        for t in kept
    )


def test_unchanged_paragraphs_are_folded_with_context(library: Library) -> None:
    body = "\n\n".join(f"Paragraph {n} is about the sea and piracy, number {n}." for n in range(8))
    old = edition("2016", f"## (1) Oceans\n\n{body}\n")
    new = edition("2022", f"## (1) Oceans\n\n{body.replace('number 5.', 'number five.')}\n")
    alignment = align_editions(old, new)
    marked = redline(alignment, old.section("2016/1"), new.section("2022/1"))
    shown = hunks(marked.ops, context=1)
    assert [hunk.folded_before for hunk in shown] == [4, 1]  # paragraphs 0–3 folded, 4–6 shown, 7 folded
    assert shown[-1].ops == ()
    assert any(op.op == "insert" and op.text == "five" for op in shown[0].ops)
    assert sum(1 for op in shown[0].ops if op.text.startswith("\n")) == 3  # each shown paragraph opens a row


def test_two_sections_of_one_edition_are_diffed_as_two_texts(library: Library) -> None:
    left, right = library.section("2016/6.A"), library.section("2016/6.B")
    marked = redline(None, left, right)
    assert rebuilt(marked.ops) == (left.text, right.text)
    assert not any(op.moved for op in marked.ops)
