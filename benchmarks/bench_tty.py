"""Keystrokes to screen in a real terminal, against the smallest Textual app doing the same, interleaved.

Drives `tty-latency` (the shared tool: a fresh tmux pane per run, keys sent as one burst, timed until the text
shows) for what a reader feels most:

- `/` then typing "IBUKI" until its hit shows, against a bare Input that prints a line (target ≤ 1.5×);
- `]` until the next section's text shows, against Textual's Markdown swapping a section (target ≤ 1.5×).

First paint is `bench_first_paint.py`; the whole `bluebook search` command is `bench_search.py --command`.
Each run shares one user home (`--keep-home`): the index and the library snapshot are built once, as for a reader
who opened the app before.

Run: python benchmarks/bench_tty.py [RUNS]  (needs tmux and ../shared/tools beside the repository)
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

RUNS = 10
KEEPER = "bench-tty-keeper"
TOOLS = Path(__file__).resolve().parents[2] / "shared" / "tools"
# Each case: a name, what the program waits for and is sent, and its floor.
CASES = [
    (
        "/ + IBUKI to its hit",
        ["--ready", "deterrence", "--keys", "/", "--literal", "IBUKI", "--expect", "observing"],
        "bare_search.py",
        [],
    ),
    (
        "] to the next section",
        ["--ready", "deterrence", "--literal", "]", "--expect", "Misawa"],
        "bare_markdown_switch.py",
        ["--floor-expect", "switched-1"],
    ),
]
_RESULT = re.compile(r"program: \[(?P<program>[^\]]*)\] ms\s+floor:\s+\[(?P<floor>[^\]]*)\] ms", re.DOTALL)


def _numbers(text: str) -> list[float]:
    return [float(number) for number in text.split(",") if number.strip()]


def measure(name: str, arguments: list[str], floor: str, floor_arguments: list[str], runs: int) -> None:
    bluebook = Path(sys.executable).with_name("bluebook")
    command = [
        str(TOOLS / "tty-latency"),
        *arguments,
        *floor_arguments,
        "--keep-home",
        "--settle",
        "3",
        "-n",
        str(runs),
        "--floor",
        f"{sys.executable} {TOOLS / 'floors' / floor}",
        "--",
        str(bluebook),
        "--section",
        "2022/1",
    ]
    environment = {**os.environ, "PATH": f"{bluebook.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as an installed package has it
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    found = _RESULT.search(done.stdout)
    if done.returncode != 0 or found is None:
        sys.exit(f"bench_tty: {name}: tty-latency failed:\n{done.stdout}{done.stderr}")
    program, floors = _numbers(found["program"]), _numbers(found["floor"])
    ratios = sorted(mine / bare for mine, bare in zip(program, floors, strict=True))
    quartiles = statistics.quantiles(ratios, n=4)
    print(
        f"{name:<24} {statistics.median(program):5.0f} ms vs floor {statistics.median(floors):4.0f} ms:"
        f" {statistics.median(program) / statistics.median(floors):.2f}× (pair ratios: median"
        f" {statistics.median(ratios):.2f}×, quartiles {quartiles[0]:.2f}–{quartiles[2]:.2f}; target ≤ 1.5×)"
    )


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    if shutil.which("tmux") is None or not (TOOLS / "tty-latency").exists():
        sys.exit(f"bench_tty: needs tmux and {TOOLS / 'tty-latency'}")
    # tty-latency uses the default tmux server: a session kept open all along stops it from exiting between
    # runs, which races the next run's start ("server exited unexpectedly").
    subprocess.run(["tmux", "new-session", "-d", "-s", KEEPER, "sleep 3600"], check=True)
    try:
        for name, arguments, floor, floor_arguments in CASES:
            measure(name, arguments, floor, floor_arguments, runs)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", KEEPER], capture_output=True, check=False)


if __name__ == "__main__":
    main()
