"""Shared by the app benchmarks: waiting for what a reader would see, and timing it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from bluebook_tui.ui.widgets.section_pane import SectionPane


async def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> float:
    """Seconds until `predicate()` holds, polling every millisecond (TimeoutError past `timeout`)."""
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > timeout:
            raise TimeoutError
        await asyncio.sleep(0.001)
    return time.perf_counter() - start


def shows(pane: SectionPane, section_id: str | None) -> bool:
    """Whether the pane's first rendered section is `section_id` and its text has been mounted."""
    widgets = pane.markdowns()
    return bool(widgets) and widgets[0].section.id == section_id and bool(widgets[0].children)
