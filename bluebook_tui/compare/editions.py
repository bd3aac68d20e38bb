"""Which editions to compare: a pair in either order, and the edition a section is compared against by default."""

from __future__ import annotations

from pathlib import Path

from bluebook_tui.compare.alignment import Alignment
from bluebook_tui.compare.cache import cached_alignment
from bluebook_tui.library import Edition, Library, LibraryError


def neighbour_edition(library: Library, edition_id: str) -> str:
    """The edition to compare `edition_id` against when none is named: the one before it, or after it for the
    oldest."""
    library.edition(edition_id)
    ids = sorted(library.editions)
    if len(ids) < 2:
        raise LibraryError(f"comparing needs two editions; the library has only {edition_id}")
    at = ids.index(edition_id)
    return ids[at - 1] if at else ids[1]


def comparison_pair(library: Library, one: str | None = None, other: str | None = None) -> tuple[str, str]:
    """The two editions to compare, older first: these two, or by default the newest two.

    Raises LibraryError, one line, for an unknown edition (naming the library's), the same edition twice, or a
    library of one edition.
    """
    ids = sorted(library.editions)
    if one is None or other is None:
        if len(ids) < 2:
            raise LibraryError(f"comparing needs two editions; the library has only {', '.join(ids) or 'none'}")
        return ids[-2], ids[-1]
    two_editions(library, one, other)
    older, newer = sorted((one, other))
    return older, newer


def two_editions(library: Library, one: str, other: str) -> tuple[Edition, Edition]:
    """The two editions named to be compared, in the order named.

    Raises LibraryError, one line, for an unknown edition (naming the library's) or the same edition twice.
    """
    editions = library.edition(one), library.edition(other)
    if one == other:
        raise LibraryError(f"compare two different editions, not {one} with itself")
    return editions


def aligned(library: Library, one: str, other: str, cache_dir: Path | None = None) -> Alignment:
    """The alignment of two editions of the library, the older on the left (one edition: against itself)."""
    older, newer = sorted((library.edition(one), library.edition(other)), key=lambda edition: edition.id)
    return cached_alignment(older, newer, cache_dir)
