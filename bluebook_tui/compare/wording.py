"""What changed in the wording between two editions: keywords and shifts, worked out once per pair of editions.

Both are kept in the user cache beside the alignment, keyed like it by the pair itself (both editions' content
digests) and the code that worked them out; the CLI and the app then only pick from them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bluebook_tui.compare.cache import alignment_key, cached_alignment
from bluebook_tui.compare.keywords import Keyword, keyness, strongest
from bluebook_tui.compare.shifts import Example, Shift, shifts
from bluebook_tui.compare.term_stream import analysis_fingerprint, term_stream
from bluebook_tui.compare.user_cache import default_cache_dir, read_entry, write_entry
from bluebook_tui.library import Edition

# Keywords are kept down to this many occurrences (fewer are worked out when asked for: rare terms are many).
KEPT_MIN_COUNT = 2


@dataclass(frozen=True)
class Wording:
    """Every keyword seen `KEPT_MIN_COUNT` times or more, strongest first; every shift, most made first."""

    keywords: tuple[Keyword, ...]
    shifts: tuple[Shift, ...]


_memory: dict[str, Wording] = {}
_lock = threading.Lock()


def edition_keywords(left: Edition, right: Edition, *, limit: int = 20, min_count: int = 5) -> list[Keyword]:
    """The `limit` strongest keywords leaning each way, seen `min_count` times or more in the two together."""
    if min_count < KEPT_MIN_COUNT:
        scored = keyness(term_stream(left), term_stream(right), min_count=min_count)
    else:
        scored = [each for each in wording(left, right).keywords if each.left_count + each.right_count >= min_count]
    return strongest(scored, limit)


def edition_shifts(left: Edition, right: Edition, *, limit: int = 20, min_count: int = 1) -> list[Shift]:
    """The `limit` shifts made most often (at least `min_count` times)."""
    return [shift for shift in wording(left, right).shifts if shift.count >= min_count][:limit]


def wording(left: Edition, right: Edition, cache_dir: Path | None = None) -> Wording:
    """The keywords and shifts of `left` against `right`: from this process, the user cache, or worked out."""
    # The alignment's key covers the pair and every comparison module; the analysis's, the search analyzer's code.
    key = f"{alignment_key(left, right)}-{analysis_fingerprint()}"
    with _lock:
        if key in _memory:
            return _memory[key]
    name = f"{left.id}-{left.digest[:16]}-{right.id}-{right.digest[:16]}.json"
    path = (cache_dir or default_cache_dir()) / "wording" / name
    found = _from_json(read_entry(path, key))
    if found is None:
        left_terms, right_terms = term_stream(left, cache_dir), term_stream(right, cache_dir)
        alignment = cached_alignment(left, right, cache_dir)
        found = Wording(
            tuple(keyness(left_terms, right_terms, min_count=KEPT_MIN_COUNT)),
            tuple(shifts(alignment, left_terms, right_terms, limit=10_000)),
        )
        write_entry(path, key, _to_json(found))
    with _lock:
        _memory[key] = found
    return found


def _to_json(found: Wording) -> dict[str, Any]:
    # Field by field: `dataclasses.asdict` deep-copies every value, ~60 ms for a pair's thousands of keywords.
    return {
        "keywords": [vars(keyword) for keyword in found.keywords],
        "shifts": [
            {**vars(shift), "examples": [vars(example) for example in shift.examples]} for shift in found.shifts
        ],
    }


def _from_json(data: dict[str, Any] | None) -> Wording | None:
    if data is None:
        return None
    try:
        return Wording(
            tuple(Keyword(**each) for each in data["keywords"]),
            tuple(
                Shift(**{**each, "examples": tuple(Example(**example) for example in each["examples"])})
                for each in data["shifts"]
            ),
        )
    except (KeyError, TypeError, ValueError):
        return None
