"""Writing a file so that a reader never sees half of it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


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


class _HashingWriter:
    """A temporary file being written, with the SHA-256 of what went into it."""

    def __init__(self, stream: BinaryIO) -> None:
        import hashlib

        self._stream = stream
        self._digest = hashlib.sha256()
        self.discarded = False

    def discard(self) -> None:
        """Leave the file at the path as it is: what was written here is thrown away."""
        self.discarded = True

    def write(self, data: bytes) -> None:
        self._stream.write(data)
        self._digest.update(data)

    def same_as(self, path: Path) -> bool:
        """Whether `path` holds exactly what has been written so far (read a block at a time)."""
        import hashlib

        digest = hashlib.sha256()
        with path.open("rb") as existing:
            while block := existing.read(1 << 20):
                digest.update(block)
        return digest.digest() == self._digest.digest()


@contextmanager
def atomic_writer(path: Path, *, mode: int | None = None) -> Iterator[_HashingWriter]:
    """Write `path` in pieces as `write_atomically` writes it whole: into a temporary file beside it, put in place
    only when the block ends without an error (else removed), so a reader never sees half of it."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            writer = _HashingWriter(stream)
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
