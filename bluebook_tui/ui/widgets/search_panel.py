"""Search as you type: an input, a total with the "did you mean" line, hits per edition, and hits grouped by edition.

While two editions are compared, each hit says what became of its section in the other edition, and one key
opens that counterpart.

A keystroke asks for a search of the query as it stands once the keys already received are handled, so a burst of
typing (a paste, fast keys over SSH) costs one search and no key waits on a timer. The search runs in a thread
worker, which drops its results if a newer query has started meanwhile; the UI thread never waits on the index.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from contextlib import suppress
from itertools import groupby
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Click, Key
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from bluebook_tui.charts import bar
from bluebook_tui.compare.views import matched_statuses
from bluebook_tui.ui.comparison import Comparison
from bluebook_tui.ui.key_hints import key_for
from bluebook_tui.ui.messages import HitChosen
from bluebook_tui.ui.textual_compat import OrderedInput

if TYPE_CHECKING:
    from bluebook_tui.search import SearchHit, SearchResults, SearchService
    from bluebook_tui.ui.app import BluebookApp
from bluebook_tui.ui.widgets.badges import counterpart_note, matched_note

HIT_LIMIT = 50
# How long the query's echo may wait for its hits, to be painted in one frame with them.
HOLD_SECONDS = 0.03
SUGGESTION_PREFIX = "suggestion:"
AS_TYPED_PREFIX = "as-typed:"
COUNT_BAR_WIDTH = 12
# Bars are narrowed down to this for the editions to share one line, before they wrap onto more.
MIN_COUNT_BAR_WIDTH = 4
# Between two editions' bars, and before the hint.
_GAP = "  "
# With more editions than this, the bars show the ones with most hits and then "N others".
MAX_BARS = 6


def hit_prompt(hit: SearchHit, note: Content | None = None) -> Content:
    """A hit as two parts: its heading path (and what became of it in the other edition), then its snippet
    with the query's terms marked."""
    snippet = Content(hit.snippet)
    for start, end in hit.highlights:
        snippet = snippet.stylize("bold underline $text-warning", start, end)
    heading = Content.styled(" › ".join(hit.path), "bold")
    if note is not None:
        heading = Content.assemble(heading, "  ", note)
    return Content.assemble(heading, "\n", snippet)


def edition_counts(counts: dict[str, int], hint: str = "", width: int | None = None) -> Content:
    """Hits per edition as bars scaled to the largest count, then a muted hint. With many editions, the ones with
    the most hits (in edition order), then the others' sum.

    Within `width` cells the bars narrow for the editions to share a line, and what does not fit then goes on the
    next line (the hint first), an edition's bar and count never parted."""
    most = max(counts.values(), default=0) or 1
    shown = counts
    if len(counts) > MAX_BARS:
        top = sorted(counts, key=lambda edition: (-counts[edition], edition))[: MAX_BARS - 1]
        shown = {edition: counts[edition] for edition in counts if edition in top}

    def bars(bar_width: int) -> list[Content]:
        parts = [
            Content.assemble((edition, "bold"), " ", (bar(count / most, bar_width), "$text-accent"), f" {count}")
            for edition, count in shown.items()
        ]
        if len(shown) < len(counts):
            others = len(counts) - len(shown)
            parts.append(Content.styled(f"{others} others {sum(counts.values()) - sum(shown.values())}", "bold"))
        return parts

    bar_width = COUNT_BAR_WIDTH
    while width is not None and bar_width > MIN_COUNT_BAR_WIDTH and _line_length(bars(bar_width)) > width:
        bar_width -= 1
    parts = bars(bar_width) + ([Content.styled(hint, "$text-muted")] if hint else [])
    if width is None:
        return Content(_GAP).join(parts)
    lines: list[list[Content]] = [[]]
    for part in parts:
        if lines[-1] and _line_length([*lines[-1], part]) > width:
            lines.append([])
        lines[-1].append(part)
    return Content("\n").join(Content(_GAP).join(line) for line in lines)


def _line_length(parts: list[Content]) -> int:
    return sum(part.cell_length for part in parts) + len(_GAP) * (len(parts) - 1)


class EditionCounts(Static):
    """The bars of hits per edition (`edition_counts`), laid out again whenever the width changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[dict[str, int], str] = ({}, "")

    def show(self, counts: dict[str, int], hint: str = "") -> None:
        self._shown = (counts, hint)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        counts, hint = self._shown
        self.update(edition_counts(counts, hint, self.content_size.width or None))


def _hit_id(option: Option | None) -> str | None:
    """The section id of a row of the hit list; None for an edition's header or the "did you mean" line."""
    if option is None or option.disabled or not option.id or option.id.startswith((SUGGESTION_PREFIX, AS_TYPED_PREFIX)):
        return None
    return option.id


class HitList(OptionList):
    """The hits. Up from the first of them goes back to the query (`BackToQuery`), as in a browser's search box;
    Textual's OptionList would wrap round to the last."""

    class BackToQuery(Message):
        """Up was pressed on the first hit."""

    def action_cursor_up(self) -> None:
        first = next((index for index, option in enumerate(self.options) if not option.disabled), None)
        if self.highlighted is None or self.highlighted == first:
            self.post_message(self.BackToQuery())
        else:
            super().action_cursor_up()


class SearchPanel(Vertical):
    """Searches with the app's `search_service` (watched: it comes when the index is ready, `search_note` saying
    why there is none until then); posts `HitChosen`."""

    DEFAULT_CSS = """
    SearchPanel {
        height: 1fr;
        #search-query { margin: 0 0 0 0; }
        /* The status wraps rather than lose its end in a narrow terminal. */
        #search-status-row { height: auto; max-height: 3; padding: 0 1; }
        #search-total { width: 1fr; height: auto; color: $text-muted; }
        #edition-filter { width: auto; color: $text-accent; text-style: bold; }
        #edition-counts { height: auto; max-height: 3; padding: 0 1; }
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
        Binding(
            "ctrl+o",
            "counterpart",
            "Counterpart",
            tooltip="Open the chosen hit's section in the other edition (its aligned counterpart).",
            id="search.counterpart",
        ),
    ]

    edition: reactive[str | None] = reactive(None, init=False)

    def __init__(
        self,
        editions: Sequence[str],
        query: str = "",
        comparison: Comparison | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._editions = list(editions)
        self._comparison = comparison
        self._initial_query = query
        self._pattern = ""
        self._as_typed: str | None = None  # a query the reader asked to see as typed, not as suggested
        self._shown_query = ""  # the query whose hits are listed
        self._completed = ""  # that query, its unfinished last word as the hits' words starting with it complete it
        self._submit_pending: str | None = None
        self._search_asked = False  # a search of the query as it stands is on its way
        self._search_done = asyncio.Event()  # the latest search's hits are shown, or dropped as stale

    def compose(self) -> ComposeResult:
        yield OrderedInput(self._initial_query, placeholder=f"Search {self._all_editions}…", id="search-query")
        with Horizontal(id="search-status-row"):
            yield Static("", id="search-total")
            yield Static(self._filter_label(), id="edition-filter")
        yield EditionCounts(id="edition-counts")
        yield HitList(id="search-hits")

    def on_mount(self) -> None:
        toggle = key_for(SearchPanel, "toggle_edition")
        self.query_one("#edition-filter", Static).tooltip = f"Click or {toggle}: all editions or only one"
        app = cast("BluebookApp", self.app)
        self.watch(app, "search_note", self._start_search, init=False)
        self.watch(app, "search_service", self._start_search, init=False)
        self._start_search()

    @property
    def query_text(self) -> str:
        return self.query_one("#search-query", Input).value

    @property
    def completed_query(self) -> str:
        """The query, its unfinished last word completed as the top hit's matched word (`IBU`: IBUKI), if its hits
        are shown and were for words starting with it; else as typed."""
        return self._completed if self._shown_query == self.query_text.strip() else self.query_text

    @property
    def _all_editions(self) -> str:
        return "both editions" if len(self._editions) == 2 else "all editions"

    def _filter_label(self) -> str:
        return f"[{self.edition or 'all editions'}]"

    def watch_edition(self) -> None:
        self.query_one("#edition-filter", Static).update(self._filter_label())
        self._start_search()

    def action_toggle_edition(self) -> None:
        choices: list[str | None] = [None, *self._editions]
        self.edition = choices[(choices.index(self.edition) + 1) % len(choices)]

    def action_focus_hits(self) -> None:
        self.query_one("#search-hits", OptionList).focus()

    def action_counterpart(self) -> None:
        hits = self.query_one("#search-hits", OptionList)
        section_id = _hit_id(hits.get_option_at_index(hits.highlighted) if hits.highlighted is not None else None)
        if section_id is None:
            self.notify("Choose a hit first (down, then up and down).", timeout=3)
            return
        section = self._comparison.library.find(section_id) if self._comparison else None
        counterpart = self._comparison.counterpart(section) if self._comparison and section else None
        if counterpart is None:
            where = self._comparison.other_edition(section) if self._comparison and section else "another edition"
            self.notify(f"This hit's section has no counterpart in {where}.", timeout=3)
            return
        self.post_message(HitChosen(counterpart.id, self._pattern))

    @on(HitList.BackToQuery)
    def _back_to_query(self) -> None:
        self._go_on_editing()

    def on_key(self, event: Key) -> None:
        """A character typed in the hit list goes on with the query (not to the reader's keys)."""
        if self.query_one("#search-hits", OptionList).has_focus and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self._go_on_editing().insert_text_at_cursor(event.character)

    def _go_on_editing(self) -> Input:
        """The query box focused to go on with the query: nothing selected (focus from elsewhere selects it all,
        for typing to replace it), until it is left again."""
        query_input = self.query_one("#search-query", Input)
        query_input.select_on_focus = False
        query_input.focus()
        return query_input

    @on(Input.Blurred, "#search-query")
    def _query_left(self, event: Input.Blurred) -> None:
        event.input.select_on_focus = True

    @on(Click, "#edition-filter")
    def _filter_clicked(self) -> None:
        self.action_toggle_edition()

    @on(Input.Changed, "#search-query")
    def _query_changed(self) -> None:
        self._start_search()

    @on(Input.Submitted, "#search-query")
    def _query_submitted(self) -> None:
        current = self.query_one("#search-query", Input).value.strip()
        if current != self._shown_query:
            # Enter typed with the query in one burst: the hits shown are not yet this query's; open the first of
            # them when they are.
            self._submit_pending = current
            return
        hits = self.query_one("#search-hits", OptionList)
        for index in range(hits.option_count):
            section_id = _hit_id(hits.get_option_at_index(index))
            if section_id is not None:
                self._choose(section_id)
                return

    @on(OptionList.OptionSelected, "#search-hits")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._choose(event.option.id)

    def _choose(self, option_id: str) -> None:
        if option_id.startswith(AS_TYPED_PREFIX):
            self._as_typed = option_id.removeprefix(AS_TYPED_PREFIX)
            self._start_search()
            self.query_one("#search-query", Input).focus()
            return
        if option_id.startswith(SUGGESTION_PREFIX):
            query_input = self.query_one("#search-query", Input)
            query_input.value = option_id.removeprefix(SUGGESTION_PREFIX)
            query_input.focus()
            return
        self.post_message(HitChosen(option_id, self._pattern))

    def _start_search(self) -> None:
        """Search once the messages already waiting are handled: the keys of a burst then cost one search, of the
        query they leave."""
        if self.is_mounted and not self._search_asked:
            self._search_asked = True
            self.call_later(self._search_as_it_stands)

    async def _search_as_it_stands(self) -> None:
        self._search_asked = False
        query = self.query_one("#search-query", Input).value.strip()
        if not query:
            self.workers.cancel_group(self, "search")
            self._show_status(f"Type to search {self._all_editions}.")
            self.query_one(EditionCounts).show({})
            self.query_one("#search-hits", OptionList).clear_options()
        elif (service := cast("BluebookApp", self.app).search_service) is None:
            self._show_status(cast("BluebookApp", self.app).search_note)
        else:
            self._search_done.clear()
            self._search(service, query, self.edition, query == self._as_typed)
            # Textual paints the echo of the query at once, and after a paint waits one to two frame periods
            # (17-33 ms) before the next: hits found a few ms later would wait that long. Held for a moment, the
            # echo is painted with them.
            with self.app.batch_update(), suppress(TimeoutError):
                await asyncio.wait_for(self._search_done.wait(), HOLD_SECONDS)
            # What changed meanwhile waits for the screen's next idle to be painted: it may not come by itself.
            self.screen.check_idle()

    def _show_status(self, text: str) -> None:
        self.query_one("#search-total", Static).update(text)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, service: SearchService, query: str, edition: str | None, as_typed: bool) -> None:
        worker = get_current_worker()
        results = service.search(query, edition=edition, limit=HIT_LIMIT, as_you_type=True, as_typed=as_typed)
        counts = self._edition_counts(results, edition)
        notes = self._notes(results.hits, results.pattern)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_results, results, query, edition, counts, notes)

    def _edition_counts(self, results: SearchResults, edition: str | None) -> dict[str, int]:
        """Hits per edition searched (the search service counts them in one pass), none when it failed."""
        if results.error:
            return {}
        counted = dict(results.per_edition)
        return {edition_id: counted.get(edition_id, 0) for edition_id in ([edition] if edition else self._editions)}

    def _notes(self, hits: Sequence[SearchHit], pattern: str | None) -> dict[str, Content]:
        """What became of each hit's section in the other edition, and of the sentences the query matches there,
        by section id (none without a comparison, or until the editions are aligned: a search never waits for
        that)."""
        comparison = self._comparison
        if comparison is None or not comparison.ready:
            return {}
        matcher = re.compile(pattern, re.IGNORECASE) if pattern else None
        notes = {}
        for hit in hits:
            section = comparison.library.find(hit.id)
            pair = comparison.pair(section) if section else None
            if section and pair:
                other = comparison.left_edition if comparison.side(section) == "right" else comparison.right_edition
                note = counterpart_note(pair, section, other)
                if matcher is not None:
                    counts = matched_statuses(comparison.alignment.trace(section.id), matcher)
                    note = Content.assemble(note, matched_note(counts))
                notes[hit.id] = note
        return notes

    def _show_results(
        self, results: SearchResults, query: str, edition: str | None, counts: dict[str, int], notes: dict[str, Content]
    ) -> None:
        self._search_done.set()
        current = self.query_one("#search-query", Input).value.strip()
        if (query, edition) != (current, self.edition):
            return  # a newer search is on its way
        self._pattern = results.pattern or ""
        hint = f"{key_for(SearchPanel, 'counterpart')}: a hit's counterpart" if notes else ""
        self.query_one(EditionCounts).show(counts, hint)
        options: list[Option | None] = []
        if results.showing:
            options.append(
                Option(
                    Content.assemble("Search for ", (query, "bold underline"), " as typed"),
                    id=f"{AS_TYPED_PREFIX}{query}",
                )
            )
        elif results.suggestion:
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
            options.extend(Option(hit_prompt(hit, notes.get(hit.id)), id=hit.id) for hit in group)
        hits_list = self.query_one("#search-hits", OptionList)
        hits_list.set_options(options)
        if options:
            hits_list.highlighted = next(
                (i for i, option in enumerate(options) if option and not option.disabled), None
            )
        self._shown_query = query
        self._completed = _completed(results, query)
        if self._submit_pending == query:
            self._submit_pending = None
            self.call_after_refresh(self._query_submitted)
        count = f"{results.total} hit{'s' * (results.total != 1)}"
        if results.error:
            self._show_status(results.error)
        elif results.total == 0:
            self._show_status(f"No hits for “{query}”")
        elif results.showing:
            self._show_status(f"No hits for “{query}”; showing “{results.showing}”: {count}")
        else:
            where = f"in {edition}" if edition else "in all editions"
            words = _words_searched(query, results.word_start)
            also = "".join(f", “{form}”" for form in results.variants)
            also = f" (also{also[1:]})" if also else ""
            self._show_status(f"{count}{words}{also} {where}")


def _words_searched(query: str, word_start: str | None) -> str:
    """What the hits are for, when the last word is taken as a start: " for “piracy” and words starting with
    “so”" (the words before it are searched too)."""
    if not word_start:
        return ""
    before = query.strip().removesuffix(word_start).strip()
    return f" for {f'“{before}” and ' if before else ''}words starting with “{word_start}”"


def _completed(results: SearchResults, query: str) -> str:
    """`query` with its last word, when the hits are for words starting with it, as the top hit writes it: the
    word after the query's word before it there, or for a query of one word the first marked word starting so."""
    start = results.word_start
    if not start or not results.hits or not query.endswith(start):
        return query
    before, snippet = query[: -len(start)], results.hits[0].snippet
    previous = before.split()[-1:]
    if previous:
        after = re.search(rf"(?<!\w){re.escape(previous[0])}\W+({re.escape(start)}[\w-]*)", snippet, re.IGNORECASE)
        return before + after.group(1) if after else query
    marked = (snippet[begin:end] for begin, end in results.hits[0].highlights)
    return before + next((word for word in marked if word.lower().startswith(start.lower())), start)
