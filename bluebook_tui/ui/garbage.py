"""The cyclic garbage collector's full passes, run while the reader is idle rather than in a key's work.

A full pass walks the objects the app holds (the library, the index, the comparison, Textual's widgets) and
frees a section's worth of widgets: 60–270 ms on this machine, a stall felt by whichever key it lands on (even
with what start-up made frozen out of it, a few section switches make enough to cost 100 ms). So Python's own
passes are kept to the young generations, and the app runs the full one (`collect_while_idle`) once input has
paused for IDLE_SECONDS, or after OVERDUE_SECONDS of input without a pause: then memory grows only that long.
Everything is frozen after it (`gc.freeze`), so a pass walks only what was made since.
"""

from __future__ import annotations

import gc

IDLE_SECONDS = 2.0
OVERDUE_SECONDS = 30.0
# A threshold the count of young collections never reaches: no full pass but ours.
_NEVER = 1 << 30


def freeze_what_exists() -> None:
    """After the first frame: what start-up made lives as long as the app. Resumes a collector paused for it,
    for its young generations only."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _NEVER)
    gc.freeze()
    gc.enable()


def collect_while_idle() -> None:
    """One full pass over everything, then everything frozen again (a collector turned off is left off)."""
    if not gc.isenabled():
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """When the app closes: what it froze can be collected again (an app run inside another program, tests)."""
    gc.unfreeze()
