"""The reader's bookmarks: section ids (stable across runs, unlike the widget's heading anchors), newest first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from bluebook_tui.user_data.store import Bookmark, Store

Change = Callable[[list[Bookmark]], list[Bookmark]]


def added(section_id: str, when: str | None = None) -> Change:
    """The change that bookmarks a section (first, as the newest), unless it is bookmarked already."""
    bookmark = Bookmark(section_id, when or datetime.now(timezone.utc).isoformat(timespec="seconds"))
    return lambda items: items if any(item.section_id == section_id for item in items) else [bookmark, *items]


def removed(section_id: str) -> Change:
    return lambda items: [item for item in items if item.section_id != section_id]


class Bookmarks:
    """Bookmarks kept in step with their file: every change is saved at once, on top of what other instances
    saved meanwhile. A change that cannot be saved stays for the session (and is saved with the next that can)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.items: list[Bookmark] = store.load_bookmarks()
        self._unsaved: list[Change] = []

    def __contains__(self, section_id: object) -> bool:
        return any(bookmark.section_id == section_id for bookmark in self.items)

    def toggle(self, section_id: str) -> bool:
        """Add the section, or remove it if it is there; True when it is now bookmarked. Raises SaveError after
        making the change for this session when it cannot be saved."""
        adding = section_id not in self
        self._apply(added(section_id) if adding else removed(section_id))
        return adding

    def remove(self, section_id: str) -> None:
        self._apply(removed(section_id))

    def _apply(self, change: Change) -> None:
        self.items = change(self.items)
        self._unsaved.append(change)
        pending = list(self._unsaved)

        def replay(items: list[Bookmark]) -> list[Bookmark]:
            for each in pending:
                items = each(items)
            return items

        self.items = self._store.update_bookmarks(replay)  # SaveError: the changes wait for the next save
        self._unsaved.clear()
