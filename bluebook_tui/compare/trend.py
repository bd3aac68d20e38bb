"""How often a term occurs in each edition: raw counts and per 10,000 words.

A term is counted as the search index finds it (`term_stream`): any case, inflections folded by the search's
stemmer (`cooperation` counts `cooperated`), a possessive only where one is asked for (`Japan's`), hyphenated words
by part (`Pacific` counts `Indo-Pacific`), and a term of several words as a phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from bluebook_tui.compare.term_stream import TermStream, Unit, query_terms, term_stream
from bluebook_tui.library import Edition, Library


@dataclass(frozen=True)
class TermCount:
    """A term's occurrences in one edition."""

    edition: str
    occurrences: int
    words: int

    @property
    def per_10k_words(self) -> float:
        return 10_000 * self.occurrences / self.words if self.words else 0.0


def rate_shares(counts: Sequence[TermCount]) -> list[float]:
    """Each count's rate as a share of the highest (1.0 for it, all 0.0 when the term occurs nowhere): a bar's
    length, in whatever unit a chart draws."""
    highest = max((count.per_10k_words for count in counts), default=0.0) or 1.0
    return [count.per_10k_words / highest for count in counts]


def term_trend(library: Library, term: str, editions: Iterable[Edition] | None = None) -> list[TermCount]:
    """The term's occurrences in every edition of the library (or only in `editions`), oldest first (none for a
    term of stop words only, which the search does not count either)."""
    query = query_terms(term)
    counts = []
    for edition in library.editions.values() if editions is None else editions:
        stream = term_stream(edition)
        occurrences = sum(1 for _ in occurrences_in(stream, query)) if query else 0
        counts.append(TermCount(edition.id, occurrences, stream.written_words))
    return counts


def occurrences_in(stream: TermStream, query: tuple[tuple[str, int], ...]) -> Iterator[tuple[Unit, int, int]]:
    """Every place the query's terms stand in the edition, in reading order: the unit and the character span."""
    for unit in stream.units:
        for start, end in unit.matches(query):
            yield unit, start, end
