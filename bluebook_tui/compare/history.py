"""A section's history across every edition: its counterpart in each, and what became of it at each step.

Each step aligns one edition with the next (cached per pair, as every comparison is). The chain goes on from the
last edition that had the section, so a section missing from one edition is found again in a later one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bluebook_tui.compare.alignment import Alignment
from bluebook_tui.compare.editions import aligned
from bluebook_tui.library import Library
from bluebook_tui.library.model import Section

# How each step's status is drawn (Rich styles), by the CLI's table and the app's alike.
STATUS_STYLES = {
    "start": "bold",
    "unchanged": "dim",
    "changed": "yellow",
    "added": "green",
    "returned": "green",
    "absent": "red",
    "merged": "magenta",
    "split": "magenta",
    "removed": "red",
}


@dataclass(frozen=True)
class HistoryStep:
    """The section in one edition (None: not there) and what became of it since the last edition before that had
    it: the status of their pair (unchanged, changed, merged, split, …); `start` in the library's first edition,
    `added` where it first appears after that, `returned` after editions without it, `absent` where it is missing.
    `kept`: the share of that older text's words found in this one."""

    edition: str
    section: Section | None
    status: str
    kept: float | None = None


def section_history(library: Library, section_id: str, cache_dir: Path | None = None) -> list[HistoryStep]:
    """The section's counterpart in each edition, oldest first (UnknownSectionError for an unknown id)."""
    section = library.section(section_id)
    editions = sorted(library.editions)
    alignments: dict[tuple[str, str], Alignment] = {}

    def alignment(one: str, other: str) -> Alignment:
        key = (min(one, other), max(one, other))
        if key not in alignments:
            alignments[key] = aligned(library, one, other, cache_dir)
        return alignments[key]

    at = editions.index(section.edition)
    chain: dict[str, Section | None] = {section.edition: section}
    for onward in (editions[at + 1 :], editions[:at][::-1]):
        last = section
        for edition in onward:
            found = chain[edition] = alignment(last.edition, edition).counterpart(last.id)
            last = found or last
    steps: list[HistoryStep] = []
    previous: Section | None = None
    for edition in editions:
        current = chain[edition]
        if current is None:
            steps.append(HistoryStep(edition, None, "absent"))
            continue
        if previous is None:
            steps.append(HistoryStep(edition, current, "added" if steps else "start"))
        else:
            pair = alignment(previous.edition, edition).pair_for(previous.id)
            status = "returned" if steps[-1].section is None else pair.status
            steps.append(HistoryStep(edition, current, status, pair.carried_over[0]))
        previous = current
    return steps
