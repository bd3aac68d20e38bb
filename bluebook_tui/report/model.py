"""What a comparison report holds, worked out from the comparison layer once, for every format to render.

A report is the comparison of two editions as the app shows it, written out: counts, the changes table, every
changed section side by side sentence by sentence, the wording, and what it was made from.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from bluebook_tui import __version__
from bluebook_tui.compare.alignment import Alignment, SectionPair, SentenceStatus, SentenceTrace, Status
from bluebook_tui.compare.cache import cached_alignment
from bluebook_tui.compare.concordance import Dispersion, dispersion
from bluebook_tui.compare.keywords import Keyword, keyness, strongest
from bluebook_tui.compare.paragraph_alignment import paragraph_pairs, paragraphs
from bluebook_tui.compare.sentences import Sentence
from bluebook_tui.compare.shifts import Shift
from bluebook_tui.compare.term_stream import TermStream, term_stream
from bluebook_tui.compare.trend import TermCount, term_trend
from bluebook_tui.compare.views import SentenceMark, kept_share, sentence_marks
from bluebook_tui.compare.wording import KEPT_MIN_COUNT, edition_keywords, edition_shifts
from bluebook_tui.library import Edition, Library, Section
from bluebook_tui.library.citation import citation
from bluebook_tui.library.model import BlockKind
from bluebook_tui.report.errors import ReportError

# Section statuses as a reader says them (the comparison's own names stay in JSON and CSV).
STATUS_LABELS: dict[Status, str] = {
    "unchanged": "unchanged",
    "changed": "edited",
    "added": "new",
    "removed": "removed",
    "merged": "merged",
    "split": "split",
}
SENTENCE_STATUSES: tuple[SentenceStatus, ...] = ("unchanged", "edited", "new", "removed")
KEYWORDS_EACH_WAY = 15
SHIFTS_SHOWN = 25
CHARTED_EACH_WAY = 3
SIGNIFICANT = 0.05
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def anchor(kind: str, address: str) -> str:
    """An HTML id for a section or sentence, stable while its id is: `sec-2022-4.A.C`, `s-2022-4.A.C-3`."""
    return f"{kind}-{_ANCHOR_UNSAFE.sub('-', address.replace('#', '-'))}"


@dataclass(frozen=True)
class Source:
    """An edition the report was made from, with the digest of its library file."""

    id: str
    book: str
    chapter: str
    chapter_title: str
    heading: str
    digest: str


@dataclass(frozen=True)
class Run:
    """A stretch of a sentence's text; `changed`: words the other edition's counterpart does not have."""

    text: str
    changed: bool


@dataclass(frozen=True)
class Elsewhere:
    """Where a sentence's counterpart stands when it is not in the facing section."""

    direction: Literal["to", "from"]
    addresses: tuple[str, ...]
    place: str
    link: str | None  # the counterpart's anchor when the report shows it
    moved: bool


@dataclass(frozen=True)
class SentenceView:
    """One sentence as the report shows it: its status, its runs, and where its counterpart is."""

    address: str
    anchor: str
    status: SentenceStatus
    moved: bool
    runs: tuple[Run, ...]
    elsewhere: Elsewhere | None


@dataclass(frozen=True)
class ParagraphView:
    """A paragraph: its kind, and its text as sentences with the spacing between them (plain strings)."""

    kind: BlockKind
    parts: tuple[SentenceView | str, ...]


@dataclass(frozen=True)
class SectionSide:
    """One side of a changed pair: the section, its citation and where the report shows it."""

    section: Section
    anchor: str
    citation: str


@dataclass(frozen=True)
class PairView:
    """A pair of sections: its row of the changes table and, for a changed one, its paragraphs side by side."""

    pair: SectionPair
    status: str
    left: SectionSide | None
    right: SectionSide | None
    kept: float | None
    flags: tuple[str, ...]
    flows: tuple[str, ...]
    rows: tuple[tuple[ParagraphView | None, ParagraphView | None], ...]
    shown: bool  # whether the report shows its text (every pair but the unchanged)

    @property
    def anchor(self) -> str:
        side = self.right or self.left
        assert side is not None
        return side.anchor


@dataclass(frozen=True)
class Chart:
    """A term charted: its rate in each edition of the run, and where it stands in the two compared."""

    term: str
    trend: tuple[TermCount, ...]
    dispersions: tuple[Dispersion, ...]


@dataclass(frozen=True)
class SentenceRow:
    """A sentence and its counterpart, for the CSV: one side empty for a sentence new or removed."""

    left: str | None  # sentence addresses, joined by "+" for a sentence split or two merged
    right: str | None
    status: SentenceStatus
    moved: bool
    similarity: float
    left_text: str
    right_text: str


@dataclass(frozen=True)
class Report:
    left: Source
    right: Source
    scope: Section | None
    version: str
    command: str  # the command line that makes this report again
    options: tuple[tuple[str, str], ...]
    section_counts: tuple[tuple[str, int], ...]
    sentence_counts: tuple[tuple[str, int, int], ...]  # (status, left's sentences, right's)
    pairs: tuple[PairView, ...]
    keywords: tuple[Keyword, ...]
    shifts: tuple[Shift, ...]
    charts: tuple[Chart, ...]
    sentences: tuple[SentenceRow, ...]

    @property
    def changed(self) -> tuple[PairView, ...]:
        return tuple(pair for pair in self.pairs if pair.shown)


def build_report(
    library: Library,
    left_id: str,
    right_id: str,
    *,
    section_id: str | None = None,
    terms: tuple[str, ...] = (),
) -> Report:
    """The report comparing `left_id` with `right_id`, limited to a section's subtree (and its counterpart's) when
    `section_id` is given; `terms` are charted, else the strongest keywords each way."""
    left, right = library.edition(left_id), library.edition(right_id)
    if left.id == right.id:
        raise ReportError(f"a report compares two editions: both are {left.id}")
    alignment = cached_alignment(left, right)
    scope = library.section(section_id) if section_id is not None else None
    if scope is not None and scope.edition not in (left.id, right.id):
        raise ReportError(f"section {scope.id} is in neither {left.id} nor {right.id}")
    pairs = [pair for pair in alignment.pairs if _in_scope(alignment, pair, scope)]
    shown_ids = {side.id for pair in pairs if pair.status != "unchanged" for side in (pair.left, pair.right) if side}
    views = tuple(_pair_view(library, alignment, pair, shown_ids) for pair in pairs)
    keywords, shifts = _wording(alignment, left, right, scope, pairs)
    charted = terms or _charted(keywords, shifts)
    options = [("left", left.id), ("right", right.id), ("section", scope.id if scope else "all")]
    options.append(("charted terms", ", ".join(charted) if terms else f"the strongest keywords ({', '.join(charted)})"))
    command = " ".join(
        ["bluebook report", left.id, right.id, *(["--section", scope.id] if scope else [])]
        + [f"--term {shlex.quote(term)}" for term in terms]
    )
    return Report(
        _source(left),
        _source(right),
        scope,
        __version__,
        command,
        tuple(options),
        _section_counts(views),
        _sentence_counts(alignment, pairs),
        views,
        tuple(keywords),
        tuple(shifts),
        tuple(_chart(library, left, right, term) for term in charted),
        tuple(_sentence_rows(alignment, pairs)),
    )


def _source(edition: Edition) -> Source:
    return Source(edition.id, edition.book, edition.chapter, edition.chapter_title, edition.heading, edition.digest)


def _in_scope(alignment: Alignment, pair: SectionPair, scope: Section | None) -> bool:
    if scope is None:
        return True
    roots = [scope]
    counterpart = alignment.counterpart(scope.id) or alignment.pair_for(scope.id).destination
    if counterpart is not None:
        roots.append(counterpart)
    return any(side is not None and side.is_within(root) for side in (pair.left, pair.right) for root in roots)


def _section_moved(alignment: Alignment, pair: SectionPair) -> bool:
    """Whether a paired section stands under another heading than its counterpart's parent's counterpart."""
    if pair.left is None or pair.right is None:
        return False
    left_parent, right_parent = pair.left.parent, pair.right.parent
    if left_parent is None or right_parent is None:
        return (left_parent is None) != (right_parent is None)
    return alignment.counterpart(left_parent.id) is not right_parent


def _section_counts(views: tuple[PairView, ...]) -> tuple[tuple[str, int], ...]:
    counts = Counter(view.pair.status for view in views)
    found = [(STATUS_LABELS[status], counts[status]) for status in STATUS_LABELS]
    found.append(("moved", sum(1 for view in views if "moved" in view.flags)))
    return tuple(found)


def _sentence_counts(alignment: Alignment, pairs: list[SectionPair]) -> tuple[tuple[str, int, int], ...]:
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for pair in pairs:
        for section, counts in ((pair.left, left), (pair.right, right)):
            if section is None:
                continue
            for trace in alignment.trace(section.id):
                counts[trace.status] += 1
                counts["moved"] += trace.moved
    return tuple((status, left[status], right[status]) for status in (*SENTENCE_STATUSES, "moved"))


def _sentence_rows(alignment: Alignment, pairs: list[SectionPair]) -> Iterator[SentenceRow]:
    """Every sentence of both sides once, in the right edition's reading order: each with its counterparts where
    the first of them comes, a removed sentence after the rest of its section's pair."""
    done: set[str] = set()

    def row(trace: SentenceTrace, on_left: bool) -> SentenceRow:
        # A sentence split in two is one row with both halves: the counterparts' own counterparts are this side.
        mine: tuple[Sentence, ...] = (trace.sentence,)
        for other in trace.counterparts:
            for sentence in alignment.trace(other.section_id)[other.index].counterparts:
                if sentence not in mine:
                    mine = (*mine, sentence)
        done.update(sentence.address for sentence in (*mine, *trace.counterparts))
        left, right = (_joined(mine), _joined(trace.counterparts))
        if not on_left:
            left, right = right, left
        return SentenceRow(left[0], right[0], trace.status, trace.moved, round(trace.similarity, 3), left[1], right[1])

    for pair in pairs:
        if pair.right is not None:
            for trace in alignment.trace(pair.right.id):
                if trace.sentence.address not in done:
                    yield row(trace, on_left=False)
        if pair.left is not None:
            for trace in alignment.trace(pair.left.id):
                if trace.sentence.address not in done and not trace.counterparts:
                    yield row(trace, on_left=True)
    for pair in pairs:
        if pair.left is not None:
            for trace in alignment.trace(pair.left.id):
                if trace.sentence.address not in done:
                    yield row(trace, on_left=True)


def _joined(sentences: tuple[Sentence, ...]) -> tuple[str | None, str]:
    if not sentences:
        return None, ""
    return "+".join(sentence.address for sentence in sentences), " ".join(sentence.text for sentence in sentences)


def _pair_view(library: Library, alignment: Alignment, pair: SectionPair, shown_ids: set[str]) -> PairView:
    flags: list[str] = list(pair.flags)
    if _section_moved(alignment, pair):
        flags.append("moved")
    shown = pair.status != "unchanged"
    rows: list[tuple[ParagraphView | None, ParagraphView | None]] = []
    if shown:
        left_marks = sentence_marks(alignment, pair.left) if pair.left else []
        right_marks = sentence_marks(alignment, pair.right) if pair.right else []
        left_faces = pair.right or pair.destination
        right_faces = pair.left or pair.destination
        left_texts = paragraphs(pair.left.text) if pair.left else []
        right_texts = paragraphs(pair.right.text) if pair.right else []
        for left_index, right_index in paragraph_pairs(pair):
            rows.append(
                (
                    _paragraph(library, pair.left, left_texts, left_index, left_marks, left_faces, shown_ids, "to")
                    if pair.left is not None and left_index is not None
                    else None,
                    _paragraph(
                        library, pair.right, right_texts, right_index, right_marks, right_faces, shown_ids, "from"
                    )
                    if pair.right is not None and right_index is not None
                    else None,
                )
            )
    status = STATUS_LABELS[pair.status]
    if "parts-paired" in pair.flags:
        status = f"heading {status}"  # only the heading went (or came): its subsections are paired
    return PairView(
        pair,
        status,
        _side(library, pair.left),
        _side(library, pair.right),
        kept_share(pair) if pair.status not in ("added", "removed") else None,
        tuple(flags),
        tuple(
            f"{flow.sentences} sentence{'s' if flow.sentences != 1 else ''} {flow.source.id} → {flow.target.id}"
            for flow in pair.flows
        ),
        tuple(rows),
        shown,
    )


def _side(library: Library, section: Section | None) -> SectionSide | None:
    if section is None:
        return None
    return SectionSide(section, anchor("sec", section.id), citation(library.edition(section.edition), section))


def _paragraph(
    library: Library,
    section: Section,
    texts: list[str],
    index: int,
    marks: list[list[SentenceMark]],
    facing: Section | None,
    shown_ids: set[str],
    direction: Literal["to", "from"],
) -> ParagraphView:
    text = texts[index]
    kinds = section.block_kinds
    parts: list[SentenceView | str] = []
    cursor = 0
    for mark in marks[index]:
        start, end = mark.span
        if start > cursor:
            parts.append(text[cursor:start])
        parts.append(_sentence(library, text, mark, facing, shown_ids, direction))
        cursor = end
    if cursor < len(text):
        parts.append(text[cursor:])
    return ParagraphView(kinds[index] if index < len(kinds) else "body", tuple(parts))


def _sentence(
    library: Library,
    text: str,
    mark: SentenceMark,
    facing: Section | None,
    shown_ids: set[str],
    direction: Literal["to", "from"],
) -> SentenceView:
    start, end = mark.span
    runs: list[Run] = []
    cursor = start
    for changed_start, changed_end in mark.changed:
        if changed_start > cursor:
            runs.append(Run(text[cursor:changed_start], False))
        runs.append(Run(text[changed_start:changed_end], True))
        cursor = changed_end
    if cursor < end:
        runs.append(Run(text[cursor:end], False))
    elsewhere = None
    if mark.counterparts:
        section_id = mark.counterparts[0].partition("#")[0]
        if facing is None or section_id != facing.id:
            elsewhere = Elsewhere(
                direction,
                mark.counterparts,
                library.section(section_id).place,
                anchor("s", mark.counterparts[0]) if section_id in shown_ids else None,
                mark.moved,
            )
    return SentenceView(mark.address, anchor("s", mark.address), mark.status, mark.moved, tuple(runs), elsewhere)


def _wording(
    alignment: Alignment, left: Edition, right: Edition, scope: Section | None, pairs: list[SectionPair]
) -> tuple[list[Keyword], list[Shift]]:
    if scope is None:
        return (
            edition_keywords(left, right, limit=KEYWORDS_EACH_WAY, min_count=5),
            edition_shifts(left, right, limit=SHIFTS_SHOWN),
        )
    ids = {side.id for pair in pairs for side in (pair.left, pair.right) if side is not None}
    left_part, right_part = _part(term_stream(left), ids), _part(term_stream(right), ids)
    # A part has few words: of its terms seen twice or more, only those whose lean is significant (p < 0.05).
    scored = [each for each in keyness(left_part, right_part, min_count=KEPT_MIN_COUNT) if each.p < SIGNIFICANT]
    keywords = strongest(scored, KEYWORDS_EACH_WAY)
    shifts = [
        shift
        for shift in edition_shifts(left, right, limit=10_000)
        if any(example.left_id in ids or example.right_id in ids for example in shift.examples)
    ][:SHIFTS_SHOWN]
    return keywords, shifts


def _part(stream: TermStream, section_ids: set[str]) -> TermStream:
    """The stream of only these sections' units."""
    units = tuple(unit for unit in stream.units if unit.section is not None and unit.section.id in section_ids)
    return TermStream(stream.edition, units)


def _charted(keywords: list[Keyword], shifts: list[Shift]) -> tuple[str, ...]:
    """The strongest keywords each way, leaving out one that repeats a term charted already (`UN PKOs` after
    `PKOs`) and the two sides of a shift (`PKOs` for "PKO" is a change of form, charted by the shifts table)."""
    shifted = {form.lower() for shift in shifts for form in (shift.old, shift.new)}
    chosen: list[str] = []
    for leaning in (1, -1):
        picked = 0
        for keyword in keywords:
            term = keyword.term.lower()
            if picked == CHARTED_EACH_WAY or keyword.log_ratio * leaning <= 0 or term in shifted:
                continue
            if any(term in other.lower() or other.lower() in term for other in chosen):
                continue
            chosen.append(keyword.term)
            picked += 1
    return tuple(chosen)


def _chart(library: Library, left: Edition, right: Edition, term: str) -> Chart:
    """The term's rate in every edition from `left` to `right` (the run between them too), its places in both."""
    low, high = sorted((left.id, right.id))
    run = [edition for edition in library.editions.values() if low <= edition.id <= high]
    return Chart(term, tuple(term_trend(library, term, run)), (dispersion(left, term), dispersion(right, term)))
