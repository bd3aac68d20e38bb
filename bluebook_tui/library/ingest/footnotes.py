"""Footnote references: the digits the flattened text glued to words (`(ARF)3 to`, `(FATF)4has`, `AOIP,4`)."""

from __future__ import annotations

import re

# A reference follows a word, a closing bracket or quote, or punctuation that itself follows one; it is never
# part of a longer number, nor of a code such as `G7`, `CSG21` or `COVID-19` (capital or hyphen before it).
_BEFORE = r"(?:(?<=[a-z)”’\"])|(?<=[A-Za-z)”’\"][.,]))"


def reference_pattern(marker: str) -> re.Pattern[str]:
    """Where the note `marker` is referred to in the body text."""
    if marker == "Note":
        return re.compile(r"\(Note\)")
    return re.compile(rf"{_BEFORE}{re.escape(marker)}(?!\d)")


def place_reference(text: str, marker: str, start: int) -> tuple[int, int] | None:
    """The span of the first reference to `marker` in `text` at or after `start`."""
    match = reference_pattern(marker).search(text, start)
    return match.span() if match else None
