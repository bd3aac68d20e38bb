"""Snapshots of the main screens at 80×24 and 160×48 (reviewed by eye as PNGs before they were accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from bluebook_tui.library import Library
from tests.app_support import make_app, settle, wait_for_hits

SIZES = [(80, 24), (160, 48)]


@pytest.fixture
def app(library: Library, data_dir: Path, index_root: Path):  # type: ignore[no-untyped-def]
    return make_app(library, data_dir, index_root)


@pytest.mark.parametrize("size", SIZES)
def test_reader(app, snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_search_as_you_type(app, snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def type_query(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"piracy")
        await wait_for_hits(pilot)
        # The cursor drawn steadily: its blink phase at the moment of the shot is timing, not behaviour.
        pilot.app.screen.query_one(Input).cursor_blink = False
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=type_query)


@pytest.mark.parametrize("size", SIZES)
def test_hit_opened_with_matches_marked(app, snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def open_hit(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"IBUKI")
        await wait_for_hits(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_hit)


@pytest.mark.parametrize("size", SIZES)
def test_side_by_side_with_diff_marks(app, snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def compare(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("d")  # side by side, changed words marked, the tree badged
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=compare)


@pytest.mark.parametrize("size", SIZES)
def test_changes(app, snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def changes(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=changes)


def test_help(app, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def show_help(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=show_help)


def test_smallest_terminal(app, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(40, 12), run_before=settle)


def test_side_by_side_with_a_moved_sentence_picked(  # type: ignore[no-untyped-def]
    library: Library, data_dir: Path, index_root: Path, snap_compare
) -> None:
    async def pick_moved(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("c")  # sentence marks: unchanged dimmed, new and removed coloured, moved opened by ⇄
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)

    app = make_app(library, data_dir, index_root, section="2016/4")
    assert snap_compare(app, terminal_size=(160, 48), run_before=pick_moved)


@pytest.mark.parametrize("size", SIZES)
def test_insights_keywords(app, snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def keywords(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=keywords)


def test_insights_concordance(app, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def concordance(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("I", "3", *"Indo-Pacific")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(160, 48), run_before=concordance)
