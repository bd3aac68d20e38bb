"""Benchmark the library layer: loading both editions into the model (goal < 50 ms) and ingesting them.

Run: python benchmarks/bench_library.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from bluebook_tui.library import load_library
from bluebook_tui.library.ingest import ingest_text
from bluebook_tui.library.paths import BUNDLED_CONTENT

RUNS = 50


def timed(action: object, runs: int = RUNS) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: list[float]) -> None:
    p95 = statistics.quantiles(samples, n=20)[-1]
    print(f"{name:<44} median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms   ({len(samples)} runs)")


def main() -> None:
    cold = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t = time.perf_counter(); from bluebook_tui.library import load_library, content_dir; "
            "load_library(content_dir()); print((time.perf_counter() - t) * 1000)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"{'load both editions, new process (imports too)':<44} {float(cold.stdout):7.2f} ms")
    snapshot = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t = time.perf_counter(); from bluebook_tui.library.snapshot import load_library_snapshot; "
            "from bluebook_tui.library.paths import content_dir; load_library_snapshot(content_dir()); "
            "print((time.perf_counter() - t) * 1000)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"{'the same from the snapshot (what the app does)':<44} {float(snapshot.stdout):7.2f} ms")
    report("load both editions (warm)", timed(lambda: load_library(BUNDLED_CONTENT)))
    sources = {path.stem: path.read_text(encoding="utf-8") for path in sorted(Path(BUNDLED_CONTENT).glob("*.txt"))}
    report("ingest both editions", timed(lambda: [ingest_text(text, name) for name, text in sources.items()], 20))


if __name__ == "__main__":
    main()
