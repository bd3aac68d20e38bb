"""Wording insight speed: keywords and shifts, kwic, and the Insights screen, with 2 and with 50 editions.

Targets (this 2-core machine): keywords and shifts of two editions ≤ 200 ms (cached with the alignment); kwic of a
term ≤ 50 ms; the Insights screen open, its keywords shown, ≤ 150 ms; the same for one pair of a 50-edition library.
Each library figure is taken with this process's memory caches emptied, so it includes reading the user cache from
disk, as a new `bluebook` process does. The screen is timed in tmux against a floor app (Pilot skips the terminal).

Run: python benchmarks/bench_wording.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bluebook_tui.compare import term_stream as term_module
from bluebook_tui.compare import wording as wording_module
from bluebook_tui.compare.cache import cached_alignment
from bluebook_tui.compare.concordance import concordance
from bluebook_tui.compare.term_stream import term_stream
from bluebook_tui.compare.wording import edition_keywords, edition_shifts
from bluebook_tui.library import Edition, Library, content_dir, load_library
from bluebook_tui.library.model import parse_edition

ROUNDS = 15
EDITIONS = 50
TERMS = ("piracy", "Indo-Pacific", "rule of law", "Japan's", "cooperation")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def report(what: str, times: list[float], target: str = "") -> None:
    print(f"{what:<62} median {ms(statistics.median(times)):>7}, worst {ms(max(times)):>7}  {target}")


def timed(action: Callable[[], object], rounds: int = ROUNDS) -> list[float]:
    times = []
    for _ in range(rounds):
        wording_module._memory.clear()
        term_module._memory.clear()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def copy_of(edition: Edition, edition_id: str) -> Edition:
    markdown = edition.markdown.replace(f'edition: "{edition.id}"', f'edition: "{edition_id}"', 1)
    return parse_edition(markdown, Path(f"{edition_id}.md"))


def wording_figures(library: Library, label: str) -> None:
    left, right = library.edition("2016"), library.edition("2022")
    both = timed(lambda: (edition_keywords(left, right), edition_shifts(left, right)))
    report(f"keywords and shifts, from the user cache ({label})", both, "(target ≤ 200 ms)")
    editions = [left, right]
    for term in TERMS:
        kwic = timed(lambda term=term: concordance(editions, term))  # type: ignore[misc]
        report(f"kwic {term!r} ({label})", kwic, "(target ≤ 50 ms)")


def main() -> None:
    library = load_library(content_dir())
    left, right = library.edition("2016"), library.edition("2022")
    with tempfile.TemporaryDirectory() as cache:
        directory = Path(cache)
        cached_alignment(left, right, directory)
        analysed = timed(lambda: [term_stream(edition, Path(tempfile.mkdtemp())) for edition in (left, right)], 3)
        report("both editions' words analysed (no cache)", analysed)
        worked = timed(lambda: wording_module.wording(left, right, Path(tempfile.mkdtemp())), 3)
        report("keywords and shifts worked out (alignment cached)", worked)

    wording_figures(library, "2 editions")
    editions = {f"{1960 + n}": copy_of(left if n % 2 else right, f"{1960 + n}") for n in range(EDITIONS - 2)}
    fifty = Library(Path("fifty"), dict(sorted({**editions, "2016": left, "2022": right}.items())))
    wording_figures(fifty, f"{len(fifty.editions)} editions")
    insights_opening()


def insights_opening() -> None:
    """`I` until the keywords show, in a real terminal (tmux, as a person sees it), interleaved with the floor:
    a bare Textual app whose `I` pushes a screen of two 50-row DataTables (`floors/bare_tables.py`). Needs the
    workspace's `tty-latency` (../shared/tools); said so and skipped without it."""
    here = Path(__file__).resolve().parent
    tool = here.parents[1] / "shared" / "tools" / "tty-latency"
    if not tool.exists():
        print(f"I: skipped, {tool} is not on this machine")
        return
    bluebook = str(Path(sys.executable).with_name("bluebook"))
    floor = f"{sys.executable} {here / 'floors' / 'bare_tables.py'}"
    command = [str(tool), "--ready", "deterrence", "--settle", "3", "--literal", "I", "--expect", "UN PKOs"]
    command += ["--floor-expect", "Falling 0", "--floor", floor, "-n", str(ROUNDS), "--", bluebook]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    print("I: the Insights screen open, keywords shown (tmux, 160×48; target ≤ 150 ms):")
    print("   " + "\n   ".join(result.stdout.strip().splitlines()[-3:] or [result.stderr.strip()]))


if __name__ == "__main__":
    main()
