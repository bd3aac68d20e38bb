"""Writing a file so that a reader never sees half of it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def file_stamp(path: Path) -> list[int]:
    """The file's size and modification time (ns): what says a file read before is, as far as one can tell
    without reading it, unchanged (the library snapshot and the search index's manifest keep them)."""
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def write_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write `data` to a temporary file beside `path`, then put it in place with `os.replace`.

    `mode` sets the file's permissions (else they stay the temporary file's: private). Raises OSError; the temporary
    file is removed whatever went wrong.
    """
    with atomic_writer(path, mode=mode) as stream:
        stream.write(data)


def copy_atomically(source: Path, path: Path, *, mode: int | None = None) -> None:
    """Copy `source` to `path` as `write_atomically` writes, streaming it rather than holding it in memory."""
    import shutil

    with atomic_writer(path, mode=mode) as stream, source.open("rb") as original:
        shutil.copyfileobj(original, stream)


class _PendingFile:
    """The temporary file an `atomic_writer` block writes, put in place when the block ends."""

    def __init__(self, stream: BinaryIO, path: str) -> None:
        self._stream = stream
        self._path = path
        self.discarded = False

    def write(self, data: bytes) -> None:
        self._stream.write(data)

    def discard(self) -> None:
        """Leave the file at the path as it is: what was written here is thrown away."""
        self.discarded = True

    def same_as(self, path: Path) -> bool:
        """Whether `path` holds exactly what has been written so far (compared a block at a time)."""
        import filecmp

        self._stream.flush()
        return filecmp.cmp(self._path, path, shallow=False)


@contextmanager
def atomic_writer(path: Path, *, mode: int | None = None) -> Iterator[_PendingFile]:
    """Write `path` in pieces as `write_atomically` writes it whole: into a temporary file beside it, put in place
    only when the block ends without an error (else removed), so a reader never sees half of it."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            writer = _PendingFile(stream, temporary)
            yield writer
        if writer.discarded:
            os.unlink(temporary)
            return
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def why_not(error: OSError) -> str:
    """Why a file could not be read or written, for a one-line message: the OS's reason, said plainly where it says
    little ("File exists" when a file stands where a folder is needed)."""
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "a file stands where a folder should be"
    if isinstance(error, IsADirectoryError):
        return "a folder stands where a file should be"
    return error.strerror or str(error)
