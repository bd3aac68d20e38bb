"""The search screen: the search panel over the reader; it closes with a `SearchOutcome` (the query, and the hit
chosen or the concordance asked for)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from bluebook_tui.ui.comparison import Comparison
from bluebook_tui.ui.key_hints import key_hints
from bluebook_tui.ui.messages import ConcordanceAsked, HitChosen
from bluebook_tui.ui.screens.dialog import DialogScreen
from bluebook_tui.ui.widgets.search_panel import SearchPanel


@dataclass(frozen=True)
class SearchOutcome:
    """The query as the reader left it (the next search starts from it) and what they chose, if anything."""

    query: str
    chosen: HitChosen | ConcordanceAsked | None = None


class SearchScreen(DialogScreen[SearchOutcome]):
    DEFAULT_CSS = """
    SearchScreen {
        align: center top;
        /* The one tall dialog: all the height the margins leave, its panel's parts padded by themselves. */
        #search { width: 100%; max-width: 120; height: 1fr; max-height: initial; margin: 1 2; padding: 0; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Back to reading, where you were.", id="search.close"),
        Binding(
            "ctrl+l",
            "concordance",
            "Concordance",
            tooltip="Every occurrence of the query in its context (Insights).",
            id="search.concordance",
        ),
    ]

    def __init__(
        self,
        editions: Sequence[str],
        query: str,
        comparison: Comparison | None = None,
    ) -> None:
        super().__init__()
        self._panel = SearchPanel(editions, query, comparison, id="search")
        self._panel.add_class("dialog")
        self._panel.border_title = "Search"
        # The reader's footer stays below this box and lists its keys, not these.
        self._panel.border_subtitle = key_hints(
            (OptionList, "select", "open"),
            (SearchPanel, "focus_hits", "hits"),
            (SearchPanel, "toggle_edition", "editions"),
            (SearchScreen, "concordance", "in context"),
            (SearchScreen, "close", "close"),
        )

    def compose(self) -> ComposeResult:
        yield self._panel

    @property
    def query_text(self) -> str:
        return self._panel.query_text

    def on_hit_chosen(self, message: HitChosen) -> None:
        message.stop()
        self.dismiss(SearchOutcome(self.query_text, message))

    def action_concordance(self) -> None:
        from bluebook_tui.compare.concordance import plain_term

        typed = self.query_text.strip()
        term = plain_term(self._panel.completed_query)  # `IBU`, as the search finds it, is IBUKI
        if plain_term(typed) != typed:
            self.app.notify(f"Concordance of “{term}”: the search's syntax is set aside.", timeout=4)
        self.dismiss(SearchOutcome(self.query_text, ConcordanceAsked(term)))

    def action_close(self) -> None:
        self.dismiss(SearchOutcome(self.query_text))
