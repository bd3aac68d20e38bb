"""The report's one error (light: the CLI's format check raises it without loading the comparison)."""

from __future__ import annotations

from bluebook_tui.library.errors import LibraryError


class ReportError(LibraryError):
    """A report that cannot be made as asked (the same edition twice, say)."""
