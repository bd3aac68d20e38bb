"""What a search returns: plain frozen records, safe to hand from a worker thread to the UI.

Named tuples rather than dataclasses on the whole search path: `dataclasses` pulls in `inspect` and compiles each
class's methods at import, ~13 ms of a `bluebook search` command whose floor is ~95 ms.
"""

from __future__ import annotations

from typing import NamedTuple


class SearchHit(NamedTuple):
    """One matching section: where it is, how well it matched, and a snippet with the matches marked."""

    edition: str
    id: str
    heading: str
    path: tuple[str, ...]
    score: float
    snippet: str
    # (start, end) character spans of the matched words in `snippet`.
    highlights: tuple[tuple[int, int], ...]


class SearchResults(NamedTuple):
    """The best hits for a query; `error` is one line when the query could not be run."""

    query: str
    total: int = 0
    suggestion: str | None = None
    hits: tuple[SearchHit, ...] = ()
    error: str | None = None
    # Case-insensitive regex source matching the query's words as written in the text, for the reader.
    pattern: str | None = None
    # Searching as you type, when the query as written matched nothing: its last word, which these hits are for
    # words starting with (`IBU` while typing `IBUKI`).
    word_start: str | None = None
    # When the query as written matched nothing and looked misspelt: the suggestion these hits are for (the query
    # as typed can still be asked for, `as_typed`).
    showing: str | None = None
    # Other ways the text writes the query's names, searched too ("Vietnam" for "Viet Nam"), as written.
    variants: tuple[str, ...] = ()
    # Matching sections per edition searched, (edition, count) by edition id (editions without any left out).
    per_edition: tuple[tuple[str, int], ...] = ()
