"""Pilot tests of comparing in the app: side by side in step, diff marks, the Changes screen, tree badges, search."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets._markdown import MarkdownBlock, MarkdownHeader

from bluebook_tui.library import Library
from bluebook_tui.search import SearchService
from bluebook_tui.ui.commands import ACTIONS
from bluebook_tui.ui.screens.changes import ChangesScreen, ChangesTable
from bluebook_tui.ui.widgets.key_bar import KeyBar
from bluebook_tui.ui.widgets.section_markdown import Paragraph
from bluebook_tui.ui.widgets.section_pane import SectionPane
from bluebook_tui.ui.widgets.section_tree import SectionTree
from bluebook_tui.ui.widgets.side_by_side import SideBySide
from tests.app_support import (
    make_app,
    press_in_one_burst,
    reader,
    reader_pane,
    settle,
    shown_sections,
    styled,
    wait_for_hits,
)


def side_by_side(pilot) -> SideBySide:  # type: ignore[no-untyped-def]
    return reader(pilot).query_one(SideBySide)


def first_shown(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    return [shown_sections(pane)[0] for pane in side_by_side(pilot).panes()]


def marked_words(within: Widget, kind: str, blocks: type[MarkdownBlock] = Paragraph) -> list[str]:
    """The texts drawn with the `diff-<kind>` mark in the paragraphs (or other `blocks`) within a widget."""
    return [
        block.visual.plain[span.start : span.end]  # type: ignore[union-attr]
        for block in within.query(blocks)
        for span in block.visual.spans  # type: ignore[union-attr]
        if span.style == f".diff-{kind}"
    ]


def tree_label(pilot, section_id: str) -> str:  # type: ignore[no-untyped-def]
    return reader(pilot).query_one(SectionTree)._section_nodes[section_id].label.plain


def table_rows(screen: ChangesScreen) -> list[list[str]]:
    """The table's cells as text, headings without the indent that shows their nesting."""
    table = screen.query_one(ChangesTable)
    return [[str(cell).strip() for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_side_by_side_moves_in_step_says_what_is_missing_and_badges_the_tree(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert tree_label(pilot, "2022/2") == "(2) Economic Security"
        await pilot.press("c")
        await settle(pilot)
        assert first_shown(pilot) == ["2016/1", "2022/1"]
        # Economic Security is new in 2022; (a) "order at sea" of 2016 has no counterpart; Cyber went (5) → (3).
        assert tree_label(pilot, "2022/2").startswith("new ")
        assert tree_label(pilot, "2016/4.A.a").startswith("removed ")
        assert tree_label(pilot, "2016/4.A.c").startswith("parts ")  # a heading over parts 2022 has on their own
        assert "% renum (3) Cyber" in tree_label(pilot, "2022/3")
        await pilot.press("right_square_bracket", "right_square_bracket")  # to (2) Economic Security
        await settle(pilot)
        assert first_shown(pilot) == ["2022/2"]
        assert "New in 2022" in str(side_by_side(pilot).query_one("#left-column .no-counterpart", Static).render())
        reader(pilot).query_one(SectionTree).reveal("2016/6")
        await pilot.pause()
        reader(pilot).query_one(SectionTree).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert first_shown(pilot) == ["2016/6", "2022/5"]  # (6) Outer Space became (5) Outer Space
        reader(pilot).open_section("2016/4.A.a")
        await settle(pilot)
        assert first_shown(pilot) == ["2016/4.A.a"]
        assert "Not in 2022" in str(side_by_side(pilot).query_one("#right-column .no-counterpart", Static).render())
        await pilot.press("c")
        await settle(pilot)
        pane = reader_pane(pilot)
        assert pane.display and shown_sections(pane)[0] == "2016/4.A.a"
        assert tree_label(pilot, "2022/2") == "(2) Economic Security"


async def test_c_pressed_while_the_side_by_side_is_being_prepared_opens_it_once(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    # On a slow machine `c` can come while the view prepared behind the reading is still being mounted.
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        screen = reader(pilot)
        assert screen.comparison is not None and not screen.query(SideBySide)
        await asyncio.to_thread(screen.comparison.ensure)  # aligned, the view not yet mounted
        await asyncio.gather(screen._prepare_comparison(), screen.action_side_by_side())
        await settle(pilot)
        assert len(screen.query(SideBySide)) == 1
        assert first_shown(pilot) == ["2016/1", "2022/1"]


async def test_below_160_columns_side_by_side_hides_the_tree_until_t(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        tree = reader(pilot).query_one(SectionTree)
        assert tree.region
        await pilot.press("c")
        await settle(pilot)
        # On screen or not: a widget laid out nowhere has an empty region.
        assert not tree.region and all(pane.region.width > 40 for pane in side_by_side(pilot).panes())
        await pilot.press("t")
        await settle(pilot)
        assert tree.region
        await pilot.press("t")
        await settle(pilot)
        assert not tree.region
        await pilot.press("c")
        await settle(pilot)
        assert tree.region and reader_pane(pilot).region.width > 60


async def test_d_marks_changed_words_and_scrolling_keeps_facing_paragraphs_level(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2016/1").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("d")  # opens side by side with the marks
        await settle(pilot)
        left, right = side_by_side(pilot).panes()
        # 2016's "official level dialogues (track 1)" reads "government-to-government dialogues" in 2022.
        assert any("official level" in words for words in marked_words(left, "delete"))
        assert any("government-to-government" in words for words in marked_words(right, "insert"))
        assert not marked_words(left, "insert") and not marked_words(right, "delete")

        def paragraph(pane: SectionPane, opening: str) -> Paragraph:
            blocks = pane.markdowns()[0].query(Paragraph)
            return next(block for block in blocks if str(block.visual).startswith(opening))

        # Both books open the section on the Asia-Pacific's security environment: reading into that paragraph
        # on the right brings the left's down to the same line.
        opening = "The security environment surrounding the Asia-Pacific region"
        three_lines_in = paragraph(right, opening).region.y - right.content_region.y + 3
        right.scroll_to(y=three_lines_in, animate=False, immediate=True)
        await pilot.pause()
        await pilot.pause()
        assert left.scroll_y > 0
        assert paragraph(left, opening).region.y == paragraph(right, opening).region.y

        await pilot.press("d")
        await settle(pilot)
        assert not marked_words(left, "delete") and not marked_words(right, "insert")
        await pilot.press("d", "right_square_bracket")  # the marks stay on for the next section
        await settle(pilot)
        left, right = side_by_side(pilot).panes()
        assert marked_words(left, "delete") and marked_words(right, "insert")
        # Peacekeeping and Peacebuilding was (2) in 2016 and is (6) in 2022: the numbers are marked in the headings.
        assert shown_sections(left)[0] == "2016/2"
        left_top, right_top = (pane.markdowns()[0] for pane in (left, right))
        assert marked_words(left_top, "delete", MarkdownHeader) == ["2"]
        assert marked_words(right_top, "insert", MarkdownHeader) == ["6"]


async def test_the_changes_screen_lists_sorts_and_opens_pairs(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert ("Changes…", "changes") in [(title, action) for title, action, _ in ACTIONS]  # in the palette
        await pilot.press("C")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ChangesScreen)
        rows = table_rows(screen)
        assert len(rows) == len(reader(pilot).comparison.alignment.pairs)
        summary = str(screen.query_one("#changes-summary", Static).render())
        for status in ("unchanged", "changed", "added", "removed", "merged", "split"):
            count = [row[1] for row in rows].count(status)
            assert bool(re.search(rf"\b{count} {status}\b", summary)) == bool(count)
        economic_security = next(row for row in rows if row[3] == "(2) Economic Security")
        assert economic_security[1:3] == ["added", "—"]

        current_status = next(row for row in rows if row[2].startswith("(Current status of piracy"))
        assert current_status[1] == "merged" and current_status[3].startswith("→ (B) Counter-piracy Measures")
        assert "4 merged" in summary and "2016 kept" in [
            str(column.label) for column in screen.query_one(ChangesTable).ordered_columns
        ]

        def blanks_last(column: int) -> bool:  # as a spreadsheet sorts them, whichever way
            cells = [row[column] for row in table_rows(screen)]
            return "—" in cells and cells.index("—") == len(cells) - cells.count("—")

        await pilot.press("s", "s")  # by #, status, then 2016's headings
        assert blanks_last(2)
        await pilot.press("r")
        assert blanks_last(2)
        await pilot.press("s", "s")  # by 2022's headings, then the share of 2016's words kept
        kept = [int(row[4].split()[-1].rstrip("%")) for row in table_rows(screen) if row[4] != "—"]
        assert kept == sorted(kept) and blanks_last(4)
        await pilot.press("r")
        kept = [int(row[4].split()[-1].rstrip("%")) for row in table_rows(screen) if row[4] != "—"]
        assert kept == sorted(kept, reverse=True) and blanks_last(4)  # most kept first, added sections last
        table = screen.query_one(ChangesTable)
        status_x = table.ordered_columns[0].get_render_width(table) + 1
        await pilot.click(ChangesTable, offset=(status_x, 0))
        assert [row[1] for row in table_rows(screen)][:1] == ["added"]

        table.move_cursor(row=[row[2] for row in table_rows(screen)].index("(6) Outer Space"))
        await pilot.press("enter")
        await settle(pilot)
        assert reader(pilot).comparing and first_shown(pilot) == ["2016/6", "2022/5"]
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ChangesScreen)
        await pilot.press("C")
        assert not isinstance(pilot.app.screen, ChangesScreen)


async def test_the_changes_table_cuts_a_long_heading_with_an_ellipsis_and_home_end_go_to_the_first_and_last_row(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ChangesScreen)
        headings = [pair.left.heading for pair in reader(pilot).comparison.alignment.pairs if pair.left]
        oceans = next(row[2] for row in table_rows(screen) if row[2].startswith("(4) The Oceans"))
        assert oceans.endswith("…") and "(4) The Oceans and Seas".startswith(oceans[:-1])
        assert "(5) Cyber" in [row[2] for row in table_rows(screen)] and "(5) Cyber" in headings  # short: whole
        table = screen.query_one(ChangesTable)
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_search_counts_hits_per_edition_and_jumps_to_a_hits_counterpart(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    service = SearchService(library, index_root=index_root)
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        # Hits say what became of their sections once the editions are aligned (behind the reading, from 0.6 s).
        comparison = reader(pilot).comparison
        assert comparison is not None
        await asyncio.to_thread(comparison.ensure)
        await pilot.press("slash", *"piracy")
        hits = await wait_for_hits(pilot)
        await settle(pilot)
        counts = str(pilot.app.screen.query_one("#edition-counts", Static).render())
        for edition in ("2022", "2016"):
            shown = re.search(rf"{edition}\D*(\d+)", counts)
            assert shown and int(shown.group(1)) == service.search("piracy", edition=edition).total
        assert "new in 2022" in str(hits.get_option("2022/4.B.C").prompt)  # the Gulf of Guinea
        assert "merged into 2022/4.B.B" in str(hits.get_option("2016/4.B.a.current-status-of").prompt)
        somalia = str(hits.get_option("2022/4.B.B").prompt)
        assert "changed since 2016" in somalia
        # Per sentence the query matches: e.g. "Pirates off the coast of Somalia still have …" is new in 2022.
        assert re.search(r"matches: (\d+ edited, )?\d+ new", somalia)
        hits.highlighted = hits.get_option_index("2016/4.B.a")  # Somalia and the Gulf of Aden, 2016
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert pilot.app.screen is reader(pilot)
        assert reader(pilot).section.id == "2022/4.B.B" and reader(pilot).pattern  # the query's words marked


async def test_side_by_side_marks_what_became_of_each_sentence(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2016/3.D").run_test(size=(160, 48)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        left, right = side_by_side(pilot).panes()
        # "As a founding member, Japan has actively participated in these discussions." is in both, word for word.
        assert styled(left, ".sentence-unchanged") == [
            "As a founding member, Japan has actively participated in these discussions."
        ]
        assert "As a founding member, Japan has actively participated in these discussions." in styled(
            right, ".sentence-unchanged"
        )
        assert any(
            text.startswith("To promote international efforts to stop") for text in styled(left, ".sentence-removed")
        )
        assert any(
            text.startswith("The Fourth Round Mutual Evaluation Report") for text in styled(right, ".sentence-new")
        )
        assert not styled(left, ".diff-delete")  # words only with d
        await pilot.press("d")
        await settle(pilot)
        # 2022 opens the FATF sentence "Regarding anti-money laundering and counter-terrorist financing".
        assert "In terms of measures to combat money laundering and the financing of terrorism," in styled(
            left, ".diff-delete"
        )


@pytest.mark.parametrize(("section", "has_moved"), [("2016/4", True), ("2016/1", False)])
async def test_the_footer_offers_m_only_where_a_pane_has_a_moved_sentence(
    library: Library, data_dir: Path, index_root: Path, section: str, has_moved: bool
) -> None:
    async with make_app(library, data_dir, index_root, section=section).run_test(size=(160, 48)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        moved = [
            block for pane in side_by_side(pilot).panes() for block in pane.query(Paragraph) if "⇄" in str(block.visual)
        ]
        assert bool(moved) is has_moved
        assert (" m Next moved " in str(reader(pilot).query_one(KeyBar).render())) is has_moved


async def test_a_moved_sentence_jumps_to_its_counterpart_in_the_other_pane_and_back(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2016/4").run_test(size=(160, 48)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        left, right = side_by_side(pilot).panes()
        assert shown_sections(right)[0] == "2022/4"
        assert any("⇄ In recent years, there are" in str(block.visual) for block in left.query(Paragraph))
        left.focus()
        await pilot.press("m")
        await pilot.pause()
        assert side_by_side(pilot).picked == "2016/4#2"
        await pilot.press("enter")
        await settle(pilot)
        left, right = side_by_side(pilot).panes()
        assert shown_sections(left)[0] == "2016/4"  # the pane the sentence is in stays as it was
        assert shown_sections(right)[0] == "2022/4.A.A"  # (A) Basic Stance, where it went
        picked = styled(right, ".sentence-current")
        assert len(picked) == 1 and picked[0].startswith("There is an increasing number of cases")
        assert "backspace: back" in str(reader(pilot).query_one("Breadcrumb").render())
        await pilot.press("backspace")
        await settle(pilot)
        assert [shown_sections(pane)[0] for pane in side_by_side(pilot).panes()] == ["2016/4", "2022/4"]


async def test_c_m_enter_typed_in_one_burst_jumps_as_if_typed_slowly(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    # Keys typed fast arrive before the panes are drawn: `m` and `enter` must still reach them, in order.
    async with make_app(library, data_dir, index_root, section="2016/4").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        press_in_one_burst(pilot, "c", "m", "enter")
        await settle(pilot)
        left, right = side_by_side(pilot).panes()
        assert shown_sections(left)[0] == "2016/4"
        assert shown_sections(right)[0] == "2022/4.A.A"
        picked = styled(right, ".sentence-current")
        assert len(picked) == 1 and picked[0].startswith("There is an increasing number of cases")


async def test_m_finds_the_moved_sentence_in_the_other_pane_when_this_one_has_none(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    # 2016's "A. Order at Sea" has no moved sentence; 2022's opens (A) Basic Stance with one from 2016's (4).
    async with make_app(library, data_dir, index_root, section="2016/4.A").run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        left, right = side_by_side(pilot).panes()
        left.focus()
        await pilot.press("m")
        await pilot.pause()
        assert side_by_side(pilot).picked == "2022/4.A.A#0"
        assert right.has_focus


async def test_a_section_whose_text_went_elsewhere_says_where_and_shows_it(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    section = "2016/4.B.a.current-status-of"
    async with make_app(library, data_dir, index_root, section=section).run_test(size=(160, 48)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        note = str(side_by_side(pilot).query_one("#right-column .no-counterpart", Static).render())
        assert "No section of its own in 2022" in note
        assert "Its text went into 2022 › (4) The Oceans and Seas" in note and ": 3 of 4 sentences" in note
        assert tree_label(pilot, section).startswith("→")
        await pilot.click("#right-column #destination")
        await settle(pilot)
        assert first_shown(pilot) == [section, "2022/4.B.B"]
        await pilot.press("backspace")
        await settle(pilot)
        assert first_shown(pilot) == [section]
        await pilot.press("c", "e")  # one pane again; the other edition is where its text went
        await settle(pilot)
        assert reader(pilot).section.id == "2022/4.B.B"


async def test_side_by_side_and_its_marks_are_back_after_quitting(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2016/6").run_test(size=(160, 30)) as pilot:
        await pilot.press("d")  # side by side, changed words marked
        await settle(pilot)
        pane = reader(pilot).current_pane()
        assert pane is not None and pane.has_focus
        await pilot.press("pagedown")
        await settle(pilot)
        left_at = round(pane.scroll_y)
        assert left_at > 0
        await pilot.press("q")
    async with make_app(library, data_dir, index_root).run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert reader(pilot).comparing and first_shown(pilot) == ["2016/6", "2022/5"]
        assert side_by_side(pilot).marking_changes
        pane = reader(pilot).current_pane()
        assert pane is not None and round(pane.scroll_y) == left_at  # scrolled where it was left


async def test_a_heading_the_other_edition_dropped_points_to_where_its_parts_are(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    # 2016's "(c) A Challenge to the Maritime Order …" is a heading over a. (East China Sea) and b. (South).
    async with make_app(library, data_dir, index_root, section="2016/4.A.c").run_test(size=(160, 48)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        note = str(side_by_side(pilot).query_one("#right-column .no-counterpart", Static).render())
        assert "No heading of its own in 2022; its parts are there: a. Situations surrounding the East China" in note
        assert "→ (C) Challenge to Japan's Maritime Sovereignty" in note
        await pilot.press("c", "e")
        await settle(pilot)
        assert reader(pilot).section.id == "2022/4.A.C"


async def test_the_changes_screen_opens_on_the_pair_being_read(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2016/4.B.a").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        table = pilot.app.screen.query_one(ChangesTable)
        row = [str(cell).strip() for cell in table.get_row_at(table.cursor_row)]
        # Cut to the 80 columns' room, with an ellipsis.
        assert row[2].startswith("(a) Anti-pi") and "(a) Anti-piracy measures".startswith(row[2].removesuffix("…"))
        assert row[3].startswith("(B) Counter") and "(B) Counter-piracy Measures".startswith(row[3].removesuffix("…"))
