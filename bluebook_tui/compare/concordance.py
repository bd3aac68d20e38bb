"""A term in context (keyword in context, as AntConc and quanteda's `kwic` show it), and where it stands in an
edition: every occurrence `trend` counts, in reading order, with its section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bluebook_tui.compare.term_stream import Unit, query_terms, term_stream
from bluebook_tui.compare.trend import occurrences_in
from bluebook_tui.library import Edition

Sort = Literal["text", "left", "right"]


@dataclass(frozen=True)
class ConcordanceLine:
    """One occurrence: its edition and section (the edition's own id for its introduction), and the text around
    it, on one line, cut to the width asked for."""

    edition: str
    id: str
    heading: str
    left: str
    match: str
    right: str


def concordance(editions: list[Edition], term: str, *, width: int = 40, sort: Sort = "text") -> list[ConcordanceLine]:
    """Every occurrence of `term` in the editions (none for a term of stop words only): in reading order, or
    sorted by the words before (`left`, nearest first) or after it (`right`)."""
    query = query_terms(term)
    if not query:
        return []
    lines = [
        _line(unit, start, end, width)
        for edition in editions
        for unit, start, end in occurrences_in(term_stream(edition), query)
    ]
    if sort == "left":
        lines.sort(key=lambda line: (line.left.lower().split()[::-1], line.edition))
    elif sort == "right":
        lines.sort(key=lambda line: (line.right.lower().split(), line.edition))
    return lines


_QUERY_SYNTAX = re.compile(r"""\bedition:\S*|\b\w+:|(?<!\S)(?:OR|AND|NOT)(?!\S)|(?<!\S)-\S+|[*"“”]""")


def plain_term(query: str) -> str:
    """A search query as a concordance term: its words, without fields (`edition:2016`; `heading:x` is `x`),
    operators, excluded words (`-Somalia`), quotes or wildcards (a concordance counts words as `trend` does)."""
    return " ".join(_QUERY_SYNTAX.sub(" ", query).split())


def highlight_pattern(lines: list[ConcordanceLine], section_id: str) -> str:
    """A regular expression for the term as it is written in one section's lines (for marking it there)."""
    written = sorted({line.match for line in lines if line.id == section_id}, key=len, reverse=True)
    forms = (r"\s+".join(re.escape(word) for word in form.split()) for form in written)
    return "|".join(rf"(?<!\w){form}(?!\w)" for form in forms)


def _line(unit: Unit, start: int, end: int, width: int) -> ConcordanceLine:
    text = unit.text
    before = " ".join(text[max(0, start - 3 * width) : start].split())
    after = " ".join(text[end : end + 3 * width].split())
    if text[:start][-1:].isspace():
        before += " "
    if text[end : end + 1].isspace():
        after = " " + after
    section = unit.section
    return ConcordanceLine(
        unit.edition,
        section.id if section is not None else unit.edition,
        section.heading if section is not None else "Introduction",
        before[-width:] if width else "",
        " ".join(text[start:end].split()),
        after[:width] if width else "",
    )


@dataclass(frozen=True)
class Dispersion:
    """Where a term stands in one edition: each occurrence's place as a share of the way through the edition's
    words (0 at the start, 1 at the end), and where each top-level section starts."""

    edition: str
    words: int
    places: tuple[float, ...]
    sections: tuple[tuple[float, str], ...]

    def cells(self, width: int) -> list[int]:
        """How many occurrences fall in each of `width` equal stretches of the edition's words."""
        counts = [0] * width
        for place in self.places:
            counts[min(width - 1, int(place * width))] += 1
        return counts


def dispersion(edition: Edition, term: str) -> Dispersion:
    """The places of `term` in the edition (none for a term of stop words only)."""
    stream = term_stream(edition)
    query = query_terms(term)
    total = max(1, stream.word_count)
    places = (
        tuple(
            (stream.words_before[unit] + _words_before(unit, start)) / total
            for unit, start, _ in occurrences_in(stream, query)
        )
        if query
        else ()
    )
    starts = (
        (stream.words_before[unit] / total, unit.section.heading.split(" ", 1)[0])
        for unit in stream.units
        if unit.section is not None and unit.section.parent is None and unit.kind == "heading"
    )
    return Dispersion(edition.id, stream.word_count, places, tuple(starts))


def _words_before(unit: Unit, start: int) -> int:
    """How many of the unit's words (stop words left out) come before `start`."""
    return sum(1 for index in unit.words() if unit.starts[index] < start)
