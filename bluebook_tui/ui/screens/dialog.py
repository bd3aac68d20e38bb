"""The one frame every dialog is drawn in (help and search as well as the small ones): centred, a rounded accent
border with its title, on the surface."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class DialogScreen(ModalScreen[ResultType]):
    """A modal dialog; its frame is the widget with the `dialog` class (the frame, and each dialog's size, are in
    `ui/app.tcss`)."""
