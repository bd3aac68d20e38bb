"""Full-text search over every section of every edition (Whoosh); no Textual here.

Names are imported on first use, so a caller that needs only the analysis (`search.analysis`, for counting words as
the index does) does not pay for the index and the query parser.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bluebook_tui.search.results import SearchHit, SearchResults
    from bluebook_tui.search.service import SearchService

_HOMES = {"SearchHit": "results", "SearchResults": "results", "SearchService": "service"}

__all__ = ["SearchHit", "SearchResults", "SearchService"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
