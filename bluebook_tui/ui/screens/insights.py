"""The Insights screen: how the wording changed between the compared editions, in four tabs.

Keywords (rising and falling), Shifts (substitutions and variant forms, with an example), Concordance (a term in
context as you type; enter opens the line's section with the term marked) and Dispersion (where the term stands in
each edition, and its rate per edition). The work is the comparison layer's; this screen only lays it out.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.style import Style
from textual.widgets import ContentSwitcher, DataTable, Input, Static

from bluebook_tui.compare.concordance import ConcordanceLine, Dispersion, concordance, dispersion, highlight_pattern
from bluebook_tui.compare.keywords import Keyword
from bluebook_tui.compare.shifts import Shift
from bluebook_tui.compare.term_stream import query_terms
from bluebook_tui.compare.trend import TermCount, term_trend
from bluebook_tui.compare.wording import Wording
from bluebook_tui.ui.comparison import Comparison
from bluebook_tui.ui.key_hints import key_for
from bluebook_tui.ui.messages import HitChosen
from bluebook_tui.ui.textual_compat import OrderedInput
from bluebook_tui.ui.widgets.key_bar import KeyBar

KEYWORDS_SHOWN = 50
COUNT_WIDTH = 5
ID_WIDTH = 14  # a concordance line's section id, cut with an ellipsis beyond
TABS = {"keywords": "Keywords", "shifts": "Shifts", "concordance": "Concordance", "dispersion": "Dispersion"}
SHORT_TABS = {"keywords": "Keys", "shifts": "Shifts", "concordance": "KWIC", "dispersion": "Where"}
NARROW = 60  # below this many columns, the tabs' short names
# The widget a tab's key focuses (a focus left in a hidden tab would bring that tab back).
FOCUS = {"keywords": "#rising", "shifts": "#shift-table", "concordance": "#term", "dispersion": "#dispersion-scroll"}


class TabBody(Vertical):
    """One tab's widgets, composed by the screen when the tab is first shown."""

    DEFAULT_CSS = "TabBody { height: 1fr; }"

    def __init__(self, screen: InsightsScreen, tab: str) -> None:
        super().__init__()
        self._insights, self._tab = screen, tab

    def compose(self) -> ComposeResult:
        yield from self._insights.tab_content(self._tab)


class TermInput(OrderedInput):
    """The concordance's term. A digit typed here is part of the term, not a tab key: escape leaves the box first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            "Leave the box",
            tooltip="Out of the term's box, to its lines: 1-4 then switch tabs (escape again: back to reading).",
            id="insights.leave",
        ),
    ]

    def action_leave(self) -> None:
        lines = self.screen.query_one("#lines", DataTable)
        if lines.row_count:
            lines.focus()
        else:
            self.screen.set_focus(None)


class InsightsScreen(Screen[HitChosen | None]):
    """Dismissed with the concordance line chosen (its section and the term to mark), or None."""

    DEFAULT_CSS = """
    InsightsScreen {
        #insights-summary { height: 1; padding: 0 1; background: $panel; }
        #tab-bar { height: 1; margin: 0 0 1 0; }
        ContentSwitcher, ContentSwitcher > Vertical { height: 1fr; }
        #keyword-tables { height: 1fr; }
        #keyword-tables > Vertical { width: 1fr; }
        .table-title { height: 1; padding: 0 1; text-style: bold; }
        DataTable { height: 1fr; }
        #shift-example { height: auto; max-height: 50%; border-top: solid $foreground 20%; }
        #shift-example > Static { width: 1fr; padding: 0 1; border-top: blank; border-title-color: $text-muted; }
        #term { margin: 0 0 0 0; }
        #concordance-note, #dispersion-note { height: 1; padding: 0 1; color: $text-muted; }
        #dispersion-chart { padding: 0 1; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,I", "close", "Back", tooltip="Back to reading, where you were.", id="insights.close"),
        Binding(
            "1",
            "tab('keywords')",
            "Keywords",
            tooltip="Words and phrases rising and falling.",
            id="insights.1",
            priority=True,
        ),
        Binding(
            "2", "tab('shifts')", "Shifts", tooltip="Wording changed systematically.", id="insights.2", priority=True
        ),
        Binding(
            "3", "tab('concordance')", "Concordance", tooltip="A term in its contexts.", id="insights.3", priority=True
        ),
        Binding("down", "to_lines", "Lines", show=False, tooltip="From the term to its lines.", id="insights.lines"),
        Binding(
            "4",
            "tab('dispersion')",
            "Dispersion",
            tooltip="Where the term stands in each edition.",
            id="insights.4",
            priority=True,
        ),
    ]

    def __init__(self, comparison: Comparison, *, term: str = "", tab: str = "keywords") -> None:
        """`term`: the concordance's to start with; `tab`: the tab shown first."""
        super().__init__()
        self.comparison = comparison
        self.library = comparison.library
        self.left, self.right = comparison.left_edition, comparison.right_edition
        self._term = term
        self._tab = tab
        self._built: set[str] = set()
        self._wording: Wording | None = None
        self._example = 0  # which example of the highlighted shift is shown
        self._lines: list[ConcordanceLine] = []
        self._shifts: list[Shift] = []
        self._dispersions: list[Dispersion] = []
        self._counts: list[TermCount] = []

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(f"{self.left} → {self.right} · wording", "bold"), id="insights-summary")
        # Only the tab shown is built now, the others when first shown; and a line of tab names rather than
        # Textual's TabbedContent, whose tabs mounted ~200 ms after the screen here (its panes later still).
        yield Static(self._tab_bar(), id="tab-bar")
        with ContentSwitcher(initial=self._tab):
            for tab in TABS:
                with Vertical(id=tab):
                    if tab == self._tab:
                        yield TabBody(self, tab)
        yield KeyBar()

    @property
    def active_tab(self) -> str:
        return self._tab

    def _tab_bar(self) -> Content:
        """The tabs' names, the one shown highlighted, each with its key and clickable."""
        items = []
        titles = SHORT_TABS if self.app.size.width < NARROW else TABS
        for number, (tab, title) in enumerate(titles.items(), start=1):
            style = "bold reverse $accent" if tab == self._tab else "$text-muted"
            click = Style.from_meta({"@click": f"screen.tab({tab!r})"})
            items.append(Content.assemble((f"{number} ", "bold"), (title, style)).stylize(click))
        return Content("  ").join(items)

    def tab_content(self, tab: str) -> ComposeResult:
        self._built.add(tab)
        if tab == "keywords":
            with Horizontal(id="keyword-tables"):
                for table_id, title in (
                    ("rising", f"Rising in {self.right}"),
                    ("falling", f"Falling since {self.left}"),
                ):
                    with Vertical():
                        yield Static(title, classes="table-title")
                        yield self._keyword_table(table_id)
        elif tab == "shifts":
            table: DataTable[object] = DataTable(id="shift-table", cursor_type="row", zebra_stripes=True)
            table.add_columns(self.left, "", self.right, "times", f"old still in {self.right}", "kind")
            yield table
            with Horizontal(id="shift-example"):
                yield Static("", id="example-left")
                yield Static("", id="example-right")
        elif tab == "concordance":
            # Not selected when focused: the term brought from a search is one to go on typing.
            yield TermInput(
                self._term, placeholder="A word or phrase, e.g. Indo-Pacific", id="term", select_on_focus=False
            )
            yield Static(self._note(), id="concordance-note")
            lines: DataTable[object] = DataTable(id="lines", cursor_type="row", zebra_stripes=True, show_header=False)
            lines.add_column("line")
            yield lines
        else:
            yield Static(self._note("dispersion"), id="dispersion-note")
            with VerticalScroll(id="dispersion-scroll"):
                yield Static("", id="dispersion-chart")

    def _keyword_table(self, table_id: str) -> DataTable[object]:
        """Both tables side by side with their figures in view: the term gets what the counts leave."""
        table: DataTable[object] = DataTable(id=table_id, cursor_type="row", zebra_stripes=True)
        table.add_column("term", width=max(10, self.app.size.width // 2 - 3 * (COUNT_WIDTH + 2) - 4))
        for title in (self.left, self.right, "G²"):
            table.add_column(title, width=COUNT_WIDTH)
        return table

    def on_mount(self) -> None:
        if self.comparison.wording_ready:  # as it is once the reader has prepared it: no thread to wait for
            self._wording_found(self.comparison.wording())
        else:
            self._work_out_wording()
        self._look_up(self._term)
        self.call_after_refresh(lambda: self._fill(self._tab, True))  # the tab shown by then: a key may have switched

    def _fill(self, tab: str, focus: bool = False) -> None:
        """Show what is known so far in a tab that is built (the others are filled when they are)."""
        if tab not in self._built or not self.is_attached:
            return
        if tab == "keywords":
            self._fill_keywords()
        elif tab == "shifts":
            self._fill_shifts()
        elif tab == "concordance":
            self._fill_lines()
        else:
            self._draw_dispersion()
        if focus:
            # At once, not as `focus()` does it after the messages waiting: keys typed in the same burst go there.
            self.set_focus(self.query_one(FOCUS[tab]))

    # Keywords and shifts ------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="wording")
    def _work_out_wording(self) -> None:
        try:
            found = self.comparison.wording()
        except Exception as error:  # reading must go on whatever went wrong here
            self.app.call_from_thread(self.notify, f"Wording not available: {error}", severity="error")
            return
        self.app.call_from_thread(self._wording_found, found)

    def _wording_found(self, found: Wording) -> None:
        self._wording = found
        self._shifts = list(found.shifts)
        self._fill("keywords")
        self._fill("shifts")

    def _fill_keywords(self) -> None:
        if self._wording is None:
            return
        keywords = [each for each in self._wording.keywords if each.left_count + each.right_count >= 5]
        for table_id, leaning in (("rising", 1), ("falling", -1)):
            table = self.query_one(f"#{table_id}", DataTable)
            if table.row_count:
                continue
            chosen = [each for each in keywords if (each.log_ratio > 0) == (leaning > 0)][:KEYWORDS_SHOWN]
            width = table.ordered_columns[0].width
            for keyword in chosen:
                table.add_row(*_keyword_cells(keyword, width), key=keyword.term)

    def _fill_shifts(self) -> None:
        table = self.query_one("#shift-table", DataTable)
        if self._wording is None or table.row_count:
            return
        for index, shift in enumerate(self._shifts):
            table.add_row(
                Text(shift.old, style="red"),
                "→",
                Text(shift.new, style="green"),
                str(shift.count),
                str(shift.survives),
                shift.kind,
                key=str(index),
            )
        self._show_example(0)

    @on(DataTable.RowHighlighted, "#shift-table")
    def _shift_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_example(event.cursor_row)

    @on(DataTable.RowSelected, "#shift-table")
    def _shift_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a shift: its next example."""
        self._show_example(event.cursor_row, self._example + 1)

    def _show_example(self, row: int, example_index: int = 0) -> None:
        """One of the highlighted shift's examples: the sentence in each edition, side by side, the wording
        marked; the left one says which example it is and whether the two are counterparts."""
        left, right = self.query_one("#example-left", Static), self.query_one("#example-right", Static)
        if not 0 <= row < len(self._shifts) or not self._shifts[row].examples:
            left.update("No systematic change of wording found." if not self._shifts else "")
            right.update("")
            return
        shift = self._shifts[row]
        self._example = example_index % len(shift.examples)
        example = shift.examples[self._example]
        count = len(shift.examples)
        left.border_title = f"example {self._example + 1} of {count}" + (" · enter: next" if count > 1 else "")
        right.border_title = "" if example.paired else "not its counterpart: a sentence using the new wording"
        for widget, address, sentence, written, style in (
            (left, example.left_sentence, example.left, shift.old, "bold red"),
            (right, example.right_sentence, example.right, shift.new, "bold green"),
        ):
            text = Text.assemble((address, "bold"), "\n", sentence)
            text.highlight_regex(re.compile(rf"(?<!\w){re.escape(written)}(?!\w)", re.IGNORECASE), style)
            widget.update(text)

    @on(DataTable.RowSelected, "#rising, #falling")
    async def _keyword_selected(self, event: DataTable.RowSelected) -> None:
        """A keyword chosen: its concordance."""
        self._term = str(event.row_key.value)
        self._look_up(self._term)
        if "concordance" in self._built:
            self.query_one("#term", Input).value = self._term
        await self.action_tab("concordance")

    # Concordance and dispersion -----------------------------------------------------------------------------

    @on(Input.Changed, "#term")
    def _term_changed(self, event: Input.Changed) -> None:
        if event.value != self._term or not self._lines:
            self._look_up(event.value)

    @work(thread=True, exclusive=True, group="concordance")
    def _look_up(self, term: str) -> None:
        editions = [self.library.edition(self.left), self.library.edition(self.right)]
        width = self._context_width(term)
        lines = concordance(editions, term, width=width) if term.strip() else []
        found = [dispersion(edition, term) for edition in editions] if term.strip() else []
        counts = term_trend(self.library, term) if lines else []
        self.app.call_from_thread(self._lines_found, term, lines, found, counts)

    def _lines_found(
        self, term: str, lines: list[ConcordanceLine], found: list[Dispersion], counts: list[TermCount]
    ) -> None:
        self._term, self._lines, self._dispersions, self._counts = term, lines, found, counts
        self._fill("concordance")
        self._fill("dispersion")

    def _fill_lines(self) -> None:
        table = self.query_one("#lines", DataTable)
        # Each line one cell, laid out here: DataTable kept its columns' old widths once cleared and refilled.
        table.clear()
        width = self._context_width(self._term)
        for index, line in enumerate(self._lines):
            cell = Text.assemble(
                (_cut(line.id, ID_WIDTH).ljust(ID_WIDTH + 1), "dim"),
                line.left[-width:].rjust(width),
                (line.match, "bold magenta"),
                line.right[:width],
            )
            table.add_row(cell, key=str(index))
        self.query_one("#concordance-note", Static).update(self._note())

    def _note(self, tab: str = "concordance") -> str:
        another = key_for(InsightsScreen, "tab('concordance')")
        if not self._term.strip():
            where = "" if tab == "concordance" else f" in Concordance ({another})"
            return (
                f"Type a word or phrase{where}: it is counted as search finds it (“cooperation” counts “cooperated”)."
            )
        if not self._lines:
            unsearched = "" if query_terms(self._term) else " (words such as “the” and “of” are not counted)"
            return f"No occurrence of “{self._term}” in {self.left} or {self.right}{unsearched}."
        if tab == "dispersion":
            return f"“{self._term}”: {len(self._lines)} occurrences · {another} to look up another term"
        lines, opens = key_for(InsightsScreen, "to_lines"), key_for(DataTable, "select_cursor")
        return f"“{self._term}”: {len(self._lines)} occurrences · {lines} to the lines, {opens} opens one's section"

    def _context_width(self, term: str) -> int:
        """Characters of context each side of the match that fit the screen beside the section id."""
        return max(6, (self.app.size.width - ID_WIDTH - 12 - len(term)) // 2)

    def _draw_dispersion(self) -> None:
        from bluebook_tui.charts import dispersion_legend, dispersion_plot, trend_bars

        self.query_one("#dispersion-note", Static).update(self._note("dispersion"))
        chart = self.query_one("#dispersion-chart", Static)
        if not any(each.places for each in self._dispersions):
            chart.update("")
            return
        width = max(10, self.app.size.width - 16)
        plot = dispersion_plot(self._dispersions, width)
        chart.update(Group(plot, dispersion_legend(width), "", trend_bars(self._counts, width // 2)))

    @property
    def term(self) -> str:
        """The concordance's term (the reader opens the next Insights on it)."""
        return self._term

    def on_resize(self, event: Resize) -> None:
        if self.is_mounted:
            self.query_one("#tab-bar", Static).update(self._tab_bar())
        self._look_up(self._term)  # the contexts cut anew to the width

    @on(DataTable.RowSelected, "#lines")
    def _line_selected(self, event: DataTable.RowSelected) -> None:
        index = int(str(event.row_key.value))
        line = self._lines[index]
        # The line's place among its section's lines is its match there: the pane marks that one current.
        match = sum(1 for other in self._lines[:index] if other.id == line.id)
        self.dismiss(HitChosen(line.id, highlight_pattern(self._lines, line.id), match))

    # Keys ---------------------------------------------------------------------------------------------------

    async def action_tab(self, tab: str) -> None:
        """Show a tab (building it the first time) and focus in it. Its keys have priority, so that the keys typed
        after one in the same burst go to the tab it shows (`3 Indo`); in the term's box they are digits."""
        if isinstance(self.focused, TermInput):
            raise SkipAction
        self._tab = tab
        if not self.is_mounted:
            return  # a key typed before the screen is composed: that tab is the one built first
        if tab not in self._built:
            await self.query_one(f"#{tab}", Vertical).mount(TabBody(self, tab))
        self.query_one(ContentSwitcher).current = tab
        self.query_one("#tab-bar", Static).update(self._tab_bar())
        self._fill(tab, True)

    def action_to_lines(self) -> None:
        if self.focused is not None and self.focused.id == "term":
            self.query_one("#lines", DataTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _cut(text: str, width: int) -> str:
    """The text in `width` cells, with an ellipsis where it is cut (the full term is the row's key)."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _keyword_cells(keyword: Keyword, width: int) -> tuple[str, str, str, str]:
    """A keyword's row: the term cut to `width`, its counts and G²."""
    return _cut(keyword.term, width), str(keyword.left_count), str(keyword.right_count), f"{keyword.g2:.1f}"
