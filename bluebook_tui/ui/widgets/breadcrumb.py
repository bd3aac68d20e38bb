"""The header line: where the reader is (book › chapter › section path), and a short status on the right."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

SEPARATOR = " › "


class Breadcrumb(Widget):
    """Keeps the end of the trail when it does not fit: the section is what matters, the book least."""

    DEFAULT_CSS = """
    Breadcrumb {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    trail: reactive[tuple[str, ...]] = reactive(())
    status: reactive[str] = reactive("")

    def render(self) -> Content:
        status = Content.styled(f"  {self.status}", "$text-accent") if self.status else Content("")
        room = max(self.content_size.width - status.cell_length, 1)
        trail = SEPARATOR.join(self.trail)
        if len(trail) > room:
            trail = "…" + trail[len(trail) - room + 1 :]
        *head, last = trail.rpartition(SEPARATOR)
        crumbs = Content.styled("".join(head), "$text-muted") + Content.styled(last, "bold")
        return (crumbs.pad_right(room - crumbs.cell_length) if room > crumbs.cell_length else crumbs) + status
