"""A redline of two sections, as a careful editor marks one: sentence by sentence, in the order the right reads.

Alignment comes first: each sentence is diffed word by word only against its own counterpart, so unrelated
sentences never share a "the" or an "of the". Counterparts that keep their order are diffed in place; a
sentence whose counterpart stands elsewhere (another section, or out of order in this one) is shown deleted
where it stood and inserted where it now stands, each marked with where the other end is and what changed.

The runs rebuild both compared texts exactly: the equal and delete runs the left's, the equal and insert runs the
right's. A compared text is a section's own text or, for a subtree, its text and every descendant's heading and
text, joined by blank lines (`compared_text`).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from bluebook_tui.compare.alignment import Alignment, SentenceTrace
from bluebook_tui.compare.diff import DiffKind, DiffOp, Ignorable, word_diff
from bluebook_tui.compare.sentences import Sentence, section_sentences
from bluebook_tui.library import Section

UnitKind = Literal["body", "caption", "byline", "footnote", "heading"]
# The order units facing nothing are shown in, when both sides have some (see `_Builder.unfaced`).
_KIND_RANK = {"heading": 0, "body": 0, "byline": 0, "caption": 1, "footnote": 2}
_PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Elsewhere:
    """Where a sentence's counterpart stands when it is not facing it: `direction` "from" for a right sentence
    whose counterpart is in `section` of the left edition, "to" for a left sentence whose counterpart is in
    `section` of the right; `edits` turn the left text into the right. Not facing is not always moved: a
    sentence of a section merged into another faces nothing in a redline of one of its siblings."""

    direction: Literal["from", "to"]
    section: Section
    sentences: tuple[Sentence, ...]
    similarity: float
    edits: tuple[DiffOp, ...]
    moved: bool  # the trace's verdict: the counterpart stands outside the sections this one's belongs with


@dataclass(frozen=True)
class RedlineOp:
    """One run of a redline. `paragraph`: the paragraph it stands in on each side (indices into that side's
    compared text as `paragraphs` splits it), None for the side it is not part of; `kind` what that paragraph is;
    `elsewhere`: for a sentence facing nothing here, where its counterpart stands."""

    op: DiffKind
    text: str
    paragraph: tuple[int | None, int | None]
    kind: UnitKind
    elsewhere: Elsewhere | None = None
    ignored: bool = False

    @property
    def moved(self) -> bool:
        """Whether the run is a sentence that moved to (or from) another section than its own belongs with."""
        return self.elsewhere is not None and self.elsewhere.moved


@dataclass(frozen=True)
class Redline:
    """Two sections' compared texts and the runs between them."""

    left: Section
    right: Section
    subtree: bool
    left_text: str
    right_text: str
    ops: tuple[RedlineOp, ...]


@dataclass(frozen=True)
class Hunk:
    """A run of paragraphs to show: the ops, and how many unchanged paragraphs were folded away before them."""

    folded_before: int
    ops: tuple[RedlineOp, ...]


@dataclass
class _Unit:
    """A sentence or a heading of a compared text, with the spacing before it."""

    gap: str
    text: str
    paragraph: int
    kind: UnitKind
    section: Section
    sentence: Sentence | None = None
    group: int | None = field(default=None, compare=False)


def needs_subtree(left: Section, right: Section) -> bool:
    """Whether two sections are compared with their subtrees: when either has no text of its own."""
    return not left.text.strip() or not right.text.strip()


def compared_text(section: Section, subtree: bool) -> str:
    """A section's own text, or with `subtree` its text and each descendant's heading and text, by blank lines."""
    if not subtree:
        return section.text
    parts = [section.text, *(part for node in list(section.walk())[1:] for part in (node.heading, node.text))]
    return _PARAGRAPH_BREAK.join(part for part in parts if part)


def redline(
    alignment: Alignment | None,
    left: Section,
    right: Section,
    *,
    subtree: bool | None = None,
    ignore: Collection[Ignorable] = (),
) -> Redline:
    """The redline of `left` (of the alignment's left edition) against `right` (of its right edition); `subtree`
    None compares subtrees when either section has no text of its own. Without an alignment (two sections of one
    edition) the two texts are diffed whole."""
    with_subtree = needs_subtree(left, right) if subtree is None else subtree
    lefts, rights = _units(alignment, left, with_subtree), _units(alignment, right, with_subtree)
    if alignment is None:
        groups = [(list(range(len(lefts))), list(range(len(rights))))] if lefts and rights else []
    else:
        groups = _groups(alignment, lefts, rights)
    in_place = _in_place(groups)
    builder = _Builder(alignment, ignore, lefts, rights)
    left_at = right_at = 0
    for number in in_place:
        left_units, right_units = groups[number]
        builder.unfaced(range(left_at, left_units[0]), range(right_at, right_units[0]))
        builder.facing(left_units, right_units)
        left_at, right_at = left_units[-1] + 1, right_units[-1] + 1
    builder.unfaced(range(left_at, len(lefts)), range(right_at, len(rights)))
    left_text = "".join(unit.gap + unit.text for unit in lefts)
    right_text = "".join(unit.gap + unit.text for unit in rights)
    return Redline(left, right, with_subtree, left_text, right_text, tuple(_merged(builder.ops)))


def hunks(ops: Sequence[RedlineOp], context: int = 1) -> list[Hunk]:
    """The ops in paragraph rows, runs of unchanged rows folded but for `context` rows next to a change."""
    rows: list[list[RedlineOp]] = []
    for op in ops:
        if not rows or op.text.startswith("\n"):
            rows.append([])
        rows[-1].append(op)
    changed = [any(op.op != "equal" and not op.ignored for op in row) for row in rows]
    shown = [
        any(changed[near] for near in range(max(0, at - context), min(len(rows), at + context + 1)))
        for at in range(len(rows))
    ]
    result: list[Hunk] = []
    folded = 0
    for row, show in zip(rows, shown, strict=True):
        if not show:
            folded += 1
        elif result and not folded:
            result[-1] = Hunk(result[-1].folded_before, (*result[-1].ops, *row))
        else:
            result.append(Hunk(folded, tuple(row)))
            folded = 0
    if folded:
        result.append(Hunk(folded, ()))
    return result


def _units(alignment: Alignment | None, section: Section, subtree: bool) -> list[_Unit]:
    """The sentences (and, for a subtree, the descendants' headings) of a compared text, in reading order."""
    units: list[_Unit] = []
    paragraph = 0
    parts: list[tuple[Section, bool]] = [(section, False)]
    if subtree:
        parts += [(node, True) for node in list(section.walk())[1:]]
    for node, with_heading in parts:
        if with_heading:
            gap = _PARAGRAPH_BREAK if units else ""
            units.append(_Unit(gap, node.heading, paragraph, "heading", node))
            paragraph += 1
        if alignment is None:
            sentences = section_sentences(node)
        else:
            sentences = [trace.sentence for trace in alignment.trace(node.id)]
        first_paragraph = paragraph
        end = 0
        for sentence in sentences:
            gap = node.text[end : sentence.start]
            if not end and units:
                gap = _PARAGRAPH_BREAK
            units.append(_Unit(gap, sentence.text, first_paragraph + sentence.paragraph, sentence.kind, node, sentence))
            end = sentence.end
        if sentences:
            paragraph = first_paragraph + sentences[-1].paragraph + 1
    return units


def _groups(alignment: Alignment, lefts: list[_Unit], rights: list[_Unit]) -> list[tuple[list[int], list[int]]]:
    """Linked units facing each other in the two compared texts: (left indices, right indices), each group once."""
    right_at = {unit.sentence.address: index for index, unit in enumerate(rights) if unit.sentence is not None}
    right_headings = {unit.section.id: index for index, unit in enumerate(rights) if unit.kind == "heading"}
    groups: list[tuple[list[int], list[int]]] = []
    for index, unit in enumerate(lefts):
        if unit.group is not None:
            continue
        if unit.sentence is None:
            counterpart = alignment.counterpart(unit.section.id)
            if counterpart is not None and counterpart.id in right_headings:
                groups.append(([index], [right_headings[counterpart.id]]))
            continue
        trace = _trace(alignment, unit)
        facing = [right_at.get(sentence.address) for sentence in trace.counterparts]
        if not facing or None in facing:
            continue
        right_indices = sorted(position for position in facing if position is not None)
        partners = {
            partner.address
            for position in right_indices
            for partner in _trace(alignment, rights[position]).counterparts
        }
        left_indices = [
            position
            for position, other in enumerate(lefts)
            if other.sentence is not None and other.sentence.address in partners
        ]
        groups.append((left_indices, right_indices))
    for number, (left_indices, right_indices) in enumerate(groups):
        for position in left_indices:
            lefts[position].group = number
        for position in right_indices:
            rights[position].group = number
    return groups


def _trace(alignment: Alignment, unit: _Unit) -> SentenceTrace:
    assert unit.sentence is not None
    return alignment.trace(unit.section.id)[unit.sentence.index]


def _in_place(groups: list[tuple[list[int], list[int]]]) -> list[int]:
    """The groups that keep their order on both sides (the longest such chain), in reading order."""
    order = sorted(range(len(groups)), key=lambda number: groups[number][1][0])
    # Longest increasing subsequence of left positions, over the groups in right order (patience, O(n log n)).
    tails: list[int] = []
    tail_keys: list[int] = []
    before: dict[int, int | None] = {}
    for number in order:
        key = groups[number][0][0]
        at = bisect.bisect_left(tail_keys, key)
        before[number] = tails[at - 1] if at else None
        if at == len(tails):
            tails.append(number)
            tail_keys.append(key)
        else:
            tails[at], tail_keys[at] = number, key
    chain: list[int] = []
    node: int | None = tails[-1] if tails else None
    while node is not None:
        chain.append(node)
        node = before[node]
    return list(reversed(chain))


class _Builder:
    """The ops, appended in reading order."""

    def __init__(
        self, alignment: Alignment | None, ignore: Collection[Ignorable], lefts: list[_Unit], rights: list[_Unit]
    ) -> None:
        self.alignment, self.ignore = alignment, ignore
        self.lefts, self.rights = lefts, rights
        self.ops: list[RedlineOp] = []

    def unfaced(self, lefts: range, rights: range) -> None:
        """Emit units of both sides that face nothing here (deleted on the left, inserted on the right, each with
        where its counterpart stands, if it has one), each side in its order: body text before captions and
        captions before notes, the left's first where both are of a kind, so a note is not read amid new text."""
        left_queue, right_queue = list(lefts), list(rights)
        while left_queue or right_queue:
            take_left = bool(left_queue) and (
                not right_queue
                or _KIND_RANK[self.lefts[left_queue[0]].kind] <= _KIND_RANK[self.rights[right_queue[0]].kind]
            )
            if take_left:
                self._unfaced(self.lefts[left_queue.pop(0)], on_left=True)
            else:
                self._unfaced(self.rights[right_queue.pop(0)], on_left=False)

    def _unfaced(self, unit: _Unit, *, on_left: bool) -> None:
        op: DiffKind = "delete" if on_left else "insert"
        paragraph = (unit.paragraph, None) if on_left else (None, unit.paragraph)
        self.ops.append(RedlineOp(op, unit.gap + unit.text, paragraph, unit.kind, self._elsewhere(unit, on_left)))

    def _elsewhere(self, unit: _Unit, on_left: bool) -> Elsewhere | None:
        if unit.sentence is None or self.alignment is None:
            return None
        trace = _trace(self.alignment, unit)
        if not trace.counterparts:
            return None
        other_edition = self.alignment.right if on_left else self.alignment.left
        section = other_edition.section(trace.counterparts[0].section_id)
        other = " ".join(sentence.text for sentence in trace.counterparts)
        left_text, right_text = (unit.text, other) if on_left else (other, unit.text)
        return Elsewhere(
            "to" if on_left else "from",
            section,
            trace.counterparts,
            trace.similarity,
            tuple(word_diff(left_text, right_text, self.ignore)),
            trace.moved,
        )

    def facing(self, left_units: list[int], right_units: list[int]) -> None:
        """Emit a group facing its counterpart: the spacing before it, then the word diff of the two texts."""
        lefts = [self.lefts[index] for index in left_units]
        rights = [self.rights[index] for index in right_units]
        first_left, first_right = lefts[0], rights[0]
        kind = first_right.kind
        if first_left.gap == first_right.gap:
            if first_left.gap:
                self.ops.append(RedlineOp("equal", first_left.gap, (first_left.paragraph, first_right.paragraph), kind))
        else:
            if first_left.gap:
                self.ops.append(RedlineOp("delete", first_left.gap, (first_left.paragraph, None), kind))
            if first_right.gap:
                self.ops.append(RedlineOp("insert", first_right.gap, (None, first_right.paragraph), kind))
        left_text, left_paragraphs = _joined(lefts)
        right_text, right_paragraphs = _joined(rights)
        left_offset = right_offset = 0
        for diff in word_diff(left_text, right_text, self.ignore):
            for piece, left_paragraph, right_paragraph in _split_by_paragraph(
                diff, left_offset, right_offset, left_paragraphs, right_paragraphs
            ):
                self.ops.append(
                    RedlineOp(diff.op, piece, (left_paragraph, right_paragraph), kind, ignored=diff.ignored)
                )
            if diff.op != "insert":
                left_offset += len(diff.text)
            if diff.op != "delete":
                right_offset += len(diff.text)


def _joined(units: list[_Unit]) -> tuple[str, list[tuple[int, int]]]:
    """A group's text (its units with the spacing between them) and where each of its paragraphs starts."""
    text = ""
    starts: list[tuple[int, int]] = []
    for position, unit in enumerate(units):
        # A paragraph starts with the break before it, as each unit carries the spacing before it.
        if not starts or starts[-1][1] != unit.paragraph:
            starts.append((len(text), unit.paragraph))
        if position:
            text += unit.gap
        text += unit.text
    return text, starts


def _paragraph_at(starts: list[tuple[int, int]], offset: int) -> int:
    found = starts[0][1]
    for start, paragraph in starts:
        if start <= offset:
            found = paragraph
    return found


def _split_by_paragraph(
    diff: DiffOp, left_offset: int, right_offset: int, left: list[tuple[int, int]], right: list[tuple[int, int]]
) -> Iterator[tuple[str, int | None, int | None]]:
    """A diff run cut where a paragraph of either side begins inside it, each piece with its paragraphs."""
    cuts = {0, len(diff.text)}
    if diff.op != "insert":
        cuts |= {start - left_offset for start, _ in left if left_offset < start < left_offset + len(diff.text)}
    if diff.op != "delete":
        cuts |= {start - right_offset for start, _ in right if right_offset < start < right_offset + len(diff.text)}
    points = sorted(cuts)
    for start, end in itertools.pairwise(points):
        left_paragraph = _paragraph_at(left, left_offset + start) if diff.op != "insert" else None
        right_paragraph = _paragraph_at(right, right_offset + start) if diff.op != "delete" else None
        yield diff.text[start:end], left_paragraph, right_paragraph


def _merged(ops: list[RedlineOp]) -> Iterator[RedlineOp]:
    """Neighbouring runs of one kind, in one paragraph and facing each other or nothing, as one run."""
    previous: RedlineOp | None = None
    for op in ops:
        if not op.text:
            continue
        if (
            previous is not None
            and previous.op == op.op
            and previous.paragraph == op.paragraph
            and previous.kind == op.kind
            and previous.elsewhere is None
            and op.elsewhere is None
            and previous.ignored == op.ignored
            and not op.text.startswith("\n")
        ):
            previous = RedlineOp(op.op, previous.text + op.text, op.paragraph, op.kind, None, op.ignored)
            continue
        if previous is not None:
            yield previous
        previous = op
    if previous is not None:
        yield previous
