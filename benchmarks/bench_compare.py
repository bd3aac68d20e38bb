"""Comparison speed: every sentence of both editions aligned, from the cache, with 50 editions, and `bluebook trace`.

Targets (this 2-core machine): all sentences of both editions aligned ≤ 300 ms; aligning one pair no slower in a
library of 50 editions; `bluebook trace` of a section ≤ 1.3× `bluebook show` of it, as whole commands (interleaved
runs, the alignment cached as the CLI and app leave it).

Run: python benchmarks/bench_compare.py [PAIRS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bluebook_tui.compare import align_editions
from bluebook_tui.compare.cache import cached_alignment
from bluebook_tui.compare.redline import redline
from bluebook_tui.library import Edition, Library, content_dir, load_library
from bluebook_tui.library.model import parse_edition

ROUNDS = 15
PAIRS = 15
EDITIONS = 50
TRACED = "2016/4.B.a.current-status-of"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def timed(action: object, rounds: int = ROUNDS) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return times


def report(what: str, times: list[float], target: str = "") -> None:
    print(f"{what:<58} median {ms(statistics.median(times)):>7}, worst {ms(max(times)):>7}  {target}")


def copy_of(edition: Edition, edition_id: str) -> Edition:
    """The edition under another id, as ingesting the same text again would file it."""
    markdown = edition.markdown.replace(f'edition: "{edition.id}"', f'edition: "{edition_id}"', 1)
    return parse_edition(markdown, Path(f"{edition_id}.md"))


def main() -> None:
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else PAIRS
    library = load_library(content_dir())
    left, right = library.edition("2016"), library.edition("2022")

    alone = timed(lambda: align_editions(left, right))
    report("all sentences of 2016 and 2022 aligned (no cache)", alone, "(target ≤ 300 ms)")

    with tempfile.TemporaryDirectory() as cache:
        cached_alignment(left, right, Path(cache))
        from bluebook_tui.compare import cache as cache_module

        def from_disk() -> None:
            cache_module._memory.clear()
            cached_alignment(left, right, Path(cache))

        report("the same, read back from the user cache", timed(from_disk))

    # Fifty editions: the pair aligned touches only its two editions, whatever else the library holds.
    editions = {f"{1960 + n}": copy_of(left if n % 2 else right, f"{1960 + n}") for n in range(EDITIONS - 2)}
    editions |= {"2016": left, "2022": right}
    fifty = Library(Path("fifty"), dict(sorted(editions.items())))
    among_fifty = timed(lambda: align_editions(fifty.edition("2016"), fifty.edition("2022")))
    report(f"the pair aligned in a library of {len(fifty.editions)} editions", among_fifty)
    ratio = statistics.median(among_fifty) / statistics.median(alone)
    print(f"{'':58} {ratio:.2f}× the two-edition library's (target ≈ 1×)")

    alignment = align_editions(left, right)
    pairs_shown = [(pair.left, pair.right) for pair in alignment.pairs if pair.left and pair.right]
    marked = timed(lambda: [redline(alignment, a, b) for a, b in pairs_shown], rounds=5)  # type: ignore[arg-type]
    report(f"redlines of all {len(pairs_shown)} section pairs", marked)

    whole_commands(pairs)


def whole_commands(pairs: int) -> None:
    """`bluebook trace` against `bluebook show` of the same section, interleaved, warm caches."""
    bluebook = str(Path(sys.executable).with_name("bluebook"))
    trace = [bluebook, "trace", TRACED, "--json"]
    show = [bluebook, "show", TRACED, "--json"]
    for command in (trace, show):  # the library snapshot and the alignment in the user cache, as after one use
        subprocess.run(command, check=True, capture_output=True)
    shows, traces = [], []
    for _ in range(pairs):
        for command, times in ((show, shows), (trace, traces)):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
    report(f"bluebook show {TRACED} --json", shows)
    report(f"bluebook trace {TRACED} --json", traces)
    ratio = statistics.median(traces) / statistics.median(shows)
    print(f"{'':58} {ratio:.2f}× show's, as whole commands over {pairs} interleaved pairs (target ≤ 1.3×)")


if __name__ == "__main__":
    main()
