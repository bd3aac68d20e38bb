"""Key hints for a dialog's border or a status line, written from the bindings so they never name a stale key.

Written as the README writes keys (`esc`, `enter`, `ctrl+l`, `↓`), not as Textual's footer does (`^l`, `⏎`): a
border hint is a line of prose.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode

# How a hint writes the keys whose Textual names read awkwardly in prose; every other key as bound.
KEY_WORDS = {"escape": "esc", "down": "↓", "up": "↑"}


def key_for(owner: type[DOMNode], action: str) -> str:
    """The first key `owner`'s bindings (its own, then inherited) give `action`, as a hint writes it."""
    for cls in owner.__mro__:
        for binding in Binding.make_bindings(getattr(cls, "BINDINGS", [])):
            if binding.action == action:
                return KEY_WORDS.get(binding.key, binding.key)
    raise LookupError(f"{owner.__name__} binds no key to {action!r}")


def key_hints(*hints: tuple[type[DOMNode], str, str]) -> str:
    """`(owner, action, what it does)` hints as one line: "enter open · esc close"."""
    return " · ".join(f"{key_for(owner, action)} {label}" for owner, action, label in hints)
