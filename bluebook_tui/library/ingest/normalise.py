"""Decode a source text and undo the damage copying does: BOM, CRLF, odd spaces, tabs, trailing blanks."""

from __future__ import annotations

import re
from pathlib import Path

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
    return [normalise_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def normalise_line(line: str) -> str:
    """One line (without its line break) with spacing made regular."""
    return _RUNS_OF_SPACES.sub(" ", _ODD_SPACES.sub(" ", line.replace("\ufeff", ""))).strip()


# What a source that is not plain text usually is, by its first bytes.
_KINDS = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a zip archive (a .docx or .epub, say)"),
    (b"\xd0\xcf\x11\xe0", "a Word or Excel document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)


def _refuse_binary(path: Path) -> None:
    """IngestError, naming what the file is, for a source that is not text at all."""
    with path.open("rb") as source:
        opening = source.read(4096)
    kind = next((name for magic, name in _KINDS if opening.startswith(magic)), None)
    if kind is None and b"\0" in opening:
        kind = "a binary file"
    if kind is not None:
        raise IngestError(f"{path.name} is {kind}, not plain text: save or export it as UTF-8 text and retry")


def read_lines(path: Path) -> list[str]:
    """A source file's lines, normalised as `normalise_lines` would, read a line at a time: a long book is never
    held whole (as text, a 50 MB source is 100 MB once one character needs two bytes). IngestError when it is not
    UTF-8 or holds nothing; OSError when it cannot be read."""
    _refuse_binary(path)
    lines: list[str] = []
    ended = True  # as `str.split` gives a last, empty line after a final line break
    # newline=None: "\r\n" and a lone "\r" end a line, as in `normalise_lines`.
    with path.open(encoding="utf-8-sig", newline=None) as source:
        try:
            for line in source:
                ended = line.endswith("\n")
                lines.append(normalise_line(line.removesuffix("\n")))
        except UnicodeDecodeError:
            decode(path.read_bytes(), str(path))  # raises, saying at which byte
            raise
    if ended:
        lines.append("")
    if not any(lines):
        raise IngestError(f"{path} is empty")
    return lines
