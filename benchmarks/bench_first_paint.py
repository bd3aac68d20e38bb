"""First paint in a real terminal: `bluebook` against the smallest Textual app, in interleaved pairs.

Target: the reader's text on screen within 1.2× the time a one-`Static` Textual app takes to show its text.
Measured as `../shared/tools/ttfp` does it: a fresh tmux pane (160×48) per run, polled every 5 ms until the text
shows. The runs alternate between the two programs, so a machine that slows down mid-way slows both.

With `--editions N`, `bluebook` opens a synthetic library of N editions (the bundled chapters, alternately,
ending with a copy of 2022): the target there is ≤ 1.3× too.

Run: python benchmarks/bench_first_paint.py [PAIRS] [--editions N]  (needs tmux)
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

PAIRS = 15
WIDTH, HEIGHT = 160, 48
HELLO_MARKER = "Hello world marker"
HELLO_APP = f'''
from textual.app import App
from textual.widgets import Static


class Hello(App):
    def compose(self):
        yield Static("{HELLO_MARKER}")


Hello().run()
'''
# The start of the newest edition's first section, where a new reader's `bluebook` opens.
READER_MARKER = "The security environment surrounding"
# A tmux server of the benchmark's own, so other tmux sessions on the machine neither disturb nor are disturbed;
# a session kept open all along, so the server does not exit (and race the next run's start) between runs.
TMUX = ["tmux", "-L", f"bench-first-paint-{uuid.uuid4().hex[:8]}"]


def first_paint_seconds(command: str, marker: str) -> float:
    """Seconds from starting `command` in a new tmux pane until `marker` is on the screen."""
    session = "paint" + uuid.uuid4().hex[:8]
    started = time.perf_counter()
    subprocess.run(
        [*TMUX, "new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT), f"{command}; sleep 30"],
        check=True,
    )
    try:
        while time.perf_counter() - started < 30:
            screen = subprocess.run([*TMUX, "capture-pane", "-t", session, "-p"], capture_output=True, text=True)
            if marker in screen.stdout:
                return time.perf_counter() - started
            time.sleep(0.005)
        raise TimeoutError(f"{marker!r} never showed: {command}")
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)


def run_pairs(pairs: int, editions: int) -> tuple[list[float], list[float], list[float]]:
    """Seconds to first paint of the bare app and of `bluebook`, alternately, and their ratio per pair."""
    bluebook = Path(sys.executable).with_name("bluebook")
    with tempfile.TemporaryDirectory() as tmp:
        library = ""
        if editions:
            from bench_index_incremental import write_edition

            content = Path(tmp) / "content"
            content.mkdir()
            for year in range(2022 - editions + 1, 2023):
                write_edition(content, year)
            library = f" --content-dir {shlex.quote(str(content))}"
        hello = Path(tmp) / "hello.py"
        hello.write_text(HELLO_APP)
        # A new reader (no saved place), an index already built and the bytecode of the first run cached for the
        # next, as an installed package has it (PYTHONDONTWRITEBYTECODE, if this shell sets it, is left out).
        environment = f"env -u PYTHONDONTWRITEBYTECODE TERM=xterm-256color XDG_DATA_HOME={shlex.quote(tmp)}"
        subprocess.run([str(bluebook), *shlex.split(library), "index"], check=True, capture_output=True)
        hello_command = f"{environment} {shlex.quote(sys.executable)} {shlex.quote(str(hello))}"
        reader_command = f"{environment} {shlex.quote(str(bluebook))}{library}"
        first_paint_seconds(reader_command, READER_MARKER)  # writes the library snapshot the next runs read
        hello_times, reader_times, ratios = [], [], []
        for _ in range(pairs):
            hello_times.append(first_paint_seconds(hello_command, HELLO_MARKER))
            reader_times.append(first_paint_seconds(reader_command, READER_MARKER))
            ratios.append(reader_times[-1] / hello_times[-1])
    return hello_times, reader_times, ratios


def main() -> None:
    if shutil.which("tmux") is None:
        sys.exit("bench_first_paint: needs tmux")
    arguments = argparse.ArgumentParser()
    arguments.add_argument("pairs", nargs="?", type=int, default=PAIRS)
    arguments.add_argument("--editions", type=int, default=0, help="a synthetic library of this many editions")
    args = arguments.parse_args()
    pairs = args.pairs
    subprocess.run([*TMUX, "new-session", "-d", "-s", "keeper", "sleep 3600"], check=True)
    try:
        hello_times, reader_times, ratios = run_pairs(pairs, args.editions)
    finally:
        subprocess.run([*TMUX, "kill-server"], capture_output=True)
    hello_median, reader_median = statistics.median(hello_times), statistics.median(reader_times)
    print(f"hello world  median {hello_median * 1000:5.0f} ms over {pairs} runs")
    editions = f" ({args.editions} editions)" if args.editions else ""
    print(f"bluebook{editions}     median {reader_median * 1000:5.0f} ms over {pairs} runs")
    print(
        f"ratio of medians {reader_median / hello_median:.2f}×, median of pair ratios {statistics.median(ratios):.2f}×"
        f" (target ≤ {1.3 if args.editions else 1.2}×)"
    )


if __name__ == "__main__":
    main()
