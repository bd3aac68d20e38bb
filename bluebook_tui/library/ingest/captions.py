"""Photo captions, which the flattened sources print twice in a row (`XX`, sometimes split over two lines)."""

from __future__ import annotations

_TRAILING_MARKS = "\"'”’ "
_MIN_CAPTION = 8


def undouble(text: str) -> str | None:
    """The caption when `text` is one caption written twice, else None.

    The two copies may differ by a stray trailing quote (the 2016 ARDEC caption), so the longer copy is kept.
    """
    length = len(text)
    if length < 2 * _MIN_CAPTION or text.rstrip(_TRAILING_MARKS).endswith((".", "!", "?")):
        return None  # captions are labels, not sentences: a sentence said twice is the author's
    middle = length // 2
    for split in sorted(range(middle - 3, middle + 4), key=lambda k: abs(k - middle)):
        first, second = text[:split].strip(), text[split:].strip()
        if len(first) >= _MIN_CAPTION and first.rstrip(_TRAILING_MARKS) == second.rstrip(_TRAILING_MARKS):
            return max(first, second, key=len)
    return None


def undouble_split(line: str, next_line: str) -> str | None:
    """The caption when a doubled caption's second copy runs on to the next line, else None."""
    if not next_line:
        return None
    return undouble(f"{line} {next_line}")
