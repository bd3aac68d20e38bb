"""How often a term occurs in each edition: raw counts and per 10,000 words.

Counting goes by whole words, case-folded, with inflections folded by the comparison layer's stemmer
(`vessel` counts `vessels` too); a term of several words counts the phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

from bluebook_tui.compare.words import stem, words
from bluebook_tui.library import Edition, Library, LibraryError


@dataclass(frozen=True)
class TermCount:
    """A term's occurrences in one edition."""

    edition: str
    occurrences: int
    words: int

    @property
    def per_10k_words(self) -> float:
        return 10_000 * self.occurrences / self.words if self.words else 0.0


def term_trend(library: Library, term: str) -> list[TermCount]:
    """The term's occurrences in every edition of the library, oldest first."""
    wanted = [stem(word) for word in words(term)]
    if not wanted:
        raise LibraryError(f"the term {term!r} has no words to count")
    return [_count(edition, wanted) for edition in library.editions.values()]


def _count(edition: Edition, wanted: list[str]) -> TermCount:
    stems = [stem(word) for word in words(edition_text(edition))]
    size = len(wanted)
    occurrences = sum(1 for start in range(len(stems) - size + 1) if stems[start : start + size] == wanted)
    return TermCount(edition.id, occurrences, len(stems))


def edition_text(edition: Edition) -> str:
    """Everything a reader reads in the edition: its introduction, then every heading and section text."""
    parts = [edition.intro]
    for section in edition.walk():
        parts.extend((section.heading, section.text))
    return "\n\n".join(parts)
