"""Benchmark search: index build, query + highlight latency at 1× and 50× the library, the whole command.

Targets (2-core machine): build ≤ 1 s; p95 ≤ 10 ms at 1×, ≤ 50 ms at 50×; the whole `bluebook search` ≤ 1.3× the
time Python takes to import Whoosh's search modules.

Run: python benchmarks/bench_search.py [--command]  (--command: only the whole command)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bluebook_tui.library import load_library
from bluebook_tui.library.ingest import ingest_text
from bluebook_tui.library.paths import BUNDLED_CONTENT
from bluebook_tui.search import SearchService

COPIES = 50
ROUNDS = 5
COMMAND_RUNS = 15
# What readers type: single words, names, phrases, acronyms, operators, filters, typos.
QUERIES = [
    "Senkaku",
    "Gulf of Guinea",
    "free and open Indo-Pacific",
    "IBUKI",
    "piracy Somalia",
    "UNCLOS",
    "cybersecurity",
    "cyber*",
    "anti-satellite",
    "ASAT tests",
    "Japan-U.S. Alliance",
    "2+2",
    "South China Sea",
    "North Korea missile",
    "money laundering",
    "trafficking in persons",
    "economic security",
    "supply chains",
    "counter-terrorism",
    "peacekeeping South Sudan",
    '"rule of law"',
    "Japan's security policy",
    "piracy -Somalia",
    "Senkaku OR IBUKI",
    "edition:2016 piracy",
    "heading:cyber",
    "space debris",
    "maritime domain awareness",
    "piricy",
    "securities",
]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(name: str, samples: list[float], target: str) -> None:
    print(
        f"{name:<46} p50 {percentile(samples, 0.5):7.2f} ms   p95 {percentile(samples, 0.95):7.2f} ms"
        f"   ({len(samples)} runs; target {target})"
    )


def timed_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def make_library(root: Path, copies: int) -> Path:
    """`copies` × both editions: each seed ingested under its own edition id (`2016-07`)."""
    content = root / "content"
    content.mkdir(parents=True)
    sources = {path.stem: path.read_text(encoding="utf-8") for path in sorted(BUNDLED_CONTENT.glob("*.txt"))}
    if copies == 1:
        for path in BUNDLED_CONTENT.glob("*.md"):
            shutil.copy(path, content)
        return content
    for copy in range(copies):
        for name, text in sources.items():
            edition = f"{name}-{copy:02d}"
            (content / f"{edition}.md").write_text(ingest_text(text, edition), encoding="utf-8")
    return content


def bench_library(root: Path, copies: int, latency_target: str) -> Path:
    content = make_library(root, copies)
    library = load_library(content)
    sections = sum(1 for _ in library.walk())
    builds = [
        timed_ms(lambda: SearchService(library).ensure_index(rebuild=True)) for _ in range(3 if copies == 1 else 1)
    ]
    print(
        f"{f'build, {copies}× ({sections} sections)':<46} median {statistics.median(builds):7.0f} ms"
        f"   ({len(builds)} runs; target ≤ 1000 ms at 1×)"
    )
    service = SearchService(library)
    service.ensure_index()
    for query in QUERIES:  # warm the searcher's caches once, as a running app has them
        service.search(query)
    samples = [timed_ms(lambda q=query: service.search(q)) for _ in range(ROUNDS) for query in QUERIES]
    report(f"query + highlight, 20 hits, {copies}×", samples, latency_target)
    return content


def bench_command(content: Path) -> None:
    """The whole `bluebook search --json` against importing Whoosh's search modules, in interleaved runs.

    Bytecode is cached as an installed package has it (pip compiles at install): PYTHONDONTWRITEBYTECODE, if this
    shell sets it, is left out, so only the first run compiles the app's modules.
    """
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}

    def milliseconds(argv: list[str]) -> float:
        return timed_ms(lambda: subprocess.run(argv, check=True, capture_output=True, env=environment))

    command = [
        sys.executable,
        "-m",
        "bluebook_tui",
        "--content-dir",
        str(content),
        "search",
        "piracy Somalia",
        "--json",
    ]
    floor = [sys.executable, "-c", "import whoosh.index, whoosh.qparser, whoosh.highlight, whoosh.searching"]
    milliseconds(command)  # the index fresh, the bytecode cached from here on
    floors, searches = [], []
    for _ in range(COMMAND_RUNS):
        floors.append(milliseconds(floor))
        searches.append(milliseconds(command))
    ratios = [search / floor for search, floor in zip(searches, floors, strict=True)]
    print(f"{'python -c import whoosh.<search modules>':<46} median {statistics.median(floors):7.1f} ms")
    print(
        f"{'bluebook search --json (fresh index)':<46} median {statistics.median(searches):7.1f} ms"
        f"   ({statistics.median(ratios):.2f}× median of pair ratios, quartiles "
        f"{percentile(ratios, 0.25):.2f}–{percentile(ratios, 0.75):.2f}; target ≤ 1.3×)"
    )


def main() -> None:
    if sys.argv[1:] == ["--command"]:
        with tempfile.TemporaryDirectory() as single:
            bench_command(make_library(Path(single), 1))
        return
    with tempfile.TemporaryDirectory() as single, tempfile.TemporaryDirectory() as fifty:
        content = bench_library(Path(single), 1, "p95 ≤ 10 ms")
        bench_library(Path(fifty), COPIES, "p95 ≤ 50 ms")
        bench_command(content)


if __name__ == "__main__":
    main()
