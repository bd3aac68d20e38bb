"""A search index damaged or standing in the way: found when opened (or searched), rebuilt, and said in one line.

The faults are made for real: every file of a build overwritten with random bytes, a file where the index folder
should be, a folder where its manifest should be.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import struct
from pathlib import Path

import pytest

from bluebook_tui.library import Library
from bluebook_tui.search import SearchService
from bluebook_tui.search.store import IndexStore
from tests.app_support import make_app, notices, settle, until
from tests.support import run


@pytest.fixture
def library_dir(bundled_content: Path, tmp_path: Path) -> Path:
    """A copy of the bundled library with `index/` beside it, as in a clone."""
    content = tmp_path / "library" / "content"
    content.mkdir(parents=True)
    for edition in ("2016.md", "2022.md"):
        shutil.copy(bundled_content / edition, content)
    return content


def _damage(index_root: Path) -> list[Path]:
    """Overwrite every file of the current build with random bytes of its own length (the manifest intact)."""
    manifest = IndexStore(index_root).read_manifest()
    assert manifest is not None
    damaged = [path for path in (index_root / manifest.generation).iterdir() if path.is_file()]
    noise = random.Random(7)
    for path in damaged:
        path.write_bytes(noise.randbytes(max(64, path.stat().st_size)))
    return damaged


def _hits(out: str) -> list[str]:
    return [hit["id"] for hit in json.loads(out)["hits"]]


def test_a_damaged_index_is_rebuilt_with_a_notice(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    code, out, _ = run(capsys, "--content-dir", str(library_dir), "search", "piracy", "--json")
    assert code == 0
    intact = _hits(out)
    assert _damage(library_dir.parent / "index")
    code, out, err = run(capsys, "--content-dir", str(library_dir), "search", "piracy", "--json")
    assert code == 0 and _hits(out) == intact
    assert err == f"bluebook: The search index in {library_dir.parent / 'index'} could not be read; it was rebuilt.\n"
    code, out, err = run(capsys, "--content-dir", str(library_dir), "search", "piracy", "--json")
    assert (code, err) == (0, "") and _hits(out) == intact  # repaired for good


def test_bluebook_index_repairs_too(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    run(capsys, "--content-dir", str(library_dir), "index")
    _damage(library_dir.parent / "index")
    code, out, err = run(capsys, "--content-dir", str(library_dir), "index")
    assert code == 0 and "could not be read; it was rebuilt" in err and "Traceback" not in err + out


def test_a_damaged_build_published_by_another_process_is_repaired_by_the_next_search(
    library: Library, tmp_path: Path
) -> None:
    said: list[str] = []
    service = SearchService(library, index_root=tmp_path / "index")
    service.on_notice = said.append
    service.ensure_index()
    intact = [hit.id for hit in service.search("piracy").hits]
    SearchService(library, index_root=tmp_path / "index").ensure_index(rebuild=True)  # another process
    _damage(tmp_path / "index")
    results = service.search("piracy")
    assert results.error is None and [hit.id for hit in results.hits] == intact
    assert len(said) == 1 and "rebuilt" in said[0]


def test_damage_that_shows_only_while_searching_is_repaired_once(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    service = SearchService(library, index_root=tmp_path / "index")
    service.on_notice = said.append
    service.ensure_index()
    intact = [hit.id for hit in service.search("piracy").hits]
    searcher = service._index.searcher if service._index else None
    assert searcher is not None

    def short_read(*args: object, **kwargs: object) -> None:
        raise struct.error("unpack requires a buffer of 4 bytes")  # what Whoosh raises on a truncated posting

    monkeypatch.setattr(searcher, "search_with_collector", short_read)
    results = service.search("piracy")
    assert results.error is None and [hit.id for hit in results.hits] == intact
    assert len(said) == 1
    # A second failure after the repair is not damage the index can be rebuilt out of: said, not rebuilt again.
    rebuilt = service._index.searcher if service._index else None
    monkeypatch.setattr(rebuilt, "search_with_collector", short_read)
    results = service.search("piracy")
    assert results.error == "the query could not be run: unpack requires a buffer of 4 bytes" and len(said) == 1


def test_a_file_where_the_index_folder_should_be(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    blocker = library_dir.parent / "index"
    blocker.write_text("my notes, not an index", encoding="utf-8")
    code, out, err = run(capsys, "--content-dir", str(library_dir), "search", "piracy", "--json")
    assert code == 0 and _hits(out) and err == ""
    assert blocker.read_text(encoding="utf-8") == "my notes, not an index"  # the user's file, untouched


def test_a_folder_where_the_manifest_should_be(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    index = library_dir.parent / "index"
    (index / "current.json").mkdir(parents=True)
    code, out, err = run(capsys, "--content-dir", str(library_dir), "search", "piracy", "--json")
    assert code == 0 and _hits(out)
    assert err.startswith(f"bluebook: The search index cannot be kept in {index} (") and err.count("\n") == 1
    assert {path.name for path in index.iterdir()} == {"current.json", ".lock"}  # nothing half-made left there


def test_an_index_that_cannot_be_written_anywhere_is_one_line(
    capsys: pytest.CaptureFixture[str], library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (library_dir.parent / "index").write_text("", encoding="utf-8")
    blocked_cache = library_dir.parent / "cache"
    blocked_cache.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked_cache))
    code, out, err = run(capsys, "--content-dir", str(library_dir), "search", "piracy")
    assert code == 2 and out == ""
    assert err.startswith("bluebook search: cannot write the search index in ") and err.count("\n") == 1


async def test_the_app_repairs_a_damaged_index_and_says_so(library: Library, data_dir: Path, tmp_path: Path) -> None:
    index_root = tmp_path / "index"
    SearchService(library, index_root=index_root).ensure_index()
    _damage(index_root)
    app = make_app(library, data_dir, index_root)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: app.search_service is not None)
        assert app.search_service is not None and app.search_note == ""
        assert any("could not be read; it was rebuilt" in message for message in notices(pilot))
        assert app.search_service.search("piracy").total > 0


def test_nothing_of_the_library_is_touched_by_a_repair(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {path.name: path.read_bytes() for path in library_dir.iterdir()}
    run(capsys, "--content-dir", str(library_dir), "index")
    _damage(library_dir.parent / "index")
    run(capsys, "--content-dir", str(library_dir), "search", "piracy")
    assert {path.name: path.read_bytes() for path in library_dir.iterdir()} == before
    assert not [name for name in os.listdir(library_dir.parent / "index") if name.startswith(".build-")]
