"""Reader timings, driven by Textual's Pilot on the real library: switching sections and typing to a result.

Run: python benchmarks/bench_app.py  (first paint in a real terminal: benchmarks/bench_first_paint.py).
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from pilot_timing import shows, wait_until
from textual.widgets import Input, OptionList, Static

from bluebook_tui.library import content_dir, load_library
from bluebook_tui.search import SearchService
from bluebook_tui.ui.app import BluebookApp
from bluebook_tui.ui.screens.reader import ReaderScreen
from bluebook_tui.ui.widgets.section_pane import SectionPane

QUERIES = ["IBUKI", "piracy", "cyber", "peacekeeping", "outer space", "money laundering"]


async def main() -> None:
    library = load_library(content_dir())
    with tempfile.TemporaryDirectory() as tmp:
        index_root = Path(tmp) / "index"
        SearchService(library, index_root=index_root).ensure_index()
        app = BluebookApp(library, Path(tmp) / "data", index_root=index_root)
        started = time.perf_counter()
        async with app.run_test(size=(160, 48)) as pilot:
            reader = app.screen
            assert isinstance(reader, ReaderScreen)
            pane = reader.query_one("#reader-pane", SectionPane)
            await wait_until(lambda: shows(pane, library.newest.sections[0].id))
            print(f"headless start to first text: {(time.perf_counter() - started) * 1000:.0f} ms")
            await app.workers.wait_for_complete()

            switches = []
            for section in library.walk():
                began = time.perf_counter()
                reader.open_section(section.id)
                await wait_until(lambda section=section: shows(pane, section.id))
                switches.append(time.perf_counter() - began)
                await app.workers.wait_for_complete()
            print(
                f"section switch to new text, {len(switches)} sections: median {statistics.median(switches) * 1000:.0f}"
                f" ms, p95 {statistics.quantiles(switches, n=20)[-1] * 1000:.0f} ms, max {max(switches) * 1000:.0f} ms"
            )

            await wait_until(lambda: app.search_service is not None)
            typing = []
            for query in QUERIES:
                await pilot.press("slash")
                hits = app.screen.query_one("#search-hits", OptionList)
                total = app.screen.query_one("#search-total", Static)
                await pilot.press(*query[:-1])
                await app.workers.wait_for_complete()
                # The unfinished word already shows hits (for words starting with it): wait for the new ones.
                before = str(total.render()), hits.option_count
                began = time.perf_counter()
                # The last letter as the Input receives it (Pilot.press would add its own settling waits).
                search_input = app.screen.query_one("#search-query", Input)
                search_input.insert_text_at_cursor(query[-1])
                await wait_until(
                    lambda hits=hits, total=total, before=before: (
                        hits.option_count > 0 and (str(total.render()), hits.option_count) != before
                    )
                )
                typing.append(time.perf_counter() - began)
                await pilot.press("escape")
                reader.last_query = ""
            print(
                f"last keystroke to visible hits, {len(typing)} queries: median {statistics.median(typing) * 1000:.0f}"
                f" ms, max {max(typing) * 1000:.0f} ms"
            )


if __name__ == "__main__":
    asyncio.run(main())
