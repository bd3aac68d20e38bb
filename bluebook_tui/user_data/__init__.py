"""The reader's memory between runs: last position, history and bookmarks, as small JSON files (no Textual:
the CLI lists and imports bookmarks too)."""

from bluebook_tui.user_data.bookmarks import Bookmarks, added
from bluebook_tui.user_data.history import History
from bluebook_tui.user_data.store import Bookmark, SaveError, Session, Store, default_data_dir

__all__ = ["Bookmark", "Bookmarks", "History", "SaveError", "Session", "Store", "added", "default_data_dir"]
