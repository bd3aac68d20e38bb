"""The longest the UI thread is held at a time: start-up, typing, section switches, `c` (there and back) and `C`.

Every step the event loop runs (a callback, a task's next stretch up to its next `await`) is timed: while one
runs, nothing else (no key, no frame) can. Target: none over 100 ms. After each phase the bench pauses as a
reader does; the app's collection of garbage in such a pause (`ui.garbage`) is counted apart.
Driven by Textual's Pilot on the real library, with the collector set up as `bluebook` sets it (paused until the
first frame, then frozen); a terminal adds the writing of each frame, which runs beside the loop and is not
counted here (`bench_tty.py` is).

Run: python benchmarks/bench_frames.py
"""

from __future__ import annotations

import asyncio
import gc
import tempfile
import time
from asyncio import events
from collections.abc import Awaitable, Callable
from pathlib import Path

from pilot_timing import shows, wait_until
from textual.pilot import Pilot

from bluebook_tui.library import content_dir
from bluebook_tui.library.snapshot import load_library_snapshot
from bluebook_tui.ui import app as app_module
from bluebook_tui.ui.app import BluebookApp
from bluebook_tui.ui.garbage import IDLE_SECONDS
from bluebook_tui.ui.widgets.section_pane import SectionPane

TARGET_MS = 100
_steps: list[tuple[float, str]] = []


_collecting: list[float] = []
_idle_collections: list[float] = []


def _note_idle_collections() -> None:
    collect = app_module.collect_while_idle

    def noted() -> None:
        started = time.perf_counter()
        collect()
        _idle_collections.append(time.perf_counter() - started)

    app_module.collect_while_idle = noted


def _timed(run: Callable[[events.Handle], None]) -> Callable[[events.Handle], None]:
    def timed_run(handle: events.Handle) -> None:
        started, collected, idle = time.perf_counter(), sum(_collecting), len(_idle_collections)
        run(handle)
        if len(_idle_collections) > idle:
            return  # the app's pass while no input waits: not a key's
        collecting = sum(_collecting) - collected
        gc_note = f" (of which {collecting * 1000:.0f} ms collecting garbage)" if collecting > 0.005 else ""
        _steps.append((time.perf_counter() - started, _name(handle) + gc_note))

    return timed_run


def _name(handle: events.Handle) -> str:
    """The coroutine a task's step ran, else the callback."""
    task = getattr(handle._callback, "__self__", None)  # type: ignore[attr-defined]
    if isinstance(task, asyncio.Task):
        coroutine = task.get_coro()
        return getattr(coroutine, "__qualname__", repr(coroutine))
    return repr(handle)[:100]


def _time_collections() -> None:
    started = [0.0]

    def on_collect(stage: str, info: dict[str, int]) -> None:
        if stage == "start":
            started[0] = time.perf_counter()
        else:
            _collecting.append(time.perf_counter() - started[0])

    gc.callbacks.append(on_collect)


async def phase(name: str, action: Callable[[], Awaitable[object]], pilot: Pilot[None]) -> None:
    """Time the steps of `action`, then pause as a reader does (the app then collects garbage: counted apart)."""
    _steps.clear()
    await action()
    await pilot.pause(0.5)
    await pilot.pause(IDLE_SECONDS + 0.5)
    worst = sorted(_steps, reverse=True)[:3]
    flag = "" if worst and worst[0][0] * 1000 <= TARGET_MS else "   over the target"
    print(f"{name:<34} worst step {worst[0][0] * 1000:6.1f} ms over {len(_steps)} steps{flag}")
    for seconds, what in worst:
        print(f"{'':<34}            {seconds * 1000:6.1f} ms  {what}")


async def main() -> None:
    events.Handle._run = _timed(events.Handle._run)  # type: ignore[method-assign]
    _time_collections()
    _note_idle_collections()
    with tempfile.TemporaryDirectory() as tmp:
        library = load_library_snapshot(content_dir(), Path(tmp) / "cache")
        gc.disable()  # as `bluebook` starts: the app freezes and resumes the collector after its first frame
        app = BluebookApp(library, Path(tmp) / "data", index_root=Path(tmp) / "index", start_section_id="2022/1")
        async with app.run_test(size=(160, 48)) as pilot:
            pane = app.screen.query_one("#reader-pane", SectionPane)

            async def start() -> None:
                await wait_until(lambda: shows(pane, "2022/1"))
                await wait_until(lambda: app.search_service is not None, timeout=60)

            await phase("start-up (and the index built)", start, pilot)

            async def typing() -> None:
                await pilot.press("slash", *"piracy")
                await pilot.pause(0.5)
                await pilot.press("escape")

            await phase("/ and typing “piracy”", typing, pilot)

            async def switching() -> None:
                for _ in range(10):
                    await pilot.press("right_square_bracket")
                    await pilot.pause(0.15)

            await phase("] ten times", switching, pilot)

            async def comparing() -> None:
                await pilot.press("c")
                await pilot.pause(1.5)

            await phase("c (side by side)", comparing, pilot)
            await phase("c again (back to one pane)", comparing, pilot)

            async def back_to_comparing() -> None:
                await pilot.press("c")
                await pilot.pause(1.0)

            await phase("c (side by side again)", back_to_comparing, pilot)

            async def changes() -> None:
                await pilot.press("C")
                await pilot.pause(1.0)
                await pilot.press("escape")

            await phase("C (the changes table)", changes, pilot)
        print(
            f"{'garbage collected in pauses':<34} {len(_idle_collections)} passes, longest"
            f" {max(_idle_collections, default=0) * 1000:.0f} ms (no key waits on them)"
        )


if __name__ == "__main__":
    asyncio.run(main())
