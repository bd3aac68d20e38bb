"""Where the text points at one of its columns ("see the Column on page 213"), and which column it means.

The library keeps no page numbers (the books were flattened to text), so a reference is resolved by what the
column is about: the edition's column sharing the most words with the paragraph that points at it, the nearest
after it when two share as many. Hand-written because no library resolves a book's cross-references; it is a
word count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bluebook_tui.library.model import Edition, Section

# "see the Column on page 213", "see the Column page on 207" (2022 writes both).
COLUMN_REFERENCE = re.compile(r"\bsee (?:the )?Columns?\b(?: on)?(?: page)?(?: on)? \d+", re.IGNORECASE)
# Words that say what a text is about: long enough not to be grammar.
_TOPIC_WORD = re.compile(r"[^\W\d_]{5,}")


@dataclass(frozen=True)
class ColumnReference:
    """`text[start:end]` points at the column `target`."""

    start: int
    end: int
    target: Section


def column_references(text: str, section: Section, edition: Edition) -> list[ColumnReference]:
    """The references to columns in a paragraph (`text`) of a section of `edition`, each with the column it means."""
    matches = list(COLUMN_REFERENCE.finditer(text))
    if not matches:
        return []
    order = list(edition.walk())
    columns = [(place, other) for place, other in enumerate(order) if other.kind == "column"]
    if not columns:
        return []
    here = next((place for place, other in enumerate(order) if other is section), 0)
    words = _topic_words(text)

    def fit(candidate: tuple[int, Section]) -> tuple[int, bool, int]:
        place, column = candidate
        shared = len(words & _topic_words(f"{column.heading}\n{column.text}"))
        return shared, place > here, -abs(place - here)

    target = max(columns, key=fit)[1]
    return [ColumnReference(match.start(), match.end(), target) for match in matches]


def _topic_words(text: str) -> set[str]:
    return {word.lower() for word in _TOPIC_WORD.findall(text)}
