"""What every verb shares: the chosen library, loaded once and only when a verb asks for it."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bluebook_tui.library.paths import content_dir

if TYPE_CHECKING:
    from bluebook_tui.library.model import Library


class CommandContext:
    def __init__(self, content_dir_option: str | None) -> None:
        self.content_dir: Path = content_dir(content_dir_option)

    @cached_property
    def library(self) -> Library:
        from bluebook_tui.library.snapshot import load_library_snapshot

        return load_library_snapshot(self.content_dir)
