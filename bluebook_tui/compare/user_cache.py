"""Results kept in the user cache as JSON, each under a key naming what it was worked out from.

An entry whose key differs, or that is damaged or unreadable, reads as missing (the caller works it out again);
one that cannot be written is only not kept: a cache is an optimisation, never a source of truth.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bluebook_tui.library.files import write_atomically


def default_cache_dir() -> Path:
    from bluebook_tui.library.snapshot import default_cache_dir

    return default_cache_dir()


def read_entry(path: Path, key: str) -> dict[str, Any] | None:
    """The entry's data if it is there, readable and stored under `key`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("key") == key else None


def write_entry(path: Path, key: str, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps({**data, "key": key}, ensure_ascii=False).encode())
    except OSError:
        return  # without the entry the next run works it out again


def code_fingerprint(modules: Iterable[Path]) -> str:
    """The size and modification time of the modules a result depends on (cheaper than hashing them), so that a
    new release, or an edit of that code, works it out afresh."""
    stats = [(module.name, module.stat().st_size, module.stat().st_mtime_ns) for module in sorted(modules)]
    return f"{zlib.crc32(repr(stats).encode()):08x}"
