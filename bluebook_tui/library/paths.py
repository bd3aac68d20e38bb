"""Where the library lives: `--content-dir`, else `BLUEBOOK_CONTENT_DIR`, else the bundled `content/`."""

from __future__ import annotations

import os
from pathlib import Path

CONTENT_ENV = "BLUEBOOK_CONTENT_DIR"
# The name of the user cache and data folders (platformdirs).
APP_NAME = "bluebook-tui"
_CLONE_CONTENT = Path(__file__).resolve().parents[2] / "content"


def _bundled_content() -> Path:
    """The library that comes with the program: `content/` in a clone (an editable install included), else the
    copy an installed package carries as `bluebook_tui/bundled/`."""
    if _CLONE_CONTENT.is_dir():
        return _CLONE_CONTENT
    from importlib.resources import files

    return Path(str(files("bluebook_tui") / "bundled"))


BUNDLED_CONTENT = _bundled_content()


def is_installed_bundle(content_dir: Path) -> bool:
    """Whether `content_dir` is the library inside an installed package, beside which nothing may be written
    (`pip uninstall` would leave it behind)."""
    return content_dir == BUNDLED_CONTENT and BUNDLED_CONTENT != _CLONE_CONTENT


def content_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The content directory to use, from the most specific setting that is given."""
    chosen = override or os.environ.get(CONTENT_ENV) or BUNDLED_CONTENT
    return Path(chosen).expanduser().resolve()
