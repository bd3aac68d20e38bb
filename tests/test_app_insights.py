"""The Insights screen: keywords, shifts, a concordance as you type that opens its sections, and dispersion."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input, Static

from bluebook_tui.compare.concordance import concordance
from bluebook_tui.compare.trend import term_trend
from bluebook_tui.library import Library
from bluebook_tui.ui.commands import ACTIONS
from bluebook_tui.ui.screens.insights import InsightsScreen
from bluebook_tui.ui.widgets.breadcrumb import Breadcrumb
from tests.app_support import make_app, reader, reader_pane, settle, wait_for_hits


def cells(table: DataTable[object]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


def insights(pilot) -> InsightsScreen:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    assert isinstance(screen, InsightsScreen)
    return screen


async def test_i_shows_rising_and_falling_keywords_and_the_shifts_with_an_example(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    assert ("Insights…", "insights") in [(title, action) for title, action, _ in ACTIONS]  # in the palette
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        screen = insights(pilot)
        rising = [row[0] for row in cells(screen.query_one("#rising", DataTable))]
        falling = [row[0] for row in cells(screen.query_one("#falling", DataTable))]
        assert {"economic security", "Indo-Pacific"} <= set(rising) and {"PKO", "anti-piracy"} <= set(falling)
        await pilot.press("2")
        await settle(pilot)
        assert screen.active_tab == "shifts"
        shifts = cells(screen.query_one("#shift-table", DataTable))
        row = next(index for index, row in enumerate(shifts) if row[0] == "Asia-Pacific")
        assert shifts[row][2] == "Indo-Pacific"
        table = screen.query_one("#shift-table", DataTable)
        table.move_cursor(row=row)
        await pilot.pause()
        before = str(screen.query_one("#example-left", Static).content)
        after = str(screen.query_one("#example-right", Static).content)
        assert before.startswith("2016/") and "Asia-Pacific" in before
        assert after.startswith("2022/") and "Indo-Pacific" in after
        # center → Centre was made in two traced pairs: enter shows the second.
        table.move_cursor(row=next(index for index, row in enumerate(shifts) if row[0] == "center"))
        await pilot.pause()
        first = str(screen.query_one("#example-left", Static).content)
        await pilot.press("enter")
        await pilot.pause()
        second = str(screen.query_one("#example-left", Static).content)
        assert first != second and "Center" in second
        assert screen.query_one("#example-left", Static).border_title.startswith("example 2 of 2")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, InsightsScreen)


async def test_the_concordance_counts_as_trend_and_enter_opens_the_section_with_the_term_marked(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(120, 40)) as pilot:
        screen = await concordance_typed(pilot, "piracy")
        assert screen.query_one("#term", Input).value == "piracy"
        lines = cells(screen.query_one("#lines", DataTable))
        assert len(lines) == sum(count.occurrences for count in term_trend(library, "piracy"))
        assert all("pirac" in line[0].lower() for line in lines)
        await pilot.press("4")  # typed into the box: a term with a digit is a term
        await settle(pilot)
        assert screen.query_one("#term", Input).value == "piracy4"
        assert "No occurrence" in str(screen.query_one("#concordance-note", Static).render())
        await pilot.press("backspace")
        await settle(pilot)
        await pilot.press("down")  # from the term to its lines
        table = screen.query_one("#lines", DataTable)
        assert table.has_focus
        # A line that is not its section's first: the section opens with that match current.
        ids = [line.id for line in concordance(list(library.editions.values()), "piracy")]
        row = next(index for index in range(1, len(ids)) if ids[index] == ids[index - 1])
        nth = ids[:row].count(ids[row])
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        assert reader(pilot).section.id == ids[row]
        pane = reader_pane(pilot)
        assert pane.match_count > nth and pane._current_match == nth
        await pilot.press("I")  # again: where it was left
        await settle(pilot)
        screen = insights(pilot)
        assert screen.active_tab == "concordance" and screen.query_one("#term", Input).value == "piracy"


async def test_a_concordance_line_opened_side_by_side_is_the_current_match_in_its_own_pane(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        screen = await concordance_typed(pilot, "PKO")
        # The fourth line of a 2016 section, whose 2022 counterpart has the term too.
        ids = [line.id for line in concordance(list(library.editions.values()), "PKO")]
        row = ids.index("2016/2.A.a") + 3
        table = screen.query_one("#lines", DataTable)
        table.focus()
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        shown = reader(pilot)
        assert shown.comparing and shown.section.id == "2016/2.A.a"
        left, right = shown.side_by_side().panes()
        assert right.section is not None and right.match_count > 0, "the counterpart marks the term too"
        assert left.has_focus and left._current_match == 3
        assert shown.query_one(Breadcrumb).status == f"match 4/{left.match_count}"


async def concordance_typed(pilot, term: str) -> InsightsScreen:  # type: ignore[no-untyped-def]
    """The Insights screen on its Concordance tab, `term` typed in its box and looked up."""
    await settle(pilot)
    await pilot.press("I", "3", *term)
    await settle(pilot)
    return insights(pilot)


async def concordance_from_search(pilot, query: str) -> InsightsScreen:  # type: ignore[no-untyped-def]
    """The Insights screen ctrl+l opens from the search, once `query` is typed there and its hits are shown."""
    await settle(pilot)
    await pilot.press("slash", *query)
    await wait_for_hits(pilot)
    await pilot.press("ctrl+l")
    await settle(pilot)
    return insights(pilot)


async def test_ctrl_l_in_the_search_opens_the_concordance_of_the_query(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(120, 40)) as pilot:
        screen = await concordance_from_search(pilot, "Indo-Pacific")
        assert screen.active_tab == "concordance"
        assert len(cells(screen.query_one("#lines", DataTable))) == 15  # 2022's fifteen, as read
        await pilot.press("escape")  # out of the term's box, to its lines
        assert screen.query_one("#lines", DataTable).has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert reader(pilot).last_query == "Indo-Pacific"


async def test_ctrl_l_on_an_unfinished_word_opens_the_concordance_of_the_word_the_search_found(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(120, 40)) as pilot:
        screen = await concordance_from_search(pilot, "IBU")
        term = screen.query_one("#term", Input)
        assert term.value == "IBUKI"
        assert cells(screen.query_one("#lines", DataTable))
        term.focus()
        await pilot.press("s")  # goes on with the term brought, not over it
        assert term.value == "IBUKIs"


async def test_escape_leaves_the_term_box_so_that_the_tab_keys_work_even_with_no_lines(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(120, 40)) as pilot:
        screen = await concordance_typed(pilot, "maritime4")
        assert "No occurrence" in str(screen.query_one("#concordance-note", Static).render())
        await pilot.press("escape", "4")
        await settle(pilot)
        assert screen.query_one("#term", Input).value == "maritime4"
        assert isinstance(pilot.app.screen, InsightsScreen) and screen.active_tab == "dispersion"


async def test_dispersion_draws_each_edition_with_its_sections(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(80, 24)) as pilot:
        await concordance_typed(pilot, "piracy")
        await pilot.press("tab", "4")
        await settle(pilot)
        screen = insights(pilot)
        assert screen.active_tab == "dispersion"
        console = Console(width=80, record=True, file=io.StringIO())
        console.print(screen.query_one("#dispersion-chart", Static).content)
        chart = console.export_text()
        rows = [line for line in chart.splitlines() if line.startswith(("2016", "2022"))]
        assert [row.split()[0] for row in rows][:2] == ["2016", "2022"]
        assert all(row.rstrip().endswith(" 17") for row in rows[:2])  # 17 mentions in each, as trend counts
        assert "(4)" in chart


def test_views_do_not_wait_for_the_wording_being_worked_out(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    # The first wording of a pair takes ~0.5 s in a thread; the side by side asks for the alignment meanwhile.
    from bluebook_tui.compare import wording as wording_module
    from bluebook_tui.ui.comparison import Comparison

    comparison = Comparison(library)
    comparison.ensure()
    started, release = threading.Event(), threading.Event()
    real = wording_module.wording

    def slow_wording(*args: object, **kwargs: object) -> object:
        started.set()
        release.wait(10)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(wording_module, "wording", slow_wording)
    worker = threading.Thread(target=comparison.wording)
    worker.start()
    assert started.wait(10)
    began = time.perf_counter()
    assert comparison.alignment.pairs
    waited = time.perf_counter() - began
    release.set()
    worker.join(10)
    assert waited < 1.0 and comparison.wording_ready
