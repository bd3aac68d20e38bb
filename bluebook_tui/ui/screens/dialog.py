"""The one frame every small dialog is drawn in: centred, a rounded accent border with its title, on the surface."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class DialogScreen(ModalScreen[ResultType]):
    """A modal dialog; its frame is the widget with the `dialog` class (its size is the dialog's own CSS)."""

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
        }
    }
    """
