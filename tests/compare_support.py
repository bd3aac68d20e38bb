"""Small hand-built editions for the comparison tests (no tests of its own)."""

from __future__ import annotations

from pathlib import Path

from bluebook_tui.library import Edition, Library
from bluebook_tui.library.model import parse_edition


def edition(edition_id: str, body: str) -> Edition:
    """An edition from the Markdown that follows its `#` heading (sections at `##` and below)."""
    markdown = f'---\nedition: "{edition_id}"\nbook: "Test Book {edition_id}"\n---\n\n# 3 Global Security\n\n{body}'
    return parse_edition(markdown, Path(f"{edition_id}.md"))


def library(*editions: Edition) -> Library:
    return Library(Path("test-content"), {item.id: item for item in editions})
