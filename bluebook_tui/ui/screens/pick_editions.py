"""Choosing editions: one to go to (`e` with more than two), or the two to compare (`P`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bluebook_tui.ui.key_hints import key_for, key_hints
from bluebook_tui.ui.screens.dialog import DialogScreen


def _options(editions: Sequence[str], notes: dict[str, str]) -> list[Option]:
    return [
        Option(f"{edition}  {notes[edition]}" if notes.get(edition) else edition, id=edition) for edition in editions
    ]


# The two pickers' look, each under its own screen's name.
_PICK_CSS = """
PickScreen {
    #pick { width: 60; max-width: 95%; }
    #pick-help { color: $text-muted; width: 100%; }
    OptionList { width: 1fr; height: auto; max-height: 20; border-title-color: $text-muted; }
}
"""


class EditionScreen(DialogScreen[str | None]):
    """Dismissed with the chosen edition, or None on escape."""

    DEFAULT_CSS = _PICK_CSS.replace("PickScreen", "EditionScreen")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Stay where you are.", id="pick.cancel"),
    ]

    def __init__(
        self, title: str, editions: Sequence[str], notes: dict[str, str] | None = None, question: str = ""
    ) -> None:
        """`title`: short, for the frame; `question`: above the list, wrapped (a heading may be 150 characters)."""
        super().__init__()
        self._title, self._editions, self._notes, self._question = title, list(editions), notes or {}, question

    def compose(self) -> ComposeResult:
        with Vertical(id="pick", classes="dialog"):
            if self._question:
                yield Static(self._question, id="pick-help", markup=False)
            yield OptionList(*_options(self._editions, self._notes), id="pick-edition")

    def on_mount(self) -> None:
        frame = self.query_one("#pick")
        frame.border_title = self._title
        frame.border_subtitle = key_hints((OptionList, "select", "go"), (EditionScreen, "cancel", "cancel"))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PairScreen(DialogScreen[tuple[str, str] | None]):
    """The two editions to compare: one from each list (enter in the first moves to the second). Dismissed with
    them older first, or None on escape; the same edition twice is said, not taken."""

    DEFAULT_CSS = _PICK_CSS.replace("PickScreen", "PairScreen")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Keep the editions compared now.", id="pair.cancel"),
    ]

    def __init__(self, editions: Sequence[str], current: tuple[str, str]) -> None:
        super().__init__()
        self._editions = sorted(editions)
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="pick", classes="dialog"):
            other_list = key_for(Screen, "app.focus_next")
            yield Static(f"Older edition on the left, newer on the right; {other_list}: other list.", id="pick-help")
            with Horizontal(id="pick-lists"):
                yield OptionList(*_options(self._editions, {}), id="pick-left")
                yield OptionList(*_options(self._editions, {}), id="pick-right")

    def on_mount(self) -> None:
        frame = self.query_one("#pick")
        frame.border_title = "Compare editions"
        # Short: 40 columns show it whole.
        frame.border_subtitle = key_hints((OptionList, "select", "choose"), (PairScreen, "cancel", "cancel"))
        self.query_one("#pick-lists").styles.height = "auto"
        for list_id, edition, side in zip(("#pick-left", "#pick-right"), self._current, ("Left", "Right"), strict=True):
            options = self.query_one(list_id, OptionList)
            options.highlighted = self._editions.index(edition)
            options.border_title = side

    @on(OptionList.OptionSelected, "#pick-left")
    def _left_chosen(self) -> None:
        self.query_one("#pick-right").focus()

    @on(OptionList.OptionSelected, "#pick-right")
    def _right_chosen(self) -> None:
        left, right = (self._chosen(list_id) for list_id in ("#pick-left", "#pick-right"))
        if left is None or right is None:
            return
        if left == right:
            self.notify(f"Pick two different editions, not {left} twice.", severity="warning", timeout=4)
            return
        self.dismiss((min(left, right), max(left, right)))

    def _chosen(self, list_id: str) -> str | None:
        options = self.query_one(list_id, OptionList)
        index = options.highlighted
        return options.get_option_at_index(index).id if index is not None else None

    def action_cancel(self) -> None:
        self.dismiss(None)
