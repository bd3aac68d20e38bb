"""Snapshots of the parsed library in the user cache, one per edition, so a start-up parses no Markdown it parsed
before and reads only the editions it shows.

Each edition file has its own snapshot, keyed by the file's size and modification time; an index maps each file to
its edition's id, so the library knows its editions without reading them, and an edition is read from its
snapshot the first time it is asked for (with 50 editions a start reads one, not 7.7 MB). Any change, a damaged
snapshot or an unwritable cache means that edition is parsed as usual: a snapshot is only ever a faster road to the
same `Library`.
"""

from __future__ import annotations

import contextlib
import json
import threading
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from bluebook_tui.library.errors import LibraryError
from bluebook_tui.library.files import file_stamp, write_atomically
from bluebook_tui.library.model import Edition, Library, Section, attach_children, load_edition, require_content_dir
from bluebook_tui.library.paths import APP_NAME

SNAPSHOT_VERSION = 3
INDEX_NAME = "index.json"


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def load_library_snapshot(content_dir: Path, cache_dir: Path | None = None) -> Library:
    """The library in `content_dir`: editions whose snapshot is current are read when first asked for, the others
    parsed now (and snapshotted)."""
    require_content_dir(content_dir)
    files = sorted(content_dir.glob("*.md"))
    if not files:
        raise LibraryError(f"no editions (*.md) in {content_dir}")
    cache = cache_dir or default_cache_dir()
    name = f"library-{zlib.crc32(str(content_dir).encode()):08x}"  # one per library; zlib is already loaded
    folder = cache / name
    known = _read_index(folder)
    entries: dict[str, dict[str, Any]] = {}
    parsed: dict[str, Edition] = {}
    files_by_id: dict[str, Path] = {}
    for file in files:
        stamp = file_stamp(file)
        entry = known.get(file.name)
        if entry is None or entry["stamp"] != stamp:
            edition = load_edition(file)
            parsed[edition.id] = edition
            entry = {"stamp": stamp, "id": edition.id, "heading": edition.heading}
            _write(folder / f"{file.name}.json", _snapshot_json(stamp, edition))
        entries[file.name] = entry
        files_by_id[entry["id"]] = file
    if entries != known:
        _write(folder / INDEX_NAME, {"version": SNAPSHOT_VERSION, "files": entries})
        with contextlib.suppress(OSError):
            (cache / f"{name}.json").unlink(missing_ok=True)  # the one-file snapshot of versions before 3
    headings = {entry["id"]: entry["heading"] for entry in entries.values()}
    return Library(content_dir, LazyEditions(files_by_id, parsed, folder), headings)


class LazyEditions(Mapping[str, Edition]):
    """A library's editions by id, oldest first, each read from its snapshot (or parsed) the first time it is
    asked for. Safe to read from any thread: the search's builds an index while the reader shows a section."""

    def __init__(self, files: dict[str, Path], loaded: dict[str, Edition], folder: Path) -> None:
        self._files = dict(sorted(files.items()))
        self._loaded = loaded
        self._folder = folder
        self._lock = threading.Lock()

    def __getitem__(self, edition_id: str) -> Edition:
        edition = self._loaded.get(edition_id)
        if edition is not None:
            return edition
        file = self._files[edition_id]  # KeyError for an edition the library has not: a Mapping's answer
        with self._lock:
            if edition_id not in self._loaded:
                self._loaded[edition_id] = _edition_from_snapshot(self._folder, file, edition_id)
            return self._loaded[edition_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def __contains__(self, edition_id: object) -> bool:
        return edition_id in self._files


def _edition_from_snapshot(folder: Path, file: Path, edition_id: str) -> Edition:
    """The edition in `file` from its snapshot when that is current and whole, else parsed (and snapshotted)."""
    path = folder / f"{file.name}.json"
    stamp = file_stamp(file)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["version"] == SNAPSHOT_VERSION and data["stamp"] == stamp:
            edition = _edition_from_json(data["edition"])
            if edition.id == edition_id and edition.sections:
                return edition
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # damaged, or of another shape (edited by hand, or by a bug fixed since): parsed again below
    edition = load_edition(file)
    if edition.id != edition_id:
        # The index named another edition for this file (edited by hand?): the next start builds it anew.
        with contextlib.suppress(OSError):
            (folder / INDEX_NAME).unlink(missing_ok=True)
        raise LibraryError(
            f"{file} holds edition {edition.id}, not {edition_id} as the library cache said: start again"
        )
    _write(path, _snapshot_json(stamp, edition))
    return edition


def _read_index(folder: Path) -> dict[str, dict[str, Any]]:
    """Each edition file's snapshot stamp, edition id and heading, as the last start saw them; {} when there is no index
    or it is damaged, and without the entries that are not of the right shape."""
    try:
        data = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
        if data["version"] != SNAPSHOT_VERSION or not isinstance(data["files"], dict):
            return {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    entries = {
        name: entry
        for name, entry in data["files"].items()
        if isinstance(entry, dict)
        and all(isinstance(entry.get(key), str) for key in ("id", "heading"))
        and isinstance(entry.get("stamp"), list)
    }
    ids = [entry["id"] for entry in entries.values()]
    return entries if len(set(ids)) == len(ids) else {}  # two files of one edition: no index of ours


def _write(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError:
        return  # a snapshot is an optimisation: without one the next start parses again


def _snapshot_json(stamp: list[int], edition: Edition) -> dict[str, Any]:
    return {
        "version": SNAPSHOT_VERSION,
        "stamp": stamp,
        "edition": {
            "id": edition.id,
            "book": edition.book,
            "chapter": edition.chapter,
            "chapter_title": edition.chapter_title,
            "heading": edition.heading,
            "intro": edition.intro,
            "markdown": edition.markdown,
            "digest": edition.digest,
            "path": str(edition.path),
            "sections": [_section_to_json(section) for section in edition.sections],
        },
    }


def _section_to_json(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "number": section.number,
        "title": section.title,
        "heading": section.heading,
        "level": section.level,
        "kind": section.kind,
        "markdown": section.markdown,
        "children": [_section_to_json(child) for child in section.children],
    }


def _edition_from_json(edition: dict[str, Any]) -> Edition:
    return Edition(
        id=edition["id"],
        book=edition["book"],
        chapter=edition["chapter"],
        chapter_title=edition["chapter_title"],
        heading=edition["heading"],
        intro=edition["intro"],
        sections=tuple(_section_from_json(section, edition["id"], None) for section in edition["sections"]),
        markdown=edition["markdown"],
        path=Path(edition["path"]),
        known_digest=edition["digest"],
    )


def _section_from_json(data: dict[str, Any], edition_id: str, parent: Section | None) -> Section:
    section = Section(
        id=data["id"],
        edition=edition_id,
        number=data["number"],
        title=data["title"],
        heading=data["heading"],
        level=data["level"],
        kind=data["kind"],
        markdown=data["markdown"],
        parent=parent,
    )
    attach_children(section, tuple(_section_from_json(child, edition_id, section) for child in data["children"]))
    return section
