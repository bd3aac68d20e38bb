"""Benchmark the index as a library grows: adding one edition to twenty against a full rebuild, and memory.

Targets (#12): adding one edition to 20 and re-indexing ≤ 0.5× a full rebuild; a library of ~65 full books
(~100 MB, synthetic: each edition the bundled chapters repeated) indexed with ≤ 500 MB RSS.

Whole commands (`bluebook --content-dir DIR index`), full rebuild and one-edition update interleaved.

Run: python benchmarks/bench_index_incremental.py [--large]   (--large adds the ~100 MB library: minutes)
"""

from __future__ import annotations

import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "content"
RUNS = 5
EDITIONS = 20
LARGE_EDITIONS, LARGE_REPEATS = 65, 20
_TOP_HEADING = re.compile(r"^## \((\d+)\)", re.MULTILINE)


def write_edition(content: Path, year: int, repeats: int = 1) -> int:
    """A synthetic edition `year`: the bundled 2016 or 2022 text, its top-level sections repeated `repeats` times
    (renumbered, so every section id stays unique). Returns its size in bytes."""
    source = (BUNDLED / ("2016.md" if year % 2 else "2022.md")).read_text(encoding="utf-8")
    head, body = source.split("\n# ", 1)
    edition = re.sub(r'edition: "\d+"', f'edition: "{year}"', head, count=1)
    edition = re.sub(r"Diplomatic Bluebook \d+", f"Diplomatic Bluebook {year}", edition, count=1)
    title, sections = body.split("\n", 1)
    copies = [
        _TOP_HEADING.sub(lambda match, k=copy: f"## ({int(match.group(1)) + 10 * k})", sections)
        for copy in range(repeats)
    ]
    text = f"{edition}\n# {title}\n" + "\n".join(copies)
    (content / f"{year}.md").write_text(text, encoding="utf-8")
    return len(text.encode())


def index_seconds(content: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bluebook_tui", "--content-dir", str(content), "index", *extra],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def bench_update(root: Path) -> None:
    content = root / "content"
    content.mkdir()
    for year in range(2000, 2000 + EDITIONS):
        write_edition(content, year)
    index_seconds(content)
    full, update = [], []
    for _ in range(RUNS):
        full.append(index_seconds(content, "--rebuild"))
        write_edition(content, 2000 + EDITIONS)
        update.append(index_seconds(content))
        (content / f"{2000 + EDITIONS}.md").unlink()
        index_seconds(content)  # back to twenty (itself an update: one edition removed)
    ratio = statistics.median(update) / statistics.median(full)
    print(
        f"{EDITIONS} editions, full rebuild: median {statistics.median(full):.2f} s "
        f"({min(full):.2f}–{max(full):.2f})\n"
        f"one edition added: median {statistics.median(update):.2f} s ({min(update):.2f}–{max(update):.2f})\n"
        f"ratio {ratio:.2f}× (target ≤ 0.5×) {'ok' if ratio <= 0.5 else 'MISSED'}"
    )


def bench_large(root: Path) -> None:
    content = root / "large"
    content.mkdir()
    size = sum(write_edition(content, year, LARGE_REPEATS) for year in range(1957, 1957 + LARGE_EDITIONS))
    seconds = index_seconds(content)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{LARGE_EDITIONS} editions, {size / 1e6:.0f} MB: indexed in {seconds:.0f} s, peak RSS {peak_mb:.0f} MB "
        f"(target ≤ 500 MB) {'ok' if peak_mb <= 500 else 'MISSED'}"
    )


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-index-"))
    try:
        bench_update(root)
        if "--large" in sys.argv:
            bench_large(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
