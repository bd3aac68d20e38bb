"""A one-column bar between the tree and the pane; dragging it posts the width the tree should take."""

from __future__ import annotations

from textual import events
from textual.widget import Widget

from bluebook_tui.ui.messages import SplitterDragged


class Splitter(Widget):
    DEFAULT_CSS = """
    Splitter {
        width: 1;
        height: 1fr;
        background: $panel;
        &:hover, &.-dragging { background: $accent; }
    }
    """

    def render(self) -> str:
        return ""

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self.capture_mouse()
        self.add_class("-dragging")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self.app.mouse_captured is self:
            self.post_message(SplitterDragged(event.screen_x))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self.release_mouse()
        self.remove_class("-dragging")
