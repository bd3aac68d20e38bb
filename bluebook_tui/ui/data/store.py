"""Small JSON files under the user data dir, written atomically; a corrupt one is set aside, never fatal."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from bluebook_tui.library.files import write_atomically
from bluebook_tui.library.paths import APP_NAME
from bluebook_tui.ui.data.history import History


def default_data_dir() -> Path:
    """Where the reader keeps its state (platformdirs honours XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


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
    """The reader's files in one directory. Problems become `notices` for the app to show, not exceptions."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.notices: list[str] = []

    def load_session(self) -> Session | None:
        data = self._read("session.json")
        if not isinstance(data, dict) or not isinstance(data.get("section_id"), str):
            return None
        scroll_y = data.get("scroll_y", 0)
        return Session(
            data["section_id"],
            scroll_y if isinstance(scroll_y, int) and scroll_y >= 0 else 0,
            data.get("comparing") is True,
            data.get("marking") is True,
        )

    def save_session(self, session: Session) -> None:
        self._write(
            "session.json",
            {
                "section_id": session.section_id,
                "scroll_y": session.scroll_y,
                "comparing": session.comparing,
                "marking": session.marking,
            },
        )

    def load_history(self) -> History:
        return History.from_json(self._read("history.json"))

    def save_history(self, history: History) -> None:
        self._write("history.json", history.to_json())

    def load_bookmarks(self) -> list[Bookmark]:
        data = self._read("bookmarks.json")
        if not isinstance(data, list):
            return []
        return [
            Bookmark(item["section_id"], str(item.get("added", "")))
            for item in data
            if isinstance(item, dict) and isinstance(item.get("section_id"), str)
        ]

    def save_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        self._write("bookmarks.json", [{"section_id": b.section_id, "added": b.added} for b in bookmarks])

    def _read(self, name: str) -> object | None:
        path = self.directory / name
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            self._set_aside(path)
            return None

    def _set_aside(self, path: Path) -> None:
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(path, aside)
        except OSError as error:
            self.notices.append(f"Could not read {path} and could not move it aside ({error.strerror}).")
        else:
            self.notices.append(f"{path.name} was unreadable; it was set aside as {aside.name}.")

    def _write(self, name: str, data: object) -> None:
        """Write via a temporary file and `os.replace`, so a reader never sees half a file."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self.directory / name, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        except OSError as error:
            self.notices.append(f"Could not save {name} in {self.directory} ({error.strerror}).")
