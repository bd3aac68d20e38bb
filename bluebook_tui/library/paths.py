"""Where the library lives: `--content-dir`, else `BLUEBOOK_CONTENT_DIR`, else the bundled `content/`."""

from __future__ import annotations

import os
from pathlib import Path

CONTENT_ENV = "BLUEBOOK_CONTENT_DIR"
# The name of the user cache and data folders (platformdirs).
APP_NAME = "bluebook-tui"
BUNDLED_CONTENT = Path(__file__).resolve().parents[2] / "content"


def content_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The content directory to use, from the most specific setting that is given."""
    chosen = override or os.environ.get(CONTENT_ENV) or BUNDLED_CONTENT
    return Path(chosen).expanduser().resolve()
