"""The library layer: ingest plain-text editions, load the Markdown library into a section tree.

Nothing here imports Textual; the CLI and the app both stand on this API.
"""

from bluebook_tui.library.errors import IngestError, LibraryError, UnknownEditionError, UnknownSectionError
from bluebook_tui.library.model import Edition, Library, Section, load_edition, load_library
from bluebook_tui.library.paths import content_dir

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
