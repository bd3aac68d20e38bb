"""The reader's memory between runs: last position, history and bookmarks, as small JSON files."""

from bluebook_tui.ui.data.bookmarks import Bookmarks
from bluebook_tui.ui.data.history import History
from bluebook_tui.ui.data.store import Bookmark, Session, Store, default_data_dir

__all__ = ["Bookmark", "Bookmarks", "History", "Session", "Store", "default_data_dir"]
