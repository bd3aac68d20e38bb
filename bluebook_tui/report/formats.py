"""The report's formats, and which one a file's name asks for (no imports: the CLI lists them on every start)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

Format = Literal["html", "md", "csv"]
FORMATS: tuple[Format, ...] = ("html", "md", "csv")
_SUFFIXES: dict[str, Format] = {".md": "md", ".markdown": "md", ".csv": "csv"}


def format_for(path: Path | None, asked: str | None) -> Format:
    """The format asked for, else the one the file's suffix names (`.md`, `.csv`), else HTML."""
    if asked is not None:
        if asked not in FORMATS:
            from bluebook_tui.report.model import ReportError

            raise ReportError(f"no report format {asked!r} (formats: {', '.join(FORMATS)})")
        return cast(Format, asked)
    return _SUFFIXES.get(path.suffix.lower(), "html") if path is not None else "html"
