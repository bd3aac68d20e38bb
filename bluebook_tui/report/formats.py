"""The report's formats, and which one a file's name asks for (light: the CLI lists them on every start)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from bluebook_tui.report.errors import ReportError

Format = Literal["html", "md", "csv"]
FORMATS: tuple[Format, ...] = ("html", "md", "csv")
_SUFFIXES: dict[str, Format] = {".md": "md", ".markdown": "md", ".csv": "csv"}


def format_for(path: Path | None, asked: str | None) -> Format:
    """The format asked for, else the one the file's suffix names (`.html`, `.md`, `.csv`; none: HTML); ReportError
    for another suffix (`-o report.pdf` would otherwise be HTML under a PDF's name)."""
    if asked is not None:
        if asked not in FORMATS:
            raise ReportError(f"no report format {asked!r} (formats: {', '.join(FORMATS)})")
        return asked
    suffix = path.suffix.lower() if path is not None else ""
    if suffix in ("", ".html", ".htm"):
        return "html"
    if suffix not in _SUFFIXES:
        raise ReportError(
            f"cannot tell the report's format from {path.name if path else ''!r}: name it .html, .md or .csv, "
            "or choose with --format"
        )
    return _SUFFIXES[suffix]
