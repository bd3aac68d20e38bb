"""The reader's bookmarks: section ids (stable across runs, unlike the widget's heading anchors), newest first."""

from __future__ import annotations

from datetime import datetime, timezone

from bluebook_tui.ui.data.store import Bookmark, Store


class Bookmarks:
    """Bookmarks kept in step with their file: every change is saved at once."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.items: list[Bookmark] = store.load_bookmarks()

    def __contains__(self, section_id: object) -> bool:
        return any(bookmark.section_id == section_id for bookmark in self.items)

    def toggle(self, section_id: str) -> bool:
        """Add the section, or remove it if it is there; True when it is now bookmarked."""
        if section_id in self:
            self.remove(section_id)
            return False
        added = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.items.insert(0, Bookmark(section_id, added))
        self._store.save_bookmarks(self.items)
        return True

    def remove(self, section_id: str) -> None:
        self.items = [bookmark for bookmark in self.items if bookmark.section_id != section_id]
        self._store.save_bookmarks(self.items)
