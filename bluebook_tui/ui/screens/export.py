"""Where to write the comparison report: one line, the file's path (its suffix picks HTML, Markdown or CSV). A file
that is there already is replaced only once the reader presses enter on it a second time; a name that cannot be
written (another suffix, a folder, a folder that is not there) is said in the dialog, which stays to fix it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from bluebook_tui.report.errors import ReportError
from bluebook_tui.report.formats import format_for
from bluebook_tui.ui.key_hints import key_hints
from bluebook_tui.ui.screens.dialog import DialogScreen
from bluebook_tui.ui.textual_compat import OrderedInput


class ExportScreen(DialogScreen[Path | None]):
    """Dismissed with the chosen path (relative ones from the current directory), or None on escape."""

    DEFAULT_CSS = """
    ExportScreen {
        #export { width: 100%; max-width: 90; }
        #export-help { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Back to reading; nothing is written.", id="export.cancel"),
    ]

    def __init__(self, left: str, right: str, default: Path) -> None:
        super().__init__()
        self.left, self.right = left, right
        self.default = default
        self._replacing: Path | None = None  # a file there already, which enter again replaces
        self._warned = False  # the help line says what is wrong with the name, until it is edited

    @property
    def _help(self) -> str:
        return (
            f"What changed from {self.left} to {self.right}, as one file anyone can open offline. "
            "End the name in .md for Markdown or .csv for a row per sentence."
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="export", classes="dialog"):
            yield Static(self._help, id="export-help")
            yield OrderedInput(str(self.default), id="export-path")

    def on_mount(self) -> None:
        frame = self.query_one("#export")
        frame.border_title = f"Export comparison report {self.left} → {self.right}"
        frame.border_subtitle = key_hints((Input, "submit", "write"), (ExportScreen, "cancel", "cancel"))

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            return
        path = Path(value).expanduser()
        problem = _problem(path)
        if problem is not None:
            self._warn(problem)
            return
        if path.is_file() and path != self._replacing:
            self._replacing = path
            self._warn(f"{path.name} is there already: enter again to replace it, or change the name.")
            return
        self.dismiss(path)

    def _warn(self, warning: str) -> None:
        self._warned = True
        self.query_one("#export-help", Static).update(Content.styled(warning, "$text-warning"))

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._replacing = None
        if self._warned:
            self._warned = False
            self.query_one("#export-help", Static).update(self._help)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _problem(path: Path) -> str | None:
    """Why the report cannot be written at `path`, if that is known before writing."""
    if path.is_dir():
        return f"{path} is a folder: end the path with the report's file name."
    if not path.parent.is_dir():
        return f"There is no folder {path.parent}: name one that is there."
    try:
        format_for(path, None)
    except ReportError:
        return f"{path.name}: end the name in .html, .md or .csv."
    return None
