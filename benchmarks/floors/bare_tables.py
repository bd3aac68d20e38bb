"""The floor for opening the Insights screen: `I` pushes a screen of two 50-row DataTables side by side (what the
Keywords tab shows), nothing else. The first row reads "Rising" so a timer can wait for it."""

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Static


class Tables(Screen[None]):
    def compose(self) -> ComposeResult:
        with Horizontal():
            for title in ("Rising", "Falling"):
                table: DataTable[str] = DataTable()
                table.add_columns("term", "2016", "2022", "G²")
                for row in range(50):
                    table.add_row(f"{title} {row}", "1", "2", "3.0")
                yield table


class BareTables(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("I", "open", "Open")]

    def compose(self) -> ComposeResult:
        yield Static("deterrence")

    def action_open(self) -> None:
        self.push_screen(Tables())


if __name__ == "__main__":
    BareTables().run()
