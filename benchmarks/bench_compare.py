"""Comparison speed: aligning the two bundled editions (target < 200 ms), then diffing every aligned pair.

Run: python benchmarks/bench_compare.py
"""

from __future__ import annotations

import statistics
import time

from bluebook_tui.compare import align_editions, paragraph_pairs, word_diff
from bluebook_tui.library import content_dir, load_library

ROUNDS = 20


def main() -> None:
    library = load_library(content_dir())
    left, right = library.edition("2016"), library.edition("2022")

    align_times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        alignment = align_editions(left, right)
        align_times.append(time.perf_counter() - started)
    print(
        f"align {left.id} ↔ {right.id}: {len(alignment.pairs)} pairs, "
        f"median {1000 * statistics.median(align_times):.1f} ms, worst {1000 * max(align_times):.1f} ms "
        f"over {ROUNDS} rounds (target < 200 ms)"
    )

    paired = [pair for pair in alignment.pairs if pair.left and pair.right]
    diff_times = []
    for pair in paired:
        assert pair.left and pair.right
        started = time.perf_counter()
        word_diff(pair.left.text, pair.right.text)
        diff_times.append(time.perf_counter() - started)
    slowest = max(zip(diff_times, paired, strict=True), key=lambda item: item[0])
    assert slowest[1].left
    print(
        f"word diff per pair: {len(paired)} pairs, median {1000 * statistics.median(diff_times):.1f} ms, "
        f"worst {1000 * slowest[0]:.1f} ms ({slowest[1].left.id}), all {1000 * sum(diff_times):.0f} ms"
    )

    started = time.perf_counter()
    for pair in alignment.pairs:
        paragraph_pairs(pair)
    print(f"paragraph pairs for every pair: {1000 * (time.perf_counter() - started):.1f} ms")


if __name__ == "__main__":
    main()
