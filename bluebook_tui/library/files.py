"""Writing a file so that a reader never sees half of it."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write `data` to a temporary file beside `path`, then put it in place with `os.replace`.

    `mode` sets the file's permissions (else they stay the temporary file's: private). Raises OSError; the temporary
    file is removed whatever went wrong.
    """
    import tempfile  # only when writing: reading a library snapshot is on the app's way to its first frame

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def copy_atomically(source: Path, path: Path, *, mode: int | None = None) -> None:
    """Copy `source` to `path` as `write_atomically` writes (a temporary file beside it, then `os.replace`),
    streaming it rather than holding it in memory."""
    import shutil
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream, source.open("rb") as original:
            shutil.copyfileobj(original, stream)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
