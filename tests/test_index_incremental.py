"""Adding, changing or removing an edition re-indexes that edition only, and the index answers as a full build."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from bluebook_tui.library import LibraryError, load_library
from bluebook_tui.search import SearchService
from bluebook_tui.search.builder import IndexProgress
from bluebook_tui.search.store import BUILD_PREFIX, IndexStore
from tests.test_many_editions import copy_edition

QUERIES = ("piracy", "Japan", "Viet Nam", "cyber*", '"rule of law"', "PKO", "NOT Japan", "counter-terrorism")


@pytest.fixture
def content(bundled_content: Path, tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for edition in ("2016", "2022"):
        shutil.copy(bundled_content / f"{edition}.md", content)
    copy_edition(content, "2016", "2017")
    return content


def build(content: Path, root: Path, *, rebuild: bool = False) -> list[IndexProgress]:
    """Bring the index of the library in `content` up to date; what the build reported."""
    seen: list[IndexProgress] = []
    service = SearchService.for_content_dir(content, index_root=root)
    service.ensure_index(progress=seen.append, rebuild=rebuild)
    return seen


def answers(content: Path, root: Path) -> dict[str, tuple[int, tuple[tuple[str, int], ...]]]:
    service = SearchService.for_content_dir(content, index_root=root)
    return {query: (found.total, found.per_edition) for query in QUERIES for found in [service.search(query)]}


def editions_indexed(seen: list[IndexProgress]) -> int:
    return seen[-1].editions if seen else 0


def test_adding_changing_and_removing_an_edition_indexes_that_one_only(content: Path, tmp_path: Path) -> None:
    root = tmp_path / "index"
    assert editions_indexed(build(content, root)) == 3

    copy_edition(content, "2022", "2023")
    assert editions_indexed(build(content, root)) == 1
    assert answers(content, root) == answers(content, tmp_path / "full-1")  # a fresh full build of the same

    text = (content / "2017.md").read_text(encoding="utf-8")
    (content / "2017.md").write_text(re.sub("(?i)piracy", "brigandage", text), encoding="utf-8")
    assert editions_indexed(build(content, root)) == 1
    assert answers(content, root) == answers(content, tmp_path / "full-2")
    service = SearchService.for_content_dir(content, index_root=root)
    assert dict(service.search("brigandage").per_edition) == {"2017": 6}
    assert "2017" not in dict(service.search("piracy").per_edition)

    (content / "2016.md").unlink()
    assert editions_indexed(build(content, root)) == 0
    service = SearchService.for_content_dir(content, index_root=root)
    assert service.contents() == (["2017", "2022", "2023"], sum(1 for _ in load_library(content).walk()))
    assert service.search("piracy", edition="2016").error == "no edition '2016' (editions: 2017, 2022, 2023)"
    assert answers(content, root) == answers(content, tmp_path / "full-3")


def test_rebuild_indexes_every_edition(content: Path, tmp_path: Path) -> None:
    root = tmp_path / "index"
    build(content, root)
    assert editions_indexed(build(content, root, rebuild=True)) == 3


def test_progress_counts_editions_and_each_editions_sections(content: Path, tmp_path: Path) -> None:
    seen = build(content, tmp_path / "index")
    library = load_library(content)
    sizes = [sum(1 for _ in library.edition(edition).walk()) for edition in ("2016", "2017", "2022")]
    expected = [
        (done + (count == size), 3, count, size) for done, size in enumerate(sizes) for count in range(1, size + 1)
    ]
    assert [(at.editions_done, at.editions, at.sections_done, at.sections) for at in seen] == expected


def test_a_failed_update_leaves_the_current_build_whole(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "index"
    build(content, root)
    before = answers(content, root)
    store = IndexStore(root)
    current = store.read_manifest()
    copy_edition(content, "2022", "2023")

    def fail(at: IndexProgress) -> None:
        if at.sections_done == 10:
            raise OSError("No space left on device")

    service = SearchService.for_content_dir(content, index_root=root)
    with pytest.raises(LibraryError, match=r"cannot write the search index in .*: No space left on device"):
        service.ensure_index(progress=fail)
    assert store.read_manifest() == current
    assert not [entry for entry in root.iterdir() if entry.name.startswith(BUILD_PREFIX)]
    (content / "2023.md").unlink()
    assert answers(content, root) == before


def test_a_current_build_is_known_without_reading_the_files(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bluebook_tui.search import store

    root = tmp_path / "index"
    build(content, root)
    hashed: list[str] = []
    original = store.file_hashes
    monkeypatch.setattr(store, "file_hashes", lambda folder: hashed.append(folder.name) or original(folder))
    assert (editions_indexed(build(content, root)), hashed) == (0, [])

    os.utime(content / "2017.md", ns=(1, 1))  # touched, not changed: read and hashed, and nothing re-indexed
    assert (editions_indexed(build(content, root)), hashed) == (0, ["content"])
    assert (editions_indexed(build(content, root)), hashed) == (0, ["content"])  # the new stamps kept: not again

    path = content / "2016.md"
    path.write_text(path.read_text(encoding="utf-8").replace("piracy", "brigandage"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # changed, with a time some tool kept: the size still tells
    assert editions_indexed(build(content, root)) == 1
    assert SearchService.for_content_dir(content, index_root=root).search("brigandage").total > 0
