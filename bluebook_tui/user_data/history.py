"""Back and forward through the sections the reader has visited, like a browser."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ENTRIES = 100


@dataclass
class History:
    """Visited section ids, oldest first; `index` points at the current one."""

    entries: list[str] = field(default_factory=list)
    index: int = -1

    @property
    def current(self) -> str | None:
        return self.entries[self.index] if 0 <= self.index < len(self.entries) else None

    @property
    def can_go_back(self) -> bool:
        return self.index > 0

    @property
    def can_go_forward(self) -> bool:
        return self.index < len(self.entries) - 1

    def visit(self, section_id: str) -> None:
        """Record a new place: anything ahead of the current entry is dropped, as in a browser."""
        if section_id == self.current:
            return
        del self.entries[self.index + 1 :]
        self.entries.append(section_id)
        overflow = len(self.entries) - MAX_ENTRIES
        if overflow > 0:
            del self.entries[:overflow]
        self.index = len(self.entries) - 1

    def back(self) -> str | None:
        if not self.can_go_back:
            return None
        self.index -= 1
        return self.current

    def forward(self) -> str | None:
        if not self.can_go_forward:
            return None
        self.index += 1
        return self.current

    def to_json(self) -> dict[str, object]:
        return {"entries": self.entries, "index": self.index}

    @classmethod
    def from_json(cls, data: object) -> History:
        """A history from its saved form; anything malformed gives an empty history."""
        if not isinstance(data, dict):
            return cls()
        saved = data.get("entries")
        entries = [entry for entry in saved if isinstance(entry, str)] if isinstance(saved, list) else []
        entries = entries[-MAX_ENTRIES:]
        index = data.get("index")
        if not isinstance(index, int) or not 0 <= index < len(entries):
            index = len(entries) - 1
        return cls(entries, index)


def merged_history(on_disk: History, mine: History) -> History:
    """What to save when another instance may have saved its history since this one loaded: its places this one
    has not been to come first, then this one's in order (the current place stays current)."""
    theirs = [entry for entry in on_disk.entries if entry not in mine.entries]
    entries = (theirs + mine.entries)[-MAX_ENTRIES:]
    current = mine.current
    index = len(entries) - len(mine.entries) + mine.index if current is not None else len(entries) - 1
    return History(entries, max(-1, min(index, len(entries) - 1)))
