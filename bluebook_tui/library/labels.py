"""The numbering labels that open the Bluebook's headings: `(1)`, `A.`/`A`, `(a)`, `(A)`, `a.`, `(Text)`."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each style is one numbering sequence; the order is the usual nesting, outermost first.
_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("paren-digit", re.compile(r"^\((\d{1,2})\)\s*(?=\S)")),
    ("upper-letter", re.compile(r"^([A-Z])(?:\.\s*|\s+)(?=[A-Z])")),
    ("paren-lower", re.compile(r"^\(([a-z])\)\s*(?=\S)")),
    ("paren-upper", re.compile(r"^\(([A-Z])\)\s*(?=\S)")),
    ("lower-dot", re.compile(r"^([a-z])\.\s*(?=\S)")),
)
PAREN_TEXT = "paren-text"
_PAREN_TEXT = re.compile(r"^\(([A-Z][^()]*)\)$")


@dataclass(frozen=True)
class Label:
    """A heading split into its numbering and its title."""

    style: str
    number: str | None
    title: str

    @property
    def value(self) -> int:
        """The position in its sequence (1 for `(1)`, `A`, `(a)`), 0 for an unnumbered heading."""
        if self.number is None:
            return 0
        return int(self.number) if self.number.isdigit() else ord(self.number.lower()) - ord("a") + 1


def split_label(heading: str) -> Label | None:
    """The label of a heading as printed, or None when the line does not open with one."""
    for style, pattern in _STYLES:
        match = pattern.match(heading)
        if match:
            return Label(style, match.group(1), heading[match.end() :].strip())
    match = _PAREN_TEXT.match(heading)
    if match:
        return Label(PAREN_TEXT, None, match.group(1).strip())
    return None
