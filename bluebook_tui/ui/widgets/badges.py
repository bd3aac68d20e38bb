"""Small pieces of text that show a comparison: a section's change as a badge or a note, and bars."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:
    from bluebook_tui.compare import SectionPair
    from bluebook_tui.library.model import Section

# By status, and for the `renumbered` flag.
STYLES = {
    "unchanged": "$text-muted",
    "changed": "$text-warning",
    "added": "bold $text-success",
    "removed": "bold $text-error",
    "renumbered": "$text-accent",
}
_EIGHTHS = " ▏▎▍▌▋▊▉"


def percent(similarity: float) -> str:
    return f"{round(similarity * 100)}%"


def badge_parts(pair: SectionPair) -> list[tuple[str, str]]:
    """A few cells for the tree, as (text, key of `STYLES`): new, removed, the similarity of a changed
    section or "same"; then "renum" if it was renumbered."""
    label = {"unchanged": "same", "added": "new", "removed": "removed"}.get(pair.status) or percent(pair.similarity)
    parts: list[tuple[str, str]] = [(label, pair.status)]
    if "renumbered" in pair.flags:
        parts.append(("renum", "renumbered"))
    return parts


def counterpart_note(pair: SectionPair, section: Section, other_edition: str) -> Content:
    """What became of `section` in `other_edition`, in words ("changed since 2016 (63% alike)")."""
    if pair.status == "added":
        text = f"new in {section.edition}"
    elif pair.status == "removed":
        text = f"not in {other_edition}"
    else:
        since_or_in = "since" if other_edition < section.edition else "in"
        text = f"{pair.status} {since_or_in} {other_edition}"
        if pair.status == "changed":
            text += f" ({percent(pair.similarity)} alike)"
    return Content.styled(text, STYLES[pair.status])


def bar(fraction: float, width: int) -> str:
    """A bar `width` cells long, filled to `fraction` (clamped to [0, 1]) in eighths of a cell."""
    eighths = round(max(0.0, min(fraction, 1.0)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width)
