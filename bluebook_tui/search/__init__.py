"""Full-text search over every section of every edition (Whoosh); no Textual here."""

from bluebook_tui.search.results import SearchHit, SearchResults
from bluebook_tui.search.service import SearchService

__all__ = ["SearchHit", "SearchResults", "SearchService"]
