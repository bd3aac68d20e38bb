"""The index on disk: where it goes, rebuilt when stale, a killed build, two processes at once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bluebook_tui.library import load_library
from bluebook_tui.search import SearchService
from bluebook_tui.search import store as index_store
from bluebook_tui.search.schema import SCHEMA_VERSION

NEW_SECTION = "\n## (99) Quokka Diplomacy\n\nJapan welcomed the quokkas of Rottnest Island.\n"

# Builds the index again and kills itself (SIGKILL, no clean-up) half-way through adding the sections.
KILLED_BUILD = """
import os, signal, sys
from pathlib import Path
from bluebook_tui.library import load_library
from bluebook_tui.search import SearchService

def progress(at):
    if at.sections_done == at.sections // 2:
        os.kill(os.getpid(), signal.SIGKILL)

SearchService(load_library(Path(sys.argv[1]))).ensure_index(progress=progress, rebuild=True)
"""

# Rebuilds (and searches) or only searches, ROUNDS times; prints one line per search: total and the hits' ids.
WORKER = """
import sys
from pathlib import Path
from bluebook_tui.library import load_library
from bluebook_tui.search import SearchService

content, role, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
service = SearchService.for_content_dir(content)
for round_ in range(rounds):
    if role == "builder":
        service.ensure_index(rebuild=True)
    results = service.search("piracy Somalia")
    if results.error:
        sys.exit(f"search failed: {results.error}")
    print(results.total, *sorted(hit.id for hit in results.hits))
"""


@pytest.fixture
def content(bundled_content: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "library" / "content"
    shutil.copytree(bundled_content, copy)
    return copy


def index_dir(content: Path) -> Path:
    return content.parent / "index"


def add_section(content: Path) -> None:
    with (content / "2022.md").open("a", encoding="utf-8") as edition:
        edition.write(NEW_SECTION)


def run_python(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)


def test_built_once_beside_the_library_then_reused(content: Path) -> None:
    service = SearchService(load_library(content))
    assert service.index_root == index_dir(content)
    assert service.ensure_index() is True
    assert SearchService(load_library(content)).ensure_index() is False
    assert service.search("Senkaku").total > 0


def test_the_first_search_builds_the_index(content: Path) -> None:
    assert SearchService(load_library(content)).search("Senkaku").total > 0
    assert (index_dir(content) / "current.json").is_file()


def test_a_changed_library_is_reindexed(content: Path) -> None:
    SearchService(load_library(content)).ensure_index()
    add_section(content)
    service = SearchService(load_library(content))
    assert service.ensure_index() is True
    assert [hit.id for hit in service.search("quokkas").hits] == ["2022/99"]


def test_an_index_from_another_schema_version_is_rebuilt(content: Path) -> None:
    SearchService(load_library(content)).ensure_index()
    manifest_path = index_dir(content) / "current.json"
    manifest = json.loads(manifest_path.read_text())
    manifest_path.write_text(json.dumps({**manifest, "schema": SCHEMA_VERSION - 1}))
    service = SearchService(load_library(content))
    assert service.ensure_index() is True
    assert json.loads(manifest_path.read_text())["schema"] == SCHEMA_VERSION
    assert service.search("Senkaku").total > 0


def test_a_build_killed_half_way_leaves_the_old_index_usable(content: Path) -> None:
    service = SearchService(load_library(content))
    service.ensure_index()
    before = service.search("piracy Somalia")
    manifest = (index_dir(content) / "current.json").read_text()

    killed = run_python(KILLED_BUILD, str(content))
    assert killed.returncode == -9
    assert (index_dir(content) / "current.json").read_text() == manifest
    assert list(index_dir(content).glob(".build-*")), "the killed build's directory is left behind"

    fresh = SearchService(load_library(content))
    assert fresh.ensure_index() is False
    assert fresh.search("piracy Somalia") == before
    fresh.ensure_index(rebuild=True)
    assert not list(index_dir(content).glob(".build-*")), "the next build clears it away"


def test_a_build_killed_after_the_library_changed_is_finished_by_the_next_search(content: Path) -> None:
    SearchService(load_library(content)).ensure_index()
    add_section(content)
    assert run_python(KILLED_BUILD, str(content)).returncode == -9
    assert SearchService(load_library(content)).search("quokkas").total == 1


def test_a_running_service_follows_a_build_published_by_another_process(content: Path) -> None:
    service = SearchService(load_library(content))
    service.ensure_index()
    assert service.search("quokkas").total == 0
    add_section(content)
    assert run_python(WORKER, str(content), "builder", "1").returncode == 0
    assert service.search("quokkas").total == 1


def test_two_processes_at_once_neither_corrupt_nor_block_each_other(content: Path) -> None:
    expected = SearchService(load_library(content)).search("piracy Somalia")
    expected_line = " ".join([str(expected.total), *sorted(hit.id for hit in expected.hits)])
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(content), *job], stdout=subprocess.PIPE, text=True)
        for job in (("builder", "3"), ("builder", "3"), ("searcher", "300"))
    ]
    outputs = [worker.communicate(timeout=120)[0].splitlines() for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0]
    assert all(outputs) and {line for output in outputs for line in output} == {expected_line}
    generations = list(index_dir(content).glob("gen-*"))
    assert 1 <= len(generations) <= 2 and not list(index_dir(content).glob(".build-*"))


def test_the_user_cache_is_used_when_the_library_folder_is_read_only(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_only = {content.parent, index_dir(content)}
    real_access = os.access
    monkeypatch.setattr(
        index_store.os, "access", lambda path, mode: Path(path) not in read_only and real_access(path, mode)
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    service = SearchService(load_library(content))
    assert service.index_root.is_relative_to(tmp_path / "cache" / "bluebook-tui")
    assert service.search("Senkaku").total > 0
    assert not index_dir(content).exists()


def test_a_broken_library_is_one_line_from_search(content: Path) -> None:
    (content / "2022.md").write_text("not an edition\n", encoding="utf-8")
    results = SearchService.for_content_dir(content).search("piracy")
    assert results.error is not None and "not a Bluebook edition" in results.error and "\n" not in results.error
