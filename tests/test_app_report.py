"""The report export (`R`, or "Export comparison report…" in the palette): asks where (the current directory by
default), writes, says where."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input

from bluebook_tui.library import Library
from bluebook_tui.ui.screens.export import ExportScreen
from tests.app_support import make_app, notices, settle, until


async def wait_for_notice(pilot, start: str) -> str:  # type: ignore[no-untyped-def]
    def found() -> list[str]:
        return [notice for notice in notices(pilot) if notice.startswith(start)]

    await until(pilot, found, timeout=20)
    assert found(), f"no notice starting {start!r}: {notices(pilot)}"
    return found()[-1]


async def open_export(pilot, key: str | None = None) -> ExportScreen:  # type: ignore[no-untyped-def]
    """The export dialog, opened with `key` or by default from the palette."""
    if key is not None:
        await pilot.press(key)
    else:
        await pilot.press("ctrl+p")
        pilot.app.screen.query_one(Input).value = "Export comparison"
        await settle(pilot)
        await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    return screen


@pytest.mark.parametrize("key", [None, "R"])
async def test_the_palette_or_r_writes_the_report_to_the_current_directory(
    library: Library, data_dir: Path, index_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str | None
) -> None:
    monkeypatch.chdir(tmp_path)
    async with make_app(library, data_dir, index_root).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_export(pilot, key)
        expected = tmp_path / "bluebook-report-2016-2022.html"
        assert screen.query_one(Input).value == str(expected)
        await pilot.press("enter")
        notice = await wait_for_notice(pilot, "Report written to")
        assert str(expected) in notice and "(html, " in notice
        text = expected.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and "Diplomatic Bluebook 2016 → 2022" in text


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("notes/report.md", "There is no folder notes"),  # `notes` is a file
        ("elsewhere/report.md", "There is no folder elsewhere"),
        ("report.pdf", "report.pdf: end the name in .html, .md or .csv"),
        (".", "is a folder: end the path with the report's file name"),
    ],
)
async def test_a_name_that_cannot_be_written_is_said_in_the_dialog_which_stays(
    library: Library,
    data_dir: Path,
    index_root: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    said: str,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    (work / "notes").write_text("a file, not a folder", encoding="utf-8")
    async with make_app(library, data_dir, index_root).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_export(pilot)
        screen.query_one(Input).value = name
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen and pilot.app.is_running
        assert said in str(screen.query_one("#export-help").render())
        assert sorted(path.name for path in work.iterdir()) == ["notes"]
        # Fixing the name takes the warning away, and enter writes the report.
        screen.query_one(Input).value = "report.md"
        await settle(pilot)
        assert said not in str(screen.query_one("#export-help").render())
        await pilot.press("enter")
        await wait_for_notice(pilot, "Report written to")
        assert sorted(path.name for path in work.iterdir()) == ["notes", "report.md"]


async def test_a_write_that_fails_is_said_and_leaves_nothing(
    library: Library, data_dir: Path, index_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)

    def disk_full(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    async with make_app(library, data_dir, index_root).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_export(pilot)
        monkeypatch.setattr(os, "replace", disk_full)
        await pilot.press("enter")
        notice = await wait_for_notice(pilot, "cannot write the report to")
        assert notice.endswith("No space left on device") and pilot.app.is_running
        assert list(work.iterdir()) == []
        # Escape on the dialog writes nothing either.
        await open_export(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ExportScreen)
        assert list(work.iterdir()) == []


async def test_a_file_there_already_is_replaced_only_on_a_second_enter(
    library: Library, data_dir: Path, index_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    earlier = tmp_path / "bluebook-report-2016-2022.html"
    earlier.write_text("last week's report", encoding="utf-8")
    async with make_app(library, data_dir, index_root).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_export(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert "is there already: enter again to replace it" in str(screen.query_one("#export-help").render())
        assert earlier.read_text(encoding="utf-8") == "last week's report"
        # Editing the name takes the warning away, and the same name asks again.
        await pilot.press("end", "x")
        await pilot.press("backspace")
        await settle(pilot)
        assert "enter again" not in str(screen.query_one("#export-help").render())
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen and earlier.read_text(encoding="utf-8") == "last week's report"
        await pilot.press("enter")
        await wait_for_notice(pilot, "Report written to")
        assert earlier.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
