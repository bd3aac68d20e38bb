"""A boxed column's byline, which the flattened sources glue onto the column's title line.

`… Outer Space (COPUOS) Professor Aoki Setsuko, Keio University Law School` is the title up to the name (or the
honorific before it) and the byline from there: a personal name is two capitalised words (Family Given) just before
the line's first comma, and an affiliation that opens with a capital follows that comma.
"""

from __future__ import annotations

import re

# Aoki, McDonald, O’Neill, Smith-Jones; not an acronym (UN, PKO) nor an abbreviation (U.S.).
_NAME_WORD = r"[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?|['’][A-Z][a-z]+)(?:-[A-Z]?[a-z]+)?"
# `Mrs.` and `Prof.` are missing on purpose: a title line with them reads as two sentences, so as no column title.
_HONORIFIC = r"(?:(?:Associate |Assistant )?Professor|Dr\.|Mr\.|Ms\.|Ambassador|Judge)"
_BYLINE = re.compile(rf"^(?P<title>[^,]*?\S)\s+(?P<byline>(?:{_HONORIFIC}\s+)?{_NAME_WORD}\s+{_NAME_WORD},\s*[A-Z].*)$")
# A title does not end on a word that needs what follows: there the "name" is the title's own object
# (`Cooperation with Southeast Asia, Africa and Europe`).
_OPEN_ENDED = re.compile(r"\b(?:a|an|the|and|or|of|in|on|at|to|for|with|by|from|between|via|into|towards?|among|as)$")


def split_byline(title_line: str) -> tuple[str, str | None]:
    """The column's title and its byline, or the line unchanged and None when it names no author."""
    match = _BYLINE.match(title_line)
    if match is None:
        return title_line, None
    title = match.group("title")
    if _OPEN_ENDED.search(title):
        return title_line, None
    return title, match.group("byline")
