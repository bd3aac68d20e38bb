"""Nest headings by their numbering sequences, not by the label's shape alone.

A sequence continues where a heading of the same style holds the previous number (`(2)` after `(1)`); a `1`/`A`/`a`
opens a sequence one level deeper. So 2016's `(1) Afghanistan` under `(b) ODA…` nests, and when two open sequences
could both continue (`(3) Initiatives…` after both `(2) Training…` and `(2) Peacekeeping…`), the next heading decides
and otherwise the shallower wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bluebook_tui.library.labels import PAREN_TEXT, Label

MAX_DEPTH = 5  # `##` … `######` under the edition's `#`


@dataclass(frozen=True)
class _Frame:
    style: str
    value: int
    level: int


_Stack = tuple[_Frame, ...]


def _placements(label: Label, stack: _Stack) -> list[_Stack]:
    """Every stack the heading could leave behind, one per level it could sit at."""
    options: list[_Stack] = []
    for depth in range(len(stack) - 1, -1, -1):
        frame = stack[depth]
        continues = frame.style == label.style and (label.style == PAREN_TEXT or frame.value == label.value - 1)
        if continues:
            options.append((*stack[:depth], _Frame(label.style, label.value, frame.level)))
    opens = label.value == 1 or (label.style == PAREN_TEXT and not options)
    level = (stack[-1].level if stack else 0) + 1
    if opens and level <= MAX_DEPTH:
        options.append((*stack, _Frame(label.style, label.value, level)))
    return options


def assign_levels(labels: Sequence[Label]) -> list[int | None]:
    """The depth (1 = top) of each heading, or None for a line that fits no sequence and so is no heading."""
    levels: list[int | None] = []
    stack: _Stack = ()
    for index, label in enumerate(labels):
        options = _placements(label, stack)
        ahead = _next_fitting(labels, index + 1, options) if len(options) > 1 else None
        if ahead is not None:
            options = [option for option in options if _placements(ahead, option)] or options
        if not options:
            levels.append(None)
            continue
        stack = min(options, key=lambda option: option[-1].level)
        levels.append(stack[-1].level)
    return levels


def _next_fitting(labels: Sequence[Label], start: int, options: list[_Stack]) -> Label | None:
    """The next label that is a heading under at least one of the options (lines that fit none are skipped)."""
    for label in labels[start:]:
        if any(_placements(label, option) for option in options):
            return label
    return None
