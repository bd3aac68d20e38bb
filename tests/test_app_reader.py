"""Pilot tests of the reader: what opens, the keys, and what is remembered between runs."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

import pytest
from textual._styles_cache import StylesCache
from textual.app import App
from textual.binding import Binding
from textual.widgets import Input, Static

from bluebook_tui.library import Library
from bluebook_tui.ui.garbage import IDLE_SECONDS
from bluebook_tui.ui.screens.bookmarks import BookmarksScreen
from bluebook_tui.ui.screens.help import HelpScreen
from bluebook_tui.ui.screens.reader import SAVE_DELAY_SECONDS
from bluebook_tui.ui.widgets import section_pane
from bluebook_tui.ui.widgets.breadcrumb import Breadcrumb
from bluebook_tui.ui.widgets.key_bar import KeyBar
from bluebook_tui.ui.widgets.section_pane import SectionPage, SectionPane
from bluebook_tui.ui.widgets.section_tree import SectionTree
from bluebook_tui.ui.widgets.splitter import Splitter
from bluebook_tui.user_data import Session, Store
from tests.app_support import make_app, pane_text, reader, reader_pane, settle, shown_sections, styled


async def test_opens_on_the_newest_editions_first_section(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        assert shown_sections(pane)[0] == "2022/1"
        assert "The security environment surrounding the Asia-Pacific region" in pane_text(pane)
        assert reader(pilot).query_one(Breadcrumb).trail[-1] == "(1) Regional Security"
        assert pilot.app.focused is pane


async def test_first_frame_shows_the_text_before_the_renderer_loads(
    library: Library, data_dir: Path, index_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As in a fresh process, where the Markdown renderer is not imported yet when the first frame is drawn.
    monkeypatch.setattr(section_pane, "_RENDERER", "renderer.not.imported.yet")
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        preview = reader_pane(pilot).query_one(".preview", Static)
        assert str(preview.render()).startswith("(1) Regional Security\n\nThe security environment surrounding")
        await settle(pilot)
        pane = reader_pane(pilot)
        assert not pane.query(".preview")
        assert shown_sections(pane)[:2] == ["2022/1", "2022/1.col1"]


async def test_garbage_is_collected_again_after_a_start_without_the_collector(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    # `bluebook` pauses the cyclic collector until the first frame; were it never resumed, memory would only grow.
    frozen_before = gc.get_freeze_count()
    thresholds = gc.get_threshold()
    gc.disable()
    try:
        async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
            assert gc.get_freeze_count() > frozen_before
            assert gc.get_threshold()[:2] == thresholds[:2]  # the young generations as before; full passes the app's

    finally:
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(*thresholds)


class _Cycle:
    def __init__(self) -> None:
        self.me = self


async def test_a_pause_in_the_input_frees_even_what_was_frozen(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        cycle = _Cycle()
        alive = weakref.ref(cycle)
        gc.freeze()  # as if it had been alive at the last pass
        del cycle
        await pilot.press("right_square_bracket")
        await pilot.pause(0.3)
        assert alive() is not None  # no pass yet while input goes on
        await pilot.pause(IDLE_SECONDS + 0.7)
        assert alive() is None
    gc.unfreeze()


async def test_a_section_is_shown_with_its_subsections_and_never_the_whole_book(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2022/4.B").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert shown_sections(reader_pane(pilot)) == ["2022/4.B", "2022/4.B.A", "2022/4.B.B", "2022/4.B.C"]


async def test_brackets_step_through_sections_in_reading_order(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert reader(pilot).section.id == "2022/1.col1"
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert shown_sections(reader_pane(pilot))[0] == "2022/2.A"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert reader(pilot).section.id == "2022/2"


def hidden_pages(pane: SectionPane) -> dict[str, SectionPage]:
    return {page.section.id: page for page in pane.query_children(SectionPage) if not page.display}


async def test_the_sections_beside_are_ready_so_brackets_show_them_at_once(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2022/1").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        first, ready = pane.page, hidden_pages(pane)
        assert list(ready) == ["2022/1.col1"]  # the next section; none comes before the edition's first
        await pilot.press("right_square_bracket")
        # Shown by the key itself: no render to wait for.
        assert pane.page is ready["2022/1.col1"] and "Misawa" in pane_text(pane)
        assert [page.display for page in pane.query_children(SectionPage)].count(True) == 1
        await settle(pilot)
        await pilot.press("left_square_bracket")
        assert pane.page is first and pane_text(pane).startswith("(1) Regional Security")


async def test_a_section_kept_ready_comes_back_as_it_was_first_rendered(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2022/1.col1").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        await pilot.press("f")
        assert pane.picked_link == 0 and styled(pane, ".link-current")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.section is not None and pane.section.id == "2022/1.col1"
        assert pane.picked_link is None and not styled(pane, ".link-current")
        # A section shown with a search marked is not kept: it comes back without the marks.
        reader(pilot).open_section("2022/1.col1", pattern="Misawa")
        await settle(pilot)
        assert pane.match_count == 2 and styled(pane, ".search-match")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.match_count == 0 and not styled(pane, ".search-match")


async def test_a_search_opens_a_section_marked_even_when_it_is_ready_unmarked(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2022/1").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        assert "2022/1.col1" in hidden_pages(pane)
        reader(pilot).open_section("2022/1.col1", pattern="Misawa")
        await settle(pilot)
        assert pane.match_count == 2 and styled(pane, ".search-match")


async def test_e_opens_the_same_section_in_the_other_edition(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2022/5").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert reader(pilot).section.id == "2016/6"  # "(6) Outer Space" in 2016 became "(5) Outer Space"
        assert "Outer Space" in reader(pilot).query_one(Breadcrumb).trail[-1]
        await pilot.press("e")
        await settle(pilot)
        assert reader(pilot).section.id == "2022/5"


async def test_bookmarks_are_added_listed_opened_and_kept(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root, section="2022/3").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        reader(pilot).open_section("2022/6.B")
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BookmarksScreen)
        # The list is the dialog's frame: focused, it keeps the frame every dialog has, not a list's focus border.
        listed = pilot.app.screen.query_one("#bookmarks")
        assert listed.has_focus and listed.styles.border_top[0] == "round"
        await pilot.press("enter")
        await settle(pilot)
        assert reader(pilot).section.id == "2022/3"
    saved = json.loads((data_dir / "bookmarks.json").read_text(encoding="utf-8"))
    assert [bookmark["section_id"] for bookmark in saved] == ["2022/3"]


async def test_b_twice_removes_the_bookmark(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("b", "b")
    assert json.loads((data_dir / "bookmarks.json").read_text(encoding="utf-8")) == []


async def test_y_copies_a_citation_of_the_section(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root, section="2022/4.A.C").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert pilot.app.clipboard.startswith("Diplomatic Bluebook 2022, Chapter 3")
        assert pilot.app.clipboard.endswith(
            "3 Global Security › (4) The Oceans and Seas › A Order at Sea › (C) Challenge to Japan's Maritime "
            "Sovereignty (Situation Surrounding the East China Sea) (see Chapter 2, Section 2, 2(1) B(D) on page 45)"
        )


async def test_the_tree_narrows_and_widens_by_keys_and_by_dragging_its_bar(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        tree = reader(pilot).query_one(SectionTree)
        start = tree.outer_size.width
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert tree.outer_size.width == start + 4
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        assert tree.outer_size.width == start - 4
        for _ in range(20):
            await pilot.press("less_than_sign")
        await pilot.pause()
        assert tree.outer_size.width == 12, "never narrower than its minimum"
        bar = reader(pilot).query_one(Splitter)
        await pilot.mouse_down(bar)
        await pilot.hover(bar, offset=(20, 0))
        await pilot.mouse_up(bar, offset=(20, 0))
        await pilot.pause()
        assert tree.outer_size.width > 12, "dragging the bar to the right widens the tree"


async def test_back_and_forward_retrace_the_way(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        reader(pilot).open_section("2022/3")
        reader(pilot).open_section("2016/5")
        await settle(pilot)
        await pilot.press("backspace")
        await settle(pilot)
        assert reader(pilot).section.id == "2022/3"
        await pilot.press("alt+left")
        await settle(pilot)
        assert reader(pilot).section.id == "2022/1"
        await pilot.press("alt+right")
        await settle(pilot)
        assert shown_sections(reader_pane(pilot))[0] == "2022/3"


async def test_choosing_in_the_tree_opens_the_section(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        tree = reader(pilot).query_one(SectionTree)
        await pilot.press("shift+tab")
        assert pilot.app.focused is tree
        await pilot.press("down", "enter")
        await settle(pilot)
        assert reader(pilot).section.id == "2022/1.col1"
        assert tree.cursor_node is not None and tree.cursor_node.data == "2022/1.col1"


async def test_the_place_is_remembered_across_runs(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root, section="2022/7").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        reader_pane(pilot).scroll_to(y=20, animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("q")
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert shown_sections(reader_pane(pilot))[0] == "2022/7"
        assert reader_pane(pilot).scroll_y == 20


async def test_a_corrupt_state_file_is_set_aside_with_a_notice(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    data_dir.mkdir()
    (data_dir / "session.json").write_text("{not json", encoding="utf-8")
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert shown_sections(reader_pane(pilot))[0] == "2022/1"
        assert any("set aside" in notification.message for notification in pilot.app._notifications)
    assert [path.name.startswith("session.json.corrupt-") for path in data_dir.iterdir()].count(True) == 1


async def test_help_lists_every_key_of_the_reader(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {
            str(row[1])
            for row in (
                help_screen.query_one("DataTable").get_row_at(i)
                for i in range(help_screen.query_one("DataTable").row_count)
            )
        }
        screen = reader(pilot)
        expected = {
            binding.description
            for binding in screen.BINDINGS
            if isinstance(binding, Binding) and screen.check_action(binding.action.partition("(")[0], ()) is not False
        }
        assert "Side by side" in expected and "One pane" not in expected  # `c` as it is bound in one pane
        assert expected <= described
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_the_command_palette_goes_to_any_heading(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        # Set at once rather than typed: each keystroke would search the palette again (~0.1 s each).
        pilot.app.screen.query_one(Input).value = "2016 Gulf of Aden"
        await settle(pilot)  # the palette searches in a worker, and lists all its hits when that is done
        await pilot.press("enter")
        await settle(pilot)
        assert reader(pilot).section.id == "2016/4.B.a"


async def test_a_small_terminal_still_shows_the_text(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        tree = reader(pilot).query_one(SectionTree)
        # On screen or not: a widget laid out nowhere has an empty region.
        assert pane.region.width >= 36 and not tree.region
        await pilot.press("t")
        await settle(pilot)
        assert tree.region.width >= 36 and not pane.region
        await pilot.resize_terminal(120, 30)
        await settle(pilot)
        assert tree.region and pane.region.width > 60
        await pilot.press("t")
        await settle(pilot)
        assert not tree.region and pane.region.width > 100


async def test_tab_moves_focus_and_q_quits(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        focused = pilot.app.focused
        await pilot.press("tab")
        assert pilot.app.focused is not focused
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.return_code == 0 and not pilot.app.is_running


@pytest.mark.parametrize("width", [40, 80, 160])
async def test_the_footer_shows_whole_keys_and_always_quit_and_help(
    library: Library, data_dir: Path, index_root: Path, width: int
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        footer = str(reader(pilot).query_one(KeyBar).render())
        assert len(footer) <= width
        assert footer.startswith(" / Search ") and footer.endswith(" q Quit  ? Keys ")
        assert (" C Changes " in footer) is (width >= 160)


async def test_the_footer_never_shows_one_section_key_without_the_other(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    both, short = " [ Prev section  ] Next section ", " [ ] Prev/next section "
    async with make_app(library, data_dir, index_root).run_test(size=(160, 24)) as pilot:
        await settle(pilot)
        seen = set()
        for width in range(40, 161, 2):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            footer = str(reader(pilot).query_one(KeyBar).render())
            assert len(footer) <= width
            shows = "both" if both in footer else "short" if short in footer else "none"
            if shows == "none":
                assert "Prev section" not in footer and "Next section" not in footer
            seen.add(shows)
        assert seen == {"both", "short", "none"}


@pytest.mark.parametrize("section", ["2022/1", "2016/4", "2016/6.C"])
async def test_the_tree_opens_with_its_cursor_on_the_section_in_view(
    library: Library, data_dir: Path, index_root: Path, section: str
) -> None:
    async with make_app(library, data_dir, index_root, section=section).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        tree = reader(pilot).query_one(SectionTree)
        assert tree.cursor_node is not None and tree.cursor_node.data == section
        assert tree.scroll_y <= tree.cursor_line < tree.scroll_y + tree.size.height
        if section == "2022/1":
            assert tree.scroll_y == 0, "the edition's own row above its first section stays in view"
        else:  # out of view at first: mid-tree, with the rows around it (or as low as the tree scrolls)
            middle = (
                tree.scroll_y + tree.size.height // 3 <= tree.cursor_line <= tree.scroll_y + tree.size.height * 2 // 3
            )
            assert middle or (
                tree.scroll_y == tree.max_scroll_y and tree.cursor_line > tree.scroll_y + tree.size.height // 3
            )


async def test_sections_read_earlier_are_not_kept_in_memory(library: Library, data_dir: Path, index_root: Path) -> None:
    # Textual's style caches kept the last 1,024 widgets and all they rendered (slow full garbage collections).
    def style_caches() -> int:
        gc.collect()
        return sum(isinstance(thing, StylesCache) for thing in gc.get_objects())

    def widgets(app: App[None]) -> int:
        return sum(1 for screen in app.screen_stack for _ in screen.walk_children(with_self=True))

    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for section in list(library.walk())[:30]:
            reader(pilot).open_section(section.id)
            await settle(pilot)
        # One cache per widget in the app (the pane keeps a few sections ready, hidden), none for those removed.
        assert style_caches() - widgets(pilot.app) < 20


async def test_the_place_is_written_once_the_reader_pauses_without_quitting(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2022/1").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause(SAVE_DELAY_SECONDS + 0.3)
        # As a crash or a closed terminal would find it: nothing written at quitting.
        store = Store(data_dir)
        assert store.load_session() == Session("2022/2.A", 0)
        assert store.load_history().entries[-4:] == ["2022/1", "2022/1.col1", "2022/2", "2022/2.A"]
