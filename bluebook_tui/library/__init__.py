"""The library layer: ingest plain-text editions, load the Markdown library into a section tree.

Nothing here imports Textual; the CLI and the app both stand on this API. Names are imported on first use, so a
caller that needs only the errors or the paths (the search command, say) does not pay for markdown-it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bluebook_tui.library.errors import IngestError, LibraryError, UnknownEditionError, UnknownSectionError
    from bluebook_tui.library.model import Edition, Library, Section, load_edition, load_library
    from bluebook_tui.library.paths import content_dir

_HOMES = {
    "IngestError": "errors",
    "LibraryError": "errors",
    "UnknownEditionError": "errors",
    "UnknownSectionError": "errors",
    "Edition": "model",
    "Library": "model",
    "Section": "model",
    "load_edition": "model",
    "load_library": "model",
    "content_dir": "paths",
}

__all__ = [
    "Edition",
    "IngestError",
    "Library",
    "LibraryError",
    "Section",
    "UnknownEditionError",
    "UnknownSectionError",
    "content_dir",
    "load_edition",
    "load_library",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
