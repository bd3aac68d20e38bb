"""One index per library: two libraries side by side in one folder keep their own, and an index answers only for
the library its manifest names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bluebook_tui.library import load_library
from bluebook_tui.search import SearchService
from bluebook_tui.search.store import IndexStore
from tests.support import run


@pytest.fixture
def two_libraries(bundled_content: Path, tmp_path: Path) -> tuple[Path, Path]:
    """`content/` with both editions and `older/` with 2016 only, in one folder."""
    both, older = tmp_path / "content", tmp_path / "older"
    for folder, editions in ((both, ("2016", "2022")), (older, ("2016",))):
        folder.mkdir()
        for edition in editions:
            shutil.copy(bundled_content / f"{edition}.md", folder)
    return both, older


def _total(capsys: pytest.CaptureFixture[str], content: Path) -> int:
    code, out, _ = run(capsys, "--content-dir", str(content), "search", "piracy", "--json")
    assert code == 0
    return int(json.loads(out)["total"])


def test_two_libraries_in_one_folder_keep_their_own_index(
    capsys: pytest.CaptureFixture[str], two_libraries: tuple[Path, Path]
) -> None:
    both, older = two_libraries
    assert _total(capsys, both) == 10
    assert _total(capsys, older) == 6  # 2016's own: not the other library's 10
    assert _total(capsys, both) == 10
    roots = {
        json.loads(run(capsys, "--content-dir", str(folder), "index", "--json")[1])["path"] for folder in two_libraries
    }
    assert roots == {str(both.parent / "index"), str(older.parent / "older.index")}


def test_a_running_search_keeps_answering_for_its_own_library(two_libraries: tuple[Path, Path]) -> None:
    both, older = two_libraries
    mine = SearchService(load_library(both))
    mine.ensure_index()
    assert mine.search("piracy").total == 10
    SearchService(load_library(older)).ensure_index(rebuild=True)  # the other library, built meanwhile
    assert mine.search("piracy").total == 10


def test_an_index_naming_another_library_is_not_opened(two_libraries: tuple[Path, Path], tmp_path: Path) -> None:
    both, older = two_libraries
    shared = tmp_path / "shared-index"
    SearchService(load_library(older), index_root=shared).ensure_index()
    manifest = IndexStore(shared).read_manifest()
    assert manifest is not None and manifest.library == str(older)
    service = SearchService(load_library(both), index_root=shared)
    assert service.ensure_index() is True  # built for this library, not reused
    assert service.search("piracy").total == 10


def test_index_json(capsys: pytest.CaptureFixture[str], two_libraries: tuple[Path, Path]) -> None:
    both, _ = two_libraries
    code, out, _ = run(capsys, "--content-dir", str(both), "index", "--json")
    assert code == 0
    data = json.loads(out)
    sections = sum(1 for _ in load_library(both).walk())
    assert data == {
        "path": str(both.parent / "index"),
        "editions": ["2016", "2022"],
        "sections": sections,
        "built": True,
    }
    assert json.loads(run(capsys, "--content-dir", str(both), "index", "--json")[1])["built"] is False
