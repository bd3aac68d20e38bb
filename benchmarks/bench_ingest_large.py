"""Ingesting a long book: a ~50 MB edition (the 2022 text's body repeated) through `bluebook ingest`, as a user runs
it, with its wall time and peak memory (the child process's maximum RSS), against a floor measured in the same run:
`bluebook editions --json`, which starts Python and loads the library.

Run: python benchmarks/bench_ingest_large.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bluebook_tui.library.paths import BUNDLED_CONTENT

TARGET_BYTES = 50_000_000
BLUEBOOK = str(Path(sys.executable).with_name("bluebook"))


def long_book(path: Path) -> int:
    lines = (BUNDLED_CONTENT / "2022.txt").read_text(encoding="utf-8").split("\n")
    head, body = "\n".join(lines[:6]), "\n".join(lines[6:])
    copies = TARGET_BYTES // len(body.encode()) + 1
    path.write_text(head + "\n" + "\n".join([body] * copies), encoding="utf-8")
    return path.stat().st_size


def run(arguments: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak RSS (MB) of one `bluebook` process (each run measured in a fresh child)."""
    script = (
        "import resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
        "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, BLUEBOOK, *arguments], check=True, capture_output=True, text=True
    )
    seconds, kilobytes = done.stdout.split()
    return float(seconds), int(kilobytes) // 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "long.txt"
        size = long_book(source)
        floors, ingests = [], []
        for attempt in range(3):
            floors.append(run(["editions", "--json"]))
            content = Path(work) / f"content{attempt}"
            ingests.append(run(["--content-dir", str(content), "ingest", str(source), "--edition", "2030"]))
    print(f"source: {size / 1e6:.1f} MB")
    print(
        f"floor, bluebook editions --json: {min(seconds for seconds, _ in floors) * 1000:.0f} ms, "
        f"{max(rss for _, rss in floors)} MB peak"
    )
    for seconds, rss in ingests:
        print(f"bluebook ingest (50 MB): {seconds:.1f} s, {rss} MB peak RSS ({rss / (size / 1e6):.1f}× the source)")


if __name__ == "__main__":
    main()
