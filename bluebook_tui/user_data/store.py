"""Small JSON files under the user data dir, written atomically; a bad one is set aside, never fatal, never lost.

Two instances of the app may share the directory: bookmarks and history are merged with what is on disk under a
file lock as they are saved, so neither instance's changes overwrite the other's. A file that cannot be read, or
holds JSON of the wrong shape, is moved aside (`NAME.corrupt-TIME`) with a notice, and what could be read of it is
kept. A file that cannot be written is said at once (`SaveError`, or a notice for what is saved on its own).
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bluebook_tui.library.files import why_not, write_atomically
from bluebook_tui.library.paths import APP_NAME
from bluebook_tui.user_data.history import History, merged_history

BOOKMARKS, HISTORY, SESSION = "bookmarks.json", "history.json", "session.json"


def default_data_dir() -> Path:
    """Where the reader keeps its state (platformdirs honours XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


class SaveError(Exception):
    """A file of the user's that could not be written: the message says which, where and why, in one line."""


@dataclass(frozen=True)
class Bookmark:
    section_id: str
    added: str


@dataclass(frozen=True)
class Session:
    """Where the reader was when they left: a section, how far down it, and whether side by side (with the
    changed words marked)."""

    section_id: str
    scroll_y: int = 0
    comparing: bool = False
    marking: bool = False


class Store:
    """The reader's files in one directory. Problems become notices: kept in `notices` until a `listener` is set
    (the app's status line, once it is up), then given to it as they happen."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.notices: list[str] = []
        self._listener: Callable[[str], None] | None = None
        self._unsaved: set[str] = set()  # files whose failed save was said already (saved again on every move)

    def listen(self, listener: Callable[[str], None]) -> None:
        """Give every notice to `listener` from now on, the ones kept so far first."""
        self._listener = listener
        for notice in self.notices:
            listener(notice)
        self.notices.clear()

    # Session: the last instance to move wins (it is where the reader was last). ----------------------------

    def load_session(self) -> Session | None:
        data = self._read(SESSION)
        if data is None:
            return None
        fields = data if isinstance(data, dict) else {}
        section_id, scroll_y = fields.get("section_id"), fields.get("scroll_y", 0)
        if not isinstance(section_id, str) or type(scroll_y) is not int or scroll_y < 0:
            self._set_aside(self.directory / SESSION, "was not a saved position")
            return Session(section_id) if isinstance(section_id, str) else None
        return Session(section_id, scroll_y, fields.get("comparing") is True, fields.get("marking") is True)

    def save_session(self, session: Session) -> None:
        data = {
            "section_id": session.section_id,
            "scroll_y": session.scroll_y,
            "comparing": session.comparing,
            "marking": session.marking,
        }
        self._save_quietly(SESSION, data, "your reading position")

    # History: merged with the other instances' under the lock. -----------------------------------------------

    def load_history(self) -> History:
        data = self._read(HISTORY)
        history = History.from_json(data)
        if data is not None and history.to_json() != data:
            self._set_aside(self.directory / HISTORY, "was not a reading history")
        return history

    def save_history(self, history: History) -> None:
        try:
            with self._locked(HISTORY):
                on_disk = History.from_json(self._read(HISTORY))
                self._write(HISTORY, merged_history(on_disk, history).to_json())
        except SaveError as error:
            self._say_once(HISTORY, f"{error}; your history is kept for this session only.")
        else:
            self._unsaved.discard(HISTORY)

    # Bookmarks: every change is applied to what is on disk, under the lock. ----------------------------------

    def load_bookmarks(self) -> list[Bookmark]:
        data = self._read(BOOKMARKS)
        if data is None:
            return []
        items = data if isinstance(data, list) else []
        kept = [
            Bookmark(item["section_id"], str(item.get("added", "")))
            for item in items
            if isinstance(item, dict) and isinstance(item.get("section_id"), str)
        ]
        if len(kept) != len(items) or not isinstance(data, list):
            self._set_aside(self.directory / BOOKMARKS, "was not a list of bookmarks")
            if kept:
                # What could be read is the user's: keep it in the file, beside the copy set aside.
                self._save_quietly(BOOKMARKS, _bookmarks_json(kept), "your bookmarks")
        return kept

    def update_bookmarks(self, change: Callable[[list[Bookmark]], list[Bookmark]]) -> list[Bookmark]:
        """Apply `change` to the bookmarks as they are on disk now (another instance's included) and save them;
        the bookmarks as saved. Raises SaveError, saving nothing, when they cannot be written."""
        with self._locked(BOOKMARKS):
            updated = change(self.load_bookmarks())
            self._write(BOOKMARKS, _bookmarks_json(updated))
        return updated

    # Files ------------------------------------------------------------------------------------------------------

    def _read(self, name: str) -> Any:
        path = self.directory / name
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, NotADirectoryError):
            return None  # no file (or no folder for it): nothing saved yet, nothing to set aside
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            self._set_aside(path, "was unreadable")
            return None

    def _set_aside(self, path: Path, why: str) -> None:
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(path, aside)
        except OSError as error:
            self._notice(f"{path} {why} and could not be moved aside ({error.strerror}).")
        else:
            self._notice(f"{path.name} {why}; it was set aside as {aside.name}.")

    @contextmanager
    def _locked(self, name: str) -> Iterator[None]:
        """Held while one instance reads, changes and writes `name`, so two never interleave."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            lock = open(self.directory / f".{name}.lock", "a+b")  # noqa: SIM115 (held across the yield)
        except OSError as error:
            raise _save_error(name, self.directory, error) from None
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _write(self, name: str, data: object) -> None:
        """Write via a temporary file and `os.replace`, so a reader never sees half a file."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self.directory / name, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        except OSError as error:
            raise _save_error(name, self.directory, error) from None

    def _save_quietly(self, name: str, data: object, what: str) -> None:
        try:
            self._write(name, data)
        except SaveError as error:
            self._say_once(name, f"{error}; {what} will not be remembered.")
        else:
            self._unsaved.discard(name)

    def _say_once(self, name: str, notice: str) -> None:
        """Said on the first failure, not on each of the saves after it (every move saves the position)."""
        if name not in self._unsaved:
            self._unsaved.add(name)
            self._notice(notice)

    def _notice(self, notice: str) -> None:
        if self._listener is not None:
            self._listener(notice)
        else:
            self.notices.append(notice)


def _save_error(name: str, directory: Path, error: OSError) -> SaveError:
    return SaveError(f"Could not save {name} in {directory} ({why_not(error)})")


def _bookmarks_json(bookmarks: list[Bookmark]) -> list[dict[str, str]]:
    return [{"section_id": bookmark.section_id, "added": bookmark.added} for bookmark in bookmarks]
