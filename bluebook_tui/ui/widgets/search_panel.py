"""Search as you type: an input, a total with the "did you mean" line, and hits grouped by edition.

Each keystroke starts a thread worker that waits a moment (so a burst of typing costs one search) and drops its
results if a newer query has started meanwhile; the UI thread never waits on the index.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from itertools import groupby
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Click
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from bluebook_tui.ui.messages import HitChosen

DEBOUNCE_SECONDS = 0.015
HIT_LIMIT = 50
SUGGESTION_PREFIX = "suggestion:"


def hit_prompt(hit: Any) -> Content:
    """A hit as two parts: its heading path, then its snippet with the query's terms marked."""
    snippet = Content(hit.snippet)
    for start, end in hit.highlights:
        snippet = snippet.stylize("bold underline $text-warning", start, end)
    return Content.assemble((" › ".join(hit.path), "bold"), "\n", snippet)


class SearchPanel(Vertical):
    """Set `service` (a `SearchService`) or `unavailable` (why there is none yet); posts `HitChosen`."""

    DEFAULT_CSS = """
    SearchPanel {
        height: 1fr;
        #search-query { margin: 0 0 0 0; }
        #search-status-row { height: 1; padding: 0 1; }
        #search-total { width: 1fr; color: $text-muted; }
        #edition-filter { width: auto; color: $text-accent; text-style: bold; }
        #search-hits { height: 1fr; border: none; padding: 0; }
        #search-hits > .option-list--option-disabled { color: $text-secondary; text-style: bold; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+t",
            "toggle_edition",
            "Edition filter",
            tooltip="Search all editions, or only one of them.",
            id="search.edition-filter",
        ),
        Binding("down", "focus_hits", "Hits", show=False, tooltip="Move to the list of hits.", id="search.hits"),
    ]

    service: reactive[Any] = reactive(None, init=False)
    unavailable: reactive[str] = reactive("Building the search index…", init=False)
    edition: reactive[str | None] = reactive(None, init=False)

    def __init__(self, editions: Sequence[str], query: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._editions = list(editions)
        self._initial_query = query
        self._pattern = ""

    def compose(self) -> ComposeResult:
        yield Input(self._initial_query, placeholder="Search both editions…", id="search-query")
        with Horizontal(id="search-status-row"):
            yield Static("", id="search-total")
            yield Static(self._filter_label(), id="edition-filter")
        yield OptionList(id="search-hits")

    def on_mount(self) -> None:
        self.query_one("#edition-filter", Static).tooltip = "Click or ctrl+t: all editions or only one"
        self._start_search()

    @property
    def query_text(self) -> str:
        return self.query_one("#search-query", Input).value

    def _filter_label(self) -> str:
        return f"[{self.edition or 'all editions'}]"

    def watch_service(self) -> None:
        self._start_search()

    def watch_unavailable(self) -> None:
        self._start_search()

    def watch_edition(self) -> None:
        self.query_one("#edition-filter", Static).update(self._filter_label())
        self._start_search()

    def action_toggle_edition(self) -> None:
        choices: list[str | None] = [None, *self._editions]
        self.edition = choices[(choices.index(self.edition) + 1) % len(choices)]

    def action_focus_hits(self) -> None:
        self.query_one("#search-hits", OptionList).focus()

    @on(Click, "#edition-filter")
    def _filter_clicked(self) -> None:
        self.action_toggle_edition()

    @on(Input.Changed, "#search-query")
    def _query_changed(self) -> None:
        self._start_search()

    @on(Input.Submitted, "#search-query")
    def _query_submitted(self) -> None:
        hits = self.query_one("#search-hits", OptionList)
        for index in range(hits.option_count):
            option = hits.get_option_at_index(index)
            if not option.disabled and option.id and not option.id.startswith(SUGGESTION_PREFIX):
                self._choose(option.id)
                return

    @on(OptionList.OptionSelected, "#search-hits")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._choose(event.option.id)

    def _choose(self, option_id: str) -> None:
        if option_id.startswith(SUGGESTION_PREFIX):
            query_input = self.query_one("#search-query", Input)
            query_input.value = option_id.removeprefix(SUGGESTION_PREFIX)
            query_input.focus()
            return
        self.post_message(HitChosen(option_id, self._pattern))

    def _start_search(self) -> None:
        if not self.is_mounted:
            return
        query = self.query_one("#search-query", Input).value.strip()
        if not query:
            self.workers.cancel_group(self, "search")
            self._show_status("Type to search both editions.")
            self.query_one("#search-hits", OptionList).clear_options()
        elif self.service is None:
            self._show_status(self.unavailable)
        else:
            self._search(self.service, query, self.edition)

    def _show_status(self, text: str) -> None:
        self.query_one("#search-total", Static).update(text)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, service: Any, query: str, edition: str | None) -> None:
        worker = get_current_worker()
        time.sleep(DEBOUNCE_SECONDS)
        if worker.is_cancelled:
            return
        results = service.search(query, edition=edition, limit=HIT_LIMIT)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_results, results, query, edition)

    def _show_results(self, results: Any, query: str, edition: str | None) -> None:
        current = self.query_one("#search-query", Input).value.strip()
        if (query, edition) != (current, self.edition):
            return  # a newer search is on its way
        self._pattern = results.pattern or ""
        options: list[Option | None] = []
        if results.suggestion:
            options.append(
                Option(
                    Content.assemble("Did you mean ", (results.suggestion, "bold underline"), "?"),
                    id=f"{SUGGESTION_PREFIX}{results.suggestion}",
                )
            )
        newest_first = sorted(results.hits, key=lambda hit: hit.edition, reverse=True)
        for edition_id, hits in groupby(newest_first, key=lambda hit: hit.edition):
            group = list(hits)
            options.append(Option(f"{edition_id} · {len(group)} shown", disabled=True))
            options.extend(Option(hit_prompt(hit), id=hit.id) for hit in group)
        hits_list = self.query_one("#search-hits", OptionList)
        hits_list.set_options(options)
        if options:
            hits_list.highlighted = next(
                (i for i, option in enumerate(options) if option and not option.disabled), None
            )
        if results.error:
            self._show_status(results.error)
        elif results.total == 0:
            self._show_status(f"No hits for “{query}”")
        else:
            where = f"in {edition}" if edition else "in all editions"
            self._show_status(f"{results.total} hit{'s' * (results.total != 1)} {where}")
