"""A report put in its file whole or not at all."""

from __future__ import annotations

from pathlib import Path

from bluebook_tui.library.files import write_atomically
from bluebook_tui.report.errors import ReportError
from bluebook_tui.report.formats import Format
from bluebook_tui.report.model import Report
from bluebook_tui.report.rendering import render


def write_report(report: Report, path: Path, form: Format) -> int:
    """Render the report and write it to `path` (readable by all: it is meant to be shared); the bytes written.

    Raises ReportError, one line, when the file cannot be written; an older file at `path` is then left as it was.
    """
    data = render(report, form).encode("utf-8")
    if path.is_dir():
        raise ReportError(f"cannot write the report to {path}: it is a directory")
    try:
        write_atomically(path, data, mode=0o644)
    except OSError as error:
        raise ReportError(f"cannot write the report to {path}: {error.strerror or error}") from None
    return len(data)
