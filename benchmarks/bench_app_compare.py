"""Comparing in the app, on the real library: side by side, diff marks, the Changes screen.

Each figure runs the reader's action directly (as `bench_app.py` does), from the call to the text on screen;
a key pressed through Pilot adds ~100 ms of Pilot's own waiting.

Run: python benchmarks/bench_app_compare.py
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from pilot_timing import shows, wait_until

from bluebook_tui.library import content_dir, load_library
from bluebook_tui.ui.app import BluebookApp
from bluebook_tui.ui.screens.changes import ChangesScreen, ChangesTable
from bluebook_tui.ui.screens.reader import ReaderScreen
from bluebook_tui.ui.widgets.section_markdown import Paragraph
from bluebook_tui.ui.widgets.section_pane import SectionPane
from bluebook_tui.ui.widgets.side_by_side import SideBySide


def both_shown(reader: ReaderScreen) -> bool:
    """Every pane of the side by side shows its section's text (one pane when a section has no counterpart)."""
    panes = reader.query(SideBySide).first().panes() if reader.query(SideBySide) else []
    return bool(panes) and all(pane.section is not None and shows(pane, pane.section.id) for pane in panes)


def marked(reader: ReaderScreen) -> bool:
    return any(
        span.style == ".diff-delete"
        for block in reader.query(SideBySide).first().query(Paragraph)
        for span in block.visual.spans  # type: ignore[union-attr]
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


async def main() -> None:
    library = load_library(content_dir())
    with tempfile.TemporaryDirectory() as tmp:
        app = BluebookApp(library, Path(tmp) / "data", index_root=Path(tmp) / "index")
        async with app.run_test(size=(160, 48)) as pilot:
            reader = app.screen
            assert isinstance(reader, ReaderScreen)
            await wait_until(lambda: shows(reader.query_one("#reader-pane", SectionPane), reader.section.id))
            await app.workers.wait_for_complete()

            began = time.perf_counter()
            await reader.run_action("side_by_side")
            await wait_until(lambda: both_shown(reader))
            print(f"c, first time (aligned in the background): both panes' text in {ms(time.perf_counter() - began)}")
            await app.workers.wait_for_complete()

            began = time.perf_counter()
            await reader.run_action("toggle_changes")
            await wait_until(lambda: marked(reader))
            print(f"d: changed words marked in {ms(time.perf_counter() - began)}")
            await app.workers.wait_for_complete()

            def panes() -> list[SectionPane]:
                return reader.query_one(SideBySide).panes()

            steps = []
            for _ in range(15):
                began = time.perf_counter()
                reader.action_step_section(1)
                await wait_until(lambda: both_shown(reader) and reader.section in [pane.section for pane in panes()])
                steps.append(time.perf_counter() - began)
                await app.workers.wait_for_complete()
            print(f"] with marks on, 15 pairs: median {ms(statistics.median(steps))}, max {ms(max(steps))}")

            def changes_filled() -> bool:
                screen = app.screen
                return isinstance(screen, ChangesScreen) and any(t.row_count for t in screen.query(ChangesTable))

            opened = []
            for _ in range(3):
                began = time.perf_counter()
                await reader.run_action("changes")
                await wait_until(changes_filled)
                opened.append(time.perf_counter() - began)
                await pilot.press("escape")
                await pilot.pause()
            print(f"C: Changes table filled in {ms(opened[0])} (then {ms(statistics.median(opened[1:]))})")

            await reader.run_action("changes")
            await wait_until(changes_filled)
            await pilot.press("down", "down")
            began = time.perf_counter()
            app.screen.query_one(ChangesTable).action_select_cursor()
            await wait_until(lambda: app.screen is reader and both_shown(reader))
            print(f"enter on a Changes row: pair side by side in {ms(time.perf_counter() - began)}")
            await app.workers.wait_for_complete()


if __name__ == "__main__":
    asyncio.run(main())
