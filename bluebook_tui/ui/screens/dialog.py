"""The one frame every dialog is drawn in (help and search as well as the small ones): centred, a rounded accent
border with its title, on the surface."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class DialogScreen(ModalScreen[ResultType]):
    """A modal dialog; its frame is the widget with the `dialog` class (each dialog's size is in its screen's
    DEFAULT_CSS)."""

    DEFAULT_CSS = """
    DialogScreen {
        align: center middle;
        .dialog {
            height: auto;
            max-height: 90%;
            padding: 0 1;
            border: round $accent;
            border-title-color: $accent;
            background: $surface;
            /* Over the focus border of a widget that is its own frame (the bookmarks' list). */
            &:focus { border: round $accent; }
        }
    }
    """
