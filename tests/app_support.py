"""Helpers for the app's pilot and snapshot tests: an app on the real library with its own data and index dirs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.keys import _character_to_key, key_to_character
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList
from textual.worker import WorkerCancelled

from bluebook_tui.library import Library
from bluebook_tui.ui.app import BluebookApp
from bluebook_tui.ui.screens.reader import ReaderScreen
from bluebook_tui.ui.widgets.section_markdown import Paragraph
from bluebook_tui.ui.widgets.section_pane import SectionPage, SectionPane


def make_app(library: Library, data_dir: Path, index_root: Path, section: str | None = None) -> BluebookApp:
    return BluebookApp(library, data_dir, start_section_id=section, index_root=index_root)


async def settle(pilot: Pilot[None]) -> None:
    """Wait until renders, searches and the index loader have finished and the screen is painted."""
    for _ in range(3):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            continue  # a newer render or search replaced it: wait for that one
        await pilot.pause()


async def until(pilot: Pilot[None], condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Pause until `condition()` is true, or `timeout` seconds have passed (the test's assertion then says what is
    wrong): for what finishes in a thread or after a timer, which `settle` does not wait for."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition() and loop.time() < deadline:
        await pilot.pause(0.05)


def notices(pilot: Pilot[None]) -> list[str]:
    """The notifications the app has shown, oldest first."""
    return [str(notice.message) for notice in pilot.app._notifications]


def press_in_one_burst(pilot: Pilot[None], *keys: str) -> None:
    """Keys as a paste or a fast typist delivers them: all queued before the app handles the first (Pilot's
    `press` waits for the app to go idle after each)."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        # As the driver names them: a punctuation key by its name ("greater_than_sign"), with its character.
        name = _character_to_key(key) if len(key) == 1 else key
        event = events.Key(name, key if len(key) == 1 else key_to_character(name))
        event.set_sender(pilot.app)
        driver.send_message(event)


def reader(pilot: Pilot[None]) -> ReaderScreen:
    screen = next(screen for screen in pilot.app.screen_stack if isinstance(screen, ReaderScreen))
    return screen


def reader_pane(pilot: Pilot[None]) -> SectionPane:
    """The reader's one pane (not the side by side's)."""
    return reader(pilot).query_one("#reader-pane", SectionPane)


def shown_sections(pane: SectionPane) -> list[str]:
    """The ids of the sections rendered in a pane, top to bottom."""
    return [widget.section.id for widget in pane.markdowns()]


def shown_page(pane: SectionPane) -> SectionPage:
    """The page the pane shows (not those it keeps ready, hidden)."""
    assert pane.page is not None, "the pane has rendered no section yet"
    return pane.page


def pane_text(pane: SectionPane) -> str:
    """The pane's rendered text, block by block."""
    return "\n".join(str(block.render()) for block in shown_page(pane).query("SectionMarkdown MarkdownBlock"))


async def wait_for_hits(pilot: Pilot[None], timeout: float = 20.0) -> OptionList:
    """The search screen's hit list once the index is open and a search has filled it.

    The timeout is generous: on a loaded CI machine the index loader thread can take seconds to open the index.
    """
    hits = pilot.app.screen.query_one("#search-hits", OptionList)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while (pilot.app.search_service is None or hits.option_count == 0) and loop.time() < deadline:
        await pilot.pause(0.02)
    await settle(pilot)
    return hits


def text_in(pilot: Pilot[None], widget: Widget) -> list[str]:
    """The screen's rows within a widget's region, as drawn (its border and what overlays it included)."""
    region = widget.region
    strips = pilot.app.screen._compositor.render_strips()
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


def styled(pane: SectionPane, style: str) -> list[str]:
    """The texts of a pane's paragraphs drawn with a sentence or diff style (`.sentence-new`, `.link-current`, …)."""
    return [
        block.visual.plain[span.start : span.end]  # type: ignore[union-attr]
        for block in shown_page(pane).query(Paragraph)
        for span in block.visual.spans  # type: ignore[union-attr]
        if span.style == style
    ]
