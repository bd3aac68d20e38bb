"""The comparison report's speed and size: the whole `bluebook report 2016 2022 -o r.html` command.

Target (this 2-core machine): the whole 2016 → 2022 report ≤ 1 s and ≤ 2 MB. The command is timed as a user runs
it, a new process each time, interleaved with a floor measured in the same run: `bluebook editions --json`, the
smallest command that starts Python, imports the CLI and loads the library. "Warm" is with the user cache holding the
alignment and wording (every run after a pair's first); "cold" is with an empty user cache, so the alignment and
the wording are worked out too. The in-process figures say where the time goes.

Run: python benchmarks/bench_report.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bluebook_tui.library import content_dir, load_library
from bluebook_tui.report import build_report, render

ROUNDS = 9
BLUEBOOK = str(Path(sys.executable).with_name("bluebook"))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def run(arguments: list[str], cache: str) -> float:
    started = time.perf_counter()
    subprocess.run([BLUEBOOK, *arguments], check=True, capture_output=True, env={**os.environ, "XDG_CACHE_HOME": cache})
    return time.perf_counter() - started


def spread(times: list[float]) -> str:
    return f"median {ms(statistics.median(times)):>7} (best {ms(min(times))}, worst {ms(max(times))})"


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        output = Path(work) / "r.html"
        warm_cache = str(Path(work) / "warm")
        run(["report", "2016", "2022", "-o", str(output)], warm_cache)  # fills the cache
        floor: list[float] = []
        warm: list[float] = []
        cold: list[float] = []
        for round_number in range(ROUNDS):
            floor.append(run(["editions", "--json"], warm_cache))
            warm.append(run(["report", "2016", "2022", "-o", str(output)], warm_cache))
            cold.append(run(["report", "2016", "2022", "-o", str(output)], str(Path(work) / f"cold{round_number}")))
        size = output.stat().st_size
    base = statistics.median(floor)
    print(f"floor: bluebook editions --json               {spread(floor)}")
    print(
        f"bluebook report 2016 2022 -o r.html, warm     {spread(warm)}  "
        f"{statistics.median(warm) / base:.1f}× the floor (target ≤ 1 s)"
    )
    print(
        f"the same, cold (alignment and wording too)     {spread(cold)}  "
        f"{statistics.median(cold) / base:.1f}× the floor (target ≤ 1 s)"
    )
    print(f"the HTML report: {size / 1024:,.0f} KB (target ≤ 2,048 KB)")

    library = load_library(content_dir())
    build_report(library, "2016", "2022")
    phases = {"build (model)": lambda: build_report(library, "2016", "2022")}
    report = build_report(library, "2016", "2022")
    for form in ("html", "md", "csv"):
        phases[f"render {form}"] = lambda form=form: render(report, form)  # type: ignore[misc]
    for name, phase in phases.items():
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            phase()
            times.append(time.perf_counter() - started)
        print(f"  in process, {name:<20} {spread(times)}")
    for form in ("md", "csv"):
        print(f"  {form}: {len(render(report, form).encode()) / 1024:,.0f} KB")


if __name__ == "__main__":
    main()
