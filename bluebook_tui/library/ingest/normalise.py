"""Decode a source text and undo the damage copying does: BOM, CRLF, odd spaces, tabs, trailing blanks."""

from __future__ import annotations

import re

from bluebook_tui.library.errors import IngestError

# No-break, figure, narrow and other fixed-width spaces all read as a plain space.
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_RUNS_OF_SPACES = re.compile(r" {2,}")


def decode(data: bytes, name: str) -> str:
    """The source as text; IngestError when it is not UTF-8 or holds nothing."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(f"{name} is not UTF-8 text (byte {error.start}); save it as UTF-8 and retry") from None
    if not text.strip():
        raise IngestError(f"{name} is empty")
    return text


def normalise_lines(text: str) -> list[str]:
    """The source's lines with spacing made regular; blank lines are kept as empty strings."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _ODD_SPACES.sub(" ", text)
    return [_RUNS_OF_SPACES.sub(" ", line).strip() for line in text.split("\n")]
