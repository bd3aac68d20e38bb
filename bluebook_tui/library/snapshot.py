"""A snapshot of the parsed library in the user cache, so a start-up need not parse Markdown it parsed before.

The snapshot is keyed by each edition file's name, size and modification time; any change, a damaged snapshot or
an unwritable cache means the library is parsed as usual. It is only ever a faster road to the same `Library`.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from bluebook_tui.library.files import write_atomically
from bluebook_tui.library.model import Edition, Library, Section, attach_children, load_library, require_content_dir
from bluebook_tui.library.paths import APP_NAME

SNAPSHOT_VERSION = 2


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def load_library_snapshot(content_dir: Path, cache_dir: Path | None = None) -> Library:
    """The library in `content_dir`, from its snapshot when it is current, else parsed (and snapshotted)."""
    require_content_dir(content_dir)
    key = _fingerprint(content_dir)
    name = f"{zlib.crc32(str(content_dir).encode()):08x}"  # one snapshot per library; zlib is already loaded
    path = (cache_dir or default_cache_dir()) / f"library-{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["version"] == SNAPSHOT_VERSION and data["key"] == key:
            library = _library_from_json(content_dir, data["editions"])
            if _fits(library, key):
                return library
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # damaged, or of another shape: parsed again below, and the snapshot written anew
    library = load_library(content_dir)
    _write_snapshot(path, {"version": SNAPSHOT_VERSION, "key": key, "editions": _library_to_json(library)})
    return library


def _fits(library: Library, key: list[list[Any]]) -> bool:
    """Whether a snapshot's library is one the app can open: an edition for each edition file, each with sections
    (a snapshot edited by hand, or of a bug fixed since, may hold anything)."""
    files = sorted(name for name, _, _ in key)
    editions = library.editions.values()
    return (
        bool(files)
        and sorted(edition.path.name for edition in editions) == files
        and all(edition.sections and isinstance(edition.id, str) for edition in editions)
    )


def _fingerprint(content_dir: Path) -> list[list[Any]]:
    files = sorted(content_dir.glob("*.md"))
    return [[file.name, stat.st_size, stat.st_mtime_ns] for file in files for stat in [file.stat()]]


def _write_snapshot(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError:
        return  # a snapshot is an optimisation: without one the next start parses again


def _library_to_json(library: Library) -> list[dict[str, Any]]:
    return [
        {
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
        }
        for edition in library.editions.values()
    ]


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


def _library_from_json(content_dir: Path, editions: list[dict[str, Any]]) -> Library:
    loaded = [
        Edition(
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
        for edition in editions
    ]
    return Library(content_dir, {edition.id: edition for edition in loaded})


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
