"""The `?` screen: every key of the reader, generated from the bindings (never a hand-kept copy)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from bluebook_tui.ui.screens.dialog import DialogScreen

TITLE = "Keys  (escape to close)"


def key_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, what, tooltip) for each action bound on the screen, its focused widget and the app; the ones with a
    tooltip (the app's own) first."""
    rows: dict[tuple[object, str], tuple[list[str], str, str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        entry = rows.setdefault((active.node, binding.action), ([], binding.description, binding.tooltip))
        entry[0].append(screen.app.get_key_display(Binding(key, binding.action)))
    listed = [(" ".join(keys), description, tooltip) for keys, description, tooltip in rows.values()]
    return sorted(listed, key=lambda row: not row[2])  # the app's own keys (they have tooltips) first


class HelpScreen(DialogScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        /* The table's cells bring their own padding. */
        #help-keys { width: auto; max-width: 100%; padding: 0; }
        /* With notes, one frame holds both: the keys scroll in what the notes under them leave. */
        #help-frame { width: auto; max-width: 100%; height: 90%; padding: 0; }
        /* As wide as the frame, so that its scrollbar is at the frame's edge, not inside the notes' width. */
        #help-frame #help-keys { height: 1fr; width: 100%; }
        #help-notes {
            width: auto; max-width: 100%; height: auto; max-height: 50%; overflow-y: auto;
            padding: 0 1; border-top: solid $foreground 30%; color: $text-muted;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close", tooltip="Back to reading.", id="help.close")
    ]

    def __init__(self, for_screen: Screen[object], notes: str = "") -> None:
        """`notes`: what the screen's marks mean, shown under the keys."""
        super().__init__()
        self._rows = key_rows(for_screen)
        self._notes = notes

    def compose(self) -> ComposeResult:
        table: DataTable[Content | Text] = DataTable(cursor_type="row", zebra_stripes=True, id="help-keys")
        # Widths given, not measured: the table under-measures styled `Content` cells and would clip them. What
        # does not fit its column wraps onto more lines (row height None; Rich `Text` wraps there, `Content`
        # does not), never cut.
        keys_width = max((len(row[0]) for row in self._rows), default=4)
        does_width = max((len(row[1]) for row in self._rows), default=4)
        room = self.app.size.width - keys_width - 12  # cells' padding, the border and the scrollbar aside
        if room - does_width >= 24:
            tooltip_width = min(max((len(row[2]) for row in self._rows), default=8), room - does_width)
            for title, width in (("Key", keys_width), ("Does", does_width), ("", tooltip_width)):
                table.add_column(title, width=width)
            for keys, description, tooltip in self._rows:
                table.add_row(
                    Content.styled(keys, "bold $text-accent"), Text(description), Text(tooltip, "dim"), height=None
                )
        else:
            # Narrow: what a key does and its longer tooltip in one column, wrapped.
            table.add_column("Key", width=keys_width)
            table.add_column("Does", width=max(room, 12))
            for keys, description, tooltip in self._rows:
                does = Text.assemble(description, (f". {tooltip}" if tooltip else "", "dim"))
                table.add_row(Content.styled(keys, "bold $text-accent"), does, height=None)
        if not self._notes:
            table.add_class("dialog")
            table.border_title = TITLE
            yield table
            return
        with Vertical(id="help-frame", classes="dialog") as frame:
            frame.border_title = TITLE
            yield table
            yield Static(self._notes, id="help-notes")

    def action_close(self) -> None:
        self.dismiss(None)
