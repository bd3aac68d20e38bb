"""Keys that arrive in one burst (a paste, SSH, fast typing) are applied in the order typed, each one counted."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, Static

from bluebook_tui.library import Library
from bluebook_tui.search import SearchService
from bluebook_tui.ui.screens.search import SearchScreen
from bluebook_tui.ui.widgets.section_tree import SectionTree
from tests.app_support import make_app, press_in_one_burst, reader, settle, until, wait_for_hits


class _OneInput(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()


async def test_upstream_input_applies_a_burst_out_of_order() -> None:
    """Textual's own Input runs its bindings after the keys behind them (why `OrderedInput` exists): when this
    fails, Textual has fixed it and `OrderedInput` can go."""
    app = _OneInput()
    async with app.run_test() as pilot:
        press_in_one_burst(pilot, "a", "b", "c", "backspace", "x", "y", "z")
        await pilot.pause(0.2)
        assert app.query_one(Input).value == "abcxy"


async def test_the_search_box_applies_a_burst_in_order(library: Library, data_dir: Path, index_root: Path) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SearchScreen)
        box = pilot.app.screen.query_one(Input)
        press_in_one_burst(pilot, "a", "b", "c", "backspace", "x", "y", "z")
        await pilot.pause(0.2)
        assert box.value == "abxyz"
        press_in_one_burst(pilot, "ctrl+u", *"piracy")
        await pilot.pause(0.2)
        assert box.value == "piracy"
        press_in_one_burst(pilot, "left", "left", "delete", "home", "X")
        await pilot.pause(0.2)
        assert box.value == "Xpiray"


async def test_every_key_of_a_burst_of_tree_and_section_steps_counts(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = reader(pilot)
        tree = screen.query_one(SectionTree)
        before = tree.outer_size.width
        press_in_one_burst(pilot, *">" * 5)
        await settle(pilot)
        assert tree.outer_size.width == before + 5 * 4
        press_in_one_burst(pilot, *"<" * 3)
        await settle(pilot)
        assert tree.outer_size.width == before + 2 * 4
        sections = [section.id for section in library.edition(screen.section.edition).walk()]
        start = sections.index(screen.section.id)
        press_in_one_burst(pilot, *"]" * 4, "[")
        await settle(pilot)
        assert screen.section.id == sections[start + 3]


async def test_enter_in_the_same_burst_as_the_query_opens_its_first_hit(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: pilot.app.search_service is not None)
        press_in_one_burst(pilot, "slash", *"Djibouti", "enter")
        await pilot.pause(0.05)
        await until(pilot, lambda: not isinstance(pilot.app.screen, SearchScreen))
        assert not isinstance(pilot.app.screen, SearchScreen)
        assert "Djibouti" in reader(pilot).section.text


async def open_search(pilot: Pilot[None]) -> None:
    """The search screen open, its index ready."""
    await settle(pilot)
    await until(pilot, lambda: pilot.app.search_service is not None)
    await pilot.press("slash")
    await settle(pilot)


async def test_a_query_typed_in_one_burst_is_searched_once_as_a_whole(
    library: Library, data_dir: Path, index_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(120, 30)) as pilot:
        await open_search(pilot)
        service = pilot.app.search_service
        searched: list[str] = []

        def recorded(query: str, *args: object, **kwargs: object) -> object:
            searched.append(query)
            return SearchService.search(service, query, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(service, "search", recorded)
        press_in_one_burst(pilot, *"IBUKI")
        hits = await wait_for_hits(pilot)
        assert searched == ["IBUKI"]
        assert "observing" in str(hits.get_option_at_index(1).prompt)


async def test_a_query_with_no_hits_is_painted_at_once(
    library: Library, data_dir: Path, index_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The query and its status reach the screen in the next frame, not at the cursor's next blink."""
    async with make_app(library, data_dir, index_root).run_test(size=(120, 30)) as pilot:
        await open_search(pilot)
        painted: list[str] = []
        display = pilot.app._display

        def recorded(screen: object, renderable: object) -> None:
            painted.append(str(pilot.app.screen.query_one("#search-total", Static).render()))
            display(screen, renderable)  # type: ignore[arg-type]

        monkeypatch.setattr(pilot.app, "_display", recorded)
        press_in_one_burst(pilot, *"qqqq")
        await asyncio.sleep(0.25)  # half the cursor's blink: a frame waiting for it would not have come yet
        assert "No hits for “qqqq”" in painted


@pytest.mark.parametrize(
    ("keys", "screen_id", "box", "typed"),
    [
        (["R", "ctrl+u", *"zz.md"], "ExportScreen", "#export-path", "zz.md"),
        (["I", "3", *"Indo"], "InsightsScreen", "#term", "Indo"),
        (["I", "3", *"a3b"], "InsightsScreen", "#term", "a3b"),  # in the term's box a digit is typed
    ],
)
async def test_keys_typed_with_the_key_that_opens_a_screen_go_to_it(
    library: Library, data_dir: Path, index_root: Path, keys: list[str], screen_id: str, box: str, typed: str
) -> None:
    async with make_app(library, data_dir, index_root).run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        before = reader(pilot).section.id
        press_in_one_burst(pilot, *keys)
        await pilot.pause(0.3)
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == screen_id
        assert pilot.app.screen.query_one(box, Input).value == typed
        assert reader(pilot).section.id == before and not reader(pilot).comparing
