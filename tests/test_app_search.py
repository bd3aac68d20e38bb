"""Pilot tests of searching from the reader: as you type, opening a hit, stepping through its matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Static

from bluebook_tui.library import Library
from bluebook_tui.search import SearchService
from bluebook_tui.ui.app import BluebookApp
from bluebook_tui.ui.screens.search import SearchScreen
from bluebook_tui.ui.widgets.breadcrumb import Breadcrumb
from tests.app_support import (
    make_app,
    pane_text,
    reader,
    reader_pane,
    settle,
    shown_page,
    shown_sections,
    until,
    wait_for_hits,
)


def status(pilot) -> str:  # type: ignore[no-untyped-def]
    return str(pilot.app.screen.query_one("#search-total", Static).render())


@pytest.mark.parametrize(
    ("typed", "total"),
    [
        ("IBUKI", "1 hit in all editions"),
        # An unfinished word already finds the words it starts.
        ("IBU", "1 hit for words starting with “IBU” in all editions"),
    ],
)
async def test_typing_shows_the_hit_and_enter_lands_on_the_match(
    library: Library, data_dir: Path, index_root: Path, typed: str, total: str
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *typed)
        hits = await wait_for_hits(pilot)
        assert isinstance(pilot.app.screen, SearchScreen)
        hit_ids = [hits.get_option_at_index(i).id for i in range(hits.option_count)]
        assert "2022/5.D" in hit_ids
        assert "IBUKI" in str(hits.get_option("2022/5.D").prompt)
        assert status(pilot) == total
        await pilot.press("enter")
        await settle(pilot)
        pane = reader_pane(pilot)
        assert shown_sections(pane)[0] == "2022/5.D"
        assert reader(pilot).query_one(Breadcrumb).status == "match 1/2"
        await pilot.press("n")
        assert reader(pilot).query_one(Breadcrumb).status == "match 2/2"
        await pilot.press("N")
        assert reader(pilot).query_one(Breadcrumb).status == "match 1/2"


async def test_the_status_names_the_words_searched_before_an_unfinished_one(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"piracy somal")
        await wait_for_hits(pilot)
        assert re.fullmatch(r"\d+ hits? for “piracy” and words starting with “somal” in all editions", status(pilot))


@pytest.mark.parametrize("last_query", ["", "IBUKI"])
async def test_keys_typed_at_once_after_slash_all_reach_the_query(
    library: Library, data_dir: Path, index_root: Path, last_query: str
) -> None:
    # As a fast typist or a paste sends them: every key queued before the search screen exists.
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        reader(pilot).last_query = last_query
        for key, character in [("slash", "/"), *((letter, letter) for letter in "piracy")]:
            pilot.app.post_message(events.Key(key, character))
        await pilot.pause()
        assert isinstance(pilot.app.screen, SearchScreen)
        await wait_for_hits(pilot)
        assert pilot.app.screen.query_text == "piracy"
        assert len(pilot.app.screen_stack) == 2, "no letter ran a reader key (c, y, B…) on the way"


@pytest.mark.parametrize("leave", ["escape", "enter"])
async def test_the_search_reopens_on_the_query_it_was_left_with(
    library: Library, data_dir: Path, index_root: Path, leave: str
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"piracy")
        await wait_for_hits(pilot)
        await pilot.press(leave)
        await settle(pilot)
        assert not isinstance(pilot.app.screen, SearchScreen)
        await pilot.press("slash")
        await settle(pilot)
        assert pilot.app.screen.query_one("#search-query", Input).value == "piracy"


async def test_backspace_returns_to_where_the_reader_was_before_the_search(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root, section="2016/3.A").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        pane = reader_pane(pilot)
        pane.scroll_to(y=25, animate=False, immediate=True)
        await settle(pilot)
        await pilot.press("slash", *"IBUKI")
        await wait_for_hits(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("backspace")
        await settle(pilot)
        assert shown_sections(pane)[0] == "2016/3.A"
        assert round(pane.scroll_y) == 25, "back to the very place, not just the section"


async def test_the_match_is_highlighted_in_the_rendered_text(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        reader(pilot).open_section("2022/5.D", pattern=r"(?i:\b(?:ibuki)\b)")
        await settle(pilot)
        pane = reader_pane(pilot)
        assert pane.match_count == 2
        marked = [
            span
            for block in shown_page(pane).query("SectionMarkdown > *")
            for span in getattr(block.visual, "spans", [])
            if span.style in (".search-match", ".search-current")
        ]
        assert len(marked) == 3  # both matches, and the first once more as the current one
        assert "IBUKI" in pane_text(pane)


async def test_a_suggestion_with_one_hit_says_one_hit(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ibukii")
        await wait_for_hits(pilot)
        assert status(pilot) == "No hits for “ibukii”; showing “ibuki”: 1 hit"


async def test_a_misspelt_query_shows_its_suggestion_and_as_typed_is_a_line_away(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"pircy")
        hits = await wait_for_hits(pilot)
        assert status(pilot) == "No hits for “pircy”; showing “piracy”: 10 hits"
        assert str(hits.get_option_at_index(0).prompt) == "Search for pircy as typed"
        await pilot.press("down", "enter")
        await settle(pilot)
        await until(pilot, lambda: status(pilot) == "No hits for “pircy”")
        assert status(pilot) == "No hits for “pircy”"
        assert "Did you mean piracy?" in str(hits.get_option_at_index(0).prompt)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert pilot.app.screen.query_one(Input).value == "piracy"
        await wait_for_hits(pilot)
        assert status(pilot).endswith("hits in all editions")


async def test_the_edition_filter_narrows_the_hits(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"piracy")
        hits = await wait_for_hits(pilot)
        everywhere = {
            hits.get_option_at_index(i).id.split("/")[0]
            for i in range(hits.option_count)
            if hits.get_option_at_index(i).id
        }
        assert everywhere == {"2016", "2022"}
        await pilot.press("ctrl+t")
        await settle(pilot)
        only = {
            hits.get_option_at_index(i).id.split("/")[0]
            for i in range(hits.option_count)
            if hits.get_option_at_index(i).id
        }
        assert only == {"2022"}
        assert status(pilot).endswith("in 2022")


async def test_escape_closes_search_and_keeps_the_place(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root, section="2022/3").run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cyber", "escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, SearchScreen)
        assert reader(pilot).section.id == "2022/3"
        await pilot.press("slash")
        assert pilot.app.screen.query_one(Input).value == "cyber"


async def test_a_broken_index_leaves_reading_working(library: Library, data_dir: Path, tmp_path: Path) -> None:
    not_a_directory = tmp_path / "index-file"
    not_a_directory.write_text("not an index", encoding="utf-8")
    async with make_app(library, data_dir, not_a_directory).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert "The security environment" in pane_text(reader_pane(pilot))
        await pilot.press("slash", *"piracy")
        await settle(pilot)
        assert status(pilot).startswith("Search index unavailable")


async def test_search_says_the_index_is_building_until_it_is_ready(
    library: Library, data_dir: Path, index_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(BluebookApp, "_load_search", lambda app: None)  # the index is "still building"
    app = make_app(library, data_dir, index_root)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"piracy")
        await settle(pilot)
        assert status(pilot) == "Building the search index…"
        service = SearchService(library, index_root=index_root)
        service.ensure_index()
        app._search_ready(service, "")
        hits = await wait_for_hits(pilot)
        assert hits.option_count > 0


async def test_a_name_searched_is_marked_whole_in_the_section_opened(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    """Searching "cyber space" (one name with "cyberspace") marked every lone "cyber" of the section too."""
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cyber space")
        await wait_for_hits(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = reader_pane(pilot)
        text = pane_text(pane)
        written = re.findall(r"(?i)\bcyber[\s-]*space\b", text)
        lone = re.findall(r"(?i)\bcyber\b(?![\s-]*space\b)", text)
        assert written and lone, "the section writes the name, and cyber alone"
        assert reader(pilot).query_one(Breadcrumb).status == f"match 1/{len(written)}"
        marked = [
            block.source_content.plain[start:end]
            for widget in pane.markdowns()
            for block in widget.blocks()
            for start, end in block.match_spans()
        ]
        assert sorted(marked) == sorted(written)


async def test_typing_in_the_hit_list_goes_on_with_the_query_and_up_from_the_first_hit_returns_to_it(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"cyber")
        hits = await wait_for_hits(pilot)
        box = pilot.app.screen.query_one("#search-query", Input)
        await pilot.press("down")
        assert hits.has_focus
        await pilot.press("s", "q")  # not the app's `q` (quit): a letter of the query
        await settle(pilot)
        assert isinstance(pilot.app.screen, SearchScreen)
        assert box.has_focus and box.value == "cybersq"
        await pilot.press("backspace", "backspace", "down")
        await settle(pilot)
        first = hits.highlighted
        await pilot.press("down", "up")
        assert hits.has_focus and hits.highlighted == first
        await pilot.press("up")
        assert box.has_focus and box.value == "cyber"


def test_an_unfinished_last_word_is_completed_as_the_top_hit_writes_it_after_the_word_before() -> None:
    from bluebook_tui.search import SearchHit, SearchResults
    from bluebook_tui.ui.widgets.search_panel import _completed

    snippet = "a Free and Open Indo-Pacific Strategy, by strengthening"
    marks = ((16, 28), (29, 37), (42, 55))  # Indo-Pacific, Strategy, strengthening
    hit = SearchHit("2022", "2022/1", "(1) Regional Security", (), 1.0, snippet, marks)
    results = SearchResults("q", 1, hits=(hit,), word_start="str")
    assert _completed(results, "Indo-Pacific str") == "Indo-Pacific Strategy"  # not the first marked "str…"
    assert _completed(results, "str") == "Strategy"
    assert _completed(results, "Japan str") == "Japan str"  # not found after its word: as typed
    assert _completed(SearchResults("q", 1, hits=(hit,)), "Indo") == "Indo"  # the hits are for the word as typed
