"""The comparison of two editions written out to share: one self-contained HTML file, Markdown or CSV.

`build_report` gathers what the comparison layer says of the two editions (`model`); `render` writes it in a format
(`rendering`, from the Jinja2 templates in `templates/`); `write_report` puts it in a file whole or not at all
(`output`). Nothing here imports Textual. Names are imported on first use, so the CLI can list the formats
(`formats`) without loading Jinja2 or the comparison.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bluebook_tui.report.errors import ReportError
    from bluebook_tui.report.formats import FORMATS, Format, format_for
    from bluebook_tui.report.model import Report, build_report
    from bluebook_tui.report.output import write_report
    from bluebook_tui.report.rendering import render

_HOMES = {
    "FORMATS": "formats",
    "Format": "formats",
    "format_for": "formats",
    "Report": "model",
    "ReportError": "errors",
    "build_report": "model",
    "write_report": "output",
    "render": "rendering",
}

__all__ = ["FORMATS", "Format", "Report", "ReportError", "build_report", "format_for", "render", "write_report"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
