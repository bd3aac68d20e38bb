"""The header line: where the reader is (book › chapter › section path), and a short status on the right."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

SEPARATOR = " › "


def fitted(trail: tuple[str, ...], edition: str, room: int) -> list[str]:
    """The trail's parts as they fit in `room` cells: whole if they can; else the middle headings give way first
    (the outermost first, for "…"), then the book's name to its edition id; at the narrowest, the edition and the
    current heading cut at its end. Never cut from the left: the edition and the heading are what say where."""
    if not trail or len(SEPARATOR.join(trail)) <= room:
        return list(trail)
    book, *middle, last = trail
    for first in (book, edition):
        for cut in range(1, len(middle) + 1):
            parts = [first, "…", *middle[cut:], last] if cut < len(middle) else [first, "…", last]
            if len(SEPARATOR.join(parts)) <= room:
                return parts
        if not middle and len(SEPARATOR.join([first, last])) <= room:
            return [first, last]
    space = max(room - len(edition) - len(SEPARATOR), 1)
    return [edition, last if len(last) <= space else last[: space - 1] + "…"]


class Breadcrumb(Widget):
    """The book, its chapter and the section's path; at narrow widths, see `fitted`."""

    DEFAULT_CSS = """
    Breadcrumb {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    trail: reactive[tuple[str, ...]] = reactive(())
    edition: reactive[str] = reactive("")
    status: reactive[str] = reactive("")

    def render(self) -> Content:
        status = Content.styled(f"  {self.status}", "$text-accent") if self.status else Content("")
        room = max(self.content_size.width - status.cell_length, 1)
        *head, last = fitted(self.trail, self.edition, room) or [""]
        crumbs = Content.styled("".join(part + SEPARATOR for part in head), "$text-muted") + Content.styled(
            last, "bold"
        )
        return (crumbs.pad_right(room - crumbs.cell_length) if room > crumbs.cell_length else crumbs) + status
