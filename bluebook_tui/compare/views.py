"""What a front needs to show a comparison: changed words per paragraph, a paragraph's counterpart, counts.

Fronts draw a section paragraph by paragraph (as `paragraphs` splits its text), so the word diff's changes
are given per paragraph, as spans relative to that paragraph's text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Literal, NamedTuple

from bluebook_tui.compare.alignment import Alignment, SectionPair, SentenceStatus, SentenceTrace, Status
from bluebook_tui.compare.diff import word_diff
from bluebook_tui.compare.paragraph_alignment import ParagraphPair, paragraphs
from bluebook_tui.compare.sentences import paragraph_starts
from bluebook_tui.library import Section

Span = tuple[int, int]
STATUSES: tuple[Status, ...] = ("unchanged", "changed", "added", "removed", "merged", "split")


def paragraph_marks(left_text: str, right_text: str) -> tuple[list[list[Span]], list[list[Span]]]:
    """The deleted spans of each left paragraph and the inserted spans of each right paragraph.

    Spans are (start, end) offsets into the paragraph's text as `paragraphs` gives it, trimmed of whitespace
    at their ends; a paragraph with no change has an empty list.
    """
    deleted: list[Span] = []
    inserted: list[Span] = []
    left_at = right_at = 0
    for op in word_diff(left_text, right_text):
        length = len(op.text)
        if op.op != "insert":
            if op.op == "delete":
                deleted.append((left_at, left_at + length))
            left_at += length
        if op.op != "delete":
            if op.op == "insert":
                inserted.append((right_at, right_at + length))
            right_at += length
    return _per_paragraph(left_text, deleted), _per_paragraph(right_text, inserted)


def _per_paragraph(text: str, spans: list[Span]) -> list[list[Span]]:
    marks: list[list[Span]] = []
    cursor = 0
    for paragraph in paragraphs(text):
        start = text.index(paragraph, cursor)
        cursor = start + len(paragraph)
        marks.append(
            [
                trimmed
                for span_start, span_end in spans
                if (trimmed := _trim(paragraph, max(span_start, start) - start, min(span_end, cursor) - start))
            ]
        )
    return marks


def _trim(paragraph: str, start: int, end: int) -> Span | None:
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def status_counts(pairs: Iterable[SectionPair]) -> dict[Status, int]:
    """How many pairs have each status, every status present (zero included), in `STATUSES` order."""
    counts = Counter(pair.status for pair in pairs)
    return {status: counts[status] for status in STATUSES}


def paragraph_counterpart(pairs: Sequence[ParagraphPair], index: int, side: Literal["left", "right"]) -> int | None:
    """The other side's paragraph facing paragraph `index` of `side` in `paragraph_pairs` order.

    A paragraph with no counterpart faces that of the nearest paired paragraph before it (else after it),
    so a synced view never jumps away; None when the side has no such paragraph or none of the pair's
    paragraphs has a counterpart.
    """
    # As (this side's index, the other side's index).
    facing: list[ParagraphPair] = [(left, right) if side == "left" else (right, left) for left, right in pairs]
    at = next((position for position, pair in enumerate(facing) if pair[0] == index), None)
    if at is None:
        return None
    for position in chain(range(at, -1, -1), range(at + 1, len(facing))):
        mine, theirs = facing[position]
        if mine is not None and theirs is not None:
            return theirs
    return None


@dataclass(frozen=True)
class SentenceMark:
    """How to mark one sentence of a section shown beside the other edition: where it stands (its paragraph,
    as `paragraphs` counts them, and its span there), what became of it, and the words its counterpart does not
    have (spans in the paragraph; the whole sentence when it has no counterpart)."""

    paragraph: int
    span: Span
    status: SentenceStatus
    moved: bool
    address: str
    counterparts: tuple[str, ...]
    changed: tuple[Span, ...]


def sentence_marks(alignment: Alignment, section: Section) -> list[list[SentenceMark]]:
    """For each paragraph of the section's text, the marks of the sentences in it, in order."""
    starts = paragraph_starts(section.text)
    marks: list[list[SentenceMark]] = [[] for _ in starts]
    is_left = section.edition == alignment.left.id
    for trace in alignment.trace(section.id):
        sentence = trace.sentence
        offset = sentence.start - starts[sentence.paragraph]
        span = (offset, offset + len(sentence.text))
        marks[sentence.paragraph].append(
            SentenceMark(
                sentence.paragraph,
                span,
                trace.status,
                trace.moved,
                sentence.address,
                tuple(counterpart.address for counterpart in trace.counterparts),
                _changed_words(trace, is_left, offset),
            )
        )
    return marks


def _changed_words(trace: SentenceTrace, is_left: bool, offset: int) -> tuple[Span, ...]:
    text = trace.sentence.text
    if not trace.counterparts:
        return ((offset, offset + len(text)),)
    if trace.status == "unchanged":
        return ()
    other = " ".join(counterpart.text for counterpart in trace.counterparts)
    left, right = (text, other) if is_left else (other, text)
    spans: list[Span] = []
    at = 0
    mine = "delete" if is_left else "insert"
    for op in word_diff(left, right):
        if op.op == "equal" or op.op == mine:
            if op.op == mine and (trimmed := _trim(text, at, at + len(op.text))):
                spans.append((trimmed[0] + offset, trimmed[1] + offset))
            at += len(op.text)
    return tuple(spans)


def matched_statuses(traces: Iterable[SentenceTrace], pattern: re.Pattern[str]) -> Counter[str]:
    """How many of the sentences the pattern matches are unchanged, edited, moved, new or removed."""
    return Counter("moved" if trace.moved else trace.status for trace in traces if pattern.search(trace.sentence.text))


def kept_share(pair: SectionPair) -> float:
    """The one figure of a pair, for either side's row: the share of the older section's words kept in the newer
    (traced sentence by sentence); for a section split off another, the share of its words taken from that one."""
    return pair.carried_over[1] if pair.status == "split" else pair.carried_over[0]


def parts_paired(alignment: Alignment, section: Section) -> list[tuple[Section, Section]]:
    """For a section without a counterpart, its uppermost subsections that have one: (subsection, counterpart),
    in reading order. A heading the other edition dropped can have all its parts there."""
    if alignment.counterpart(section.id) is not None:
        return []
    found: list[tuple[Section, Section]] = []
    for part in list(section.walk())[1:]:
        counterpart = alignment.counterpart(part.id)
        if counterpart is not None and not any(part.is_within(other) for other, _ in found):
            found.append((part, counterpart))
    return found


class Route(NamedTuple):
    """Where the reader asking for a section in the other edition is taken, and what to tell them on the way."""

    section: Section | None  # None: nowhere
    notice: str | None = None  # None: the counterpart itself, nothing to say


def route_to_other(alignment: Alignment, section: Section) -> Route:
    """The section's counterpart in the alignment's other edition; without one, where its text went (or came
    from), else its first subsection's counterpart, else nowhere, each with a notice saying so."""
    other = alignment.counterpart(section.id)
    if other is not None:
        return Route(other)
    edition = (alignment.right if section.edition == alignment.left.id else alignment.left).id
    destination = alignment.pair_for(section.id).destination
    if destination is not None:
        went = "went into" if section.edition == alignment.left.id else "came from"
        return Route(
            destination, f"{section.heading} has no section of its own in {edition}; its text {went} this one."
        )
    parts = parts_paired(alignment, section)
    if parts:
        part, other = parts[0]
        return Route(other, f"{section.heading} has no heading of its own in {edition}; {part.heading} is this one.")
    return Route(None, f"{section.heading}: no counterpart in {edition}.")


def sentences_carried(alignment: Alignment, section: Section, into: Section) -> tuple[int, int]:
    """How many of a section's sentences have their counterpart in `into`, and how many it has."""
    traces = alignment.trace(section.id)
    carried = sum(1 for trace in traces if trace.counterparts and trace.counterparts[0].section_id == into.id)
    return carried, len(traces)
